// Decide, the lean path, agrees with Evaluate on every case of the legal test suite,
// including when one Decision is reused from case to case.
#include <gtest/gtest.h>

#include <algorithm>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;

struct Bundled {
  Vocabulary vocabulary;
  Law law;
  std::vector<Case> cases;
};

const Bundled& Load() {
  static const Bundled* bundled = [] {
    auto vocabulary = Vocabulary::Load(kRoot + "/rulesets/facts.yaml");
    auto law = Law::Load(kRoot + "/rulesets", vocabulary.value());
    std::vector<Case> cases;
    for (const auto& file : FindCaseFiles(kRoot + "/cases")) {
      cases.push_back(Case::Load(file, vocabulary.value()).value());
    }
    return new Bundled{vocabulary.value(), std::move(law).value(), std::move(cases)};
  }();
  return *bundled;
}

EvaluationOptions OptionsOf(const Case& c) {
  EvaluationOptions options;
  options.explain = true;
  if (c.expectations()) {
    options.with = c.expectations()->with;
    options.as_of = c.expectations()->as_of;
  }
  return options;
}

// Every verdict matches a finding (true: applies, unknown: possible) or a rule not met
// (false), in the same order and on the same dates.
void ExpectAgreement(const Law& law, const Case& c, const Decision& decision) {
  auto evaluation = Evaluate(law, c, OptionsOf(c));
  ASSERT_TRUE(evaluation.ok()) << c.file();
  const Evaluation& e = evaluation.value();
  size_t finding = 0, not_met = 0;
  for (const Verdict& verdict : decision.verdicts()) {
    if (verdict.truth == Truth::kFalse) {
      ASSERT_LT(not_met, e.not_met.size()) << c.file();
      // The laid-out code Decide judges and the condition program Evaluate explains
      // with must agree: some element is false in the program too.
      EXPECT_NE(e.not_met[not_met].failed, nullptr) << c.file() << " " << verdict.rule->id;
      EXPECT_EQ(e.not_met[not_met++].rule, verdict.rule) << c.file() << " " << verdict.rule->id;
      continue;
    }
    ASSERT_LT(finding, e.findings.size()) << c.file();
    const Finding& f = e.findings[finding++];
    EXPECT_EQ(f.rule, verdict.rule) << c.file();
    EXPECT_EQ(f.version, verdict.version) << c.file();
    EXPECT_EQ(f.status == FindingStatus::kApplies, verdict.truth == Truth::kTrue)
        << c.file() << " " << f.rule->id;
    Truth elements = Truth::kTrue;
    for (const auto& outcome : f.elements) elements = And(elements, outcome.truth);
    EXPECT_EQ(elements, verdict.truth) << c.file() << " " << f.rule->id;
    EXPECT_EQ(f.anchors.size(), static_cast<size_t>(__builtin_popcountll(verdict.anchors)))
        << c.file() << " " << f.rule->id;
  }
  EXPECT_EQ(finding, e.findings.size()) << c.file();
  EXPECT_EQ(not_met, e.not_met.size()) << c.file();
  EXPECT_EQ(decision.has_version_gaps(), !e.version_gaps.empty()) << c.file();
}

TEST(DecideTest, AgreesWithEvaluateOnEveryCaseWithAFreshDecision) {
  const Bundled& b = Load();
  ASSERT_GT(b.cases.size(), 200u);
  for (const Case& c : b.cases) {
    Decision decision;
    ASSERT_TRUE(Decide(b.law, c, OptionsOf(c), decision).ok()) << c.file();
    ExpectAgreement(b.law, c, decision);
  }
}

TEST(DecideTest, AReusedDecisionForgetsThePreviousCase) {
  const Bundled& b = Load();
  Decision decision;
  // Forwards, then backwards, so every case follows a different one.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < b.cases.size(); ++i) {
      const Case& c = b.cases[pass == 0 ? i : b.cases.size() - 1 - i];
      ASSERT_TRUE(Decide(b.law, c, OptionsOf(c), decision).ok()) << c.file();
      ExpectAgreement(b.law, c, decision);
    }
  }
}

TEST(DecideTest, RefusesAProposalThatIsNotLoaded) {
  const Bundled& b = Load();
  Decision decision;
  EvaluationOptions options;
  options.with = {"nl.no-such-bill"};
  auto decided = Decide(b.law, b.cases.front(), options, decision);
  ASSERT_FALSE(decided.ok());
  EXPECT_EQ(decided.errors().front().code, "E0301");
}

}  // namespace
}  // namespace ibsa
