// The lawyer's report: self-contained HTML, the same content in Markdown, every section
// present, in each language.
#include <gtest/gtest.h>

#include <regex>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

struct Rendered {
  std::string markdown, html;
};

Rendered Render(const std::string& case_file, Language language) {
  const std::string root = IBSA_SOURCE_DIR;
  static const Vocabulary* vocabulary = new Vocabulary(Vocabulary::Load(root + "/rulesets/facts.yaml").value());
  static const Result<Law>* law = new Result<Law>(Law::Load(root + "/rulesets", *vocabulary));
  auto c = Case::Load(root + "/" + case_file, *vocabulary);
  EvaluationOptions options;
  options.assessed_on = *Date::Parse("2026-11-21");
  auto e = Evaluate(law->value(), c.value(), options);
  auto q = NextQuestions(law->value(), c.value(), options);
  static const Result<Harms>* harms = new Result<Harms>(Harms::Load(root + "/rulesets/harms.yaml", law->value()));
  const auto met = HarmsOfCase(harms->value(), c.value(), e.value());
  return {RenderReport(e.value(), law->value(), c.value(), q.value(), met, Format::kMarkdown, language),
          RenderReport(e.value(), law->value(), c.value(), q.value(), met, Format::kHtml, language)};
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportTest, HtmlIsOneSelfContainedPage) {
  const Rendered r = Render("tests/data/partial_classmate_app.yaml", Language::kFr);
  EXPECT_EQ(r.html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(r.html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_EQ(r.html.find("<script"), std::string::npos);
  EXPECT_EQ(r.html.find("<link"), std::string::npos);
  EXPECT_EQ(r.html.find("<img"), std::string::npos);
  EXPECT_EQ(r.html.find("@import"), std::string::npos);
  EXPECT_EQ(r.html.find("url("), std::string::npos);
  EXPECT_NE(r.html.find("@media print"), std::string::npos);
  // Only links to the sources, written out.
  EXPECT_EQ(Count(r.html, "<a href=\"http"), Count(r.html, "<a "));
}

TEST(ReportTest, MarkdownAndHtmlSayTheSame) {
  for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
    const Rendered r = Render("cases/demo/be-ex-partner-undress-posted.yaml", language);
    EXPECT_EQ(Count(r.markdown, "\n### "), Count(r.html, "<h3"));
    EXPECT_EQ(Count(r.markdown, "\n## "), Count(r.html, "<h2"));
    EXPECT_EQ(Count(r.markdown, "<https://"), Count(r.html, "<a href=\"https://"));
  }
}

TEST(ReportTest, EverySectionInEachLanguage) {
  const std::vector<std::pair<Language, std::vector<std::string>>> sections = {
      {Language::kEn, {"Facts as given", "Facts still unknown", "Law applied", "Offences",
                       "Questions still open", "Legal gaps", "Next steps and referrals", "not legal advice"}},
      {Language::kNl, {"Feiten zoals gegeven", "Nog onbekende feiten", "Toegepast recht", "Misdrijven",
                       "Open vragen", "Leemtes in het recht", "Volgende stappen", "geen juridisch advies"}},
      {Language::kFr, {"Faits tels que donnés", "Faits encore inconnus", "Droit appliqué", "Infractions",
                       "Questions encore ouvertes", "Lacunes du droit", "Prochaines étapes", "non un avis juridique"}},
  };
  for (const auto& [language, words] : sections) {
    const Rendered r = Render("tests/data/partial_classmate_app.yaml", language);
    for (const auto& word : words) EXPECT_NE(r.markdown.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace ibsa
