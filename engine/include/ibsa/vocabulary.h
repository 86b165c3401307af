// File: vocabulary.h
// The fact vocabulary (rulesets/facts.yaml): every fact a rule may read and a case
// may state, with its type, its allowed values and its question and label in
// nl/fr/en. It is a public contract: facts are added, never renamed.
//
// Derived facts (e.g. victim.minor from victim.age) are declared in the
// vocabulary as conditions over earlier facts, not in C++.
//
// A Vocabulary is immutable after Load and safe to share between threads.
#ifndef IBSA_VOCABULARY_H_
#define IBSA_VOCABULARY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

namespace internal {
struct VocabularyData;
class Access;
}  // namespace internal

enum class FactType { kBool, kInt, kDate, kEnum, kSet };
std::string_view FactTypeName(FactType type);

// The name of the set-valued fact that lists what the perpetrator did. Its values
// are the act types; in a case file each act may carry its own date, and a rule's
// `acts:` list picks which acts' dates select the version of the law.
inline constexpr std::string_view kActsFact = "acts";
// Whether the perpetrator is a minor: a penalty stated as a level drops one level
// for a minor tried as an adult (Belgian Book I art. 35), which reports say.
inline constexpr std::string_view kPerpetratorMinorFact = "perpetrator.minor";

// Where a question belongs in an intake (rulesets/facts.yaml `stage:`), in the order an
// intake desk asks: what happened (when, where, who did it, their relationship), then the
// person, then what the image shows, then the platform, once one is involved.
enum class IntakeStage { kEvent, kPerson, kImage, kPlatform, kUndeclared };
// "event", "person", "image", "platform" (the YAML spelling); "" for kUndeclared.
std::string_view IntakeStageName(IntakeStage stage);

// Whether an intake asks a fact (rulesets/facts.yaml `intake:`): when its answer decides a
// finding (the default), also when it decides none because the record needs it (`basic`:
// the relationship, the platform, when the victim found out), or only in the follow-up for
// the lawyer (`for_lawyer`: a provider's internals nobody at the desk can know).
enum class IntakeUse { kDecides, kBasic, kForLawyer };

struct FactDefinition {
  std::string name;  // "victim.age"
  FactType type = FactType::kBool;
  std::vector<std::string> values;  // for kEnum and kSet, in declaration order
  // For kEnum and kSet: how each value reads in each language, parallel to `values`
  // (empty when the vocabulary gives none; `ibsa check` C008 then asks for them).
  std::vector<LocalizedText> value_labels;
  std::optional<int64_t> min;       // for kInt
  std::optional<int64_t> max;       // for kInt
  LocalizedText label;
  LocalizedText question;
  bool derived = false;  // computed from other facts when they are known
  // How intrusive the question is for the person asked: 1 neutral (dates, platform, who
  // did what), 2 personal (age, consent, harm), 3 intimate (what the image shows). Asked
  // in that order when their answers matter as much. 0: not declared (`ibsa check` C007).
  int sensitivity = 0;
  IntakeStage stage = IntakeStage::kUndeclared;
  IntakeUse intake = IntakeUse::kDecides;
  // Why the question is asked, one line a person at the desk can say (`ibsa check` C008
  // asks it, in nl, fr and en, of every fact that is not derived; C013 asks its stage).
  LocalizedText why;
  // Whether it declares `asked_when:`, a condition an intake asks it under (the platform's
  // questions once a platform is involved); the condition is the vocabulary's own.
  bool asked_conditionally = false;
  SourceLocation location;

  // Index of `value` in `values`, or nullopt.
  std::optional<int> ValueIndex(std::string_view value) const;
  // The label of value `index` in `language`, or the value itself when it has none.
  const std::string& ValueLabel(int index, Language language) const {
    return static_cast<size_t>(index) < value_labels.size() && !value_labels[index].Get(language).empty()
               ? value_labels[index].Get(language)
               : values[index];
  }
  friend bool operator==(const FactDefinition&, const FactDefinition&) = default;
};

class Vocabulary {
 public:
  // Reads and validates a facts file (see docs/case-format.md).
  static Result<Vocabulary> Load(const std::string& path);
  static Result<Vocabulary> Parse(const std::string& text, const std::string& file_name);

  // The fact's slot (index), or nullopt if the vocabulary has no such fact.
  std::optional<int> SlotOf(std::string_view name) const;
  const FactDefinition& fact(int slot) const;
  int size() const;

  // Jurisdictions a case may name (national law to assess), e.g. BE, NL.
  const std::vector<std::string>& jurisdictions() const;
  // Jurisdictions no case is in whose law applies alongside each of the above, e.g. EU.
  const std::vector<std::string>& applies_alongside() const;
  // A jurisdiction's name as facts.yaml declares it for every code of both lists
  // ("België", "Belgique", "Belgium"); a code it does not declare is its own name.
  std::string JurisdictionName(std::string_view code, Language language) const;
  // Every fact name, in declaration order (for "did you mean").
  std::vector<std::string> Names() const;

  // Whether both declare the same facts and jurisdictions, read from the same file.
  friend bool operator==(const Vocabulary& a, const Vocabulary& b);

 private:
  friend class internal::Access;
  explicit Vocabulary(std::shared_ptr<const internal::VocabularyData> data)
      : data_(std::move(data)) {}
  std::shared_ptr<const internal::VocabularyData> data_;
};

}  // namespace ibsa

#endif  // IBSA_VOCABULARY_H_
