// Internal: conditions. Parsed from YAML once, checked against the vocabulary,
// stored as a flat program of nodes over fact slots; evaluated in Kleene logic
// without allocation.
#ifndef IBSA_SRC_EXPR_CONDITION_H_
#define IBSA_SRC_EXPR_CONDITION_H_

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/vocabulary.h"
#include "expr/operators.h"
#include "yaml/yaml_reader.h"

namespace ibsa::internal {

struct Node {
  Op op = Op::kAll;
  int32_t slot = -1;
  int32_t first = 0;  // first child in Program::children
  int32_t count = 0;
  int32_t rule = -1;  // for kRule: global rule index, resolved after parsing
  int64_t number = 0;
  uint64_t mask = 0;
  friend bool operator==(const Node&, const Node&) = default;
};

// The test a fact-test node makes. REQUIRES: IsFactTest(node.op).
inline FactTest TestOf(const Node& node) { return LowerTest(node.op, node.number, node.mask); }

struct Program {
  std::vector<Node> nodes;
  std::vector<int32_t> children;
  std::vector<SourceLocation> locations;  // parallel to nodes
  friend bool operator==(const Program&, const Program&) = default;
};

// Answers rule references during evaluation.
class RuleOracle {
 public:
  virtual ~RuleOracle() = default;
  virtual Truth RuleTruth(int32_t rule) const = 0;
};

Truth EvalNode(const Program& program, int32_t node, const std::vector<FactValue>& values,
               const RuleOracle* oracle);

// A rule reference waiting for resolution: the node to patch and the id named.
struct PendingRuleRef {
  int32_t node = -1;
  std::string rule_id;
  YAML::Node yaml;
  int owner = -1;  // index, within its file, of the rule whose condition holds the reference
};

// What the condition parser may see of the vocabulary.
struct FactScope {
  const std::vector<FactDefinition>* facts = nullptr;
  const std::map<std::string, int, std::less<>>* slots = nullptr;
  // Only slots below this may be named (derived facts read earlier facts only).
  int visible = 0;
};

// Parses one condition into `program`; returns its root or -1 after reporting.
int32_t ParseCondition(const YAML::Node& yaml, const FactScope& scope, YamlReader& reader,
                       Program& program, std::vector<PendingRuleRef>* rule_refs);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_EXPR_CONDITION_H_
