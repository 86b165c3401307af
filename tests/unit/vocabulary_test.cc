#include <gtest/gtest.h>

#include "ibsa/vocabulary.h"
#include "test_law.h"

namespace ibsa {
namespace {

std::vector<Diagnostic> VocabularyErrors(const std::string& yaml) {
  auto v = Vocabulary::Parse(yaml, "facts.yaml");
  EXPECT_FALSE(v.ok());
  return v.ok() ? std::vector<Diagnostic>{} : v.errors();
}

const char* kHeader = "format: ibsa.facts/1\njurisdictions: [BE]\nfacts:\n";
const char* kActs = "  - {name: acts, type: set, values: [create], label: {nl: H, fr: A, en: A}}\n";

TEST(VocabularyTest, LoadsFactsWithTypesValuesAndSlots) {
  const Vocabulary vocabulary = testing::TestVocabulary();
  ASSERT_TRUE(vocabulary.SlotOf("image.technique").has_value());
  const FactDefinition& technique = vocabulary.fact(*vocabulary.SlotOf("image.technique"));
  EXPECT_EQ(technique.type, FactType::kEnum);
  EXPECT_EQ(technique.ValueIndex("undress"), 2);
  EXPECT_FALSE(technique.ValueIndex("nudify").has_value());
  EXPECT_TRUE(vocabulary.fact(*vocabulary.SlotOf("victim.minor")).derived);
  EXPECT_EQ(vocabulary.fact(*vocabulary.SlotOf("victim.age")).max, 120);
  EXPECT_EQ(vocabulary.jurisdictions(), (std::vector<std::string>{"BE", "NL"}));
  EXPECT_FALSE(vocabulary.SlotOf("victim.mood").has_value());
}

TEST(VocabularyTest, TheBundledVocabularyLoads) {
  auto vocabulary = Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  // Names users write in case files: a public contract (add, never rename).
  for (const char* name : {"victim.real_person", "victim.age", "victim.minor", "victim.under_16",
                           "victim.identifiable", "victim.consent_creation",
                           "victim.consent_sharing", "image.technique", "image.content",
                           "image.resembles_real_person", "image.realistic", "image.appears_minor",
                           "image.ai_disclosed", "acts", "perpetrator.age", "perpetrator.malicious",
                           "perpetrator.profit", "perpetrator.demand", "perpetrator.repeated",
                           "perpetrator.habitual", "perpetrator.relationship",
                           "distribution.doxing", "service.type", "service.origin",
                           "service.notified", "service.trusted_flagger", "service.removed",
                           "service.safeguards", "service.professional_deployer"}) {
    EXPECT_TRUE(vocabulary.value().SlotOf(name).has_value()) << name;
  }
}

TEST(VocabularyTest, EveryBundledFactHasLabelAndQuestionInThreeLanguages) {
  auto vocabulary = Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
  ASSERT_TRUE(vocabulary.ok());
  const Vocabulary& v = vocabulary.value();
  for (int slot = 0; slot < v.size(); ++slot) {
    const FactDefinition& fact = v.fact(slot);
    for (const LocalizedText* text : {&fact.label, &fact.question}) {
      EXPECT_FALSE(text->nl.empty()) << fact.name;
      EXPECT_FALSE(text->fr.empty()) << fact.name;
      EXPECT_FALSE(text->en.empty()) << fact.name;
    }
    EXPECT_GE(fact.sensitivity, 1) << fact.name;
  }
}

TEST(VocabularyTest, SensitivityIsOneTwoOrThree) {
  const auto errors = VocabularyErrors(
      "format: ibsa.facts/1\njurisdictions: [BE]\nfacts:\n"
      "  - {name: acts, type: set, values: [share], label: {nl: A, fr: A, en: A}, sensitivity: 1}\n"
      "  - {name: victim.age, type: int, label: {nl: L, fr: L, en: L}, sensitivity: 4}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0107");
  EXPECT_EQ(errors[0].message, "'sensitivity': 4 is out of range");
  EXPECT_EQ(errors[0].location.line, 5);
}

TEST(VocabularyTest, DerivedFactMayOnlyReadEarlierFacts) {
  const auto errors = VocabularyErrors(
      std::string(kHeader) + kActs +
      "  - {name: victim.minor, type: bool, derived: {fact: victim.age, \"<\": 18}, label: {nl: M, fr: M, en: M}}\n"
      "  - {name: victim.age, type: int, label: {nl: A, fr: A, en: A}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0102");
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_EQ(errors[0].message, "unknown fact 'victim.age'");
}

TEST(VocabularyTest, EnumNeedsValuesAndTypesAreAClosedSet) {
  const auto errors = VocabularyErrors(
      std::string(kHeader) + kActs +
      "  - {name: image.technique, type: enum, label: {nl: T, fr: T, en: T}}\n"
      "  - {name: image.size, type: float, label: {nl: S, fr: S, en: S}}\n");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].message, "fact 'image.technique' of type enum needs 'values'");
  EXPECT_EQ(errors[1].code, "E0103");
  EXPECT_EQ(errors[1].message, "'type': 'float' is not allowed");
  EXPECT_EQ(errors[1].location.line, 6);
}

TEST(VocabularyTest, RejectsDuplicateFactsAndTheReservedValueUnknown) {
  const auto errors = VocabularyErrors(
      std::string(kHeader) + kActs +
      "  - {name: acts, type: bool, label: {nl: T, fr: T, en: T}}\n"
      "  - {name: image.content, type: enum, values: [nudity, unknown], label: {nl: T, fr: T, en: T}}\n");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "E0109");
  EXPECT_EQ(errors[0].message, "fact 'acts' is declared twice");
  EXPECT_EQ(errors[1].code, "E0110");
  EXPECT_EQ(errors[1].location.line, 6);
}

TEST(VocabularyTest, RequiresTheActsFact) {
  const auto errors = VocabularyErrors(
      std::string(kHeader) + "  - {name: victim.age, type: int, label: {nl: A, fr: A, en: A}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].message, "the vocabulary must declare the set fact 'acts'");
}

TEST(VocabularyTest, LabelsNeedAllThreeLanguages) {
  const auto errors = VocabularyErrors(std::string(kHeader) + kActs +
                                       "  - {name: victim.age, type: int, label: {nl: A, en: A}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].message, "missing key 'fr' in 'label'");
}

TEST(VocabularyTest, AVocabularyOverFourMebibytesIsRefused) {
  const std::string big = "format: ibsa.facts/1\n# " + std::string(4 << 20, 'x') + "\n";
  auto vocabulary = Vocabulary::Parse(big, "facts.yaml");
  ASSERT_FALSE(vocabulary.ok());
  EXPECT_EQ(vocabulary.errors()[0].code, "E0004");
  EXPECT_EQ(vocabulary.errors()[0].message,
            "the vocabulary is " + std::to_string(big.size()) + " bytes; at most 4194304 are read");
}

}  // namespace
}  // namespace ibsa
