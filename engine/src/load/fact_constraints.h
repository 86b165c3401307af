// Internal: the constraints between facts that facts.yaml declares (its `constraints:`
// list): what a case may not state together, and what one fact decides of another. One
// declaration, read by every stage: the case builder refuses (or warns about) a case that
// breaks one and decides the facts they leave one value, the question ranking never asks
// a fact they decide or make meaningless, the sweep counts no scenario outside them, and
// `ibsa check` reports a rule that needs a scenario outside them.
#ifndef IBSA_SRC_LOAD_FACT_CONSTRAINTS_H_
#define IBSA_SRC_LOAD_FACT_CONSTRAINTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/text.h"
#include "yaml/yaml_reader.h"

namespace ibsa::internal {

struct Program;
struct VocabularyData;

struct FactConstraint {
  std::string id;
  int32_t when = -1;                 // in VocabularyData::program
  int32_t then = -1;                 // must hold when `when` does; -1 for a not_applicable constraint
  std::vector<int> not_applicable;   // slots with no meaning when `when` holds
  Severity severity = Severity::kError;  // kWarning: the reason says "usually"
  LocalizedText reason;
  std::vector<Source> sources;       // empty: the constraint follows from what the facts mean
  SourceLocation location;           // of its id
  friend bool operator==(const FactConstraint&, const FactConstraint&) = default;
};

// Reads the `constraints:` list into `data` (after its facts). Problems: E0114 (the shape
// of a constraint), E0102 (an unknown fact), E0204 (a malformed condition), E0106 (a
// missing key or language), E0109 (an id twice).
void ReadFactConstraints(const YAML::Node& list, YamlReader& reader, VocabularyData& data);

// One constraint a set of values breaks: `slot` is the fact to point at (a fact stated
// where it has no meaning, or the fact the implication reads that the case gives).
struct Breach {
  const FactConstraint* constraint = nullptr;
  int slot = -1;
  bool not_applicable = false;  // a fact stated where the constraint makes it meaningless
};

// The constraints `values` break (a `when` true and its `then` false, or a given fact that
// is not applicable), in declaration order. Unknown is not false: a constraint whose
// `when` or `then` is unknown is not broken.
std::vector<Breach> Breaches(const VocabularyData& vocabulary, const std::vector<FactValue>& values);

// Whether the fact in `slot` has no meaning under `values` (some constraint's `when` is true
// and lists it).
bool NotApplicable(const VocabularyData& vocabulary, const std::vector<FactValue>& values, int slot);

// Derives the derived facts (DeriveFacts) and decides, until nothing changes, each unknown
// fact an error constraint leaves one value: its `when` true and its `then` a test of that
// fact (a face swap shows a real person), its `then` false and its `when` such a test (a
// person who is not a minor is not under 16), or a fact it makes not applicable known and its
// `when` such a test (a person with an age exists). Decided values are known, not given.
void CompleteFacts(const VocabularyData& vocabulary, std::vector<FactValue>& values,
                   std::vector<int>* contradictions);

// The English words of a condition, as messages say it ("'image.technique' is face_swap").
std::string ConditionWords(const VocabularyData& vocabulary, const Program& program, int32_t node);

// The fact slots a condition of the vocabulary reads.
void SlotsOf(const Program& program, int32_t node, std::vector<int>& slots);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_FACT_CONSTRAINTS_H_
