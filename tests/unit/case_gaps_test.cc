// The legal gaps of a case walk: `evaluate` lists, in every format, the harms the case's facts
// meet that no settled offence covers. Each gap the research names is shown by one case and
// shown absent by another (the case files say why, with their sources).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;

const Engine& TheEngine() { return testing::BundledEngine(HarmsUse::kRequired); }

struct Walk {
  Case c;
  Assessment assessment;
};

Walk Assess(const std::string& file, Format format) {
  auto c = Case::Load(kRoot + "/cases/" + file, TheEngine().law().vocabulary());
  if (!c.ok()) throw std::runtime_error(FormatDiagnostics(c.errors()));
  EvaluationOptions options;
  options.assessed_on = *Date::Parse("2027-06-01");  // after every case's date
  auto a = TheEngine().Assess(c.value(), {options, format, false});
  if (!a.ok()) throw std::runtime_error(FormatDiagnostics(a.errors()));
  return {std::move(c).value(), std::move(a).value()};
}

// harm id -> status, as the JSON (and so the API) says it.
std::map<std::string, std::string> JsonGaps(const std::string& file, Language language = Language::kEn) {
  const Walk walk = Assess(file, Format::kJson);
  const auto json = nlohmann::json::parse(TheEngine().Render(walk.c, walk.assessment, Format::kJson, language));
  std::map<std::string, std::string> gaps;
  for (const auto& g : json.at("gaps")) gaps[g.at("harm")] = g.at("status");
  return gaps;
}

struct Expected {
  const char* file;
  const char* harm;
  const char* status;  // nullptr: the harm is no gap of this case
};

void PrintTo(const Expected& e, std::ostream* os) { *os << e.file << " " << e.harm; }

class CaseGapsTest : public ::testing::TestWithParam<Expected> {};

TEST_P(CaseGapsTest, JsonListsTheGapTheResearchNames) {
  const Expected& e = GetParam();
  const auto gaps = JsonGaps(e.file);
  const auto it = gaps.find(e.harm);
  if (e.status == nullptr) {
    EXPECT_EQ(it, gaps.end()) << e.file << " lists " << e.harm << " as " << it->second;
  } else {
    ASSERT_NE(it, gaps.end()) << e.file << " does not list " << e.harm;
    EXPECT_EQ(it->second, e.status) << e.file;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Research, CaseGapsTest,
    ::testing::Values(
        // The IGVM report's gap (s. 5.3): an adult's fully generated look-alike, made and kept.
        Expected{"be/2022/igvm-adult-synthetic-lookalike-made-and-kept.yaml", "harm.depiction-created", "not_covered"},
        Expected{"be/2022/igvm-adult-synthetic-lookalike-made-and-kept.yaml", "harm.depiction-kept", "not_covered"},
        // Shared, the same image is an offence: no gap.
        Expected{"be/2022/s05-face-swap-shared-in-group.yaml", "harm.depiction-shared", nullptr},
        // Voice only: outside 254ba in NL (a visual depiction), inside 417/9 in BE (audio content).
        Expected{"nl/p2-2024-onwards/nl-p2-s19c-voice-clone-shared-no-claim.yaml", "harm.voice-only-shared", "not_covered"},
        Expected{"be/2022/voice-only-recording-shared.yaml", "harm.voice-only-shared", nullptr},
        // Not realistic, apparently a minor: the deliberate limit of HR 2013 (BY9719); a realistic one is CSAM.
        Expected{"be/2022/s19-non-realistic-cartoon-childlike-character.yaml", "harm.non-realistic-minor-depiction", "not_covered"},
        Expected{"nl/p2-2024-onwards/nl-p2-s13-cartoon-minor-character.yaml", "harm.non-realistic-minor-depiction", "contested_only"},
        Expected{"be/2022/s16-realistic-synthetic-non-existent-child.yaml", "harm.non-realistic-minor-depiction", nullptr},
        // More images demanded: only a contested reading of extortion (2022); money demanded is extortion.
        Expected{"be/2022/c22-images-demand-met.yaml", "harm.images-demanded", "contested_only"},
        Expected{"be/2026/d26-03-sextortion-money.yaml", "harm.images-demanded", nullptr},
        // The provider of an app made for it: no national offence; a general generator is not such an app.
        Expected{"be/2022/c22-s21-undress-app-provider.yaml", "harm.tool-offered", "not_covered"},
        Expected{"eu/eu-11-general-generator-with-safeguards.yaml", "harm.tool-offered", nullptr}));

TEST(CaseGapsTest, TextJsonAndTheReportsListTheSameGaps) {
  const std::string file = "be/2022/igvm-adult-synthetic-lookalike-made-and-kept.yaml";
  const auto gaps = JsonGaps(file);
  ASSERT_EQ(gaps.size(), 2u);
  for (Format format : {Format::kText, Format::kMarkdown}) {
    const Walk walk = Assess(file, format);
    const std::string out = TheEngine().Render(walk.c, walk.assessment, format, Language::kEn);
    for (const auto& h : TheEngine().harms()->harms()) {
      const bool listed = out.find(h.label.Get(Language::kEn) + (format == Format::kText ? " [" : ":")) !=
                          std::string::npos;
      EXPECT_EQ(listed, gaps.count(h.id) == 1) << FormatName(format) << " " << h.id;
    }
  }
}

TEST(CaseGapsTest, AGapSaysWhyInTheUsersLanguageAndCitesItsSources) {
  const Walk walk = Assess("be/2022/c22-images-demand-met.yaml", Format::kJson);
  const auto json =
      nlohmann::json::parse(TheEngine().Render(walk.c, walk.assessment, Format::kJson, Language::kFr));
  const auto gap = std::find_if(json.at("gaps").begin(), json.at("gaps").end(),
                                [](const auto& g) { return g.at("harm") == "harm.images-demanded"; });
  ASSERT_NE(gap, json.at("gaps").end());
  EXPECT_EQ(gap->at("label"), "Menace de diffusion pour obtenir davantage d'images sexuelles");
  EXPECT_NE(gap->at("reason").get<std::string>().find("contestée"), std::string::npos);
  ASSERT_FALSE(gap->at("readings").empty());
  for (const auto& r : gap->at("readings")) {
    EXPECT_TRUE(r.at("certainty") == "contested" || r.at("certainty") == "unverified") << r;
  }
  EXPECT_EQ(gap->at("sources").at(0).at("url"), "https://eur-lex.europa.eu/eli/dir/2024/1385/oj");
}

}  // namespace
}  // namespace ibsa
