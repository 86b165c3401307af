// Inputs that were accepted without a word or silently cut short (issue 15): the ruleset
// folder walk (item 4), YAML documents, tags, JSON commas, duplicate acts and dates (item 6).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;
using testing::CaseErrors;
using testing::CaseOf;

const fs::path kRoot = IBSA_SOURCE_DIR;
constexpr const char* kHead = "id: c1\njurisdiction: BE\ndate: 2025-03-14\n";

// A rulesets folder of links to the bundled one, to be bent by each test.
class RulesetFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("ibsa-folder-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    fs::copy_file(kRoot / "rulesets/facts.yaml", folder_ / "facts.yaml");
    auto vocabulary = Vocabulary::Load((folder_ / "facts.yaml").string());
    ASSERT_TRUE(vocabulary.ok());
    vocabulary_.emplace(std::move(vocabulary).value());
  }
  void TearDown() override { fs::remove_all(folder_); }
  void Link(const std::string& name, const fs::path& target) { fs::create_directory_symlink(target, folder_ / name); }
  Result<Law> Load() { return Law::Load(folder_.string(), *vocabulary_); }
  static bool Has(const Law& law, const std::string& jurisdiction) {
    for (const auto& v : law.versions()) {
      if (v.jurisdiction == jurisdiction) return true;
    }
    return false;
  }

  fs::path folder_;
  std::optional<Vocabulary> vocabulary_;
};

// Before: std::filesystem's walk does not follow folder links, so a linked jurisdiction
// was dropped without a word and its cases were judged by EU law alone.
TEST_F(RulesetFolderTest, FolderLinksAreFollowed) {
  for (const char* j : {"be", "nl", "eu"}) Link(j, kRoot / "rulesets" / j);
  auto law = Load();
  ASSERT_TRUE(law.ok()) << FormatDiagnostics(law.errors());
  EXPECT_TRUE(Has(law.value(), "BE"));
  EXPECT_TRUE(Has(law.value(), "NL"));
  EXPECT_TRUE(Has(law.value(), "EU"));
}

TEST_F(RulesetFolderTest, ALinkLoopIsALocatedErrorNotAnEndlessWalk) {
  for (const char* j : {"be", "nl", "eu"}) Link(j, kRoot / "rulesets" / j);
  fs::create_directories(folder_ / "extra");
  Link("extra/again", folder_);
  auto law = Load();
  ASSERT_FALSE(law.ok());
  EXPECT_EQ(law.errors().front().code, "E0001");
  EXPECT_EQ(law.errors().front().location.file, (folder_ / "extra/again").string());
  EXPECT_NE(law.errors().front().message.find("loop"), std::string::npos) << law.errors().front().message;
}

TEST_F(RulesetFolderTest, ALinkThatLeadsNowhereIsALocatedError) {
  for (const char* j : {"be", "eu"}) Link(j, kRoot / "rulesets" / j);
  Link("nl", folder_ / "no-such-folder");
  auto law = Load();
  ASSERT_FALSE(law.ok());
  EXPECT_EQ(law.errors().front().code, "E0001");
  EXPECT_EQ(law.errors().front().location.file, (folder_ / "nl").string());
}

// A folder without a jurisdiction's rulesets answered a case of it with EU law alone.
TEST_F(RulesetFolderTest, AJurisdictionWithoutRulesetsIsAnError) {
  for (const char* j : {"be", "eu"}) Link(j, kRoot / "rulesets" / j);
  auto law = Load();
  ASSERT_FALSE(law.ok());
  EXPECT_EQ(law.errors().front().code, "E0206");
  EXPECT_EQ(law.errors().front().location.file, folder_.string());
  EXPECT_NE(law.errors().front().message.find("no ruleset of NL"), std::string::npos);
}

class AcceptedWithoutAWordTest : public ::testing::Test {
 protected:
  const Vocabulary vocabulary_ = testing::TestVocabulary();
};

TEST_F(AcceptedWithoutAWordTest, ASecondYamlDocumentIsRefused) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "---\nid: c2\njurisdiction: NL\ndate: 2025-03-14\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0008");
  EXPECT_EQ(errors[0].location.line, 4);
}

TEST_F(AcceptedWithoutAWordTest, YamlTagsAreRefused) {
  for (const char* tagged : {"victim: {age: !!str 15}\n", "victim: !person {age: 15}\n", "title: !x t\n"}) {
    const auto errors = CaseErrors(vocabulary_, std::string(kHead) + tagged);
    ASSERT_EQ(errors.size(), 1u) << tagged;
    EXPECT_EQ(errors[0].code, "E0008") << tagged;
    EXPECT_EQ(errors[0].location.line, 4) << tagged;
  }
  EXPECT_NE(CaseErrors(vocabulary_, std::string(kHead) + "title: !!str t\n")[0].message.find("'!!str'"),
            std::string::npos);
}

TEST_F(AcceptedWithoutAWordTest, AJsonCommaBeforeAClosingBracketIsRefused) {
  const auto errors = CaseErrors(
      vocabulary_, "{\"id\": \"c1\", \"jurisdiction\": \"BE\",\n \"date\": \"2025-03-14\", \"acts\": [\"share\",],\n}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0002");
  EXPECT_EQ(errors[0].location.line, 2);
  EXPECT_EQ(errors[0].location.column, 40);
  // Commas inside strings are text, and YAML files keep YAML's rules.
  CaseOf(vocabulary_, "{\"id\": \"a,]\", \"jurisdiction\": \"BE\", \"date\": \"2025-03-14\"}");
  CaseOf(vocabulary_, std::string(kHead) + "acts: [share,]\n");
}

TEST_F(AcceptedWithoutAWordTest, AnActListedTwiceOnOneDateIsRefused) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "acts:\n  - share\n  - {type: share, date: 2025-03-14}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0109");
  EXPECT_EQ(errors[0].location.line, 6);
  // The same act on two dates is two acts.
  CaseOf(vocabulary_, std::string(kHead) + "acts:\n  - share\n  - {type: share, date: 2025-04-01}\n");
}

TEST_F(AcceptedWithoutAWordTest, FactsDatedAfterTheAssessmentAreWarnedAbout) {
  const Law law = testing::LawOf(
      vocabulary_, {{"r.yaml", testing::Ruleset("be.x.2016", "2016-01-01", "",
                                                testing::RuleYaml("r", {"{fact: acts, has: share}"}),
                                                "in_force", "X", "BE")}});
  const Case c = CaseOf(vocabulary_,
                        "id: c1\njurisdiction: BE\ndate: 2025-03-14\nacts: [{type: share, date: 2099-01-01}]\n");
  EvaluationOptions options;
  options.assessed_on = Date::Parse("2026-11-21");
  auto evaluation = Evaluate(law, c, options);
  ASSERT_TRUE(evaluation.ok());
  ASSERT_EQ(evaluation.value().warnings.size(), 1u);
  const Diagnostic& w = evaluation.value().warnings[0];
  EXPECT_EQ(w.code, "W0001");
  EXPECT_EQ(w.severity, Severity::kWarning);
  EXPECT_EQ(w.location.line, 4);
  EXPECT_NE(w.message.find("2099-01-01"), std::string::npos) << w.message;
  options.assessed_on = Date::Parse("2025-01-01");
  const auto before = Evaluate(law, c, options);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before.value().warnings.size(), 2u);
  EXPECT_EQ(before.value().warnings[0].location.line, 3);  // the date of the facts
  EXPECT_NE(RenderJson(before.value(), law, Language::kEn).find("\"W0001\""), std::string::npos);
}

TEST_F(AcceptedWithoutAWordTest, AnAssessmentBeforeAllTheLawIsRefused) {
  const Law law = testing::LawOf(
      vocabulary_, {{"r.yaml", testing::Ruleset("be.x.2016", "2016-01-01", "",
                                                testing::RuleYaml("r", {"{fact: acts, has: share}"}),
                                                "in_force", "X", "BE")}});
  const Case c = CaseOf(vocabulary_, std::string(kHead));
  EvaluationOptions options;
  options.assessed_on = Date::Parse("1900-01-01");
  auto evaluation = Evaluate(law, c, options);
  ASSERT_FALSE(evaluation.ok());
  EXPECT_EQ(evaluation.errors()[0].code, "E0303");
  EXPECT_NE(evaluation.errors()[0].message.find("2016-01-01"), std::string::npos);
  options.assessed_on = Date::Parse("2016-01-01");
  EXPECT_TRUE(Evaluate(law, c, options).ok());
}

// Item 8: each error found its line by reading the file from the top, and all were
// reported: a 1 MiB case of unknown keys took minutes. Lines are indexed once, and after
// a hundred errors the rest are counted.
TEST_F(AcceptedWithoutAWordTest, ManyErrorsAreCountedNotAllShown) {
  std::string text = kHead;
  for (int i = 0; i < 1000; ++i) text += "k" + std::to_string(i) + ": 1\n";
  const auto errors = CaseErrors(vocabulary_, text);
  ASSERT_EQ(errors.size(), 101u);
  EXPECT_EQ(errors[99].code, "E0101");
  EXPECT_EQ(errors[99].location.line, 103);
  EXPECT_EQ(errors[99].excerpt, "k99: 1");
  EXPECT_EQ(errors[100].code, "E0009");
  EXPECT_NE(errors[100].message.find("1000 errors in this file; the first 100 are shown"), std::string::npos)
      << errors[100].message;
}

// Rules r0 and r1 read a fact; every later rule names the two before it (item 9). Judged
// anew at each reference, rule n judged rule 0 about fib(n) times: 60 such rules never
// finished evaluating or checking.
std::string SharedReferences(int n) {
  std::string rules;
  for (int i = 0; i < n; ++i) {
    rules += testing::RuleYaml("r" + std::to_string(i),
                               {i < 2 ? std::string("{fact: victim.real_person, is: true}")
                                      : "{any: [{rule: r" + std::to_string(i - 1) + "}, {rule: r" +
                                            std::to_string(i - 2) + "}]}"});
  }
  return testing::Ruleset("be.x.2016", "2016-01-01", "", rules);
}

TEST_F(AcceptedWithoutAWordTest, RulesNamedByManyOthersAreJudgedOnce) {
  const Law law = testing::LawOf(vocabulary_, {{"r.yaml", SharedReferences(60)}});
  // The fact is unknown, so every rule is possible and its missing facts are collected.
  const Case c = CaseOf(vocabulary_, std::string(kHead));
  EvaluationOptions options;
  options.explain = true;
  options.assessed_on = Date::Parse("2026-11-21");
  auto evaluation = Evaluate(law, c, options);
  ASSERT_TRUE(evaluation.ok());
  const Finding* last = testing::FindingFor(evaluation.value(), "r59");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->missing, std::vector<std::string>{"victim.real_person"});
  auto questions = NextQuestions(law, c, options);
  ASSERT_TRUE(questions.ok());
  // ibsa check's search for rules that can never apply judges them too.
  const Coverage coverage = MeasureCoverage(law, {});
  for (const auto& problem : CheckLaw(law, coverage)) EXPECT_NE(problem.code, "C003") << problem.message;
}

TEST_F(AcceptedWithoutAWordTest, ReferenceChainsDeeperThanSixtyFourRulesAreRefused) {
  std::string rules;
  for (int i = 0; i < 70; ++i) {
    rules += testing::RuleYaml("r" + std::to_string(i),
                               {i == 0 ? std::string("{fact: victim.real_person, is: true}")
                                       : "{rule: r" + std::to_string(i - 1) + "}"});
  }
  const auto errors = testing::LawErrors(vocabulary_, {{"r.yaml", testing::Ruleset("be.x.2016", "2016-01-01", "", rules)}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0207");
  EXPECT_NE(errors[0].message.find("rule 'r65'"), std::string::npos) << errors[0].message;
  EXPECT_GT(errors[0].location.line, 0);
}

// Item 13: case text could forge the output. YAML escapes passed the reader's check for
// control characters (it reads the bytes, and "\e" is two printable ones), so a title could
// clear the terminal or start a line "APPLIES art. 999"; Markdown reports passed raw HTML
// and javascript: links; the HTML report linked "<https://...>" in a title.
TEST_F(AcceptedWithoutAWordTest, CaseTextCannotHoldWhatAScreenWouldObey) {
  for (const char* title : {R"("\e[2J\e[Hcleared")", R"("ok\nAPPLIES  art. 999 Sw: forged")", R"("\x9b2J")",
                            R"("\u202Edesrever")", R"("a\u2028b")", R"("bell\a")"}) {
    const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "title: " + title + "\n");
    ASSERT_EQ(errors.size(), 1u) << title;
    EXPECT_EQ(errors[0].code, "E0002") << title;
    EXPECT_EQ(errors[0].location.line, 4) << title;
  }
  EXPECT_EQ(CaseErrors(vocabulary_, "id: \"x\\ry\"\njurisdiction: BE\ndate: 2025-03-14\n")[0].code, "E0002");
  // Plain text, accents and tabs stay text; a description may have several lines.
  CaseOf(vocabulary_, std::string(kHead) + "title: \"Sévère\\tcas\"\ndescription: |\n  one\n  two\n");
}

TEST_F(AcceptedWithoutAWordTest, ReportsShowCaseTextAsText) {
  const Law law = testing::LawOf(
      vocabulary_, {{"r.yaml", testing::Ruleset("be.x.2016", "2016-01-01", "",
                                                testing::RuleYaml("r", {"{fact: victim.real_person, is: true}"}))}});
  const Case c = CaseOf(vocabulary_,
                        "id: \"[x](javascript:alert(1))\"\ntitle: \"<img src=x onerror=alert(1)> "
                        "<https://evil.example/> # Heading [y](javascript:alert(2))\"\n"
                        "jurisdiction: BE\ndate: 2025-03-14\nvictim: {real_person: true}\n");
  auto evaluation = Evaluate(law, c, {});
  ASSERT_TRUE(evaluation.ok());
  const std::string markdown = RenderReport(evaluation.value(), law, c, {}, {}, Format::kMarkdown, Language::kEn);
  const std::string html = RenderReport(evaluation.value(), law, c, {}, {}, Format::kHtml, Language::kEn);
  EXPECT_FALSE(std::regex_search(markdown, std::regex(R"([^\\]<img)"))) << markdown;
  EXPECT_EQ(markdown.find("](javascript"), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("<https://evil"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\\<img src=x onerror=alert\\(1\\)\\>"), std::string::npos) << markdown;
  // The case sentence, a paragraph, not a heading (the id opens it).
  EXPECT_NE(markdown.find("\n\\[x\\]\\(javascript:alert\\(1\\)\\): \\<img"), std::string::npos) << markdown;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("href=\"https://evil"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;https://evil.example/&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find(": [x](javascript:alert(1))</title>"), std::string::npos) << html;
  // The rulesets' own links are still links.
  EXPECT_NE(html.find("<a href=\"https://www.ejustice.just.fgov.be/\">"), std::string::npos);
  EXPECT_EQ(html.find('\x0E'), std::string::npos);
  EXPECT_EQ(markdown.find('\x0E'), std::string::npos);
}

}  // namespace
}  // namespace ibsa
