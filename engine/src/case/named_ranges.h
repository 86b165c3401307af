// Internal: the words a case file, the API and the interview may give for an int fact
// known only within a range ("minor", "adult", "under_16" for an age). They come from the
// vocabulary's derived facts, so that each threshold stays in one place (facts.yaml): a
// derived bool fact of the same group read from the fact names the range where it holds
// (victim.minor: the ages under 18), and "adult" the range where "minor" does not.
#ifndef IBSA_SRC_CASE_NAMED_RANGES_H_
#define IBSA_SRC_CASE_NAMED_RANGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/vocabulary.h"

namespace ibsa::internal {

struct NamedRange {
  std::string word;  // as a case file writes it: "minor", "adult", "under_16"
  int64_t low = 0;
  int64_t high = 0;
};

// The named ranges of the int fact in `slot`, in the order of the derived facts; none
// when the fact has no bounds (min and max) or no derived fact reads it alone.
std::vector<NamedRange> NamedRanges(const Vocabulary& vocabulary, int slot);

// The range `word` names for the fact in `slot`.
std::optional<NamedRange> FindNamedRange(const Vocabulary& vocabulary, int slot, std::string_view word);

// The words of NamedRanges, quoted and joined ("'minor', 'adult', 'under_16'").
std::string NamedRangeWords(const Vocabulary& vocabulary, int slot);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_CASE_NAMED_RANGES_H_
