// The interview: the best question first, answers in three languages, "don't know",
// going back, wrong answers refused, and the end when nothing can change.
#include <gtest/gtest.h>

#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseOf;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

class InterviewTest : public ::testing::Test {
 protected:
  const Vocabulary vocabulary_ = testing::TestVocabulary();
  // r1: a minor, undress; r2: the act of publishing.
  const Law law_ = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.minor, is: true}", "{fact: image.technique, is: undress}"}) +
      RuleYaml("r2", {"{fact: acts, has: publish}"}))}});
  Interview Start(const std::string& yaml = "id: c\njurisdiction: BE\ndate: 2025-03-14\n") {
    auto interview = Interview::Start(law_, CaseOf(vocabulary_, yaml), {});
    EXPECT_TRUE(interview.ok());
    return std::move(interview).value();
  }
  static std::string Asked(const Interview& interview) {
    return interview.question() ? interview.question()->fact->name : "(none)";
  }
};

TEST_F(InterviewTest, AsksUntilNoAnswerCanChangeAFinding) {
  Interview interview = Start();
  // The acts (neutral) before the age (personal); the technique, r1's second element,
  // only once the age leaves r1 possible.
  EXPECT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.Answer("2").ok());  // shared
  EXPECT_EQ(Asked(interview), "victim.age");
  ASSERT_TRUE(interview.Answer("15").ok());
  EXPECT_EQ(Asked(interview), "image.technique");
  ASSERT_TRUE(interview.Answer("undress").ok());
  EXPECT_EQ(Asked(interview), "(none)");
  ASSERT_EQ(interview.findings().findings.size(), 1u);
  EXPECT_EQ(interview.findings().findings[0].rule->id, "r1");
  EXPECT_EQ(interview.findings().findings[0].status, FindingStatus::kApplies);
}

TEST_F(InterviewTest, DontKnowIsNotAskedAgainAndIsSaved) {
  Interview interview = Start();
  ASSERT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.DontKnow().ok());
  EXPECT_EQ(Asked(interview), "victim.age");
  EXPECT_NE(CaseToYaml(interview.current(), vocabulary_).find("acts: unknown"), std::string::npos);
}

TEST_F(InterviewTest, BackUndoesTheLastAnswer) {
  Interview interview = Start();
  EXPECT_FALSE(interview.Back());
  ASSERT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.Answer("share, publish").ok());
  EXPECT_TRUE(interview.current().values()[*vocabulary_.SlotOf("acts")].known);
  EXPECT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "acts");
  EXPECT_FALSE(interview.current().values()[*vocabulary_.SlotOf("acts")].known);
}

TEST_F(InterviewTest, ValuesAreAnsweredByTheirLabelInAnyLanguage) {
  Interview interview = Start();
  ASSERT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.Answer("gedeeld, publié").ok());
  EXPECT_EQ(interview.current().values()[*vocabulary_.SlotOf("acts")].present, 0b110u);
}

TEST_F(InterviewTest, WrongAnswersSayWhatIsAllowedAndKeepTheQuestion) {
  Interview interview = Start("id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\nimage: {technique: undress}\n");
  EXPECT_EQ(Asked(interview), "victim.age");
  auto wrong = interview.Answer("130");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.errors()[0].code, "E0107");
  EXPECT_EQ(Asked(interview), "victim.age");
  ASSERT_TRUE(interview.Answer("30").ok());
  EXPECT_EQ(Asked(interview), "(none)");
}

TEST_F(InterviewTest, YesAndNoInThreeLanguages) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.real_person, is: true}"}))}});
  for (const char* yes : {"yes", "ja", "Oui", "j"}) {
    auto interview = Interview::Start(law, CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n"), {});
    ASSERT_TRUE(interview.ok());
    ASSERT_EQ(Asked(interview.value()), "victim.real_person");
    ASSERT_TRUE(interview.value().Answer(yes).ok()) << yes;
    EXPECT_EQ(interview.value().findings().findings.size(), 1u) << yes;
  }
  auto interview = Interview::Start(law, CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n"), {});
  EXPECT_FALSE(interview.value().Answer("perhaps").ok());
  ASSERT_TRUE(interview.value().Answer("nee").ok());
  EXPECT_TRUE(interview.value().findings().findings.empty());
}

TEST_F(InterviewTest, AnUncertainActIsConfirmedOrRemoved) {
  for (const char* answer : {"yes", "no"}) {
    Interview interview = Start("id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share, {type: publish, certain: false}]\n"
                                "image: {technique: authentic}\n");
    ASSERT_TRUE(interview.question());
    EXPECT_EQ(interview.question()->member, "publish");
    ASSERT_TRUE(interview.Answer(answer).ok());
    const FactValue& acts = interview.current().values()[*vocabulary_.SlotOf("acts")];
    EXPECT_EQ(acts.uncertain, 0u) << answer;
    EXPECT_EQ(interview.findings().findings.size(), std::string(answer) == "yes" ? 1u : 0u) << answer;
  }
}

// "Don't know" on an uncertain act is a step like any other: Back undoes the answer after
// it (the act stays unasked), then the "don't know" itself (the act is asked again).
TEST_F(InterviewTest, BackUndoesADontKnowOnAnUncertainAct) {
  Interview interview = Start("id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share, {type: publish, certain: false}]\n");
  ASSERT_TRUE(interview.question());
  ASSERT_EQ(interview.question()->member, "publish");
  const std::string start = CaseToYaml(interview.current(), vocabulary_);
  ASSERT_TRUE(interview.DontKnow().ok());
  ASSERT_EQ(Asked(interview), "victim.age");
  ASSERT_TRUE(interview.Answer("15").ok());
  EXPECT_EQ(interview.steps().size(), 2u);
  ASSERT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "victim.age");
  EXPECT_EQ(interview.question()->member, "");
  ASSERT_TRUE(interview.Back());
  ASSERT_TRUE(interview.question());
  EXPECT_EQ(interview.question()->member, "publish");
  EXPECT_EQ(CaseToYaml(interview.current(), vocabulary_), start);
  EXPECT_FALSE(interview.Back());
}

// The steps of one interview, taken again from the same start, lead to the same state:
// what lets a client that keeps no interview (the page, through the API) drive this one.
TEST_F(InterviewTest, StepsTakenAgainLeadToTheSameState) {
  Interview first = Start();
  ASSERT_TRUE(first.Answer("share, publish").ok());
  ASSERT_TRUE(first.DontKnow().ok());
  Interview second = Start();
  for (const auto& step : first.steps()) ASSERT_TRUE(second.Take(step).ok());
  EXPECT_EQ(CaseToYaml(second.current(), vocabulary_), CaseToYaml(first.current(), vocabulary_));
  EXPECT_EQ(Asked(second), Asked(first));
  // A step that answers another question than the one open is refused.
  Interview third = Start();
  auto wrong = third.Take(InterviewStep{"victim.age", "", false, "30"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.errors()[0].code, "E0103");
}

}  // namespace
}  // namespace ibsa
