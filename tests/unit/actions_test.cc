// The action plan: the declarations of rulesets/actions.yaml (checked, located errors), the
// plan's order, and the deadline arithmetic of art. 66(1) Sr.
#include "ibsa/actions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;

Date D(const char* text) { return *Date::Parse(text); }

const Engine& TheEngine() { return testing::BundledEngine(HarmsUse::kNone); }

std::vector<std::string> PlanIds(const Assessment& a) {
  std::vector<std::string> ids;
  for (const auto& action : a.actions) ids.push_back(action.why.front()->rule->id);
  return ids;
}

Assessment AssessCase(const std::string& file, const char* assessed_on) {
  const Engine& engine = TheEngine();
  auto c = Case::Load(kRoot + "/" + file, engine.law().vocabulary());
  EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.evaluation.assessed_on = D(assessed_on);
  auto a = engine.Assess(c.value(), options);
  EXPECT_TRUE(a.ok());
  return std::move(a).value();
}

// Art. 66(1) Sr: "gedurende drie maanden na de dag waarop": the term runs from the next day
// to the day numbered as the day of knowledge, three months later; a shorter month ends it
// on its last day (docs/legal-notes/actions.md).
TEST(LastDayOfTermTest, SameDayThreeMonthsLaterOrTheLastDayOfAShorterMonth) {
  EXPECT_EQ(LastDayOfTerm(D("2026-03-15"), 3), D("2026-06-15"));
  EXPECT_EQ(LastDayOfTerm(D("2025-11-30"), 3), D("2026-02-28"));
  EXPECT_EQ(LastDayOfTerm(D("2023-11-30"), 3), D("2024-02-29"));  // leap year
  EXPECT_EQ(LastDayOfTerm(D("2026-05-31"), 3), D("2026-08-31"));
  EXPECT_EQ(LastDayOfTerm(D("2026-08-31"), 3), D("2026-11-30"));
  EXPECT_EQ(LastDayOfTerm(D("2026-10-15"), 3), D("2027-01-15"));  // across the year
  EXPECT_EQ(LastDayOfTerm(D("2026-12-31"), 1), D("2027-01-31"));
  EXPECT_EQ(LastDayOfTerm(D("2026-01-31"), 1), D("2026-02-28"));
}

// The Belgian 15-year-old of issue 13: Child Focus first, then preserving the evidence, then
// the removal order of art. 584 Ger.W., before the report to the police.
TEST(PlanTest, AMinorInAClassGroupGetsChildFocusFirstThenEvidenceThenTheRemovalOrder) {
  const Assessment a = AssessCase("cases/be/2026/d26-30-action-plan-undress-minor-class-group.yaml", "2026-11-21");
  const auto ids = PlanIds(a);
  ASSERT_GE(ids.size(), 6u);
  EXPECT_EQ(ids[0], "be.referral.child-focus");
  EXPECT_EQ(ids[1], "be.referral.evidence");
  EXPECT_EQ(ids[2], "be.gerw.584");
  EXPECT_EQ(ids[3], "be.referral.stopchildporno");  // same class: the file's order
  EXPECT_EQ(ids[4], "be.referral.take-it-down");    // if she holds the image (unknown): never StopNCII
  EXPECT_EQ(ids[5], "be.referral.police");
  EXPECT_EQ(a.actions[0].declaration->by, Actor::kParent);
  EXPECT_FALSE(a.actions[0].conditional);
  // The classes never go back: the plan is sorted by urgency.
  for (size_t i = 1; i < a.actions.size(); ++i) {
    EXPECT_LE(a.actions[i - 1].declaration->action_class, a.actions[i].declaration->action_class) << ids[i];
  }
  // The text opens with the plan, before the offences.
  const Engine& engine = TheEngine();
  auto c = Case::Load(kRoot + "/cases/be/2026/d26-30-action-plan-undress-minor-class-group.yaml",
                      engine.law().vocabulary());
  const std::string text = engine.Render(c.value(), a, Format::kText, Language::kNl);
  const size_t plan = text.find("Actieplan");
  ASSERT_NE(plan, std::string::npos);
  EXPECT_LT(plan, text.find("Child Focus"));
  EXPECT_LT(text.find("Child Focus"), text.find("== België"));
}

TEST(PlanTest, TheDutchComplaintDeadlineIsADateAndSaysWhenItHasPassed) {
  for (const char* assessed : {"2026-02-28", "2026-03-01"}) {
    const Assessment a = AssessCase("cases/nl/p2-2024-onwards/nl-p2-s15e-sextortion-complaint-deadline.yaml", assessed);
    const Action* complaint = nullptr;
    for (const auto& action : a.actions) {
      if (action.why.front()->rule->id == "nl.sr.66") complaint = &action;
    }
    ASSERT_NE(complaint, nullptr);
    ASSERT_TRUE(complaint->deadline.has_value());
    EXPECT_EQ(complaint->deadline->last_day, D("2026-02-28"));
    EXPECT_EQ(complaint->deadline->passed, std::string(assessed) == "2026-03-01") << assessed;
  }
}

// close_to_limitation (rulesets/actions.yaml): an offence finding that may be time-barred less
// than twelve months after the assessment is an action whose last day is the day before.
const Action* BeforeTheTimeBar(const Assessment& a) {
  for (const auto& action : a.actions) {
    if (action.action_class->id == "before_limitation") return &action;
  }
  return nullptr;
}

TEST(PlanTest, AFindingCloseToItsTimeBarIsAnActionWithItsLastDay) {
  const Assessment close = AssessCase(
      "cases/nl/limitation/nl-lim-04-adult-deepfake-published-2025-close-to-time-bar.yaml", "2030-06-01");
  const Action* action = BeforeTheTimeBar(close);
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->why.front()->rule->id, "nl.sr.254ba.2a");
  ASSERT_TRUE(action->deadline && action->deadline->last_day);
  EXPECT_EQ(*action->deadline->last_day, D("2031-02-14"));  // time-barred from 15 February 2031
  EXPECT_FALSE(action->deadline->passed);
  EXPECT_NE(action->deadline->rule->period.en.find("not a time limit set by law"), std::string::npos);
  EXPECT_EQ(action->deadline->rule->sources.front().url, "https://wetten.overheid.nl/BWBR0001854/2026-07-01#Artikel70");
  // The plan keeps the order of the classes: nothing of a later class before it.
  bool seen = false;
  for (const auto& a : close.actions) {
    if (&a == action) seen = true;
    if (!seen) {
      EXPECT_NE(a.action_class->id, "civil");
    }
  }
  // A day before the twelve months: still; on the day twelve whole months before: not.
  EXPECT_NE(BeforeTheTimeBar(AssessCase("cases/nl/limitation/nl-lim-01-adult-deepfake-published-2025.yaml",
                                        "2030-02-16")),
            nullptr);
  EXPECT_EQ(BeforeTheTimeBar(AssessCase("cases/nl/limitation/nl-lim-01-adult-deepfake-published-2025.yaml",
                                        "2030-02-15")),
            nullptr);
}

TEST(PlanTest, AFindingFarFromOrPastItsTimeBarIsNoSuchAction) {
  EXPECT_EQ(BeforeTheTimeBar(AssessCase("cases/nl/limitation/nl-lim-01-adult-deepfake-published-2025.yaml",
                                        "2026-11-21")),
            nullptr);
  // Time-barred already (be-lim-01: from 15 June 2021 at the earliest; lapsed on 2026-11-21).
  EXPECT_EQ(BeforeTheTimeBar(AssessCase("cases/be/limitation/be-lim-01-adult-image-shared-2016.yaml", "2026-11-21")),
            nullptr);
}

// victim.learned_on: not after the assessment (E0126, refused), not before the first act
// (W0004, a warning: the deadline is then shown early, never late).
Result<Assessment> AssessLearnedOn(const char* learned_on, const char* assessed_on) {
  const std::string text = std::string(
                               "id: learned\njurisdiction: NL\ndate: 2025-11-28\nvictim:\n  real_person: true\n"
                               "  age: 36\n  learned_on: ") +
                           learned_on + "\nacts:\n- {type: create}\n- {type: threaten, date: 2025-12-02}\n";
  auto c = Case::Parse(text, "learned.yaml", TheEngine().law().vocabulary());
  EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.evaluation.assessed_on = D(assessed_on);
  return TheEngine().Assess(c.value(), options);
}

bool HasWarning(const Assessment& a, const char* code) {
  for (const auto& w : a.evaluation.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

TEST(LearnedOnTest, AfterTheAssessmentIsRefusedAndLocated) {
  auto refused = AssessLearnedOn("2026-03-02", "2026-03-01");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.errors().front().code, "E0126");
  EXPECT_EQ(refused.errors().front().location.file, "learned.yaml");
  EXPECT_NE(refused.errors().front().message.find("'victim.learned_on' is 2026-03-02"), std::string::npos);
  EXPECT_TRUE(AssessLearnedOn("2026-03-01", "2026-03-01").ok()) << "the assessment day itself";
}

TEST(LearnedOnTest, BeforeTheFirstActIsAWarningAndAfterALaterActIsNothing) {
  auto early = AssessLearnedOn("2025-11-27", "2026-03-01");
  ASSERT_TRUE(early.ok()) << FormatDiagnostics(early.errors());
  EXPECT_TRUE(HasWarning(early.value(), "W0004"));
  for (const char* day : {"2025-11-28", "2025-11-30", "2025-12-05"}) {  // the first act, between, after both
    auto fine = AssessLearnedOn(day, "2026-03-01");
    ASSERT_TRUE(fine.ok()) << day;
    EXPECT_FALSE(HasWarning(fine.value(), "W0004")) << day;
  }
}

TEST(PlanTest, APossibleFindingGivesAConditionalActionAndAnUnknownStartNoDate) {
  const Assessment a = AssessCase("cases/nl/p2-2024-onwards/nl-p2-s15-sextortion-with-deepfake-money.yaml", "2026-11-21");
  bool conditional = false;
  for (const auto& action : a.actions) {
    if (action.why.front()->rule->id == "eu.gdpr.17") conditional = action.conditional;
    if (action.why.front()->rule->id == "nl.sr.66") {
      ASSERT_TRUE(action.deadline.has_value());
      EXPECT_FALSE(action.deadline->last_day.has_value());  // victim.learned_on is not stated
      EXPECT_FALSE(action.deadline->passed);
    }
  }
  EXPECT_TRUE(conditional);
}

std::vector<Diagnostic> Errors(const std::string& text) {
  auto actions = Actions::Parse(text, "actions.yaml", TheEngine().law());
  EXPECT_FALSE(actions.ok());
  return actions.ok() ? std::vector<Diagnostic>{} : actions.errors();
}

constexpr const char* kHead =
    "format: ibsa.actions/1\n"
    "classes:\n"
    "  - {id: report, title: {nl: a, fr: b, en: c}}\n"
    "actions:\n";

TEST(ActionsFileTest, AnUnknownRuleIsLocatedAndNamed) {
  const auto errors = Errors(std::string(kHead) + "  - {rule: nl.sr.67, class: report, by: victim}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0201");
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_NE(errors[0].message.find("nl.sr.67"), std::string::npos);
}

TEST(ActionsFileTest, AnUnknownClassOrActorSaysWhatIsAllowed) {
  auto errors = Errors(std::string(kHead) + "  - {rule: nl.sr.66, class: urgent, by: victim}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0103");
  errors = Errors(std::string(kHead) + "  - {rule: nl.sr.66, class: report, by: neighbour}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0103");
}

TEST(ActionsFileTest, ADeadlineCountsFromADateFactAndCitesItsSource) {
  auto errors = Errors(std::string(kHead) +
                       "  - rule: nl.sr.66\n    class: report\n    by: victim\n    deadline:\n      months: 3\n"
                       "      from: victim.age\n      period: {nl: a, fr: b, en: c}\n"
                       "      sources: [{title: t, url: 'https://example.org'}]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].location.line, 10);
  errors = Errors(std::string(kHead) +
                  "  - rule: nl.sr.66\n    class: report\n    by: victim\n    deadline:\n"
                  "      period: {nl: a, fr: b, en: c}\n      sources: []\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0205");
  EXPECT_EQ(errors[0].message, "'sources' of a deadline must list at least one source");
  // Sources are read as the rulesets read them: a web address, not a file or a note.
  errors = Errors(std::string(kHead) +
                  "  - rule: nl.sr.66\n    class: report\n    by: victim\n    deadline:\n"
                  "      period: {nl: a, fr: b, en: c}\n      sources: [{title: t, url: 'notes/art66.txt'}]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "source url must start with https:// or http://");
  EXPECT_EQ(errors[0].location.line, 10);
}

TEST(ActionsFileTest, ARuleHasOneAction) {
  const auto errors = Errors(std::string(kHead) + "  - {rule: nl.sr.66, class: report, by: victim}\n" +
                             "  - {rule: nl.sr.66, class: report, by: lawyer}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 6);
}

// An EU act is published in every language: the French plan gives the GDPR's answer period
// its French basis, the Dutch its Dutch one, as the Official Journal titles them (issue 14).
TEST(PlanTest, TheDeadlineOfAnEuActIsCitedInTheReadersLanguage) {
  const Engine& engine = TheEngine();
  auto c = Case::Load(kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml", engine.law().vocabulary());
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.evaluation.assessed_on = D("2026-11-21");
  auto a = engine.Assess(c.value(), options);
  ASSERT_TRUE(a.ok());
  const std::string fr = RenderActionPlanText(a.value().actions, engine.law(), Language::kFr);
  EXPECT_NE(fr.find("Règlement (UE) 2016/679 (RGPD), art. 12, par. 3"), std::string::npos) << fr;
  EXPECT_EQ(fr.find("Regulation (EU) 2016/679"), std::string::npos) << fr;
  const std::string nl = RenderActionPlanText(a.value().actions, engine.law(), Language::kNl);
  EXPECT_NE(nl.find("Verordening (EU) 2016/679 (AVG), art. 12 lid 3"), std::string::npos) << nl;
  const std::string en = RenderActionPlanText(a.value().actions, engine.law(), Language::kEn);
  EXPECT_NE(en.find("Regulation (EU) 2016/679 (GDPR), art. 12(3)"), std::string::npos) << en;
}

}  // namespace
}  // namespace ibsa
