// The intake (issue 14): questions by stage, then by rank; the facts the record needs asked
// though they decide nothing; the providers' internals kept for the lawyer; the platform's
// questions once a platform is involved; a question the constraints answer not asked; a
// why-line for every question; "prefer not to say" kept apart from "don't know"; what nobody
// knew offered again on resume; the plan without what turns to its reader; the findings
// ranked for the person.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseOf;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

// A vocabulary with the intake's keys: stages, a basic fact, a fact for the lawyer, a
// platform question that waits for a platform, why-lines, and a constraint that answers one
// question from another.
const char* kIntakeVocabulary = R"(format: ibsa.facts/1
jurisdictions:
  BE: {nl: België, fr: Belgique, en: Belgium}
facts:
  - name: victim.age
    sensitivity: 1
    stage: person
    type: int
    min: 0
    max: 120
    label: {nl: Leeftijd, fr: Âge, en: Age}
    question: {nl: "Hoe oud?", fr: "Quel âge ?", en: "How old?"}
    why: {nl: "Minderjarigen.", fr: "Mineurs.", en: "Minors."}
  - name: acts
    sensitivity: 1
    stage: event
    type: set
    values: [share, publish]
    label: {nl: H, fr: A, en: Acts}
    question: {nl: "Wat?", fr: "Quoi ?", en: "What?"}
    why: {nl: "Wat.", fr: "Quoi.", en: "What."}
  - name: perpetrator.malicious
    sensitivity: 1
    stage: event
    type: bool
    label: {nl: K, fr: M, en: Malicious}
    question: {nl: "K?", fr: "M ?", en: "Malicious?"}
    why: {nl: "Opzet.", fr: "Intention.", en: "Intent."}
  - name: perpetrator.relationship
    sensitivity: 1
    stage: event
    intake: basic
    type: enum
    values: [none, peer]
    label: {nl: R, fr: R, en: Relationship}
    question: {nl: "R?", fr: "R ?", en: "Relationship?"}
    why: {nl: "Dossier.", fr: "Dossier.", en: "Record."}
  - name: service.type
    sensitivity: 1
    stage: event
    intake: basic
    type: enum
    values: [none, messaging]
    label: {nl: D, fr: S, en: Service}
    question: {nl: "D?", fr: "S ?", en: "Service?"}
    why: {nl: "Waar.", fr: "Où.", en: "Where."}
  - name: service.notified
    sensitivity: 1
    stage: platform
    asked_when: {fact: service.type, is: messaging}
    type: bool
    label: {nl: M, fr: N, en: Notified}
    question: {nl: "M?", fr: "N ?", en: "Notified?"}
    why: {nl: "Melding.", fr: "Notification.", en: "Notice."}
  - name: service.micro_or_small
    sensitivity: 1
    stage: platform
    intake: for_lawyer
    type: bool
    label: {nl: K, fr: P, en: Small}
    question: {nl: "K?", fr: "P ?", en: "Small?"}
    why: {nl: "Klein.", fr: "Petite.", en: "Small."}
  - name: distribution.recipients_several
    sensitivity: 1
    stage: event
    type: bool
    label: {nl: O, fr: D, en: Several}
    question: {nl: "O?", fr: "D ?", en: "Several?"}
    why: {nl: "Ontvangers.", fr: "Destinataires.", en: "Recipients."}
  - name: distribution.only_to_victim
    sensitivity: 1
    stage: event
    type: bool
    label: {nl: A, fr: S, en: Only}
    question: {nl: "A?", fr: "S ?", en: "Only to the person?"}
    why: {nl: "Alleen.", fr: "Seulement.", en: "Only."}
constraints:
  - id: several-not-only
    when: {fact: distribution.recipients_several, is: true}
    then: {fact: distribution.only_to_victim, is: false}
    severity: error
    reason: {nl: R, fr: R, en: R}
)";

class IntakeTest : public ::testing::Test {
 protected:
  static Vocabulary Load() {
    auto v = Vocabulary::Parse(kIntakeVocabulary, "facts.yaml");
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : FormatDiagnostics(v.errors()));
    return std::move(v).value();
  }
  const Vocabulary vocabulary_ = Load();
  // r1 reads the age twice as much as anything else, so that its rank alone would put the
  // person before the event; r2 the intent; r3 the notice and the provider's size; r4 that
  // the image went only to the person.
  const Law law_ = LawOf(vocabulary_, {{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
      RuleYaml("r1", {"{fact: victim.age, \"<\": 18}"}) + RuleYaml("r1b", {"{fact: victim.age, \"<\": 16}"}) +
      RuleYaml("r2", {"{fact: perpetrator.malicious, is: true}"}) +
      RuleYaml("r3", {"{fact: service.notified, is: true}", "{fact: service.micro_or_small, is: false}"}) +
      RuleYaml("r4", {"{fact: distribution.only_to_victim, is: true}"}))}});

  std::vector<std::string> Asked(const std::string& facts = "", const IntakeScope& scope = {}) {
    const Case c = CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n" + facts);
    auto questions = IntakeQuestions(law_, c, {}, scope);
    EXPECT_TRUE(questions.ok());
    std::vector<std::string> names;
    for (const auto& q : questions.value()) names.push_back(q.fact->name);
    return names;
  }
  Interview Start(const std::string& facts = "", bool for_lawyer = false) {
    auto interview = Interview::Start(
        law_, CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n" + facts), {}, for_lawyer);
    EXPECT_TRUE(interview.ok());
    return std::move(interview).value();
  }
  static std::string AskedNow(const Interview& interview) {
    return interview.question() ? interview.question()->fact->name : "(none)";
  }
};

TEST_F(IntakeTest, TheVocabularyReadsStagesIntakeAndWhy) {
  const FactDefinition& relationship = vocabulary_.fact(*vocabulary_.SlotOf("perpetrator.relationship"));
  EXPECT_EQ(relationship.stage, IntakeStage::kEvent);
  EXPECT_EQ(relationship.intake, IntakeUse::kBasic);
  EXPECT_EQ(relationship.why.Get(Language::kFr), "Dossier.");
  EXPECT_EQ(vocabulary_.fact(*vocabulary_.SlotOf("service.micro_or_small")).intake, IntakeUse::kForLawyer);
  EXPECT_TRUE(vocabulary_.fact(*vocabulary_.SlotOf("service.notified")).asked_conditionally);
  auto bad = Vocabulary::Parse(std::string(kIntakeVocabulary).replace(
                                   std::string(kIntakeVocabulary).find("stage: person"), 13, "stage: victim"),
                               "facts.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(FormatDiagnostics(bad.errors()).find("victim"), std::string::npos);
}

TEST_F(IntakeTest, TheEventComesBeforeThePersonWhateverTheRank) {
  // The age decides two findings, the intent one: the rank alone asks the age first.
  const auto ranked = NextQuestions(law_, CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\n"), {});
  ASSERT_TRUE(ranked.ok());
  ASSERT_FALSE(ranked.value().empty());
  EXPECT_EQ(ranked.value().front().fact->name, "victim.age");
  const auto asked = Asked();
  ASSERT_FALSE(asked.empty());
  EXPECT_EQ(asked.front(), "perpetrator.malicious");
  const auto age = std::find(asked.begin(), asked.end(), "victim.age");
  ASSERT_NE(age, asked.end());
  for (auto it = asked.begin(); it != age; ++it) {
    EXPECT_EQ(vocabulary_.fact(*vocabulary_.SlotOf(*it)).stage, IntakeStage::kEvent) << *it;
  }
}

TEST_F(IntakeTest, WhatTheRecordNeedsIsAskedThoughItDecidesNothing) {
  const auto asked = Asked();
  EXPECT_NE(std::find(asked.begin(), asked.end(), "perpetrator.relationship"), asked.end());
  EXPECT_NE(std::find(asked.begin(), asked.end(), "service.type"), asked.end());
  // Not once it is known, stated unknown or not said.
  const auto later = Asked("perpetrator: {relationship: peer}\nservice: {type: unknown}\n");
  EXPECT_EQ(std::find(later.begin(), later.end(), "perpetrator.relationship"), later.end());
  EXPECT_EQ(std::find(later.begin(), later.end(), "service.type"), later.end());
}

TEST_F(IntakeTest, ThePlatformWaitsForAPlatformAndItsInternalsForTheLawyer) {
  auto asked = Asked();
  EXPECT_EQ(std::find(asked.begin(), asked.end(), "service.notified"), asked.end());
  asked = Asked("service: {type: messaging}\n");
  EXPECT_NE(std::find(asked.begin(), asked.end(), "service.notified"), asked.end());
  asked = Asked("service: {type: messaging, notified: true}\n");
  EXPECT_EQ(std::find(asked.begin(), asked.end(), "service.micro_or_small"), asked.end());
  asked = Asked("service: {type: messaging, notified: true}\n", IntakeScope{true, {}});
  EXPECT_NE(std::find(asked.begin(), asked.end(), "service.micro_or_small"), asked.end());
  // --next-questions still lists it: the ranking is the law's, the intake is the desk's.
  const auto ranked = NextQuestions(
      law_, CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nservice: {type: messaging, notified: true}\n"),
      {});
  ASSERT_TRUE(ranked.ok());
  EXPECT_TRUE(std::any_of(ranked.value().begin(), ranked.value().end(),
                          [](const Question& q) { return q.fact->name == "service.micro_or_small"; }));
}

TEST_F(IntakeTest, AQuestionTheConstraintsAnswerIsNotAsked) {
  auto asked = Asked();
  EXPECT_NE(std::find(asked.begin(), asked.end(), "distribution.only_to_victim"), asked.end());
  asked = Asked("distribution: {recipients_several: true}\n");
  EXPECT_EQ(std::find(asked.begin(), asked.end(), "distribution.only_to_victim"), asked.end());
}

TEST_F(IntakeTest, PreferNotToSayIsKeptApartAndNotAskedAgain) {
  Interview interview = Start();
  ASSERT_EQ(AskedNow(interview), "perpetrator.malicious");
  ASSERT_TRUE(interview.NotSaid().ok());
  EXPECT_TRUE(interview.steps().back().not_said);
  const std::string yaml = CaseToYaml(interview.current(), vocabulary_);
  EXPECT_NE(yaml.find("not_said: [perpetrator.malicious]"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("malicious: unknown"), std::string::npos) << yaml;
  // Read back (YAML and JSON), the same; resumed, not asked again.
  const Case read = CaseOf(vocabulary_, yaml);
  EXPECT_EQ(read.not_said(), interview.current().not_said());
  EXPECT_TRUE(read.stated_unknown().empty());
  const Case from_json = CaseOf(vocabulary_, CaseToJson(read, vocabulary_));
  EXPECT_EQ(from_json.not_said(), read.not_said());
  EXPECT_FALSE(read.values()[*vocabulary_.SlotOf("perpetrator.malicious")].known());
  Interview resumed = Start(yaml.substr(yaml.find("date:") + 17));
  EXPECT_NE(AskedNow(resumed), "perpetrator.malicious");
  EXPECT_TRUE(resumed.asked_again().empty());
  // Given and not said at once is refused.
  auto both = Case::Parse("id: c\njurisdiction: BE\ndate: 2025-03-14\nperpetrator: {malicious: true}\n"
                          "not_said: [perpetrator.malicious]\n",
                          "c.yaml", vocabulary_);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.errors().front().code, "E0103");
  EXPECT_EQ(both.errors().front().location.line, 5);
}

TEST_F(IntakeTest, DontKnowIsOfferedAgainOnResumeFirstAndOnce) {
  Interview interview = Start();
  ASSERT_EQ(AskedNow(interview), "perpetrator.malicious");
  ASSERT_TRUE(interview.DontKnow().ok());
  EXPECT_NE(AskedNow(interview), "perpetrator.malicious");
  const std::string yaml = CaseToYaml(interview.current(), vocabulary_);
  ASSERT_NE(yaml.find("malicious: unknown"), std::string::npos) << yaml;
  // Resumed, with other facts answered since: the unknown one comes first, and it is said.
  Interview resumed = Start(yaml.substr(yaml.find("date:") + 17) + "victim: {age: 30}\n");
  EXPECT_EQ(AskedNow(resumed), "perpetrator.malicious");
  EXPECT_TRUE(resumed.AskingAgain());
  ASSERT_EQ(resumed.asked_again(), std::vector<std::string>{"perpetrator.malicious"});
  // "Don't know" again: not offered a third time in this interview, and still unknown.
  ASSERT_TRUE(resumed.DontKnow().ok());
  EXPECT_NE(AskedNow(resumed), "perpetrator.malicious");
  EXPECT_FALSE(resumed.AskingAgain());
  // Answered this time: known, and no longer stated unknown.
  Interview answered = Start(yaml.substr(yaml.find("date:") + 17));
  ASSERT_EQ(AskedNow(answered), "perpetrator.malicious");
  ASSERT_TRUE(answered.Answer("yes").ok());
  EXPECT_EQ(CaseToYaml(answered.current(), vocabulary_).find("malicious: unknown"), std::string::npos);
}

TEST_F(IntakeTest, StepsWithPreferNotToSayAreTakenAgain) {
  Interview interview = Start();
  ASSERT_TRUE(interview.NotSaid().ok());
  ASSERT_TRUE(interview.DontKnow().ok());
  Interview again = Start();
  for (const auto& step : interview.steps()) ASSERT_TRUE(again.Take(step).ok());
  EXPECT_EQ(CaseToYaml(again.current(), vocabulary_), CaseToYaml(interview.current(), vocabulary_));
}

// The bundled law: every question an intake may ask has a stage and says why in three
// languages; the constraints answer "sent only to the person?" once several people saw it.
TEST(BundledIntakeTest, EveryQuestionHasItsStageAndWhyInThreeLanguages) {
  const Vocabulary& vocabulary = testing::BundledEngine(HarmsUse::kNone).law().vocabulary();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    if (fact.derived) continue;
    EXPECT_NE(fact.stage, IntakeStage::kUndeclared) << fact.name;
    for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
      EXPECT_FALSE(fact.why.Get(language).empty()) << fact.name << " " << static_cast<int>(language);
    }
  }
}

TEST(BundledIntakeTest, ACheckSaysAWhyLineIsMissing) {
  std::string text;
  {
    std::ifstream in(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string nl = "      nl: \"Sommige strafbare feiten vereisen de bedoeling te schaden.\"\n";
  const std::string why = "    why:\n" + nl + "      fr: \"Certaines infractions exigent l'intention de nuire.\"\n" +
                          "      en: \"Some offences require an intent to harm.\"\n";
  const size_t at = text.find(why);
  ASSERT_NE(at, std::string::npos);
  // A why-line without its Dutch text is refused as the vocabulary is read.
  auto partial = Vocabulary::Parse(std::string(text).erase(at + 9, nl.size()), "facts.yaml");
  ASSERT_FALSE(partial.ok());
  EXPECT_EQ(partial.errors().front().code, "E0106");
  // Without a why-line at all, `ibsa check` says so.
  text.erase(at, why.size());
  auto vocabulary = Vocabulary::Parse(text, "facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  auto law = Law::FromTexts({{"r.yaml", Ruleset("be.t.1", "2016-01-01", "",
                                                RuleYaml("r", {"{fact: perpetrator.malicious, is: true}"}))}},
                            vocabulary.value());
  ASSERT_TRUE(law.ok());
  const auto problems = CheckLaw(law.value(), Coverage{});
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const CheckProblem& p) {
    return p.code == "C008" && p.message.find("why-line of fact 'perpetrator.malicious'") != std::string::npos;
  }));
}

TEST(BundledIntakeTest, SeveralRecipientsAnswerSentOnlyToThePerson) {
  const Engine& engine = testing::BundledEngine(HarmsUse::kNone);
  const Vocabulary& vocabulary = engine.law().vocabulary();
  const std::string start = "id: c\njurisdiction: BE\ndate: 2026-11-16\nacts: [share]\n";
  auto ask = [&](const std::string& more) {
    auto c = Case::Parse(start + more, "c.yaml", vocabulary);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : FormatDiagnostics(c.errors()));
    auto questions = IntakeQuestions(engine.law(), c.value(), {}, {});
    EXPECT_TRUE(questions.ok());
    std::vector<std::string> names;
    for (const auto& q : questions.value()) names.push_back(q.fact->name);
    return std::make_pair(std::move(c).value(), names);
  };
  // Asked once "several people?" is answered no; not while it is open.
  auto [open, asked_open] = ask("");
  EXPECT_EQ(std::find(asked_open.begin(), asked_open.end(), "distribution.only_to_victim"), asked_open.end());
  EXPECT_NE(std::find(asked_open.begin(), asked_open.end(), "distribution.recipients_several"), asked_open.end());
  auto [before, asked_before] = ask("distribution: {recipients_several: false}\n");
  EXPECT_NE(std::find(asked_before.begin(), asked_before.end(), "distribution.only_to_victim"), asked_before.end());
  auto [after, asked_after] = ask("distribution: {recipients_several: true}\n");
  EXPECT_EQ(std::find(asked_after.begin(), asked_after.end(), "distribution.only_to_victim"), asked_after.end());
  EXPECT_EQ(after.values()[*vocabulary.SlotOf("distribution.only_to_victim")].boolean(), false);
}

// The plan as the police officer reads it: no "report to the police"; the lawyer's keeps it.
TEST(BundledIntakeTest, ThePlanLeavesOutWhatTurnsToItsReader) {
  const Engine& engine = testing::BundledEngine(HarmsUse::kNone);
  auto c = Case::Parse("id: c\njurisdiction: BE\ndate: 2026-11-16\nacts: [create, share]\n"
                       "victim: {real_person: true, age: 16}\nimage: {technique: face_swap, content: nudity}\n",
                       "c.yaml", engine.law().vocabulary());
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  auto assessed = engine.Assess(c.value(), {});
  ASSERT_TRUE(assessed.ok());
  auto has = [](const std::vector<Action>& plan, const std::string& rule) {
    return std::any_of(plan.begin(), plan.end(), [&](const Action& a) { return a.declaration->rule == rule; });
  };
  const auto& plan = assessed.value().actions;
  ASSERT_TRUE(has(plan, "be.referral.police"));
  EXPECT_FALSE(has(ForReader(plan, Actor::kPolice), "be.referral.police"));
  EXPECT_TRUE(has(ForReader(plan, Actor::kLawyer), "be.referral.police"));
  EXPECT_EQ(ForReader(plan, Actor::kPolice).size(), plan.size() - 1);
}

// Applies and settled first, then applies but contested or unverified, then may apply.
TEST(BundledIntakeTest, FindingsAreRankedForThePerson) {
  const Engine& engine = testing::BundledEngine(HarmsUse::kNone);
  auto c = Case::Parse("id: c\njurisdiction: BE\ndate: 2026-11-16\nacts: [create, share]\n"
                       "victim: {real_person: true, age: 16}\nimage: {technique: face_swap, content: nudity}\n",
                       "c.yaml", engine.law().vocabulary());
  ASSERT_TRUE(c.ok());
  auto assessed = engine.Assess(c.value(), {});
  ASSERT_TRUE(assessed.ok());
  const Evaluation& evaluation = assessed.value().evaluation;
  const auto ranked = RankedForThePerson(evaluation);
  ASSERT_EQ(ranked.size(), evaluation.findings.size());
  auto standing = [](const Finding& f) {
    const bool firm = f.rule->certainty == Certainty::kSettled || f.rule->certainty == Certainty::kLikely;
    return f.status == FindingStatus::kApplies ? (firm ? 0 : 1) : 2;
  };
  std::set<int> seen;
  for (size_t i = 1; i < ranked.size(); ++i) {
    EXPECT_LE(standing(*ranked[i - 1]), standing(*ranked[i])) << ranked[i]->rule->id;
    seen.insert(standing(*ranked[i]));
  }
  // The case has findings of more than one standing, or the order proves nothing.
  EXPECT_GE(seen.size(), 2u);
}

}  // namespace
}  // namespace ibsa
