// Internal: which values of each fact a set of conditions tells apart.
//
// One answer for every consumer: the sweep cuts numbers and dates into these classes (and
// `ibsa check` decides on the sweep's diagrams), and the question ranking tries one answer
// per class. Two values of a class meet exactly the same tests of the conditions added.
#ifndef IBSA_SRC_EXPR_DISTINCTIONS_H_
#define IBSA_SRC_EXPR_DISTINCTIONS_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "expr/condition.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

class Distinctions {
 public:
  // Records what a fact test compares its fact with. REQUIRES: IsFactTest(test.op).
  void Add(const Node& test) {
    // Both sides of the operand: "is n", "< n", "<= n" all change truth at n or at n + 1.
    numbers_[test.slot].insert(test.number);
    numbers_[test.slot].insert(test.number + 1);
    members_[test.slot] |= test.mask;
  }
  // Every fact test of `program`.
  void AddAll(const Program& program) {
    for (const Node& node : program.nodes) {
      if (IsFactTest(node.op)) Add(node);
    }
  }

  // Numbers and dates: sorted thresholds t; class i holds the values below thresholds[i]
  // and at or above thresholds[i - 1] (classes 0 and thresholds.size() are open-ended).
  std::vector<int64_t> Thresholds(int slot) const {
    auto it = numbers_.find(slot);
    return it == numbers_.end() ? std::vector<int64_t>{}
                                : std::vector<int64_t>(it->second.begin(), it->second.end());
  }
  // Sets: the members named.
  uint64_t Members(int slot) const {
    auto it = members_.find(slot);
    return it == members_.end() ? 0 : it->second;
  }

  // The classes of `thresholds` that hold a value within the fact's min and max, as a bit
  // mask by class.
  static uint64_t Possible(const FactDefinition& fact, const std::vector<int64_t>& thresholds) {
    uint64_t possible = 0;
    const size_t classes = thresholds.size() + 1;
    for (size_t i = 0; i < classes && i < 64; ++i) {
      const bool below_min = i < thresholds.size() && fact.min && thresholds[i] <= *fact.min;
      const bool above_max = i > 0 && fact.max && thresholds[i - 1] > *fact.max;
      if (!below_min && !above_max) possible |= uint64_t{1} << i;
    }
    return possible;
  }
  // A value of class `i` (within the fact's range when the class is possible).
  static int64_t Representative(const FactDefinition& fact, const std::vector<int64_t>& thresholds, size_t i) {
    if (i > 0) return std::max(thresholds[i - 1], fact.min.value_or(thresholds[i - 1]));
    if (!thresholds.empty()) return fact.min ? std::min(*fact.min, thresholds[0] - 1) : thresholds[0] - 1;
    return fact.min.value_or(0);
  }
  // One value of each possible class of the number or date fact in `slot`.
  std::vector<int64_t> Representatives(const FactDefinition& fact, int slot) const {
    const std::vector<int64_t> thresholds = Thresholds(slot);
    const uint64_t possible = Possible(fact, thresholds);
    std::vector<int64_t> values;
    for (size_t i = 0; i <= thresholds.size() && i < 64; ++i) {
      if ((possible >> i) & 1) values.push_back(Representative(fact, thresholds, i));
    }
    if (values.empty()) values.push_back(fact.min.value_or(0));  // a range no class meets
    return values;
  }

 private:
  std::map<int, std::set<int64_t>> numbers_;
  std::map<int, uint64_t> members_;
  friend bool operator==(const Distinctions&, const Distinctions&) = default;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_EXPR_DISTINCTIONS_H_
