// A case's `expect: gaps:` lists every legal gap its evaluation reports (harm and status, as
// JSON gaps[] says them): `ibsa test` fails a case whose reported gaps differ (one missing,
// one not expected, another status), names an unknown harm or status with the allowed ones,
// and an empty list means "no gap".
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = IBSA_SOURCE_DIR;

const Engine& TheEngine() { return testing::BundledEngine(HarmsUse::kRequired); }

// The IGVM look-alike case (two gaps: harm.depiction-created and harm.depiction-kept, both
// not_covered), with its own `gaps:` replaced by `gaps`.
std::string LookAlikeWith(const std::string& gaps) {
  std::ifstream in(kRoot + "/cases/be/2022/igvm-adult-synthetic-lookalike-made-and-kept.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const size_t own = s.find("\n  # The gaps");
  EXPECT_NE(own, std::string::npos) << "the case no longer states its gaps";
  return s.substr(0, own + 1) + gaps;
}

CaseReport RunCase(const std::string& text, bool with_harms = true) {
  const fs::path file = fs::temp_directory_path() / ("ibsa-expected-gaps-" + std::to_string(getpid()) + ".yaml");
  std::ofstream(file) << text;
  SuiteReport report = RunSuite(TheEngine().law(), {file.string()}, {}, with_harms ? TheEngine().harms() : nullptr);
  fs::remove(file);
  EXPECT_EQ(report.cases.size(), 1u);
  return report.cases.front();
}

std::string Failures(const CaseReport& report) {
  std::string out;
  for (const auto& f : report.failures) out += f + "\n";
  return out + FormatDiagnostics(report.errors);
}

TEST(ExpectedGapsTest, TheCaseAsWrittenPasses) {
  const CaseReport report = RunCase(LookAlikeWith(
      "  gaps:\n    - {harm: harm.depiction-kept, status: not_covered}\n"
      "    - {harm: harm.depiction-created, status: not_covered}\n"));
  EXPECT_TRUE(report.passed()) << Failures(report);
}

TEST(ExpectedGapsTest, AReportedGapNotListedFails) {
  const CaseReport report = RunCase(LookAlikeWith("  gaps:\n    - {harm: harm.depiction-created, status: not_covered}\n"));
  ASSERT_EQ(report.failures.size(), 1u) << Failures(report);
  EXPECT_NE(report.failures[0].find(":44:5: unexpected gap 'harm.depiction-kept' (not_covered): the evaluation "
                                    "reports it, expect.gaps does not list it"),
            std::string::npos)
      << report.failures[0];
}

TEST(ExpectedGapsTest, AListedGapNotReportedFails) {
  const CaseReport report = RunCase(LookAlikeWith(
      "  gaps:\n    - {harm: harm.depiction-created, status: not_covered}\n"
      "    - {harm: harm.depiction-kept, status: not_covered}\n    - {harm: harm.tool-offered, status: not_covered}\n"));
  ASSERT_EQ(report.failures.size(), 1u) << Failures(report);
  EXPECT_NE(report.failures[0].find(":46:7: expected gap 'harm.tool-offered' (not_covered), but it is missing"),
            std::string::npos)
      << report.failures[0];
}

TEST(ExpectedGapsTest, AnotherStatusFails) {
  const CaseReport report = RunCase(LookAlikeWith(
      "  gaps:\n    - {harm: harm.depiction-created, status: contested_only}\n"
      "    - {harm: harm.depiction-kept, status: not_covered}\n"));
  ASSERT_EQ(report.failures.size(), 1u) << Failures(report);
  EXPECT_NE(report.failures[0].find("expected gap 'harm.depiction-created' to be contested_only, but it is "
                                    "not_covered"),
            std::string::npos)
      << report.failures[0];
}

TEST(ExpectedGapsTest, AnEmptyListMeansNoGap) {
  const CaseReport listed = RunCase(LookAlikeWith("  gaps: []\n"));
  EXPECT_EQ(listed.failures.size(), 2u) << Failures(listed);
  // A case without gaps passes with an empty list.
  std::ifstream in(kRoot + "/cases/be/2022/voice-only-recording-shared.yaml");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_NE(text.str().find("  gaps: []\n"), std::string::npos);
  const CaseReport none = RunCase(text.str());
  EXPECT_TRUE(none.passed()) << Failures(none);
}

TEST(ExpectedGapsTest, AnUnknownHarmOrStatusIsNamedWithTheAllowedOnes) {
  const CaseReport report = RunCase(LookAlikeWith(
      "  gaps:\n    - {harm: harm.depiction-creatd, status: not_covered}\n"
      "    - {harm: harm.depiction-kept, status: uncovered}\n"));
  ASSERT_GE(report.failures.size(), 2u) << Failures(report);
  EXPECT_NE(report.failures[0].find(":44:7: expect.gaps names unknown harm 'harm.depiction-creatd' (did you mean "
                                    "'harm.depiction-created'?); the harms of harms.yaml are harm.depiction-created, "),
            std::string::npos)
      << report.failures[0];
  EXPECT_NE(report.failures[1].find(":45:7: expect.gaps gives harm 'harm.depiction-kept' the unknown status "
                                    "'uncovered'; a gap is not_covered, contested_only, possibly_covered"),
            std::string::npos)
      << report.failures[1];
}

TEST(ExpectedGapsTest, WithoutHarmsACaseThatStatesGapsFails) {
  const CaseReport report = RunCase(LookAlikeWith("  gaps: []\n"), /*with_harms=*/false);
  ASSERT_EQ(report.failures.size(), 1u) << Failures(report);
  EXPECT_NE(report.failures[0].find("expect.gaps needs the harms"), std::string::npos) << report.failures[0];
}

TEST(ExpectedGapsTest, AGapListOfTheWrongShapeIsACaseError) {
  auto c = Case::Parse(LookAlikeWith("  gaps: {harm: harm.depiction-kept}\n"), "case.yaml",
                       TheEngine().law().vocabulary());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.errors().front().code, "E0104");
  EXPECT_EQ(c.errors().front().location.line, 43);
  auto missing = Case::Parse(LookAlikeWith("  gaps:\n    - {harm: harm.depiction-kept}\n"), "case.yaml",
                             TheEngine().law().vocabulary());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.errors().front().message.find("status"), std::string::npos)
      << FormatDiagnostics(missing.errors());
}

}  // namespace
}  // namespace ibsa
