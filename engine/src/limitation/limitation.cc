// The limitation rules: their loader (limitation.yaml per jurisdiction) and the time bar of
// one offence finding. Every period, start and exception is data; this file only counts.
#include "ibsa/limitation.h"

#include <algorithm>
#include <filesystem>

#include "base/file_io.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "limitation/limitation_data.h"
#include "load/citations.h"
#include "load/law_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace internal {

namespace {

bool Matches(const std::vector<std::string>& prefixes, const std::string& id) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
    return id == p || (id.size() > p.size() && id.compare(0, p.size(), p) == 0 && id[p.size()] == '.');
  });
}

class Loader {
 public:
  Loader(YamlReader& reader, const Law& law) : reader_(reader) {
    for (const auto& v : law.versions()) {
      for (const auto& r : v.rules) ids_.push_back(r.id);
    }
  }

  std::optional<JurisdictionLimitation> Read(const YAML::Node& root) {
    if (!reader_.CheckMap(root, "limitation file", {"format", "jurisdiction", "start", "regimes", "special"},
                          {"format", "jurisdiction", "start", "regimes"})) {
      return std::nullopt;
    }
    JurisdictionLimitation j;
    j.file = reader_.file();
    if (auto f = reader_.ReadChoice(root["format"], "format", {"ibsa.limitation/1"}); !f) return std::nullopt;
    if (auto id = reader_.ReadString(root["jurisdiction"], "jurisdiction")) j.jurisdiction = *id;
    if (auto s = reader_.ReadChoice(root["start"], "start", {"day_of_facts", "day_after"})) {
      j.start_day_after = *s == "day_after";
    }
    if (!root["regimes"].IsSequence() || root["regimes"].size() == 0) {
      reader_.Error("E0701", root["regimes"], "'regimes' must list at least one regime",
                    {"each regime: {id, article, from, periods: [...], certainty, reason, sources}"});
    } else {
      for (const auto& node : root["regimes"]) {
        if (auto r = ReadRegime(node)) j.regimes.push_back(std::move(*r));
      }
      for (size_t i = 1; i < j.regimes.size(); ++i) {
        if (j.regimes[i].from <= j.regimes[i - 1].from) {
          reader_.Error("E0702", root["regimes"][i]["from"],
                        "regime '" + j.regimes[i].provision.id + "' must start after the regime before it",
                        {"list the regimes by their 'from' date, each later than the one before"});
        }
      }
    }
    if (root["special"].IsDefined()) {
      if (!root["special"].IsSequence()) {
        reader_.Error("E0701", root["special"], "'special' must be a list of exceptions");
      } else {
        for (const auto& node : root["special"]) {
          if (auto s = ReadSpecial(node)) j.specials.push_back(std::move(*s));
        }
      }
    }
    return j;
  }

 private:
  bool ReadProvision(const YAML::Node& node, LimitationProvision& p) {
    if (auto id = reader_.ReadString(node["id"], "id")) p.id = *id;
    if (auto a = reader_.ReadString(node["article"], "article")) p.article = *a;
    if (auto i = reader_.ReadLocalized(node["instrument"], "instrument")) p.instrument = *i;
    if (auto t = reader_.ReadLocalized(node["title"], "title")) p.title = *t;
    if (node["caveat"].IsDefined()) {
      if (auto c = reader_.ReadLocalized(node["caveat"], "caveat")) p.caveat = *c;
    }
    if (auto c = ReadCertainty(node["certainty"])) p.certainty = *c;
    if (auto r = reader_.ReadLocalized(node["reason"], "reason")) p.certainty_reason = *r;
    p.sources = Sources(node["sources"], "'" + p.id + "'");
    return true;
  }

  std::optional<Certainty> ReadCertainty(const YAML::Node& node) { return internal::ReadCertainty(reader_, node); }

  std::vector<Source> Sources(const YAML::Node& node, const std::string& owner) {
    return ReadSources(reader_, node, owner);
  }

  std::vector<std::string> RuleIds(const YAML::Node& node) {
    auto ids = reader_.ReadStringList(node, "rules");
    if (!ids) return {};
    for (size_t i = 0; i < ids->size(); ++i) {
      const bool known = std::any_of(ids_.begin(), ids_.end(), [&](const std::string& id) {
        return Matches({(*ids)[i]}, id);
      });
      if (!known) {
        std::string hint = DidYouMean((*ids)[i], ids_);
        reader_.Error("E0703", node[i], "no rule of the law is '" + (*ids)[i] + "' or begins with '" + (*ids)[i] + ".'",
                      {hint.empty() ? "name a rule id of the rulesets, or the start of some (be.sw.371-1)" : hint});
      }
    }
    return *ids;
  }

  std::optional<Regime> ReadRegime(const YAML::Node& node) {
    if (!reader_.CheckMap(node, "regime",
                          {"id", "article", "instrument", "title", "from", "reaches_earlier_facts", "periods",
                           "without_prison_years", "outer_factor", "rules", "caveat", "certainty", "reason", "sources"},
                          {"id", "article", "instrument", "title", "from", "periods", "certainty", "reason", "sources"})) {
      return std::nullopt;
    }
    Regime r;
    ReadProvision(node, r.provision);
    if (auto d = reader_.ReadDate(node["from"], "from")) r.from = *d;
    if (node["reaches_earlier_facts"].IsDefined()) {
      if (auto b = reader_.ReadBool(node["reaches_earlier_facts"], "reaches_earlier_facts")) r.reaches_earlier_facts = *b;
    }
    if (node["without_prison_years"].IsDefined()) {
      if (auto y = reader_.ReadInt(node["without_prison_years"], "without_prison_years")) r.without_prison_years = static_cast<int>(*y);
    }
    if (node["outer_factor"].IsDefined()) {
      if (auto f = reader_.ReadInt(node["outer_factor"], "outer_factor")) r.outer_factor = static_cast<int>(*f);
    }
    if (node["rules"].IsDefined()) r.rules = RuleIds(node["rules"]);
    const YAML::Node periods = node["periods"];
    if (!periods.IsSequence() || periods.size() == 0) {
      reader_.Error("E0701", periods, "'periods' of regime '" + r.provision.id + "' must list at least one band",
                    {"each band: {up_to_months: 36, years: 6}; the last has no up_to_months"});
      return r;
    }
    for (size_t i = 0; i < periods.size(); ++i) {
      const YAML::Node b = periods[i];
      if (!reader_.CheckMap(b, "period band", {"up_to_months", "years", "certainty", "reason"}, {"years"})) continue;
      PeriodBand band;
      if (b["up_to_months"].IsDefined()) band.up_to_months = reader_.ReadInt(b["up_to_months"], "up_to_months");
      if (!(b["years"].IsScalar() && b["years"].Scalar() == "never")) {
        if (auto y = reader_.ReadInt(b["years"], "years")) band.years = static_cast<int>(*y);
      }
      if (b["certainty"].IsDefined()) {
        band.certainty = ReadCertainty(b["certainty"]);
        if (auto reason = reader_.ReadLocalized(b["reason"], "reason")) band.certainty_reason = *reason;
      }
      const bool last = i + 1 == periods.size();
      if (last == band.up_to_months.has_value()) {
        reader_.Error("E0704", b, last ? "the last band must have no 'up_to_months': it takes every heavier offence"
                                       : "only the last band may leave out 'up_to_months'",
                      {"bands go from the lightest maximum to the heaviest"});
      }
      if (!r.bands.empty() && band.up_to_months && r.bands.back().up_to_months &&
          *band.up_to_months <= *r.bands.back().up_to_months) {
        reader_.Error("E0704", b["up_to_months"], "bands must rise: 'up_to_months' must exceed the band before");
      }
      r.bands.push_back(std::move(band));
    }
    return r;
  }

  std::optional<Special> ReadSpecial(const YAML::Node& node) {
    if (!reader_.CheckMap(node, "exception",
                          {"id", "article", "instrument", "title", "rules", "effect", "facts_from", "facts_until",
                           "reaches_earlier_facts", "caveat", "certainty", "reason", "sources"},
                          {"id", "article", "instrument", "title", "rules", "effect", "certainty", "reason", "sources"})) {
      return std::nullopt;
    }
    Special s;
    ReadProvision(node, s.provision);
    s.rules = RuleIds(node["rules"]);
    if (auto e = reader_.ReadChoice(node["effect"], "effect", {"never", "start_at_18"})) {
      s.effect = *e == "never" ? Effect::kNever : Effect::kStartAt18;
    }
    if (node["facts_from"].IsDefined()) s.facts_from = reader_.ReadDate(node["facts_from"], "facts_from");
    if (node["facts_until"].IsDefined()) s.facts_until = reader_.ReadDate(node["facts_until"], "facts_until");
    if (node["reaches_earlier_facts"].IsDefined()) {
      if (auto b = reader_.ReadBool(node["reaches_earlier_facts"], "reaches_earlier_facts")) s.reaches_earlier_facts = *b;
      if (s.reaches_earlier_facts && !s.facts_from) {
        reader_.Error("E0705", node["reaches_earlier_facts"],
                      "'reaches_earlier_facts' needs 'facts_from': the day from which the exception applies");
      }
    }
    return s;
  }

  YamlReader& reader_;
  std::vector<std::string> ids_;
};

constexpr InputLimits kLimitationLimits{"limitation file", std::size_t{1} << 20, kMaxNestingDepth, kMaxAliasNodes};

}  // namespace
}  // namespace internal

Result<LimitationRules> LimitationRules::FromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                                                   const Law& law) {
  auto data = std::make_shared<internal::LimitationData>();
  std::vector<Diagnostic> errors;
  for (const auto& [file, text] : files) {
    internal::YamlReader reader(text, file);
    auto root = reader.Parse(internal::kLimitationLimits);
    if (root) {
      internal::Loader loader(reader, law);
      auto j = loader.Read(*root);
      if (j && reader.ok()) {
        const auto& known = law.vocabulary().jurisdictions();
        if (std::find(known.begin(), known.end(), j->jurisdiction) == known.end()) {
          reader.Error("E0706", (*root)["jurisdiction"], "'" + j->jurisdiction + "' is not a jurisdiction of the vocabulary",
                       {"one of " + internal::JoinQuoted(known)});
        } else if (std::any_of(data->jurisdictions.begin(), data->jurisdictions.end(),
                               [&](const auto& other) { return other.jurisdiction == j->jurisdiction; })) {
          reader.Error("E0706", (*root)["jurisdiction"], "a second limitation file for " + j->jurisdiction,
                       {"one limitation.yaml per jurisdiction; its regimes are dated"});
        } else {
          data->jurisdictions.push_back(std::move(*j));
        }
      }
    }
    for (auto& d : reader.TakeDiagnostics()) errors.push_back(std::move(d));
  }
  if (!errors.empty()) return errors;
  data->minor_slot = law.vocabulary().SlotOf("victim.minor");
  data->age_slot = law.vocabulary().SlotOf("victim.age");
  return LimitationRules(std::move(data));
}

Result<LimitationRules> LimitationRules::Load(const std::string& directory, const Law& law) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<Diagnostic> errors;
  for (const auto& path : internal::LimitationFiles(directory)) {
    Diagnostic error;
    if (auto text = internal::ReadFile(path, error)) {
      files.emplace_back(path, std::move(*text));
    } else {
      errors.push_back(error);
    }
  }
  if (!errors.empty()) return errors;
  return FromTexts(files, law);
}

bool LimitationRules::Covers(const std::string& jurisdiction) const {
  return std::any_of(data_->jurisdictions.begin(), data_->jurisdictions.end(),
                     [&](const auto& j) { return j.jurisdiction == jurisdiction; });
}

Date AddYears(Date date, int years) {
  // Through the civil date: "YYYY-MM-DD" is the one representation Date exposes.
  const std::string text = date.ToString();
  int y = std::stoi(text.substr(0, 4)) + years;
  const int m = std::stoi(text.substr(5, 2));
  int d = std::stoi(text.substr(8, 2));
  char buffer[48];
  for (; d > 27; --d) {  // 29 February in a year without one: the last day of February
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    if (auto parsed = Date::Parse(buffer)) return *parsed;
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return *Date::Parse(buffer);
}

int WholeMonthsBetween(Date from, Date to) {
  if (to <= from) return 0;
  const std::string a = from.ToString(), b = to.ToString();
  int months = (std::stoi(b.substr(0, 4)) - std::stoi(a.substr(0, 4))) * 12 + std::stoi(b.substr(5, 2)) -
               std::stoi(a.substr(5, 2));
  if (std::stoi(b.substr(8, 2)) < std::stoi(a.substr(8, 2))) --months;
  return std::max(months, 0);
}

namespace {

using internal::Effect;
using internal::JurisdictionLimitation;
using internal::Regime;
using internal::Special;

Certainty Weaker(Certainty a, Certainty b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

// The facts a finding's time bar reads: the last act date (a continuing act ends with the
// last), and what the case says of the victim.
struct Facts {
  Date facts_on = Date::FromDays(0);  // the last act date
  // Its latest day, when a date is given as a period (a month, a range): a time bar counts
  // from the first day at the earliest and from this one at the latest.
  Date facts_on_latest = Date::FromDays(0);
  std::optional<int64_t> victim_age;
};

const Regime* RegimeOn(const JurisdictionLimitation& j, Date date, const std::string& rule) {
  const Regime* found = nullptr;
  for (const auto& r : j.regimes) {
    if (r.from <= date && (r.rules.empty() || internal::Matches(r.rules, rule))) found = &r;
  }
  return found;
}

struct Period {
  std::optional<int> years;  // empty: never
  Certainty certainty = Certainty::kSettled;
  bool known = false;        // false: the offence's penalty does not say
};

Period PeriodOf(const Regime& regime, const Rule& rule) {
  Period p;
  p.certainty = regime.provision.certainty;
  if (!rule.penalty) return p;
  if (!rule.penalty->prison_months || !rule.penalty->prison_months->max) {
    if (rule.penalty->fine_eur || rule.penalty->fine_category) {
      if (regime.without_prison_years) {
        p.years = regime.without_prison_years;
        p.known = true;
      }
    }
    return p;
  }
  const int64_t max = *rule.penalty->prison_months->max;
  for (const auto& band : regime.bands) {
    if (band.up_to_months && max > *band.up_to_months) continue;
    p.years = band.years;
    p.known = true;
    if (band.certainty) p.certainty = Weaker(p.certainty, *band.certainty);
    break;
  }
  p.certainty = Weaker(p.certainty, rule.penalty->certainty);
  return p;
}

const Special* SpecialFor(const JurisdictionLimitation& j, const std::string& rule, Date facts_on) {
  for (const auto& s : j.specials) {
    if (!internal::Matches(s.rules, rule)) continue;
    if (s.facts_until && facts_on > *s.facts_until) continue;
    if (s.facts_from && facts_on < *s.facts_from && !s.reaches_earlier_facts) continue;
    return &s;
  }
  return nullptr;
}

// The ordinary time bar, from the regime of the date of the facts, carried into later
// regimes that reach facts not yet time-barred on their first day.
LimitationScenario Ordinary(const JurisdictionLimitation& j, const Rule& rule, Date start, Date start_latest,
                            Date facts_on) {
  LimitationScenario s;
  s.starts_on = start;
  if (start_latest != start) s.starts_on_latest = start_latest;
  const Regime* regime = RegimeOn(j, facts_on, rule.id);
  if (regime == nullptr) {
    s.certainty = Certainty::kUnverified;
    s.known = false;
    return s;
  }
  s.provisions.push_back(&regime->provision);
  Period p = PeriodOf(*regime, rule);
  s.certainty = p.certainty;
  if (!p.known) {
    s.certainty = Certainty::kUnverified;
    s.known = false;
    return s;
  }
  s.period_years = p.years;
  if (!p.years) return s;
  Date earliest = AddYears(start, *p.years);
  Date latest = AddYears(start_latest, *p.years * regime->outer_factor);
  for (const auto& later : j.regimes) {
    if (later.from <= facts_on || !later.reaches_earlier_facts) continue;
    if (!later.rules.empty() && !internal::Matches(later.rules, rule.id)) continue;
    if (latest <= later.from) break;  // time-barred before the later law, whatever interrupted it
    Period q = PeriodOf(later, rule);
    if (!q.known) {
      s.certainty = Certainty::kUnverified;
      s.known = false;
      return s;
    }
    s.provisions.push_back(&later.provision);
    s.certainty = Weaker(s.certainty, q.certainty);
    const std::optional<Date> later_end =
        q.years ? std::optional<Date>(AddYears(start_latest, *q.years)) : std::nullopt;
    if (earliest > later.from) {  // surely not yet time-barred: the later law alone counts
      s.period_years = q.years;
      if (!q.years) {
        s.barred_from.reset();
        s.barred_from_latest.reset();
        return s;
      }
      earliest = AddYears(start, *q.years);
      latest = std::max(*later_end, AddYears(start_latest, *q.years * later.outer_factor));
    } else {  // barred on `earliest` unless an interruption carried it into the later law
      if (!later_end) {
        s.barred_from = earliest;
        s.may_never_lapse = true;
        return s;
      }
      latest = std::max(latest, *later_end);
    }
  }
  s.barred_from = earliest;
  if (latest != earliest) s.barred_from_latest = latest;
  return s;
}

LimitationScenario ForMinor(const JurisdictionLimitation& j, const Special& special, const Rule& rule,
                            const Facts& facts) {
  const Date day_after = facts.facts_on.AddDays(j.start_day_after ? 1 : 0);
  if (special.effect == Effect::kStartAt18) {
    // The 18th birthday: exactly known from the age only within a year.
    Date first = day_after, last = AddYears(facts.facts_on, 18);
    if (facts.victim_age) {
      const int to_go = static_cast<int>(18 - *facts.victim_age);
      first = AddYears(facts.facts_on, to_go - 1).AddDays(1);
      last = AddYears(facts.facts_on, to_go);
    }
    if (j.start_day_after) {
      first = first.AddDays(1);
      last = last.AddDays(1);
    }
    LimitationScenario s = Ordinary(j, rule, first, last, facts.facts_on);
    s.starts_at_majority = true;
    s.provisions.push_back(&special.provision);
    s.certainty = Weaker(s.certainty, special.provision.certainty);
    return s;
  }
  LimitationScenario s;
  s.starts_on = day_after;
  s.provisions.push_back(&special.provision);
  s.certainty = special.provision.certainty;
  if (special.facts_from && facts.facts_on < *special.facts_from) {
    // An older fact comes under the exception only if not yet time-barred on its first day.
    LimitationScenario ordinary = Ordinary(j, rule, day_after, day_after, facts.facts_on);
    if (!ordinary.known) return ordinary;
    s.provisions.insert(s.provisions.begin(), ordinary.provisions.begin(), ordinary.provisions.end());
    s.certainty = Weaker(ordinary.certainty, s.certainty);
    if (ordinary.barred_from && *ordinary.barred_from <= *special.facts_from) {
      const Date latest = ordinary.barred_from_latest.value_or(*ordinary.barred_from);
      if (latest <= *special.facts_from) return ordinary;  // barred before, whatever interrupted it
      s.period_years = ordinary.period_years;
      s.barred_from = ordinary.barred_from;  // unless interrupted: then never
      s.may_never_lapse = true;
    }
  }
  return s;
}

// The readings of the time bar for facts on the days `facts` gives: one, or one for each
// value of victim.minor where an exception for minors applies and the case does not say.
std::vector<LimitationScenario> Readings(const JurisdictionLimitation& j, const Rule& rule, const Facts& facts,
                                         std::optional<bool> minor, std::vector<std::string>& decided_by) {
  const Date day_after = facts.facts_on.AddDays(j.start_day_after ? 1 : 0);
  const Date day_after_latest = facts.facts_on_latest.AddDays(j.start_day_after ? 1 : 0);
  const Special* special = SpecialFor(j, rule.id, facts.facts_on);
  std::vector<LimitationScenario> out;
  if (special == nullptr || minor == false) {
    out.push_back(Ordinary(j, rule, day_after, day_after_latest, facts.facts_on));
  } else if (minor == true) {
    out.push_back(ForMinor(j, *special, rule, facts));
  } else {
    if (std::find(decided_by.begin(), decided_by.end(), "victim.minor") == decided_by.end()) {
      decided_by.push_back("victim.minor");
    }
    LimitationScenario adult = Ordinary(j, rule, day_after, day_after_latest, facts.facts_on);
    adult.assumed_fact = "victim.minor";
    adult.assumed_value = false;
    LimitationScenario child = ForMinor(j, *special, rule, facts);
    child.assumed_fact = "victim.minor";
    child.assumed_value = true;
    out.push_back(std::move(child));
    out.push_back(std::move(adult));
  }
  return out;
}

// The time bar of facts on some day of a period, from its reading on the first day and on the
// last: the earliest day it may be time-barred is the first day's (without interruptions),
// the latest the last day's (with every interruption); where they differ, the day decides.
LimitationScenario AcrossThePeriod(const LimitationScenario& first, const LimitationScenario& last) {
  LimitationScenario s = first;
  if (s.assumed_fact.empty()) {
    s.assumed_fact = last.assumed_fact;
    s.assumed_value = last.assumed_value;
  }
  for (const auto* p : last.provisions) {
    if (std::find(s.provisions.begin(), s.provisions.end(), p) == s.provisions.end()) s.provisions.push_back(p);
  }
  s.certainty = Weaker(first.certainty, last.certainty);
  s.known = first.known && last.known;
  if (first.starts_on && last.starts_on) {
    const Date latest = std::max(first.starts_on_latest.value_or(*first.starts_on),
                                 last.starts_on_latest.value_or(*last.starts_on));
    s.starts_on = std::min(*first.starts_on, *last.starts_on);
    s.starts_on_latest.reset();
    if (latest != *s.starts_on) s.starts_on_latest = latest;
  }
  const bool same_rule = first.period_years == last.period_years && first.known == last.known;
  if (!same_rule) s.on_last_day.push_back(last);
  if (!s.known) return s;
  // Never on one day and not on another: it lapses or not as the day was.
  if (!first.barred_from || !last.barred_from) {
    s.barred_from = first.barred_from ? first.barred_from : last.barred_from;
    const LimitationScenario& lapsing = first.barred_from ? first : last;
    s.barred_from_latest = lapsing.barred_from_latest;
    if (s.barred_from) s.may_never_lapse = true;
    if (!s.barred_from) s.period_years.reset();
    s.day_decides = first.barred_from != last.barred_from;
    s.barred_from_last_day = last.barred_from;
    return s;
  }
  s.may_never_lapse = first.may_never_lapse || last.may_never_lapse;
  const Date latest = std::max(first.barred_from_latest.value_or(*first.barred_from),
                               last.barred_from_latest.value_or(*last.barred_from));
  s.barred_from = std::min(*first.barred_from, *last.barred_from);
  s.barred_from_latest.reset();
  if (latest != *s.barred_from) s.barred_from_latest = latest;
  s.day_decides = *first.barred_from != *last.barred_from;
  if (s.day_decides) s.barred_from_last_day = last.barred_from;
  return s;
}

}  // namespace

std::optional<LimitationOutcome> LimitationRules::Of(const Finding& finding, const Case& c,
                                                     std::optional<Date> assessed_on) const {
  if (finding.rule == nullptr || finding.rule->kind != RuleKind::kOffence) return std::nullopt;
  const JurisdictionLimitation* j = nullptr;
  for (const auto& candidate : data_->jurisdictions) {
    if (candidate.jurisdiction == finding.version->jurisdiction) j = &candidate;
  }
  if (j == nullptr) return std::nullopt;
  const Rule& rule = *finding.rule;
  Facts facts;
  facts.facts_on = c.date();
  facts.facts_on_latest = c.period().latest;
  if (!finding.anchors.empty()) {  // a continuing act: the last of its dates
    facts.facts_on = finding.anchors.front().date;
    facts.facts_on_latest = finding.anchors.front().period.latest;
    for (const auto& anchor : finding.anchors) {
      facts.facts_on = std::max(facts.facts_on, anchor.date);
      facts.facts_on_latest = std::max(facts.facts_on_latest, anchor.period.latest);
    }
  }
  facts.facts_on_latest = std::max(facts.facts_on_latest, facts.facts_on);
  // Only the days on which the versions the finding rests on are in force: an offence of a
  // version in force from the middle of the period (a day-decides finding) can only have
  // been committed from then on.
  {
    Date from = finding.version->in_force_from;
    std::optional<Date> until = finding.version->in_force_until;
    for (const FindingVersion& v : finding.versions) {
      from = std::min(from, v.version->in_force_from);
      until = !until || !v.version->in_force_until ? std::nullopt
                                                    : std::optional<Date>(std::max(*until, *v.version->in_force_until));
    }
    const Date first = std::max(facts.facts_on, from);
    const Date last = until ? std::min(facts.facts_on_latest, *until) : facts.facts_on_latest;
    if (first <= last) {
      facts.facts_on = first;
      facts.facts_on_latest = last;
    }
  }
  std::optional<bool> minor;
  if (data_->minor_slot) minor = c.values()[*data_->minor_slot].boolean();
  if (data_->age_slot) facts.victim_age = c.values()[*data_->age_slot].integer();

  LimitationOutcome out;
  out.assessed_on = assessed_on;
  if (facts.facts_on == facts.facts_on_latest) {
    out.scenarios = Readings(*j, rule, facts, minor, out.decided_by);
  } else {
    // A period: read on its first day and on its last, each reading of the one with the
    // other's reading of the same assumption (or its only one).
    Facts first_day = facts, last_day = facts;
    first_day.facts_on_latest = facts.facts_on;
    last_day.facts_on = facts.facts_on_latest;
    const auto first = Readings(*j, rule, first_day, minor, out.decided_by);
    const auto last = Readings(*j, rule, last_day, minor, out.decided_by);
    const auto& more = first.size() >= last.size() ? first : last;
    auto same_reading = [](const std::vector<LimitationScenario>& in, const LimitationScenario& s) {
      for (const auto& candidate : in) {
        if (candidate.assumed_fact.empty() ||
            (candidate.assumed_fact == s.assumed_fact && candidate.assumed_value == s.assumed_value)) {
          return candidate;
        }
      }
      return in.front();
    };
    for (const auto& s : more) out.scenarios.push_back(AcrossThePeriod(same_reading(first, s), same_reading(last, s)));
  }
  // Time-barred on the assessment date: in every scenario at the latest date (true), in
  // none even at the earliest (false), else it depends.
  bool all = true, none = true;
  std::optional<Date> earliest;
  for (const auto& s : out.scenarios) {
    out.certainty = Weaker(out.certainty, s.certainty);
    if (!s.known) {
      all = none = false;
      continue;
    }
    if (!s.barred_from) {  // never
      all = false;
      continue;
    }
    earliest = earliest ? std::min(*earliest, *s.barred_from) : *s.barred_from;
    if (!assessed_on) continue;
    const Date latest = s.barred_from_latest.value_or(*s.barred_from);
    if (*assessed_on < *s.barred_from) {
      all = false;
    } else if (*assessed_on >= latest && !s.may_never_lapse) {
      none = false;
    } else {
      all = false;
      none = false;
    }
  }
  if (assessed_on) {
    out.lapsed = all ? Truth::kTrue : none ? Truth::kFalse : Truth::kUnknown;
    if (out.lapsed != Truth::kTrue && earliest && *assessed_on < *earliest) {
      out.ends_within_months = WholeMonthsBetween(*assessed_on, *earliest);
    }
  }
  return out;
}

}  // namespace ibsa
