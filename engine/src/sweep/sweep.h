// Internal: the scenario space of a set of conditions, as binary decision diagrams.
//
// Each fact the conditions read becomes one dimension with a small domain: a boolean
// (2 values), an enumeration (its values, one-hot variables), each value of a set fact
// (present or not), or a number or date cut into intervals at the thresholds the
// conditions compare it with. Derived facts are computed from their inputs, so they are
// not dimensions of their own.
#ifndef IBSA_SRC_SWEEP_SWEEP_H_
#define IBSA_SRC_SWEEP_SWEEP_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sweep/bdd.h"
#include "expr/condition.h"
#include "expr/distinctions.h"
#include "ibsa/gaps.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"

namespace ibsa::internal {

// A condition to compile: a node of a program, and how that program's rule references
// resolve (to a BDD).
struct Root {
  const Program* program = nullptr;
  int32_t node = -1;
};

using RuleResolver = std::function<int32_t(const Program*, int32_t node)>;  // -> global rule or -1

class ScenarioSpace {
 public:
  // `resolve` maps a kRule node to a global rule index of `law` (or -1: the rule does not
  // apply, e.g. not in force on the date swept).
  ScenarioSpace(const LawData& law, const std::vector<Root>& roots, RuleResolver resolve);

  Bdd& bdd() { return bdd_; }
  // The scenarios counted: each a real scenario (one value per enumeration, numbers in
  // range) inside the error constraints of the vocabulary that read only swept facts, with
  // each fact a constraint makes not applicable fixed to one value (so that a scenario is
  // counted once).
  Bdd::Ref Valid() const { return valid_; }
  // The real scenarios, whether or not the constraints allow them.
  Bdd::Ref Structural() const { return structural_; }
  // The error constraints with a `then` that the space holds.
  Bdd::Ref Implications() const { return implications_; }
  // A not-applicable fact of a constraint the space holds: where `when` is true, the
  // fact's dimensions are fixed.
  struct NotApplicableHere {
    const FactConstraint* constraint = nullptr;
    Bdd::Ref when = Bdd::kFalse;
    int slot = -1;
  };
  const std::vector<NotApplicableHere>& NotApplicableFacts() const { return not_applicable_; }
  // Whether `f` tells apart values of the fact in `slot` among the scenarios of `within`.
  bool DependsOn(Bdd::Ref f, int slot, Bdd::Ref within);
  Bdd::Ref Compile(const Program& program, int32_t node);
  Bdd::Ref RuleBdd(int32_t global_rule);

  // The few patterns a reader is shown of `f` (scenarios within `within`: the harm for a
  // gap, everything for a diff), at most kPatternsShown, ranked by their usual
  // combinations, then by size; the rest counted. Facts on which f does not depend within
  // `within` are not named; a pattern names at most kConditionsShown conditions (those
  // that keep most of `within` outside f). Each with an example case of `jurisdiction`
  // on `date`, `id_prefix`-1, -2, ...; the errors if one fails the case checks (a bug of
  // the sweep).
  struct Found {
    std::vector<Pattern> patterns;
    size_t more = 0;            // patterns found but not shown
    double more_scenarios = 0;  // scenarios of f in none of those shown
  };
  Result<Found> Patterns(Bdd::Ref f, Bdd::Ref within, const std::string& jurisdiction, Date date,
                         const std::string& id_prefix);
  // The scenarios of f that break no constraint the vocabulary says usually holds.
  double CountUsual(Bdd::Ref f);
  double Count(Bdd::Ref f);
  double Total() const;
  std::vector<std::string> FactNames() const;

 private:
  struct Dimension {
    int slot = -1;
    FactType type = FactType::kBool;
    int bit = -1;                     // set facts: the value
    int first_var = 0;
    int vars = 0;
    std::vector<int64_t> thresholds;  // numbers: variable i means "value < thresholds[i]"
    uint64_t possible = 0;            // domain values that can occur (intervals within min/max)
    int size = 0;                     // domain values, possible or not
  };
  using Masks = std::vector<uint64_t>;

  void Collect(const Program& program, int32_t node, std::vector<int32_t>& rules_seen);
  void AddSlot(int slot);
  void Allocate();
  // Conjoins the constraints whose conditions read only what the space tells apart.
  void Constrain();
  bool Covers(const Program& program, int32_t node) const;
  Bdd::Ref Canonical(int slot);
  Bdd::Ref DerivedBdd(int slot);
  Bdd::Ref TestBdd(int slot, const FactTest& test);
  Masks Decode(const std::vector<int8_t>& cube) const;
  std::vector<Masks> Merge(std::vector<Masks> patterns) const;
  Bdd::Ref MasksBdd(const Masks& masks);
  bool Inside(const Masks& masks, Bdd::Ref f);
  // One scenario of `within` (scenarios of the pattern `masks`): per dimension, the first
  // value of the pattern that leaves one (its example).
  Masks Scenario(const Masks& masks, Bdd::Ref within);
  double CountMasks(const Masks& masks) const;
  std::vector<Constraint> Describe(const Masks& masks) const;
  // f with the facts it does not depend on within `within` quantified away, and those facts.
  Bdd::Ref Project(Bdd::Ref f, Bdd::Ref within);
  Result<Case> Example(const Masks& masks, const std::string& jurisdiction, Date date, const std::string& id) const;
  std::string IntervalText(const Dimension& d, int i, bool is_date) const;
  int64_t Representative(const Dimension& d, int interval) const;

  const LawData& law_;
  const VocabularyData& vocabulary_;
  RuleResolver resolve_;
  Distinctions distinctions_;                      // of the conditions swept
  std::vector<int> slots_;                          // base facts, in vocabulary order
  std::vector<Dimension> dims_;
  std::map<int, std::vector<int>> dims_of_slot_;
  Bdd bdd_{0};
  Bdd::Ref valid_ = Bdd::kTrue;
  Bdd::Ref structural_ = Bdd::kTrue;
  Bdd::Ref constraints_ = Bdd::kTrue;   // every error constraint the space holds
  Bdd::Ref implications_ = Bdd::kTrue;  // those with `then`
  Bdd::Ref usual_ = Bdd::kTrue;         // the warning constraints ("usually") the space holds
  double total_ = 0;
  std::vector<NotApplicableHere> not_applicable_;
  std::map<std::pair<const Program*, int32_t>, Bdd::Ref> compiled_;
  std::map<int32_t, Bdd::Ref> rules_;
  std::map<int, Bdd::Ref> derived_;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_SWEEP_SWEEP_H_
