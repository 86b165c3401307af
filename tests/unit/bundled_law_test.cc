// The rulesets shipped in rulesets/ load without error and meet the project's rules for
// legal content: every rule cites sources and says how certain it is.
#include <gtest/gtest.h>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

class BundledLawTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto vocabulary = Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
    ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
    auto law = Law::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets", vocabulary.value());
    ASSERT_TRUE(law.ok()) << FormatDiagnostics(law.errors());
    law_ = new Law(std::move(law).value());
  }
  static void TearDownTestSuite() { delete law_; }
  static Law* law_;
};

Law* BundledLawTest::law_ = nullptr;

TEST_F(BundledLawTest, EveryRuleCitesItsArticleSourcesAndCertainty) {
  ASSERT_NE(law_, nullptr);
  ASSERT_FALSE(law_->versions().empty());
  for (const auto& version : law_->versions()) {
    EXPECT_FALSE(version.sources.empty()) << version.id;
    for (const auto& rule : version.rules) {
      EXPECT_FALSE(rule.article.empty()) << rule.id;
      EXPECT_FALSE(rule.title.nl.empty() || rule.title.fr.empty() || rule.title.en.empty()) << rule.id;
      EXPECT_FALSE(rule.sources.empty()) << rule.id;
      if (rule.certainty != Certainty::kSettled) {
        EXPECT_FALSE(rule.certainty_reason.empty()) << rule.id;
      }
      if (rule.kind == RuleKind::kOffence) {
        EXPECT_TRUE(rule.penalty.has_value()) << rule.id;
      }
    }
  }
}

TEST_F(BundledLawTest, TheBelgianCodeOf2022CoversItsDates) {
  ASSERT_NE(law_, nullptr);
  const std::vector<std::string> none;
  const RulesetVersion* v = law_->VersionInForce("BE", "Sw", *Date::Parse("2022-06-01"), none);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->id, "be.sw.2022-06-01");
  EXPECT_EQ(law_->VersionInForce("BE", "Sw", *Date::Parse("2026-04-07"), none), v);
  // The successor, the new Criminal Code, is encoded with every rule unverified.
  const RulesetVersion* next = law_->VersionInForce("BE", "Sw", *Date::Parse("2026-04-08"), none);
  ASSERT_NE(next, nullptr);
  EXPECT_NE(next, v);
  for (const auto& rule : next->rules) {
    if (rule.kind == RuleKind::kOffence) {
      EXPECT_EQ(rule.certainty, Certainty::kUnverified) << rule.id;
    }
  }
}

}  // namespace
}  // namespace ibsa
