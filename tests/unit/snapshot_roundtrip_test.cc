// The law read back from its compiled snapshot is the law read from the YAML, member by
// member (defaulted operator== on every struct the snapshot carries), and so are its harms,
// limitation periods, actions, letters and SHA-256: a field added to
// a struct but not written, or not read back, fails here. This replaces pinning the
// structs' sizes, which guarded the same mistake only when it changed a size, and only
// on one ABI. It reads the law's internals, so it is a binary of its own
// (tests/CMakeLists.txt).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "act/actions_data.h"
#include "base/access.h"
#include "ibsa/ibsa.h"
#include "ibsa/limitation.h"
#include "ibsa/provenance.h"
#include "letter/letters_data.h"
#include "limitation/limitation_data.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"
#include "sweep/harms_data.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;
using internal::DataOf;
using internal::LawData;
using internal::VocabularyData;

const std::string kRoot = IBSA_SOURCE_DIR;

TEST(SnapshotRoundTripTest, ReadsBackTheVeryLawTheYamlDescribes) {
  const fs::path dir = fs::temp_directory_path() / ("ibsa-roundtrip-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string rulesets = kRoot + "/rulesets";
  const std::string snapshot = (dir / "law.bin").string();
  ASSERT_TRUE(CompileSnapshot(rulesets, snapshot).ok());
  auto compiled = LoadSnapshot(snapshot, rulesets);
  fs::remove_all(dir);
  ASSERT_TRUE(compiled.ok()) << FormatDiagnostics(compiled.errors());
  Result<Law> from_snapshot = std::move(compiled.value().law);
  auto vocabulary = Vocabulary::Load(rulesets + "/facts.yaml");
  ASSERT_TRUE(vocabulary.ok());
  auto from_yaml = Law::Load(rulesets, vocabulary.value());
  ASSERT_TRUE(from_yaml.ok());

  const LawData& yaml = DataOf(from_yaml.value());
  const LawData& read = DataOf(from_snapshot.value());
  // Part by part first, so that a failure names where the two differ.
  const VocabularyData& yv = DataOf(yaml.vocabulary);
  const VocabularyData& rv = DataOf(read.vocabulary);
  ASSERT_EQ(rv.facts.size(), yv.facts.size());
  for (size_t i = 0; i < yv.facts.size(); ++i) EXPECT_TRUE(rv.facts[i] == yv.facts[i]) << yv.facts[i].name;
  EXPECT_EQ(rv.jurisdictions, yv.jurisdictions);
  EXPECT_EQ(rv.applies_alongside, yv.applies_alongside);
  EXPECT_TRUE(rv.jurisdiction_names == yv.jurisdiction_names);
  EXPECT_TRUE(rv.program == yv.program) << "the vocabulary's derivations";
  EXPECT_TRUE(rv == yv) << "the vocabulary";
  ASSERT_EQ(read.versions.size(), yaml.versions.size());
  for (size_t v = 0; v < yaml.versions.size(); ++v) {
    const RulesetVersion& y = yaml.versions[v];
    const RulesetVersion& r = read.versions[v];
    ASSERT_EQ(r.rules.size(), y.rules.size()) << y.id;
    for (size_t i = 0; i < y.rules.size(); ++i) EXPECT_TRUE(r.rules[i] == y.rules[i]) << y.rules[i].id;
    EXPECT_TRUE(r.penalty_levels == y.penalty_levels) << y.id;
    EXPECT_TRUE(r == y) << y.id;
  }
  EXPECT_TRUE(read.program == yaml.program) << "the rules' conditions";
  EXPECT_TRUE(read.rules == yaml.rules) << "the compiled rules";
  // And everything, including what IndexLaw derives from it and any member added later.
  EXPECT_TRUE(read == yaml);

  // The harms, read against that law.
  auto harms_yaml = Harms::Load(rulesets + "/harms.yaml", from_yaml.value());
  ASSERT_TRUE(harms_yaml.ok());
  ASSERT_TRUE(compiled.value().harms.has_value());
  const internal::HarmsData& yh = DataOf(harms_yaml.value());
  const internal::HarmsData& rh = DataOf(*compiled.value().harms);
  ASSERT_EQ(rh.harms.size(), yh.harms.size());
  for (size_t i = 0; i < yh.harms.size(); ++i) EXPECT_TRUE(rh.harms[i] == yh.harms[i]) << yh.harms[i].id;
  EXPECT_TRUE(rh.program == yh.program) << "the harms' conditions";
  EXPECT_EQ(rh.roots, yh.roots);
  EXPECT_EQ(rh.rule_ids, yh.rule_ids);
  EXPECT_TRUE(rh == yh);

  // The limitation periods, read against that law.
  auto limitation_yaml = LimitationRules::Load(rulesets, from_yaml.value());
  ASSERT_TRUE(limitation_yaml.ok()) << FormatDiagnostics(limitation_yaml.errors());
  ASSERT_NE(from_snapshot.value().limitation(), nullptr);
  const internal::LimitationData& yl = DataOf(limitation_yaml.value());
  const internal::LimitationData& rl = DataOf(*from_snapshot.value().limitation());
  ASSERT_EQ(rl.jurisdictions.size(), yl.jurisdictions.size());
  for (size_t i = 0; i < yl.jurisdictions.size(); ++i) {
    const auto& y = yl.jurisdictions[i];
    const auto& r = rl.jurisdictions[i];
    ASSERT_EQ(r.regimes.size(), y.regimes.size()) << y.jurisdiction;
    for (size_t k = 0; k < y.regimes.size(); ++k) EXPECT_TRUE(r.regimes[k] == y.regimes[k]) << y.regimes[k].provision.id;
    ASSERT_EQ(r.specials.size(), y.specials.size()) << y.jurisdiction;
    for (size_t k = 0; k < y.specials.size(); ++k) {
      EXPECT_TRUE(r.specials[k] == y.specials[k]) << y.specials[k].provision.id;
    }
    EXPECT_TRUE(r == y) << y.jurisdiction;
  }
  EXPECT_EQ(rl.minor_slot, yl.minor_slot);
  EXPECT_EQ(rl.age_slot, yl.age_slot);
  EXPECT_TRUE(rl == yl);

  // The actions, read against that law.
  auto actions_yaml = Actions::Load(rulesets + "/actions.yaml", from_yaml.value());
  ASSERT_TRUE(actions_yaml.ok()) << FormatDiagnostics(actions_yaml.errors());
  ASSERT_TRUE(compiled.value().actions.has_value());
  const internal::ActionsData& ya = DataOf(actions_yaml.value());
  const internal::ActionsData& ra = DataOf(*compiled.value().actions);
  EXPECT_TRUE(ra.classes == ya.classes);
  ASSERT_EQ(ra.declarations.size(), ya.declarations.size());
  for (size_t i = 0; i < ya.declarations.size(); ++i) {
    EXPECT_TRUE(ra.declarations[i] == ya.declarations[i]) << ya.declarations[i].rule;
  }
  EXPECT_TRUE(ra == ya);

  // The letters, read against that vocabulary.
  auto letters_yaml = Letters::Load(rulesets + "/letters.yaml", from_yaml.value().vocabulary());
  ASSERT_TRUE(letters_yaml.ok()) << FormatDiagnostics(letters_yaml.errors());
  ASSERT_TRUE(compiled.value().letters.has_value());
  const internal::LettersData& yt = DataOf(letters_yaml.value());
  const internal::LettersData& rt = DataOf(*compiled.value().letters);
  EXPECT_TRUE(rt.blanks == yt.blanks);
  EXPECT_TRUE(rt.provision == yt.provision);
  EXPECT_TRUE(rt.authorities == yt.authorities);
  ASSERT_EQ(rt.kinds.size(), yt.kinds.size());
  for (size_t i = 0; i < yt.kinds.size(); ++i) {
    const LetterTemplate& y = yt.kinds[i];
    const LetterTemplate& r = rt.kinds[i];
    ASSERT_EQ(r.parts.size(), y.parts.size()) << y.kind;
    for (size_t k = 0; k < y.parts.size(); ++k) EXPECT_TRUE(r.parts[k] == y.parts[k]) << y.kind << " " << y.parts[k].id;
    EXPECT_TRUE(r == y) << y.kind;
  }
  EXPECT_TRUE(rt == yt);

  // The law's SHA-256, as a run without the snapshot computes it.
  auto law_sha256 = LawSha256(rulesets);
  ASSERT_TRUE(law_sha256.ok());
  EXPECT_EQ(compiled.value().law_sha256, law_sha256.value());
}

}  // namespace
}  // namespace ibsa
