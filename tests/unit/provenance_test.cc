// The provenance every output ends with: hashes a person can recompute outside ibsa (the
// case file's bytes with sha256sum, the law folder with the one-liner of
// docs/json-format.md), and what Assess records of the versions and dates.
#include "ibsa/provenance.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;

const std::string kRoot = IBSA_SOURCE_DIR;
const std::string kCase = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";

// The law folder's hash as docs/json-format.md tells a reader to compute it (keep the two
// the same, character for character).
const std::string kLawOneLiner =
    "find -L . -type f \\( -name '*.yaml' -o -name '*.yml' \\) -printf '%P\\n' | LC_ALL=C sort | "
    "xargs -d '\\n' sha256sum | sha256sum";

// The first 64 characters a shell command prints (a digest as sha256sum prints it).
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[256];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out.substr(0, 64);
}

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

fs::path Scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("ibsa-provenance-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const Vocabulary& TheVocabulary() {
  static const Vocabulary* vocabulary = new Vocabulary(Vocabulary::Load(kRoot + "/rulesets/facts.yaml").value());
  return *vocabulary;
}

TEST(ProvenanceTest, TheCaseHashIsSha256sumOfTheFileAndChangesWithOneByte) {
  auto c = Case::Load(kCase, TheVocabulary());
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  EXPECT_EQ(c.value().sha256(), Shell("sha256sum " + Quoted(kCase)));

  // One byte changed near the end (a letter of the last line's text): another case hash,
  // again the file's own.
  std::string text = ReadText(kCase);
  const size_t last_letter = text.find_last_of("abcdefghijklmnopqrstuvwxyz");
  ASSERT_NE(last_letter, std::string::npos);
  text[last_letter] = text[last_letter] == 'e' ? 'a' : 'e';
  const fs::path changed = Scratch("case") / "changed.yaml";
  WriteText(changed.string(), text);
  auto d = Case::Load(changed.string(), TheVocabulary());
  ASSERT_TRUE(d.ok()) << FormatDiagnostics(d.errors());
  EXPECT_NE(d.value().sha256(), c.value().sha256());
  EXPECT_EQ(d.value().sha256(), Shell("sha256sum " + Quoted(changed.string())));

  // A case built in memory was not read from anything: no hash rather than a made-up one.
  EXPECT_EQ(CaseBuilder::From(c.value(), TheVocabulary()).Build().value().sha256(), "");
}

TEST(ProvenanceTest, TheLawHashIsWhatTheDocumentedOneLinerComputes) {
  const std::string folder = kRoot + "/rulesets";
  auto sha256 = LawSha256(folder);
  ASSERT_TRUE(sha256.ok()) << FormatDiagnostics(sha256.errors());
  EXPECT_EQ(sha256.value(), Shell("cd " + Quoted(folder) + " && " + kLawOneLiner));
  EXPECT_EQ(sha256.value().size(), 64u);

  // A copy of the law with one byte added to one ruleset: another hash, again the one-liner's.
  const fs::path copy = Scratch("law") / "rulesets";
  fs::copy(folder, copy, fs::copy_options::recursive);
  const fs::path ruleset = copy / "be" / "strafwetboek" / "2022-06-01.yaml";
  ASSERT_TRUE(fs::exists(ruleset));
  WriteText(ruleset.string(), ReadText(ruleset.string()) + "\n");
  auto changed = LawSha256(copy.string());
  ASSERT_TRUE(changed.ok()) << FormatDiagnostics(changed.errors());
  EXPECT_NE(changed.value(), sha256.value());
  EXPECT_EQ(changed.value(), Shell("cd " + Quoted(copy.string()) + " && " + kLawOneLiner));
}

TEST(ProvenanceTest, AssessRecordsTheLawTheVersionsTheDatesAndTheCase) {
  EngineOptions open;
  open.rulesets = kRoot + "/rulesets";
  auto engine = Engine::Open(open);
  ASSERT_TRUE(engine.ok()) << FormatDiagnostics(engine.errors());
  EXPECT_EQ(engine.value().law_sha256(), LawSha256(open.rulesets).value());
  auto c = Case::Load(kCase, engine.value().law().vocabulary());
  ASSERT_TRUE(c.ok());
  AssessOptions options;
  options.evaluation.assessed_on = *Date::Parse("2026-11-21");
  auto a = engine.value().Assess(c.value(), options);
  ASSERT_TRUE(a.ok()) << FormatDiagnostics(a.errors());
  const Provenance& p = a.value().provenance;
  EXPECT_EQ(p.version, Version());
  EXPECT_EQ(p.commit, GitCommit());
  EXPECT_EQ(p.law_sha256, engine.value().law_sha256());
  EXPECT_EQ(p.law_fingerprint, engine.value().law().source()->fingerprint);
  // The version applied to the acts of 2025, and the new Code lex mitior compares it with.
  EXPECT_NE(std::find(p.versions.begin(), p.versions.end(), "be.sw.2022-06-01"), p.versions.end());
  EXPECT_NE(std::find(p.versions.begin(), p.versions.end(), "be.sw.2026-04-08"), p.versions.end());
  EXPECT_TRUE(std::is_sorted(p.versions.begin(), p.versions.end()));
  EXPECT_EQ(p.facts_date, *Date::Parse("2025-03-14"));
  EXPECT_EQ(p.assessed_on, options.evaluation.assessed_on);
  EXPECT_EQ(p.as_of, std::nullopt);
  EXPECT_EQ(p.case_sha256, c.value().sha256());

  // Every format ends with it.
  const std::string text = engine.value().Render(c.value(), a.value(), Format::kText, Language::kEn);
  const std::string footer = text.substr(text.rfind("\nProvenance (to reproduce and check this output):\n"));
  EXPECT_NE(footer.find("  law sha256: " + p.law_sha256 + " (fingerprint " + p.law_fingerprint + ")\n"),
            std::string::npos);
  EXPECT_NE(footer.find("  assessed on: 2026-11-21\n  case sha256: " + p.case_sha256 + "\n"), std::string::npos);
  const auto json = nlohmann::json::parse(engine.value().Render(c.value(), a.value(), Format::kJson, Language::kEn));
  EXPECT_EQ(json["provenance"]["case_sha256"], p.case_sha256);
  EXPECT_EQ(json["provenance"]["law_sha256"], p.law_sha256);
  EXPECT_EQ(json["provenance"]["versions"], p.versions);
  EXPECT_EQ(json["provenance"]["assessed_on"], "2026-11-21");
  options.format = Format::kHtml;
  auto report = engine.value().Assess(c.value(), options);
  const std::string html = engine.value().Render(c.value(), report.value(), Format::kHtml, Language::kFr);
  const size_t small_print = html.rfind("<p class=\"provenance\">ibsa " + std::string(Version()));
  ASSERT_NE(small_print, std::string::npos);
  EXPECT_NE(html.find(" · sha256 de l'affaire " + p.case_sha256 + "</p>\n</body>", small_print), std::string::npos);
}

}  // namespace
}  // namespace ibsa
