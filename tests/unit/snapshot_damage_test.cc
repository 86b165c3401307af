// A snapshot whose body is damaged but whose whole-file hash is right again (a file
// written by another program, or damaged in memory before it was hashed) is refused by
// the structural checks behind the hash, never used and never a crash. Each test damages
// one thing those checks guard and writes the header anew, so that the hash cannot be
// what refuses it. The snapshot format's internals are read here, so this is a binary of
// its own (tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <sstream>

#include "base/access.h"
#include "ibsa/ibsa.h"
#include "letter/letters_data.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"
#include "sweep/harms_data.h"

namespace ibsa {
namespace {

using internal::HarmsData;
using internal::LawData;
using internal::Op;
using internal::Program;
using internal::VocabularyData;

const std::string kRoot = IBSA_SOURCE_DIR;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

const Law& BundledLaw() {
  static const Law* law = [] {
    auto vocabulary = Vocabulary::Load(kRoot + "/rulesets/facts.yaml");
    return new Law(Law::Load(kRoot + "/rulesets", vocabulary.value()).value());
  }();
  return *law;
}

// The snapshot fuzz target's seed law (tests/fuzz/snapshot_seed): small enough to damage
// every integer of it.
const Law& SeedLaw() {
  static const Law* law = [] {
    const std::string seed = kRoot + "/tests/fuzz/snapshot_seed/";
    auto vocabulary = Vocabulary::Parse(ReadAll(kRoot + "/tests/fuzz/corpus/ruleset_loader/small-vocabulary.yaml"),
                                        "facts.yaml");
    auto law = Law::FromTexts({{"be/seed.yaml", ReadAll(seed + "be.yaml")}, {"nl/seed.yaml", ReadAll(seed + "nl.yaml")}},
                              vocabulary.value());
    return new Law(std::move(law).value());
  }();
  return *law;
}

const Harms& BundledHarms() {
  static const Harms* harms = new Harms(Harms::Load(kRoot + "/rulesets/harms.yaml", BundledLaw()).value());
  return *harms;
}

// The seed law's harms: one harm, and one transposition that names a rule.
const Harms& SeedHarms() {
  static const Harms* harms = new Harms(
      Harms::Parse(ReadAll(kRoot + "/tests/fuzz/snapshot_seed/harms.yaml"), "harms.yaml", SeedLaw()).value());
  return *harms;
}

Result<CompiledLaw> ReadBack(const std::string& body) {
  return internal::ReadSnapshot(internal::SnapshotHeader(body) + body, "damaged.law", kRoot + "/rulesets",
                                /*compare_sources=*/false);
}

using DamageFn = std::function<void(VocabularyData&, LawData&, HarmsData&)>;

// `law` and `harms` with the vocabulary's, the law's and the harms' data changed by
// `damage`, written as a snapshot (with its hash) and read back.
Result<CompiledLaw> DamagedAndReadBack(const Law& law, const Harms& harms, const DamageFn& damage) {
  auto vocabulary = std::make_shared<VocabularyData>(internal::DataOf(law.vocabulary()));
  auto data = std::make_shared<LawData>(internal::DataOf(law));
  auto harms_data = std::make_shared<HarmsData>(internal::DataOf(harms));
  damage(*vocabulary, *data, *harms_data);
  data->vocabulary = internal::Access::MakeVocabulary(vocabulary);
  const Harms damaged_harms = internal::Access::MakeHarms(harms_data);
  return ReadBack(internal::SnapshotBody(internal::Access::MakeLaw(data), &damaged_harms, kRoot + "/rulesets"));
}

void ExpectRefusedAsDamaged(const Result<CompiledLaw>& read) {
  ASSERT_FALSE(read.ok()) << "a damaged snapshot was used";
  ASSERT_EQ(read.errors().size(), 1u);
  EXPECT_EQ(read.errors().front().code, "E0003");
  EXPECT_EQ(read.errors().front().message, "snapshot not used: damaged");
  EXPECT_EQ(read.errors().front().location.file, "damaged.law");
}

// The first node of `program` that `pick` accepts, or -1.
int32_t FirstNode(const Program& program, const std::function<bool(const internal::Node&)>& pick) {
  for (size_t i = 0; i < program.nodes.size(); ++i) {
    if (pick(program.nodes[i])) return static_cast<int32_t>(i);
  }
  return -1;
}

bool HasChildren(const internal::Node& n) {
  return (n.op == Op::kAll || n.op == Op::kAny || n.op == Op::kNot) && n.count > 0;
}
bool TestsAFact(const internal::Node& n) {
  return n.op != Op::kAll && n.op != Op::kAny && n.op != Op::kNot && n.op != Op::kRule;
}

TEST(SnapshotDamageTest, AnUndamagedBodyWithItsHeaderReadsBack) {
  // Without this, every refusal below could be the writing's fault, not the damage's.
  auto read = DamagedAndReadBack(BundledLaw(), BundledHarms(), [](VocabularyData&, LawData&, HarmsData&) {});
  ASSERT_TRUE(read.ok()) << FormatDiagnostics(read.errors());
  EXPECT_EQ(read.value().law.versions().size(), BundledLaw().versions().size());
  EXPECT_EQ(internal::DataOf(read.value().law).program.nodes.size(),
            internal::DataOf(BundledLaw()).program.nodes.size());
  ASSERT_TRUE(read.value().harms.has_value());
  EXPECT_EQ(read.value().harms->harms().size(), BundledHarms().harms().size());
}

TEST(SnapshotDamageTest, ALawWithoutHarmsReadsBackWithoutHarms) {
  const std::string body = internal::SnapshotBody(BundledLaw(), nullptr, kRoot + "/rulesets");
  auto read = ReadBack(body);
  ASSERT_TRUE(read.ok()) << FormatDiagnostics(read.errors());
  EXPECT_FALSE(read.value().harms.has_value());
}

// One damage per structural check of snapshot.cc (Consistent), in its order.
struct Damage {
  const char* what;
  DamageFn apply;
};

// The law's damages below take no harms, the harms' take the law's data too.
DamageFn OfLaw(std::function<void(VocabularyData&, LawData&)> damage) {
  return [damage](VocabularyData& vocabulary, LawData& law, HarmsData&) { damage(vocabulary, law); };
}
DamageFn OfHarms(std::function<void(HarmsData&)> damage) {
  return [damage](VocabularyData&, LawData&, HarmsData& harms) { damage(harms); };
}

const Damage kDamages[] = {
    {"a program with fewer locations than nodes", OfLaw([](VocabularyData&, LawData& law) { law.program.locations.pop_back(); })},
    {"a child index past the program",
     OfLaw([](VocabularyData&, LawData& law) { law.program.children.back() = static_cast<int32_t>(law.program.nodes.size()); })},
    {"a negative child index", OfLaw([](VocabularyData&, LawData& law) { law.program.children.front() = -1; })},
    {"an operator past the last one",
     OfLaw([](VocabularyData&, LawData& law) { law.program.nodes.front().op = static_cast<Op>(static_cast<uint8_t>(Op::kRule) + 1); })},
    {"children past the list of children",
     OfLaw([](VocabularyData&, LawData& law) {
       const int32_t i = FirstNode(law.program, HasChildren);
       ASSERT_GE(i, 0);
       law.program.nodes[i].first = static_cast<int32_t>(law.program.children.size()) - law.program.nodes[i].count + 1;
     })},
    {"a negative count of children",
     OfLaw([](VocabularyData&, LawData& law) {
       const int32_t i = FirstNode(law.program, HasChildren);
       ASSERT_GE(i, 0);
       law.program.nodes[i].count = -1;
     })},
    {"a node that is its own child",
     OfLaw([](VocabularyData&, LawData& law) {
       const int32_t i = FirstNode(law.program, HasChildren);
       ASSERT_GE(i, 0);
       law.program.children[law.program.nodes[i].first] = i;
     })},
    {"a negation without its operand",
     OfLaw([](VocabularyData&, LawData& law) {
       // Found by AnyIntegerChangedBehindARightHashIsRefusedOrJudges: judging recursed forever.
       const int32_t i = FirstNode(law.program, TestsAFact);
       ASSERT_GE(i, 0);
       law.program.nodes[i].op = Op::kNot;
       law.program.nodes[i].first = 0;
       law.program.nodes[i].count = 0;
     })},
    {"a rule that names itself",
     OfLaw([](VocabularyData&, LawData& law) {
       // Found likewise: the rule reference cycle that the loader refuses (E0204).
       for (size_t r = 0; r < law.rules.size(); ++r) {
         for (int32_t root : law.rules[r].elements) {
           if (law.program.nodes[root].op == Op::kRule) {
             law.program.nodes[root].rule = static_cast<int32_t>(r);
             return;
           }
         }
       }
       FAIL() << "no element of the bundled law is a rule reference alone";
     })},
    {"two rules that name each other",
     OfLaw([](VocabularyData&, LawData& law) {
       for (size_t r = 0; r < law.rules.size(); ++r) {
         for (int32_t root : law.rules[r].elements) {
           const internal::Node& n = law.program.nodes[root];
           if (n.op != Op::kRule || n.rule == static_cast<int32_t>(r)) continue;
           // The named rule's first element becomes a reference back.
           const int32_t back = law.rules[n.rule].elements.front();
           law.program.nodes[back] = internal::Node{};
           law.program.nodes[back].op = Op::kRule;
           law.program.nodes[back].rule = static_cast<int32_t>(r);
           return;
         }
       }
       FAIL() << "no element of the bundled law is a rule reference alone";
     })},
    {"a rule reference past the rules",
     OfLaw([](VocabularyData&, LawData& law) {
       const int32_t i = FirstNode(law.program, [](const internal::Node& n) { return n.op == Op::kRule; });
       ASSERT_GE(i, 0);
       law.program.nodes[i].rule = static_cast<int32_t>(law.rules.size());
     })},
    {"a fact slot past the vocabulary",
     OfLaw([](VocabularyData& vocabulary, LawData& law) {
       const int32_t i = FirstNode(law.program, TestsAFact);
       ASSERT_GE(i, 0);
       law.program.nodes[i].slot = static_cast<int32_t>(vocabulary.facts.size());
     })},
    {"a negative fact slot in the condition of a derivation",
     OfLaw([](VocabularyData& vocabulary, LawData&) {
       const int32_t i = FirstNode(vocabulary.program, TestsAFact);
       ASSERT_GE(i, 0);
       vocabulary.program.nodes[i].slot = -1;
     })},
    {"a rule reference in the condition of a derivation",
     OfLaw([](VocabularyData& vocabulary, LawData&) {
       // The vocabulary's program has no rules to refer to.
       const int32_t i = FirstNode(vocabulary.program, TestsAFact);
       ASSERT_GE(i, 0);
       vocabulary.program.nodes[i].op = Op::kRule;
       vocabulary.program.nodes[i].rule = 0;
     })},
    {"a jurisdiction without its name",
     OfLaw([](VocabularyData& vocabulary, LawData&) { vocabulary.jurisdiction_names.erase("NL"); })},
    {"a name for no jurisdiction",
     OfLaw([](VocabularyData& vocabulary, LawData&) { vocabulary.jurisdiction_names["XX"] = {"X", "X", "X"}; })},
    {"a derivation of a fact past the vocabulary",
     OfLaw([](VocabularyData& vocabulary, LawData&) {
       vocabulary.derivations.front().slot = static_cast<int>(vocabulary.facts.size());
     })},
    {"a derivation whose condition is past its program",
     OfLaw([](VocabularyData& vocabulary, LawData&) {
       vocabulary.derivations.front().root = static_cast<int32_t>(vocabulary.program.nodes.size());
     })},
    {"a first rule for a version that is not there", OfLaw([](VocabularyData&, LawData& law) {
       law.first_rule.push_back(static_cast<int32_t>(law.rules.size()));
     })},
    {"a version whose first rule is that of another", OfLaw([](VocabularyData&, LawData& law) { law.first_rule.back() += 1; })},
    {"fewer compiled rules than the rules of the versions", OfLaw([](VocabularyData&, LawData& law) { law.rules.pop_back(); })},
    {"a compiled rule of a version past the versions",
     OfLaw([](VocabularyData&, LawData& law) { law.rules.back().version = static_cast<int>(law.versions.size()); })},
    {"a compiled rule past the rules of its version",
     OfLaw([](VocabularyData&, LawData& law) {
       law.rules.back().rule = static_cast<int>(law.versions[law.rules.back().version].rules.size());
     })},
    {"a rule with fewer compiled elements than elements",
     OfLaw([](VocabularyData&, LawData& law) { law.rules.front().elements.pop_back(); })},
    {"a rule with more compiled aggravations than aggravations",
     OfLaw([](VocabularyData&, LawData& law) { law.rules.front().aggravations.push_back(0); })},
    {"an element whose condition is past the program",
     OfLaw([](VocabularyData&, LawData& law) {
       law.rules.back().elements.back() = static_cast<int32_t>(law.program.nodes.size());
     })},
    {"an aggravation whose condition is negative",
     OfLaw([](VocabularyData&, LawData& law) {
       for (auto& rule : law.rules) {
         if (!rule.aggravations.empty()) {
           rule.aggravations.front() = -1;
           return;
         }
       }
       FAIL() << "no rule of the bundled law has an aggravation";
     })},
    {"a program of the harms with fewer locations than nodes",
     OfHarms([](HarmsData& harms) { harms.program.locations.pop_back(); })},
    {"a harm's fact slot past the vocabulary",
     [](VocabularyData& vocabulary, LawData&, HarmsData& harms) {
       const int32_t i = FirstNode(harms.program, TestsAFact);
       ASSERT_GE(i, 0);
       harms.program.nodes[i].slot = static_cast<int32_t>(vocabulary.facts.size());
     }},
    {"a harm's rule reference past its rule ids",
     OfHarms([](HarmsData& harms) {
       const int32_t i = FirstNode(harms.program, [](const internal::Node& n) { return n.op == Op::kRule; });
       ASSERT_GE(i, 0);
       harms.program.nodes[i].rule = static_cast<int32_t>(harms.rule_ids.size());
     })},
    {"a harm's rule id that names no rule of the law",
     OfHarms([](HarmsData& harms) {
       ASSERT_FALSE(harms.rule_ids.empty());
       harms.rule_ids.front() = "eu.no-such-rule";
     })},
    {"fewer harm conditions than harms", OfHarms([](HarmsData& harms) { harms.roots.pop_back(); })},
    {"a harm whose condition is past the program",
     OfHarms([](HarmsData& harms) { harms.roots.back() = static_cast<int32_t>(harms.program.nodes.size()); })},
    {"a harm whose condition is negative", OfHarms([](HarmsData& harms) { harms.roots.front() = -1; })},
    {"a harm of an unknown kind", OfHarms([](HarmsData& harms) { harms.harms.front().kind = "offence"; })},
};

class SnapshotDamageTest : public testing::TestWithParam<Damage> {};

TEST_P(SnapshotDamageTest, IsRefusedBehindARightHash) {
  ExpectRefusedAsDamaged(DamagedAndReadBack(BundledLaw(), BundledHarms(), GetParam().apply));
}

INSTANTIATE_TEST_SUITE_P(EveryStructuralCheck, SnapshotDamageTest, testing::ValuesIn(kDamages),
                         [](const testing::TestParamInfo<Damage>& info) {
                           std::string name;
                           bool upper = true;
                           for (const char* c = info.param.what; *c != '\0'; ++c) {
                             if (std::isalnum(static_cast<unsigned char>(*c))) {
                               name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(*c))) : *c;
                               upper = false;
                             } else {
                               upper = true;
                             }
                           }
                           return name;
                         });

// The letters as their loader would never leave them: each refused, so that WriteLetter never
// meets a slot without its blank, and a child-abuse notice never asks for the sender's name.
TEST(SnapshotDamageTest, LettersTheirLoaderWouldRefuseAreRefused) {
  auto letters = Letters::Load(kRoot + "/rulesets/letters.yaml", BundledLaw().vocabulary());
  ASSERT_TRUE(letters.ok()) << FormatDiagnostics(letters.errors());
  const auto damaged = [&](const std::function<void(internal::LettersData&)>& damage) {
    auto data = std::make_shared<internal::LettersData>(internal::DataOf(letters.value()));
    damage(*data);
    const CompiledLaw compiled{BundledLaw(), std::nullopt, std::nullopt, internal::Access::MakeLetters(data), ""};
    return ReadBack(internal::SnapshotBody(compiled, kRoot + "/rulesets"));
  };
  // Without this, every refusal below could be the writing's fault, not the damage's.
  auto undamaged = damaged([](internal::LettersData&) {});
  ASSERT_TRUE(undamaged.ok()) << FormatDiagnostics(undamaged.errors());
  ASSERT_TRUE(undamaged.value().letters.has_value());
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.blanks.erase(d.blanks.begin()); }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.authorities.erase(d.authorities.begin()); }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.provision.fr += "{name}"; }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.kinds.front().parts.front().text.nl += "{nobody}"; }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.kinds.front().parts.clear(); }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) { d.kinds.push_back(d.kinds.front()); }));
  ExpectRefusedAsDamaged(damaged([](internal::LettersData& d) {
    for (auto& kind : d.kinds) {
      for (auto& part : kind.parts) {
        if (!part.child_abuse_material.empty()) part.child_abuse_material.en += "{name}";
      }
    }
  }));
}

// Every integer of the seed law's snapshot (counts, lengths, enums, indexes, dates), changed
// one at a time, with the hash right: refused, or a law that judges a case and renders it.
// Under AddressSanitizer (build/asan) a read out of bounds anywhere is a failure too.
TEST(SnapshotDamageTest, AnyIntegerChangedBehindARightHashIsRefusedOrJudges) {
  std::vector<size_t> integers;
  const std::string body = internal::SnapshotBody(SeedLaw(), &SeedHarms(), kRoot + "/rulesets", &integers);
  ASSERT_GT(integers.size(), 300u);
  ASSERT_TRUE(ReadBack(body).ok());
  const std::string case_text = "id: x\njurisdiction: BE\ndate: 2025-01-01\nvictim:\n  age: 12\n";
  size_t refused = 0, judged = 0;
  for (size_t at : integers) {
    int64_t old = 0;
    std::memcpy(&old, body.data() + at, sizeof old);
    for (int64_t value : {old + 1, old - 1, int64_t{-1}, int64_t{1} << 40, std::numeric_limits<int64_t>::min()}) {
      std::string damaged = body;
      std::memcpy(damaged.data() + at, &value, sizeof value);
      auto read = ReadBack(damaged);
      if (!read.ok()) {
        ASSERT_EQ(read.errors().front().code, "E0003") << "integer at " << at << " = " << value;
        ++refused;
        continue;
      }
      ++judged;
      const Law& law = read.value().law;
      auto c = Case::Parse(case_text, "case.yaml", law.vocabulary());
      if (!c.ok()) continue;  // the damage renamed or retyped a fact
      EvaluationOptions options;
      options.explain = true;
      auto evaluation = Evaluate(law, c.value(), options);
      if (!evaluation.ok()) continue;
      // The harms, when the damage left them (it may have dropped them): the case's gaps.
      std::vector<CaseHarm> harms;
      if (read.value().harms) harms = HarmsOfCase(*read.value().harms, c.value(), evaluation.value());
      EXPECT_FALSE(RenderJson(evaluation.value(), law, Language::kNl, nullptr, harms).empty());
      EXPECT_FALSE(RenderText(evaluation.value(), law, Language::kFr, harms).empty());
    }
  }
  // Both happen: the checks refuse some, and harmless changes (a date, a line) still read.
  EXPECT_GT(refused, 0u);
  EXPECT_GT(judged, 0u);
}

}  // namespace
}  // namespace ibsa
