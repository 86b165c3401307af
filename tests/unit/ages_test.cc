// Ages as people know them: an exact age, a range ({min: 16, max: 17}), or a word naming
// one (minor, adult, under_16); the derived facts the range decides follow, a test the
// whole range answers alike is decided, the rest stays possible; the writer, JSON and the
// interview (in nl, fr and en) give and take each form.
#include <gtest/gtest.h>

#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::Ruleset;
using testing::RuleYaml;

// The test vocabulary with victim.under_16 derived from the age, as in facts.yaml.
Vocabulary AgesVocabulary() {
  std::string text = testing::kVocabulary;
  const std::string before = "  - name: victim.real_person\n";
  text.replace(text.find(before), before.size(),
               "  - name: victim.under_16\n    sensitivity: 2\n    type: bool\n"
               "    derived: {fact: victim.age, \"<\": 16}\n"
               "    label: {nl: \"Onder 16\", fr: \"Moins de 16\", en: \"Under 16\"}\n"
               "    question: {nl: \"V?\", fr: \"Q ?\", en: \"Q?\"}\n" +
                   before);
  auto vocabulary = Vocabulary::Parse(text, "facts.yaml");
  EXPECT_TRUE(vocabulary.ok()) << (vocabulary.ok() ? "" : FormatDiagnostics(vocabulary.errors()));
  return std::move(vocabulary).value();
}

class AgesTest : public ::testing::Test {
 protected:
  const Vocabulary vocabulary_ = AgesVocabulary();
  // young: the age itself tested at 14, a threshold no derived fact names; minor and
  // under16: through the derived facts.
  const Law law_ = testing::LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("young", {"{fact: victim.age, \"<\": 14}"}) +
      RuleYaml("minor", {"{fact: victim.minor, is: true}"}) +
      RuleYaml("under16", {"{fact: victim.under_16, is: true}"}))}});

  Case Victim(const std::string& victim) const {
    return testing::CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: " + victim + "\n");
  }
  std::optional<bool> Fact(const Case& c, const char* name) const {
    return c.values()[*vocabulary_.SlotOf(name)].boolean();
  }
  std::optional<std::pair<int64_t, int64_t>> AgeRange(const Case& c) const {
    return c.values()[*vocabulary_.SlotOf("victim.age")].range();
  }
  // Each rule's status, "applies", "possible" or "-" (not found), in the order young,
  // minor, under16.
  std::string Statuses(const Case& c) const {
    auto evaluation = Evaluate(law_, c, {});
    EXPECT_TRUE(evaluation.ok());
    std::string out;
    for (const char* rule : {"young", "minor", "under16"}) {
      const Finding* f = testing::FindingFor(evaluation.value(), rule);
      out += std::string(out.empty() ? "" : " ") +
             (f == nullptr ? "-" : f->status == FindingStatus::kApplies ? "applies" : "possible");
    }
    return out;
  }
};

TEST_F(AgesTest, ARangeDecidesWhatItsWholeSpanDecides) {
  const Case c = Victim("{age: {min: 16, max: 17}}");
  EXPECT_FALSE(c.values()[*vocabulary_.SlotOf("victim.age")].known());
  EXPECT_EQ(AgeRange(c), std::make_pair(int64_t{16}, int64_t{17}));
  EXPECT_EQ(Fact(c, "victim.minor"), true);
  EXPECT_EQ(Fact(c, "victim.under_16"), false);
  // age < 14 is false for 16 to 17, though the exact age is unknown.
  EXPECT_EQ(Statuses(c), "- applies -");
  // A range across a threshold leaves it, and what rests on it, open.
  const Case across = Victim("{age: {min: 13, max: 17}}");
  EXPECT_EQ(Fact(across, "victim.minor"), true);
  EXPECT_EQ(Fact(across, "victim.under_16"), std::nullopt);
  EXPECT_EQ(Statuses(across), "possible applies possible");
  const Case adult = Victim("{age: {min: 28, max: 32}}");
  EXPECT_EQ(Fact(adult, "victim.minor"), false);
  EXPECT_EQ(Statuses(adult), "- - -");
  // One value is that value.
  EXPECT_EQ(Victim("{age: {min: 15, max: 15}}").values()[*vocabulary_.SlotOf("victim.age")].integer(), 15);
}

TEST_F(AgesTest, WordsNameTheRangesOfTheDerivedFacts) {
  const Case minor = Victim("{age: minor}");
  EXPECT_EQ(AgeRange(minor), std::make_pair(int64_t{0}, int64_t{17}));
  EXPECT_EQ(Fact(minor, "victim.minor"), true);
  EXPECT_EQ(Fact(minor, "victim.under_16"), std::nullopt);
  EXPECT_EQ(Statuses(minor), "possible applies possible");
  EXPECT_EQ(AgeRange(Victim("{age: adult}")), std::make_pair(int64_t{18}, int64_t{120}));
  EXPECT_EQ(AgeRange(Victim("{age: under_16}")), std::make_pair(int64_t{0}, int64_t{15}));
}

TEST_F(AgesTest, AWrongRangeIsRefusedWhereItIsWritten) {
  auto errors = testing::CaseErrors(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim:\n  age: {min: 17, max: 16}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0107");
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_NE(errors[0].message.find("the range 17 to 16 is empty"), std::string::npos);
  errors = testing::CaseErrors(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {age: {min: 16, max: 130}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0107");
  errors = testing::CaseErrors(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {age: {min: 16}}\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("max"), std::string::npos);
  errors = testing::CaseErrors(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {age: teenager}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0104");
  // The range and a derived fact given directly must agree.
  errors = testing::CaseErrors(vocabulary_,
                               "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim:\n  age: {min: 16, max: 17}\n  minor: false\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0108");
  EXPECT_EQ(errors[0].location.line, 6);
}

TEST_F(AgesTest, TheWriterGivesBackEachForm) {
  for (const char* victim : {"{age: {min: 16, max: 17}}", "{age: minor}", "{age: adult}", "{age: under_16}"}) {
    const Case c = Victim(victim);
    const std::string yaml = CaseToYaml(c, vocabulary_);
    auto again = Case::Parse(yaml, "written.yaml", vocabulary_);
    ASSERT_TRUE(again.ok()) << yaml;
    EXPECT_EQ(AgeRange(again.value()), AgeRange(c)) << yaml;
    auto json = Case::Parse(CaseToJson(c, vocabulary_), "written.json", vocabulary_);
    ASSERT_TRUE(json.ok()) << CaseToJson(c, vocabulary_);
    EXPECT_EQ(AgeRange(json.value()), AgeRange(c));
  }
  EXPECT_NE(CaseToYaml(Victim("{age: {min: 16, max: 17}}"), vocabulary_).find("age: {min: 16, max: 17}"),
            std::string::npos);
  EXPECT_NE(CaseToYaml(Victim("{age: minor}"), vocabulary_).find("age: minor"), std::string::npos);
  EXPECT_NE(CaseToJson(Victim("{age: {min: 16, max: 17}}"), vocabulary_).find("\"min\": 16"), std::string::npos);
}

TEST_F(AgesTest, TheInterviewTakesAgesAsPeopleSayThem) {
  const std::vector<std::pair<const char*, std::pair<int64_t, int64_t>>> said = {
      {"16-17", {16, 17}},       {"16 ou 17", {16, 17}},      {"16 of 17", {16, 17}},
      {"16 or 17", {16, 17}},    {"ongeveer 30", {28, 32}},   {"environ 30 ans", {28, 32}},
      {"About 30", {28, 32}},    {"about 1", {0, 3}},         {"minderjarig", {0, 17}},
      {"mineure", {0, 17}},      {"minor", {0, 17}},          {"meerderjarig", {18, 120}},
      {"majeur", {18, 120}},     {"adult", {18, 120}},        {"onder de 16", {0, 15}},
      {"moins de 16 ans", {0, 15}}, {"under 16", {0, 15}},
  };
  for (const auto& [answer, range] : said) {
    auto interview = Interview::Start(law_, testing::CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n"), {});
    ASSERT_TRUE(interview.ok());
    ASSERT_EQ(interview.value().question()->fact->name, "victim.age");
    ASSERT_TRUE(interview.value().Answer(answer).ok()) << answer;
    EXPECT_EQ(AgeRange(interview.value().current()), range) << answer;
  }
}

TEST_F(AgesTest, ARefusedAgeIsSaidInTheUsersLanguage) {
  auto interview = Interview::Start(law_, testing::CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n"), {});
  ASSERT_TRUE(interview.ok());
  Interview& i = interview.value();
  auto said = [&](const char* answer, Language language) {
    auto status = i.Answer(answer, language);
    EXPECT_FALSE(status.ok()) << answer;
    return status.ok() ? std::string() : status.errors()[0].message + " | " + status.errors()[0].help[0];
  };
  EXPECT_EQ(said("vingt", Language::kFr),
            "« vingt » n'est pas une réponse possible ici | répondez par un nombre (16), deux nombres (16-17, 16 ou 17), "
            "environ un nombre (environ 30) de 0 à 120 ; ou : mineur, majeur, moins de 16 ans");
  EXPECT_EQ(said("twintig", Language::kNl),
            "'twintig' is hier geen antwoord | antwoord met een getal (16), twee getallen (16-17, 16 of 17), ongeveer "
            "een getal (ongeveer 30) van 0 tot 120; of: minderjarig, meerderjarig, onder de 16");
  EXPECT_EQ(said("17-16", Language::kEn).substr(0, 29), "'17-16' is not an answer here");
  auto out_of_range = i.Answer("130");
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.errors()[0].code, "E0107");
  EXPECT_EQ(i.AnswerHint(Language::kNl), "een getal, 16-17, ongeveer 30, minderjarig, meerderjarig, onder de 16");
}

}  // namespace
}  // namespace ibsa
