// A small vocabulary and helpers shared by the unit tests, so that each test states
// its own ruleset and case inline and asserts exact results.
#ifndef IBSA_TESTS_UNIT_TEST_LAW_H_
#define IBSA_TESTS_UNIT_TEST_LAW_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ibsa/ibsa.h"

namespace ibsa::testing {

inline const char* kVocabulary = R"(format: ibsa.facts/1
jurisdictions:
  BE: {nl: België, fr: Belgique, en: Belgium}
  NL: {nl: Nederland, fr: Pays-Bas, en: Netherlands}
applies_alongside:
  EU: {nl: Europese Unie, fr: Union européenne, en: European Union}
facts:
  - name: victim.age
    sensitivity: 2
    stage: person
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: int
    min: 0
    max: 120
    label: {nl: "Leeftijd", fr: "Âge", en: "Age"}
    question: {nl: "Hoe oud?", fr: "Quel âge ?", en: "How old?"}
  - name: victim.minor
    sensitivity: 2
    stage: person
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: bool
    derived: {fact: victim.age, "<": 18}
    label: {nl: "Minderjarig", fr: "Mineur", en: "Minor"}
    question: {nl: "V?", fr: "Q ?", en: "Q?"}
  - name: victim.real_person
    sensitivity: 2
    stage: person
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: bool
    label: {nl: "Bestaand", fr: "Existant", en: "Existing person"}
    question: {nl: "Bestaat de persoon?", fr: "La personne existe-t-elle ?", en: "Does the person exist?"}
  - name: image.technique
    sensitivity: 1
    stage: image
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: enum
    values: [authentic, face_swap, undress, synthetic]
    value_labels:
      authentic: {nl: echt, fr: réelle, en: real}
      face_swap: {nl: gezichtswissel, fr: échange de visage, en: face swap}
      undress: {nl: uitkleed-app, fr: déshabillage, en: undress app}
      synthetic: {nl: gegenereerd, fr: générée, en: generated}
    label: {nl: "Techniek", fr: "Technique", en: "Technique"}
    question: {nl: "V?", fr: "Q ?", en: "Q?"}
  - name: image.made_on
    sensitivity: 1
    stage: image
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: date
    label: {nl: "Gemaakt op", fr: "Fait le", en: "Made on"}
    question: {nl: "V?", fr: "Q ?", en: "Q?"}
  - name: acts
    sensitivity: 1
    stage: event
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: set
    values: [create, share, publish]
    value_labels:
      create: {nl: gemaakt, fr: réalisé, en: made}
      share: {nl: gedeeld, fr: partagé, en: shared}
      publish: {nl: openbaar gemaakt, fr: publié, en: published}
    label: {nl: "Handelingen", fr: "Actes", en: "Acts"}
    question: {nl: "V?", fr: "Q ?", en: "Q?"}
  - name: perpetrator.malicious
    sensitivity: 1
    stage: event
    why: {nl: "Waarom.", fr: "Pourquoi.", en: "Why."}
    type: bool
    label: {nl: "Kwaadwillig", fr: "Méchant", en: "Malicious"}
    question: {nl: "V?", fr: "Q ?", en: "Q?"}
)";

inline Vocabulary TestVocabulary() {
  auto vocabulary = Vocabulary::Parse(kVocabulary, "facts.yaml");
  EXPECT_TRUE(vocabulary.ok()) << (vocabulary.ok() ? "" : FormatDiagnostics(vocabulary.errors()));
  return std::move(vocabulary).value();
}

// A ruleset file with the given rules (YAML, indented by two spaces under `rules:`).
inline std::string Ruleset(const std::string& id, const std::string& from,
                           const std::string& until, const std::string& rules,
                           const std::string& status = "in_force",
                           const std::string& instrument = "Sw",
                           const std::string& jurisdiction = "BE") {
  return "format: ibsa.ruleset/1\nid: " + id + "\njurisdiction: " + jurisdiction +
         "\ninstrument: " + instrument +
         "\ntitle: {nl: T, fr: T, en: T}\nin_force_from: " + from +
         (until.empty() ? "" : "\nin_force_until: " + until) + "\nstatus: " + status +
         "\nsources: [{title: S, url: \"https://eur-lex.europa.eu/\"}]\nrules:\n" + rules;
}

// One rule with one element per condition given (YAML flow conditions).
inline std::string RuleYaml(const std::string& id, const std::vector<std::string>& conditions,
                            const std::string& acts = "") {
  std::string out = "  - id: " + id +
                    "\n    kind: offence\n    article: \"1\"\n    title: {nl: T, fr: T, en: T}\n";
  if (!acts.empty()) out += "    acts: " + acts + "\n";
  out += "    elements:\n";
  int n = 0;
  for (const auto& condition : conditions) {
    out += "      - id: e" + std::to_string(n++) +
           "\n        label: {nl: E, fr: E, en: E}\n        when: " + condition + "\n";
  }
  out += "    penalty: {prison_months: {min: 6, max: 60}}\n    certainty: settled\n"
         "    sources: [{title: S, url: \"https://www.ejustice.just.fgov.be/\"}]\n";
  return out;
}

inline Law LawOf(const Vocabulary& vocabulary,
                 const std::vector<std::pair<std::string, std::string>>& files) {
  auto law = Law::FromTexts(files, vocabulary);
  EXPECT_TRUE(law.ok()) << (law.ok() ? "" : FormatDiagnostics(law.errors()));
  return std::move(law).value();
}

inline std::vector<Diagnostic> LawErrors(const Vocabulary& vocabulary,
                                         const std::vector<std::pair<std::string, std::string>>& files) {
  auto law = Law::FromTexts(files, vocabulary);
  EXPECT_FALSE(law.ok());
  return law.ok() ? std::vector<Diagnostic>{} : law.errors();
}

inline Case CaseOf(const Vocabulary& vocabulary, const std::string& yaml) {
  auto c = Case::Parse(yaml, "case.yaml", vocabulary);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : FormatDiagnostics(c.errors()));
  return std::move(c).value();
}

inline std::vector<Diagnostic> CaseErrors(const Vocabulary& vocabulary, const std::string& yaml) {
  auto c = Case::Parse(yaml, "case.yaml", vocabulary);
  EXPECT_FALSE(c.ok());
  return c.ok() ? std::vector<Diagnostic>{} : c.errors();
}

inline const Finding* FindingFor(const Evaluation& evaluation, const std::string& rule) {
  for (const auto& f : evaluation.findings) {
    if (f.rule->id == rule) return &f;
  }
  return nullptr;
}

}  // namespace ibsa::testing

#endif  // IBSA_TESTS_UNIT_TEST_LAW_H_
