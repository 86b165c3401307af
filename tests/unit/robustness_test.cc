// Damaged input must give diagnostics, never a crash: every bundled case and ruleset is cut
// short at many points and has bytes replaced, and each result must be either a value or a
// non-empty list of located errors. Run under the sanitizers by ./test.sh.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Damaged(const std::string& text) {
  std::vector<std::string> variants;
  const size_t step = std::max<size_t>(1, text.size() / 40);
  for (size_t cut = 0; cut < text.size(); cut += step) variants.push_back(text.substr(0, cut));
  const std::string replacements = ":{}[]-#\"'\t\n&*!|>?,";
  for (size_t at = 0, i = 0; at < text.size(); at += step, ++i) {
    std::string mutated = text;
    mutated[at] = replacements[i % replacements.size()];
    variants.push_back(mutated);
  }
  return variants;
}

void ExpectLocatedErrorsIfNotOk(const std::vector<Diagnostic>& errors) {
  ASSERT_FALSE(errors.empty());
  for (const auto& e : errors) {
    EXPECT_FALSE(e.code.empty());
    EXPECT_FALSE(e.message.empty());
  }
}

const std::filesystem::path kRoot = IBSA_SOURCE_DIR;

TEST(RobustnessTest, DamagedCaseFilesGiveErrorsNotCrashes) {
  auto vocabulary = Vocabulary::Load((kRoot / "rulesets/facts.yaml").string());
  ASSERT_TRUE(vocabulary.ok());
  int files = 0;
  for (const auto& file : testing::BundledCaseFiles()) {
    ++files;
    for (const auto& text : Damaged(Slurp(file))) {
      auto c = Case::Parse(text, file, vocabulary.value());
      if (!c.ok()) ExpectLocatedErrorsIfNotOk(c.errors());
    }
  }
  EXPECT_GT(files, 10);
}

TEST(RobustnessTest, DamagedRulesetsGiveErrorsNotCrashes) {
  auto vocabulary = Vocabulary::Load((kRoot / "rulesets/facts.yaml").string());
  ASSERT_TRUE(vocabulary.ok());
  const auto path = kRoot / "rulesets/be/strafwetboek/2022-06-01.yaml";
  for (const auto& text : Damaged(Slurp(path))) {
    auto law = Law::FromTexts({{path.string(), text}}, vocabulary.value());
    if (!law.ok()) ExpectLocatedErrorsIfNotOk(law.errors());
  }
}

TEST(RobustnessTest, DamagedVocabulariesGiveErrorsNotCrashes) {
  for (const auto& text : Damaged(Slurp(kRoot / "rulesets/facts.yaml"))) {
    auto vocabulary = Vocabulary::Parse(text, "facts.yaml");
    if (!vocabulary.ok()) ExpectLocatedErrorsIfNotOk(vocabulary.errors());
  }
}

}  // namespace
}  // namespace ibsa
