// Internal: reduced ordered binary decision diagrams, for sweeping the whole scenario
// space symbolically (gaps, diffs) instead of enumerating scenarios one by one.
#ifndef IBSA_SRC_BDD_H_
#define IBSA_SRC_BDD_H_

#include <cstdint>
#include <functional>
#include <unordered_map>
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

  // The number of assignments of all variables that satisfy f.
  double SatCount(Ref f);
  // Calls `visit` once per path to kTrue with the cube it describes: per variable
  // -1 (free), 0 or 1. Paths are disjoint; together they are exactly f.
  void Paths(Ref f, const std::function<void(const std::vector<int8_t>&)>& visit);
  // One satisfying assignment (free variables set to 0); f must not be kFalse.
  std::vector<int8_t> AnySat(Ref f);
  size_t nodes() const { return nodes_.size(); }

 private:
  struct Node {
    int32_t var;
    Ref low;
    Ref high;
  };
  struct Key {
    uint64_t a;
    uint64_t b;
    bool operator==(const Key& o) const { return a == o.a && b == o.b; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return k.a * 0x9E3779B97F4A7C15ull ^ (k.b + (k.a << 6)); }
  };

  Ref Make(int32_t var, Ref low, Ref high);
  int32_t VarOf(Ref f) const { return nodes_[f].var; }
  void PathsFrom(Ref f, std::vector<int8_t>& cube,
                 const std::function<void(const std::vector<int8_t>&)>& visit);

  int variables_;
  std::vector<Node> nodes_;
  std::unordered_map<Key, Ref, KeyHash> unique_;
  std::unordered_map<Key, Ref, KeyHash> ite_cache_;
  std::unordered_map<Ref, double> count_cache_;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_BDD_H_
