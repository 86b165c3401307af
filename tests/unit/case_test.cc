#include <gtest/gtest.h>

#include "ibsa/case.h"
#include "ibsa/case_builder.h"
#include "test_law.h"

namespace ibsa {
namespace {

using testing::CaseErrors;
using testing::CaseOf;

class CaseTest : public ::testing::Test {
 protected:
  const Vocabulary vocabulary_ = testing::TestVocabulary();
  const FactValue& Value(const Case& c, const char* name) {
    return c.values()[*vocabulary_.SlotOf(name)];
  }
};

constexpr const char* kHead = "id: c1\njurisdiction: BE\ndate: 2025-03-14\n";

TEST_F(CaseTest, OmittedFactsAreUnknownNotFalse) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) + "victim: {real_person: true}\n");
  EXPECT_TRUE(Value(c, "victim.real_person").known());
  EXPECT_EQ(Value(c, "victim.real_person").boolean(), true);
  EXPECT_FALSE(Value(c, "victim.age").known());
  EXPECT_FALSE(Value(c, "victim.minor").known());
  EXPECT_FALSE(Value(c, "acts").known());
  EXPECT_TRUE(c.acts().empty());
}

// Each type read through its own reader; an unknown fact reads as nothing, never as false.
TEST_F(CaseTest, FactsAreReadByTheirType) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) +
                                         "victim: {age: 15, real_person: false}\n"
                                         "image: {technique: undress, made_on: 2024-02-29}\n"
                                         "acts: [share, {type: publish, certain: false}]\n");
  EXPECT_EQ(Value(c, "victim.age").integer(), 15);
  EXPECT_EQ(Value(c, "victim.real_person").boolean(), false);
  EXPECT_EQ(Value(c, "victim.minor").boolean(), true);  // derived
  EXPECT_TRUE(Value(c, "victim.age").given());
  EXPECT_FALSE(Value(c, "victim.minor").given());
  EXPECT_EQ(Value(c, "image.made_on").date(), Date::Parse("2024-02-29"));
  EXPECT_EQ(Value(c, "image.technique").value_index(),
            vocabulary_.fact(*vocabulary_.SlotOf("image.technique")).ValueIndex("undress"));
  const FactValue& acts = Value(c, "acts");
  EXPECT_EQ(acts.Has(0), Truth::kFalse);    // create
  EXPECT_EQ(acts.Has(1), Truth::kTrue);     // share
  EXPECT_EQ(acts.Has(2), Truth::kUnknown);  // publish, reported as possible
  EXPECT_EQ(acts.Has(63), Truth::kFalse);   // no such value
  const FactValue& unknown = Value(c, "perpetrator.malicious");
  EXPECT_FALSE(unknown.known());
  EXPECT_EQ(unknown.boolean(), std::nullopt);
  EXPECT_EQ(unknown.integer(), std::nullopt);
  EXPECT_EQ(unknown.date(), std::nullopt);
  EXPECT_EQ(unknown.value_index(), std::nullopt);
  EXPECT_EQ(unknown.Has(0), Truth::kUnknown);
}

TEST_F(CaseTest, UnknownMayBeWrittenExplicitly) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) + "victim: {age: unknown, real_person: ~}\n");
  EXPECT_FALSE(Value(c, "victim.age").known());
  EXPECT_FALSE(Value(c, "victim.real_person").known());
}

TEST_F(CaseTest, DerivedFactsFollowTheirInputs) {
  const Case minor = CaseOf(vocabulary_, std::string(kHead) + "victim: {age: 17}\n");
  EXPECT_TRUE(Value(minor, "victim.minor").known());
  EXPECT_EQ(Value(minor, "victim.minor").boolean(), true);
  EXPECT_FALSE(Value(minor, "victim.minor").given());
  const Case adult = CaseOf(vocabulary_, std::string(kHead) + "victim: {age: 18}\n");
  EXPECT_EQ(Value(adult, "victim.minor").boolean(), false);
}

TEST_F(CaseTest, DerivedFactMayBeGivenWhenItsInputsAreUnknown) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) + "victim: {minor: true}\n");
  EXPECT_TRUE(Value(c, "victim.minor").known());
  EXPECT_EQ(Value(c, "victim.minor").boolean(), true);
  EXPECT_FALSE(Value(c, "victim.age").known());
}

TEST_F(CaseTest, DerivedFactThatAgreesIsAccepted) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) + "victim: {age: 15, minor: true}\n");
  EXPECT_EQ(Value(c, "victim.minor").boolean(), true);
}

TEST_F(CaseTest, DerivedFactThatContradictsIsAnError) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victim:\n  age: 15\n  minor: false\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0108");
  EXPECT_EQ(errors[0].location.file, "case.yaml");
  EXPECT_EQ(errors[0].location.line, 6);
  EXPECT_EQ(errors[0].location.column, 10);
  EXPECT_EQ(errors[0].message, "'victim.minor' contradicts the facts it is derived from");
}

TEST_F(CaseTest, UnknownFactSaysWhereAndWhatWasMeant) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victim:\n  real_person: true\n  agee: 30\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0102");
  EXPECT_EQ(errors[0].location.line, 6);
  EXPECT_EQ(errors[0].location.column, 3);
  EXPECT_EQ(errors[0].message, "unknown fact 'victim.agee'");
  ASSERT_FALSE(errors[0].help.empty());
  EXPECT_EQ(errors[0].help[0], "did you mean 'victim.age'?");
  EXPECT_EQ(errors[0].excerpt, "  agee: 30");
  EXPECT_EQ(errors[0].span, 4);
}

TEST_F(CaseTest, UnknownTopLevelKeyListsTheAllowedOnes) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victm: {age: 3}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0101");
  EXPECT_EQ(errors[0].message, "unknown key 'victm' in case");
  EXPECT_EQ(errors[0].help[0], "did you mean 'victim'?");
  EXPECT_NE(errors[0].help[1].find("'perpetrator'"), std::string::npos);
}

TEST_F(CaseTest, ValueOutsideTheAllowedSet) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "image: {technique: faceswap}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0103");
  EXPECT_EQ(errors[0].location.line, 4);
  EXPECT_EQ(errors[0].location.column, 20);
  EXPECT_EQ(errors[0].message, "'image.technique': 'faceswap' is not allowed");
  EXPECT_EQ(errors[0].help[0], "did you mean 'face_swap'?");
  EXPECT_EQ(errors[0].help[1], "allowed: 'authentic', 'face_swap', 'undress', 'synthetic'");
}

TEST_F(CaseTest, WrongTypesAreErrors) {
  const auto errors = CaseErrors(
      vocabulary_, std::string(kHead) + "victim:\n  age: fifteen\n  real_person: yes\nacts: create\n");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].code, "E0104");
  EXPECT_EQ(errors[0].message, "'victim.age' must be a whole number");
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_EQ(errors[1].code, "E0104");
  EXPECT_EQ(errors[1].message, "'victim.real_person' must be true or false");
  EXPECT_EQ(errors[1].location.line, 6);
  EXPECT_EQ(errors[2].code, "E0104");
  EXPECT_EQ(errors[2].message, "'acts' must be a list");
  EXPECT_EQ(errors[2].location.line, 7);
}

TEST_F(CaseTest, NumbersOutsideTheirRange) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victim: {age: 130}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0107");
  EXPECT_EQ(errors[0].message, "'victim.age': 130 is out of range");
  EXPECT_EQ(errors[0].help[0], "allowed: 0 to 120");
}

TEST_F(CaseTest, DatesMustBeCalendarDates) {
  const auto errors = CaseErrors(vocabulary_, "id: c1\njurisdiction: BE\ndate: 2025-02-29\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0105");
  EXPECT_EQ(errors[0].location.line, 3);
  EXPECT_EQ(errors[0].location.column, 7);
  EXPECT_EQ(errors[0].message, "'date': '2025-02-29' is not a date");
}

TEST_F(CaseTest, RequiredKeysAreNamed) {
  const auto errors = CaseErrors(vocabulary_, "victim: {age: 30}\n");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].message, "missing key 'id' in case");
  EXPECT_EQ(errors[1].message, "missing key 'jurisdiction' in case");
  EXPECT_EQ(errors[2].message, "missing key 'date' in case");
  EXPECT_EQ(errors[2].code, "E0106");
}

TEST_F(CaseTest, JurisdictionIsOneOfTheVocabulary) {
  const auto errors = CaseErrors(vocabulary_, "id: c1\njurisdiction: FR\ndate: 2025-03-14\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0103");
  EXPECT_EQ(errors[0].help.back(), "allowed: 'BE', 'NL'");
}

TEST_F(CaseTest, DuplicateKeysAreErrors) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victim: {age: 3, age: 4}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0109");
  EXPECT_EQ(errors[0].message, "duplicate key 'age' in 'victim'");
}

TEST_F(CaseTest, MalformedYamlIsLocated) {
  const auto errors = CaseErrors(vocabulary_, "id: c1\nvictim: [a, b\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0002");
  EXPECT_EQ(errors[0].location.file, "case.yaml");
  EXPECT_GE(errors[0].location.line, 2);
}

TEST_F(CaseTest, EveryErrorInAFileIsReportedAtOnce) {
  const auto errors = CaseErrors(
      vocabulary_, std::string(kHead) + "victim: {agee: 3}\nimage: {technique: nudify}\nperp: {}\n");
  EXPECT_EQ(errors.size(), 3u);
}

TEST_F(CaseTest, ActsCarryTheirOwnDatesOrTheCaseDate) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) +
                                         "acts:\n  - create\n  - {type: share, date: 2025-04-01}\n"
                                         "  - {type: publish, certain: false}\n");
  ASSERT_EQ(c.acts().size(), 3u);
  EXPECT_EQ(c.acts()[0].type, "create");
  EXPECT_EQ(c.acts()[0].date.ToString(), "2025-03-14");
  EXPECT_EQ(c.acts()[1].date.ToString(), "2025-04-01");
  EXPECT_FALSE(c.acts()[2].certain);
  const FactValue& acts = Value(c, "acts");
  EXPECT_TRUE(acts.known());
  EXPECT_EQ(acts.Has(0), Truth::kTrue);  // create
  EXPECT_EQ(acts.Has(1), Truth::kTrue);  // share
  EXPECT_EQ(acts.Has(2), Truth::kUnknown);  // publish, possible
  EXPECT_EQ(acts.Has(3), Truth::kFalse);
}

TEST_F(CaseTest, AtMostSixtyThreeActsAreListed) {
  std::string acts = "acts:\n";
  // 64 days in a row: an act is listed once per date (twice is E0109).
  const int32_t first = Date::Parse("2025-01-01")->days_since_epoch();
  for (int day = 0; day < 64; ++day) {
    acts += "  - {type: share, date: " + Date::FromDays(first + day).ToString() + "}\n";
  }
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + acts);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0111");
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_EQ(errors[0].message, "the case lists 64 acts; at most 63 are supported");
}

TEST_F(CaseTest, ActsMayPrecedeTheCaseDateInTheFile) {
  const Case c = CaseOf(vocabulary_, "id: c1\njurisdiction: BE\nacts: [create]\ndate: 2025-03-14\n");
  EXPECT_EQ(c.acts()[0].date.ToString(), "2025-03-14");
}

TEST_F(CaseTest, ActMapsHaveAClosedSetOfKeys) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "acts:\n  - {type: share, when: 2025-04-01}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0101");
  EXPECT_EQ(errors[0].message, "unknown key 'when' in act");
}

TEST_F(CaseTest, JsonCasesAreReadToo) {
  const Case c = CaseOf(vocabulary_,
                        R"({"id": "j1", "jurisdiction": "NL", "date": "2024-07-01",
                            "victim": {"age": 16}, "acts": [{"type": "share"}]})");
  EXPECT_EQ(c.jurisdiction(), "NL");
  EXPECT_EQ(Value(c, "victim.minor").boolean(), true);
  EXPECT_EQ(c.acts().size(), 1u);
}

TEST_F(CaseTest, ExpectationsNeedASource) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "expect: {applies: [x]}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "missing key 'source' in expect");
}

TEST_F(CaseTest, ExpectationsKeepTheirLocations) {
  const Case c = CaseOf(vocabulary_, std::string(kHead) +
                                         "expect:\n  source: brief\n  applies: [a.b]\n  absent: [c]\n");
  ASSERT_TRUE(c.expectations().has_value());
  EXPECT_EQ(c.expectations()->source, "brief");
  ASSERT_EQ(c.expectations()->applies.size(), 1u);
  EXPECT_EQ(c.expectations()->applies[0].rule, "a.b");
  EXPECT_EQ(c.expectations()->applies[0].location.line, 6);
  EXPECT_EQ(c.expectations()->absent[0].rule, "c");
}

TEST_F(CaseTest, AMissingFileIsAnErrorNotACrash) {
  auto c = Case::Load("/nonexistent/case.yaml", vocabulary_);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.errors()[0].code, "E0001");
  EXPECT_EQ(c.errors()[0].location.file, "/nonexistent/case.yaml");
}

TEST_F(CaseTest, ScalarsWhereMapsBelongAreErrorsNotCrashes) {
  for (const char* body : {"victim: 3\n", "acts: [{type: [x]}]\n", "expect: yes\n",
                           "acts: [{}]\n", "victim: {age: {a: 1}}\n", "- a\n- b\n"}) {
    auto c = Case::Parse(std::string(kHead) + body, "case.yaml", vocabulary_);
    EXPECT_FALSE(c.ok()) << body;
  }
  auto not_a_map = Case::Parse("[1, 2]", "case.yaml", vocabulary_);
  ASSERT_FALSE(not_a_map.ok());
  EXPECT_EQ(not_a_map.errors()[0].code, "E0104");
}

// yaml-cpp's parser and the loaders recurse once per level of nesting: deep input is
// refused before it is parsed, at the first level too many, whatever the YAML style.
TEST_F(CaseTest, NestingDeeperThanSixtyFourLevelsIsRefused) {
  std::string block_maps = std::string(kHead) + "victim:\n";
  for (int level = 1; level <= 100; ++level) block_maps += std::string(level, ' ') + "a:\n";
  std::string block_lists = std::string(kHead) + "acts:\n  ";
  for (int level = 0; level < 100000; ++level) block_lists += "- ";
  const std::pair<std::string, int> deep[] = {
      {std::string(100000, '['), 1},  // unclosed, as the fuzzer writes it
      {std::string(64, '[') + "1" + std::string(64, ']'), 0},
      {std::string(kHead) + "victim: " + std::string(100, '{') + std::string(100, '}'), 4},
      {block_maps, 68},
      {block_lists + "x\n", 5}};
  for (const auto& [text, line] : deep) {
    const auto errors = CaseErrors(vocabulary_, text);
    ASSERT_EQ(errors.size(), 1u) << text.substr(0, 80);
    if (line == 0) {  // 64 levels are allowed: the error is about the content
      EXPECT_EQ(errors[0].code, "E0104");
      continue;
    }
    EXPECT_EQ(errors[0].code, "E0005");
    EXPECT_EQ(errors[0].message, "the case nests lists and maps more than 64 levels deep");
    EXPECT_EQ(errors[0].location.line, line) << text.substr(0, 80);
  }
}

TEST_F(CaseTest, ACaseOverOneMebibyteIsRefused) {
  const std::string big = std::string(kHead) + "title: \"" + std::string(1 << 20, 'x') + "\"\n";
  const auto errors = CaseErrors(vocabulary_, big);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0004");
  EXPECT_EQ(errors[0].message,
            "the case is " + std::to_string(big.size()) + " bytes; at most 1048576 are read");
  EXPECT_EQ(errors[0].location.line, 0);
}

// Found by fuzzing: such bytes reached the JSON writer, which threw.
TEST_F(CaseTest, TextThatIsNotUtf8IsLocated) {
  auto errors = CaseErrors(vocabulary_, std::string(kHead) + "title: caf\xe9 au lait\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0002");
  EXPECT_EQ(errors[0].message, "malformed YAML: byte 0xE9 is not UTF-8 text");
  EXPECT_EQ(errors[0].location.line, 4);
  EXPECT_EQ(errors[0].location.column, 11);
  EXPECT_EQ(errors[0].excerpt, "title: caf? au lait");
  // A NUL byte made yaml-cpp read the text as UTF-16, and place its errors anywhere.
  errors = CaseErrors(vocabulary_, std::string("id: c1\0\n", 8));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "malformed YAML: control character U+0000 is not allowed in YAML text");
  EXPECT_EQ(errors[0].location.column, 7);
  // Escapes are text: they stay allowed.
  const Case c = CaseOf(vocabulary_, std::string(kHead) + "title: \"caf\\xe9 \\u2713\"\n");
  EXPECT_EQ(c.title(), "caf\xc3\xa9 \xe2\x9c\x93");
}

TEST_F(CaseTest, AnAliasInsideItsOwnAnchorIsRefused) {
  const auto errors = CaseErrors(vocabulary_, std::string(kHead) + "victim: &v {age: 15, real_person: *v}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0006");
  EXPECT_EQ(errors[0].message,
            "alias '*v' is used inside the node it names, so that node would never end");
  EXPECT_EQ(errors[0].location.line, 4);
  EXPECT_EQ(errors[0].location.column, 35);
}

TEST_F(CaseTest, AliasesMayNotMultiplyTheCase) {
  // Ten short lines that stand for ten billion acts: each alias counts what it names.
  std::string text = std::string(kHead) + "a0: &a0 [create, share, create, share, create, share, "
                                          "create, share, create, share]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string previous = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + previous;
    for (int k = 1; k < 10; ++k) text += ", " + previous;
    text += "]\n";
  }
  const auto errors = CaseErrors(vocabulary_, text + "acts: *a9\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "E0006");
  EXPECT_EQ(errors[0].message, "aliases add more than 100000 nodes to the case");
  // An alias used a few times is fine.
  const Case c = CaseOf(vocabulary_, std::string(kHead) +
                                         "acts: [{type: create, date: &d 2025-03-01}, {type: share, date: *d}]\n");
  EXPECT_EQ(c.acts()[1].date.ToString(), "2025-03-01");
}

// A case built fact by fact is the case its file would give, and a wrong value is said
// in the words of the file's reader, naming the fact and what is allowed.
TEST_F(CaseTest, BuiltFactByFactAsItsFileReads) {
  CaseBuilder b(vocabulary_);
  b.SetId("c1").SetJurisdiction("BE").SetDate(*Date::Parse("2025-03-14"));
  b.SetNumber("victim.age", 15).SetUnknown("victim.real_person").AddAct("share").AddAct("publish", std::nullopt, false);
  auto built = b.Build();
  ASSERT_TRUE(built.ok()) << FormatDiagnostics(built.errors());
  const Case read = CaseOf(vocabulary_, std::string(kHead) +
                                            "victim: {age: 15, real_person: unknown}\n"
                                            "acts: [share, {type: publish, certain: false}]\n");
  EXPECT_EQ(CaseToYaml(built.value(), vocabulary_), CaseToYaml(read, vocabulary_));
  EXPECT_EQ(Value(built.value(), "victim.minor").boolean(), true);  // derived, as when read

  CaseBuilder wrong(vocabulary_);
  wrong.SetId("c1").SetJurisdiction("BE");
  wrong.SetNumber("victim.age", 130).SetBool("victim.agee", true).AddAct("share").AddAct("share");
  auto errors = wrong.Build();
  ASSERT_FALSE(errors.ok());
  ASSERT_EQ(errors.errors().size(), 4u);
  EXPECT_EQ(errors.errors()[0].code, "E0106");  // the date, said first
  EXPECT_EQ(errors.errors()[1].message, "'victim.age': 130 is out of range");
  EXPECT_EQ(errors.errors()[1].help[0], "allowed: 0 to 120");
  EXPECT_EQ(errors.errors()[2].message, "unknown fact 'victim.agee'");
  EXPECT_EQ(errors.errors()[2].help[0], "did you mean 'victim.age'?");
  EXPECT_EQ(errors.errors()[3].code, "E0109");
}

}  // namespace
}  // namespace ibsa
