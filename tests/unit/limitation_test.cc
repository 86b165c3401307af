// Limitation periods: the calendar arithmetic, the start on the 18th birthday, the Belgian
// change of 28 April 2024, and the loader's located errors. The expected dates are counted
// from the statute (docs/legal-notes/limitation.md), not copied from the output.
#include <gtest/gtest.h>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

class LimitationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = Engine::Open({.rulesets = std::string(IBSA_SOURCE_DIR) + "/rulesets", .snapshot = "", .harms = HarmsUse::kNone});
    ASSERT_TRUE(engine.ok()) << FormatDiagnostics(engine.errors());
    engine_ = new Engine(std::move(engine).value());
  }
  static void TearDownTestSuite() { delete engine_; }

  // The limitation of `rule` in the case `text`, assessed on `assessed_on`.
  static LimitationOutcome Of(const std::string& text, const std::string& rule, const char* assessed_on) {
    auto c = Case::Parse(text, "case.yaml", engine_->law().vocabulary());
    EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
    AssessOptions options;
    options.evaluation.assessed_on = D(assessed_on);
    auto assessment = engine_->Assess(c.value(), options);
    EXPECT_TRUE(assessment.ok());
    for (const auto& f : assessment.value().evaluation.findings) {
      if (f.rule->id == rule && f.limitation) return *f.limitation;
    }
    ADD_FAILURE() << "no limitation for " << rule;
    return {};
  }
  static Engine* engine_;
};

Engine* LimitationTest::engine_ = nullptr;

std::string BelgianSharing(const char* date, int age) {
  return std::string("id: t\ntitle: t\njurisdiction: BE\ndate: ") + date +
         "\nvictim: {real_person: true, age: " + std::to_string(age) +
         ", identifiable: true, consent_creation: true, consent_sharing: false}\n"
         "image: {technique: authentic, content: sexual_act, realistic: true, appears_minor: false}\n"
         "acts: [{type: share}]\nperpetrator: {age: 40, malicious: true, relationship: ex_partner}\n"
         "distribution: {only_to_victim: false}\n";
}

TEST(LimitationDates, AYearAfterTheTwentyNinthOfFebruaryIsItsLastDay) {
  EXPECT_EQ(AddYears(D("2016-02-29"), 1), D("2017-02-28"));
  EXPECT_EQ(AddYears(D("2016-02-29"), 4), D("2020-02-29"));
  EXPECT_EQ(AddYears(D("2025-02-15"), 6), D("2031-02-15"));
  EXPECT_EQ(AddYears(D("2023-09-02"), -1), D("2022-09-02"));
}

TEST(LimitationDates, WholeMonthsCountOnlyCompletedMonths) {
  EXPECT_EQ(WholeMonthsBetween(D("2026-11-21"), D("2031-02-15")), 50);
  EXPECT_EQ(WholeMonthsBetween(D("2026-11-21"), D("2026-12-21")), 1);
  EXPECT_EQ(WholeMonthsBetween(D("2026-11-21"), D("2026-12-20")), 0);
  EXPECT_EQ(WholeMonthsBetween(D("2026-11-21"), D("2020-01-01")), 0);
}

// Art. 71, 3° Sr: 240b against a 15-year-old starts the day after the 18th birthday, which
// the age places within a year.
TEST_F(LimitationTest, DutchChildAbuseMaterialStartsTheDayAfterTheEighteenthBirthday) {
  const std::string text =
      "id: t\ntitle: t\njurisdiction: NL\ndate: 2020-09-01\n"
      "victim: {real_person: true, age: 15, identifiable: true, consent_creation: false, consent_sharing: false}\n"
      "image: {medium: image, technique: undress, content: nudity, realistic: true, appears_minor: true}\n"
      "acts: [{type: share}]\nperpetrator: {age: 22, habitual: false}\ndistribution: {only_to_victim: false}\n";
  const LimitationOutcome o = Of(text, "nl.sr.240b", "2026-11-21");
  ASSERT_EQ(o.scenarios.size(), 1u);
  const LimitationScenario& s = o.scenarios.front();
  EXPECT_EQ(s.starts_on, D("2022-09-03"));
  EXPECT_EQ(s.starts_on_latest, D("2023-09-02"));
  EXPECT_EQ(s.period_years, 12);
  EXPECT_EQ(s.barred_from, D("2034-09-03"));
  EXPECT_EQ(o.lapsed, Truth::kFalse);
  EXPECT_EQ(o.ends_within_months, 93);
}

// Without the age, victim.minor decides: one reading per value, and the fact is named.
TEST_F(LimitationTest, AnUnknownAgeGivesOneReadingPerValueAndNamesTheFact) {
  const std::string text =
      "id: t\ntitle: t\njurisdiction: NL\ndate: 2025-05-05\n"
      "victim: {real_person: true, identifiable: true, consent_creation: false, consent_sharing: false}\n"
      "image: {medium: image, technique: undress, content: nudity, realistic: true, appears_minor: true}\n"
      "acts: [{type: share}]\nperpetrator: {age: 22, habitual: false}\ndistribution: {only_to_victim: false}\n";
  auto c = Case::Parse(text, "case.yaml", engine_->law().vocabulary());
  ASSERT_TRUE(c.ok());
  AssessOptions options;
  options.evaluation.assessed_on = D("2026-11-21");
  auto a = engine_->Assess(c.value(), options);
  ASSERT_TRUE(a.ok());
  bool seen = false;
  for (const auto& f : a.value().evaluation.findings) {
    if (f.rule->id.rfind("nl.sr.252", 0) != 0 || !f.limitation || f.limitation->scenarios.size() != 2) continue;
    seen = true;
    EXPECT_EQ(f.limitation->decided_by, std::vector<std::string>{"victim.minor"});
    EXPECT_FALSE(f.limitation->scenarios[0].period_years.has_value());  // under 18: never
    EXPECT_EQ(f.limitation->scenarios[1].period_years, 12);            // else art. 70 lid 1, 3°
  }
  EXPECT_TRUE(seen);
}

// Facts of 2021 (a délit) were not yet time-barred on 28 April 2024 in any reading: the Law of
// 9 April 2024 alone counts, 10 years from the facts, with no interruption.
TEST_F(LimitationTest, BelgianFactsRunningOnTheTwentyEighthOfAprilTwentyFourTakeTheNewPeriod) {
  const LimitationOutcome o = Of(BelgianSharing("2021-01-10", 30), "be.sw.371-1.2", "2026-11-21");
  ASSERT_EQ(o.scenarios.size(), 1u);
  EXPECT_EQ(o.scenarios.front().period_years, 10);
  EXPECT_EQ(o.scenarios.front().barred_from, D("2031-01-10"));
  EXPECT_FALSE(o.scenarios.front().barred_from_latest.has_value());
  EXPECT_EQ(o.lapsed, Truth::kFalse);
}

// Facts of 2016: barred in 2021 unless interrupted; interrupted, the new law's 10 years.
TEST_F(LimitationTest, BelgianFactsOfTwentySixteenGiveARangeThatInterruptionsDecide) {
  const LimitationOutcome o = Of(BelgianSharing("2016-06-15", 30), "be.sw.371-1.2", "2025-01-01");
  ASSERT_EQ(o.scenarios.size(), 1u);
  EXPECT_EQ(o.scenarios.front().barred_from, D("2021-06-15"));
  EXPECT_EQ(o.scenarios.front().barred_from_latest, D("2026-06-15"));
  EXPECT_EQ(o.lapsed, Truth::kUnknown);
  EXPECT_EQ(Of(BelgianSharing("2016-06-15", 30), "be.sw.371-1.2", "2026-06-15").lapsed, Truth::kTrue);
}

TEST_F(LimitationTest, TheLoaderNamesTheLineOfAnUnknownRuleAndOfFallingBands) {
  const std::string text = R"(format: ibsa.limitation/1
jurisdiction: NL
start: day_after
regimes:
  - id: x
    article: "70"
    instrument: {nl: Sr, fr: Sr, en: Sr}
    title: {nl: a, fr: b, en: c}
    from: 2016-01-01
    periods:
      - {up_to_months: 36, years: 6}
      - {up_to_months: 12, years: 12}
      - {years: never}
    certainty: settled
    reason: {nl: a, fr: b, en: c}
    sources: [{title: t, url: "https://wetten.overheid.nl/BWBR0001854"}]
special:
  - id: y
    article: "71"
    instrument: {nl: Sr, fr: Sr, en: Sr}
    title: {nl: a, fr: b, en: c}
    rules: [nl.sr.253]
    effect: start_at_18
    certainty: settled
    reason: {nl: a, fr: b, en: c}
    sources: [{title: t, url: "https://wetten.overheid.nl/BWBR0001854"}]
)";
  auto rules = LimitationRules::FromTexts({{"nl/limitation.yaml", text}}, engine_->law());
  ASSERT_FALSE(rules.ok());
  ASSERT_EQ(rules.errors().size(), 2u);
  EXPECT_EQ(rules.errors()[0].code, "E0704");
  EXPECT_EQ(rules.errors()[0].location.line, 12);
  EXPECT_EQ(rules.errors()[1].code, "E0703");
  EXPECT_EQ(rules.errors()[1].location.line, 22);
  EXPECT_EQ(rules.errors()[1].location.file, "nl/limitation.yaml");
}

}  // namespace
}  // namespace ibsa
