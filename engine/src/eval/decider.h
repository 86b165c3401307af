// Internal: the lean judge behind Decide and Evaluate. It memoises each rule's truth
// in the Decision's scratch, so rule references and lex mitior comparisons reuse it.
#ifndef IBSA_SRC_EVAL_DECIDER_H_
#define IBSA_SRC_EVAL_DECIDER_H_

#include <vector>

#include "eval/decision_state.h"
#include "expr/condition.h"
#include "ibsa/decide.h"
#include "load/law_data.h"

namespace ibsa::internal {

class Decider final {
 public:
  Decider(const LawData& law, const Case& c, Decision& decision)
      : Decider(law, c, c.values(), decision) {}
  // Judges the case's dates and acts against other fact values (what-if answers).
  Decider(const LawData& law, const Case& c, const std::vector<FactValue>& values, Decision& decision)
      : law_(law),
        case_(c),
        values_(values.data()),
        code_(law.code.data()),
        rule_code_(law.rule_code.data()),
        decision_(StateOf(decision)),
        memo_(decision_.memo_.data()) {}

  // Judges every rule the case's dates select; fills the Decision.
  void Run(const EvaluationOptions& options);

  // Evaluate's explanations read the code the verdicts were judged with, not the
  // conditions lowered anew: an element's truth is what Run's judgement of it was.
  // The first element of `rule` (the next is `at + at->size`), and its aggravations.
  const Code* Elements(int32_t rule) const { return code_ + rule_code_[rule].begin; }
  const Code* Aggravations(int32_t rule) const {
    return law_.aggravation_code.data() + law_.aggravations_at[rule];
  }
  Truth Condition(const Code* at) const;
  // The unknown facts that leave the condition at `at` undecided (with repeats).
  void Missing(const Code* at, std::vector<int32_t>& slots) const;
  // Memoised: lex mitior asks again for rules Run judged.
  Truth RuleTruth(int32_t rule) const;

  // The reading a finding rests on: the least sure certainty among its rule's own and those
  // of the rules its met elements hold through (and, in turn, theirs), with the global index
  // of the rule it belongs to. Through an `any`, the best-supported alternative that holds;
  // a fact test or a `not` rests on no reading. Evaluate gives it to each finding
  // (Finding::certainty): art. 171 C. pén. through the nudity reading of art. 170 is likely.
  struct Reading {
    Certainty certainty = Certainty::kSettled;
    int32_t rule = -1;
  };
  Reading RuleReading(int32_t rule) const;

  // Read by Evaluate.
  const std::vector<int32_t>& verdict_rules() const { return decision_.verdict_rule_; }
  const std::vector<DecisionState::Gap>& gaps() const { return decision_.gaps_; }

 private:
  // The Decision's state; a moved-from Decision gets a new one.
  static DecisionState& StateOf(Decision& decision) {
    if (!decision.state_) {
      decision.state_ = std::make_unique<DecisionState>();
      decision.verdicts_ = &decision.state_->verdicts_;
    }
    return *decision.state_;
  }
  Reading ReadingOf(const Code* at) const;  // of a condition that holds
  Truth Exec(const Code* at) const;   // any node
  Truth Test(const Code* at) const;   // a fact test
  Truth TruthOf(const Code* at) const;  // either, without a call for a fact test
  void CollectMissing(const Code* at, std::vector<int32_t>& slots) const;
  // RuleTruth without the virtual call: memoised for rules that others name.
  Truth Memoised(int32_t rule) const;
  // The rule's elements, conjoined; stops at the first false one.
  Truth Judge(int32_t rule) const;
  // Index of the version of `instrument` in force on `date`, or -1.
  int VersionInForce(const InstrumentIndex& instrument, Date date) const;
  bool ExplainedGap(const InstrumentIndex& instrument, Date date) const;
  // The versions of `instrument` in force on some day from `first` to `last` (-1 for days
  // none covers), each with a day it is in force (days since the epoch), into `out` (at most kMaxAcross);
  // their count.
  static constexpr int kMaxAcross = 16;
  // What Across returns for a period across a change of `instrument`; the versions of its
  // days are then in the Decision's across_, each recorded as partial for `anchor`.
  static constexpr int kAcross = -2;
  // The version anchor `anchor`'s period from `first` to `last` selects: the one in force
  // on all its days, -1 when none is on any, or kAcross.
  int Across(int instrument_index, const InstrumentIndex& instrument, int anchor, Date last, Date first,
             bool say_gaps);
  int VersionsAcross(const InstrumentIndex& instrument, Date first, Date last,
                     std::pair<int, int32_t>* out) const;
  // Caps at unknown each verdict whose version a period selected on only some of its
  // days, unless the other versions of those days judge a rule of its id alike.
  void SettleDays();
  // The global index of the rule `id` in version `version`, or -1.
  int32_t RuleOfId(int version, const std::string& id) const;
  void Reset(const EvaluationOptions& options);

  const LawData& law_;
  const Case& case_;
  // The arrays judging reads, held directly: the memo's byte stores may alias anything,
  // so reaching them through law_ costs a reload after each store.
  const FactValue* const values_;
  const Code* const code_;
  const RuleCode* const rule_code_;
  DecisionState& decision_;
  uint8_t* memo_;  // decision_.memo_'s data, again after Reset sizes it
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_EVAL_DECIDER_H_
