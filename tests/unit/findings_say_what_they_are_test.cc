// Issue 10: penalties stated as levels mean one thing (the version's level table), lex
// mitior weighs them against an earlier code's ranges, and a finding's heading says what
// it is: a contested or unverified reading, a definition met, a duty of the Member State.
#include <gtest/gtest.h>

#include "ibsa/check.h"
#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseOf;
using testing::FindingFor;
using testing::LawErrors;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

// Book I arts 36 and 52 of the Belgian Criminal Code of 2024, levels 2 and 3.
const char* kLevels = R"(penalty_levels:
  note: {nl: "Niveaunota", fr: "Note des niveaux", en: "Level note"}
  minor_perpetrator: {nl: "Minderjarige", fr: "Mineur", en: "Minor perpetrator"}
  sources: [{title: "Book I", url: "https://www.ejustice.just.fgov.be/eli/loi/2024/02/29/2024002052/justel"}]
  levels:
    - {level: 2, prison_months: {min: 6, max: 36}, accessory_fine_eur: {min: 200, max: 5000}}
    - {level: 3, prison_months: {above: 36, max: 60}, accessory_fine_eur: {min: 200, max: 10000}}
)";

// A ruleset whose penalties may be levels: the table goes before `rules:`.
std::string LevelRuleset(const std::string& id, const std::string& from, const std::string& rules) {
  std::string text = Ruleset(id, from, "", rules);
  text.insert(text.find("rules:\n"), kLevels);
  return text;
}

// An offence on sharing whose penalty is `penalty` (flow YAML).
std::string SharingOffence(const std::string& id, const std::string& penalty, const std::string& replaces = "") {
  std::string rule = RuleYaml(id, {"{fact: acts, has: share}"}, "[share]");
  rule.replace(rule.find("{prison_months: {min: 6, max: 60}}"), 34, penalty);
  if (!replaces.empty()) rule += "    replaces: [" + replaces + "]\n";
  return rule;
}

class FindingsTest : public ::testing::Test {
 protected:
  // An old code with 6 months to 5 years, and from 2026 a code of levels continuing it.
  const Law& OldAndLevels(const std::string& later_penalty) {
    law_.emplace(LawOf(vocabulary_,
                       {{"a.yaml", Ruleset("be.sw.2022", "2022-06-01", "2026-04-07",
                                           SharingOffence("old", "{prison_months: {min: 6, max: 60}}"), "repealed")},
                        {"b.yaml", LevelRuleset("be.sw.2026", "2026-04-08", SharingOffence("new", later_penalty, "old"))}}));
    return *law_;
  }
  Evaluation Run(const Law& law, const std::string& case_yaml, EvaluationOptions options = {}) {
    auto evaluation = Evaluate(law, CaseOf(vocabulary_, case_yaml), options);
    EXPECT_TRUE(evaluation.ok()) << (evaluation.ok() ? "" : FormatDiagnostics(evaluation.errors()));
    return std::move(evaluation).value();
  }
  std::optional<Law> law_;
  const Vocabulary vocabulary_ = testing::TestVocabulary();
};

TEST_F(FindingsTest, ALevelTakesItsRangesFromTheTableAndReadsAsTheLawWritesIt) {
  const Law& law = OldAndLevels("{level: 3}");
  const Rule* rule = law.FindRule("new");
  ASSERT_TRUE(rule != nullptr && rule->penalty && rule->penalty->prison_months);
  EXPECT_EQ(rule->penalty->prison_months->min, 36);
  EXPECT_TRUE(rule->penalty->prison_months->min_exclusive);
  EXPECT_EQ(rule->penalty->prison_months->max, 60);
  ASSERT_TRUE(rule->penalty->accessory_fine_eur);
  EXPECT_EQ(rule->penalty->accessory_fine_eur->max, 10000);

  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2026-05-01\nacts: [share]\n");
  const std::string fr = RenderText(e, law, Language::kFr);
  EXPECT_NE(fr.find("niveau 3 : emprisonnement de plus de 3 ans à 5 ans ; amende accessoire de 200 EUR à 10 000 EUR"),
            std::string::npos)
      << fr;
  const std::string nl = RenderText(e, law, Language::kNl);
  EXPECT_NE(nl.find("strafniveau 3: gevangenisstraf van meer dan 3 jaar tot 5 jaar; bijkomende geldboete van 200 EUR tot 10.000 EUR"),
            std::string::npos)
      << nl;
  // The table's note goes with a level penalty.
  EXPECT_NE(nl.find("Niveaunota"), std::string::npos);
}

TEST_F(FindingsTest, LexMitiorWeighsALevelByItsRanges) {
  EvaluationOptions options;
  options.assessed_on = Date::Parse("2026-12-02");
  const std::string facts = "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n";
  // Level 3 (more than 3 to 5 years) against 6 months to 5 years: the same maximum, a
  // higher minimum, so the law at the time of the act is more favourable.
  const Evaluation three = Run(OldAndLevels("{level: 3}"), facts, options);
  const Finding* f = FindingFor(three, "old");
  ASSERT_TRUE(f != nullptr && f->lex_mitior);
  EXPECT_EQ(f->lex_mitior->favourable, Favourable::kEarlier);
  EXPECT_EQ(f->lex_mitior->basis, ComparisonBasis::kMinimumPrison);
  // Level 2 (6 months to 3 years): a lower maximum, so the later law is more favourable.
  const Evaluation two = Run(OldAndLevels("{level: 2}"), facts, options);
  f = FindingFor(two, "old");
  ASSERT_TRUE(f != nullptr && f->lex_mitior);
  EXPECT_EQ(f->lex_mitior->favourable, Favourable::kLater);
  EXPECT_EQ(f->lex_mitior->basis, ComparisonBasis::kMaximumPrison);
}

TEST_F(FindingsTest, ALevelTheTableLacksOrThatRestatesRangesIsRefused) {
  auto errors = LawErrors(vocabulary_, {{"b.yaml", LevelRuleset("be.sw.2026", "2026-04-08", SharingOffence("new", "{level: 4}"))}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].message, "level 4 is not in this version's 'penalty_levels'");
  errors = LawErrors(vocabulary_, {{"b.yaml", LevelRuleset("be.sw.2026", "2026-04-08",
                                                           SharingOffence("new", "{level: 3, prison_months: {max: 12}}"))}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].message, "a penalty given as a level may not also state its ranges");
  // Without a table a level means nothing.
  errors = LawErrors(vocabulary_, {{"b.yaml", Ruleset("be.sw.2026", "2026-04-08", "", SharingOffence("new", "{level: 3}"))}});
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0205");
}

TEST_F(FindingsTest, ACertaintyReasonIsWrittenInTheThreeLanguages) {
  std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"});
  rule.replace(rule.find("certainty: settled"), 18, "certainty: contested\n    certainty_reason: \"English only\"");
  const auto errors = LawErrors(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].code, "E0104");
  EXPECT_EQ(errors[0].message, "'certainty_reason' must be a map of keys to values");
}

TEST_F(FindingsTest, AContestedReadingIsNeverHeadedAsApplying) {
  std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"});
  rule.replace(rule.find("certainty: settled"), 18,
               "certainty: contested\n    certainty_reason: {nl: \"Geen arrest\", fr: \"Aucun arrêt\", en: \"No ruling\"}");
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n");
  const Finding* f = FindingFor(e, "r1");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, FindingStatus::kApplies);
  EXPECT_EQ(FindingHeading(*f, Language::kEn), "CONTESTED");
  EXPECT_EQ(FindingHeading(*f, Language::kNl), "BETWIST");
  EXPECT_EQ(FindingHeading(*f, Language::kFr), "CONTESTÉ");
  const std::string text = RenderText(e, law, Language::kFr);
  EXPECT_EQ(text.find("S'APPLIQUE"), std::string::npos) << text;
  EXPECT_NE(text.find("CONTESTÉ  art. 1 Sw"), std::string::npos) << text;
  EXPECT_NE(text.find("Aucun arrêt"), std::string::npos) << text;
  const std::string json = RenderJson(e, law, Language::kEn, nullptr);
  EXPECT_NE(json.find("\"contested\": true"), std::string::npos);
  EXPECT_NE(json.find("\"heading\": \"CONTESTED\""), std::string::npos);
  // Possible on a contested reading says both.
  const Evaluation unknown = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [{type: share, certain: false}]\n");
  f = FindingFor(unknown, "r1");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(FindingHeading(*f, Language::kEn), "POSSIBLE, CONTESTED");
}

TEST_F(FindingsTest, DefinitionsAndDutiesOfTheStateAreNotHeadedAsApplying) {
  std::string definition = RuleYaml("d1", {"{fact: acts, has: share}"});
  definition.replace(definition.find("kind: offence"), 13, "kind: definition");
  std::string duty = RuleYaml("s1", {"{fact: acts, has: share}"});
  duty.replace(duty.find("kind: offence"), 13, "kind: state_duty");
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("eu.x.1", "2022-06-01", "", definition + duty, "in_force", "X", "EU")}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n");
  ASSERT_NE(FindingFor(e, "d1"), nullptr);
  ASSERT_NE(FindingFor(e, "s1"), nullptr);
  EXPECT_EQ(FindingHeading(*FindingFor(e, "d1"), Language::kEn), "MET");
  EXPECT_EQ(FindingHeading(*FindingFor(e, "s1"), Language::kEn), "DUTY OF THE STATE");
  EXPECT_EQ(FindingHeading(*FindingFor(e, "s1"), Language::kFr), "OBLIGATION DE L'ÉTAT");
  const std::string text = RenderText(e, law, Language::kEn);
  EXPECT_NE(text.find("-- Duties of the Member State (directives) --"), std::string::npos) << text;
  EXPECT_EQ(text.find("APPLIES"), std::string::npos) << text;
}

TEST_F(FindingsTest, AnArticleIsCitedWithTheAbbreviationOfTheUsersLanguage) {
  std::string text = Ruleset("be.sw.1", "2022-06-01", "", RuleYaml("r1", {"{fact: acts, has: share}"}));
  text.insert(text.find("title:"), "abbreviation: {nl: \"Sw.\", fr: \"C. pén.\", en: \"Criminal Code\"}\n");
  const Law law = LawOf(vocabulary_, {{"r.yaml", text}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n");
  ASSERT_NE(FindingFor(e, "r1"), nullptr);
  const Finding& f = *FindingFor(e, "r1");
  EXPECT_EQ(Citation(*f.rule, *f.version, Language::kFr), "art. 1 C. pén.");
  EXPECT_EQ(Citation(*f.rule, *f.version, Language::kNl), "art. 1 Sw.");
  EXPECT_NE(RenderText(e, law, Language::kFr).find("art. 1 C. pén.: T"), std::string::npos);
}

TEST_F(FindingsTest, CheckRefusesResearchReferencesInTextsUsersRead) {
  std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"});
  rule.replace(rule.find("title: {nl: T, fr: T, en: T}"), 28, "title: {nl: T, fr: T, en: \"T (be-law.md s. 13)\"}");
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  std::vector<CheckProblem> research;
  for (const auto& p : CheckLaw(law, Coverage{})) {
    if (p.code == "C009") research.push_back(p);
  }
  ASSERT_EQ(research.size(), 1u);
  EXPECT_NE(research[0].message.find("'be-law.md'"), std::string::npos) << research[0].message;
}

TEST_F(FindingsTest, CheckWantsThePrimaryTextCitedFirst) {
  std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"});
  rule.replace(rule.find("https://www.ejustice.just.fgov.be/"), 34, "https://www.example-blog.be/");
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", rule)}});
  std::vector<CheckProblem> primary;
  for (const auto& p : CheckLaw(law, Coverage{})) {
    if (p.code == "C010") primary.push_back(p);
  }
  ASSERT_EQ(primary.size(), 1u);
  EXPECT_NE(primary[0].message.find("https://www.example-blog.be/"), std::string::npos);
  // The same rule citing Justel first passes.
  const Law cited = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.sw.1", "2022-06-01", "", RuleYaml("r1", {"{fact: acts, has: share}"}))}});
  for (const auto& p : CheckLaw(cited, Coverage{})) EXPECT_NE(p.code, "C010") << p.message;
}

}  // namespace
}  // namespace ibsa
