// Decider::RuleReading: how sure the reading is that a finding rests on. Kept apart from
// decide.cc so that judging's code (Decide's hot loop) is compiled as before it.
#include <optional>

#include "eval/decider.h"

namespace ibsa::internal {

namespace {
// The less sure of two readings; the first where they are alike (a rule's own before those
// it rests on). What rests on no rule never replaces a rule's reading, even where a damaged
// snapshot gives that rule a certainty below settled.
Decider::Reading Weaker(const Decider::Reading& a, const Decider::Reading& b) {
  return b.rule >= 0 && b.certainty > a.certainty ? b : a;
}
}  // namespace

Decider::Reading Decider::RuleReading(int32_t rule) const {
  const CompiledRule& compiled = law_.rules[rule];
  Reading weakest{law_.versions[compiled.version].rules[compiled.rule].certainty, rule};
  const RuleCode& code = rule_code_[rule];
  if (!code.names_rules) return weakest;  // most rules: their own reading alone
  for (const Code* element = code_ + code.begin; element != code_ + code.end; element += element->size) {
    if (Condition(element) == Truth::kTrue) weakest = Weaker(weakest, ReadingOf(element));
  }
  return weakest;
}

Decider::Reading Decider::ReadingOf(const Code* at) const {
  if (at->flat) return {};  // fact tests only
  switch (at->step) {
    case Step::kAll: {
      Reading weakest;
      const Code* child = at + 1;
      for (uint32_t i = 0; i < at->count; ++i, child += child->size) weakest = Weaker(weakest, ReadingOf(child));
      return weakest;
    }
    case Step::kAny: {
      std::optional<Reading> best;
      const Code* child = at + 1;
      for (uint32_t i = 0; i < at->count; ++i, child += child->size) {
        if (Condition(child) != Truth::kTrue) continue;
        const Reading reading = ReadingOf(child);
        if (!best || reading.certainty < best->certainty) best = reading;
      }
      return best.value_or(Reading{});
    }
    case Step::kRule: return RuleReading(at->slot);
    default: return {};  // a `not`, a fact test
  }
}

}  // namespace ibsa::internal
