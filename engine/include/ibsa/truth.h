// File: truth.h
// Kleene's three truth values: what a condition, an element or a fact's member is when
// the facts may be unknown. Unknown is never read as false.
#ifndef IBSA_TRUTH_H_
#define IBSA_TRUTH_H_

#include <cstdint>
#include <string_view>

namespace ibsa {

enum class Truth : uint8_t { kFalse, kTrue, kUnknown };
// Kleene's strong connectives: false wins a conjunction, true a disjunction.
inline Truth And(Truth a, Truth b) {
  if (a == Truth::kFalse || b == Truth::kFalse) return Truth::kFalse;
  return a == Truth::kTrue && b == Truth::kTrue ? Truth::kTrue : Truth::kUnknown;
}
inline Truth Or(Truth a, Truth b) {
  if (a == Truth::kTrue || b == Truth::kTrue) return Truth::kTrue;
  return a == Truth::kFalse && b == Truth::kFalse ? Truth::kFalse : Truth::kUnknown;
}
inline Truth Not(Truth a) {
  if (a == Truth::kUnknown) return a;
  return a == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
}
std::string_view TruthName(Truth truth);  // "not_met", "met", "unknown"

}  // namespace ibsa

#endif  // IBSA_TRUTH_H_
