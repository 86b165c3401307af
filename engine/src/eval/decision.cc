#include "eval/decision_state.h"
#include "ibsa/decide.h"

namespace ibsa {

Decision::Decision() : state_(std::make_unique<internal::DecisionState>()) {}
Decision::~Decision() = default;
Decision::Decision(Decision&& other) noexcept = default;
Decision& Decision::operator=(Decision&& other) noexcept = default;

const std::vector<Verdict>& Decision::verdicts() const {
  static const std::vector<Verdict> kNone;
  return state_ ? state_->verdicts_ : kNone;
}

bool Decision::has_version_gaps() const { return state_ && !state_->gaps_.empty(); }

}  // namespace ibsa
