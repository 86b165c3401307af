#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ibsa/render.h"
#include "bundled_cases.h"
#include "test_law.h"

namespace ibsa {
namespace {

class RenderTest : public ::testing::Test {
 protected:
  RenderTest()
      : law_(testing::LawOf(vocabulary_, {{"v.yaml", testing::Ruleset("be.sw.1", "2020-01-01", "",
                                                                       testing::RuleYaml("r1", {"{fact: victim.real_person, is: true}", "{fact: acts, has: share}"}, "[share]"))}})),
        case_(testing::CaseOf(vocabulary_, "id: c1\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n")),
        evaluation_(std::move(Evaluate(law_, case_, {})).value()) {}
  const Vocabulary vocabulary_ = testing::TestVocabulary();
  const Law law_;
  const Case case_;
  const Evaluation evaluation_;
};

TEST_F(RenderTest, JsonCarriesTheDocumentedKeys) {
  const auto json = nlohmann::json::parse(RenderJson(evaluation_, law_, Language::kEn));
  EXPECT_EQ(json["format"], "ibsa.result/1");
  EXPECT_EQ(json["case"]["id"], "c1");
  ASSERT_EQ(json["findings"].size(), 1u);
  const auto& f = json["findings"][0];
  for (const char* key : {"rule", "kind", "status", "jurisdiction", "instrument", "article", "version",
                          "certainty", "elements", "missing", "penalty", "sources", "dates"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  EXPECT_EQ(f["status"], "possible");
  EXPECT_EQ(f["missing"], nlohmann::json::array({"victim.real_person"}));
  EXPECT_EQ(f["elements"][0]["status"], "unknown");
  EXPECT_EQ(f["elements"][1]["status"], "met");
  EXPECT_EQ(f["version"]["id"], "be.sw.1");
  EXPECT_EQ(f["penalty"]["prison_months"]["max"], 60);
  EXPECT_EQ(json["questions"][0]["fact"], "victim.real_person");
  EXPECT_EQ(json["questions"][0]["question"], "Does the person exist?");
}

TEST_F(RenderTest, TextStatesTheDisclaimerVersionAndQuestions) {
  const std::string text = RenderText(evaluation_, law_, Language::kEn);
  EXPECT_NE(text.find("not legal advice"), std::string::npos);
  EXPECT_NE(text.find("POSSIBLE  art. 1 Sw"), std::string::npos);
  EXPECT_NE(text.find("Version: be.sw.1, in force since 2020-01-01; for act share (2025-03-14)"),
            std::string::npos);
  EXPECT_NE(text.find("Does the person exist? [victim.real_person]"), std::string::npos);
  EXPECT_NE(text.find("prison 6 months to 5 years"), std::string::npos);
}

TEST(RenderVersionNoteTest, TheNoteOfAVersionAppliedIsShownOnce) {
  const Vocabulary vocabulary = testing::TestVocabulary();
  std::string ruleset = testing::Ruleset("be.sw.1", "2020-01-01", "",
                                         testing::RuleYaml("r1", {"{fact: acts, has: share}"}, "[share]") +
                                             testing::RuleYaml("r2", {"{fact: acts, has: share}"}, "[share]"));
  ruleset.replace(ruleset.find("status:"), 0, "note: {nl: \"Datum onzeker\", fr: \"Date incertaine\", en: \"Date uncertain\"}\n");
  const Law law = testing::LawOf(vocabulary, {{"v.yaml", ruleset}});
  const Case c = testing::CaseOf(vocabulary, "id: c1\njurisdiction: BE\ndate: 2025-03-14\nacts: [share]\n");
  const Evaluation e = std::move(Evaluate(law, c, {})).value();
  const std::string text = RenderText(e, law, Language::kEn);
  const auto first = text.find("Note (be.sw.1): Date uncertain");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(text.find("Note (be.sw.1)", first + 1), std::string::npos);
  const auto json = nlohmann::json::parse(RenderJson(e, law, Language::kFr));
  EXPECT_EQ(json["findings"][0]["version"]["note"], "Date incertaine");
}

TEST_F(RenderTest, TextSpeaksTheAskedLanguage) {
  EXPECT_NE(RenderText(evaluation_, law_, Language::kNl).find("geen juridisch advies"), std::string::npos);
  EXPECT_NE(RenderText(evaluation_, law_, Language::kNl).find("Bestaat de persoon?"), std::string::npos);
  EXPECT_NE(RenderText(evaluation_, law_, Language::kFr).find("pas un avis juridique"), std::string::npos);
}

TEST(DiagnosticTest, FormatsGnuStyleWithTheSpanUnderlined) {
  Diagnostic d{"E0102", {"case.yaml", 9, 3}, "unknown fact 'victim.agee'",
               {"did you mean 'victim.age'?"}, "  agee: 30", 4};
  EXPECT_EQ(FormatDiagnostic(d),
            "case.yaml:9:3: error[E0102]: unknown fact 'victim.agee'\n"
            " 9 |   agee: 30\n"
            "   |   ^^^^\n"
            "  = help: did you mean 'victim.age'?\n");
}

TEST(DiagnosticTest, LongLinesAreShownAsAWindowAroundTheColumn) {
  Diagnostic d{"E0002", {"case.yaml", 4, 2001}, "malformed YAML", {}, std::string(5000, '{'), 1};
  const std::string text = FormatDiagnostic(d);
  EXPECT_LT(text.size(), 400u);
  EXPECT_NE(text.find(" 4 | ...{{{"), std::string::npos);
  // The caret still points at the column: 3 for "...", then 60 characters before it.
  EXPECT_NE(text.find("\n   | " + std::string(63, ' ') + "^\n"), std::string::npos);
}

// Found by fuzzing: yaml-cpp may place an error past the end of the line it names, and
// the window then started beyond the line.
TEST(DiagnosticTest, AColumnPastTheEndOfTheLineIsShownAtItsEnd) {
  Diagnostic d{"E0002", {"case.yaml", 1, 1245}, "malformed YAML", {}, std::string(873, 'x'), 1};
  EXPECT_NE(FormatDiagnostic(d).find(" 1 | ..." + std::string(60, 'x') + "\n   | " +
                                     std::string(63, ' ') + "^\n"),
            std::string::npos);
  Diagnostic short_line{"E0002", {"case.yaml", 2, 40}, "malformed YAML", {}, "a: [", 1};
  EXPECT_NE(FormatDiagnostic(short_line).find(" 2 | a: [\n   |     ^\n"), std::string::npos);
}

TEST(DiagnosticTest, TheWindowDoesNotCutACharacterInTwo) {
  std::string line;
  for (int i = 0; i < 400; ++i) line += "\xc3\xa9";  // é, two bytes each
  // Column 402 is the second byte of a character: so are both edges of its window.
  Diagnostic d{"E0002", {"case.yaml", 1, 402}, "malformed YAML", {}, line, 1};
  const std::string text = FormatDiagnostic(d);
  const size_t bar = text.find(" | ...") + 6;
  EXPECT_EQ(static_cast<unsigned char>(text[bar]), 0xc3);
  const size_t end = text.find("...\n", bar);
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(text[end - 1]), 0xa9);
}

// The citation a lawyer copies: the article and its instrument's abbreviation, once. An
// article of another instrument than its ruleset's names its own ("486 Sv" in the Criminal
// Code's ruleset was cited "art. 486 Sv Sr").
TEST(CitationTest, AnArticleOfAnotherInstrumentKeepsItsOwnAbbreviationOnly) {
  const Law& law = testing::BundledEngine(HarmsUse::kNone).law();
  const RulesetVersion* sr = law.FindVersion("nl.sr.2026-01-01");
  ASSERT_NE(sr, nullptr);
  const Rule* under_12 = law.FindRule("nl.sr.ref-under-12");
  ASSERT_NE(under_12, nullptr);
  EXPECT_EQ(Citation(*under_12, *sr, Language::kNl), "art. 486 Sv");
  const Rule* removal = law.FindRule("be.gerw.584");
  const RulesetVersion* gerw = law.FindVersion("be.gerw.2020-07-01");
  ASSERT_NE(gerw, nullptr);
  ASSERT_NE(removal, nullptr);
  EXPECT_EQ(Citation(*removal, *gerw, Language::kFr), "art. 584, al. 5, 7°, al. 6 C. jud.");
}

}  // namespace
}  // namespace ibsa
