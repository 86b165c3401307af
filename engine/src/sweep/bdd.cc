#include "sweep/bdd.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace ibsa::internal {

namespace {

inline uint64_t Mix(uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull) * 0xbf58476d1ce4e5b9ull;
  h ^= c * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

}  // namespace

Bdd::Bdd(int variables) : variables_(variables), unique_(1 << 12, kFalse), ite_cache_(1 << 12) {
  // Terminals carry the variable index past the last variable, so that they sort last.
  nodes_.push_back({variables, kFalse, kFalse});
  nodes_.push_back({variables, kTrue, kTrue});
}

size_t Bdd::UniqueSlot(int32_t var, Ref low, Ref high) const {
  const size_t mask = unique_.size() - 1;
  for (size_t slot = Mix(static_cast<uint64_t>(var), low, high) & mask;; slot = (slot + 1) & mask) {
    const Ref ref = unique_[slot];
    if (ref == kFalse) return slot;
    const Node& n = nodes_[ref];
    if (n.var == var && n.low == low && n.high == high) return slot;
  }
}

void Bdd::GrowUnique() {
  unique_.assign(unique_.size() * 2, kFalse);
  for (Ref ref = 2; ref < nodes_.size(); ++ref) {
    const Node& n = nodes_[ref];
    unique_[UniqueSlot(n.var, n.low, n.high)] = ref;
  }
  // The operation cache grows with the diagram, up to a fixed bound.
  if (ite_cache_.size() < (size_t{1} << 22) && ite_cache_.size() < unique_.size()) {
    ite_cache_.assign(unique_.size(), IteEntry{});
  }
}

Bdd::Ref Bdd::Make(int32_t var, Ref low, Ref high) {
  if (low == high) return low;
  size_t slot = UniqueSlot(var, low, high);
  if (unique_[slot] != kFalse) return unique_[slot];
  const Ref ref = static_cast<Ref>(nodes_.size());
  nodes_.push_back({var, low, high});
  if (nodes_.size() * 2 > unique_.size()) {
    GrowUnique();  // also stores the new node
  } else {
    unique_[slot] = ref;
  }
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
  IteEntry* entry = &ite_cache_[Mix(f, g, h) & (ite_cache_.size() - 1)];
  if (entry->f == f && entry->g == g && entry->h == h) {  // f is never kFalse here: empty never matches
    return entry->result;
  }
  const int32_t v = std::min({VarOf(f), VarOf(g), VarOf(h)});
  auto cofactor = [&](Ref x, bool high) {
    if (VarOf(x) != v) return x;
    return high ? nodes_[x].high : nodes_[x].low;
  };
  const Ref high = Ite(cofactor(f, true), cofactor(g, true), cofactor(h, true));
  const Ref low = Ite(cofactor(f, false), cofactor(g, false), cofactor(h, false));
  const Ref result = Make(v, low, high);
  // The cache may have been reallocated while recursing.
  entry = &ite_cache_[Mix(f, g, h) & (ite_cache_.size() - 1)];
  *entry = IteEntry{f, g, h, result};
  return result;
}

Bdd::Ref Bdd::Restrict(Ref f, int var, bool value) {
  std::vector<Ref> done(nodes_.size(), kFalse);
  std::vector<bool> seen(nodes_.size(), false);
  std::function<Ref(Ref)> restrict = [&](Ref x) -> Ref {
    if (x == kFalse || x == kTrue || VarOf(x) > var) return x;
    if (seen[x]) return done[x];
    const Node n = nodes_[x];
    const Ref result = n.var == var ? (value ? n.high : n.low) : Make(n.var, restrict(n.low), restrict(n.high));
    seen[x] = true;
    done[x] = result;
    return result;
  };
  return restrict(f);
}

Bdd::Ref Bdd::Exists(Ref f, int first, int count) {
  const int last = first + count;  // exclusive
  std::unordered_map<Ref, Ref> done;
  std::function<Ref(Ref)> exists = [&](Ref x) -> Ref {
    if (x == kFalse || x == kTrue || VarOf(x) >= last) return x;
    if (auto it = done.find(x); it != done.end()) return it->second;
    const Node n = nodes_[x];
    const Ref low = exists(n.low);
    const Ref high = exists(n.high);
    const Ref result = n.var >= first ? Or(low, high) : Make(n.var, low, high);
    done.emplace(x, result);
    return result;
  };
  return exists(f);
}

double Bdd::SatCount(Ref f) {
  // Counts assignments of the variables from VarOf(f) on, then scales for those above.
  count_cache_.resize(nodes_.size(), -1.0);
  std::function<double(Ref)> count = [&](Ref x) -> double {
    if (x == kFalse) return 0;
    if (x == kTrue) return 1;
    if (count_cache_[x] >= 0) return count_cache_[x];
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

bool Bdd::Intersects(Ref f, const std::vector<int8_t>& cube) {
  // Depth first; below a free variable both branches are tried, and a node already walked
  // in this call is not walked again (diagrams share nodes, so without this a diagram could
  // be walked once per path through it).
  if (walked_.size() < nodes_.size()) walked_.resize(nodes_.size(), 0);
  if (++walk_ == 0) {  // the epoch wrapped: forget every mark
    std::fill(walked_.begin(), walked_.end(), 0);
    walk_ = 1;
  }
  stack_.assign(1, f);
  while (!stack_.empty()) {
    const Ref g = stack_.back();
    stack_.pop_back();
    if (g == kTrue) return true;
    if (g == kFalse || walked_[g] == walk_) continue;
    walked_[g] = walk_;
    const Node& n = nodes_[g];
    const int8_t value = cube[n.var];
    if (value != 1) stack_.push_back(n.low);
    if (value != 0) stack_.push_back(n.high);
  }
  return false;
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
