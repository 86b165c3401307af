// NextQuestions: only questions whose answer changes a finding, ranked by how many
// findings they decide, neutral before intrusive.
#include <gtest/gtest.h>

#include <algorithm>

#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseOf;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

class QuestionsTest : public ::testing::Test {
 protected:
  const Vocabulary vocabulary_ = testing::TestVocabulary();

  std::vector<std::string> Asked(const Law& law, const std::string& case_yaml) {
    auto questions = NextQuestions(law, CaseOf(vocabulary_, case_yaml), {});
    EXPECT_TRUE(questions.ok());
    std::vector<std::string> names;
    for (const auto& q : questions.value()) {
      names.push_back(q.fact->name + (q.member.empty() ? "" : ":" + q.member));
    }
    return names;
  }
};

constexpr const char* kHead = "id: c\njurisdiction: BE\ndate: 2025-03-14\n";

TEST_F(QuestionsTest, AsksOnlyWhatCouldChangeAFinding) {
  // r1 reads the age (through victim.minor) and the technique; nothing reads real_person.
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.minor, is: true}", "{fact: image.technique, is: undress}"}))}});
  // r1's first element is the age (asked through victim.minor's input); the technique
  // comes once the age leaves r1 possible.
  EXPECT_EQ(Asked(law, std::string(kHead) + "acts: [share]\n"), (std::vector<std::string>{"victim.age"}));
  EXPECT_EQ(Asked(law, std::string(kHead) + "acts: [share]\nvictim: {age: 15}\n"),
            (std::vector<std::string>{"image.technique"}));
}

TEST_F(QuestionsTest, NoQuestionWhenNothingIsPossible) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.minor, is: true}", "{fact: image.technique, is: undress}"}))}});
  EXPECT_TRUE(Asked(law, std::string(kHead) + "image: {technique: authentic}\n").empty());
  EXPECT_TRUE(Asked(law, std::string(kHead) + "victim: {age: 12}\nimage: {technique: undress}\n").empty());
}

TEST_F(QuestionsTest, NeutralBeforeIntrusiveWhenTheyDecideAsMuch) {
  // One rule each: the technique (sensitivity 1) and the age (2) decide one finding each.
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.age, \">=\": 18}"}) +
      RuleYaml("r2", {"{fact: image.technique, is: undress}"}))}});
  const auto asked = Asked(law, std::string(kHead));
  EXPECT_EQ(asked, (std::vector<std::string>{"image.technique", "victim.age"}));
}

TEST_F(QuestionsTest, MoreDecisiveQuestionsComeFirst) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.age, \">=\": 18}"}) +
      RuleYaml("r2", {"{fact: victim.age, \">=\": 16}"}) +
      RuleYaml("r3", {"{fact: victim.age, \">=\": 14}"}) +
      RuleYaml("r4", {"{fact: victim.age, \">=\": 12}"}) +
      RuleYaml("r5", {"{fact: victim.age, \">=\": 10}"}) +
      RuleYaml("r6", {"{fact: image.technique, is: undress}"}))}});
  // The age (personal: 2 squared) decides five findings (5 / 4 = 1.25), the technique
  // (neutral) one (1 / 1 = 1).
  auto questions = NextQuestions(law, CaseOf(vocabulary_, kHead), {});
  ASSERT_TRUE(questions.ok());
  ASSERT_EQ(questions.value().size(), 2u);
  EXPECT_EQ(questions.value()[0].fact->name, "victim.age");
  EXPECT_EQ(questions.value()[0].decides.size(), 5u);
  EXPECT_DOUBLE_EQ(questions.value()[0].score, 1.25);
}

TEST_F(QuestionsTest, AFactStatedUnknownIsNotAskedAgain) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.age, \">=\": 18}"}) +
      RuleYaml("r2", {"{fact: image.technique, is: undress}"}))}});
  EXPECT_EQ(Asked(law, std::string(kHead) + "image: {technique: unknown}\n"),
            (std::vector<std::string>{"victim.age"}));
}

TEST_F(QuestionsTest, AnActReportedAsUncertainIsAskedAbout) {
  const Law law = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: acts, has: publish}"}))}});
  const auto asked = Asked(law, std::string(kHead) + "acts: [share, {type: publish, certain: false}]\n");
  EXPECT_EQ(asked, (std::vector<std::string>{"acts:publish"}));
}

// The officer of issue 5 knows only that a classmate shared an app-made nude image of a
// 15-year-old. Every question listed must change a finding, and the first ones are
// neutral.
TEST(BundledQuestionsTest, ThePartialClassmateReport) {
  const std::string root = IBSA_SOURCE_DIR;
  auto vocabulary = Vocabulary::Load(root + "/rulesets/facts.yaml");
  auto law = Law::Load(root + "/rulesets", vocabulary.value());
  ASSERT_TRUE(law.ok());
  auto c = Case::Load(root + "/tests/data/partial_classmate_app.yaml", vocabulary.value());
  ASSERT_TRUE(c.ok());
  auto questions = NextQuestions(law.value(), c.value(), {});
  ASSERT_TRUE(questions.ok());
  ASSERT_FALSE(questions.value().empty());
  EXPECT_EQ(questions.value().front().fact->sensitivity, 1);
  for (const auto& q : questions.value()) {
    EXPECT_FALSE(q.decides.empty()) << q.fact->name;
    EXPECT_NE(q.fact->name, "victim.age");  // known
    EXPECT_FALSE(q.fact->derived) << q.fact->name;
  }
  // What the image shows decides the child-abuse-material offence.
  const auto content = std::find_if(questions.value().begin(), questions.value().end(),
                                    [](const Question& q) { return q.fact->name == "image.content"; });
  ASSERT_NE(content, questions.value().end());
  EXPECT_TRUE(std::any_of(content->decides.begin(), content->decides.end(),
                          [](const RuleRef& r) { return r.rule->id == "be.sw.417-44"; }));
}

}  // namespace
}  // namespace ibsa
