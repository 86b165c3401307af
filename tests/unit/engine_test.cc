// The Engine: a law folder opened once; Assess gives each output what it needs, and
// Render gives the same bytes as the renderers called one by one.
#include "ibsa/engine.h"

#include <gtest/gtest.h>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;
const std::string kCase = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";

EngineOptions Options(HarmsUse harms) {
  EngineOptions options;
  options.rulesets = kRoot + "/rulesets";
  options.harms = harms;
  return options;
}

AssessOptions Assessing(Format format, EvaluationOptions evaluation = {}, bool next_questions = false) {
  AssessOptions options;
  options.evaluation = evaluation;
  options.format = format;
  options.next_questions = next_questions;
  return options;
}

TEST(FormatTest, EachNameParsesBackToItsFormat) {
  for (Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kHtml, Format::kCsv}) {
    EXPECT_EQ(ParseFormat(FormatName(f)), f);
  }
  EXPECT_EQ(ParseFormat("pdf"), std::nullopt);
}

TEST(EngineTest, TextAndJsonRankNoQuestionsUnaskedButListTheHarmsTheFactsMeet) {
  auto engine = Engine::Open(Options(HarmsUse::kIfDeclared));
  ASSERT_TRUE(engine.ok()) << FormatDiagnostics(engine.errors());
  ASSERT_NE(engine.value().harms(), nullptr);
  auto c = Case::Load(kCase, engine.value().law().vocabulary());
  auto a = engine.value().Assess(c.value(), Assessing(Format::kJson));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a.value().questions.has_value());
  EXPECT_FALSE(a.value().harms.empty());
  a = engine.value().Assess(c.value(), Assessing(Format::kText, {}, true));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value().questions.has_value());
  EXPECT_EQ(engine.value().Render(c.value(), a.value(), Format::kText, Language::kEn),
            RenderText(a.value().evaluation, engine.value().law(), Language::kEn, a.value().harms,
                       a.value().actions) +
                RenderQuestionsText(*a.value().questions, Language::kEn) +
                RenderProvenanceText(a.value().provenance, Language::kEn));
}

TEST(EngineTest, AnEngineWithoutHarmsListsNone) {
  auto engine = Engine::Open(Options(HarmsUse::kNone));
  ASSERT_TRUE(engine.ok()) << FormatDiagnostics(engine.errors());
  EXPECT_EQ(engine.value().harms(), nullptr);
  auto c = Case::Load(kCase, engine.value().law().vocabulary());
  auto a = engine.value().Assess(c.value(), Assessing(Format::kJson));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a.value().harms.empty());
}

TEST(EngineTest, AReportListsTheOpenQuestionsAndTheHarmsTheFactsMeet) {
  auto engine = Engine::Open(Options(HarmsUse::kIfDeclared));
  ASSERT_TRUE(engine.ok()) << FormatDiagnostics(engine.errors());
  ASSERT_NE(engine.value().harms(), nullptr);
  const Law& law = engine.value().law();
  auto c = Case::Load(kCase, law.vocabulary());
  EvaluationOptions options;
  options.assessed_on = *Date::Parse("2026-11-21");
  auto a = engine.value().Assess(c.value(), Assessing(Format::kHtml, options));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value().questions.has_value());
  EXPECT_FALSE(a.value().harms.empty());
  auto e = Evaluate(law, c.value(), options);
  auto q = NextQuestions(law, c.value(), options);
  const auto harms = HarmsOfCase(*engine.value().harms(), c.value(), e.value());
  ASSERT_NE(engine.value().actions(), nullptr);
  const auto actions = PlanActions(*engine.value().actions(), e.value(), c.value(), law.vocabulary());
  EXPECT_FALSE(actions.empty());
  EXPECT_EQ(engine.value().Render(c.value(), a.value(), Format::kHtml, Language::kFr),
            RenderReport(e.value(), law, c.value(), q.value(), harms, Format::kHtml, Language::kFr, actions,
                         &a.value().provenance));
}

TEST(EngineTest, EuLawIsTheLawThatAppliesAlongsideEachNationalOne) {
  auto engine = Engine::Open(Options(HarmsUse::kNone));
  ASSERT_TRUE(engine.ok());
  const Law& law = engine.value().law();
  EXPECT_TRUE(law.AppliesIn("EU", "BE"));
  EXPECT_TRUE(law.AppliesIn("EU", "NL"));
  EXPECT_TRUE(law.AppliesIn("NL", "NL"));
  EXPECT_FALSE(law.AppliesIn("NL", "BE"));
  EXPECT_FALSE(law.AppliesIn("BE", "NL"));
}

}  // namespace
}  // namespace ibsa
