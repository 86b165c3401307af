// Internal: the operators of a condition, declared once.
//
// Every consumer of a condition reads this file: the parser (spelling, operand, the
// fact types an operator applies to), the evaluators (TestTruth, in Kleene logic), the
// lowering for judging (decide.cc), the sweep's BDD compiler and the question ranking
// (LowerTest: each fact test as a set of values). Adding an operator is one enumerator,
// one row of Spec and one case of LowerTest; -Werror=switch names every other place
// (there is no `default:` in a switch over Op, TestKind or FactType).
#ifndef IBSA_SRC_EXPR_OPERATORS_H_
#define IBSA_SRC_EXPR_OPERATORS_H_

#include <cstdint>
#include <limits>
#include <string_view>

#include "base/fact_encoding.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

// DO NOT CHANGE THE ORDER: the snapshot stores these values, and checks that none is
// above kRule.
enum class Op : uint8_t {
  kAll, kAny, kNot,                  // children
  kIs, kIsNot, kLt, kLe, kGt, kGe,   // fact slot against `number`
  kIn, kNotIn,                       // enum fact against `mask` of value indexes
  kHas, kHasAny,                     // set fact against `mask`
  kRule,                             // another rule's outcome
};

// What follows an operator's key in YAML.
enum class Operand : uint8_t {
  kConditions,  // all, any, not: conditions
  kRuleId,      // rule: the id of a rule of the same file
  kValue,       // one value of the fact's type
  kValueList,   // a non-empty list of the fact's values
};

constexpr uint8_t TypeBit(FactType type) { return uint8_t{1} << static_cast<int>(type); }

struct OperatorSpec {
  std::string_view spelling;  // the YAML key
  Operand operand;
  uint8_t types;              // TypeBit of each fact type it applies to; 0: not a fact test
};

inline constexpr uint8_t kOrdered = TypeBit(FactType::kInt) | TypeBit(FactType::kDate);
inline constexpr uint8_t kScalar = TypeBit(FactType::kBool) | kOrdered | TypeBit(FactType::kEnum);

constexpr OperatorSpec Spec(Op op) {
  switch (op) {
    case Op::kAll: return {"all", Operand::kConditions, 0};
    case Op::kAny: return {"any", Operand::kConditions, 0};
    case Op::kNot: return {"not", Operand::kConditions, 0};
    case Op::kRule: return {"rule", Operand::kRuleId, 0};
    case Op::kIs: return {"is", Operand::kValue, kScalar};
    case Op::kIsNot: return {"is_not", Operand::kValue, kScalar};
    case Op::kLt: return {"<", Operand::kValue, kOrdered};
    case Op::kLe: return {"<=", Operand::kValue, kOrdered};
    case Op::kGt: return {">", Operand::kValue, kOrdered};
    case Op::kGe: return {">=", Operand::kValue, kOrdered};
    case Op::kIn: return {"in", Operand::kValueList, TypeBit(FactType::kEnum)};
    case Op::kNotIn: return {"not_in", Operand::kValueList, TypeBit(FactType::kEnum)};
    case Op::kHas: return {"has", Operand::kValue, TypeBit(FactType::kSet)};
    case Op::kHasAny: return {"has_any", Operand::kValueList, TypeBit(FactType::kSet)};
  }
  return {"", Operand::kConditions, 0};  // not reached: the switch names every operator
}

// The fact-test operators in the order messages list them.
inline constexpr Op kFactOperators[] = {Op::kIs, Op::kIsNot, Op::kIn,  Op::kNotIn, Op::kLt,
                                        Op::kLe, Op::kGt,    Op::kGe,  Op::kHas,   Op::kHasAny};

constexpr bool IsFactTest(Op op) { return Spec(op).types != 0; }
constexpr bool AppliesTo(Op op, FactType type) { return (Spec(op).types & TypeBit(type)) != 0; }

// A fact test reduced to the set of values that meet it. Every operator lowers to one of
// three shapes, so evaluators and compilers handle three shapes, not one per operator.
enum class TestKind : uint8_t {
  kNumberIn,  // bool, int, date, or an enum's value index: low <= value <= high
  kValueIn,   // an enum's value index is in `mask`
  kSetMeets,  // a set holds some member of `mask` (unknown while only uncertain ones do)
};

struct FactTest {
  TestKind kind = TestKind::kNumberIn;
  bool negated = false;  // met when the value is outside the set (is_not, not_in)
  int64_t low = 0;       // kNumberIn: inclusive bounds; the int64 limits are open ends
  int64_t high = 0;
  uint64_t mask = 0;     // kValueIn, kSetMeets
};

inline constexpr int64_t kLowest = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kHighest = std::numeric_limits<int64_t>::max();

// REQUIRES: IsFactTest(op). `number` and `mask` are the operands as the parser stores
// them in a Node.
constexpr FactTest LowerTest(Op op, int64_t number, uint64_t mask) {
  switch (op) {
    case Op::kIs: return {TestKind::kNumberIn, false, number, number, 0};
    case Op::kIsNot: return {TestKind::kNumberIn, true, number, number, 0};
    // "< lowest" and "> highest" hold for no value: everything outside the full range.
    case Op::kLt:
      return number == kLowest ? FactTest{TestKind::kNumberIn, true, kLowest, kHighest, 0}
                               : FactTest{TestKind::kNumberIn, false, kLowest, number - 1, 0};
    case Op::kLe: return {TestKind::kNumberIn, false, kLowest, number, 0};
    case Op::kGt:
      return number == kHighest ? FactTest{TestKind::kNumberIn, true, kLowest, kHighest, 0}
                                : FactTest{TestKind::kNumberIn, false, number + 1, kHighest, 0};
    case Op::kGe: return {TestKind::kNumberIn, false, number, kHighest, 0};
    case Op::kIn: return {TestKind::kValueIn, false, 0, 0, mask};
    case Op::kNotIn: return {TestKind::kValueIn, true, 0, 0, mask};
    case Op::kHas:
    case Op::kHasAny: return {TestKind::kSetMeets, false, 0, 0, mask};
    case Op::kAll:
    case Op::kAny:
    case Op::kNot:
    case Op::kRule: break;  // not fact tests
  }
  return {TestKind::kValueIn, false, 0, 0, 0};  // meets nothing
}

// Whether a number (a bool, int, date or enum index) lies in the test's set, before
// negation. REQUIRES: test.kind is kNumberIn or kValueIn.
constexpr bool InSet(const FactTest& test, int64_t number) {
  switch (test.kind) {
    case TestKind::kNumberIn: return test.low <= number && number <= test.high;
    case TestKind::kValueIn: return number >= 0 && number < 64 && ((test.mask >> number) & 1) != 0;
    case TestKind::kSetMeets: break;
  }
  return false;
}

// The Kleene truth of a fact test on a value: unknown when the fact is unknown (unless
// its known range decides it), and for a set when no member is known present but one
// named is uncertain.
inline Truth TestTruth(const FactTest& test, const FactValue& fact) {
  const FactEncoding& value = EncodingOf(fact);
  if (!value.known) {
    if (test.kind != TestKind::kNumberIn) return Truth::kUnknown;
    const Truth within = InRangeTruth(value, test.low, test.high);
    return test.negated ? Not(within) : within;
  }
  Truth result = Truth::kFalse;
  switch (test.kind) {
    case TestKind::kNumberIn:
    case TestKind::kValueIn:
      result = InSet(test, value.number) ? Truth::kTrue : Truth::kFalse;
      break;
    case TestKind::kSetMeets:
      result = (value.present & test.mask)     ? Truth::kTrue
               : (value.uncertain & test.mask) ? Truth::kUnknown
                                               : Truth::kFalse;
      break;
  }
  return test.negated ? Not(result) : result;
}

}  // namespace ibsa::internal

#endif  // IBSA_SRC_EXPR_OPERATORS_H_
