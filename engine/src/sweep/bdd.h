// Internal: reduced ordered binary decision diagrams, for sweeping the whole scenario
// space symbolically (gaps, diffs) instead of enumerating scenarios one by one.
#ifndef IBSA_SRC_SWEEP_BDD_H_
#define IBSA_SRC_SWEEP_BDD_H_

#include <cstdint>
#include <functional>
#include <vector>

namespace ibsa::internal {

class Bdd {
 public:
  using Ref = uint32_t;
  static constexpr Ref kFalse = 0;
  static constexpr Ref kTrue = 1;

  explicit Bdd(int variables);

  int variables() const { return variables_; }
  Ref Var(int v);
  Ref Not(Ref f);
  Ref And(Ref f, Ref g);
  Ref Or(Ref f, Ref g);
  Ref Ite(Ref f, Ref g, Ref h);
  // f with variable `var` set to `value` (the cofactor): no longer depends on `var`.
  Ref Restrict(Ref f, int var, bool value);
  // f with the variables first .. first + count - 1 quantified away (some value of them
  // satisfies f): no longer depends on them.
  Ref Exists(Ref f, int first, int count);

  // The number of assignments of all variables that satisfy f.
  double SatCount(Ref f);
  // Calls `visit` once per path to kTrue with the cube it describes: per variable
  // -1 (free), 0 or 1. Paths are disjoint; together they are exactly f.
  void Paths(Ref f, const std::function<void(const std::vector<int8_t>&)>& visit);
  // Whether some assignment that agrees with `cube` (per variable -1 free, 0 or 1) satisfies
  // f: And(f, cube) != kFalse, without building the cube's diagram or any node.
  bool Intersects(Ref f, const std::vector<int8_t>& cube);
  // One satisfying assignment (free variables set to 0); f must not be kFalse.
  std::vector<int8_t> AnySat(Ref f);
  size_t nodes() const { return nodes_.size(); }

 private:
  struct Node {
    int32_t var;
    Ref low;
    Ref high;
  };
  // One entry of the operation cache: ite(f, g, h) = result. Lossy (a new entry
  // replaces an old one in its slot), which costs recomputation, never correctness.
  struct IteEntry {
    Ref f = kFalse, g = kFalse, h = kFalse, result = kFalse;
  };

  Ref Make(int32_t var, Ref low, Ref high);
  int32_t VarOf(Ref f) const { return nodes_[f].var; }
  void PathsFrom(Ref f, std::vector<int8_t>& cube,
                 const std::function<void(const std::vector<int8_t>&)>& visit);

  // Finds the slot of (var, low, high) in the unique table: the node's index, or an
  // empty slot (kFalse) where it belongs.
  size_t UniqueSlot(int32_t var, Ref low, Ref high) const;
  void GrowUnique();

  int variables_;
  std::vector<Node> nodes_;
  // Open addressing, linear probing, power-of-two size, at most half full; node
  // indexes (0 marks an empty slot: the terminals are never stored).
  std::vector<Ref> unique_;
  std::vector<IteEntry> ite_cache_;  // power-of-two size, grown with the diagram
  std::vector<double> count_cache_;  // by node; negative: not counted yet
  // Intersects' walk: the nodes it has visited in call number walk_, and its stack.
  std::vector<uint32_t> walked_;
  uint32_t walk_ = 0;
  std::vector<Ref> stack_;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_SWEEP_BDD_H_
