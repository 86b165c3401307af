// CaseToYaml writes what Case::Parse reads back to the same case, for every case of the
// legal test suite (expectations aside).
#include <gtest/gtest.h>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

TEST(CaseWriterTest, EveryBundledCaseRoundTrips) {
  const std::string root = IBSA_SOURCE_DIR;
  auto vocabulary = Vocabulary::Load(root + "/rulesets/facts.yaml");
  ASSERT_TRUE(vocabulary.ok());
  const Vocabulary& v = vocabulary.value();
  for (const auto& file : FindCaseFiles(root + "/cases")) {
    auto original = Case::Load(file, v);
    ASSERT_TRUE(original.ok()) << file;
    const Case& a = original.value();
    const std::string yaml = CaseToYaml(a, v);
    auto reread = Case::Parse(yaml, "written.yaml", v);
    ASSERT_TRUE(reread.ok()) << file << "\n" << yaml << FormatDiagnostics(reread.errors());
    const Case& b = reread.value();
    EXPECT_EQ(b.id(), a.id());
    EXPECT_EQ(b.title(), a.title());
    EXPECT_EQ(b.jurisdiction(), a.jurisdiction());
    EXPECT_EQ(b.date(), a.date());
    EXPECT_EQ(b.stated_unknown(), a.stated_unknown()) << file;
    ASSERT_EQ(b.acts().size(), a.acts().size()) << file;
    for (size_t i = 0; i < a.acts().size(); ++i) {
      EXPECT_EQ(b.acts()[i].type, a.acts()[i].type) << file;
      EXPECT_EQ(b.acts()[i].date, a.acts()[i].date) << file;
      EXPECT_EQ(b.acts()[i].certain, a.acts()[i].certain) << file;
    }
    for (int slot = 0; slot < v.size(); ++slot) {
      const FactValue& x = a.values()[slot];
      const FactValue& y = b.values()[slot];
      EXPECT_EQ(y.known(), x.known()) << file << " " << v.fact(slot).name;
      EXPECT_EQ(y.given(), x.given()) << file << " " << v.fact(slot).name;
      EXPECT_EQ(y.integer(), x.integer()) << file << " " << v.fact(slot).name;  // every type but set
      for (int i = 0; i < static_cast<int>(v.fact(slot).values.size()); ++i) {
        EXPECT_EQ(y.Has(i), x.Has(i)) << file << " " << v.fact(slot).name << " " << v.fact(slot).values[i];
      }
    }
  }
}

TEST(CaseWriterTest, StatesUnknownFactsAsUnknown) {
  const std::string root = IBSA_SOURCE_DIR;
  auto v = Vocabulary::Load(root + "/rulesets/facts.yaml");
  auto c = Case::Parse("id: x\njurisdiction: NL\ndate: 2025-01-02\nvictim: {age: unknown, real_person: true}\n",
                       "x.yaml", v.value());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(CaseToYaml(c.value(), v.value()),
            "id: x\njurisdiction: NL\ndate: 2025-01-02\nvictim:\n  real_person: true\n  age: unknown\n");
}

}  // namespace
}  // namespace ibsa
