// A law loaded from its compiled snapshot is the law loaded from YAML: the same
// findings, texts, locations and check results for every case of the suite. A stale
// or damaged snapshot is refused, never used, and never crashes the reader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"
#include "ibsa/limitation.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = IBSA_SOURCE_DIR;

// A fresh folder per test (tests run in parallel processes).
fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("ibsa-snapshot-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteAll(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The case's findings in every language, and its legal gaps from `harms`.
std::string Everything(const Law& law, const Harms& harms, const Case& c) {
  EvaluationOptions options;
  options.explain = true;
  options.assessed_on = *Date::Parse("2026-11-21");
  if (c.expectations()) {
    options.with = c.expectations()->with;
    options.as_of = c.expectations()->as_of;
  }
  auto e = Evaluate(law, c, options);
  if (!e.ok()) return FormatDiagnostics(e.errors());
  const auto case_harms = HarmsOfCase(harms, c, e.value());
  return RenderJson(e.value(), law, Language::kEn, nullptr, case_harms) +
         RenderText(e.value(), law, Language::kNl, case_harms) + RenderText(e.value(), law, Language::kFr, case_harms) +
         RenderText(e.value(), law, Language::kEn, case_harms);
}

TEST(SnapshotTest, GivesTheSameResultsAsTheYamlForEveryCase) {
  const fs::path dir = TempDir("same");
  const std::string rulesets = kRoot + "/rulesets";
  auto compiled = CompileSnapshot(rulesets, (dir / "law.bin").string());
  ASSERT_TRUE(compiled.ok()) << FormatDiagnostics(compiled.errors());
  auto compiled_read = LoadSnapshot((dir / "law.bin").string(), rulesets);
  ASSERT_TRUE(compiled_read.ok()) << FormatDiagnostics(compiled_read.errors());
  Result<Law> from_snapshot = std::move(compiled_read.value().law);
  auto vocabulary = Vocabulary::Load(rulesets + "/facts.yaml");
  auto from_yaml = Law::Load(rulesets, vocabulary.value());
  ASSERT_TRUE(from_yaml.ok());
  // The limitation periods come with the law from the snapshot, and from their YAML as
  // Engine::Open reads them: every offence finding says its time bar.
  ASSERT_NE(from_snapshot.value().limitation(), nullptr);
  auto limitation = LimitationRules::Load(rulesets, from_yaml.value());
  ASSERT_TRUE(limitation.ok()) << FormatDiagnostics(limitation.errors());
  from_yaml.value().set_limitation(std::make_shared<const LimitationRules>(std::move(limitation).value()));
  // The harms come with the law: every evaluation lists the case's gaps from them.
  ASSERT_TRUE(compiled_read.value().harms.has_value());
  const Harms& harms_b = *compiled_read.value().harms;
  auto harms_yaml = Harms::Load(rulesets + "/harms.yaml", from_yaml.value());
  ASSERT_TRUE(harms_yaml.ok());
  const Harms& harms_a = harms_yaml.value();
  ASSERT_EQ(harms_b.harms().size(), harms_a.harms().size());
  // Which law answered is said in every output: the same fingerprint either way.
  ASSERT_NE(from_snapshot.value().source(), nullptr);
  auto fingerprint = LawFingerprint(rulesets);
  ASSERT_TRUE(fingerprint.ok());
  EXPECT_EQ(from_snapshot.value().source()->fingerprint, fingerprint.value());
  EXPECT_EQ(from_snapshot.value().source()->snapshot, (dir / "law.bin").string());
  from_yaml.value().set_source(*from_snapshot.value().source());
  const Law& a = from_yaml.value();
  const Law& b = from_snapshot.value();
  ASSERT_EQ(b.vocabulary().size(), a.vocabulary().size());
  for (int slot = 0; slot < a.vocabulary().size(); ++slot) {
    const FactDefinition& x = a.vocabulary().fact(slot);
    const FactDefinition& y = b.vocabulary().fact(slot);
    EXPECT_EQ(y.name, x.name);
    EXPECT_EQ(y.type, x.type);
    EXPECT_EQ(y.values, x.values);
    ASSERT_EQ(y.value_labels.size(), x.value_labels.size());
    for (size_t i = 0; i < x.value_labels.size(); ++i) EXPECT_EQ(y.value_labels[i].fr, x.value_labels[i].fr);
    EXPECT_EQ(y.min, x.min);
    EXPECT_EQ(y.max, x.max);
    EXPECT_EQ(y.label.en + y.label.nl + y.label.fr, x.label.en + x.label.nl + x.label.fr);
    EXPECT_EQ(y.question.en + y.question.nl + y.question.fr, x.question.en + x.question.nl + x.question.fr);
    EXPECT_EQ(y.derived, x.derived);
    EXPECT_EQ(y.sensitivity, x.sensitivity) << x.name;
    EXPECT_EQ(y.location.line, x.location.line);
  }

  const auto files = testing::BundledCaseFiles();
  ASSERT_GT(files.size(), testing::Sampled(200));
  for (const auto& file : files) {
    auto case_a = Case::Load(file, a.vocabulary());
    auto case_b = Case::Load(file, b.vocabulary());
    ASSERT_TRUE(case_a.ok() && case_b.ok()) << file;
    EXPECT_EQ(Everything(a, harms_a, case_a.value()), Everything(b, harms_b, case_b.value())) << file;
  }
  const Coverage coverage_a = MeasureCoverage(a, files);
  const Coverage coverage_b = MeasureCoverage(b, files);
  EXPECT_EQ(RenderCoverageMarkdown(coverage_a, kRoot), RenderCoverageMarkdown(coverage_b, kRoot));
  const auto problems_a = CheckLaw(a, coverage_a);
  const auto problems_b = CheckLaw(b, coverage_b);
  ASSERT_EQ(problems_a.size(), problems_b.size());
  for (size_t i = 0; i < problems_a.size(); ++i) EXPECT_EQ(problems_a[i].message, problems_b[i].message);
  fs::remove_all(dir);
}

TEST(SnapshotTest, NamesFilesUnderTheFolderItIsLoadedFor) {
  const fs::path dir = TempDir("moved");
  fs::copy(kRoot + "/rulesets", dir / "copy", fs::copy_options::recursive);
  ASSERT_TRUE(CompileSnapshot(kRoot + "/rulesets", (dir / "law.bin").string()).ok());
  auto compiled = LoadSnapshot((dir / "law.bin").string(), (dir / "copy").string());
  ASSERT_TRUE(compiled.ok()) << FormatDiagnostics(compiled.errors());
  EXPECT_EQ(compiled.value().law.versions().front().file.rfind((dir / "copy").string(), 0), 0u)
      << compiled.value().law.versions().front().file;
  ASSERT_TRUE(compiled.value().harms.has_value());
  EXPECT_EQ(compiled.value().harms->harms().front().location.file, (dir / "copy" / "harms.yaml").string());
  fs::remove_all(dir);
}

TEST(SnapshotTest, IsStaleOnceAnyRulesetFileChanges) {
  const fs::path dir = TempDir("stale");
  const fs::path rulesets = dir / "rulesets";
  fs::copy(kRoot + "/rulesets", rulesets, fs::copy_options::recursive);
  const std::string snapshot = (dir / "law.bin").string();
  ASSERT_TRUE(CompileSnapshot(rulesets.string(), snapshot).ok());
  ASSERT_TRUE(LoadSnapshot(snapshot, rulesets.string()).ok());

  const fs::path file = rulesets / "be" / "strafwetboek" / "2022-06-01.yaml";
  const std::string original = ReadAll(file);
  std::string edited = original;
  edited[edited.size() / 2] = edited[edited.size() / 2] == 'a' ? 'b' : 'a';  // same size
  WriteAll(file, edited);
  auto changed = LoadSnapshot(snapshot, rulesets.string());
  ASSERT_FALSE(changed.ok());
  EXPECT_NE(changed.errors().front().message.find("stale"), std::string::npos);
  WriteAll(file, original);
  ASSERT_TRUE(LoadSnapshot(snapshot, rulesets.string()).ok());

  // The harms are in the snapshot: editing, removing or adding harms.yaml makes it stale.
  const fs::path harms = rulesets / "harms.yaml";
  const std::string harms_text = ReadAll(harms);
  WriteAll(harms, harms_text + "# a comment changes no harm, but the file\n");
  auto harms_changed = LoadSnapshot(snapshot, rulesets.string());
  ASSERT_FALSE(harms_changed.ok());
  EXPECT_EQ(harms_changed.errors().front().message, "snapshot not used: stale: harms.yaml has changed");
  fs::remove(harms);
  EXPECT_FALSE(LoadSnapshot(snapshot, rulesets.string()).ok()) << "harms.yaml removed";
  WriteAll(harms, harms_text);
  ASSERT_TRUE(LoadSnapshot(snapshot, rulesets.string()).ok());
  fs::rename(harms, dir / "harms.yaml");
  const std::string without = (dir / "without.bin").string();
  ASSERT_TRUE(CompileSnapshot(rulesets.string(), without).ok());
  auto no_harms = LoadSnapshot(without, rulesets.string());
  ASSERT_TRUE(no_harms.ok());
  EXPECT_FALSE(no_harms.value().harms.has_value()) << "a folder without harms.yaml has none";
  fs::rename(dir / "harms.yaml", harms);
  EXPECT_FALSE(LoadSnapshot(without, rulesets.string()).ok()) << "harms.yaml added";

  // The limitation periods, the actions and the letters are in the snapshot, and the law's fingerprint
  // covers them: two outputs with one fingerprint had the same law. So does it every other
  // YAML file, which the law's SHA-256 the snapshot records covers (provenance.h).
  ASSERT_TRUE(LoadSnapshot(snapshot, rulesets.string()).ok());
  const auto fingerprint = LawFingerprint(rulesets.string());
  ASSERT_TRUE(fingerprint.ok());
  // (A limitation.yaml below a jurisdiction's folder is neither a ruleset nor its limitation file.)
  fs::create_directories(rulesets / "be" / "notes");
  WriteAll(rulesets / "be" / "notes" / "limitation.yaml", "# not read by ibsa\n");
  EXPECT_NE(LawFingerprint(rulesets.string()).value(), fingerprint.value()) << "another YAML file added";
  EXPECT_FALSE(LoadSnapshot(snapshot, rulesets.string()).ok()) << "another YAML file added";
  fs::remove_all(rulesets / "be" / "notes");
  for (const fs::path& beside :
       {rulesets / "nl" / "limitation.yaml", rulesets / "actions.yaml", rulesets / "letters.yaml"}) {
    const std::string text = ReadAll(beside);
    WriteAll(beside, text + "# a comment\n");
    EXPECT_NE(LawFingerprint(rulesets.string()).value(), fingerprint.value()) << beside;
    EXPECT_FALSE(LoadSnapshot(snapshot, rulesets.string()).ok()) << beside;
    WriteAll(beside, text);
  }
  ASSERT_TRUE(LoadSnapshot(snapshot, rulesets.string()).ok());

  WriteAll(rulesets / "be" / "extra.yaml", "format: ibsa.ruleset/1\n");
  EXPECT_FALSE(LoadSnapshot(snapshot, rulesets.string()).ok());
  fs::remove(rulesets / "be" / "extra.yaml");
  fs::remove(rulesets / "facts.yaml");
  EXPECT_FALSE(LoadSnapshot(snapshot, rulesets.string()).ok());
  fs::remove_all(dir);
}

TEST(SnapshotTest, RefusesDamagedOrForeignFilesWithoutCrashing) {
  const fs::path dir = TempDir("damaged");
  const std::string rulesets = kRoot + "/rulesets";
  const fs::path snapshot = dir / "law.bin";
  ASSERT_TRUE(CompileSnapshot(rulesets, snapshot.string()).ok());
  const std::string good = ReadAll(snapshot);
  const fs::path bad = dir / "bad.bin";
  // Truncated at many points, and with single bytes changed.
  for (size_t cut = 0; cut < good.size(); cut += good.size() / 97 + 1) {
    WriteAll(bad, good.substr(0, cut));
    EXPECT_FALSE(LoadSnapshot(bad.string(), rulesets).ok()) << "cut at " << cut;
  }
  for (size_t at = 8; at < good.size(); at += good.size() / 53 + 1) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
    WriteAll(bad, flipped);
    EXPECT_FALSE(LoadSnapshot(bad.string(), rulesets).ok()) << "byte " << at;
  }
  WriteAll(bad, "format: ibsa.ruleset/1\n");
  auto foreign = LoadSnapshot(bad.string(), rulesets);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.errors().front().message.find("not an ibsa snapshot"), std::string::npos);
  EXPECT_FALSE(LoadSnapshot((dir / "missing.bin").string(), rulesets).ok());
  fs::remove_all(dir);
}

TEST(SnapshotTest, IsNotWrittenWhenTheRulesetsHaveErrors) {
  const fs::path dir = TempDir("errors");
  const fs::path rulesets = dir / "rulesets";
  fs::copy(kRoot + "/rulesets", rulesets, fs::copy_options::recursive);
  WriteAll(rulesets / "be" / "broken.yaml", "format: ibsa.ruleset/1\nid: [\n");
  auto compiled = CompileSnapshot(rulesets.string(), (dir / "law.bin").string());
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.errors().front().code, "E0002");
  EXPECT_FALSE(fs::exists(dir / "law.bin"));
  fs::remove_all(dir);
}

TEST(SnapshotTest, IsNotWrittenWhenTheHarmsHaveErrors) {
  const fs::path dir = TempDir("harm-errors");
  const fs::path rulesets = dir / "rulesets";
  fs::copy(kRoot + "/rulesets", rulesets, fs::copy_options::recursive);
  WriteAll(rulesets / "harms.yaml", "format: ibsa.harms/1\nharms:\n  - {id: x, kind: harm, label: {nl: X, fr: X, en: X},\n"
                                    "     when: {rule: no.such.rule}, sources: [{title: T, url: https://example.org/}]}\n");
  auto compiled = CompileSnapshot(rulesets.string(), (dir / "law.bin").string());
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.errors().front().code, "E0201");
  EXPECT_EQ(compiled.errors().front().location.file, (rulesets / "harms.yaml").string());
  EXPECT_FALSE(fs::exists(dir / "law.bin"));
  fs::remove_all(dir);
}

// The limitation periods, the actions and the letters are compiled too: their errors are the
// loaders', located, and no snapshot is written.
TEST(SnapshotTest, IsNotWrittenWhenTheLimitationPeriodsTheActionsOrTheLettersHaveErrors) {
  const fs::path dir = TempDir("beside-errors");
  const fs::path rulesets = dir / "rulesets";
  fs::copy(kRoot + "/rulesets", rulesets, fs::copy_options::recursive);
  for (const fs::path& file :
       {rulesets / "nl" / "limitation.yaml", rulesets / "actions.yaml", rulesets / "letters.yaml"}) {
    const std::string text = ReadAll(file);
    WriteAll(file, text + "\nunknown_key: 1\n");  // (letters.yaml ends without a newline)
    auto compiled = CompileSnapshot(rulesets.string(), (dir / "law.bin").string());
    ASSERT_FALSE(compiled.ok()) << file;
    EXPECT_EQ(compiled.errors().front().location.file, file.string());
    EXPECT_GT(compiled.errors().front().location.line, 0);
    EXPECT_FALSE(fs::exists(dir / "law.bin")) << file;
    WriteAll(file, text);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ibsa
