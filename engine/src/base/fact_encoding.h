// Internal: how the engine stores a fact's value, behind FactValue's typed readers, so that
// the hot paths (Decide, the tree evaluator, derived facts) read it inline and public code
// reads facts only through the typed accessors.
//
// `number` carries a bool (0 or 1), an int, a date (days since 1970-01-01) or an enum
// (the index of its value among the fact's values); a set is two bit masks over its values'
// indexes: `present` the members established, `uncertain` those reported as possible, not
// established (neither present nor absent: "has" on them is unknown). The two masks never
// share a bit. `known` false: the rest is meaningless, except for an int fact known only
// within a range (`bounded`: the case gave "16 or 17", or "a minor"): `number` is its
// lowest value and `high` its highest. `given`: the case stated it, as opposed to derived
// from its other facts.
//
// A range is kept apart from `known` so that every reader of a known value stays as it
// was; only the fact tests look at `bounded`, and only on their unknown path
// (InRangeTruth), so that a case without ranges is judged at the same speed.
#ifndef IBSA_SRC_BASE_FACT_ENCODING_H_
#define IBSA_SRC_BASE_FACT_ENCODING_H_

#include "ibsa/case.h"
#include "ibsa/truth.h"

namespace ibsa::internal {

struct FactAccess {
  using Encoding = FactValue::Encoding;
  static Encoding& Of(FactValue& value) { return value.encoding_; }
  static const Encoding& Of(const FactValue& value) { return value.encoding_; }
};

using FactEncoding = FactAccess::Encoding;

// What `value` holds, as above.
inline FactEncoding& EncodingOf(FactValue& value) { return FactAccess::Of(value); }
inline const FactEncoding& EncodingOf(const FactValue& value) { return FactAccess::Of(value); }

// Decide's values are read one after another: the range fits in what was padding.
static_assert(sizeof(FactEncoding) == 40, "a fact's value takes 40 bytes");

// The truth of `low <= x <= high` for an int fact `value` that is not known: decided when
// it is bounded and its whole range lies inside (true) or outside (false) the test's.
inline Truth InRangeTruth(const FactEncoding& value, int64_t low, int64_t high) {
  if (!value.bounded) return Truth::kUnknown;
  if (low <= value.number && value.high <= high) return Truth::kTrue;
  if (value.high < low || high < value.number) return Truth::kFalse;
  return Truth::kUnknown;
}

// The value that holds `encoding` (e.g. MakeFactValue({.known = true, .number = 1})).
inline FactValue MakeFactValue(const FactEncoding& encoding) {
  FactValue value;
  EncodingOf(value) = encoding;
  return value;
}

}  // namespace ibsa::internal

#endif  // IBSA_SRC_BASE_FACT_ENCODING_H_
