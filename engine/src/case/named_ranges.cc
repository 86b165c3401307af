#include "case/named_ranges.h"

#include <utility>

#include "base/access.h"
#include "base/fact_encoding.h"
#include "expr/condition.h"
#include "load/vocabulary_data.h"

namespace ibsa::internal {
namespace {

// The one derived fact whose negation has a name of its own in the law: a person who is
// not a minor is an adult (meerderjarig, majeur).
constexpr std::pair<std::string_view, std::string_view> kOpposites[] = {{"minor", "adult"}};

// Beyond this many values, a fact's range is not scanned (an age has 121).
constexpr int64_t kMostValues = 1000;

std::string_view Member(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string_view Group(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
}

}  // namespace

std::vector<NamedRange> NamedRanges(const Vocabulary& vocabulary, int slot) {
  const FactDefinition& fact = vocabulary.fact(slot);
  std::vector<NamedRange> out;
  // Unsigned: bounds far apart must not overflow into a short span.
  if (fact.type != FactType::kInt || !fact.min || !fact.max || *fact.max < *fact.min ||
      static_cast<uint64_t>(*fact.max) - static_cast<uint64_t>(*fact.min) >= kMostValues) {
    return out;
  }
  const VocabularyData& data = DataOf(vocabulary);
  std::vector<FactValue> values(data.facts.size());
  for (const Derivation& derivation : data.derivations) {
    const FactDefinition& derived = data.facts[derivation.slot];
    if (derived.type != FactType::kBool || Group(derived.name) != Group(fact.name)) continue;
    // Where it holds and where it does not, over every value of the fact; a derivation
    // that another fact also decides, or that holds on no single stretch, names nothing.
    std::optional<int64_t> true_low, true_high, false_low, false_high;
    bool decided = true, contiguous = true;
    for (int64_t v = *fact.min; v <= *fact.max && decided && contiguous; ++v) {
      values[slot] = MakeFactValue({.known = true, .number = v});
      const Truth truth = EvalNode(data.program, derivation.root, values, nullptr);
      if (truth == Truth::kUnknown) {
        decided = false;
        break;
      }
      auto& low = truth == Truth::kTrue ? true_low : false_low;
      auto& high = truth == Truth::kTrue ? true_high : false_high;
      if (high && *high != v - 1) contiguous = false;
      if (!low) low = v;
      high = v;
    }
    values[slot] = FactValue{};
    if (!decided || !contiguous) continue;
    const std::string_view member = Member(derived.name);
    if (true_low) out.push_back({std::string(member), *true_low, *true_high});
    for (const auto& [name, opposite] : kOpposites) {
      if (name == member && false_low) out.push_back({std::string(opposite), *false_low, *false_high});
    }
  }
  return out;
}

std::optional<NamedRange> FindNamedRange(const Vocabulary& vocabulary, int slot, std::string_view word) {
  for (NamedRange& range : NamedRanges(vocabulary, slot)) {
    if (range.word == word) return std::move(range);
  }
  return std::nullopt;
}

std::string NamedRangeWords(const Vocabulary& vocabulary, int slot) {
  std::string out;
  for (const NamedRange& range : NamedRanges(vocabulary, slot)) out += (out.empty() ? "'" : ", '") + range.word + "'";
  return out;
}

}  // namespace ibsa::internal
