#include "ibsa/decide.h"

#include <algorithm>

#include "base/access.h"
#include "base/fact_encoding.h"
#include "eval/decider.h"
#include "load/proposals.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace internal {
namespace {

constexpr uint8_t kNotJudged = 0xff;

// Appends `node` and its subtree to `code` in preorder.
void Emit(const Program& program, int32_t node, std::vector<Code>& code) {
  const Node& n = program.nodes[node];
  const size_t at = code.size();
  Code c;
  c.slot = n.slot;
  switch (n.op) {
    case Op::kAll: c.step = Step::kAll; break;
    case Op::kAny: c.step = Step::kAny; break;
    case Op::kNot: c.step = Step::kNot; break;
    case Op::kRule: c.step = Step::kRule; c.slot = n.rule; break;
    case Op::kIs:
    case Op::kIsNot:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
    case Op::kIn:
    case Op::kNotIn:
    case Op::kHas:
    case Op::kHasAny: {
      // Negation is folded into the step: a mask's complement, a range's outside.
      const FactTest test = TestOf(n);
      switch (test.kind) {
        case TestKind::kNumberIn:
          c.step = test.negated ? Step::kOutOfRange : Step::kInRange;
          c.low = test.low;
          c.high = test.high;
          break;
        case TestKind::kValueIn:
          c.step = Step::kEnumIn;
          c.mask = test.negated ? ~test.mask : test.mask;
          break;
        case TestKind::kSetMeets:
          // A set test is never negated by an operator; `not:` wraps it instead.
          c.step = Step::kSetHas;
          c.mask = test.mask;
          break;
      }
      break;
    }
  }
  code.push_back(c);
  if (n.op == Op::kAll || n.op == Op::kAny || n.op == Op::kNot) {
    code[at].count = static_cast<uint32_t>(n.count);
    for (int32_t i = 0; i < n.count; ++i) Emit(program, program.children[n.first + i], code);
  }
  code[at].size = static_cast<uint32_t>(code.size() - at);
  code[at].flat = (n.op == Op::kAll || n.op == Op::kAny) &&
                  std::all_of(code.begin() + static_cast<std::ptrdiff_t>(at) + 1, code.end(),
                              [](const Code& child) { return child.step >= Step::kEnumIn; });
}

}  // namespace

void IndexLaw(LawData& law) {
  law.distinctions = Distinctions{};
  law.distinctions.AddAll(law.program);
  law.distinctions.AddAll(DataOf(law.vocabulary).program);
  law.instruments.clear();
  for (size_t v = 0; v < law.versions.size(); ++v) {
    const RulesetVersion& version = law.versions[v];
    auto it = std::find_if(law.instruments.begin(), law.instruments.end(), [&](const auto& i) {
      return i.jurisdiction == version.jurisdiction && i.instrument == version.instrument;
    });
    if (it == law.instruments.end()) {
      law.instruments.push_back(InstrumentIndex{version.jurisdiction, version.instrument, {}, true});
      it = law.instruments.end() - 1;
    }
    it->versions.push_back(static_cast<int>(v));
    if (version.status != VersionStatus::kProposed) it->only_proposed = false;
  }
  for (auto& instrument : law.instruments) {
    std::stable_sort(instrument.versions.begin(), instrument.versions.end(), [&](int a, int b) {
      return law.versions[a].in_force_from < law.versions[b].in_force_from;
    });
  }
  law.instruments_of.clear();
  for (size_t i = 0; i < law.instruments.size(); ++i) {
    const std::string& jurisdiction = law.instruments[i].jurisdiction;
    auto it = std::find_if(law.instruments_of.begin(), law.instruments_of.end(),
                           [&](const auto& entry) { return entry.first == jurisdiction; });
    if (it == law.instruments_of.end()) {
      law.instruments_of.push_back({jurisdiction, {}});
      it = law.instruments_of.end() - 1;
    }
    it->second.push_back(static_cast<int>(i));
  }
  law.alongside = law.vocabulary.applies_alongside();
  law.code.clear();
  law.aggravation_code.clear();
  law.aggravations_at.assign(1, 0);
  law.rule_code.assign(law.rules.size(), RuleCode{});
  const auto acts_slot = law.vocabulary.SlotOf(kActsFact);
  for (size_t r = 0; r < law.rules.size(); ++r) {
    RuleCode& rule = law.rule_code[r];
    rule.begin = static_cast<uint32_t>(law.code.size());
    for (int32_t root : law.rules[r].elements) Emit(law.program, root, law.code);
    rule.end = static_cast<uint32_t>(law.code.size());
    for (int32_t root : law.rules[r].aggravations) Emit(law.program, root, law.aggravation_code);
    law.aggravations_at.push_back(static_cast<uint32_t>(law.aggravation_code.size()));
    if (!acts_slot) continue;
    const FactDefinition& acts = law.vocabulary.fact(*acts_slot);
    for (const auto& type : law.versions[law.rules[r].version].rules[law.rules[r].rule].acts) {
      if (auto index = acts.ValueIndex(type)) rule.acts |= uint64_t{1} << *index;
    }
  }
  for (const Code& code : law.code) {
    if (code.step == Step::kRule) law.rule_code[code.slot].referenced = true;
  }
  for (RuleCode& rule : law.rule_code) {
    rule.names_rules = std::any_of(law.code.begin() + rule.begin, law.code.begin() + rule.end,
                                   [](const Code& code) { return code.step == Step::kRule; });
  }
  const size_t act_types = acts_slot ? law.vocabulary.fact(*acts_slot).values.size() : 0;
  law.rules_about_act.assign(law.versions.size(), std::vector<std::vector<int32_t>>(act_types));
  for (size_t r = 0; r < law.rules.size(); ++r) {
    for (size_t t = 0; t < act_types; ++t) {
      if ((law.rule_code[r].acts >> t) & 1) {
        law.rules_about_act[law.rules[r].version][t].push_back(static_cast<int32_t>(r));
      }
    }
  }
}

// A fact test, inline: most children of all/any are fact tests.
inline Truth Decider::Test(const Code* at) const {
  const FactEncoding& value = EncodingOf(values_[at->slot]);
  if (!value.known) {
    // An int known only within a range ("16 or 17") decides the tests it lies wholly
    // inside or outside of. `bounded` first: it is beside `known`, and almost never set.
    if (!value.bounded) return Truth::kUnknown;
    if (at->step == Step::kInRange) return InRangeTruth(value, at->low, at->high);
    if (at->step == Step::kOutOfRange) return Not(InRangeTruth(value, at->low, at->high));
    return Truth::kUnknown;
  }
  switch (at->step) {
    case Step::kEnumIn: return ((at->mask >> value.number) & 1) ? Truth::kTrue : Truth::kFalse;
    case Step::kInRange:
      return at->low <= value.number && value.number <= at->high ? Truth::kTrue : Truth::kFalse;
    case Step::kOutOfRange:
      return at->low <= value.number && value.number <= at->high ? Truth::kFalse : Truth::kTrue;
    default:  // kSetHas: TruthOf and Exec call Test only for steps from kEnumIn on
      if (value.present & at->mask) return Truth::kTrue;
      return value.uncertain & at->mask ? Truth::kUnknown : Truth::kFalse;
  }
}

inline Truth Decider::TruthOf(const Code* at) const {
  if (at->step >= Step::kEnumIn) return Test(at);
  // All or any of fact tests, the commonest shape: a loop without a call per child.
  if (at->flat) {
    const Code* end = at + at->size;
    if (at->step == Step::kAll) {
      Truth result = Truth::kTrue;
      for (const Code* child = at + 1; child != end && result != Truth::kFalse; ++child) {
        result = And(result, Test(child));
      }
      return result;
    }
    Truth result = Truth::kFalse;
    for (const Code* child = at + 1; child != end && result != Truth::kTrue; ++child) {
      result = Or(result, Test(child));
    }
    return result;
  }
  return Exec(at);
}

Truth Decider::Exec(const Code* at) const {
  switch (at->step) {
    case Step::kAll: {
      Truth result = Truth::kTrue;
      const Code* child = at + 1;
      for (uint32_t i = 0; i < at->count; ++i, child += child->size) {
        result = And(result, TruthOf(child));
        if (result == Truth::kFalse) break;
      }
      return result;
    }
    case Step::kAny: {
      Truth result = Truth::kFalse;
      const Code* child = at + 1;
      for (uint32_t i = 0; i < at->count; ++i, child += child->size) {
        result = Or(result, TruthOf(child));
        if (result == Truth::kTrue) break;
      }
      return result;
    }
    case Step::kNot: return Not(TruthOf(at + 1));
    case Step::kRule: return Memoised(at->slot);
    default: return Test(at);  // the fact tests
  }
}

inline Truth Decider::Judge(int32_t rule) const {
  const RuleCode& code = rule_code_[rule];
  const Code* end = code_ + code.end;
  Truth result = Truth::kTrue;
  for (const Code* element = code_ + code.begin; element != end;
       element += element->size) {
    result = And(result, TruthOf(element));
    if (result == Truth::kFalse) break;
  }
  return result;
}

// Inlined by force: GCC otherwise calls it out of line from Run and Exec, which cost Decide
// 1-2% more instructions than before the engine was reshaped (docs/performance.md).
__attribute__((always_inline)) inline Truth Decider::Memoised(int32_t rule) const {
  // Only rules that other rules name are judged more than once.
  if (!rule_code_[rule].referenced) return Judge(rule);
  uint8_t& memo = memo_[rule];
  if (memo != kNotJudged) return static_cast<Truth>(memo);
  const Truth result = Judge(rule);
  memo = static_cast<uint8_t>(result);
  decision_.memo_touched_.push_back(rule);
  return result;
}

Truth Decider::RuleTruth(int32_t rule) const { return Memoised(rule); }

Truth Decider::Condition(const Code* at) const { return TruthOf(at); }

void Decider::Missing(const Code* at, std::vector<int32_t>& slots) const {
  DecisionState& d = decision_;
  if (d.missing_seen_.size() != law_.rules.size()) d.missing_seen_.assign(law_.rules.size(), 0);
  for (int32_t rule : d.missing_touched_) d.missing_seen_[rule] = 0;
  d.missing_touched_.clear();
  CollectMissing(at, slots);
}

void Decider::CollectMissing(const Code* at, std::vector<int32_t>& slots) const {
  if (TruthOf(at) != Truth::kUnknown) return;
  switch (at->step) {
    case Step::kAll:
    case Step::kAny:
    case Step::kNot: {
      const Code* child = at + 1;
      for (uint32_t i = 0; i < at->count; ++i, child += child->size) CollectMissing(child, slots);
      return;
    }
    case Step::kRule: {
      // A rule that several others name, directly or not, gives its facts once per
      // collection: rules that each named the two before them took time exponential in
      // their number.
      const int32_t rule = at->slot;
      if (decision_.missing_seen_[rule]) return;
      decision_.missing_seen_[rule] = 1;
      decision_.missing_touched_.push_back(rule);
      const RuleCode& code = rule_code_[rule];
      const Code* end = code_ + code.end;
      for (const Code* element = code_ + code.begin; element != end; element += element->size) {
        CollectMissing(element, slots);
      }
      return;
    }
    case Step::kEnumIn:
    case Step::kInRange:
    case Step::kOutOfRange:
    case Step::kSetHas:
      slots.push_back(at->slot);
      return;
  }
}

int Decider::VersionInForce(const InstrumentIndex& instrument, Date date) const {
  return internal::VersionInForce(law_, instrument, date, decision_.with_);
}

// A date no version covers is not missing law when the next version explains why
// nothing applied before it (gap_before), e.g. a regulation not yet applicable.
bool Decider::ExplainedGap(const InstrumentIndex& instrument, Date date) const {
  for (int v : instrument.versions) {
    const RulesetVersion& version = law_.versions[v];
    if (version.status == VersionStatus::kProposed || version.in_force_from <= date) continue;
    return !version.gap_before.empty();  // the first later version, by in_force_from
  }
  return false;
}

void Decider::Reset(const EvaluationOptions& options) {
  DecisionState& d = decision_;
  const size_t rules = law_.rules.size();
  if (d.verdict_of_.size() != rules) {
    d.verdict_of_.assign(rules, 0);
    d.memo_.assign(rules, kNotJudged);
    d.memo_touched_.clear();
    d.with_.assign(law_.versions.size(), 0);
    d.with_any_ = false;
  } else {
    // verdict_of_ needs no clearing: an entry counts only while verdict_rule_ confirms it.
    for (int32_t rule : d.memo_touched_) d.memo_[rule] = kNotJudged;
    d.memo_touched_.clear();
  }
  memo_ = d.memo_.data();
  d.verdicts_.clear();
  d.verdict_rule_.clear();
  d.gaps_.clear();
  d.partial_.clear();
  if (d.with_any_) std::fill(d.with_.begin(), d.with_.end(), 0);
  d.with_any_ = !options.with.empty();
  for (const auto& id : options.with) {
    for (size_t v = 0; v < law_.versions.size(); ++v) {
      if (law_.versions[v].id == id) d.with_[v] = 1;
    }
  }
}

void Decider::Run(const EvaluationOptions& options) {
  Reset(options);
  DecisionState& d = decision_;
  const auto& acts = case_.acts();
  const int anchors = options.as_of ? 1 : 1 + static_cast<int>(acts.size());
  // Per anchor, its first and last day (the same for a date given as a day), and the
  // first anchor with the same days (whose version lookups it reuses).
  int32_t anchor_days[64];
  int32_t anchor_last[64];
  int first_on_date[64];
  for (int a = 0; a < anchors; ++a) {
    if (options.as_of) {
      anchor_days[a] = anchor_last[a] = options.as_of->days_since_epoch();
    } else {
      const DatePeriod& period = a == 0 ? case_.period() : acts[a - 1].period;
      anchor_days[a] = period.earliest.days_since_epoch();
      anchor_last[a] = period.latest.days_since_epoch();
    }
    first_on_date[a] = a;
    for (int earlier = 0; earlier < a; ++earlier) {
      if (anchor_days[earlier] == anchor_days[a] && anchor_last[earlier] == anchor_last[a]) {
        first_on_date[a] = earlier;
        break;
      }
    }
  }
  uint64_t reported = 0;  // the act types the case lists
  for (const Act& act : acts) reported |= uint64_t{1} << act.type_index;

  // The case's own law first, then the law that applies alongside it (EU).
  for (size_t pass = 0; pass <= law_.alongside.size(); ++pass) {
    const std::string& jurisdiction = pass == 0 ? case_.jurisdiction() : law_.alongside[pass - 1];
    if (pass > 0 && jurisdiction == case_.jurisdiction()) continue;
    auto of = std::find_if(law_.instruments_of.begin(), law_.instruments_of.end(),
                           [&](const auto& entry) { return entry.first == jurisdiction; });
    if (of == law_.instruments_of.end()) continue;
    for (const int i : of->second) {
      const InstrumentIndex& instrument = law_.instruments[i];
      // A bill takes part only when one of its versions is asked for.
      if (instrument.only_proposed &&
          std::none_of(instrument.versions.begin(), instrument.versions.end(),
                       [&](int v) { return d.with_[v] != 0; })) {
        continue;
      }
      // Judges the rules of version `v` that anchor `a`'s date selects.
      auto select = [&](int v, int a) __attribute__((always_inline)) {
        const RulesetVersion& version = law_.versions[v];
        const int32_t first_rule = law_.first_rule[v];
        const uint64_t bit = uint64_t{1} << a;
        uint32_t* const verdict_of = d.verdict_of_.data();
        auto judge = [&](int32_t global) __attribute__((always_inline)) {
          if (const uint32_t known = verdict_of[global];
              known < d.verdict_rule_.size() && d.verdict_rule_[known] == global) {
            d.verdicts_[known].anchors |= bit;
            return;
          }
          verdict_of[global] = static_cast<uint32_t>(d.verdicts_.size());
          d.verdict_rule_.push_back(global);
          const Rule* rule = &version.rules[global - first_rule];
          d.verdicts_.push_back(Verdict{rule, &version, Memoised(global), false, bit});
        };
        if (options.as_of) {
          for (int32_t g = first_rule, n = g + static_cast<int32_t>(version.rules.size()); g < n; ++g) judge(g);
        } else if (a > 0) {
          // An act's date selects the rules about that act.
          for (int32_t global : law_.rules_about_act[v][acts[a - 1].type_index]) judge(global);
        } else {
          // The case date selects the rules about no act the case reports.
          for (int32_t g = first_rule, n = g + static_cast<int32_t>(version.rules.size()); g < n; ++g) {
            if ((rule_code_[g].acts & reported) == 0) judge(g);
          }
        }
      };
      int version_at[64];  // per anchor: the version its date selects (or kAcross)
      for (int a = 0; a < anchors; ++a) {
        const Date date = Date::FromDays(anchor_days[a]);
        const bool first = first_on_date[a] == a;
        int v;
        if (!first) {
          v = version_at[first_on_date[a]];
        } else if (anchor_last[a] == anchor_days[a]) {
          v = VersionInForce(instrument, date);
        } else {
          v = Across(i, instrument, a, Date::FromDays(anchor_last[a]), date, /*say_gaps=*/true);
        }
        version_at[a] = v;
        // One version, or those of a period across a change: one call site of `select`,
        // which is inlined (with two, the demo's Decide measured 1.07x main's CPU time; with
        // one, 0.93x: docs/performance.md, issue 14).
        const int* selected = &version_at[a];
        size_t count = 1;
        if (v == kAcross) {
          // Each anchor records its own partial versions (SettleDays reads them by anchor).
          if (!first) Across(i, instrument, a, Date::FromDays(anchor_last[a]), date, /*say_gaps=*/false);
          selected = d.across_.data();
          count = d.across_.size();
        } else if (v < 0) {
          if (first && !ExplainedGap(instrument, date)) {
            d.gaps_.push_back(DecisionState::Gap{i, a});
          }
          continue;
        }
        for (size_t k = 0; k < count; ++k) select(selected[k], a);
      }
    }
  }
  if (!d.partial_.empty()) SettleDays();
}

// Off the hot path: only a date given as a period reaches it.
__attribute__((noinline)) int Decider::Across(int instrument_index, const InstrumentIndex& instrument, int anchor,
                                              Date last, Date first, bool say_gaps) {
  std::pair<int, int32_t> found[kMaxAcross];
  const int count = VersionsAcross(instrument, first, last, found);
  if (count == 1) return found[0].first;
  DecisionState& d = decision_;
  d.across_.clear();
  bool gap_said = false;
  for (int k = 0; k < count; ++k) {
    const int in_force = found[k].first;
    d.partial_.push_back(DecisionState::Partial{anchor, instrument_index, in_force});
    if (in_force >= 0) {
      d.across_.push_back(in_force);
    } else if (say_gaps && !gap_said && !ExplainedGap(instrument, Date::FromDays(found[k].second))) {
      d.gaps_.push_back(DecisionState::Gap{instrument_index, anchor});
      gap_said = true;
    }
  }
  return kAcross;
}

int Decider::VersionsAcross(const InstrumentIndex& instrument, Date first, Date last,
                            std::pair<int, int32_t>* out) const {
  int count = 0;
  auto add = [&](Date day) {
    const int v = VersionInForce(instrument, day);
    for (int k = 0; k < count; ++k) {
      if (out[k].first == v) return;
    }
    if (count < kMaxAcross) out[count++] = {v, day.days_since_epoch()};
  };
  add(first);
  // The law changes only on the day a version comes into force or the day after one ends.
  for (int v : instrument.versions) {
    const RulesetVersion& version = law_.versions[v];
    if (first < version.in_force_from && version.in_force_from <= last) add(version.in_force_from);
    if (version.in_force_until) {
      const Date after = version.in_force_until->AddDays(1);
      if (first < after && after <= last) add(after);
    }
  }
  return count;
}

int32_t Decider::RuleOfId(int version, const std::string& id) const {
  const auto& rules = law_.versions[version].rules;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].id == id) return law_.first_rule[version] + static_cast<int32_t>(r);
  }
  return -1;
}

void Decider::SettleDays() {
  DecisionState& d = decision_;
  for (size_t k = 0; k < d.verdicts_.size(); ++k) {
    Verdict& verdict = d.verdicts_[k];
    if (verdict.truth == Truth::kFalse) continue;
    const int v = law_.rules[d.verdict_rule_[k]].version;
    uint64_t partial = 0;
    int instrument = -1;
    for (const auto& p : d.partial_) {
      if (p.version != v) continue;
      partial |= uint64_t{1} << p.anchor;
      instrument = p.instrument;
    }
    // In force on every day of some date that selected it: that date decides nothing.
    if ((verdict.anchors & ~partial) != 0) continue;
    // The same rule (by id) judged alike under every other version of those days: the
    // day does not matter for it.
    bool alike = false;
    for (int a = 0; a < 64 && !alike; ++a) {
      if (((verdict.anchors >> a) & 1) == 0) continue;
      alike = true;
      for (const auto& p : d.partial_) {
        if (p.anchor != a || p.instrument != instrument || p.version == v) continue;
        const int32_t same = p.version < 0 ? -1 : RuleOfId(p.version, verdict.rule->id);
        if (same < 0 || Memoised(same) != verdict.truth) {
          alike = false;
          break;
        }
      }
    }
    if (alike) continue;
    verdict.truth = And(verdict.truth, Truth::kUnknown);
    verdict.day_decides = true;
  }
}

}  // namespace internal

namespace {

// The assessment date compares the law applied with the law in force then (lex mitior);
// a date before all the encoded law is a typing error (1900 for 2025), not an assessment.
Status CheckAssessmentDate(const internal::LawData& law, Date assessed_on) {
  std::optional<Date> earliest;
  for (const auto& v : law.versions) {
    if (v.status == VersionStatus::kProposed) continue;
    if (!earliest || v.in_force_from < *earliest) earliest = v.in_force_from;
  }
  if (!earliest || assessed_on >= *earliest) return Status::Ok();
  return Diagnostic{"E0303", {},
                    "--assessed-on " + assessed_on.ToString() +
                        " is before all the law the rulesets encode (from " + earliest->ToString() + ")",
                    {"the date of the assessment is today, or the date of a judgment or advice: "
                     "YYYY-MM-DD"},
                    "", 1};
}

}  // namespace

Status Decide(const Law& law, const Case& c, const EvaluationOptions& options,
                    Decision& decision) {
  if (!options.with.empty()) {
    if (auto checked = internal::CheckProposals(law, options.with, c.jurisdiction()); !checked.ok()) return checked.errors();
  }
  if (options.assessed_on) {
    if (auto checked = CheckAssessmentDate(internal::DataOf(law), *options.assessed_on); !checked.ok()) {
      return checked.errors();
    }
  }
  internal::Decider(internal::DataOf(law), c, decision).Run(options);
  return Status::Ok();
}

}  // namespace ibsa
