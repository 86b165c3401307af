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
  // Whether the case as answered so far has the act `type`.
  Truth HasAct(const Interview& interview, const char* type) const {
    const int slot = *vocabulary_.SlotOf("acts");
    return interview.current().values()[slot].Has(*vocabulary_.fact(slot).ValueIndex(type));
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
  EXPECT_TRUE(interview.current().values()[*vocabulary_.SlotOf("acts")].known());
  EXPECT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "acts");
  EXPECT_FALSE(interview.current().values()[*vocabulary_.SlotOf("acts")].known());
}

TEST_F(InterviewTest, ValuesAreAnsweredByTheirLabelInAnyLanguage) {
  Interview interview = Start();
  ASSERT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.Answer("gedeeld, publié").ok());
  EXPECT_EQ(HasAct(interview, "create"), Truth::kFalse);
  EXPECT_EQ(HasAct(interview, "share"), Truth::kTrue);
  EXPECT_EQ(HasAct(interview, "publish"), Truth::kTrue);
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
    EXPECT_EQ(HasAct(interview, "publish"), std::string(answer) == "yes" ? Truth::kTrue : Truth::kFalse) << answer;
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
  InterviewStep other;
  other.fact = "victim.age";
  other.answer = "30";
  auto wrong = third.Take(other);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.errors()[0].code, "E0103");
}

// The acts answered act by act (what the page sends): each with its date and whether it is
// established, recorded as a case file lists them; the uncertain one is then asked about.
TEST_F(InterviewTest, ActsAnsweredActByActKeepTheirDateAndCertainty) {
  Interview interview = Start();
  ASSERT_EQ(Asked(interview), "acts");
  const std::string before = CaseToYaml(interview.current(), vocabulary_);
  ASSERT_TRUE(interview.AnswerActs({{"share", Date::Parse("2025-03-01"), true}, {"publish", std::nullopt, false}}).ok());
  const auto& acts = interview.current().acts();
  ASSERT_EQ(acts.size(), 2u);
  EXPECT_EQ(acts[0].type, "share");
  EXPECT_EQ(acts[0].date.ToString(), "2025-03-01");
  EXPECT_TRUE(acts[0].certain);
  EXPECT_EQ(acts[1].type, "publish");
  EXPECT_EQ(acts[1].date.ToString(), "2025-03-14");  // the date of the facts
  EXPECT_FALSE(acts[1].certain);
  ASSERT_TRUE(interview.question());
  EXPECT_EQ(interview.question()->member, "publish");
  ASSERT_EQ(interview.steps().size(), 1u);
  ASSERT_TRUE(interview.steps()[0].acts.has_value());
  EXPECT_EQ(interview.steps()[0].acts->size(), 2u);
  // Back undoes them like any step.
  ASSERT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "acts");
  EXPECT_EQ(CaseToYaml(interview.current(), vocabulary_), before);
}

// Words and acts are one answer: "share, publish" records what the two acts record.
TEST_F(InterviewTest, ActsInWordsRecordWhatTheSameActsRecord) {
  Interview in_words = Start();
  ASSERT_TRUE(in_words.Answer("share, publish").ok());
  Interview act_by_act = Start();
  ASSERT_TRUE(act_by_act.AnswerActs({{"share", std::nullopt, true}, {"publish", std::nullopt, true}}).ok());
  EXPECT_EQ(CaseToYaml(act_by_act.current(), vocabulary_), CaseToYaml(in_words.current(), vocabulary_));
  Interview none = Start();
  ASSERT_TRUE(none.AnswerActs({}).ok());
  EXPECT_NE(CaseToYaml(none.current(), vocabulary_).find("acts: []"), std::string::npos);
}

// An act's date as people know it: day first, a month, a range without spaces.
TEST_F(InterviewTest, ActsInWordsTakeTheirDateAsPeopleKnowIt) {
  Interview in_words = Start();
  ASSERT_TRUE(in_words.Answer("1 10-03-2025, share 2025-02, publish 2025-01..2025-02 ?").ok());
  const auto& acts = in_words.current().acts();
  ASSERT_EQ(acts.size(), 3u);
  EXPECT_EQ(acts[0].period, DatePeriod(*Date::Parse("2025-03-10")));
  EXPECT_EQ(acts[1].period, *DatePeriod::Parse("2025-02"));
  EXPECT_EQ(acts[2].period.earliest, *Date::Parse("2025-01-01"));
  EXPECT_EQ(acts[2].period.latest, *Date::Parse("2025-02-28"));
  EXPECT_FALSE(acts[2].certain);
  // Written back as given.
  EXPECT_NE(CaseToYaml(in_words.current(), vocabulary_).find("date: {from: 2025-01, to: 2025-02}"), std::string::npos)
      << CaseToYaml(in_words.current(), vocabulary_);
}

// The terminal says an act's date and doubt in words: "create 2025-03-10, publish ?".
TEST_F(InterviewTest, ActsInWordsTakeTheirDateAndDoubt) {
  Interview in_words = Start();
  ASSERT_TRUE(in_words.Answer("1 2025-03-10, gedeeld, published ?").ok());
  Interview act_by_act = Start();
  ASSERT_TRUE(act_by_act.AnswerActs({{"create", Date::Parse("2025-03-10"), true}, {"share", std::nullopt, true},
                                     {"publish", std::nullopt, false}}).ok());
  EXPECT_EQ(CaseToYaml(in_words.current(), vocabulary_), CaseToYaml(act_by_act.current(), vocabulary_));
  Interview both = Start();
  ASSERT_TRUE(both.Answer("share 2025-03-01?").ok());
  ASSERT_EQ(both.current().acts().size(), 1u);
  EXPECT_EQ(both.current().acts()[0].date.ToString(), "2025-03-01");
  EXPECT_FALSE(both.current().acts()[0].certain);
  // A date or a doubt goes with one act; a date that is none is refused with the item.
  Interview wrong = Start();
  for (const char* answer : {"share publish 2025-03-01", "share 2025-02-30", "?, share", "2025-03-01"}) {
    auto refused = wrong.Answer(answer);
    ASSERT_FALSE(refused.ok()) << answer;
    EXPECT_EQ(refused.errors()[0].code, "E0103") << answer;
  }
  EXPECT_NE(wrong.AnswerHint(Language::kEn).find("1 2025-03-10"), std::string::npos);
}

TEST_F(InterviewTest, ARefusedActIsNamedByItsPlaceAndTheQuestionStays) {
  Interview interview = Start();
  auto wrong = interview.AnswerActs({{"share", std::nullopt, true}, {"sing", std::nullopt, true}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.errors()[0].code, "E0103");
  EXPECT_EQ(wrong.errors()[0].location.line, 2);
  const auto day = Date::Parse("2025-03-01");
  auto twice = interview.AnswerActs({{"share", day, true}, {"share", day, false}});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.errors()[0].code, "E0109");
  EXPECT_EQ(twice.errors()[0].location.line, 2);
  EXPECT_EQ(Asked(interview), "acts");
  EXPECT_TRUE(interview.steps().empty());
  // Acts answer the question of the acts only.
  ASSERT_TRUE(interview.Answer("share").ok());
  ASSERT_EQ(Asked(interview), "victim.age");
  auto elsewhere = interview.AnswerActs({{"share", std::nullopt, true}});
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.errors()[0].code, "E0103");
  EXPECT_EQ(Asked(interview), "victim.age");
}

// "Ask now": a fact asked out of the interview's order is a step; its answer is recorded,
// the interview then goes on in its order, and Back undoes the answer, then the asking.
TEST_F(InterviewTest, AFactAskedNowIsAStepThatBackUndoes) {
  Interview interview = Start();
  ASSERT_EQ(Asked(interview), "acts");
  ASSERT_TRUE(interview.AskNow("image.technique").ok());
  EXPECT_EQ(Asked(interview), "image.technique");
  EXPECT_EQ(interview.question()->decides.size(), 0u);  // r1 waits for the age first
  ASSERT_EQ(interview.steps().size(), 1u);
  EXPECT_TRUE(interview.steps()[0].ask);
  ASSERT_TRUE(interview.Answer("undress").ok());
  EXPECT_EQ(Asked(interview), "acts");  // where the interview was
  ASSERT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "image.technique");
  ASSERT_TRUE(interview.Back());
  EXPECT_EQ(Asked(interview), "acts");
  EXPECT_FALSE(interview.Back());
  // A fact the interview would ask too keeps what it decides.
  ASSERT_TRUE(interview.Answer("share").ok());
  ASSERT_TRUE(interview.AskNow("victim.age").ok());
  EXPECT_EQ(interview.question()->decides.size(), 1u);
  auto unknown = interview.AskNow("victim.agee");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.errors()[0].code, "E0102");
  ASSERT_FALSE(unknown.errors()[0].help.empty());
  EXPECT_NE(unknown.errors()[0].help[0].find("victim.age"), std::string::npos);
}

TEST_F(InterviewTest, ActsAndFactsAskedNowAreTakenAgainToTheSameState) {
  Interview first = Start();
  ASSERT_TRUE(first.AskNow("image.technique").ok());
  ASSERT_TRUE(first.Answer("undress").ok());
  ASSERT_TRUE(first.AnswerActs({{"share", Date::Parse("2025-03-01"), true}, {"publish", std::nullopt, false}}).ok());
  Interview second = Start();
  for (const auto& step : first.steps()) ASSERT_TRUE(second.Take(step).ok());
  EXPECT_EQ(CaseToYaml(second.current(), vocabulary_), CaseToYaml(first.current(), vocabulary_));
  ASSERT_TRUE(second.question());
  EXPECT_EQ(second.question()->member, first.question()->member);
  EXPECT_EQ(Asked(second), Asked(first));
}

}  // namespace
}  // namespace ibsa
