// Limitation periods: the calendar arithmetic, the start on the 18th birthday, the Belgian
// change of 28 April 2024, and the loader's located errors. The expected dates are counted
// from the statute (docs/legal-notes/limitation.md), not copied from the output.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "ibsa/ibsa.h"
#include "render/render_limitation.h"

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

// Facts dated as a month: art. 71, 3° Sr read on the month's first day and on its last. Aged
// 15 on a day of September 2020, the victim turns 18 between 2 September 2022 (15 on 1
// September 2020, born 2 September 2004) and 30 September 2023 (15 on 30 September 2020,
// born 30 September 2005); the period starts the day after. Twelve years from the earliest
// start, twice that from the latest (art. 72 lid 2); had the facts been on 30 September, it
// would lapse from 2 October 2034 at the earliest: between the two, the day decides.
TEST_F(LimitationTest, AMonthIsReadOnItsFirstDayAndOnItsLastAndTheDayDecidesBetween) {
  const std::string text =
      "id: t\ntitle: t\njurisdiction: NL\ndate: 2020-09\n"
      "victim: {real_person: true, age: 15, identifiable: true, consent_creation: false, consent_sharing: false}\n"
      "image: {medium: image, technique: undress, content: nudity, realistic: true, appears_minor: true}\n"
      "acts: [{type: share}]\nperpetrator: {age: 22, habitual: false}\ndistribution: {only_to_victim: false}\n";
  const LimitationOutcome o = Of(text, "nl.sr.240b", "2034-09-20");
  ASSERT_EQ(o.scenarios.size(), 1u);
  const LimitationScenario& s = o.scenarios.front();
  EXPECT_EQ(s.starts_on, D("2022-09-03"));
  EXPECT_EQ(s.starts_on_latest, D("2023-10-01"));
  EXPECT_EQ(s.period_years, 12);
  EXPECT_EQ(s.barred_from, D("2034-09-03"));
  EXPECT_TRUE(s.day_decides);
  EXPECT_EQ(s.barred_from_last_day, D("2034-10-02"));
  EXPECT_EQ(s.barred_from_latest, D("2047-10-01"));
  EXPECT_TRUE(s.on_last_day.empty());  // the same rule on both days
  EXPECT_EQ(o.lapsed, Truth::kUnknown);  // 20 September 2034: barred only if the facts came first
  const auto lines = [&](Language language) {
    std::string out;
    for (const auto& line : internal::LimitationLines(o, language)) out += line + "\n";
    return out;
  };
  // Art. 71, 3° starts at the 18th birthday, which the age gives only within a year: the date
  // of birth decides as well as the day.
  EXPECT_TRUE(o.scenarios.front().starts_at_majority);
  EXPECT_NE(lines(Language::kEn).find("time-barred from between 2034-09-03 / 2034-10-02 (the day of the facts and the "
                                      "victim's date of birth decide)"),
            std::string::npos) << lines(Language::kEn);
  EXPECT_NE(lines(Language::kNl).find("verjaard vanaf tussen 2034-09-03 / 2034-10-02 (de dag van de feiten en de "
                                      "geboortedatum van het slachtoffer beslissen)"),
            std::string::npos) << lines(Language::kNl);
  EXPECT_NE(lines(Language::kFr).find("(le jour des faits et la date de naissance de la victime décident)"),
            std::string::npos) << lines(Language::kFr);
  // The same facts on one day: one time bar, as always.
  const LimitationOutcome day = Of(std::string(text).replace(text.find("2020-09"), 7, "2020-09-01"), "nl.sr.240b", "2034-09-20");
  EXPECT_FALSE(day.scenarios.front().day_decides);
  EXPECT_EQ(day.scenarios.front().starts_on_latest, D("2023-09-02"));
}

// An exception that reaches only facts from a given date applies on the days of the period it
// reaches: here art. 70 lid 2, 2° Sr (no limitation for 252 against a minor, facts from 1 July
// 2024) for a range from 20 June to 10 July 2024. Art. 252 is in force only from 1 July
// 2024: its finding can rest only on those days, all reached by the exception.
TEST_F(LimitationTest, OnlyTheDaysOfThePeriodOnWhichTheFindingsVersionIsInForceCount) {
  const std::string text =
      "id: t\ntitle: t\njurisdiction: NL\ndate: {from: 2024-06-20, to: 2024-07-10}\n"
      "victim: {real_person: true, age: 15, identifiable: true, consent_creation: false, consent_sharing: false}\n"
      "image: {medium: image, technique: undress, content: nudity, realistic: true, appears_minor: true}\n"
      "acts: [{type: create}, {type: share}]\nperpetrator: {age: 19, habitual: false}\n"
      "distribution: {only_to_victim: false}\nservice: {type: messaging}\n";
  const LimitationOutcome o = Of(text, "nl.sr.252.manipulated", "2026-11-21");
  ASSERT_EQ(o.scenarios.size(), 1u);
  EXPECT_FALSE(o.scenarios.front().period_years.has_value());  // does not lapse
  EXPECT_FALSE(o.scenarios.front().barred_from.has_value());
  EXPECT_EQ(o.scenarios.front().starts_on, D("2024-07-02"));
  EXPECT_EQ(o.lapsed, Truth::kFalse);
  // 240b, in force until 30 June: counted from 20 to 30 June only.
  const LimitationOutcome before = Of(text, "nl.sr.240b", "2026-11-21");
  ASSERT_EQ(before.scenarios.size(), 1u);
  EXPECT_EQ(before.scenarios.front().starts_on_latest, D("2027-07-01"));  // 15 on 30 June 2024
}

// Where the period's last day falls under another rule than its first (here an exception,
// written for this test only, that would take art. 261 Sr out of limitation for facts from 1
// July 2024), the first day's time bar holds for the period with "the day decides", and the
// last day's own reading is said beside it.
TEST_F(LimitationTest, ALastDayUnderAnotherRuleIsSaidBesideTheFirstDays) {
  std::ifstream in(std::string(IBSA_SOURCE_DIR) + "/rulesets/nl/limitation.yaml");
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string special =
      "special:\n"
      "  - id: test.never\n    article: \"70 lid 2\"\n    instrument: {nl: Sr, fr: Sr, en: Sr}\n"
      "    title: {nl: a, fr: b, en: c}\n    rules: [nl.sr.261]\n    effect: never\n    facts_from: 2024-07-01\n"
      "    certainty: settled\n    reason: {nl: a, fr: b, en: c}\n"
      "    sources: [{title: t, url: \"https://wetten.overheid.nl/BWBR0001854\"}]\n";
  file.replace(file.find("special:\n"), 9, special);
  auto rules = LimitationRules::FromTexts({{"nl/limitation.yaml", file}}, engine_->law());
  ASSERT_TRUE(rules.ok()) << FormatDiagnostics(rules.errors());
  auto c = Case::Load(std::string(IBSA_SOURCE_DIR) +
                          "/cases/nl/dates/nl-d-2024-06-07-month-range-across-wet-seksuele-misdrijven.yaml",
                      engine_->law().vocabulary());
  ASSERT_TRUE(c.ok());
  auto e = Evaluate(engine_->law(), c.value(), {});
  ASSERT_TRUE(e.ok());
  const Finding* defamation = nullptr;
  for (const auto& f : e.value().findings) {
    if (f.rule->id == "nl.sr.261") defamation = &f;
  }
  ASSERT_NE(defamation, nullptr);
  ASSERT_EQ(defamation->versions.size(), 2u);  // one finding across the change of 1 July
  const auto o = rules.value().Of(*defamation, c.value(), D("2031-01-01"));
  ASSERT_TRUE(o);
  ASSERT_EQ(o->scenarios.size(), 1u);
  const LimitationScenario& s = o->scenarios.front();
  EXPECT_EQ(s.period_years, 6);
  EXPECT_EQ(s.barred_from, D("2030-06-02"));
  EXPECT_TRUE(s.day_decides);
  EXPECT_FALSE(s.barred_from_last_day.has_value());  // never, had it been on 31 July
  EXPECT_TRUE(s.may_never_lapse);
  ASSERT_EQ(s.on_last_day.size(), 1u);
  EXPECT_FALSE(s.on_last_day.front().period_years.has_value());
  EXPECT_EQ(o->lapsed, Truth::kUnknown);  // on 1 January 2031 barred only if the facts were in June
  std::string text;
  for (const auto& line : internal::LimitationLines(*o, Language::kEn)) text += line + "\n";
  EXPECT_NE(text.find("time-barred from 2030-06-02 (the day of the facts decides), with interruptions at the latest "
                      "from 2036-06-02; on the last day of the period: does not lapse"),
            std::string::npos) << text;
  EXPECT_EQ(text.find("or never, if it was interrupted"), std::string::npos) << text;
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
