#include "base/access.h"
#include "sweep/sweep.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <set>

#include "ibsa/case_builder.h"

namespace ibsa::internal {

ScenarioSpace::ScenarioSpace(const LawData& law, const std::vector<Root>& roots, RuleResolver resolve)
    : law_(law), vocabulary_(DataOf(law.vocabulary)), resolve_(std::move(resolve)) {
  std::vector<int32_t> rules_seen;
  for (const Root& root : roots) {
    if (root.node >= 0) Collect(*root.program, root.node, rules_seen);
  }
  Allocate();
  Constrain();
}

bool ScenarioSpace::Covers(const Program& program, int32_t index) const {
  const Node& node = program.nodes[index];
  if (node.op == Op::kRule) return false;
  if (!IsFactTest(node.op)) {
    for (int32_t i = 0; i < node.count; ++i) {
      if (!Covers(program, program.children[node.first + i])) return false;
    }
    return true;
  }
  const FactDefinition& fact = vocabulary_.facts[node.slot];
  if (fact.derived) {
    for (const auto& derivation : vocabulary_.derivations) {
      if (derivation.slot == node.slot) return Covers(vocabulary_.program, derivation.root);
    }
    return false;
  }
  const auto dims = dims_of_slot_.find(node.slot);
  if (dims == dims_of_slot_.end()) return false;
  const FactTest test = TestOf(node);
  switch (test.kind) {
    case TestKind::kSetMeets: {
      uint64_t members = 0;
      for (int d : dims->second) members |= uint64_t{1} << dims_[d].bit;
      return (test.mask & ~members) == 0;
    }
    case TestKind::kNumberIn: {
      if (fact.type != FactType::kInt && fact.type != FactType::kDate) return true;
      const auto& thresholds = dims_[dims->second[0]].thresholds;
      auto cut = [&](int64_t t) { return std::binary_search(thresholds.begin(), thresholds.end(), t); };
      return (test.low == kLowest || cut(test.low)) && (test.high == kHighest || cut(test.high + 1));
    }
    case TestKind::kValueIn: return true;
  }
  return false;
}

Bdd::Ref ScenarioSpace::Canonical(int slot) {
  Masks masks(dims_.size());
  for (size_t i = 0; i < dims_.size(); ++i) {
    masks[i] = dims_[i].slot == slot ? uint64_t{1} << std::countr_zero(dims_[i].possible) : dims_[i].possible;
  }
  return MasksBdd(masks);
}

void ScenarioSpace::Constrain() {
  structural_ = valid_;
  // Warning constraints say what is unusual, not what cannot be: those scenarios count,
  // and rank the patterns (a pattern of usual scenarios comes first).
  for (const FactConstraint& c : vocabulary_.constraints) {
    if (!Covers(vocabulary_.program, c.when)) continue;
    if (c.severity != Severity::kError) {
      if (c.then >= 0 && Covers(vocabulary_.program, c.then)) {
        usual_ = bdd_.And(usual_, bdd_.Or(bdd_.Not(Compile(vocabulary_.program, c.when)),
                                          Compile(vocabulary_.program, c.then)));
      }
      continue;
    }
    const Bdd::Ref when = Compile(vocabulary_.program, c.when);
    if (c.then >= 0) {
      if (!Covers(vocabulary_.program, c.then)) continue;
      implications_ = bdd_.And(implications_, bdd_.Or(bdd_.Not(when), Compile(vocabulary_.program, c.then)));
      continue;
    }
    NotApplicableHere here{&c, when, -1};
    for (int slot : c.not_applicable) {
      if (vocabulary_.facts[slot].derived || dims_of_slot_.count(slot) == 0) continue;
      constraints_ = bdd_.And(constraints_, bdd_.Or(bdd_.Not(when), Canonical(slot)));
      here.slot = slot;
      not_applicable_.push_back(here);
    }
  }
  constraints_ = bdd_.And(constraints_, implications_);
  valid_ = bdd_.And(structural_, constraints_);
  total_ = bdd_.SatCount(valid_);
}

bool ScenarioSpace::DependsOn(Bdd::Ref f, int slot, Bdd::Ref within) {
  // Two scenarios of `within` that differ only in this fact, on which f differs.
  for (int index : dims_of_slot_.at(slot)) {
    const Dimension& d = dims_[index];
    std::vector<std::pair<Bdd::Ref, Bdd::Ref>> cofactors;  // (f, within) with the fact set to a value
    for (int v = 0; v < d.size; ++v) {
      if (!((d.possible >> v) & 1)) continue;
      Bdd::Ref fv = f, wv = within;
      for (int j = 0; j < d.vars; ++j) {
        bool bit = false;
        switch (d.type) {
          case FactType::kBool:
          case FactType::kSet: bit = v == 1; break;
          case FactType::kEnum: bit = j == v; break;
          case FactType::kInt:
          case FactType::kDate: bit = j >= v; break;  // value < t_j
        }
        fv = bdd_.Restrict(fv, d.first_var + j, bit);
        wv = bdd_.Restrict(wv, d.first_var + j, bit);
      }
      cofactors.emplace_back(fv, wv);
    }
    for (size_t a = 0; a < cofactors.size(); ++a) {
      for (size_t b = a + 1; b < cofactors.size(); ++b) {
        const Bdd::Ref differ = bdd_.Ite(cofactors[a].first, bdd_.Not(cofactors[b].first), cofactors[b].first);
        if (bdd_.And(bdd_.And(cofactors[a].second, cofactors[b].second), differ) != Bdd::kFalse) return true;
      }
    }
  }
  return false;
}

void ScenarioSpace::Collect(const Program& program, int32_t index, std::vector<int32_t>& rules_seen) {
  const Node& node = program.nodes[index];
  switch (node.op) {
    case Op::kAll:
    case Op::kAny:
    case Op::kNot:
      for (int32_t i = 0; i < node.count; ++i) Collect(program, program.children[node.first + i], rules_seen);
      return;
    case Op::kRule: {
      const int32_t rule = resolve_(&program, index);
      if (rule < 0 || std::find(rules_seen.begin(), rules_seen.end(), rule) != rules_seen.end()) return;
      rules_seen.push_back(rule);
      for (int32_t root : law_.rules[rule].elements) {
        if (root >= 0) Collect(law_.program, root, rules_seen);
      }
      return;
    }
    case Op::kIs:
    case Op::kIsNot:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
    case Op::kIn:
    case Op::kNotIn:
    case Op::kHas:
    case Op::kHasAny:
      distinctions_.Add(node);
      AddSlot(node.slot);
      return;
  }
}

void ScenarioSpace::AddSlot(int slot) {
  const FactDefinition& fact = vocabulary_.facts[slot];
  if (!fact.derived) {
    if (std::find(slots_.begin(), slots_.end(), slot) == slots_.end()) slots_.push_back(slot);
    return;
  }
  for (const auto& derivation : vocabulary_.derivations) {
    if (derivation.slot != slot) continue;
    std::vector<int32_t> none;
    // The derivation's program reads only facts: no rule references.
    std::function<void(int32_t)> walk = [&](int32_t index) {
      const Node& node = vocabulary_.program.nodes[index];
      if (node.op == Op::kAll || node.op == Op::kAny || node.op == Op::kNot) {
        for (int32_t i = 0; i < node.count; ++i) walk(vocabulary_.program.children[node.first + i]);
        return;
      }
      distinctions_.Add(node);
      AddSlot(node.slot);
    };
    walk(derivation.root);
  }
}

void ScenarioSpace::Allocate() {
  std::sort(slots_.begin(), slots_.end());
  int vars = 0;
  for (int slot : slots_) {
    const FactDefinition& fact = vocabulary_.facts[slot];
    auto add = [&](Dimension d) {
      d.slot = slot;
      d.type = fact.type;
      d.first_var = vars;
      vars += d.vars;
      dims_of_slot_[slot].push_back(static_cast<int>(dims_.size()));
      dims_.push_back(std::move(d));
    };
    switch (fact.type) {
      case FactType::kBool: {
        Dimension d;
        d.vars = 1;
        d.size = 2;
        d.possible = 0b11;
        add(d);
        break;
      }
      case FactType::kEnum: {
        Dimension d;
        d.vars = static_cast<int>(fact.values.size());
        d.size = d.vars;
        d.possible = d.size >= 64 ? ~uint64_t{0} : (uint64_t{1} << d.size) - 1;
        add(d);
        break;
      }
      case FactType::kSet:
        for (int bit = 0; bit < 64; ++bit) {
          if (!((distinctions_.Members(slot) >> bit) & 1)) continue;
          Dimension d;
          d.bit = bit;
          d.vars = 1;
          d.size = 2;
          d.possible = 0b11;
          add(d);
        }
        break;
      case FactType::kInt:
      case FactType::kDate: {
        Dimension d;
        d.thresholds = distinctions_.Thresholds(slot);
        d.vars = static_cast<int>(d.thresholds.size());
        d.size = d.vars + 1;
        d.possible = Distinctions::Possible(fact, d.thresholds);
        add(d);
        break;
      }
    }
  }
  bdd_ = Bdd(vars);
  // Only assignments that describe a real scenario: one value per enumeration, and
  // thresholds that agree with each other and with the fact's range.
  Bdd::Ref valid = Bdd::kTrue;
  for (const Dimension& d : dims_) {
    if (d.type == FactType::kEnum) {
      Bdd::Ref exactly_one = Bdd::kFalse;
      for (int i = 0; i < d.vars; ++i) {
        Bdd::Ref only = bdd_.Var(d.first_var + i);
        for (int j = 0; j < d.vars; ++j) {
          if (j != i) only = bdd_.And(only, bdd_.Not(bdd_.Var(d.first_var + j)));
        }
        exactly_one = bdd_.Or(exactly_one, only);
      }
      valid = bdd_.And(valid, exactly_one);
    } else if (d.type == FactType::kInt || d.type == FactType::kDate) {
      for (int i = 0; i + 1 < d.vars; ++i) {
        // value < t_i implies value < t_{i+1}
        valid = bdd_.And(valid, bdd_.Or(bdd_.Not(bdd_.Var(d.first_var + i)), bdd_.Var(d.first_var + i + 1)));
      }
      Bdd::Ref some_possible = Bdd::kFalse;
      for (int i = 0; i < d.size; ++i) {
        if (!((d.possible >> i) & 1)) continue;
        // interval i: not below t_{i-1}, below t_i
        Bdd::Ref in = Bdd::kTrue;
        if (i > 0) in = bdd_.And(in, bdd_.Not(bdd_.Var(d.first_var + i - 1)));
        if (i < d.vars) in = bdd_.And(in, bdd_.Var(d.first_var + i));
        some_possible = bdd_.Or(some_possible, in);
      }
      valid = bdd_.And(valid, some_possible);
    }
  }
  valid_ = valid;
}

Bdd::Ref ScenarioSpace::DerivedBdd(int slot) {
  if (auto it = derived_.find(slot); it != derived_.end()) return it->second;
  Bdd::Ref result = Bdd::kFalse;
  for (const auto& derivation : vocabulary_.derivations) {
    if (derivation.slot == slot) result = Compile(vocabulary_.program, derivation.root);
  }
  derived_[slot] = result;
  return result;
}

Bdd::Ref ScenarioSpace::TestBdd(int slot, const FactTest& test) {
  const FactDefinition& fact = vocabulary_.facts[slot];
  // A fact with few values (a bool, an enum, a derived bool): the values in the test's set.
  auto some_value = [&](int values, auto value_bdd) {
    Bdd::Ref any = Bdd::kFalse;
    for (int i = 0; i < values; ++i) {
      if (InSet(test, i)) any = bdd_.Or(any, value_bdd(i));
    }
    return any;
  };
  Bdd::Ref in = Bdd::kFalse;
  switch (test.kind) {
    case TestKind::kSetMeets:
      // REQUIRES (the operator table): a set fact; one dimension per member named.
      for (int index : dims_of_slot_.at(slot)) {
        const Dimension& d = dims_[index];
        if ((test.mask >> d.bit) & 1) in = bdd_.Or(in, bdd_.Var(d.first_var));
      }
      break;
    case TestKind::kNumberIn:
    case TestKind::kValueIn: {
      if (fact.derived) {
        // Derived facts are bools, computed from their inputs.
        const Bdd::Ref value = DerivedBdd(slot);
        in = some_value(2, [&](int v) { return v == 1 ? value : bdd_.Not(value); });
        break;
      }
      const Dimension& d = dims_[dims_of_slot_.at(slot)[0]];
      switch (fact.type) {
        case FactType::kBool:
          in = some_value(2, [&](int v) { return v == 1 ? bdd_.Var(d.first_var) : bdd_.Not(bdd_.Var(d.first_var)); });
          break;
        case FactType::kEnum:
          in = some_value(d.vars, [&](int v) { return bdd_.Var(d.first_var + v); });
          break;
        case FactType::kInt:
        case FactType::kDate: {
          auto below = [&](int64_t t) {  // value < t; t is a threshold (Collect adds them)
            auto it = std::lower_bound(d.thresholds.begin(), d.thresholds.end(), t);
            return bdd_.Var(d.first_var + static_cast<int>(it - d.thresholds.begin()));
          };
          in = Bdd::kTrue;
          if (test.high != kHighest) in = below(test.high + 1);
          if (test.low != kLowest) in = bdd_.And(in, bdd_.Not(below(test.low)));
          break;
        }
        case FactType::kSet:
          break;  // the operator table gives set facts only kSetMeets tests
      }
      break;
    }
  }
  return test.negated ? bdd_.Not(in) : in;
}

Bdd::Ref ScenarioSpace::Compile(const Program& program, int32_t index) {
  const auto key = std::make_pair(&program, index);
  if (auto it = compiled_.find(key); it != compiled_.end()) return it->second;
  const Node& node = program.nodes[index];
  Bdd::Ref result = Bdd::kFalse;
  switch (node.op) {
    case Op::kAll:
      result = Bdd::kTrue;
      for (int32_t i = 0; i < node.count; ++i) result = bdd_.And(result, Compile(program, program.children[node.first + i]));
      break;
    case Op::kAny:
      for (int32_t i = 0; i < node.count; ++i) result = bdd_.Or(result, Compile(program, program.children[node.first + i]));
      break;
    case Op::kNot:
      result = bdd_.Not(Compile(program, program.children[node.first]));
      break;
    case Op::kRule: {
      const int32_t rule = resolve_(&program, index);
      result = rule < 0 ? Bdd::kFalse : RuleBdd(rule);
      break;
    }

    case Op::kIs:
    case Op::kIsNot:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
    case Op::kIn:
    case Op::kNotIn:
    case Op::kHas:
    case Op::kHasAny:
      result = TestBdd(node.slot, TestOf(node));
      break;
  }
  compiled_[key] = result;
  return result;
}

Bdd::Ref ScenarioSpace::RuleBdd(int32_t global_rule) {
  if (auto it = rules_.find(global_rule); it != rules_.end()) return it->second;
  Bdd::Ref result = Bdd::kTrue;
  for (int32_t root : law_.rules[global_rule].elements) {
    if (root >= 0) result = bdd_.And(result, Compile(law_.program, root));
  }
  rules_[global_rule] = result;
  return result;
}

ScenarioSpace::Masks ScenarioSpace::Decode(const std::vector<int8_t>& cube) const {
  Masks masks(dims_.size(), 0);
  for (size_t i = 0; i < dims_.size(); ++i) {
    const Dimension& d = dims_[i];
    if (d.type == FactType::kBool || d.type == FactType::kSet) {
      const int8_t v = cube[d.first_var];
      masks[i] = v < 0 ? 0b11 : v == 0 ? 0b01 : 0b10;
    } else if (d.type == FactType::kEnum) {
      // One-hot: a path that sets one variable is that value; one that sets two is no
      // valid scenario at all (reading it as the first would describe scenarios the path
      // excludes); otherwise every value whose variable the path leaves free.
      uint64_t ones = 0, free = 0;
      for (int j = 0; j < d.vars; ++j) {
        if (cube[d.first_var + j] == 1) ones |= uint64_t{1} << j;
        if (cube[d.first_var + j] < 0) free |= uint64_t{1} << j;
      }
      masks[i] = std::popcount(ones) > 1 ? 0 : ones != 0 ? ones : free;
    } else {
      uint64_t m = 0;
      for (int interval = 0; interval < d.size; ++interval) {
        bool consistent = (d.possible >> interval) & 1;
        for (int j = 0; j < d.vars && consistent; ++j) {
          const int8_t v = cube[d.first_var + j];
          if (v == 1 && j < interval) consistent = false;  // value < t_j but interval above
          if (v == 0 && j >= interval) consistent = false;  // value >= t_j but interval below
        }
        if (consistent) m |= uint64_t{1} << interval;
      }
      masks[i] = m;
    }
  }
  return masks;
}

std::vector<ScenarioSpace::Masks> ScenarioSpace::Merge(std::vector<Masks> patterns) const {
  // Patterns equal in every dimension but one become one pattern, dimension by dimension,
  // until nothing merges. Disjoint patterns stay disjoint.
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t d = 0; d < dims_.size(); ++d) {
      std::map<Masks, size_t> by_rest;
      std::vector<Masks> merged;
      for (auto& p : patterns) {
        Masks key = p;
        key[d] = 0;
        auto [it, inserted] = by_rest.emplace(std::move(key), merged.size());
        if (inserted) {
          merged.push_back(std::move(p));
        } else {
          merged[it->second][d] |= p[d];
          changed = true;
        }
      }
      patterns = std::move(merged);
    }
  }
  return patterns;
}

Bdd::Ref ScenarioSpace::MasksBdd(const Masks& masks) {
  Bdd::Ref all = Bdd::kTrue;
  for (size_t i = 0; i < dims_.size(); ++i) {
    const Dimension& d = dims_[i];
    const uint64_t m = masks[i] & d.possible;
    if (m == d.possible) continue;
    Bdd::Ref any = Bdd::kFalse;
    for (int v = 0; v < d.size; ++v) {
      if (!((m >> v) & 1)) continue;
      Bdd::Ref value = Bdd::kTrue;
      switch (d.type) {
        case FactType::kBool:
        case FactType::kSet:
          value = v == 1 ? bdd_.Var(d.first_var) : bdd_.Not(bdd_.Var(d.first_var));
          break;
        case FactType::kEnum:
          value = bdd_.Var(d.first_var + v);
          break;
        case FactType::kInt:
        case FactType::kDate:
          if (v > 0) value = bdd_.And(value, bdd_.Not(bdd_.Var(d.first_var + v - 1)));
          if (v < d.vars) value = bdd_.And(value, bdd_.Var(d.first_var + v));
          break;
      }
      any = bdd_.Or(any, value);
    }
    all = bdd_.And(all, any);
  }
  return all;
}

bool ScenarioSpace::Inside(const Masks& masks, Bdd::Ref f) {
  return bdd_.And(bdd_.And(MasksBdd(masks), valid_), bdd_.Not(f)) == Bdd::kFalse;
}

double ScenarioSpace::CountMasks(const Masks& masks) const {
  double n = 1;
  for (size_t d = 0; d < dims_.size(); ++d) n *= std::popcount(masks[d] & dims_[d].possible);
  return n;
}

double ScenarioSpace::Total() const { return total_; }

double ScenarioSpace::Count(Bdd::Ref f) {
  // A valid assignment of the variables is exactly one scenario.
  return bdd_.SatCount(bdd_.And(f, valid_));
}

std::string ScenarioSpace::IntervalText(const Dimension& d, int i, bool is_date) const {
  auto show = [&](int64_t v) { return is_date ? Date::FromDays(static_cast<int32_t>(v)).ToString() : std::to_string(v); };
  const bool has_low = i > 0;
  const bool has_high = i < d.vars;
  if (has_low && has_high) {
    if (d.thresholds[i] - 1 == d.thresholds[i - 1]) return show(d.thresholds[i - 1]);
    return show(d.thresholds[i - 1]) + " to " + show(d.thresholds[i] - 1);
  }
  if (has_low) return "at least " + show(d.thresholds[i - 1]);
  if (has_high) return "under " + show(d.thresholds[i]);
  return "any";
}

int64_t ScenarioSpace::Representative(const Dimension& d, int interval) const {
  return Distinctions::Representative(vocabulary_.facts[d.slot], d.thresholds, static_cast<size_t>(interval));
}

namespace {

// The English phrase of a constraint, as reports print it. `domain` lists the fact's values
// (an enum constraint names the shorter of the values allowed and those excluded).
std::string Phrase(const Constraint& c, const std::vector<std::string>& domain) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  switch (c.op) {
    case ConstraintOp::kIs: return "is " + c.values[0];
    case ConstraintOp::kHas: return "has " + c.values[0];
    case ConstraintOp::kHasNot: return "has not " + c.values[0];
    case ConstraintOp::kIn: {
      std::vector<std::string> out;
      for (const auto& v : domain) {
        if (std::find(c.values.begin(), c.values.end(), v) == c.values.end()) out.push_back(v);
      }
      return c.values.size() == 1           ? "is " + c.values[0]
             : c.values.size() <= out.size() ? "is one of " + join(c.values)
                                             : "is not " + join(out);
    }
    case ConstraintOp::kInRanges: {
      auto show = [&](int64_t v) {
        return c.type == FactType::kDate ? Date::FromDays(static_cast<int32_t>(v)).ToString() : std::to_string(v);
      };
      std::string s;
      for (const ValueRange& r : c.ranges) {
        std::string piece = r.min && r.max ? (*r.min == *r.max ? show(*r.min) : show(*r.min) + " to " + show(*r.max))
                            : r.min        ? "at least " + show(*r.min)
                            : r.max        ? "under " + show(*r.max + 1)
                                           : "";
        s += (s.empty() ? "" : " or ") + piece;
      }
      return s;
    }
  }
  return "";  // not reached: the switch names every operator
}

}  // namespace

std::vector<Constraint> ScenarioSpace::Describe(const Masks& masks) const {
  std::vector<Constraint> constraints;
  for (size_t i = 0; i < dims_.size(); ++i) {
    const Dimension& d = dims_[i];
    const uint64_t m = masks[i] & d.possible;
    if (m == d.possible || m == 0) continue;  // free, or not applicable here
    const FactDefinition& fact = vocabulary_.facts[d.slot];
    Constraint c;
    c.fact = fact.name;
    c.type = d.type;
    switch (d.type) {
      case FactType::kBool:
        c.op = ConstraintOp::kIs;
        c.values = {m == 0b10 ? "true" : "false"};
        break;
      case FactType::kSet:
        c.op = m == 0b10 ? ConstraintOp::kHas : ConstraintOp::kHasNot;
        c.values = {fact.values[d.bit]};
        break;
      case FactType::kEnum:
        c.op = ConstraintOp::kIn;
        for (int j = 0; j < d.size; ++j) {
          if ((m >> j) & 1) c.values.push_back(fact.values[j]);
        }
        break;
      case FactType::kInt:
      case FactType::kDate:
        c.op = ConstraintOp::kInRanges;
        for (int j = 0; j < d.size; ++j) {
          if (!((m >> j) & 1)) continue;
          // Join runs of adjacent intervals.
          int k = j;
          while (k + 1 < d.size && ((m >> (k + 1)) & 1)) ++k;
          ValueRange range;
          if (j > 0) range.min = d.thresholds[j - 1];
          if (k < d.vars) range.max = d.thresholds[k] - 1;
          c.ranges.push_back(range);
          j = k;
        }
        break;
    }
    c.text = Phrase(c, fact.values);
    constraints.push_back(std::move(c));
  }
  return constraints;
}

Result<Case> ScenarioSpace::Example(const Masks& masks, const std::string& jurisdiction, Date date,
                                    const std::string& id) const {
  // Every swept fact gets a value, so that `ibsa evaluate` decides every offence.
  CaseBuilder builder(law_.vocabulary, id);
  builder.SetId(id).SetJurisdiction(jurisdiction).SetDate(date);
  std::vector<std::string> acts;
  for (size_t i = 0; i < dims_.size(); ++i) {
    const Dimension& d = dims_[i];
    const FactDefinition& fact = vocabulary_.facts[d.slot];
    const uint64_t m = masks[i] & d.possible;
    if (m == 0) continue;  // not applicable here: a case does not state it
    const int first = std::countr_zero(m);
    switch (d.type) {
      case FactType::kBool: builder.SetBool(fact.name, first == 1); break;
      case FactType::kEnum: builder.SetValue(fact.name, fact.values[first]); break;
      case FactType::kSet:
        if (first == 1) acts.push_back(fact.values[d.bit]);
        break;
      case FactType::kInt: builder.SetNumber(fact.name, Representative(d, first)); break;
      case FactType::kDate: builder.SetDay(fact.name, Date::FromDays(static_cast<int32_t>(Representative(d, first)))); break;
    }
  }
  // The acts are the one set fact the sweep varies; each is done on the case date.
  builder.SetValues(kActsFact, acts);
  Result<Case> built = builder.Build();
  if (built.ok()) return built;
  // The sweep chose values the case checks refuse: a bug of the sweep, said, not hidden.
  std::vector<Diagnostic> errors = built.errors();
  for (Diagnostic& e : errors) {
    e.message = "the example case '" + id + "' the sweep built fails the case checks (a bug in ibsa; please report it): " +
                e.message;
  }
  return errors;
}

ScenarioSpace::Masks ScenarioSpace::Scenario(const Masks& masks, Bdd::Ref within) {
  // Dimension by dimension, the first value that leaves a scenario of `within`.
  Bdd::Ref rest = within;
  Masks one = masks;
  for (size_t d = 0; d < dims_.size(); ++d) {
    for (int v = 0; v < dims_[d].size; ++v) {
      if (!(((masks[d] & dims_[d].possible) >> v) & 1)) continue;
      Masks pick(dims_.size());
      for (size_t i = 0; i < dims_.size(); ++i) pick[i] = dims_[i].possible;
      pick[d] = uint64_t{1} << v;
      const Bdd::Ref narrowed = bdd_.And(rest, MasksBdd(pick));
      if (narrowed == Bdd::kFalse) continue;
      rest = narrowed;
      one[d] = pick[d];
      break;
    }
  }
  return one;
}

Bdd::Ref ScenarioSpace::Project(Bdd::Ref f, Bdd::Ref within) {
  // A fact on which f does not depend within `within` (no two scenarios of it that differ
  // only in that fact fall on either side of f) tells the reader nothing: quantified away,
  // the patterns leave it free.
  const Bdd::Ref w = bdd_.And(within, valid_);
  const Bdd::Ref in = bdd_.And(f, w);
  const Bdd::Ref out = bdd_.And(bdd_.Not(f), w);
  // Projected from f alone: its diagram, not that of f and the constraints, is what the
  // patterns are read from (far fewer paths); they are then counted within valid_.
  Bdd::Ref projected = f;
  for (const auto& [slot, dims] : dims_of_slot_) {
    Bdd::Ref some_in = in, some_out = out;
    for (int d : dims) {
      some_in = bdd_.Exists(some_in, dims_[d].first_var, dims_[d].vars);
      some_out = bdd_.Exists(some_out, dims_[d].first_var, dims_[d].vars);
    }
    if (bdd_.And(some_in, some_out) != Bdd::kFalse) continue;  // it tells them apart
    for (int d : dims) projected = bdd_.Exists(projected, dims_[d].first_var, dims_[d].vars);
  }
  return projected;
}

double ScenarioSpace::CountUsual(Bdd::Ref f) { return bdd_.SatCount(bdd_.And(bdd_.And(f, valid_), usual_)); }

Result<ScenarioSpace::Found> ScenarioSpace::Patterns(Bdd::Ref f, Bdd::Ref within, const std::string& jurisdiction,
                                                     Date date, const std::string& id_prefix) {
  Found found;
  const Bdd::Ref scenarios_of_f = bdd_.And(f, valid_);
  if (scenarios_of_f == Bdd::kFalse) return found;
  // The patterns are drawn on f with the facts that do not matter projected out; each
  // still counts, and takes its example from, the scenarios of f alone.
  const Bdd::Ref g = Project(f, within);
  // The paths of g, read as scenario sets (each is exactly the valid scenarios on it; none
  // that the constraints exclude is counted, and a path with none is no pattern).
  std::vector<Masks> cubes;
  bdd_.Paths(g, [&](const std::vector<int8_t>& cube) {
    Masks masks = Decode(cube);
    // The path meets valid_ exactly where its decoded values do: valid_ only holds
    // assignments that encode values.
    if (CountMasks(masks) > 0 && bdd_.Intersects(valid_, cube)) cubes.push_back(std::move(masks));
  });
  cubes = Merge(std::move(cubes));
  // Widen each pattern as far as it stays inside g: a free dimension is one constraint
  // fewer for the reader. Largest first, so that big patterns absorb small ones. A pattern
  // may take in combinations the constraints exclude: they are neither counted nor shown.
  std::sort(cubes.begin(), cubes.end(), [&](const Masks& a, const Masks& b) { return CountMasks(a) > CountMasks(b); });
  for (Masks& masks : cubes) {
    for (size_t d = 0; d < dims_.size(); ++d) {
      if ((masks[d] & dims_[d].possible) == dims_[d].possible) continue;
      Masks wider = masks;
      wider[d] = dims_[d].possible;
      if (Inside(wider, g)) {
        masks = std::move(wider);
        continue;
      }
      for (int v = 0; v < dims_[d].size; ++v) {
        if (((masks[d] >> v) & 1) || !((dims_[d].possible >> v) & 1)) continue;
        Masks one_more = masks;
        one_more[d] |= uint64_t{1} << v;
        if (Inside(one_more, g)) masks = std::move(one_more);
      }
    }
  }
  std::sort(cubes.begin(), cubes.end());
  cubes.erase(std::unique(cubes.begin(), cubes.end()), cubes.end());
  std::sort(cubes.begin(), cubes.end(), [&](const Masks& a, const Masks& b) { return CountMasks(a) > CountMasks(b); });
  // Keep a pattern only if the ones kept before it do not already cover it.
  struct Kept {
    Masks masks;
    Bdd::Ref scenarios;  // of f in the pattern
    double count = 0;
    double usual = 0;
  };
  std::vector<Kept> kept;
  Bdd::Ref union_kept = Bdd::kFalse;
  for (const Masks& masks : cubes) {
    const Bdd::Ref p = bdd_.And(MasksBdd(masks), scenarios_of_f);
    if (bdd_.And(p, bdd_.Not(union_kept)) == Bdd::kFalse) continue;
    union_kept = bdd_.Or(union_kept, p);
    kept.push_back({masks, p, 0, 0});
  }
  // The most plausible first (most scenarios that break no "usually"), then the largest.
  for (Kept& k : kept) {
    k.count = bdd_.SatCount(k.scenarios);
    k.usual = bdd_.SatCount(bdd_.And(k.scenarios, usual_));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
    return a.usual != b.usual ? a.usual > b.usual : a.count > b.count;
  });
  if (kept.size() > kPatternsShown) {
    found.more = kept.size() - kPatternsShown;
    kept.resize(kPatternsShown);
    Bdd::Ref shown = Bdd::kFalse;
    for (const Kept& k : kept) shown = bdd_.Or(shown, k.scenarios);
    found.more_scenarios = bdd_.SatCount(bdd_.And(scenarios_of_f, bdd_.Not(shown)));
  }
  const Bdd::Ref outside = bdd_.And(bdd_.And(within, valid_), bdd_.Not(f));
  for (size_t k = 0; k < kept.size(); ++k) {
    // A fact the constraints make not applicable is not described where the whole pattern
    // makes it so, and not stated where its example does (it holds one value there, so that
    // a scenario counts once).
    Masks shown = kept[k].masks;
    for (const NotApplicableHere& na : not_applicable_) {
      if (bdd_.And(kept[k].scenarios, bdd_.Not(na.when)) != Bdd::kFalse) continue;
      for (int d : dims_of_slot_.at(na.slot)) shown[d] = 0;
    }
    // At most kConditionsShown conditions: those that, dropped, would let in most of the
    // scenarios of `within` outside f.
    std::vector<std::pair<double, size_t>> weight;  // (scenarios let in, dimension)
    for (size_t d = 0; d < dims_.size(); ++d) {
      const uint64_t m = shown[d] & dims_[d].possible;
      if (m == dims_[d].possible || m == 0) continue;
      Masks freed = kept[k].masks;
      freed[d] = dims_[d].possible;
      weight.emplace_back(bdd_.SatCount(bdd_.And(MasksBdd(freed), outside)), d);
    }
    size_t not_shown = 0;
    if (weight.size() > kConditionsShown) {
      std::stable_sort(weight.begin(), weight.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (size_t i = kConditionsShown; i < weight.size(); ++i) shown[weight[i].second] = dims_[weight[i].second].possible;
      not_shown = weight.size() - kConditionsShown;
    }
    // The example states what the pattern says: where the pattern names a fact that has no
    // meaning in part of it, the example is taken where the fact has one.
    Bdd::Ref example_within = kept[k].scenarios;
    for (const NotApplicableHere& na : not_applicable_) {
      bool named = false;
      for (int d : dims_of_slot_.at(na.slot)) named = named || (shown[d] != 0 && (shown[d] & dims_[d].possible) != dims_[d].possible);
      const Bdd::Ref meaningful = bdd_.And(example_within, bdd_.Not(na.when));
      if (named && meaningful != Bdd::kFalse) example_within = meaningful;
    }
    // A usual scenario, where the pattern has one.
    if (const Bdd::Ref usual = bdd_.And(example_within, usual_); usual != Bdd::kFalse) example_within = usual;
    const Masks scenario = Scenario(kept[k].masks, example_within);
    const Bdd::Ref one = bdd_.And(MasksBdd(scenario), structural_);
    Masks example = scenario;
    for (const NotApplicableHere& na : not_applicable_) {
      if (bdd_.And(one, na.when) == Bdd::kFalse) continue;
      for (int d : dims_of_slot_.at(na.slot)) example[d] = 0;
    }
    Pattern p;
    p.constraints = Describe(shown);
    p.conditions_not_shown = not_shown;
    p.scenarios = kept[k].count;
    p.usual_scenarios = kept[k].usual;
    Result<Case> built = Example(example, jurisdiction, date, id_prefix + "-" + std::to_string(k + 1));
    if (!built.ok()) return built.errors();
    p.example = std::move(built).value();
    found.patterns.push_back(std::move(p));
  }
  return found;
}

std::vector<std::string> ScenarioSpace::FactNames() const {
  std::vector<std::string> names;
  for (int slot : slots_) names.push_back(vocabulary_.facts[slot].name);
  return names;
}

}  // namespace ibsa::internal
