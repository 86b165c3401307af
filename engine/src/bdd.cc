#include "bdd.h"

#include <cmath>

namespace ibsa::internal {

Bdd::Bdd(int variables) : variables_(variables) {
  // Terminals carry the variable index past the last variable, so that they sort last.
  nodes_.push_back({variables, kFalse, kFalse});
  nodes_.push_back({variables, kTrue, kTrue});
}

Bdd::Ref Bdd::Make(int32_t var, Ref low, Ref high) {
  if (low == high) return low;
  const Key key{(static_cast<uint64_t>(var) << 32) | low, high};
  if (auto it = unique_.find(key); it != unique_.end()) return it->second;
  const Ref ref = static_cast<Ref>(nodes_.size());
  nodes_.push_back({var, low, high});
  unique_.emplace(key, ref);
  return ref;
}

Bdd::Ref Bdd::Var(int v) { return Make(v, kFalse, kTrue); }
Bdd::Ref Bdd::Not(Ref f) { return Ite(f, kFalse, kTrue); }
Bdd::Ref Bdd::And(Ref f, Ref g) { return Ite(f, g, kFalse); }
Bdd::Ref Bdd::Or(Ref f, Ref g) { return Ite(f, kTrue, g); }

Bdd::Ref Bdd::Ite(Ref f, Ref g, Ref h) {
  if (f == kTrue) return g;
  if (f == kFalse) return h;
  if (g == h) return g;
  if (g == kTrue && h == kFalse) return f;
  const Key key{(static_cast<uint64_t>(f) << 32) | g, h};
  if (auto it = ite_cache_.find(key); it != ite_cache_.end()) return it->second;
  const int32_t v = std::min({VarOf(f), VarOf(g), VarOf(h)});
  auto cofactor = [&](Ref x, bool high) {
    if (VarOf(x) != v) return x;
    return high ? nodes_[x].high : nodes_[x].low;
  };
  const Ref high = Ite(cofactor(f, true), cofactor(g, true), cofactor(h, true));
  const Ref low = Ite(cofactor(f, false), cofactor(g, false), cofactor(h, false));
  const Ref result = Make(v, low, high);
  ite_cache_.emplace(key, result);
  return result;
}

double Bdd::SatCount(Ref f) {
  // Counts assignments of the variables from VarOf(f) on, then scales for those above.
  std::function<double(Ref)> count = [&](Ref x) -> double {
    if (x == kFalse) return 0;
    if (x == kTrue) return 1;
    if (auto it = count_cache_.find(x); it != count_cache_.end()) return it->second;
    const Node& n = nodes_[x];
    const double low = count(n.low) * std::ldexp(1.0, VarOf(n.low) - n.var - 1);
    const double high = count(n.high) * std::ldexp(1.0, VarOf(n.high) - n.var - 1);
    count_cache_[x] = low + high;
    return low + high;
  };
  return count(f) * std::ldexp(1.0, VarOf(f));
}

void Bdd::PathsFrom(Ref f, std::vector<int8_t>& cube,
                    const std::function<void(const std::vector<int8_t>&)>& visit) {
  if (f == kFalse) return;
  if (f == kTrue) {
    visit(cube);
    return;
  }
  const Node n = nodes_[f];
  cube[n.var] = 0;
  PathsFrom(n.low, cube, visit);
  cube[n.var] = 1;
  PathsFrom(n.high, cube, visit);
  cube[n.var] = -1;
}

void Bdd::Paths(Ref f, const std::function<void(const std::vector<int8_t>&)>& visit) {
  std::vector<int8_t> cube(variables_, -1);
  PathsFrom(f, cube, visit);
}

std::vector<int8_t> Bdd::AnySat(Ref f) {
  std::vector<int8_t> assignment(variables_, 0);
  while (f != kTrue && f != kFalse) {
    const Node& n = nodes_[f];
    if (n.low != kFalse) {
      assignment[n.var] = 0;
      f = n.low;
    } else {
      assignment[n.var] = 1;
      f = n.high;
    }
  }
  return assignment;
}

}  // namespace ibsa::internal
