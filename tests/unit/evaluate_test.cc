#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "ibsa/evaluate.h"
#include "ibsa/render.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseOf;
using testing::FindingFor;
using testing::LawOf;
using testing::Ruleset;
using testing::RuleYaml;

class EvaluateTest : public ::testing::Test {
 protected:
  Evaluation Run(const Law& law, const std::string& case_yaml, EvaluationOptions options = {}) {
    const Case c = CaseOf(vocabulary_, case_yaml);
    auto evaluation = Evaluate(law, c, options);
    EXPECT_TRUE(evaluation.ok()) << (evaluation.ok() ? "" : FormatDiagnostics(evaluation.errors()));
    return std::move(evaluation).value();
  }
  const Vocabulary vocabulary_ = testing::TestVocabulary();
};

// One rule, "shared", with three elements: a real person, a sharing act, and either
// malicious intent or an undress technique.
std::string SharingRule(const std::string& id = "shared") {
  return RuleYaml(id,
                  {"{fact: victim.real_person, is: true}", "{fact: acts, has: share}",
                   "{any: [{fact: perpetrator.malicious, is: true}, {fact: image.technique, is: undress}]}"},
                  "[share]");
}

TEST_F(EvaluateTest, AllElementsMetApplies) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {real_person: true}\n"
                                "acts: [share]\nperpetrator: {malicious: true}\n");
  const Finding* f = FindingFor(e, "shared");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, FindingStatus::kApplies);
  EXPECT_TRUE(f->missing.empty());
  ASSERT_EQ(f->elements.size(), 3u);
  for (const auto& element : f->elements) EXPECT_EQ(element.truth, Truth::kTrue);
}

TEST_F(EvaluateTest, UnknownFactsMakeAFindingPossibleAndAreListed) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n"
                                "image: {technique: face_swap}\n");
  const Finding* f = FindingFor(e, "shared");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, FindingStatus::kPossible);
  // The technique is known and not undress, so only malice decides the third element.
  EXPECT_EQ(f->missing, (std::vector<std::string>{"victim.real_person", "perpetrator.malicious"}));
  EXPECT_EQ(f->elements[0].truth, Truth::kUnknown);
  EXPECT_EQ(f->elements[1].truth, Truth::kTrue);
  EXPECT_EQ(f->elements[2].missing, std::vector<std::string>{"perpetrator.malicious"});
}

TEST_F(EvaluateTest, AnElementNotMetMeansNoFindingWhateverIsUnknown) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {real_person: false}\n");
  EXPECT_EQ(FindingFor(e, "shared"), nullptr);
  EXPECT_TRUE(e.not_met.empty());  // only listed with explain
}

TEST_F(EvaluateTest, ExplainSaysWhichElementFailed) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  EvaluationOptions options;
  options.explain = true;
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [create]\n", options);
  ASSERT_EQ(e.not_met.size(), 1u);
  EXPECT_EQ(e.not_met[0].rule->id, "shared");
  EXPECT_EQ(e.not_met[0].failed->id, "e1");
}

TEST_F(EvaluateTest, AnActReportedAsUncertainLeavesItsElementUnknown) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nvictim: {real_person: true}\n"
                                "perpetrator: {malicious: true}\nacts: [{type: share, certain: false}]\n");
  const Finding* f = FindingFor(e, "shared");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, FindingStatus::kPossible);
  EXPECT_EQ(f->missing, std::vector<std::string>{"acts"});
}

TEST_F(EvaluateTest, RuleReferencesCarryTheirTruthAndMissingFacts) {
  const std::string rules =
      SharingRule("base") + RuleYaml("aggravated", {"{rule: base}", "{fact: victim.minor, is: true}"}, "[share]");
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", rules)}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n"
                                "perpetrator: {malicious: true}\nvictim: {age: 15}\n");
  const Finding* f = FindingFor(e, "aggravated");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, FindingStatus::kPossible);
  EXPECT_EQ(f->missing, std::vector<std::string>{"victim.real_person"});
  EXPECT_EQ(f->elements[1].truth, Truth::kTrue);
}

// A rule that holds through another is no surer than the reading it holds through: the
// finding takes the less sure certainty and names the rule it is; through an `any`, the
// best-supported alternative that holds; a `not` rests on no reading.
TEST_F(EvaluateTest, AFindingIsNoSurerThanTheReadingItHoldsThrough) {
  auto as = [](std::string rule, const std::string& certainty) {
    rule.replace(rule.find("certainty: settled"), std::string("certainty: settled").size(),
                 "certainty: " + certainty + "\n    certainty_reason: {nl: R, fr: R, en: R}");
    return rule;
  };
  const std::string rules =
      as(RuleYaml("likely.def", {"{fact: victim.real_person, is: true}"}), "likely") +
      as(RuleYaml("contested.def", {"{fact: image.technique, is: undress}"}), "contested") +
      as(RuleYaml("contested.minor", {"{fact: victim.minor, is: true}"}), "contested") +
      RuleYaml("through.all", {"{rule: likely.def}", "{fact: acts, has: share}"}, "[share]") +
      RuleYaml("through.any", {"{any: [{rule: contested.def}, {rule: likely.def}]}"}) +
      RuleYaml("through.one", {"{any: [{rule: contested.def}, {fact: victim.minor, is: true}]}"}) +
      RuleYaml("through.not", {"{not: {rule: contested.minor}}"}) +
      RuleYaml("deeper", {"{rule: through.all}"}, "[share]") +
      RuleYaml("own", {"{fact: acts, has: share}"}, "[share]");
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", rules)}});
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n"
                                "image: {technique: undress}\nvictim: {age: 30, real_person: true}\n");
  auto reading = [&](const std::string& id) -> std::pair<Certainty, std::string> {
    const Finding* f = FindingFor(e, id);
    if (f == nullptr || f->status != FindingStatus::kApplies) return {Certainty::kUnverified, "not applying"};
    return {f->certainty, f->certainty_from.rule == nullptr ? "" : f->certainty_from.rule->id};
  };
  EXPECT_EQ(reading("own"), std::make_pair(Certainty::kSettled, std::string()));
  EXPECT_EQ(reading("likely.def"), std::make_pair(Certainty::kLikely, std::string()));
  EXPECT_EQ(reading("through.all"), std::make_pair(Certainty::kLikely, std::string("likely.def")));
  EXPECT_EQ(reading("through.any"), std::make_pair(Certainty::kLikely, std::string("likely.def")))
      << "the best-supported alternative that holds";
  EXPECT_EQ(reading("through.one"), std::make_pair(Certainty::kContested, std::string("contested.def")))
      << "the only alternative that holds";
  EXPECT_EQ(reading("through.not"), std::make_pair(Certainty::kSettled, std::string()));
  EXPECT_EQ(reading("deeper"), std::make_pair(Certainty::kLikely, std::string("likely.def")));
  const Finding* one = FindingFor(e, "through.one");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(FindingHeading(*one, Language::kEn), "CONTESTED") << "the heading says what it rests on";
}

// Two versions of one instrument, the boundary on 1 June 2022.
class VersionTest : public EvaluateTest {
 protected:
  const std::string old_rule_ = RuleYaml("old.rule", {"{fact: acts, has_any: [create, share]}"}, "[create, share]");
  const std::string new_rule_ = RuleYaml("new.rule", {"{fact: acts, has_any: [create, share]}"}, "[create, share]");
  const Law law_ = LawOf(vocabulary_,
                         {{"a.yaml", Ruleset("be.sw.2020", "2020-07-01", "2022-05-31", old_rule_, "repealed")},
                          {"b.yaml", Ruleset("be.sw.2022", "2022-06-01", "2026-04-07", new_rule_, "repealed")},
                          {"p.yaml", Ruleset("be.sw.bill", "2024-01-01", "", RuleYaml("bill.rule", {"{fact: acts, has: share}"}, "[share]"), "proposed")},
                          {"e.yaml", Ruleset("eu.x.1", "2020-01-01", "", RuleYaml("eu.rule", {"{fact: acts, has: share}"}), "in_force", "X", "EU")},
                          {"n.yaml", Ruleset("nl.sr.1", "2020-01-01", "", RuleYaml("nl.rule", {"{fact: acts, has: share}"}), "in_force", "Sr", "NL")}});
};

TEST_F(VersionTest, TheDayBeforeAVersionTakesEffectTheOldOneApplies) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2022-05-31\nacts: [share]\n");
  ASSERT_NE(FindingFor(e, "old.rule"), nullptr);
  EXPECT_EQ(FindingFor(e, "old.rule")->version->id, "be.sw.2020");
  EXPECT_EQ(FindingFor(e, "new.rule"), nullptr);
}

TEST_F(VersionTest, TheDayAVersionTakesEffectItApplies) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2022-06-01\nacts: [share]\n");
  EXPECT_EQ(FindingFor(e, "old.rule"), nullptr);
  ASSERT_NE(FindingFor(e, "new.rule"), nullptr);
  EXPECT_EQ(FindingFor(e, "new.rule")->version->id, "be.sw.2022");
}

TEST_F(VersionTest, EachActIsJudgedByTheLawOnItsOwnDate) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2023-01-01\n"
                                 "acts: [{type: create, date: 2021-05-01}, {type: share, date: 2023-01-01}]\n");
  const Finding* old_finding = FindingFor(e, "old.rule");
  const Finding* new_finding = FindingFor(e, "new.rule");
  ASSERT_NE(old_finding, nullptr);
  ASSERT_NE(new_finding, nullptr);
  ASSERT_EQ(old_finding->anchors.size(), 1u);
  EXPECT_EQ(old_finding->anchors[0].act, "create");
  EXPECT_EQ(old_finding->anchors[0].date.ToString(), "2021-05-01");
  EXPECT_EQ(new_finding->anchors[0].act, "share");
}

TEST_F(VersionTest, NoFallThroughToARepealedVersion) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2026-05-01\nacts: [share]\n");
  EXPECT_EQ(FindingFor(e, "new.rule"), nullptr);
  EXPECT_EQ(FindingFor(e, "old.rule"), nullptr);
  ASSERT_EQ(e.version_gaps.size(), 1u);
  EXPECT_EQ(e.version_gaps[0].instrument, "Sw");
  EXPECT_EQ(e.version_gaps[0].anchor.date.ToString(), "2026-05-01");
  EXPECT_EQ(e.version_gaps[0].known_versions.size(), 3u);
}

TEST_F(VersionTest, FactsBeforeAnyVersionAreAGapToo) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2019-01-01\nacts: [share]\n");
  EXPECT_EQ(FindingFor(e, "old.rule"), nullptr);
  // Neither the national code (from 2020-07-01) nor the EU instrument (from 2020-01-01).
  ASSERT_EQ(e.version_gaps.size(), 2u);
  EXPECT_EQ(e.version_gaps[0].jurisdiction, "BE");
  EXPECT_EQ(e.version_gaps[1].jurisdiction, "EU");
}

TEST_F(VersionTest, AsOfOverridesTheDatesOfTheActs) {
  EvaluationOptions options;
  options.as_of = Date::Parse("2022-06-01");
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2021-01-01\nacts: [share]\n", options);
  EXPECT_EQ(FindingFor(e, "old.rule"), nullptr);
  ASSERT_NE(FindingFor(e, "new.rule"), nullptr);
  EXPECT_TRUE(FindingFor(e, "new.rule")->anchors[0].as_of);
}

TEST_F(VersionTest, AProposalAppliesOnlyWhenAskedFor) {
  const std::string c = "id: c\njurisdiction: BE\ndate: 2025-01-01\nacts: [share]\n";
  EXPECT_EQ(FindingFor(Run(law_, c), "bill.rule"), nullptr);
  EvaluationOptions options;
  options.with = {"be.sw.bill"};
  const Evaluation e = Run(law_, c, options);
  ASSERT_NE(FindingFor(e, "bill.rule"), nullptr);
  // The bill replaces the version in force for its dates.
  EXPECT_EQ(FindingFor(e, "new.rule"), nullptr);
}

TEST_F(VersionTest, WithMustNameAProposal) {
  const Case c = CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-01-01\n");
  EvaluationOptions options;
  options.with = {"be.sw.bil"};
  auto e = Evaluate(law_, c, options);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.errors()[0].code, "E0301");
  EXPECT_EQ(e.errors()[0].help[0], "did you mean 'be.sw.bill'?");
  options.with = {"be.sw.2022"};
  e = Evaluate(law_, c, options);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.errors()[0].code, "E0302");
}

TEST_F(VersionTest, EuLawAppliesOnTopOfTheNationalLawOnly) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2025-01-01\nacts: [share]\n");
  EXPECT_NE(FindingFor(e, "eu.rule"), nullptr);
  EXPECT_EQ(FindingFor(e, "nl.rule"), nullptr);
  const Evaluation nl = Run(law_, "id: c\njurisdiction: NL\ndate: 2025-01-01\nacts: [share]\n");
  EXPECT_NE(FindingFor(nl, "eu.rule"), nullptr);
  EXPECT_NE(FindingFor(nl, "nl.rule"), nullptr);
  EXPECT_EQ(FindingFor(nl, "new.rule"), nullptr);
  // National findings come before EU findings.
  EXPECT_EQ(nl.findings.front().rule->id, "nl.rule");
}

TEST_F(VersionTest, RulesNotTiedToActsUseTheCaseDate) {
  const Evaluation e = Run(law_, "id: c\njurisdiction: BE\ndate: 2025-01-01\n"
                                 "acts: [{type: share, date: 2019-01-01}]\n");
  const Finding* f = FindingFor(e, "eu.rule");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->anchors[0].date.ToString(), "2025-01-01");
  EXPECT_TRUE(f->anchors[0].act.empty());
}

TEST_F(EvaluateTest, EvaluationIsThreadSafe) {
  const Law law = LawOf(vocabulary_, {{"v.yaml", Ruleset("be.sw.1", "2020-01-01", "", SharingRule())}});
  const Case c = CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n");
  std::vector<std::thread> threads;
  std::vector<int> possible(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto e = Evaluate(law, c, {});
        if (e.ok() && e.value().findings.size() == 1 &&
            e.value().findings[0].status == FindingStatus::kPossible) {
          ++possible[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(possible, std::vector<int>(4, 200));
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

class ExpectationTest : public EvaluateTest {
 protected:
  std::vector<std::string> Failures(const std::string& expect_yaml) {
    std::string rule = RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]");
    rule += "    aggravations:\n"
            "      - {id: minor, label: {nl: M, fr: M, en: M}, when: {fact: victim.minor, is: true},\n"
            "         certainty: settled, sources: [{title: S, url: \"https://x.eu/\"}]}\n"
            "      - {id: malice, label: {nl: M, fr: M, en: M}, when: {fact: perpetrator.malicious, is: true},\n"
            "         certainty: settled, sources: [{title: S, url: \"https://x.eu/\"}]}\n";
    const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "2022-12-31", rule, "repealed")},
                                        {"b.yaml", Ruleset("be.sw.2", "2023-01-01", "", rule)}});
    const Case c = CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\n"
                                       "victim: {age: 15}\n" + expect_yaml);
    auto e = Evaluate(law, c, {});
    return CheckExpectations(e.value(), *c.expectations(), law);
  }
};

TEST_F(ExpectationTest, AVersionCanBePinned) {
  EXPECT_TRUE(Failures("expect: {source: s, applies: [r1@be.sw.2]}\n").empty());
  const auto failures = Failures("expect: {source: s, applies: [r1@be.sw.1]}\n");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0], "case.yaml:6:31: expected 'r1@be.sw.1' to apply, but it is absent");
}

TEST_F(ExpectationTest, AggravationsCanBeExpected) {
  EXPECT_TRUE(Failures("expect: {source: s, applies: [r1#minor], possible: [r1#malice]}\n").empty());
  const auto failures = Failures("expect: {source: s, absent: [r1#minor]}\n");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0], "case.yaml:6:30: expected 'r1#minor' to be absent, but it holds");
}

TEST_F(ExpectationTest, UnknownNamesInExpectationsAreFailures) {
  const auto failures = Failures("expect: {source: s, applies: [r2, r1@be.sw.9, r1#age]}\n");
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0], "case.yaml:6:31: expect names unknown rule 'r2' (did you mean 'r1'?)");
  EXPECT_EQ(failures[1], "case.yaml:6:35: expect names unknown ruleset version 'be.sw.9'");
  EXPECT_EQ(failures[2], "case.yaml:6:47: rule 'r1' has no aggravation 'age'");
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

// Two versions: an offence of 2020 (6 months to 5 years) and its 2022 successors.
class LexMitiorTest : public EvaluateTest {
 protected:
  std::string Offence(const std::string& id, const std::string& condition, const std::string& penalty,
                      const std::string& replaces = "") {
    std::string rule = RuleYaml(id, {condition}, "[share]");
    rule.replace(rule.find("{prison_months: {min: 6, max: 60}}"), 34, penalty);
    if (!replaces.empty()) rule += "    replaces: [" + replaces + "]\n";
    return rule;
  }
  // The law lives in the fixture: findings and comparisons point into it.
  const Law& TwoVersions(const std::string& later_rules) {
    law_.emplace(LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.2020", "2020-07-01", "2022-05-31",
                                                        Offence("old", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}"),
                                                        "repealed")},
                                     {"b.yaml", Ruleset("be.sw.2022", "2022-06-01", "", later_rules)}}));
    return *law_;
  }
  std::optional<Law> law_;
  LexMitior Compare(const Law& law, const std::string& extra_facts = "") {
    EvaluationOptions options;
    options.assessed_on = Date::Parse("2025-01-01");
    const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2021-03-01\nacts: [share]\n" + extra_facts, options);
    const Finding* f = FindingFor(e, "old");
    EXPECT_NE(f, nullptr);
    EXPECT_TRUE(f != nullptr && f->lex_mitior.has_value());
    return f != nullptr && f->lex_mitior ? *f->lex_mitior : LexMitior{};
  }
};

TEST_F(LexMitiorTest, ALowerLaterMaximumFavoursTheLaterLaw) {
  const LexMitior lm = Compare(TwoVersions(Offence("new", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 24}}", "old")));
  EXPECT_EQ(lm.later_version->id, "be.sw.2022");
  ASSERT_EQ(lm.successors.size(), 1u);
  EXPECT_EQ(lm.successors[0]->id, "new");
  EXPECT_EQ(lm.favourable, Favourable::kLater);
  EXPECT_EQ(lm.basis, ComparisonBasis::kMaximumPrison);
}

TEST_F(LexMitiorTest, AHigherLaterMinimumFavoursTheEarlierLaw) {
  const LexMitior lm = Compare(TwoVersions(Offence("new", "{fact: acts, has: share}", "{prison_months: {min: 12, max: 60}}", "old")));
  EXPECT_EQ(lm.favourable, Favourable::kEarlier);
  EXPECT_EQ(lm.basis, ComparisonBasis::kMinimumPrison);
}

TEST_F(LexMitiorTest, TheSameRuleIdContinuesAndEqualPenaltiesAreTheSame) {
  const LexMitior lm = Compare(TwoVersions(Offence("old", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}")));
  EXPECT_EQ(lm.favourable, Favourable::kSame);
  EXPECT_EQ(lm.basis, ComparisonBasis::kSamePenalty);
}

TEST_F(LexMitiorTest, FactsOutsideTheLaterProvisionFavourTheLaterLaw) {
  const LexMitior lm = Compare(TwoVersions(Offence("new", "{fact: perpetrator.malicious, is: true}", "{prison_months: {min: 6, max: 60}}", "old")),
                               "perpetrator: {malicious: false}\n");
  EXPECT_EQ(lm.successor_truth, Truth::kFalse);
  EXPECT_EQ(lm.favourable, Favourable::kLater);
  EXPECT_EQ(lm.basis, ComparisonBasis::kNotCoveredLater);
}

TEST_F(LexMitiorTest, UnknownFactsOrUnverifiedPenaltiesLeaveItUndetermined) {
  const Law& unknown_law = TwoVersions(Offence("new", "{fact: perpetrator.malicious, is: true}", "{prison_months: {min: 6, max: 12}}", "old"));
  LexMitior lm = Compare(unknown_law);
  EXPECT_EQ(lm.favourable, Favourable::kUndetermined);
  EXPECT_EQ(lm.basis, ComparisonBasis::kSuccessorUnknown);
  lm = Compare(TwoVersions(Offence("new", "{fact: acts, has: share}", "{certainty: unverified, certainty_reason: {nl: n, fr: n, en: not read}}", "old")));
  EXPECT_EQ(lm.favourable, Favourable::kUndetermined);
  EXPECT_EQ(lm.basis, ComparisonBasis::kPenaltyUnverified);
}

TEST_F(LexMitiorTest, NoSuccessorIsSaidNotGuessed) {
  const LexMitior lm = Compare(TwoVersions(Offence("unrelated", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}")));
  EXPECT_EQ(lm.favourable, Favourable::kUndetermined);
  EXPECT_EQ(lm.basis, ComparisonBasis::kNoSuccessor);
}

TEST_F(LexMitiorTest, ReplacementsAreFollowedThroughIntermediateVersions) {
  const Law law = LawOf(vocabulary_, {
      {"a.yaml", Ruleset("be.sw.2016", "2016-01-01", "2019-12-31", Offence("first", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}"), "repealed")},
      {"b.yaml", Ruleset("be.sw.2020", "2020-01-01", "2022-12-31", Offence("second", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}", "first"), "repealed")},
      {"c.yaml", Ruleset("be.sw.2023", "2023-01-01", "", Offence("third", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 36}}", "second"))}});
  EvaluationOptions options;
  options.assessed_on = Date::Parse("2024-01-01");
  const Evaluation e = Run(law, "id: c\njurisdiction: BE\ndate: 2017-01-01\nacts: [share]\n", options);
  const Finding* f = FindingFor(e, "first");
  ASSERT_NE(f, nullptr);
  ASSERT_TRUE(f->lex_mitior.has_value());
  EXPECT_EQ(f->lex_mitior->successors[0]->id, "third");
  EXPECT_EQ(f->lex_mitior->favourable, Favourable::kLater);
}

TEST_F(LexMitiorTest, NoComparisonWhenTheSameVersionIsStillInForceOrNoneAsked) {
  const Law& law = TwoVersions(Offence("new", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 24}}", "old"));
  EXPECT_FALSE(FindingFor(Run(law, "id: c\njurisdiction: BE\ndate: 2021-03-01\nacts: [share]\n"), "old")->lex_mitior);
  EvaluationOptions options;
  options.assessed_on = Date::Parse("2022-01-01");
  EXPECT_FALSE(FindingFor(Run(law, "id: c\njurisdiction: BE\ndate: 2021-03-01\nacts: [share]\n", options), "old")->lex_mitior);
}

TEST_F(LexMitiorTest, AnAssessmentBeyondTheEncodedLawIsUndetermined) {
  const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.2020", "2020-07-01", "2022-05-31",
                                                         Offence("old", "{fact: acts, has: share}", "{prison_months: {min: 6, max: 60}}"), "repealed")}});
  const LexMitior lm = Compare(law);
  EXPECT_EQ(lm.later_version, nullptr);
  EXPECT_EQ(lm.basis, ComparisonBasis::kNoLaterVersion);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST_F(EvaluateTest, AnExplainedGapBeforeAVersionIsNotReportedAsMissingLaw) {
  std::string later = Ruleset("eu.x.2026", "2026-08-02", "", RuleYaml("r", {"{fact: acts, has: share}"}),
                              "in_force", "X", "EU");
  const Law unexplained = LawOf(vocabulary_, {{"a.yaml", later}});
  const std::string c = "id: c\njurisdiction: BE\ndate: 2025-01-01\nacts: [share]\n";
  EXPECT_EQ(Run(unexplained, c).version_gaps.size(), 1u);
  later.replace(later.find("status:"), 0, "gap_before: \"art. 50 applies from 2 August 2026\"\n");
  const Law explained = LawOf(vocabulary_, {{"a.yaml", later}});
  EXPECT_TRUE(Run(explained, c).version_gaps.empty());
  // After the last version, nothing explains the absence: still reported.
  std::string ended = Ruleset("eu.x.2020", "2020-01-01", "2020-12-31", RuleYaml("r", {"{fact: acts, has: share}"}),
                              "repealed", "X", "EU");
  ended.replace(ended.find("status:"), 0, "gap_before: \"did not apply before 2020\"\n");
  EXPECT_EQ(Run(LawOf(vocabulary_, {{"b.yaml", ended}}), c).version_gaps.size(), 1u);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST_F(EvaluateTest, AnInstrumentThatIsOnlyABillIsSilentUnlessAskedFor) {
  const Law law = LawOf(vocabulary_, {{"bill.yaml", Ruleset("nl.nrd.2099-01-01", "2099-01-01", "",
                                                            RuleYaml("nl.nrd.r", {"{fact: acts, has: share}"}),
                                                            "proposed", "NRD", "NL")}});
  const std::string c = "id: c\njurisdiction: NL\ndate: 2025-01-01\nacts: [share]\n";
  const Evaluation plain = Run(law, c);
  EXPECT_TRUE(plain.version_gaps.empty());
  EXPECT_TRUE(plain.findings.empty());
  EvaluationOptions options;
  options.with = {"nl.nrd.2099-01-01"};
  options.as_of = Date::Parse("2099-01-02");
  EXPECT_NE(FindingFor(Run(law, c, options), "nl.nrd.r"), nullptr);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST_F(ExpectationTest, ExpectationsMayHoldUnderABillAndADate) {
  const Law law = LawOf(vocabulary_, {{"bill.yaml", Ruleset("nl.nrd.2099-01-01", "2099-01-01", "",
                                                            RuleYaml("nl.nrd.r", {"{fact: acts, has: share}"}),
                                                            "proposed", "NRD", "NL")}});
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "ibsa_expect_with.yaml";
  std::ofstream(file) << "id: c\njurisdiction: NL\ndate: 2025-01-01\nacts: [share]\n"
                         "expect: {source: s, with: [nl.nrd.2099-01-01], as_of: 2099-01-02, applies: [nl.nrd.r]}\n";
  const SuiteReport report = RunSuite(law, {file.string()}, {});
  std::filesystem::remove(file);
  ASSERT_EQ(report.cases.size(), 1u);
  EXPECT_TRUE(report.cases[0].passed()) << (report.cases[0].failures.empty() ? "" : report.cases[0].failures[0]);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST_F(EvaluateTest, AnAggravationAddedInALaterVersionCanBeExpected) {
  const std::string plain = RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]");
  const std::string with_aggravation =
      plain + "    aggravations:\n"
              "      - {id: minor, label: {nl: M, fr: M, en: M}, when: {fact: victim.minor, is: true},\n"
              "         certainty: settled, sources: [{title: S, url: \"https://x.eu/\"}]}\n";
  const Law law = LawOf(vocabulary_, {{"a.yaml", Ruleset("be.sw.1", "2020-01-01", "2022-12-31", plain, "repealed")},
                                      {"b.yaml", Ruleset("be.sw.2", "2023-01-01", "", with_aggravation)}});
  const Case c = CaseOf(vocabulary_, "id: c\njurisdiction: BE\ndate: 2024-01-01\nacts: [share]\nvictim: {age: 15}\n"
                                     "expect: {source: s, applies: [r1#minor, r1@be.sw.2#minor], absent: [r1@be.sw.1#minor]}\n");
  auto e = Evaluate(law, c, {});
  const auto failures = CheckExpectations(e.value(), *c.expectations(), law);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0].find("rule 'r1' has no aggravation 'minor' in be.sw.1"), std::string::npos);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

TEST_F(LexMitiorTest, AnUnverifiedSuccessorNeverMakesEitherLawMoreFavourable) {
  std::string successor = Offence("new", "{fact: acts, has: share}",
                                  "{prison_months: {min: 1, max: 2}, certainty: likely, certainty_reason: {nl: s, fr: s, en: secondary}}", "old");
  successor.replace(successor.find("certainty: settled"), 18,
                    "certainty: unverified\n    certainty_reason: {nl: n, fr: n, en: \"article number not read\"}");
  const LexMitior lm = Compare(TwoVersions(successor));
  EXPECT_EQ(lm.favourable, Favourable::kUndetermined);
  EXPECT_EQ(lm.basis, ComparisonBasis::kProvisionUnverified);
}

}  // namespace
}  // namespace ibsa
