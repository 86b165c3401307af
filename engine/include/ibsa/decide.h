// File: decide.h
// The lean evaluation path: for one case, each rule judged and its outcome, with
// the version and the dates behind it, and nothing else.
//
// Decide selects versions exactly as Evaluate does (Evaluate is built on it) but
// keeps no explanation: no elements, no missing facts, no texts. Once a Decision
// has been used for a case of a law, deciding further cases with it allocates
// nothing. Use it when many cases are judged (sweeps, batch runs, benchmarks);
// use Evaluate for anything a person reads.
//
//   ibsa::Decision decision;
//   for (const ibsa::Case& c : cases) {
//     if (!ibsa::Decide(law, c, options, decision).ok()) ...;
//     for (const ibsa::Verdict& v : decision.verdicts())
//       if (v.truth == ibsa::Truth::kTrue) ...;  // v.rule applies
//   }
#ifndef IBSA_DECIDE_H_
#define IBSA_DECIDE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

namespace internal {
class Decider;
struct DecisionState;
}  // namespace internal

// One rule judged for the case: kTrue (applies), kUnknown (possible) or kFalse (an
// element is not met).
struct Verdict {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
  Truth truth = Truth::kUnknown;
  // `version` is in force on only some days of the periods that selected it (a month, a
  // year or a range across a change of the law), and no other version in force on the
  // other days judges a rule of the same id alike: `truth` is then at most kUnknown, the
  // day being one more unknown fact.
  bool day_decides = false;
  // Which dates selected `version`: bit 0 is the case date (or the --as-of date),
  // bit i is the date of the case's act i-1 (Case::acts()).
  uint64_t anchors = 0;
};

// What Decide found for the last case it was given, with the scratch it reuses for the
// next (see above). Move-only; a moved-from Decision holds no verdicts until it is
// decided again.
class Decision {
 public:
  Decision();
  ~Decision();
  Decision(Decision&& other) noexcept;
  Decision& operator=(Decision&& other) noexcept;

  // In the order Evaluate reports findings: national law first, then EU law; within
  // an instrument, by date and then in file order.
  const std::vector<Verdict>& verdicts() const { return *verdicts_; }
  // Whether some instrument that applies has no version for a date of the case.
  bool has_version_gaps() const;

 private:
  friend class internal::Decider;
  std::unique_ptr<internal::DecisionState> state_;
  const std::vector<Verdict>* verdicts_;  // the state's, read without a call
};

// Errors only for a `with` id that is not a proposed ruleset version (as Evaluate).
// `options.explain` and `options.assessed_on` are ignored: they only shape reports.
Status Decide(const Law& law, const Case& c, const EvaluationOptions& options,
                    Decision& decision);

}  // namespace ibsa

#endif  // IBSA_DECIDE_H_
