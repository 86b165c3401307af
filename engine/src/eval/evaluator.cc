#include <algorithm>
#include <map>
#include <tuple>

#include "base/access.h"
#include "expr/condition.h"
#include "eval/decider.h"
#include "ibsa/decide.h"
#include "ibsa/evaluate.h"
#include "load/law_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

std::string_view TruthName(Truth truth) {
  switch (truth) {
    case Truth::kTrue: return "met";
    case Truth::kFalse: return "not_met";
    case Truth::kUnknown: return "unknown";
  }
  return "unknown";
}

bool IsDayFact(std::string_view name) {
  return name == kDateOfFactsName || (name.starts_with("acts.") && name.ends_with(".date"));
}

std::string_view FindingStatusName(FindingStatus status) {
  return status == FindingStatus::kApplies ? "applies" : "possible";
}

std::string_view FavourableName(Favourable favourable) {
  switch (favourable) {
    case Favourable::kEarlier: return "earlier";
    case Favourable::kLater: return "later";
    case Favourable::kSame: return "same";
    case Favourable::kUndetermined: return "undetermined";
  }
  return "undetermined";
}

std::string_view ComparisonBasisName(ComparisonBasis basis) {
  switch (basis) {
    case ComparisonBasis::kNotCoveredLater: return "not_covered_later";
    case ComparisonBasis::kNoSuccessor: return "no_successor";
    case ComparisonBasis::kNoLaterVersion: return "no_later_version";
    case ComparisonBasis::kSuccessorUnknown: return "successor_unknown";
    case ComparisonBasis::kPenaltyUnverified: return "penalty_unverified";
    case ComparisonBasis::kMaximumPrison: return "maximum_prison";
    case ComparisonBasis::kMinimumPrison: return "minimum_prison";
    case ComparisonBasis::kMaximumFine: return "maximum_fine";
    case ComparisonBasis::kLevel: return "level";
    case ComparisonBasis::kSamePenalty: return "same_penalty";
    case ComparisonBasis::kProvisionUnverified: return "provision_unverified";
  }
  return "no_successor";
}

namespace {

using internal::LawData;


std::vector<std::string> SlotNames(std::vector<int32_t> slots, const Vocabulary& vocabulary) {
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  std::vector<std::string> names;
  for (int32_t slot : slots) names.push_back(vocabulary.fact(slot).name);
  return names;
}

// The rules of `later` that continue `rule_id`: the same id, or one that replaces it,
// following replacements through intermediate versions of the same instrument.
std::vector<int32_t> Successors(const LawData& data, int later_index, const std::string& rule_id) {
  const RulesetVersion& later = data.versions[later_index];
  std::vector<std::string> frontier = {rule_id};
  for (size_t round = 0; round <= data.versions.size(); ++round) {
    std::vector<int32_t> found;
    auto continues = [&](const Rule& r) {
      if (std::find(frontier.begin(), frontier.end(), r.id) != frontier.end()) return true;
      return std::any_of(r.replaces.begin(), r.replaces.end(), [&](const std::string& id) {
        return std::find(frontier.begin(), frontier.end(), id) != frontier.end();
      });
    };
    for (size_t r = 0; r < later.rules.size(); ++r) {
      if (continues(later.rules[r])) found.push_back(data.first_rule[later_index] + static_cast<int32_t>(r));
    }
    if (!found.empty()) return found;
    const size_t before = frontier.size();
    for (const auto& v : data.versions) {
      if (v.jurisdiction != later.jurisdiction || v.instrument != later.instrument) continue;
      for (const auto& r : v.rules) {
        if (continues(r) && std::find(frontier.begin(), frontier.end(), r.id) == frontier.end()) {
          frontier.push_back(r.id);
        }
      }
    }
    if (frontier.size() == before) break;
  }
  return {};
}

bool Verified(const std::optional<Penalty>& p) {
  return p && !p->Unknown() && p->certainty != Certainty::kUnverified;
}

// Compares two penalties as the statute states them: the lower maximum prison term is
// more favourable, then the lower minimum, then the lower fine, then the lower level.
std::pair<Favourable, ComparisonBasis> ComparePenalties(const Penalty& earlier, const Penalty& later) {
  auto prison_max = [](const Penalty& p) { return p.prison_months && p.prison_months->max ? *p.prison_months->max : 0; };
  // "More than 36 months" lies above "36 months": doubled, plus one when exclusive.
  auto prison_min = [](const Penalty& p) -> int64_t {
    if (!p.prison_months || !p.prison_months->min) return 0;
    return *p.prison_months->min * 2 + (p.prison_months->min_exclusive ? 1 : 0);
  };
  auto fine_max = [](const Penalty& p) {
    if (p.fine_eur && p.fine_eur->max) return *p.fine_eur->max * p.fine_multiplier.value_or(1);
    return static_cast<int64_t>(p.fine_category.value_or(0));
  };
  auto level = [](const Penalty& p) { return static_cast<int64_t>(p.level.value_or(0)); };
  const std::pair<int64_t (*)(const Penalty&), ComparisonBasis> keys[] = {
      {+prison_max, ComparisonBasis::kMaximumPrison},
      {+prison_min, ComparisonBasis::kMinimumPrison},
      {+fine_max, ComparisonBasis::kMaximumFine},
      {+level, ComparisonBasis::kLevel},
  };
  for (const auto& [key, basis] : keys) {
    const int64_t a = key(earlier), b = key(later);
    if (a < b) return {Favourable::kEarlier, basis};
    if (b < a) return {Favourable::kLater, basis};
  }
  return {Favourable::kSame, ComparisonBasis::kSamePenalty};
}

std::optional<LexMitior> CompareWithLaterLaw(const Law& law, const internal::Decider& evaluator,
                                             const Finding& finding, Date assessed_on,
                                             const std::vector<std::string>& with) {
  const LawData& data = internal::DataOf(law);
  const RulesetVersion& applied = *finding.version;
  const RulesetVersion* later =
      law.VersionInForce(applied.jurisdiction, applied.instrument, assessed_on, with);
  if (later == &applied) return std::nullopt;
  LexMitior result;
  result.assessed_on = assessed_on;
  result.later_version = later;
  if (later == nullptr) {
    // Only a question when the assessment comes after the version applied ended.
    if (!applied.in_force_until || assessed_on <= *applied.in_force_until) return std::nullopt;
    result.basis = ComparisonBasis::kNoLaterVersion;
    return result;
  }
  if (later->in_force_from < applied.in_force_from) return std::nullopt;
  const int later_index = static_cast<int>(later - data.versions.data());
  const auto successors = Successors(data, later_index, finding.rule->id);
  if (successors.empty()) {
    result.basis = ComparisonBasis::kNoSuccessor;
    return result;
  }
  const Rule* met = nullptr;
  result.successor_truth = Truth::kFalse;
  for (int32_t global : successors) {
    const Rule& rule = data.versions[data.rules[global].version].rules[data.rules[global].rule];
    result.successors.push_back(&rule);
    const Truth truth = evaluator.RuleTruth(global);
    result.successor_truth = Or(result.successor_truth, truth);
    if (truth == Truth::kTrue && met == nullptr) met = &rule;
  }
  if (result.successor_truth == Truth::kFalse) {
    result.favourable = Favourable::kLater;
    result.basis = ComparisonBasis::kNotCoveredLater;
    return result;
  }
  if (met == nullptr) {
    result.basis = ComparisonBasis::kSuccessorUnknown;
    return result;
  }
  // An unverified provision (e.g. a successor whose article and level were not read)
  // cannot make either law the more favourable one, whatever its penalty says.
  if (finding.rule->certainty == Certainty::kUnverified || met->certainty == Certainty::kUnverified) {
    result.basis = ComparisonBasis::kProvisionUnverified;
    return result;
  }
  if (!Verified(finding.rule->penalty) || !Verified(met->penalty)) {
    result.basis = ComparisonBasis::kPenaltyUnverified;
    return result;
  }
  std::tie(result.favourable, result.basis) = ComparePenalties(*finding.rule->penalty, *met->penalty);
  return result;
}

// Facts cannot postdate their assessment: a date of the facts or of an act after it is a
// typing error (2099 for 2019) or a what-if. Said, not refused: the suite's what-if cases
// about laws to come are dated after today.
std::vector<Diagnostic> FactsAfter(const Case& c, Date assessed_on) {
  std::vector<Diagnostic> warnings;
  auto warn = [&](const SourceLocation& where, const std::string& what, Date date) {
    Diagnostic d{"W0001", where,
                 what + " " + date.ToString() + " is after the date of the assessment, " +
                     assessed_on.ToString(),
                 {"facts cannot have happened after they are assessed: check the date (or "
                  "pass --assessed-on for a later assessment)"},
                 "", 1};
    d.severity = Severity::kWarning;
    warnings.push_back(std::move(d));
  };
  if (c.date() > assessed_on) warn(c.date_location(), "the date of the facts,", c.date());
  for (const Act& act : c.acts()) {
    if (act.date > assessed_on && act.date != c.date()) warn(act.location, "the act '" + act.type + "' dated", act.date);
  }
  return warnings;
}

// Whether two findings of one rule id, from two versions of one instrument in force on
// different days of a period, say the same thing, so that one finding may stand for both
// (Finding::versions). Compared: what the reader is told the law is (article, title, note,
// kind, the acts it is about, what it continues, each element's and aggravation's label, the
// penalty with its certainty, the rule's certainty and its reason, and the version's citation
// and penalty levels, which the penalty and its notes are read from), and what these facts
// make of it (the status, each element's and aggravation's truth and the facts that would
// decide it). Not compared: the sources, which each version cites at its own date (the
// consolidated text of that day: the finding lists them all), the place in the YAML, and the
// conditions as written, whose outcome on these facts is compared (the police referral's
// "an offence may have been committed" lists art. 139h Sr before 1 July 2024 and art. 254ba
// after: the same referral). A finding whose day decides keeps its version: it is possible
// on some days only, which its own line says.
bool ReadsAlike(const Finding& a, const Finding& b) {
  const Rule& x = *a.rule;
  const Rule& y = *b.rule;
  const RulesetVersion& v = *a.version;
  const RulesetVersion& w = *b.version;
  if (a.day_decides || b.day_decides || a.status != b.status || a.missing != b.missing || a.certainty != b.certainty ||
      (a.certainty_from.rule == nullptr) != (b.certainty_from.rule == nullptr) ||
      (a.certainty_from.rule != nullptr && (a.certainty_from.rule->id != b.certainty_from.rule->id ||
                                            !(a.certainty_from.rule->certainty_reason == b.certainty_from.rule->certainty_reason)))) {
    return false;
  }
  if (v.jurisdiction != w.jurisdiction || v.instrument != w.instrument || !(v.abbreviation == w.abbreviation) ||
      v.status != w.status || v.penalty_levels != w.penalty_levels) {
    return false;
  }
  if (x.id != y.id || x.kind != y.kind || x.article != y.article || !(x.title == y.title) || !(x.note == y.note) ||
      x.acts != y.acts || x.replaces != y.replaces || x.penalty != y.penalty || x.certainty != y.certainty ||
      !(x.certainty_reason == y.certainty_reason) || x.elements.size() != y.elements.size() ||
      x.aggravations.size() != y.aggravations.size()) {
    return false;
  }
  for (size_t e = 0; e < x.elements.size(); ++e) {
    if (x.elements[e].id != y.elements[e].id || !(x.elements[e].label == y.elements[e].label)) return false;
  }
  for (size_t g = 0; g < x.aggravations.size(); ++g) {
    const Aggravation& p = x.aggravations[g];
    const Aggravation& q = y.aggravations[g];
    if (p.id != q.id || p.article != q.article || !(p.label == q.label) || p.penalty != q.penalty ||
        p.certainty != q.certainty || !(p.certainty_reason == q.certainty_reason)) {
      return false;
    }
  }
  if (a.elements.size() != b.elements.size() || a.aggravations.size() != b.aggravations.size()) return false;
  for (size_t e = 0; e < a.elements.size(); ++e) {
    if (a.elements[e].truth != b.elements[e].truth || a.elements[e].missing != b.elements[e].missing) return false;
  }
  for (size_t g = 0; g < a.aggravations.size(); ++g) {
    if (a.aggravations[g].aggravation->id != b.aggravations[g].aggravation->id ||
        a.aggravations[g].truth != b.aggravations[g].truth || a.aggravations[g].missing != b.aggravations[g].missing) {
      return false;
    }
  }
  return true;
}

// One finding for a rule that reads alike in the versions of a period's days: the later
// ones join the first (in the order the findings came, which is by date within an
// instrument), with their anchors.
void JoinAlike(std::vector<Finding>& findings) {
  std::vector<Finding> joined;
  joined.reserve(findings.size());
  for (Finding& f : findings) {
    // Only with the finding of the version just before (the same id, the last one seen):
    // versions that read differently in between keep their findings apart.
    Finding* first = nullptr;
    for (auto j = joined.rbegin(); j != joined.rend(); ++j) {
      if (j->rule->id != f.rule->id) continue;
      if (j->version != f.version && ReadsAlike(*j, f)) first = &*j;
      break;
    }
    if (first == nullptr) {
      joined.push_back(std::move(f));
      continue;
    }
    if (first->versions.empty()) first->versions.push_back({first->version, first->rule});
    first->versions.push_back({f.version, f.rule});
    for (Anchor& anchor : f.anchors) {
      const bool known = std::any_of(first->anchors.begin(), first->anchors.end(), [&](const Anchor& a) {
        return a.act == anchor.act && a.as_of == anchor.as_of && a.period == anchor.period;
      });
      if (!known) first->anchors.push_back(std::move(anchor));
    }
  }
  for (Finding& j : joined) {
    std::stable_sort(j.versions.begin(), j.versions.end(), [](const FindingVersion& p, const FindingVersion& q) {
      return p.version->in_force_from < q.version->in_force_from;
    });
    if (!j.versions.empty()) {
      j.version = j.versions.front().version;
      j.rule = j.versions.front().rule;
    }
  }
  findings = std::move(joined);
}

// Whether some date of the case is a period (not one day): only then can versions be joined.
bool HasPeriod(const Case& c, const EvaluationOptions& options) {
  if (options.as_of) return false;
  if (!c.period().exact()) return true;
  return std::any_of(c.acts().begin(), c.acts().end(), [](const Act& act) { return !act.period.exact(); });
}

}  // namespace

std::vector<FindingVersion> VersionsOf(const Finding& finding) {
  if (!finding.versions.empty()) return finding.versions;
  return {FindingVersion{finding.version, finding.rule}};
}

Result<Evaluation> Evaluate(const Law& law, const Case& c, const EvaluationOptions& options) {
  Decision decision;
  if (auto decided = Decide(law, c, options, decision); !decided.ok()) return decided.errors();
  const LawData& data = internal::DataOf(law);
  const internal::Decider evaluator(data, c, decision);

  Evaluation evaluation;
  evaluation.case_id = c.id();
  evaluation.case_title = c.title();
  evaluation.jurisdiction = c.jurisdiction();
  evaluation.date = c.date();
  evaluation.period = c.period();
  evaluation.options = options;
  if (auto slot = law.vocabulary().SlotOf(kPerpetratorMinorFact)) {
    const FactValue& minor = c.values()[*slot];
    if (minor.known()) evaluation.perpetrator_minor = *minor.boolean() ? Truth::kTrue : Truth::kFalse;
  }

  auto anchor = [&](int a) {
    if (options.as_of) return Anchor{"", *options.as_of, true, *options.as_of};
    if (a == 0) return Anchor{"", c.date(), false, c.period()};
    return Anchor{c.acts()[a - 1].type, c.acts()[a - 1].date, false, c.acts()[a - 1].period};
  };
  for (const auto& gap : evaluator.gaps()) {
    const internal::InstrumentIndex& instrument = data.instruments[gap.instrument];
    VersionGap version_gap{instrument.jurisdiction, instrument.instrument, anchor(gap.anchor), {}};
    for (int v : instrument.versions) version_gap.known_versions.push_back(&data.versions[v]);
    evaluation.version_gaps.push_back(std::move(version_gap));
  }

  const auto& verdicts = decision.verdicts();
  for (size_t i = 0; i < verdicts.size(); ++i) {
    const Verdict& verdict = verdicts[i];
    const Rule& rule = *verdict.rule;
    const int32_t global = evaluator.verdict_rules()[i];
    if (verdict.truth == Truth::kFalse) {
      if (!options.explain) continue;
      const Element* failed = nullptr;
      const internal::Code* element = evaluator.Elements(global);
      for (size_t e = 0; e < rule.elements.size() && failed == nullptr; ++e, element += element->size) {
        if (evaluator.Condition(element) == Truth::kFalse) failed = &rule.elements[e];
      }
      evaluation.not_met.push_back(RuleNotMet{&rule, verdict.version, failed});
      continue;
    }
    Finding finding;
    finding.rule = &rule;
    finding.version = verdict.version;
    finding.status = verdict.truth == Truth::kTrue ? FindingStatus::kApplies : FindingStatus::kPossible;
    for (int a = 0; a < 64; ++a) {
      if ((verdict.anchors >> a) & 1) finding.anchors.push_back(anchor(a));
    }
    std::vector<int32_t> missing;
    const internal::Code* element = evaluator.Elements(global);
    for (size_t e = 0; e < rule.elements.size(); ++e, element += element->size) {
      ElementOutcome outcome;
      outcome.element = &rule.elements[e];
      outcome.truth = evaluator.Condition(element);
      if (outcome.truth == Truth::kUnknown) {
        std::vector<int32_t> slots;
        evaluator.Missing(element, slots);
        missing.insert(missing.end(), slots.begin(), slots.end());
        outcome.missing = SlotNames(std::move(slots), law.vocabulary());
      }
      finding.elements.push_back(std::move(outcome));
    }
    finding.missing = SlotNames(std::move(missing), law.vocabulary());
    // A referral is advice that holds however sure the offence it follows from is (report a
    // possible offence to the police; file a complaint in time in case it is one): it keeps
    // its own certainty.
    const internal::Decider::Reading reading = rule.kind == RuleKind::kReferral
                                                   ? internal::Decider::Reading{rule.certainty, global}
                                                   : evaluator.RuleReading(global);
    finding.certainty = reading.certainty;
    if (reading.rule != global && reading.rule >= 0) {
      const internal::CompiledRule& from = data.rules[reading.rule];
      finding.certainty_from = {&data.versions[from.version], &data.versions[from.version].rules[from.rule]};
    }
    if (verdict.day_decides) {
      finding.day_decides = true;
      for (const Anchor& a : finding.anchors) {
        // An act without a date of its own took place on the date of the facts.
        const bool own = !a.act.empty() && a.period != c.period();
        finding.missing.push_back(own ? "acts." + a.act + ".date" : std::string(kDateOfFactsName));
      }
      std::sort(finding.missing.begin(), finding.missing.end());
      finding.missing.erase(std::unique(finding.missing.begin(), finding.missing.end()), finding.missing.end());
    }
    const internal::Code* aggravation = evaluator.Aggravations(global);
    for (size_t a = 0; a < rule.aggravations.size(); ++a, aggravation += aggravation->size) {
      AggravationOutcome outcome;
      outcome.aggravation = &rule.aggravations[a];
      outcome.truth = evaluator.Condition(aggravation);
      if (outcome.truth == Truth::kFalse) continue;
      if (outcome.truth == Truth::kUnknown) {
        std::vector<int32_t> slots;
        evaluator.Missing(aggravation, slots);
        outcome.missing = SlotNames(std::move(slots), law.vocabulary());
      }
      finding.aggravations.push_back(std::move(outcome));
    }
    evaluation.findings.push_back(std::move(finding));
  }
  if (HasPeriod(c, options)) JoinAlike(evaluation.findings);
  if (options.assessed_on) evaluation.warnings = FactsAfter(c, *options.assessed_on);
  evaluation.warnings.insert(evaluation.warnings.end(), c.warnings().begin(), c.warnings().end());
  if (options.assessed_on) {
    for (auto& finding : evaluation.findings) {
      if (finding.rule->kind != RuleKind::kOffence) continue;
      finding.lex_mitior =
          CompareWithLaterLaw(law, evaluator, finding, *options.assessed_on, options.with);
    }
  }
  if (const LimitationRules* limitation = law.limitation()) {
    for (auto& finding : evaluation.findings) finding.limitation = limitation->Of(finding, c, options.assessed_on);
  }
  return evaluation;
}

}  // namespace ibsa
