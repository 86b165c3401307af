#include "base/access.h"
#include "ibsa/gaps.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/file_io.h"
#include "load/citations.h"
#include "load/law_data.h"
#include "load/proposals.h"
#include "render/render_common.h"
#include "sweep/harms_data.h"
#include "sweep/sweep.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

namespace {

using internal::Bdd;
using internal::HarmsData;
using internal::LawData;
using internal::ScenarioSpace;

// The version of an instrument the sweep reads on `date`: a proposal named in `with` as if
// it were in force on that date (a bill has no date yet; its placeholder must not decide
// whether it is assessed), otherwise the version in force then.
const RulesetVersion* SweptVersion(const Law& law, std::string_view jurisdiction, std::string_view instrument,
                                   Date date, const std::vector<std::string>& with) {
  for (const auto& id : with) {
    const RulesetVersion* proposal = law.FindVersion(id);
    if (proposal != nullptr && proposal->jurisdiction == jurisdiction && proposal->instrument == instrument) {
      return proposal;
    }
  }
  return law.VersionInForce(jurisdiction, instrument, date, {});
}

// The rule with this id in the version of its instrument in force on `date`, if that
// instrument applies in `jurisdiction` (national or EU); -1 otherwise.
int32_t RuleInForce(const Law& law, const std::string& id, const std::string& jurisdiction, Date date,
                    const std::vector<std::string>& with) {
  const LawData& data = internal::DataOf(law);
  for (size_t v = 0; v < data.versions.size(); ++v) {
    const RulesetVersion& version = data.versions[v];
    if (!law.AppliesIn(version.jurisdiction, jurisdiction)) continue;
    for (size_t r = 0; r < version.rules.size(); ++r) {
      if (version.rules[r].id != id) continue;
      const RulesetVersion* in_force = SweptVersion(law, version.jurisdiction, version.instrument, date, with);
      if (in_force != &version) continue;
      return data.first_rule[v] + static_cast<int32_t>(r);
    }
  }
  return -1;
}

// The national versions in force on the date, and their offences.
struct Side {
  std::vector<const RulesetVersion*> versions;
  std::vector<int32_t> offences;  // global rule indexes
};

Side SideOf(const Law& law, const std::string& jurisdiction, Date date, const std::vector<std::string>& with) {
  const LawData& data = internal::DataOf(law);
  Side side;
  for (const auto& v : data.versions) {
    if (v.jurisdiction != jurisdiction) continue;
    const RulesetVersion* in_force = SweptVersion(law, v.jurisdiction, v.instrument, date, with);
    if (in_force == nullptr || std::find(side.versions.begin(), side.versions.end(), in_force) != side.versions.end()) {
      continue;
    }
    side.versions.push_back(in_force);
    const int index = static_cast<int>(in_force - data.versions.data());
    for (size_t r = 0; r < in_force->rules.size(); ++r) {
      if (in_force->rules[r].kind == RuleKind::kOffence) {
        side.offences.push_back(data.first_rule[index] + static_cast<int32_t>(r));
      }
    }
  }
  return side;
}

const Rule& RuleAt(const LawData& data, int32_t global) {
  return data.versions[data.rules[global].version].rules[data.rules[global].rule];
}

// Whether two offences carry the same penalty, as the reports word it: a difference the
// summary does not show is no change a reader could see.
bool SamePenalty(const Rule& a, const Rule& b) {
  if (!a.penalty || !b.penalty) return !a.penalty && !b.penalty;
  return internal::PenaltySummary(*a.penalty, Language::kEn) == internal::PenaltySummary(*b.penalty, Language::kEn);
}

// Whether two offences carry the same penalty field by field, as a renumbering must: the
// words of a note or a certainty may change with the new article, the punishment may not.
bool SamePenaltyFields(const Rule& a, const Rule& b) {
  if (!a.penalty || !b.penalty) return !a.penalty && !b.penalty;
  const Penalty& p = *a.penalty;
  const Penalty& q = *b.penalty;
  return p.prison_months == q.prison_months && p.fine_eur == q.fine_eur && p.fine_multiplier == q.fine_multiplier &&
         p.fine_category == q.fine_category && p.level == q.level && p.accessory_fine_eur == q.accessory_fine_eur &&
         p.combination == q.combination;
}

std::string Slug(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

}  // namespace

// ---- Harms --------------------------------------------------------------------------------

Result<Harms> Harms::Load(const std::string& path, const Law& law) {
  Diagnostic error;
  auto text = internal::ReadFile(path, error);
  if (!text) return error;
  return Parse(*text, path, law);
}

Result<Harms> Harms::Parse(const std::string& text, const std::string& file, const Law& law) {
  internal::YamlReader reader(text, file);
  auto root = reader.Parse(internal::kHarmsLimits);
  if (!root) return reader.TakeDiagnostics();
  auto data = std::make_shared<HarmsData>();
  const internal::VocabularyData& vocabulary = internal::DataOf(law.vocabulary());
  std::vector<std::string> all_rules;
  for (const auto& v : law.versions()) {
    for (const auto& r : v.rules) all_rules.push_back(r.id);
  }
  try {
    if (reader.CheckMap(*root, "harms file", {"format", "harms"}, {"format", "harms"})) {
      if ((*root)["format"].IsDefined()) reader.ReadChoice((*root)["format"], "format", {"ibsa.harms/1"});
      const YAML::Node list = (*root)["harms"];
      if (list.IsDefined() && !list.IsSequence()) reader.Error("E0104", list, "'harms' must be a list");
      for (const auto& node : list.IsSequence() ? list : YAML::Node()) {
        if (!reader.CheckMap(node, "harm", {"id", "kind", "label", "when", "sources"},
                             {"id", "kind", "label", "when", "sources"})) {
          continue;
        }
        Harm harm;
        harm.location = reader.Locate(node);
        if (auto id = reader.ReadString(node["id"], "id")) harm.id = *id;
        if (auto kind = reader.ReadChoice(node["kind"], "kind", {"harm", "transposition"})) harm.kind = *kind;
        if (auto label = reader.ReadLocalized(node["label"], "label")) harm.label = *label;
        // Read as every source is (an EU act's title may be given per language).
        harm.sources = internal::ReadSources(reader, node["sources"], "harm '" + harm.id + "'");
        std::vector<internal::PendingRuleRef> refs;
        const int32_t condition = internal::ParseCondition(node["when"], vocabulary.Scope(), reader, data->program, &refs);
        for (const auto& ref : refs) {
          if (std::find(all_rules.begin(), all_rules.end(), ref.rule_id) == all_rules.end()) {
            reader.Error("E0201", ref.yaml, "unknown rule '" + ref.rule_id + "'",
                         {internal::DidYouMean(ref.rule_id, all_rules)});
            continue;
          }
          data->program.nodes[ref.node].rule = static_cast<int32_t>(data->rule_ids.size());
          data->rule_ids.push_back(ref.rule_id);
        }
        data->roots.push_back(condition);
        data->harms.push_back(std::move(harm));
      }
    }
  } catch (const YAML::Exception& e) {
    reader.Error("E0003", SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                 "could not read this part of the harms file: " + e.msg);
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  return Harms(std::move(data));
}

const std::vector<Harm>& Harms::harms() const { return data_->harms; }

namespace {

// Answers a transposition harm's references to EU rules from the case's findings.
class FindingOracle : public internal::RuleOracle {
 public:
  FindingOracle(const HarmsData& data, const Evaluation& evaluation) : data_(data), evaluation_(evaluation) {}
  Truth RuleTruth(int32_t rule) const override {
    for (const auto& f : evaluation_.findings) {
      if (f.rule->id == data_.rule_ids[rule]) {
        return f.status == FindingStatus::kApplies ? Truth::kTrue : Truth::kUnknown;
      }
    }
    return Truth::kFalse;
  }

 private:
  const HarmsData& data_;
  const Evaluation& evaluation_;
};

}  // namespace

std::vector<CaseHarm> HarmsOfCase(const Harms& harms, const Case& c, const Evaluation& evaluation) {
  const HarmsData& data = internal::DataOf(harms);
  const FindingOracle oracle(data, evaluation);
  // The offences of the case's own jurisdiction, as the sweep counts them.
  bool applies = false, applies_settled = false, possible = false;
  std::vector<size_t> readings;  // applying only on an unsettled reading
  for (size_t i = 0; i < evaluation.findings.size(); ++i) {
    const Finding& f = evaluation.findings[i];
    if (f.rule->kind != RuleKind::kOffence || f.version->jurisdiction != c.jurisdiction()) continue;
    if (f.status == FindingStatus::kPossible) {
      possible = true;
      continue;
    }
    applies = true;
    if (f.certainty != Certainty::kContested && f.certainty != Certainty::kUnverified) {
      applies_settled = true;
    } else {
      readings.push_back(i);
    }
  }
  std::vector<CaseHarm> result;
  for (size_t h = 0; h < data.harms.size(); ++h) {
    const Truth holds = internal::EvalNode(data.program, data.roots[h], c.values(), &oracle);
    if (holds == Truth::kFalse) continue;
    CaseHarm harm;
    harm.harm = &data.harms[h];
    harm.holds = holds;
    harm.coverage = applies_settled ? HarmCoverage::kCovered
                    : applies       ? HarmCoverage::kCoveredOnlyByReading
                    : possible      ? HarmCoverage::kPossiblyCovered
                                    : HarmCoverage::kNotCovered;
    if (harm.coverage == HarmCoverage::kCoveredOnlyByReading) harm.readings = readings;
    result.push_back(harm);
  }
  return result;
}

// ---- Gaps ---------------------------------------------------------------------------------

namespace {

// The harms swept over one jurisdiction's law on one date: which scenarios an offence
// covers, and which a settled or likely offence covers.
struct HarmSweep {
  Side side;
  std::unique_ptr<ScenarioSpace> space;
  Bdd::Ref covered = Bdd::kFalse;
  Bdd::Ref covered_surely = Bdd::kFalse;
  std::vector<Bdd::Ref> harms;  // per harm

  HarmCoverageCounts Counts(size_t harm) {
    HarmCoverageCounts counts;
    Bdd& bdd = space->bdd();
    counts.harm = space->Count(harms[harm]);
    counts.covered = space->Count(bdd.And(harms[harm], covered_surely));
    counts.by_reading = space->Count(Uncertain(harm));
    counts.not_covered = space->Count(Gap(harm));
    return counts;
  }
  Bdd::Ref Gap(size_t harm) { return space->bdd().And(harms[harm], space->bdd().Not(covered)); }
  Bdd::Ref Uncertain(size_t harm) {
    Bdd& bdd = space->bdd();
    return bdd.And(harms[harm], bdd.And(covered, bdd.Not(covered_surely)));
  }
};

HarmSweep SweepHarms(const Law& law, const HarmsData& h, const std::string& jurisdiction, Date date,
                     const std::vector<std::string>& with) {
  const LawData& data = internal::DataOf(law);
  HarmSweep sweep;
  sweep.side = SideOf(law, jurisdiction, date, with);
  auto resolve = [&law, &h, jurisdiction, date, with](const internal::Program* program, int32_t node) -> int32_t {
    if (program == &h.program) return RuleInForce(law, h.rule_ids[h.program.nodes[node].rule], jurisdiction, date, with);
    return program->nodes[node].rule;
  };
  std::vector<internal::Root> roots;
  for (int32_t root : h.roots) roots.push_back({&h.program, root});
  for (int32_t rule : sweep.side.offences) {
    for (int32_t root : data.rules[rule].elements) roots.push_back({&data.program, root});
  }
  sweep.space = std::make_unique<ScenarioSpace>(data, roots, resolve);
  ScenarioSpace& space = *sweep.space;
  for (int32_t rule : sweep.side.offences) {
    sweep.covered = space.bdd().Or(sweep.covered, space.RuleBdd(rule));
    const Certainty certainty = RuleAt(data, rule).certainty;
    if (certainty == Certainty::kSettled || certainty == Certainty::kLikely) {
      sweep.covered_surely = space.bdd().Or(sweep.covered_surely, space.RuleBdd(rule));
    }
  }
  for (int32_t root : h.roots) sweep.harms.push_back(root < 0 ? Bdd::kFalse : space.Compile(h.program, root));
  return sweep;
}

}  // namespace

Result<GapReport> FindGaps(const Law& law, const Harms& harms, const GapOptions& options) {
  if (auto checked = internal::CheckProposals(law, options.with, options.jurisdiction); !checked.ok()) {
    return checked.errors();
  }
  const HarmsData& h = internal::DataOf(harms);
  HarmSweep sweep = SweepHarms(law, h, options.jurisdiction, options.date, options.with);
  ScenarioSpace& space = *sweep.space;

  GapReport report;
  report.options = options;
  report.vocabulary = &law.vocabulary();
  report.versions = sweep.side.versions;
  report.facts = space.FactNames();
  report.space = space.Total();
  for (size_t i = 0; i < h.harms.size(); ++i) {
    const Bdd::Ref harm = sweep.harms[i];
    const Bdd::Ref gap = sweep.Gap(i);
    HarmGaps entry;
    entry.harm = &h.harms[i];
    entry.harm_scenarios = space.Count(harm);
    entry.gap_scenarios = space.Count(gap);
    const std::string prefix = "gap-" + Slug(options.jurisdiction) + "-" + options.date.ToString() + "-" + Slug(h.harms[i].id);
    auto patterns = space.Patterns(gap, harm, options.jurisdiction, options.date, prefix);
    if (!patterns.ok()) return patterns.errors();
    entry.patterns = std::move(patterns.value().patterns);
    entry.more_patterns = patterns.value().more;
    entry.more_scenarios = patterns.value().more_scenarios;
    const Bdd::Ref uncertain = sweep.Uncertain(i);
    entry.uncertain_scenarios = space.Count(uncertain);
    auto uncertain_patterns = space.Patterns(uncertain, harm, options.jurisdiction, options.date, prefix + "-uncertain");
    if (!uncertain_patterns.ok()) return uncertain_patterns.errors();
    entry.uncertain_patterns = std::move(uncertain_patterns.value().patterns);
    entry.uncertain_more_patterns = uncertain_patterns.value().more;
    entry.uncertain_more_scenarios = uncertain_patterns.value().more_scenarios;
    report.harms.push_back(std::move(entry));
  }
  return report;
}

// ---- Diff ---------------------------------------------------------------------------------

Result<DiffReport> Diff(const Law& law, const DiffSide& left, const DiffSide& right, const Harms* harms) {
  for (const DiffSide* s : {&left, &right}) {
    if (auto checked = internal::CheckProposals(law, s->with, s->jurisdiction); !checked.ok()) return checked.errors();
  }
  const LawData& data = internal::DataOf(law);
  const Side a = SideOf(law, left.jurisdiction, left.date, left.with);
  const Side b = SideOf(law, right.jurisdiction, right.date, right.with);
  std::vector<internal::Root> roots;
  for (const Side* side : {&a, &b}) {
    for (int32_t rule : side->offences) {
      for (int32_t root : data.rules[rule].elements) roots.push_back({&data.program, root});
    }
  }
  auto resolve = [](const internal::Program* program, int32_t node) { return program->nodes[node].rule; };
  ScenarioSpace space(data, roots, resolve);
  Bdd& bdd = space.bdd();
  auto any = [&](const Side& side) {
    Bdd::Ref f = Bdd::kFalse;
    for (int32_t rule : side.offences) f = bdd.Or(f, space.RuleBdd(rule));
    return f;
  };
  const Bdd::Ref covered_left = any(a);
  const Bdd::Ref covered_right = any(b);

  DiffReport report;
  report.left = left;
  report.right = right;
  report.versions = a.versions;
  report.versions.insert(report.versions.end(), b.versions.begin(), b.versions.end());
  report.vocabulary = &law.vocabulary();
  report.facts = space.FactNames();
  report.space = space.Total();
  std::vector<Diagnostic> errors;
  auto offence = [&](int32_t global) {
    return DiffOffence{&RuleAt(data, global), &data.versions[data.rules[global].version]};
  };
  // The offences of the other side that continue `r` (or that `r` continues) under another
  // article: the old and new numbers a renumbered offence's change names.
  auto renumbered = [&](int32_t r, const std::vector<int32_t>& others, bool r_is_later,
                        std::vector<DiffOffence>& mine, std::vector<DiffOffence>& theirs) {
    const Rule& rule = RuleAt(data, r);
    for (int32_t o : others) {
      const Rule& other = RuleAt(data, o);
      const Rule& later = r_is_later ? rule : other;
      const Rule& earlier = r_is_later ? other : rule;
      if (later.id == earlier.id || later.article == earlier.article) continue;
      if (std::find(later.replaces.begin(), later.replaces.end(), earlier.id) == later.replaces.end()) continue;
      theirs.push_back(offence(o));
    }
    if (!theirs.empty()) mine.push_back(offence(r));
  };
  auto add = [&](DiffChangeKind kind, const Rule* rule, Bdd::Ref f, const Rule* earlier = nullptr,
                 std::vector<DiffOffence> from = {}, std::vector<DiffOffence> to = {}) {
    const double n = space.Count(f);
    if (n <= 0 || !errors.empty()) return;
    DiffChange change;
    change.kind = kind;
    if (rule != nullptr) {
      change.rule = rule->id;
      change.article = rule->article;
    }
    if (earlier != nullptr) {
      change.earlier = earlier;
      change.later = rule;
    }
    change.renumbered_from = std::move(from);
    change.renumbered_to = std::move(to);
    change.scenarios = n;
    if (kind == DiffChangeKind::kRenumbered) {
      // No scenario changes: the offence's own scope is the pattern to read, not a change.
      report.changes.push_back(std::move(change));
      return;
    }
    // The example ids keep the names they had when the kind was a phrase.
    const std::string prefix = "diff-" + (rule != nullptr ? Slug(rule->id)
                                          : kind == DiffChangeKind::kCoveredOnlyLeft
                                              ? Slug("covered only on the left (no offence on the right)")
                                              : Slug("covered only on the right (no offence on the left)"));
    auto patterns = space.Patterns(f, Bdd::kTrue, right.jurisdiction, right.date, prefix);
    if (!patterns.ok()) {
      errors = patterns.errors();
      return;
    }
    change.patterns = std::move(patterns.value().patterns);
    change.more_patterns = patterns.value().more;
    change.more_scenarios = patterns.value().more_scenarios;
    report.changes.push_back(std::move(change));
  };
  add(DiffChangeKind::kCoveredOnlyLeft, nullptr, bdd.And(covered_left, bdd.Not(covered_right)));
  add(DiffChangeKind::kCoveredOnlyRight, nullptr, bdd.And(covered_right, bdd.Not(covered_left)));
  if (left.jurisdiction == right.jurisdiction) {
    // Offence by offence: a rule continues when it keeps its id or names the other in replaces:.
    auto continues = [&](const Rule& later, const Rule& earlier) {
      return later.id == earlier.id ||
             std::find(later.replaces.begin(), later.replaces.end(), earlier.id) != later.replaces.end();
    };
    for (int32_t r : a.offences) {
      const Rule& rule = RuleAt(data, r);
      Bdd::Ref successors = Bdd::kFalse;
      bool any_successor = false;
      for (int32_t s : b.offences) {
        const Rule& later = RuleAt(data, s);
        if (!continues(later, rule)) continue;
        any_successor = true;
        successors = bdd.Or(successors, space.RuleBdd(s));
        const Bdd::Ref both = bdd.And(space.RuleBdd(r), space.RuleBdd(s));
        std::vector<DiffOffence> from, to;
        renumbered(s, {r}, true, to, from);
        if (!SamePenalty(rule, later) && r != s) {
          add(DiffChangeKind::kPenaltyChanged, &later, both, &rule, from, to);
        } else if (!from.empty() && SamePenaltyFields(rule, later) &&
                   space.Count(bdd.And(space.RuleBdd(r), bdd.Not(both))) <= 0 &&
                   space.Count(bdd.And(space.RuleBdd(s), bdd.Not(both))) <= 0) {
          // The same scenarios of the sweep (within the constraints between facts), the same
          // punishment: the same conduct under a new number.
          add(DiffChangeKind::kRenumbered, &later, both, &rule, from, to);
        }
      }
      if (!any_successor) {
        add(DiffChangeKind::kOffenceRemoved, &rule, space.RuleBdd(r));
      } else {
        std::vector<DiffOffence> from, to;
        renumbered(r, b.offences, false, from, to);
        add(DiffChangeKind::kNoLongerCovered, &rule, bdd.And(space.RuleBdd(r), bdd.Not(successors)), nullptr, from,
            to);
      }
    }
    for (int32_t s : b.offences) {
      const Rule& later = RuleAt(data, s);
      Bdd::Ref predecessors = Bdd::kFalse;
      bool any_predecessor = false;
      for (int32_t r : a.offences) {
        if (!continues(later, RuleAt(data, r))) continue;
        any_predecessor = true;
        predecessors = bdd.Or(predecessors, space.RuleBdd(r));
      }
      std::vector<DiffOffence> from, to;
      renumbered(s, a.offences, true, to, from);
      add(any_predecessor ? DiffChangeKind::kNewlyCovered : DiffChangeKind::kOffenceAdded, &later,
          bdd.And(space.RuleBdd(s), bdd.Not(predecessors)), nullptr, from, to);
    }
  }
  if (!errors.empty()) return errors;
  if (harms != nullptr) {
    // Each side over its own space: the shares compare, the counts need not.
    const HarmsData& h = internal::DataOf(*harms);
    HarmSweep before = SweepHarms(law, h, left.jurisdiction, left.date, left.with);
    HarmSweep after = SweepHarms(law, h, right.jurisdiction, right.date, right.with);
    for (size_t i = 0; i < h.harms.size(); ++i) report.harms.push_back({&h.harms[i], before.Counts(i), after.Counts(i)});
  }
  return report;
}

}  // namespace ibsa
