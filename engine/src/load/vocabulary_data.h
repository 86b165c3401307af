// Internal: what a Vocabulary holds.
#ifndef IBSA_SRC_LOAD_VOCABULARY_DATA_H_
#define IBSA_SRC_LOAD_VOCABULARY_DATA_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "expr/condition.h"
#include "load/fact_constraints.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

struct Derivation {
  int slot = -1;
  int32_t root = -1;  // in VocabularyData::program
  friend bool operator==(const Derivation&, const Derivation&) = default;
};

struct VocabularyData {
  std::string file;
  std::vector<FactDefinition> facts;
  std::map<std::string, int, std::less<>> slots;
  std::vector<std::string> jurisdictions;
  std::vector<std::string> applies_alongside;
  // Every code of both lists, with its name in nl, fr and en.
  std::map<std::string, LocalizedText, std::less<>> jurisdiction_names;
  Program program;                       // the derivations' conditions
  std::vector<Derivation> derivations;   // in declaration order: inputs come first
  std::vector<FactConstraint> constraints;  // their conditions are in `program` too
  // By slot: the root of the fact's `asked_when` condition in `program`, or -1.
  std::vector<int32_t> asked_when;

  FactScope Scope() const {
    return FactScope{&facts, &slots, static_cast<int>(facts.size())};
  }
  friend bool operator==(const VocabularyData&, const VocabularyData&) = default;
};

// Computes every derived fact whose inputs are known, in declaration order. A value
// already given stands when the derivation is undecided; `contradictions` receives the
// slots whose given value the derivation contradicts (those keep the given value).
void DeriveFacts(const VocabularyData& vocabulary, std::vector<FactValue>& values,
                 std::vector<int>* contradictions);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_VOCABULARY_DATA_H_
