#include <gtest/gtest.h>

#include <algorithm>

#include "ibsa/law.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::LawErrors;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

class RulesetTest : public ::testing::Test {
 protected:
  // The single error of a one-file law whose only rule has these element conditions.
  Diagnostic ErrorOfRule(const std::vector<std::string>& conditions, const std::string& acts = "") {
    const auto errors =
        LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", RuleYaml("r1", conditions, acts))}});
    EXPECT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
    return errors.empty() ? Diagnostic{} : errors[0];
  }
  const Vocabulary vocabulary_ = testing::TestVocabulary();
};

TEST_F(RulesetTest, LoadsRulesWithTheirMetadata) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "2026-04-07",
                                                         RuleYaml("r1", {"{fact: victim.real_person, is: true}"}, "[create]"),
                                                         "repealed")}});
  ASSERT_EQ(law.versions().size(), 1u);
  const RulesetVersion& v = law.versions()[0];
  EXPECT_EQ(v.id, "be.sw.1");
  EXPECT_EQ(v.jurisdiction, "BE");
  EXPECT_EQ(v.instrument, "Sw");
  EXPECT_EQ(v.status, VersionStatus::kRepealed);
  EXPECT_EQ(v.in_force_until->ToString(), "2026-04-07");
  const Rule* rule = law.FindRule("r1");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->acts, std::vector<std::string>{"create"});
  EXPECT_EQ(rule->penalty->prison_months->max, 60);
  EXPECT_EQ(rule->sources[0].url, "https://www.ejustice.just.fgov.be/");
}

// A misspelt jurisdiction must not become law that applies alongside every case.
TEST_F(RulesetTest, AJurisdictionTheVocabularyDoesNotDeclareIsRefused) {
  const auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("nl.sr.1", "2022-06-01", "",
                                                                 RuleYaml("r1", {"{fact: victim.age, \">=\": 16}"}),
                                                                 "in_force", "Sr", "NLD")}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0103");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_NE(errors[0].message.find("'NLD'"), std::string::npos) << errors[0].message;
  EXPECT_NE(FormatDiagnostics(errors).find("EU"), std::string::npos) << FormatDiagnostics(errors);
}

TEST(VocabularyAlongsideTest, ACodeInBothListsIsRefused) {
  auto v = Vocabulary::Parse("format: ibsa.facts/1\n"
                             "jurisdictions: {BE: {nl: B, fr: B, en: B}, NL: {nl: N, fr: N, en: N}}\n"
                             "applies_alongside: {EU: {nl: E, fr: E, en: E}, NL: {nl: N, fr: N, en: N}}\n"
                             "facts: []\n",
                             "facts.yaml");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.errors()[0].code, "E0103");
  EXPECT_NE(v.errors()[0].message.find("'NL'"), std::string::npos) << v.errors()[0].message;
  EXPECT_EQ(v.errors()[0].location.line, 3);
}

TEST_F(RulesetTest, UnknownFactInACondition) {
  const Diagnostic e = ErrorOfRule({"{fact: victim.agee, \">=\": 16}"});
  EXPECT_EQ(e.code, "E0102");
  EXPECT_EQ(e.location.file, "r.yaml");
  EXPECT_EQ(e.location.line, 17);
  EXPECT_EQ(e.location.column, 22);
  EXPECT_EQ(e.message, "unknown fact 'victim.agee'");
  EXPECT_EQ(e.help[0], "did you mean 'victim.age'?");
}

TEST_F(RulesetTest, UnknownValueInACondition) {
  const Diagnostic e = ErrorOfRule({"{fact: image.technique, in: [undress, deepfake]}"});
  EXPECT_EQ(e.code, "E0103");
  EXPECT_EQ(e.message, "'image.technique': 'deepfake' is not allowed");
}

TEST_F(RulesetTest, OperatorMustSuitTheFactType) {
  const Diagnostic e = ErrorOfRule({"{fact: victim.real_person, \">=\": 1}"});
  EXPECT_EQ(e.code, "E0204");
  EXPECT_EQ(e.message, "operator '>=' does not apply to bool fact 'victim.real_person'");
  EXPECT_EQ(e.help[0], "operators for bool facts: 'is', 'is_not'");
}

TEST_F(RulesetTest, UnknownOperatorSuggestsOne) {
  const Diagnostic e = ErrorOfRule({"{fact: acts, hass: share}"});
  EXPECT_EQ(e.code, "E0204");
  EXPECT_EQ(e.message, "unknown operator 'hass'");
  EXPECT_EQ(e.help[0], "did you mean 'has'?");
}

TEST_F(RulesetTest, UnknownConditionShape) {
  const Diagnostic e = ErrorOfRule({"{every: []}"});
  EXPECT_EQ(e.code, "E0204");
  EXPECT_EQ(e.message, "unknown condition 'every'");
}

TEST_F(RulesetTest, WrongOperandType) {
  const Diagnostic e = ErrorOfRule({"{fact: victim.age, \">=\": sixteen}"});
  EXPECT_EQ(e.code, "E0104");
  EXPECT_EQ(e.message, "'victim.age' must be a whole number");
}

TEST_F(RulesetTest, UnknownActInRuleActs) {
  const Diagnostic e = ErrorOfRule({"{fact: acts, has: share}"}, "[distribute]");
  EXPECT_EQ(e.code, "E0103");
  EXPECT_EQ(e.message, "'acts': 'distribute' is not allowed");
}

TEST_F(RulesetTest, ReferenceToAnUndefinedRule) {
  const Diagnostic e = ErrorOfRule({"{rule: r2}"});
  EXPECT_EQ(e.code, "E0201");
  EXPECT_EQ(e.message, "unknown rule 'r2'");
  EXPECT_EQ(e.help[0], "did you mean 'r1'?");
}

TEST_F(RulesetTest, ReferenceCyclesAreRejected) {
  const auto errors = LawErrors(
      vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "",
                                       RuleYaml("a", {"{rule: b}"}) + RuleYaml("b", {"{rule: a}"}))}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0202");
  EXPECT_EQ(errors[0].message, "rule 'b' refers back to itself through rule 'a'");
}

TEST_F(RulesetTest, ACycleBehindAChainIsNamedWhereItCloses) {
  const auto errors = LawErrors(
      vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "",
                                       RuleYaml("a", {"{rule: b}"}) + RuleYaml("b", {"{rule: c}"}) +
                                           RuleYaml("c", {"{all: [{rule: d}, {rule: b}]}"}) +
                                           RuleYaml("d", {"{fact: victim.age, '<': 18}"}))}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "rule 'c' refers back to itself through rule 'b'");
}

TEST_F(RulesetTest, SelfReferenceIsACycle) {
  const Diagnostic e = ErrorOfRule({"{rule: r1}"});
  EXPECT_EQ(e.code, "E0202");
}

TEST_F(RulesetTest, OverlappingVersionsOfOneInstrumentAreRejected) {
  const std::string rules = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  const auto errors = LawErrors(vocabulary_, {{"a.yaml", Ruleset("be.sw.a", "2020-07-01", "2022-06-01", rules)},
                                              {"b.yaml", Ruleset("be.sw.b", "2022-06-01", "", rules)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0203");
  EXPECT_EQ(errors[0].location.file, "b.yaml");
  EXPECT_EQ(errors[0].message,
            "versions of BE Sw overlap in time: 'be.sw.b' (2022-06-01 to open) and 'be.sw.a' "
            "(2020-07-01 to 2022-06-01, a.yaml)");
}

TEST_F(RulesetTest, AdjacentVersionsAndOtherInstrumentsDoNotOverlap) {
  const std::string rules = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.a", "2020-07-01", "2022-05-31", rules, "repealed")},
                                      {"b.yaml", Ruleset("be.sw.b", "2022-06-01", "", rules)},
                                      {"c.yaml", Ruleset("nl.sr.a", "2022-06-01", "", rules, "in_force", "Sr", "NL")},
                                      {"p.yaml", Ruleset("be.sw.bill", "2023-01-01", "", rules, "proposed")}});
  EXPECT_EQ(law.versions().size(), 4u);
}

TEST_F(RulesetTest, UnsettledCertaintyNeedsAReason) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  rule.replace(rule.find("certainty: settled"), 18, "certainty: contested");
  const auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].message, "rule 'r1' is not settled but gives no 'certainty_reason'");
}

TEST_F(RulesetTest, OffencesNeedAPenaltyEvenIfUnverified) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  rule.replace(rule.find("    penalty:"), rule.find("    certainty:") - rule.find("    penalty:"), "");
  auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].message, "rule 'r1' is an offence but has no 'penalty'");

  std::string unknown = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  unknown.replace(unknown.find("{prison_months: {min: 6, max: 60}}"), 34, "{}");
  errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", unknown)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].message, "penalty of rule 'r1' encodes no prison term, fine or level");
}

TEST_F(RulesetTest, UnknownRuleKeyListsTheAllowedOnes) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  rule += "    artcle: \"2\"\n";
  const auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0101");
  EXPECT_EQ(errors[0].message, "unknown key 'artcle' in rule");
  EXPECT_EQ(errors[0].help[0], "did you mean 'article'?");
}

TEST_F(RulesetTest, SourcesNeedAWebAddress) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  rule.replace(rule.find("https://www.ejustice.just.fgov.be/"), 34, "ejustice");
  const auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].message, "source url must start with https:// or http://");
}

TEST_F(RulesetTest, VersionDatesMustMakeSense) {
  const std::string rules = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "2021-01-01", rules)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "'in_force_until' is before 'in_force_from'");
  errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rules, "repealed")}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "a repealed version needs 'in_force_until'");
}

TEST_F(RulesetTest, IdsAreUnique) {
  const std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule + rule)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "rule 'r1' is defined twice in this file");
  errors = LawErrors(vocabulary_, {{"a.yaml", Ruleset("x.1", "2022-06-01", "", rule, "in_force", "A")},
                                   {"b.yaml", Ruleset("x.1", "2022-06-01", "", rule, "in_force", "B")}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0109");
}

TEST_F(RulesetTest, LoadingAMissingFolderIsAnError) {
  auto law = Law::Load("/nonexistent/rulesets", vocabulary_);
  ASSERT_FALSE(law.ok());
  EXPECT_EQ(law.errors()[0].code, "E0001");
}

TEST_F(RulesetTest, MalformedFilesNeverCrash) {
  for (const char* text : {"[1, 2]", "rules: 3", "{format: ibsa.ruleset/1, rules: [1, [2]]}",
                           "format: [", "rules:\n  - {elements: [{when: 3}]}\n", "\t- x"}) {
    auto law = Law::FromTexts({{"x.yaml", text}}, vocabulary_);
    EXPECT_FALSE(law.ok()) << text;
  }
}

// The condition compiler recurses once per level, and walks an alias once per use.
TEST_F(RulesetTest, DeepConditionsAreRefusedBeforeTheyAreParsed) {
  std::string deep = "{fact: victim.real_person, is: true}";
  for (int level = 0; level < 1000; ++level) deep = "{not: " + deep + "}";
  const Diagnostic e = ErrorOfRule({deep});
  EXPECT_EQ(e.code, "E0005");
  EXPECT_EQ(e.message, "the ruleset nests lists and maps more than 64 levels deep");
}

TEST_F(RulesetTest, AliasesMayNotMultiplyAConditionBeyondTheLimit) {
  // Each line names ten uses of the one before: 10^9 conditions in the last.
  std::vector<std::string> conditions = {"&l0 {fact: victim.real_person, is: true}"};
  for (int i = 1; i < 10; ++i) {
    std::string any = "&l" + std::to_string(i) + " {any: [";
    for (int k = 0; k < 10; ++k) any += (k ? ", *l" : "*l") + std::to_string(i - 1);
    conditions.push_back(any + "]}");
  }
  const Diagnostic e = ErrorOfRule(conditions);
  EXPECT_EQ(e.code, "E0006");
  EXPECT_EQ(e.message, "aliases add more than 100000 nodes to the ruleset");
  EXPECT_EQ(e.location.line, 32);  // the sixth condition, which stands for 10^5
}

TEST_F(RulesetTest, AConditionThatContainsItselfIsRefused) {
  const Diagnostic e = ErrorOfRule({"&c {all: [{fact: victim.real_person, is: true}, *c]}"});
  EXPECT_EQ(e.code, "E0006");
  EXPECT_EQ(e.message, "alias '*c' is used inside the node it names, so that node would never end");
}

// A source's title: a string (a statute or judgment, cited as published), or, for an EU act
// published in every language, {nl?, fr?, en}; a language not given shows the English title.
TEST_F(RulesetTest, AnEuActsTitleMayBeGivenPerLanguage) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  const std::string plain = "sources: [{title: S, url: \"https://www.ejustice.just.fgov.be/\"}]";
  rule.replace(rule.find(plain), plain.size(),
               "sources: [{title: {nl: \"Verordening (EU) 2016/679 (AVG)\", fr: \"Règlement (UE) 2016/679 (RGPD)\", "
               "en: \"Regulation (EU) 2016/679 (GDPR)\"}, url: \"https://eur-lex.europa.eu/eli/reg/2016/679/oj\"},\n"
               "              {title: {fr: \"Directive 2011/93/UE\", en: \"Directive 2011/93/EU\"}, url: \"https://eur-lex.europa.eu/\"},\n"
               "              {title: \"Cass. 1 January 2020\", url: \"https://juportal.be/\"}]");
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  const std::vector<Source>& sources = law.FindRule("r1")->sources;
  ASSERT_EQ(sources.size(), 3u);
  EXPECT_EQ(sources[0].Title(Language::kFr), "Règlement (UE) 2016/679 (RGPD)");
  EXPECT_EQ(sources[0].Title(Language::kNl), "Verordening (EU) 2016/679 (AVG)");
  EXPECT_EQ(sources[0].Title(Language::kEn), "Regulation (EU) 2016/679 (GDPR)");
  EXPECT_EQ(sources[0].title, "Regulation (EU) 2016/679 (GDPR)");
  EXPECT_EQ(sources[1].Title(Language::kNl), "Directive 2011/93/EU") << "not read in Dutch: the English title";
  EXPECT_EQ(sources[1].Title(Language::kFr), "Directive 2011/93/UE");
  EXPECT_EQ(sources[2].Title(Language::kFr), "Cass. 1 January 2020") << "one title, as published";
  EXPECT_TRUE(sources[2].titles.empty());
}

TEST_F(RulesetTest, ATitlePerLanguageNeedsItsEnglishOneAndNoOtherLanguage) {
  std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}"});
  const std::string plain = "sources: [{title: S, url: \"https://www.ejustice.just.fgov.be/\"}]";
  std::string without_en = rule;
  without_en.replace(without_en.find(plain), plain.size(),
                     "sources: [{title: {fr: \"Règlement (UE) 2016/679\"}, url: \"https://eur-lex.europa.eu/\"}]");
  auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", without_en)}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].message, "missing key 'en' in 'title'");
  EXPECT_EQ(errors[0].location.file, "r.yaml");
  EXPECT_GT(errors[0].location.line, 0);
  std::string german = rule;
  german.replace(german.find(plain), plain.size(),
                 "sources: [{title: {en: \"Regulation (EU) 2016/679\", de: \"Verordnung (EU) 2016/679\"}, "
                 "url: \"https://eur-lex.europa.eu/\"}]");
  errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", german)}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0101");
  EXPECT_EQ(errors[0].message, "unknown key 'de' in 'title'");
}

// A rule with the given article and note, for the tests of rule ids written in texts.
std::string RuleWithNote(const std::string& id, const std::string& article, const std::string& note) {
  return "  - id: " + id + "\n    kind: offence\n    article: \"" + article +
         "\"\n    title: {nl: T, fr: T, en: T}\n" + (note.empty() ? "" : "    note: " + note + "\n") +
         "    elements:\n      - id: e0\n        label: {nl: E, fr: E, en: E}\n"
         "        when: {fact: victim.real_person, is: true}\n"
         "    penalty: {prison_months: {min: 6, max: 60}}\n    certainty: settled\n"
         "    sources: [{title: S, url: \"https://www.ejustice.just.fgov.be/\"}]\n";
}

std::string WithAbbreviation(std::string ruleset, const std::string& abbreviation) {
  const size_t at = ruleset.find("\ntitle:");
  return ruleset.insert(at, "\nabbreviation: " + abbreviation);
}

// Two versions of the Belgian code and the DSA. be.sw.9 is article 9 in 2020 and 9bis in
// 2022, so that a citation shows which version the id was looked up in.
std::vector<std::pair<std::string, std::string>> LawWithIdsIn(const std::string& note_2020,
                                                              const std::string& note_2022,
                                                              const std::string& note_dsa) {
  const std::string sw = "{nl: Sw., fr: C. pén., en: Criminal Code}";
  return {
      {"sw2020.yaml", WithAbbreviation(Ruleset("be.sw.2020-07-01", "2020-07-01", "2022-05-31",
                                               RuleWithNote("be.sw.9", "9", note_2020) +
                                                   RuleWithNote("be.sw.136.only-to-victim", "136", ""),
                                               "repealed"),
                                       sw)},
      {"sw2022.yaml", WithAbbreviation(Ruleset("be.sw.2022-06-01", "2022-06-01", "",
                                               RuleWithNote("be.sw.9", "9bis", note_2022) +
                                                   RuleWithNote("be.sw.176", "176", "")),
                                       sw)},
      {"dsa.yaml", Ruleset("eu.dsa.2024-02-17", "2024-02-17", "",
                           RuleWithNote("eu.dsa.3-h", "3(h)", note_dsa), "in_force", "DSA", "EU")},
  };
}

// A lawyer reads "art. 136 C. pén.", not the engine's name for the rule: every output
// prints the note as the law loaded it.
TEST_F(RulesetTest, ARuleIdInATextIsPrintedAsItsCitationInEachLanguage) {
  const Law law = LawOf(
      vocabulary_,
      LawWithIdsIn("{nl: \"Zie be.sw.9.\", fr: \"Voir be.sw.9.\", en: \"See be.sw.9.\"}",
                   "{nl: \"Zie be.sw.136.only-to-victim; uitzondering: be.sw.176 (be.sw.9, eu.dsa.3-h).\","
                   " fr: \"Voir be.sw.136.only-to-victim ; exception : be.sw.176 (be.sw.9, eu.dsa.3-h).\","
                   " en: \"See be.sw.136.only-to-victim; exception: be.sw.176 (be.sw.9, eu.dsa.3-h).\"}",
                   "{nl: \"Zie be.sw.9 en be.sw.2020-07-01; https://example.be.sw.9/ of ECLI:NL:HR:2016:226.\","
                   " fr: F, en: E}"));
  const Rule* in_2022 = nullptr;
  const Rule* in_2020 = nullptr;
  for (const auto& v : law.versions()) {
    for (const auto& r : v.rules) {
      if (r.id == "be.sw.9") (v.id == "be.sw.2022-06-01" ? in_2022 : in_2020) = &r;
    }
  }
  ASSERT_NE(in_2022, nullptr);
  ASSERT_NE(in_2020, nullptr);
  // Its own version first (9bis), then its instrument's other versions (136 of 2020), then
  // anywhere (the DSA).
  EXPECT_EQ(in_2022->note.nl, "Zie art. 136 Sw.; uitzondering: art. 176 Sw. (art. 9bis Sw., art. 3(h) DSA).");
  EXPECT_EQ(in_2022->note.fr,
            "Voir art. 136 C. pén. ; exception : art. 176 C. pén. (art. 9bis C. pén., art. 3(h) DSA).");
  EXPECT_EQ(in_2022->note.en,
            "See art. 136 Criminal Code; exception: art. 176 Criminal Code (art. 9bis Criminal Code, art. 3(h) DSA).");
  EXPECT_EQ(in_2020->note.fr, "Voir art. 9 C. pén.");
  // From another instrument, the latest version in force; a version's id, a web address and
  // an ECLI stay as written.
  EXPECT_EQ(law.FindRule("eu.dsa.3-h")->note.nl,
            "Zie art. 9bis Sw. en be.sw.2020-07-01; https://example.be.sw.9/ of ECLI:NL:HR:2016:226.");
}

TEST_F(RulesetTest, ATokenShapedLikeARuleIdThatNamesNoRuleIsAnErrorAtTheToken) {
  auto files = LawWithIdsIn("", "{nl: \"Zie be.sw.176.\", fr: \"Voir be.sw.9.\", en: \"See be.sw.17.\"}",
                            // On the text's second line, as a long text wraps.
                            "{nl: N, fr: \"Voir la\n      version be.sw.2021-01-01.\", en: E}");
  const auto errors = LawErrors(vocabulary_, files);
  ASSERT_EQ(errors.size(), 2u) << FormatDiagnostics(errors);
  // Where each token stands, found in the file's text.
  auto where = [&](const std::string& file, const std::string& token) {
    for (const auto& [name, text] : files) {
      if (name != file) continue;
      const size_t at = text.find(token);
      const size_t line_start = text.rfind('\n', at) + 1;
      return file + ":" + std::to_string(1 + std::count(text.begin(), text.begin() + at, '\n')) + ":" +
             std::to_string(at - line_start + 1);
    }
    return std::string();
  };
  auto at = [](const SourceLocation& l) {
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
  };
  EXPECT_EQ(errors[0].code, "E0208");
  EXPECT_EQ(at(errors[0].location), where("sw2022.yaml", "be.sw.17."));
  EXPECT_EQ(errors[0].message, "'be.sw.17' names no rule of the law");
  EXPECT_EQ(errors[0].span, 8);
  EXPECT_EQ(errors[0].help[0], "did you mean 'be.sw.176'?");
  EXPECT_NE(errors[0].help.back().find("name a rule or a version of the law"), std::string::npos);
  EXPECT_EQ(at(errors[1].location), where("dsa.yaml", "be.sw.2021-01-01"));
  EXPECT_EQ(errors[1].message, "'be.sw.2021-01-01' names no version of the law");
  EXPECT_NE(FormatDiagnostics(errors).find("sw2022.yaml:"), std::string::npos) << FormatDiagnostics(errors);
}

}  // namespace
}  // namespace ibsa
