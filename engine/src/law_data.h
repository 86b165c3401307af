// Internal: what a Law holds once its rulesets are loaded and compiled.
#ifndef IBSA_SRC_LAW_DATA_H_
#define IBSA_SRC_LAW_DATA_H_

#include <vector>

#include "condition.h"
#include "ibsa/law.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

// A rule's compiled conditions, by global rule index (versions in order, then
// rules in file order).
struct CompiledRule {
  int version = -1;
  int rule = -1;
  std::vector<int32_t> elements;      // roots, parallel to Rule::elements
  std::vector<int32_t> aggravations;  // roots, parallel to Rule::aggravations
};

struct LawData {
  explicit LawData(Vocabulary v) : vocabulary(std::move(v)) {}
  Vocabulary vocabulary;
  std::vector<RulesetVersion> versions;
  Program program;
  std::vector<CompiledRule> rules;
  std::vector<int32_t> first_rule;  // per version: global index of its first rule
};

// Parses one ruleset file into `law`, appending a version and its compiled rules.
// Rule references resolve within the same file (one instrument version) and must
// not form a cycle.
void ParseRulesetFile(const std::string& text, const std::string& file, LawData& law,
                      std::vector<Diagnostic>& diagnostics);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LAW_DATA_H_
