// Dates as people know them: a day, a month, a year or a range, for the date of the facts
// and for each act; a period across a change of the law leaves the day to decide.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ibsa/ibsa.h"
#include "bundled_cases.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseErrors;
using testing::CaseOf;
using testing::LawOf;
using testing::RuleYaml;
using testing::Ruleset;
using testing::TestVocabulary;

Date D(const char* text) { return *Date::Parse(text); }

TEST(DatePeriodTest, ReadsADayAMonthAndAYear) {
  auto day = DatePeriod::Parse("2025-03-14");
  ASSERT_TRUE(day);
  EXPECT_TRUE(day->exact());
  EXPECT_EQ(day->earliest, D("2025-03-14"));
  EXPECT_EQ(day->FromText(), "2025-03-14");

  auto month = DatePeriod::Parse("2024-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->earliest, D("2024-02-01"));
  EXPECT_EQ(month->latest, D("2024-02-29"));  // a leap year
  EXPECT_EQ(month->FromText(), "2024-02");
  EXPECT_EQ(month->ToString(), "2024-02");
  EXPECT_EQ(DatePeriod::Parse("2025-02")->latest, D("2025-02-28"));

  auto year = DatePeriod::Parse("2024");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->earliest, D("2024-01-01"));
  EXPECT_EQ(year->latest, D("2024-12-31"));
  EXPECT_EQ(year->ToString(), "2024");
}

TEST(DatePeriodTest, RefusesWhatIsNoDate) {
  for (const char* text : {"", "2024-13", "2024-00", "24-06", "0999", "20245", "2024-6", "June 2024",
                           "2024-06-31", "2024/06", "-2024"}) {
    EXPECT_FALSE(DatePeriod::Parse(text)) << text;
  }
}

TEST(DatePeriodTest, ARangeRunsFromTheFirstDayOfItsStartToTheLastOfItsEnd) {
  auto range = DatePeriod::Between(*DatePeriod::Parse("2024-06"), *DatePeriod::Parse("2024-07"));
  ASSERT_TRUE(range);
  EXPECT_EQ(range->earliest, D("2024-06-01"));
  EXPECT_EQ(range->latest, D("2024-07-31"));
  EXPECT_EQ(range->ToString(), "2024-06..2024-07");
  EXPECT_FALSE(DatePeriod::Between(*DatePeriod::Parse("2024-07-10"), *DatePeriod::Parse("2024-06-20")));
  // The end may not end before the start does.
  EXPECT_FALSE(DatePeriod::Between(*DatePeriod::Parse("2024-06"), *DatePeriod::Parse("2024-06-10")));
}

TEST(CaseDatesTest, ACaseAndItsActsTakeEveryFormOfDate) {
  const Vocabulary v = TestVocabulary();
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06-20, to: 2024-07-10}\n"
                           "acts:\n- {type: create, date: 2024-05}\n- {type: share, date: 2024}\n"
                           "- {type: publish}\n");
  EXPECT_EQ(c.date(), D("2024-06-20"));
  EXPECT_EQ(c.period().latest, D("2024-07-10"));
  EXPECT_TRUE(c.period().range);
  ASSERT_EQ(c.acts().size(), 3u);
  EXPECT_EQ(c.acts()[0].date, D("2024-05-01"));
  EXPECT_EQ(c.acts()[0].period.latest, D("2024-05-31"));
  EXPECT_EQ(c.acts()[1].period.latest, D("2024-12-31"));
  EXPECT_EQ(c.acts()[2].period, c.period());  // an act without a date of its own
  // An exact date is what it always was.
  const Case exact = CaseOf(v, "id: x\njurisdiction: BE\ndate: 2025-03-14\n");
  EXPECT_TRUE(exact.period().exact());
  EXPECT_EQ(exact.date(), D("2025-03-14"));
}

TEST(CaseDatesTest, ADateThatIsNoneIsRefusedWhereItIsWrittenWithWhatIsAllowed) {
  const Vocabulary v = TestVocabulary();
  auto errors = CaseErrors(v, "id: x\njurisdiction: BE\ndate: 2024-13\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0105");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_EQ(errors[0].location.column, 7);
  EXPECT_NE(errors[0].message.find("'2024-13' is not a date"), std::string::npos) << errors[0].message;
  ASSERT_FALSE(errors[0].help.empty());
  EXPECT_NE(errors[0].help[0].find("a month (2025-03)"), std::string::npos);

  errors = CaseErrors(v, "id: x\njurisdiction: BE\ndate: {from: 2024-07-10, to: 2024-06-20}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0105");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_EQ(errors[0].location.column, 30);  // at `to`'s value
  EXPECT_NE(errors[0].message.find("ends (2024-06-20) before it begins (2024-07-10)"), std::string::npos)
      << errors[0].message;

  errors = CaseErrors(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06}\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("to"), std::string::npos) << errors[0].message;

  errors = CaseErrors(v, "id: x\njurisdiction: BE\ndate: 2024-06\nacts:\n- {type: share, date: {from: 2024, to: 2023}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 5);
}

TEST(CaseDatesTest, APeriodIsWrittenBackAsItWasGiven) {
  const Vocabulary v = TestVocabulary();
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06, to: 2024-07-10}\n"
                           "acts:\n- {type: create, date: 2024}\n- {type: share}\n");
  const std::string yaml = CaseToYaml(c, v);
  EXPECT_NE(yaml.find("date: {from: 2024-06, to: 2024-07-10}"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("date: 2024}"), std::string::npos) << yaml;
  for (const std::string& text : {yaml, CaseToJson(c, v)}) {
    const Case again = CaseOf(v, text);
    EXPECT_EQ(again.period(), c.period()) << text;
    ASSERT_EQ(again.acts().size(), 2u);
    EXPECT_EQ(again.acts()[0].period, c.acts()[0].period) << text;
    EXPECT_EQ(again.acts()[1].period, c.period()) << text;
    EXPECT_EQ(CaseToYaml(again, v), yaml);
  }
}

// Two versions of one instrument, the law changing on 1 July 2024: `old` exists only before,
// `new` only after, `same` in both alike, `changed` in both but not alike.
Law TwoVersions(const Vocabulary& v) {
  const std::string before = RuleYaml("old", {"{fact: victim.real_person, is: true}"}) +
                             RuleYaml("same", {"{fact: victim.real_person, is: true}"}) +
                             RuleYaml("changed", {"{fact: victim.real_person, is: true}"});
  const std::string after = RuleYaml("new", {"{fact: victim.real_person, is: true}"}) +
                            RuleYaml("same", {"{fact: victim.real_person, is: true}"}) +
                            RuleYaml("changed", {"{fact: victim.real_person, is: false}"});
  return LawOf(v, {{"a.yaml", Ruleset("be.sw.a", "2024-01-01", "2024-06-30", before)},
                   {"b.yaml", Ruleset("be.sw.b", "2024-07-01", "", after)}});
}

// The finding of `rule` that rests on `version` (alone or with others: Finding::versions).
const Finding* In(const Evaluation& e, const std::string& rule, const std::string& version) {
  for (const auto& f : e.findings) {
    if (f.rule->id != rule) continue;
    for (const FindingVersion& v : VersionsOf(f)) {
      if (v.version->id == version) return &f;
    }
  }
  return nullptr;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

bool Misses(const Finding& f, const std::string& name) {
  return std::find(f.missing.begin(), f.missing.end(), name) != f.missing.end();
}

TEST(DatesAcrossTheLawTest, APeriodAcrossAChangeLeavesTheDayToDecide) {
  const Vocabulary v = TestVocabulary();
  const Law law = TwoVersions(v);
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06, to: 2024-07}\n"
                           "victim: {real_person: true}\n");
  auto e = Evaluate(law, c, {});
  ASSERT_TRUE(e.ok());
  const Finding* old_rule = In(e.value(), "old", "be.sw.a");
  const Finding* new_rule = In(e.value(), "new", "be.sw.b");
  ASSERT_NE(old_rule, nullptr);
  ASSERT_NE(new_rule, nullptr);
  for (const Finding* f : {old_rule, new_rule}) {
    EXPECT_EQ(f->status, FindingStatus::kPossible);
    EXPECT_TRUE(f->day_decides);
    EXPECT_TRUE(Misses(*f, "date"));
    EXPECT_EQ(f->anchors.at(0).period, c.period());
  }
  // The same rule judged alike under both: the day does not matter.
  for (const char* version : {"be.sw.a", "be.sw.b"}) {
    const Finding* same = In(e.value(), "same", version);
    ASSERT_NE(same, nullptr) << version;
    EXPECT_EQ(same->status, FindingStatus::kApplies) << version;
    EXPECT_FALSE(same->day_decides);
  }
  // Met before 1 July, not after: possible before, absent after.
  const Finding* changed = In(e.value(), "changed", "be.sw.a");
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->status, FindingStatus::kPossible);
  EXPECT_TRUE(changed->day_decides);
  EXPECT_EQ(In(e.value(), "changed", "be.sw.b"), nullptr);

  // Decide finds the same, verdict by verdict.
  Decision decision;
  ASSERT_TRUE(Decide(law, c, {}, decision).ok());
  int day_decides = 0;
  for (const Verdict& verdict : decision.verdicts()) day_decides += verdict.day_decides;
  EXPECT_EQ(day_decides, 3);
}

// A rule that reads alike in the versions of the period's days is one finding resting on
// both; one that reads differently (here its penalty) stays apart, one finding per version.
TEST(DatesAcrossTheLawTest, ARuleThatReadsAlikeAcrossTheChangeIsOneFindingOfBothVersions) {
  const Vocabulary v = TestVocabulary();
  const std::string rule = RuleYaml("same", {"{fact: victim.real_person, is: true}"});
  std::string heavier = RuleYaml("penalty", {"{fact: victim.real_person, is: true}"});
  heavier.replace(heavier.find("max: 60"), 7, "max: 24");
  const Law law = LawOf(v, {{"a.yaml", Ruleset("be.sw.a", "2024-01-01", "2024-06-30",
                                               rule + RuleYaml("penalty", {"{fact: victim.real_person, is: true}"}))},
                            {"b.yaml", Ruleset("be.sw.b", "2024-07-01", "", rule + heavier)}});
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06, to: 2024-07}\nvictim: {real_person: true}\n");
  auto e = Evaluate(law, c, {});
  ASSERT_TRUE(e.ok());
  std::vector<std::string> found;
  for (const auto& f : e.value().findings) found.push_back(f.rule->id + "@" + f.version->id);
  EXPECT_EQ(found, (std::vector<std::string>{"same@be.sw.a", "penalty@be.sw.a", "penalty@be.sw.b"}));
  const Finding& same = e.value().findings.at(0);
  ASSERT_EQ(same.versions.size(), 2u);
  EXPECT_EQ(same.versions[0].version->id, "be.sw.a");
  EXPECT_EQ(same.versions[1].version->id, "be.sw.b");
  EXPECT_EQ(same.versions[1].rule->id, "same");
  EXPECT_EQ(same.status, FindingStatus::kApplies);
  EXPECT_FALSE(same.day_decides);
  ASSERT_EQ(same.anchors.size(), 1u);
  EXPECT_EQ(same.anchors[0].period, c.period());
  EXPECT_TRUE(e.value().findings[1].versions.empty());
  EXPECT_TRUE(e.value().findings[2].versions.empty());

  // Every output names both versions where it named one, in each language.
  const std::string en = RenderText(e.value(), law, Language::kEn);
  EXPECT_EQ(Count(en, "Version: be.sw.a (to 2024-06-30) and be.sw.b (from 2024-07-01); case date June–July 2024"), 1u)
      << en;
  const std::string nl = RenderText(e.value(), law, Language::kNl);
  EXPECT_NE(nl.find("be.sw.a (tot en met 2024-06-30) en be.sw.b (vanaf 2024-07-01)"), std::string::npos) << nl;
  const std::string fr = RenderText(e.value(), law, Language::kFr);
  EXPECT_NE(fr.find("be.sw.a (jusqu'au 2024-06-30) et be.sw.b (à partir du 2024-07-01)"), std::string::npos) << fr;
  const std::string json = RenderJson(e.value(), law, Language::kEn);
  EXPECT_EQ(Count(json, "\"rule\": \"same\""), 1u) << json;
  EXPECT_EQ(Count(json, "\"versions\": ["), 1u) << json;
  EXPECT_NE(json.find("\"versions_text\": \"be.sw.a (to 2024-06-30) and be.sw.b (from 2024-07-01)\""), std::string::npos);
  const std::string report = RenderReport(e.value(), law, c, {}, {}, Format::kMarkdown, Language::kEn);
  EXPECT_NE(report.find("T (to 2024-06-30) and T (from 2024-07-01)"), std::string::npos) << report;

  // A day in one version: one finding of one version, as always.
  auto day = Evaluate(law, CaseOf(v, "id: x\njurisdiction: BE\ndate: 2024-06-15\nvictim: {real_person: true}\n"), {});
  ASSERT_TRUE(day.ok());
  for (const auto& f : day.value().findings) EXPECT_TRUE(f.versions.empty()) << f.rule->id;
  EXPECT_EQ(RenderJson(day.value(), law, Language::kEn).find("\"versions\""), std::string::npos);
}

// The date of the facts given as a period is stated as given wherever an output states it:
// the case's line, the provenance (text, JSON, report), the acts in the report's facts.
TEST(DatesAcrossTheLawTest, EveryOutputStatesThePeriodAsTheDateOfTheFacts) {
  const Engine& engine = testing::BundledEngine(HarmsUse::kNone);
  auto c = Case::Parse("id: x\njurisdiction: NL\ndate: {from: 2024-06, to: 2024-07}\nvictim: {real_person: true}\n"
                       "acts: [{type: share, date: 2024-06}]\n",
                       "case.yaml", engine.law().vocabulary());
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.evaluation.assessed_on = D("2026-11-21");
  options.format = Format::kMarkdown;
  auto a = engine.Assess(c.value(), options);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value().provenance.facts_period.has_value());
  EXPECT_EQ(*a.value().provenance.facts_period, c.value().period());
  const std::string en = engine.Render(c.value(), a.value(), Format::kText, Language::kEn);
  EXPECT_NE(en.find("date of the facts: June–July 2024"), std::string::npos) << en;
  EXPECT_EQ(en.find("2024-06-01"), std::string::npos) << en;
  const std::string fr = engine.Render(c.value(), a.value(), Format::kText, Language::kFr);
  EXPECT_NE(fr.find("juin–juillet 2024"), std::string::npos) << fr;
  EXPECT_EQ(fr.find("2024-06-01"), std::string::npos) << fr;
  const std::string json = engine.Render(c.value(), a.value(), Format::kJson, Language::kNl);
  const size_t provenance = json.find("\"provenance\"");
  ASSERT_NE(provenance, std::string::npos);
  EXPECT_NE(json.find("\"period\"", provenance), std::string::npos) << json.substr(provenance);
  const std::string report = engine.Render(c.value(), a.value(), Format::kMarkdown, Language::kNl);
  EXPECT_NE(report.find("juni–juli 2024"), std::string::npos);
  EXPECT_NE(report.find("(juni 2024)"), std::string::npos) << report;  // the act's own month
  EXPECT_EQ(report.find("2024-06-01"), std::string::npos) << report;
}

TEST(DatesAcrossTheLawTest, APeriodWithinOneVersionChangesNothing) {
  const Vocabulary v = TestVocabulary();
  const Law law = TwoVersions(v);
  // Each as on its first day: the same findings, nothing left to the day.
  for (const auto& [date, day] : std::vector<std::pair<std::string, std::string>>{
           {"2024-05", "2024-05-01"}, {"{from: 2024-07-01, to: 2024-07-10}", "2024-07-01"},
           {"2025", "2025-01-01"}, {"{from: 2024-01, to: 2024-06}", "2024-01-01"}}) {
    auto judged = [&](const std::string& d) {
      auto e = Evaluate(law, CaseOf(v, "id: x\njurisdiction: BE\ndate: " + d + "\nvictim: {real_person: true}\n"), {});
      EXPECT_TRUE(e.ok());
      std::vector<std::string> out;
      for (const auto& f : e.value().findings) {
        EXPECT_FALSE(f.day_decides) << d;
        out.push_back(f.rule->id + "@" + f.version->id + ":" + std::string(FindingStatusName(f.status)));
      }
      return out;
    };
    const auto over_period = judged(date);
    EXPECT_EQ(over_period, judged(day)) << date;
    EXPECT_FALSE(over_period.empty()) << date;
  }
}

TEST(DatesAcrossTheLawTest, AnActsOwnPeriodDecidesForTheRulesAboutIt) {
  const Vocabulary v = TestVocabulary();
  const std::string before = RuleYaml("old.share", {"{fact: victim.real_person, is: true}"}, "[share]");
  const std::string after = RuleYaml("new.share", {"{fact: victim.real_person, is: true}"}, "[share]");
  const Law law = LawOf(v, {{"a.yaml", Ruleset("be.sw.a", "2024-01-01", "2024-06-30", before)},
                            {"b.yaml", Ruleset("be.sw.b", "2024-07-01", "", after)}});
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: 2024-05-02\nvictim: {real_person: true}\n"
                           "acts:\n- {type: share, date: {from: 2024-06-25, to: 2024-07-05}}\n");
  auto e = Evaluate(law, c, {});
  ASSERT_TRUE(e.ok());
  const Finding* old_rule = In(e.value(), "old.share", "be.sw.a");
  ASSERT_NE(old_rule, nullptr);
  EXPECT_TRUE(old_rule->day_decides);
  EXPECT_TRUE(Misses(*old_rule, "acts.share.date"));
  // --as-of still overrides every date.
  EvaluationOptions as_of;
  as_of.as_of = D("2024-07-02");
  auto judged = Evaluate(law, c, as_of);
  ASSERT_TRUE(judged.ok());
  ASSERT_NE(In(judged.value(), "new.share", "be.sw.b"), nullptr);
  EXPECT_EQ(In(judged.value(), "new.share", "be.sw.b")->status, FindingStatus::kApplies);
  EXPECT_EQ(In(judged.value(), "old.share", "be.sw.a"), nullptr);
}

TEST(DatesAcrossTheLawTest, EveryOutputSaysThatTheDayDecides) {
  const Vocabulary v = TestVocabulary();
  const Law law = TwoVersions(v);
  const Case c = CaseOf(v, "id: x\njurisdiction: BE\ndate: {from: 2024-06, to: 2024-07}\nvictim: {real_person: true}\n");
  auto e = Evaluate(law, c, {});
  ASSERT_TRUE(e.ok());
  const std::string en = RenderText(e.value(), law, Language::kEn);
  EXPECT_NE(en.find("date of the facts June–July 2024"), std::string::npos) << en;
  EXPECT_NE(en.find("The day decides: this version is in force from 1 January 2024 to 30 June 2024"), std::string::npos) << en;
  EXPECT_NE(en.find("The day of the facts (June–July 2024) decides: before 1 July 2024: art. 1 Sw"), std::string::npos) << en;
  EXPECT_NE(en.find("from 1 July 2024: art. 1 Sw"), std::string::npos) << en;
  const std::string fr = RenderText(e.value(), law, Language::kFr);
  EXPECT_NE(fr.find("Le jour des faits (juin–juillet 2024) décide : avant le 1er juillet 2024"), std::string::npos) << fr;
  const std::string nl = RenderText(e.value(), law, Language::kNl);
  EXPECT_NE(nl.find("De dag van de feiten (juni–juli 2024) beslist: vóór 1 juli 2024"), std::string::npos) << nl;
  const std::string json = RenderJson(e.value(), law, Language::kEn);
  EXPECT_NE(json.find("\"day_decides\""), std::string::npos);
  EXPECT_NE(json.find("\"earliest\": \"2024-06-01\""), std::string::npos) << json;
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

// Today fixed, so that the answers read the same on any day.
const Date kToday = *Date::Parse("2026-11-20");

DatePeriod Answered(const char* text) {
  auto answer = ParseDateAnswer(text, kToday);
  EXPECT_TRUE(answer) << text;
  return answer ? answer->period : DatePeriod();
}

TEST(DateAnswerTest, ReadsADayAsEachLanguageWritesIt) {
  for (const char* text : {"2026-10-20", "20-10-2026", "20/10/2026", "20.10.2026", " 20-10-2026 "}) {
    const DatePeriod p = Answered(text);
    EXPECT_TRUE(p.exact()) << text;
    EXPECT_EQ(p.earliest, *Date::Parse("2026-10-20")) << text;
    EXPECT_FALSE(ParseDateAnswer(text, kToday)->approximate);
  }
  EXPECT_EQ(Answered("5/3/2026").earliest, *Date::Parse("2026-03-05"));  // day first
  for (const char* word : {"today", "Vandaag", "aujourd'hui"}) EXPECT_EQ(Answered(word), DatePeriod(kToday)) << word;
}

TEST(DateAnswerTest, ReadsAMonthAYearAndARange) {
  EXPECT_EQ(Answered("2026-11"), *DatePeriod::Parse("2026-11"));
  EXPECT_EQ(Answered("11-2026"), *DatePeriod::Parse("2026-11"));
  EXPECT_EQ(Answered("2025"), *DatePeriod::Parse("2025"));
  for (const char* text : {"2024-06-20 to 2024-07-10", "20-06-2024 tot 10-07-2024", "du 20/06/2024 au 10/07/2024",
                           "2024-06-20..2024-07-10", "20-06-2024 - 10-07-2024"}) {
    const DatePeriod p = Answered(text);
    EXPECT_EQ(p.earliest, *Date::Parse("2024-06-20")) << text;
    EXPECT_EQ(p.latest, *Date::Parse("2024-07-10")) << text;
    EXPECT_TRUE(p.range) << text;
  }
  EXPECT_EQ(Answered("2024-06..2024-07").latest, *Date::Parse("2024-07-31"));
}

TEST(DateAnswerTest, ATimeAgoIsARangeAroundItToBeConfirmed) {
  for (const char* text : {"about two weeks ago", "il y a deux semaines", "ongeveer twee weken geleden", "2 weeks ago",
                           "Il y a environ 2 semaines"}) {
    auto answer = ParseDateAnswer(text, kToday);
    ASSERT_TRUE(answer) << text;
    EXPECT_TRUE(answer->approximate) << text;
    EXPECT_EQ(answer->period.earliest, *Date::Parse("2026-11-03")) << text;  // 14 days, 3 either side
    EXPECT_EQ(answer->period.latest, *Date::Parse("2026-11-09")) << text;
  }
  auto days = ParseDateAnswer("3 days ago", kToday);
  ASSERT_TRUE(days);
  EXPECT_EQ(days->period.earliest, *Date::Parse("2026-11-16"));
  EXPECT_EQ(days->period.latest, *Date::Parse("2026-11-18"));
  // Never after today.
  EXPECT_EQ(ParseDateAnswer("1 day ago", kToday)->period.latest, kToday);
}

// A month named in words, in each language, in full or abbreviated, with or without
// accents, and ranges of whole months with each language's words and any dash.
TEST(DateAnswerTest, ReadsAMonthNamedInEachLanguage) {
  const DatePeriod june = *DatePeriod::Parse("2024-06");
  for (const char* text : {"juin 2024", "juni 2024", "June 2024", "Jun 2024", "JUNI 2024", "in June 2024", "en juin 2024"}) {
    EXPECT_EQ(Answered(text), june) << text;
  }
  const DatePeriod september = *DatePeriod::Parse("2024-09");
  for (const char* text : {"sept. 2024", "Sept 2024", "sep 2024", "septembre 2024", "september 2024"}) {
    EXPECT_EQ(Answered(text), september) << text;
  }
  for (const char* text : {"février 2025", "Février 2025", "fevrier 2025", "févr. 2025", "feb 2025", "februari 2025"}) {
    EXPECT_EQ(Answered(text), *DatePeriod::Parse("2025-02")) << text;
  }
  for (const char* text : {"août 2024", "AOÛT 2024", "aout 2024", "augustus 2024", "aug. 2024"}) {
    EXPECT_EQ(Answered(text), *DatePeriod::Parse("2024-08")) << text;
  }
  for (const char* text : {"maart 2024", "mrt 2024", "mars 2024", "March 2024"}) {
    EXPECT_EQ(Answered(text), *DatePeriod::Parse("2024-03")) << text;
  }
  for (const char* text : {"décembre 2023", "december 2023", "dec. 2023", "déc 2023", "jan 2024", "janv. 2024",
                           "januari 2024", "mei 2024", "mai 2024", "May 2024", "okt 2024", "octobre 2024"}) {
    EXPECT_TRUE(ParseDateAnswer(text, kToday)) << text;
    EXPECT_EQ(ParseDateAnswer(text, kToday)->period.from_precision, DatePrecision::kMonth) << text;
    EXPECT_FALSE(ParseDateAnswer(text, kToday)->period.range) << text;
  }
}

TEST(DateAnswerTest, ReadsARangeOfNamedMonthsInEachLanguage) {
  const DatePeriod june_july = *DatePeriod::Between(*DatePeriod::Parse("2024-06"), *DatePeriod::Parse("2024-07"));
  for (const char* text : {"juin-juillet 2024", "juin – juillet 2024", "juin—juillet 2024", "juin à juillet 2024",
                           "de juin à juillet 2024", "juni–juli 2024", "juni - juli 2024", "van juni tot juli 2024",
                           "juni tot en met juli 2024", "June to July 2024", "from June to July 2024", "jun-jul 2024",
                           "June 2024 to July 2024", "juin 2024 à juillet 2024"}) {
    const DatePeriod p = Answered(text);
    EXPECT_EQ(p, june_july) << text;
    EXPECT_TRUE(p.range) << text;
    EXPECT_EQ(p.from_precision, DatePrecision::kMonth) << text;
    EXPECT_EQ(p.to_precision, DatePrecision::kMonth) << text;
    EXPECT_FALSE(ParseDateAnswer(text, kToday)->approximate) << text;
  }
  const DatePeriod across = Answered("de juin 2024 à janvier 2025");
  EXPECT_EQ(across.earliest, *Date::Parse("2024-06-01"));
  EXPECT_EQ(across.latest, *Date::Parse("2025-01-31"));
  EXPECT_EQ(Answered("van november 2024 tot februari 2025").latest, *Date::Parse("2025-02-28"));
  EXPECT_EQ(Answered("December 2024 to January 2025").earliest, *Date::Parse("2024-12-01"));
  // A range that ends before it begins is refused, in every language, as a numeric one is.
  for (const char* text : {"juillet-juin 2024", "juli–juni 2024", "July to June 2024", "van juli tot juni 2024",
                           "de janvier 2025 à juin 2024"}) {
    EXPECT_FALSE(ParseDateAnswer(text, kToday)) << text;
  }
  // Month names in no form of a date, and what only looks like one, are refused.
  for (const char* text : {"juin", "June July", "juin 24", "juin 2024 2025", "mid June 2024", "2024 juin",
                           "juin juillet août 2024"}) {
    EXPECT_FALSE(ParseDateAnswer(text, kToday)) << text;
  }
  // "sept" is also a number: "il y a sept jours" stays a time ago.
  auto ago = ParseDateAnswer("il y a sept jours", kToday);
  ASSERT_TRUE(ago);
  EXPECT_TRUE(ago->approximate);
}

TEST(DateAnswerTest, RefusesWhatIsNoDate) {
  for (const char* text : {"", "   ", "?", "yesterday-ish", "32-10-2026", "20-13-2026", "2026-11-31", "two weeks",
                           "weeks ago", "2024-07-10 to 2024-06-20", "20-10-26", "1 2 3"}) {
    EXPECT_FALSE(ParseDateAnswer(text, kToday)) << text;
  }
}

}  // namespace
}  // namespace ibsa
