// Internal: what a Decision holds. Decide fills it (eval/decide.cc); Evaluate reads the
// rules and gaps behind the verdicts through the Decider.
#ifndef IBSA_SRC_EVAL_DECISION_STATE_H_
#define IBSA_SRC_EVAL_DECISION_STATE_H_

#include <cstdint>
#include <vector>

#include "ibsa/decide.h"

namespace ibsa::internal {

struct DecisionState {
  struct Gap {
    int instrument = -1;  // index into the law's instrument table
    int anchor = 0;
  };
  std::vector<Verdict> verdicts_;
  std::vector<int32_t> verdict_rule_;  // global rule index of each verdict
  std::vector<Gap> gaps_;
  // The versions a date given as a period selected although each is in force on only some
  // of its days (version -1: days no version covers). Empty while every date is a day.
  struct Partial {
    int anchor = 0;
    int instrument = -1;
    int version = -1;
  };
  std::vector<Partial> partial_;
  std::vector<int> across_;  // scratch: the versions of one period across a change
  // Scratch, sized to the law: the verdict of each global rule (a sparse set: the entry
  // is the rule's verdict only when verdict_rule_ holds the rule at that index, so a new
  // case clears nothing), the memoised truth of each rule (for rule references), and the
  // proposals overlaid (with_any_: some are).
  std::vector<uint32_t> verdict_of_;
  std::vector<uint8_t> memo_;
  std::vector<int32_t> memo_touched_;
  // The rules whose unknown facts one collection of missing facts has already taken.
  std::vector<uint8_t> missing_seen_;
  std::vector<int32_t> missing_touched_;
  std::vector<uint8_t> with_;
  bool with_any_ = false;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_EVAL_DECISION_STATE_H_
