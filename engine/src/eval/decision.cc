#include "ibsa/decide.h"

#include <utility>

#include "eval/decision_state.h"

namespace ibsa {
namespace {

// What a moved-from Decision holds (constant-initialized: no guard on each call).
const std::vector<Verdict> kNoVerdicts;

}  // namespace

Decision::Decision()
    : state_(std::make_unique<internal::DecisionState>()), verdicts_(&state_->verdicts_) {}
Decision::~Decision() = default;

Decision::Decision(Decision&& other) noexcept
    : state_(std::move(other.state_)), verdicts_(std::exchange(other.verdicts_, &kNoVerdicts)) {}

Decision& Decision::operator=(Decision&& other) noexcept {
  state_ = std::move(other.state_);
  verdicts_ = std::exchange(other.verdicts_, &kNoVerdicts);
  return *this;
}

bool Decision::has_version_gaps() const { return state_ && !state_->gaps_.empty(); }

}  // namespace ibsa
