#include "ibsa/check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_law.h"

namespace ibsa {
namespace {

using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ibsa_check_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string WriteCase(const std::string& name, const std::string& yaml) {
    const auto path = dir_ / name;
    std::ofstream(path) << yaml;
    return path.string();
  }
  std::vector<std::string> Codes(const std::vector<CheckProblem>& problems) {
    std::vector<std::string> codes;
    for (const auto& p : problems) codes.push_back(p.code + " " + p.message);
    return codes;
  }
  const Vocabulary vocabulary_ = testing::TestVocabulary();
  std::filesystem::path dir_;
};

TEST_F(CheckTest, ARuleWhoseElementsContradictEachOtherCanNeverFire) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "",
      RuleYaml("never", {"{fact: victim.real_person, is: true}", "{fact: victim.real_person, is: false}"}) +
      RuleYaml("sometimes", {"{fact: victim.real_person, is: true}", "{fact: acts, has: share}"}))}});
  EXPECT_FALSE(CanFire(law, *law.FindRule("never")));
  EXPECT_TRUE(CanFire(law, *law.FindRule("sometimes")));
}

TEST_F(CheckTest, CheckReportsARuleThatCanNeverApply) {
  // Exact, where a search of sample values is not: no integer lies strictly between 15 and
  // 17 other than 16, which the third element excludes.
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "",
      RuleYaml("never", {"{fact: victim.age, \">\": 15}", "{fact: victim.age, \"<\": 17}",
                         "{fact: victim.age, is_not: 16}"}) +
      RuleYaml("sixteen", {"{fact: victim.age, \">\": 15}", "{fact: victim.age, \"<\": 17}"}))}});
  std::vector<std::string> never;
  for (const auto& problem : Codes(CheckLaw(law, MeasureCoverage(law, {})))) {
    if (problem.substr(0, 4) == "C003") never.push_back(problem);
  }
  EXPECT_EQ(never, std::vector<std::string>{
                       "C003 rule 'never' (be.sw.1) can never apply: no combination of facts meets all its elements"});
}

TEST_F(CheckTest, DerivedFactsAreComputedFromTheirInputsWhenSearching) {
  // victim.minor is derived from victim.age < 18: no age makes both hold.
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "",
      RuleYaml("adult_minor", {"{fact: victim.minor, is: true}", "{fact: victim.age, \">=\": 18}"}) +
      RuleYaml("teen", {"{fact: victim.minor, is: true}", "{fact: victim.age, \">=\": 16}"}) +
      RuleYaml("via_ref", {"{rule: teen}", "{fact: image.technique, in: [undress]}"}))}});
  EXPECT_FALSE(CanFire(law, *law.FindRule("adult_minor")));
  EXPECT_TRUE(CanFire(law, *law.FindRule("teen")));
  EXPECT_TRUE(CanFire(law, *law.FindRule("via_ref")));
}

TEST_F(CheckTest, CoverageCountsOnlyMetExpectations) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "",
      RuleYaml("r1", {"{fact: acts, has: share}", "{fact: perpetrator.malicious, is: true}"}, "[share]"))}});
  const std::string a = WriteCase("a.yaml", "id: a\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\n"
                                            "perpetrator: {malicious: true}\nexpect: {source: s, applies: [r1]}\n");
  const std::string b = WriteCase("b.yaml", "id: b\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\n"
                                            "expect: {source: s, possible: [r1]}\n");
  // A wrong expectation does not count as coverage.
  const std::string c = WriteCase("c.yaml", "id: c\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\n"
                                            "expect: {source: s, absent: [r1]}\n");
  const Coverage coverage = MeasureCoverage(law, {dir_.string()});
  ASSERT_EQ(coverage.rules.size(), 1u);
  EXPECT_EQ(coverage.rules[0].applies, std::vector<std::string>{a});
  EXPECT_EQ(coverage.rules[0].possible, std::vector<std::string>{b});
  EXPECT_TRUE(coverage.rules[0].absent.empty());
  const auto problems = Codes(CheckLaw(law, coverage));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].substr(0, 4), "C006");
  EXPECT_EQ(problems[1], "C002 rule 'r1' (be.sw.1) is not shown absent by any case");
}

TEST_F(CheckTest, AbsenceCountsForTheVersionInForceOnTheCaseDates) {
  const std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]");
  const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "2021-12-31", rule, "repealed")},
                                      {"b.yaml", Ruleset("be.sw.2", "2022-01-01", "", rule)}});
  const std::string c = WriteCase("c.yaml", "id: c\njurisdiction: BE\ndate: 2021-06-01\nacts: [create]\n"
                                            "expect: {source: s, absent: [r1]}\n");
  const Coverage coverage = MeasureCoverage(law, {c});
  EXPECT_EQ(coverage.rules[0].absent, std::vector<std::string>{c});
  EXPECT_TRUE(coverage.rules[1].absent.empty());
}

TEST_F(CheckTest, HolesBetweenVersionsMustBeExplained) {
  const std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]");
  const Law holed = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "2020-12-31", rule, "repealed")},
                                        {"b.yaml", Ruleset("be.sw.2", "2021-03-01", "", rule)}});
  const auto problems = CheckLaw(holed, MeasureCoverage(holed, {}));
  const auto codes = Codes(problems);
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes.back(), "C004 no version of BE Sw covers 2021-01-01 to 2021-02-28; explain it with 'gap_before' or add a version");
  std::string explained = Ruleset("be.sw.2", "2021-03-01", "", rule);
  explained.replace(explained.find("status:"), 0, "gap_before: \"no such provision then\"\n");
  const Law ok = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "2020-12-31", rule, "repealed")},
                                     {"b.yaml", explained}});
  for (const auto& code : Codes(CheckLaw(ok, MeasureCoverage(ok, {})))) EXPECT_NE(code.substr(0, 4), "C004");
}

TEST_F(CheckTest, ReplacementsMustNameExistingRules) {
  std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]") + "    replaces: [r0]\n";
  const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "", rule)}});
  const auto codes = Codes(CheckLaw(law, MeasureCoverage(law, {})));
  EXPECT_NE(std::find(codes.begin(), codes.end(), "C005 rule 'r1' (be.sw.1) replaces 'r0', which no version defines"),
            codes.end());
}

TEST_F(CheckTest, CoverageMarkdownListsRulesAndCases) {
  const Law law = LawOf(vocabulary_, {{"rulesets/v.yaml", Ruleset("be.sw.1", "2020-01-01", "",
      RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]"))}});
  WriteCase("a.yaml", "id: a\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\nexpect: {source: s, applies: [r1]}\n");
  const std::string markdown = RenderCoverageMarkdown(MeasureCoverage(law, {dir_.string()}), dir_.string());
  EXPECT_NE(markdown.find("## BE Sw: be.sw.1"), std::string::npos);
  EXPECT_NE(markdown.find("| 1 | `r1` | offence | settled | `a.yaml` | – | – |"), std::string::npos);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST(CheckVocabularyTest, EveryFactMustDeclareItsSensitivity) {
  auto vocabulary = Vocabulary::Parse(
      "format: ibsa.facts/1\njurisdictions: {BE: {nl: België, fr: Belgique, en: Belgium}}\nfacts:\n"
      "  - {name: acts, type: set, values: [share], label: {nl: A, fr: A, en: A}, sensitivity: 1,\n"
      "     question: {nl: V, fr: Q, en: Q}, value_labels: {share: {nl: D, fr: P, en: S}},\n"
      "     stage: event, why: {nl: W, fr: P, en: W}}\n"
      "  - {name: victim.age, type: int, label: {nl: L, fr: L, en: L}, question: {nl: V, fr: Q, en: Q},\n"
      "     stage: person, why: {nl: W, fr: P, en: W}}\n",
      "facts.yaml");
  ASSERT_TRUE(vocabulary.ok());
  auto law = Law::FromTexts({}, vocabulary.value());
  ASSERT_TRUE(law.ok());
  const auto problems = CheckLaw(law.value(), Coverage{});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "C007");
  EXPECT_EQ(problems[0].message,
            "fact 'victim.age' declares no sensitivity (1 neutral, 2 personal, 3 intimate)");
  EXPECT_EQ(problems[0].location.line, 7);
}

TEST(CheckVocabularyTest, EveryTextExistsInDutchFrenchAndEnglish) {
  auto vocabulary = Vocabulary::Parse(
      "format: ibsa.facts/1\njurisdictions: {BE: {nl: België, fr: Belgique, en: Belgium}}\nfacts:\n"
      "  - {name: acts, type: set, values: [share], label: {nl: A, fr: A, en: A}, sensitivity: 1,\n"
      "     question: {nl: V, fr: \"\", en: Q}, value_labels: {share: {nl: D, fr: P, en: S}},\n"
      "     stage: event, why: {nl: W, fr: P, en: W}}\n",
      "facts.yaml");
  ASSERT_TRUE(vocabulary.ok());
  auto law = Law::FromTexts({}, vocabulary.value());
  const auto problems = CheckLaw(law.value(), Coverage{});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "C008");
  EXPECT_EQ(problems[0].message, "the question of fact 'acts' has no text in: fr");
}

TEST(CheckVocabularyTest, EveryQuestionHasAnIntakeStageAndAWhyLine) {
  auto vocabulary = Vocabulary::Parse(
      "format: ibsa.facts/1\njurisdictions: {BE: {nl: België, fr: Belgique, en: Belgium}}\nfacts:\n"
      "  - {name: acts, type: set, values: [share], label: {nl: A, fr: A, en: A}, sensitivity: 1,\n"
      "     question: {nl: V, fr: Q, en: Q}, value_labels: {share: {nl: D, fr: P, en: S}},\n"
      "     stage: event, why: {nl: W, fr: P, en: W}}\n"
      "  - {name: victim.age, type: int, label: {nl: L, fr: L, en: L}, question: {nl: V, fr: Q, en: Q},\n"
      "     sensitivity: 2}\n"
      "  - {name: victim.minor, type: bool, label: {nl: M, fr: M, en: M}, question: {nl: V, fr: Q, en: Q},\n"
      "     sensitivity: 2, derived: {fact: victim.age, \"<\": 18}}\n",
      "facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  auto law = Law::FromTexts({}, vocabulary.value());
  ASSERT_TRUE(law.ok());
  const auto problems = CheckLaw(law.value(), Coverage{});
  // The age, not the minority derived from it (asked through the age).
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "C013");
  EXPECT_EQ(problems[0].message, "fact 'victim.age' declares no intake stage (event, person, image, platform)");
  EXPECT_EQ(problems[0].location.line, 7);
  EXPECT_EQ(problems[1].code, "C008");
  EXPECT_EQ(problems[1].message, "the why-line of fact 'victim.age' has no text in: nl fr en");
}

// C014: each language's title of an EU act cites the same act as the English one.
TEST_F(CheckTest, ATitlePerLanguageMustCiteTheSameAct) {
  auto law_with = [&](const std::string& nl) {
    std::string rule = RuleYaml("r1", {"{fact: victim.real_person, is: true}", "{fact: acts, has: share}"});
    const std::string plain = "sources: [{title: S, url: \"https://www.ejustice.just.fgov.be/\"}]";
    rule.replace(rule.find(plain), plain.size(),
                 "sources: [{title: {nl: \"" + nl + "\", fr: \"Règlement (UE) 2016/679 (RGPD)\", "
                 "en: \"Regulation (EU) 2016/679 (GDPR)\"}, url: \"https://eur-lex.europa.eu/eli/reg/2016/679/oj\"}]");
    return LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", rule)}});
  };
  auto c014 = [&](const Law& law) {
    std::vector<std::string> out;
    for (const auto& problem : Codes(CheckLaw(law, MeasureCoverage(law, {})))) {
      if (problem.substr(0, 4) == "C014") out.push_back(problem);
    }
    return out;
  };
  EXPECT_EQ(c014(law_with("Verordening (EU) 2016/679 (AVG)")), std::vector<std::string>{});
  EXPECT_EQ(c014(law_with("Verordening (EU) 2016/697 (AVG)")),
            std::vector<std::string>{"C014 the nl title of a source of rule 'r1' (be.sw.1) ('Verordening (EU) 2016/697 "
                                     "(AVG)') does not cite 2016/679, as its English title does ('Regulation (EU) "
                                     "2016/679 (GDPR)'): each language's title names the same act"});
}

}  // namespace
}  // namespace ibsa
