// The rulesets shipped in rulesets/ load without error and meet the project's rules for
// legal content: every rule cites sources and says how certain it is.
#include <gtest/gtest.h>

#include <cctype>

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
  // The successor, the new Criminal Code, read in the statute: every offence has a level.
  const RulesetVersion* next = law_->VersionInForce("BE", "Sw", *Date::Parse("2026-04-08"), none);
  ASSERT_NE(next, nullptr);
  EXPECT_NE(next, v);
  ASSERT_TRUE(next->penalty_levels.has_value());
  for (const auto& rule : next->rules) {
    if (rule.kind == RuleKind::kOffence) {
      ASSERT_TRUE(rule.penalty.has_value()) << rule.id;
      EXPECT_TRUE(rule.penalty->level.has_value()) << rule.id;
    }
  }
}

// Book II art. 136 (non-consensual dissemination) is level 3, which Book I arts 36 and 52 make
// "more than 3 years to 5 years" of prison with an accessory fine of EUR 200 to 10,000; an
// (ex-)partner (art. 146) raises it to level 4, a victim under 16 (art. 143) to level 5.
TEST_F(BundledLawTest, DisseminationUnderTheNewCodeIsLevelThreeWithItsAggravations) {
  ASSERT_NE(law_, nullptr);
  const Rule* rule = law_->FindRule("be.sw.136");
  ASSERT_NE(rule, nullptr);
  ASSERT_TRUE(rule->penalty && rule->penalty->level);
  EXPECT_EQ(*rule->penalty->level, 3);
  ASSERT_TRUE(rule->penalty->prison_months);
  EXPECT_EQ(rule->penalty->prison_months->min, 36);
  EXPECT_TRUE(rule->penalty->prison_months->min_exclusive);
  EXPECT_EQ(rule->penalty->prison_months->max, 60);
  ASSERT_TRUE(rule->penalty->accessory_fine_eur);
  EXPECT_EQ(rule->penalty->accessory_fine_eur->max, 10000);
  auto level_of = [&](const std::string& article) -> int {
    for (const auto& a : rule->aggravations) {
      if (a.article == article && a.penalty && a.penalty->level) return *a.penalty->level;
    }
    return 0;
  };
  EXPECT_EQ(level_of("146"), 4);
  EXPECT_EQ(level_of("143"), 5);
  EXPECT_EQ(level_of("144"), 4);
}

}  // namespace
}  // namespace ibsa

namespace ibsa {
namespace {

// Book I art. 35: a minor tried as an adult gets the next lower level. Reports say so
// next to a level penalty where the perpetrator is a minor, and only there.
TEST_F(BundledLawTest, AMinorPerpetratorIsToldTheLevelDrops) {
  ASSERT_NE(law_, nullptr);
  auto render = [&](int perpetrator_age) {
    const std::string text =
        "id: c\njurisdiction: BE\ndate: 2026-11-20\n"
        "victim: {real_person: true, age: 16, consent_sharing: false}\n"
        "image: {technique: authentic, content: nudity, medium: image}\n"
        "acts: [share]\ndistribution: {only_to_victim: false}\n"
        "perpetrator: {age: " + std::to_string(perpetrator_age) + "}\n";
    auto c = Case::Parse(text, "c.yaml", law_->vocabulary());
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : FormatDiagnostics(c.errors()));
    auto e = Evaluate(*law_, c.value(), {});
    EXPECT_TRUE(e.ok());
    return RenderText(e.value(), *law_, Language::kFr);
  };
  const std::string minor = render(16);
  EXPECT_NE(minor.find("art. 136 C. pén."), std::string::npos) << minor;
  EXPECT_NE(minor.find("L'auteur était mineur au moment des faits"), std::string::npos) << minor;
  EXPECT_EQ(render(30).find("L'auteur était mineur au moment des faits"), std::string::npos);
}

// The notes a report prints once (the penalty levels, a minor perpetrator's penalty) cite
// each article with the instrument, in the abbreviation of the report's language
// ("art. 35 Sw.", "art. 35 C. pén.", "art. 35 Criminal Code"), as every other citation does.
TEST_F(BundledLawTest, TheOncePerReportNotesNameTheInstrumentInEachLanguage) {
  ASSERT_NE(law_, nullptr);
  int notes = 0;
  for (const auto& version : law_->versions()) {
    if (!version.penalty_levels) continue;
    for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
      const std::string& abbreviation = version.abbreviation.Get(language);
      ASSERT_FALSE(abbreviation.empty()) << version.id;
      for (const LocalizedText* text : {&version.penalty_levels->note, &version.penalty_levels->minor_perpetrator}) {
        const std::string& t = text->Get(language);
        ++notes;
        for (size_t at = t.find("art. "); at != std::string::npos; at = t.find("art. ", at + 1)) {
          size_t end = at + 5;
          while (end < t.size() && std::isdigit(static_cast<unsigned char>(t[end]))) ++end;
          EXPECT_EQ(t.compare(end, abbreviation.size() + 1, " " + abbreviation), 0)
              << version.id << " (" << LanguageCode(language) << "): '" << t.substr(at, 40) << "'";
        }
      }
    }
  }
  EXPECT_GT(notes, 0);
}

}  // namespace
}  // namespace ibsa
