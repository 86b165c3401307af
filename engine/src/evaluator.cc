#include <algorithm>
#include <map>
#include <tuple>

#include "condition.h"
#include "ibsa/evaluate.h"
#include "law_data.h"
#include "yaml_reader.h"

namespace ibsa {

Truth And(Truth a, Truth b) {
  if (a == Truth::kFalse || b == Truth::kFalse) return Truth::kFalse;
  if (a == Truth::kTrue && b == Truth::kTrue) return Truth::kTrue;
  return Truth::kUnknown;
}

Truth Or(Truth a, Truth b) {
  if (a == Truth::kTrue || b == Truth::kTrue) return Truth::kTrue;
  if (a == Truth::kFalse && b == Truth::kFalse) return Truth::kFalse;
  return Truth::kUnknown;
}

Truth Not(Truth a) {
  if (a == Truth::kTrue) return Truth::kFalse;
  if (a == Truth::kFalse) return Truth::kTrue;
  return Truth::kUnknown;
}

std::string_view TruthName(Truth truth) {
  switch (truth) {
    case Truth::kTrue: return "met";
    case Truth::kFalse: return "not_met";
    case Truth::kUnknown: return "unknown";
  }
  return "unknown";
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

using internal::CompiledRule;
using internal::LawData;

// Evaluates rules of the compiled law against one case's fact values.
class RuleEvaluator : public internal::RuleOracle {
 public:
  RuleEvaluator(const LawData& law, const std::vector<FactValue>& values)
      : law_(law), values_(values) {}

  Truth Condition(int32_t root) const {
    return internal::EvalNode(law_.program, root, values_, this);
  }

  Truth RuleTruth(int32_t rule) const override {
    Truth result = Truth::kTrue;
    for (int32_t root : law_.rules[rule].elements) {
      result = And(result, Condition(root));
      if (result == Truth::kFalse) break;
    }
    return result;
  }

  void RuleMissing(int32_t rule, std::vector<int32_t>& slots) const override {
    for (int32_t root : law_.rules[rule].elements) Missing(root, slots);
  }

  void Missing(int32_t root, std::vector<int32_t>& slots) const {
    internal::CollectMissing(law_.program, root, values_, this, slots);
  }

 private:
  const LawData& law_;
  const std::vector<FactValue>& values_;
};

std::vector<std::string> SlotNames(std::vector<int32_t> slots, const Vocabulary& vocabulary) {
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  std::vector<std::string> names;
  for (int32_t slot : slots) names.push_back(vocabulary.fact(slot).name);
  return names;
}

// Whether `rule` is to be judged on the law in force at `anchor`: a rule about
// certain acts takes the dates of those acts when the case reports them, and the
// case date otherwise.
bool AnchoredOn(const Rule& rule, const Anchor& anchor, const Case& c) {
  if (anchor.as_of) return true;
  const bool reported = std::any_of(c.acts().begin(), c.acts().end(), [&](const Act& act) {
    return std::find(rule.acts.begin(), rule.acts.end(), act.type) != rule.acts.end();
  });
  if (!reported) return anchor.act.empty();
  return std::find(rule.acts.begin(), rule.acts.end(), anchor.act) != rule.acts.end();
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
  auto prison_min = [](const Penalty& p) { return p.prison_months && p.prison_months->min ? *p.prison_months->min : 0; };
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

std::optional<LexMitior> CompareWithLaterLaw(const Law& law, const RuleEvaluator& evaluator,
                                             const Finding& finding, Date assessed_on,
                                             const std::vector<std::string>& with) {
  const LawData& data = law.data();
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

// A date no version covers is not missing law when the next version explains why
// nothing applied before it (gap_before), e.g. a regulation not yet applicable.
bool ExplainedGap(const LawData& data, const std::string& jurisdiction,
                  const std::string& instrument, Date date) {
  const RulesetVersion* next = nullptr;
  for (const auto& v : data.versions) {
    if (v.jurisdiction != jurisdiction || v.instrument != instrument ||
        v.status == VersionStatus::kProposed || v.in_force_from <= date) {
      continue;
    }
    if (next == nullptr || v.in_force_from < next->in_force_from) next = &v;
  }
  return next != nullptr && !next->gap_before.empty();
}

Result<bool> CheckProposals(const Law& law, const std::vector<std::string>& with) {
  std::vector<std::string> proposed;
  for (const auto& v : law.versions()) {
    if (v.status == VersionStatus::kProposed) proposed.push_back(v.id);
  }
  std::vector<Diagnostic> errors;
  for (const auto& id : with) {
    const RulesetVersion* v = law.FindVersion(id);
    if (v == nullptr) {
      errors.push_back(Diagnostic{
          "E0301", {}, "--with '" + id + "': no ruleset version has this id",
          {internal::DidYouMean(id, proposed),
           proposed.empty() ? "no proposed version is loaded"
                            : "proposed versions: " + internal::JoinQuoted(proposed)},
          "", 1});
    } else if (v->status != VersionStatus::kProposed) {
      errors.push_back(Diagnostic{
          "E0302", {}, "--with '" + id + "': this version is not a proposal",
          {"versions in force apply by their dates; --with only overlays proposed versions"},
          "", 1});
    }
  }
  for (auto& e : errors) {
    if (!e.help.empty() && e.help.front().empty()) e.help.erase(e.help.begin());
  }
  if (!errors.empty()) return errors;
  return true;
}

}  // namespace

Result<Evaluation> Evaluate(const Law& law, const Case& c, const EvaluationOptions& options) {
  if (auto checked = CheckProposals(law, options.with); !checked.ok()) return checked.errors();
  const LawData& data = law.data();
  const RuleEvaluator evaluator(data, c.values());

  Evaluation evaluation;
  evaluation.case_id = c.id();
  evaluation.case_title = c.title();
  evaluation.jurisdiction = c.jurisdiction();
  evaluation.date = c.date();
  evaluation.options = options;

  std::vector<Anchor> anchors;
  if (options.as_of) {
    anchors.push_back(Anchor{"", *options.as_of, true});
  } else {
    anchors.push_back(Anchor{"", c.date(), false});
    for (const auto& act : c.acts()) anchors.push_back(Anchor{act.type, act.date, false});
  }

  // Instruments that apply: the case's national law first, then EU law. An instrument
  // that exists only as a bill takes part only when one of its versions is asked for.
  std::vector<std::pair<std::string, std::string>> instruments;
  for (const std::string& jurisdiction : {c.jurisdiction(), std::string("EU")}) {
    for (const auto& v : data.versions) {
      if (v.jurisdiction != jurisdiction) continue;
      if (v.status == VersionStatus::kProposed &&
          std::find(options.with.begin(), options.with.end(), v.id) == options.with.end()) {
        continue;
      }
      std::pair<std::string, std::string> key{v.jurisdiction, v.instrument};
      if (std::find(instruments.begin(), instruments.end(), key) == instruments.end()) {
        instruments.push_back(key);
      }
    }
  }

  std::map<int32_t, size_t> finding_of;  // global rule index -> index in findings
  std::map<int32_t, size_t> not_met_of;
  for (const auto& [jurisdiction, instrument] : instruments) {
    std::vector<Date> gap_dates;
    for (const Anchor& anchor : anchors) {
      const RulesetVersion* version =
          law.VersionInForce(jurisdiction, instrument, anchor.date, options.with);
      if (version == nullptr) {
        if (std::find(gap_dates.begin(), gap_dates.end(), anchor.date) != gap_dates.end()) continue;
        if (ExplainedGap(data, jurisdiction, instrument, anchor.date)) continue;
        gap_dates.push_back(anchor.date);
        VersionGap gap{jurisdiction, instrument, anchor, {}};
        for (const auto& v : data.versions) {
          if (v.jurisdiction == jurisdiction && v.instrument == instrument) {
            gap.known_versions.push_back(&v);
          }
        }
        evaluation.version_gaps.push_back(std::move(gap));
        continue;
      }
      const int version_index = static_cast<int>(version - data.versions.data());
      for (size_t r = 0; r < version->rules.size(); ++r) {
        const Rule& rule = version->rules[r];
        if (!AnchoredOn(rule, anchor, c)) continue;
        const int32_t global = data.first_rule[version_index] + static_cast<int32_t>(r);
        if (auto it = finding_of.find(global); it != finding_of.end()) {
          evaluation.findings[it->second].anchors.push_back(anchor);
          continue;
        }
        if (not_met_of.count(global) != 0) continue;
        const CompiledRule& compiled = data.rules[global];
        Finding finding;
        finding.rule = &rule;
        finding.version = version;
        finding.anchors.push_back(anchor);
        Truth overall = Truth::kTrue;
        const Element* failed = nullptr;
        std::vector<int32_t> missing;
        for (size_t e = 0; e < rule.elements.size(); ++e) {
          ElementOutcome outcome;
          outcome.element = &rule.elements[e];
          outcome.truth = evaluator.Condition(compiled.elements[e]);
          if (outcome.truth == Truth::kUnknown) {
            std::vector<int32_t> slots;
            evaluator.Missing(compiled.elements[e], slots);
            missing.insert(missing.end(), slots.begin(), slots.end());
            outcome.missing = SlotNames(std::move(slots), law.vocabulary());
          }
          if (outcome.truth == Truth::kFalse && failed == nullptr) failed = outcome.element;
          overall = And(overall, outcome.truth);
          finding.elements.push_back(std::move(outcome));
        }
        if (overall == Truth::kFalse) {
          not_met_of[global] = evaluation.not_met.size();
          if (options.explain) evaluation.not_met.push_back(RuleNotMet{&rule, version, failed});
          continue;
        }
        finding.status = overall == Truth::kTrue ? FindingStatus::kApplies : FindingStatus::kPossible;
        finding.missing = SlotNames(std::move(missing), law.vocabulary());
        for (size_t a = 0; a < rule.aggravations.size(); ++a) {
          AggravationOutcome outcome;
          outcome.aggravation = &rule.aggravations[a];
          outcome.truth = evaluator.Condition(compiled.aggravations[a]);
          if (outcome.truth == Truth::kFalse) continue;
          if (outcome.truth == Truth::kUnknown) {
            std::vector<int32_t> slots;
            evaluator.Missing(compiled.aggravations[a], slots);
            outcome.missing = SlotNames(std::move(slots), law.vocabulary());
          }
          finding.aggravations.push_back(std::move(outcome));
        }
        finding_of[global] = evaluation.findings.size();
        evaluation.findings.push_back(std::move(finding));
      }
    }
  }
  if (options.assessed_on) {
    for (auto& finding : evaluation.findings) {
      if (finding.rule->kind != RuleKind::kOffence) continue;
      finding.lex_mitior =
          CompareWithLaterLaw(law, evaluator, finding, *options.assessed_on, options.with);
    }
  }
  return evaluation;
}

}  // namespace ibsa
