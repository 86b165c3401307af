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

const char* kHeader = "format: ibsa.facts/1\njurisdictions: {BE: {nl: België, fr: Belgique, en: Belgium}}\nfacts:\n";
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

// Reports print each jurisdiction by its name in the reader's language: facts.yaml declares
// it with the code, and a code without a name in each of nl, fr and en is refused (E0112).
TEST(VocabularyTest, NamesEachJurisdictionInThreeLanguages) {
  auto bundled = Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
  ASSERT_TRUE(bundled.ok()) << FormatDiagnostics(bundled.errors());
  const Vocabulary& v = bundled.value();
  EXPECT_EQ(v.jurisdictions(), (std::vector<std::string>{"BE", "NL"}));
  EXPECT_EQ(v.applies_alongside(), (std::vector<std::string>{"EU"}));
  EXPECT_EQ(v.JurisdictionName("BE", Language::kNl), "België");
  EXPECT_EQ(v.JurisdictionName("NL", Language::kFr), "Pays-Bas");
  EXPECT_EQ(v.JurisdictionName("EU", Language::kEn), "European Union");
  EXPECT_EQ(v.JurisdictionName("EU", Language::kFr), "Union européenne");
  EXPECT_EQ(v.JurisdictionName("DE", Language::kEn), "DE");  // not declared: its code
}

TEST(VocabularyTest, AJurisdictionWithoutItsNameIsRefused) {
  const std::string facts = std::string("facts:\n") + kActs;
  // The bare list of codes: each code is located.
  auto errors = VocabularyErrors("format: ibsa.facts/1\njurisdictions: [BE, NL]\n" + facts);
  ASSERT_EQ(errors.size(), 2u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0112");
  EXPECT_EQ(errors[0].location.line, 2);
  EXPECT_EQ(errors[0].location.column, 17);
  EXPECT_EQ(errors[1].location.column, 21);
  EXPECT_NE(errors[1].message.find("'NL'"), std::string::npos) << errors[1].message;
  EXPECT_NE(FormatDiagnostics(errors).find("nl, fr and en"), std::string::npos) << FormatDiagnostics(errors);
  // A language left out, or left empty: named in the message.
  errors = VocabularyErrors("format: ibsa.facts/1\njurisdictions:\n  BE: {nl: België, en: Belgium}\n"
                            "applies_alongside:\n  EU: {nl: Europese Unie, fr: \"\", en: European Union}\n" + facts);
  ASSERT_EQ(errors.size(), 2u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0112");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_EQ(errors[0].location.column, 7);
  EXPECT_NE(errors[0].message.find("'BE' is declared without its name in fr"), std::string::npos)
      << errors[0].message;
  EXPECT_EQ(errors[1].code, "E0112");
  EXPECT_EQ(errors[1].location.line, 5);
  EXPECT_NE(errors[1].message.find("'EU' is declared without its name in fr"), std::string::npos)
      << errors[1].message;
  // No name at all.
  errors = VocabularyErrors("format: ibsa.facts/1\njurisdictions:\n  BE:\n" + facts);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0112");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_EQ(errors[0].location.column, 3);
  // A language the reports do not speak is an unknown key, and the one missing is said.
  errors = VocabularyErrors("format: ibsa.facts/1\njurisdictions:\n  BE: {nl: B, fr: B, de: B}\n" + facts);
  ASSERT_EQ(errors.size(), 2u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0101");
  EXPECT_EQ(errors[1].code, "E0112");
  EXPECT_NE(errors[1].message.find("in en"), std::string::npos) << errors[1].message;
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
      "format: ibsa.facts/1\njurisdictions: {BE: {nl: België, fr: Belgique, en: Belgium}}\nfacts:\n"
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
