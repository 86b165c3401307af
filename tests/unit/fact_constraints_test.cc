// The constraints between facts (rulesets/facts.yaml, `constraints:`): each bundled one
// refuses (or warns about) a case that breaks it and accepts one that keeps it; what they
// decide; how a malformed one is reported; the questions and the sweeps that obey them.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "ibsa/ibsa.h"
#include "test_law.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;
constexpr const char* kHead = "id: c1\njurisdiction: BE\ndate: 2025-03-14\n";

const Vocabulary& Bundled() {
  static const Vocabulary* vocabulary = [] {
    auto v = Vocabulary::Load(kRoot + "/rulesets/facts.yaml");
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : FormatDiagnostics(v.errors()));
    return new Vocabulary(std::move(v).value());
  }();
  return *vocabulary;
}

const Law& BundledLaw() {
  static const Law* law = [] {
    auto l = Law::Load(kRoot + "/rulesets", Bundled());
    EXPECT_TRUE(l.ok());
    return new Law(std::move(l).value());
  }();
  return *law;
}

// Per bundled constraint: the facts of a case that breaks it, and of one that keeps it.
struct Example {
  const char* breaks;
  const char* keeps;
};

const std::map<std::string, Example>& Examples() {
  static const std::map<std::string, Example> examples = {
      {"authentic-shows-real-person",
       {"victim: {real_person: false}\nimage: {technique: authentic}\n",
        "victim: {real_person: false}\nimage: {technique: synthetic}\n"}},
      {"face-swap-shows-real-person",
       {"victim: {real_person: false}\nimage: {technique: face_swap}\n",
        "victim: {real_person: true}\nimage: {technique: face_swap}\n"}},
      {"undress-shows-real-person",
       {"victim: {real_person: false}\nimage: {technique: undress}\n",
        "victim: {real_person: true}\nimage: {technique: undress}\n"}},
      {"no-person-no-identity",
       {"victim: {real_person: false, age: 15}\n", "victim: {real_person: false, age: unknown}\nimage: {appears_minor: true}\n"}},
      {"no-person-no-relationship",
       {"victim: {real_person: false}\nperpetrator: {relationship: ex_partner}\n",
        "victim: {real_person: false}\nperpetrator: {relationship: none}\n"}},
      {"identifiable-generated-resembles",
       {"victim: {real_person: true, identifiable: true}\nimage: {technique: synthetic, resembles_real_person: false}\n",
        "victim: {real_person: true, identifiable: false}\nimage: {technique: synthetic, resembles_real_person: false}\n"}},
      {"resemblance-usually-meant",
       {"victim: {real_person: false}\nimage: {technique: synthetic, resembles_real_person: true}\n",
        "victim: {real_person: true}\nimage: {technique: synthetic, resembles_real_person: true}\n"}},
      {"under-16-is-minor",
       {"victim: {minor: false, under_16: true}\n", "victim: {minor: true, under_16: false}\n"}},
      {"no-service-no-service-facts",
       {"service: {type: none, notified: true}\n", "service: {type: hosting, notified: true}\n"}},
      {"demand-needs-threat",
       {"acts: [share]\nperpetrator: {demand: money, threat_violence: false}\n",
        "acts: [threaten]\nperpetrator: {demand: money, threat_violence: false}\n"}},
      {"complied-needs-demand",
       {"acts: [threaten]\nperpetrator: {demand: none}\nvictim: {complied: true}\n",
        "acts: [threaten]\nperpetrator: {demand: images}\nvictim: {complied: true}\n"}},
      {"picture-edit-is-visual",
       {"image: {technique: undress, medium: audio}\n", "image: {technique: synthetic, medium: audio}\n"}},
      {"several-recipients-not-only-to-victim",
       {"distribution: {recipients_several: true, only_to_victim: true}\n",
        "distribution: {recipients_several: false, only_to_victim: true}\n"}},
      {"published-not-only-to-victim",
       {"acts: [publish]\ndistribution: {only_to_victim: true}\n", "acts: [share]\ndistribution: {only_to_victim: true}\n"}},
      {"maker-usually-knows",
       {"acts: [create]\nperpetrator: {knowingly: false}\n", "acts: [possess]\nperpetrator: {knowingly: false}\n"}},
  };
  return examples;
}

// The ids and severities of the constraints facts.yaml declares, read from the file itself.
std::map<std::string, std::string> DeclaredConstraints() {
  std::map<std::string, std::string> declared;
  const YAML::Node root = YAML::LoadFile(kRoot + "/rulesets/facts.yaml");
  for (const auto& c : root["constraints"]) declared[c["id"].as<std::string>()] = c["severity"].as<std::string>();
  return declared;
}

bool Names(const std::vector<Diagnostic>& diagnostics, const std::string& code, const std::string& id) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.code == code && d.message.find("'" + id + "'") != std::string::npos;
  });
}

TEST(FactConstraintsTest, EveryBundledConstraintRejectsABreachAndAcceptsTheRest) {
  const auto declared = DeclaredConstraints();
  ASSERT_FALSE(declared.empty());
  for (const auto& [id, severity] : declared) {
    const auto example = Examples().find(id);
    ASSERT_NE(example, Examples().end()) << "constraint '" << id << "' has no example here";
    auto broken = Case::Parse(std::string(kHead) + example->second.breaks, "case.yaml", Bundled());
    if (severity == "error") {
      ASSERT_FALSE(broken.ok()) << id;
      EXPECT_TRUE(Names(broken.errors(), "E0113", id)) << id << ": " << FormatDiagnostics(broken.errors());
    } else {
      ASSERT_TRUE(broken.ok()) << id << ": " << FormatDiagnostics(broken.errors());
      EXPECT_TRUE(Names(broken.value().warnings(), "W0003", id)) << id;
      EXPECT_EQ(broken.value().warnings().front().severity, Severity::kWarning);
    }
    auto kept = Case::Parse(std::string(kHead) + example->second.keeps, "case.yaml", Bundled());
    ASSERT_TRUE(kept.ok()) << id << ": " << FormatDiagnostics(kept.errors());
    EXPECT_FALSE(Names(kept.value().warnings(), "W0003", id)) << id;
  }
}

TEST(FactConstraintsTest, TheErrorIsAtTheOffendingFactAndSaysWhy) {
  const auto errors = testing::CaseErrors(
      Bundled(), std::string(kHead) + "victim:\n  real_person: false\n  age: 15\n");
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0113");
  EXPECT_EQ(errors[0].location.file, "case.yaml");
  EXPECT_EQ(errors[0].location.line, 6);
  EXPECT_EQ(errors[0].location.column, 8);
  EXPECT_EQ(errors[0].message,
            "'victim.age' has no meaning when 'victim.real_person' is false (constraint 'no-person-no-identity')");
  ASSERT_EQ(errors[0].help.size(), 2u);
  EXPECT_NE(errors[0].help[0].find("does not exist has no identity, age or consent"), std::string::npos);
  EXPECT_NE(errors[0].help[1].find("leave 'victim.age' out (or write unknown)"), std::string::npos);
}

TEST(FactConstraintsTest, FactsTheyLeaveOneValueAreDecidedNotGiven) {
  auto value = [](const Case& c, const char* fact) { return c.values()[*Bundled().SlotOf(fact)]; };
  const Case swap = testing::CaseOf(Bundled(), std::string(kHead) + "image: {technique: face_swap}\n");
  EXPECT_TRUE(value(swap, "victim.real_person").known());
  EXPECT_FALSE(value(swap, "victim.real_person").given());
  EXPECT_EQ(value(swap, "victim.real_person").boolean(), std::optional<bool>(true));
  const Case young = testing::CaseOf(Bundled(), std::string(kHead) + "victim: {under_16: true}\n");
  EXPECT_EQ(value(young, "victim.minor").boolean(), std::optional<bool>(true));
  EXPECT_TRUE(value(young, "victim.minor").known());
  const Case adult = testing::CaseOf(Bundled(), std::string(kHead) + "victim: {minor: false}\n");
  EXPECT_TRUE(value(adult, "victim.under_16").known());  // the contrapositive of under-16-is-minor
  EXPECT_EQ(value(adult, "victim.under_16").boolean(), std::optional<bool>(false));
  // An age is the age of an existing person.
  EXPECT_EQ(value(adult, "victim.real_person").boolean(), std::optional<bool>(true));
  EXPECT_TRUE(value(adult, "victim.real_person").known());
  const Case nobody = testing::CaseOf(Bundled(), std::string(kHead) + "victim: {real_person: false}\n");
  EXPECT_EQ(value(nobody, "perpetrator.relationship").value_index(),
            *Bundled().fact(*Bundled().SlotOf("perpetrator.relationship")).ValueIndex("none"));
  // Unknown is not false: nothing is decided from what is not known.
  const Case open = testing::CaseOf(Bundled(), std::string(kHead) + "image: {technique: synthetic}\n");
  EXPECT_FALSE(value(open, "victim.real_person").known());
  EXPECT_FALSE(value(open, "image.resembles_real_person").known());
}

TEST(FactConstraintsTest, AWarningDoesNotStopTheEvaluationAndIsInItsWarnings) {
  const Case c = testing::CaseOf(
      Bundled(), std::string(kHead) + "victim: {real_person: false}\nimage: {technique: synthetic, resembles_real_person: true}\n");
  auto e = Evaluate(BundledLaw(), c, {});
  ASSERT_TRUE(e.ok());
  ASSERT_TRUE(Names(e.value().warnings, "W0003", "resemblance-usually-meant"));
}

// ---- Loading --------------------------------------------------------------------------

const char* kFacts = R"(format: ibsa.facts/1
jurisdictions: {BE: {nl: "België", fr: "Belgique", en: "Belgium"}}
facts:
  - {name: acts, type: set, values: [create, threaten], label: {nl: H, fr: A, en: A}}
  - {name: victim.real_person, type: bool, label: {nl: B, fr: E, en: E}}
  - {name: victim.age, type: int, label: {nl: L, fr: A, en: A}}
constraints:
)";

std::vector<Diagnostic> LoadErrors(const std::string& constraints) {
  auto v = Vocabulary::Parse(std::string(kFacts) + constraints, "facts.yaml");
  EXPECT_FALSE(v.ok());
  return v.ok() ? std::vector<Diagnostic>{} : v.errors();
}

constexpr const char* kReason = "    reason: {nl: R, fr: R, en: R}\n";

TEST(FactConstraintsTest, AWellFormedListLoads) {
  auto v = Vocabulary::Parse(std::string(kFacts) +
                                 "  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                 "    not_applicable: [victim.age]\n    severity: error\n" + kReason,
                             "facts.yaml");
  EXPECT_TRUE(v.ok()) << FormatDiagnostics(v.errors());
}

TEST(FactConstraintsTest, AnUnknownFactIsLocated) {
  auto errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.agee, '<': 18}\n"
                                       "    then: {fact: victim.real_person, is: true}\n    severity: error\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0102");
  EXPECT_EQ(errors[0].location.line, 9);
  EXPECT_EQ(errors[0].location.column, 18);
  EXPECT_NE(FormatDiagnostic(errors[0]).find("did you mean 'victim.age'?"), std::string::npos);
  errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                  "    not_applicable: [victim.mood]\n    severity: error\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0102");
  EXPECT_EQ(errors[0].location.line, 10);
}

TEST(FactConstraintsTest, AMalformedConditionIsLocated) {
  const auto errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.real_person, '>=': 1}\n"
                                             "    then: {fact: victim.age, '<': 18}\n    severity: error\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0204");
  EXPECT_EQ(errors[0].location.line, 9);
}

TEST(FactConstraintsTest, AMissingLanguageIsLocated) {
  const auto errors = LoadErrors("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                 "    not_applicable: [victim.age]\n    severity: error\n    reason: {nl: R, en: R}\n");
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0106");
  EXPECT_EQ(errors[0].location.line, 12);
  EXPECT_NE(errors[0].message.find("'fr'"), std::string::npos) << errors[0].message;
}

TEST(FactConstraintsTest, AConstraintSaysOneThing) {
  auto errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                       "    then: {fact: victim.age, '<': 18}\n    not_applicable: [victim.age]\n"
                                       "    severity: error\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0114");
  EXPECT_NE(errors[0].message.find("both 'then' and 'not_applicable'"), std::string::npos);
  errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                  "    not_applicable: [victim.real_person]\n    severity: error\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0114");
  errors = LoadErrors(std::string("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                  "    not_applicable: [victim.age]\n    severity: fatal\n") + kReason);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0103");
  const std::string one = std::string("  - id: a\n    when: {fact: victim.real_person, is: false}\n"
                                      "    not_applicable: [victim.age]\n    severity: error\n") + kReason;
  errors = LoadErrors(one + one);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_EQ(errors[0].code, "E0109");
}

// ---- Questions and sweeps ---------------------------------------------------------------

TEST(FactConstraintsTest, NoQuestionAboutTheServiceWhenThereIsNone) {
  auto asked = [](const std::string& facts) {
    const Case c = testing::CaseOf(Bundled(), "id: c1\njurisdiction: NL\ndate: 2025-03-14\n" + facts);
    auto questions = NextQuestions(BundledLaw(), c, {});
    EXPECT_TRUE(questions.ok());
    std::set<std::string> facts_asked;
    for (const auto& q : questions.value()) facts_asked.insert(q.fact->name);
    return facts_asked;
  };
  const std::string shared = "victim: {real_person: true, identifiable: true, consent_sharing: false}\n"
                             "image: {content: nudity, technique: undress}\nacts: [publish]\n";
  EXPECT_EQ(asked(shared + "service: {type: online_platform}\n").count("service.micro_or_small"), 1u);
  const auto none = asked(shared + "service: {type: none}\n");
  for (const auto& fact : none) EXPECT_NE(fact.rfind("service.", 0), 0u) << fact;
  // Nor what they decide: a face swap's person exists.
  EXPECT_EQ(asked("image: {technique: face_swap, content: nudity}\nacts: [share]\n").count("victim.real_person"), 0u);
  EXPECT_EQ(asked("image: {content: nudity}\nacts: [share]\n").count("victim.real_person"), 1u);
}

// A rule that reads a not-applicable fact on its own: the question ranking still never asks it
// where it has no meaning.
TEST(FactConstraintsTest, ANotApplicableFactIsNeverAskedWhateverTheRulesRead) {
  const std::string facts = R"(format: ibsa.facts/1
jurisdictions: {BE: {nl: "België", fr: "Belgique", en: "Belgium"}}
facts:
  - {name: acts, type: set, values: [share], sensitivity: 1, label: {nl: H, fr: A, en: A}, question: {nl: V, fr: Q, en: Q}}
  - {name: service.type, type: enum, values: [none, hosting], sensitivity: 1, label: {nl: S, fr: S, en: S}, question: {nl: V, fr: Q, en: Q}}
  - {name: service.notified, type: bool, sensitivity: 1, label: {nl: M, fr: N, en: N}, question: {nl: V, fr: Q, en: Q}}
constraints:
  - id: no-service
    when: {fact: service.type, is: none}
    not_applicable: [service.notified]
    severity: error
    reason: {nl: R, fr: R, en: R}
)";
  auto vocabulary = Vocabulary::Parse(facts, "facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  const Law law = testing::LawOf(vocabulary.value(),
                                 {{"r.yaml", testing::Ruleset("r", "2020-01-01", "", testing::RuleYaml("r1", {"{fact: service.notified, is: true}"}))}});
  auto asked = [&](const std::string& type) {
    const Case c = testing::CaseOf(vocabulary.value(), std::string(kHead) + "service: {type: " + type + "}\n");
    auto questions = NextQuestions(law, c, {});
    EXPECT_TRUE(questions.ok());
    return questions.value().size();
  };
  EXPECT_EQ(asked("hosting"), 1u);
  EXPECT_EQ(asked("none"), 0u);
}

// `ibsa check` against the constraints: a rule that reads a fact where it has no meaning
// (C011), and one that can fire only where the facts cannot be (C012).
TEST(FactConstraintsTest, CheckReportsRulesThatNeedWhatTheConstraintsExclude) {
  const std::string facts = R"(format: ibsa.facts/1
jurisdictions: {BE: {nl: "België", fr: "Belgique", en: "Belgium"}}
facts:
  - {name: acts, type: set, values: [share], sensitivity: 1, label: {nl: H, fr: A, en: A}, question: {nl: V, fr: Q, en: Q}}
  - {name: victim.real_person, type: bool, sensitivity: 2, label: {nl: B, fr: E, en: E}, question: {nl: V, fr: Q, en: Q}}
  - {name: victim.age, type: int, min: 0, max: 120, sensitivity: 2, label: {nl: L, fr: A, en: A}, question: {nl: V, fr: Q, en: Q}}
  - {name: image.technique, type: enum, values: [authentic, synthetic], sensitivity: 1, label: {nl: T, fr: T, en: T}, question: {nl: V, fr: Q, en: Q}}
constraints:
  - id: no-person-no-age
    when: {fact: victim.real_person, is: false}
    not_applicable: [victim.age]
    severity: error
    reason: {nl: R, fr: R, en: R}
  - id: authentic-is-real
    when: {fact: image.technique, is: authentic}
    then: {fact: victim.real_person, is: true}
    severity: error
    reason: {nl: R, fr: R, en: R}
)";
  auto vocabulary = Vocabulary::Parse(facts, "facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  const std::string rules =
      testing::RuleYaml("reads-age", {"{fact: victim.age, '<': 18}"}) +
      testing::RuleYaml("guards-age", {"{fact: victim.real_person, is: true}", "{fact: victim.age, '<': 18}"}) +
      testing::RuleYaml("impossible", {"{fact: image.technique, is: authentic}", "{fact: victim.real_person, is: false}"}) +
      testing::RuleYaml("possible", {"{fact: image.technique, is: synthetic}", "{fact: victim.real_person, is: false}"});
  const Law law = testing::LawOf(vocabulary.value(), {{"r.yaml", testing::Ruleset("r", "2020-01-01", "", rules)}});
  std::map<std::string, std::set<std::string>> found;  // code -> rules
  for (const auto& p : CheckLaw(law, MeasureCoverage(law, {}))) {
    const auto start = p.message.find("rule '") + 6;
    found[p.code].insert(p.message.substr(start, p.message.find('\'', start) - start));
  }
  EXPECT_EQ(found["C011"], (std::set<std::string>{"reads-age"}));
  EXPECT_EQ(found["C012"], (std::set<std::string>{"impossible"}));
  EXPECT_EQ(found.count("C003"), 0u);
}

// The harms of harms.yaml are checked as the rules are: a harm that reads a fact where it has
// no meaning, or that can hold only outside the constraints, is reported; one that guards
// the fact, or that the constraints allow, is not. The bundled harms pass.
TEST(FactConstraintsTest, CheckReportsHarmsThatNeedWhatTheConstraintsExclude) {
  const std::string facts = R"(format: ibsa.facts/1
jurisdictions: {BE: {nl: "België", fr: "Belgique", en: "Belgium"}}
facts:
  - {name: acts, type: set, values: [share], sensitivity: 1, label: {nl: H, fr: A, en: A}, question: {nl: V, fr: Q, en: Q}}
  - {name: victim.real_person, type: bool, sensitivity: 2, label: {nl: B, fr: E, en: E}, question: {nl: V, fr: Q, en: Q}}
  - {name: victim.age, type: int, min: 0, max: 120, sensitivity: 2, label: {nl: L, fr: A, en: A}, question: {nl: V, fr: Q, en: Q}}
  - {name: image.technique, type: enum, values: [authentic, synthetic], sensitivity: 1, label: {nl: T, fr: T, en: T}, question: {nl: V, fr: Q, en: Q}}
constraints:
  - id: no-person-no-age
    when: {fact: victim.real_person, is: false}
    not_applicable: [victim.age]
    severity: error
    reason: {nl: R, fr: R, en: R}
  - id: authentic-is-real
    when: {fact: image.technique, is: authentic}
    then: {fact: victim.real_person, is: true}
    severity: error
    reason: {nl: R, fr: R, en: R}
)";
  auto vocabulary = Vocabulary::Parse(facts, "facts.yaml");
  ASSERT_TRUE(vocabulary.ok()) << FormatDiagnostics(vocabulary.errors());
  const Law law = testing::LawOf(vocabulary.value(), {{"r.yaml", testing::Ruleset("r", "2020-01-01", "",
                                                                                   testing::RuleYaml("any", {"{fact: acts, has: share}"}))}});
  auto harm = [](const std::string& id, const std::string& when) {
    return "  - id: " + id + "\n    kind: harm\n    label: {nl: L, fr: L, en: L}\n    when: " + when +
           "\n    sources: [{title: S, url: \"https://eur-lex.europa.eu/eli/dir/2024/1385/oj\"}]\n";
  };
  auto harms = Harms::Parse(
      "format: ibsa.harms/1\nharms:\n" + harm("reads-age", "{fact: victim.age, '<': 18}") +
          harm("guards-age", "{all: [{fact: victim.real_person, is: true}, {fact: victim.age, '<': 18}]}") +
          harm("impossible", "{all: [{fact: image.technique, is: authentic}, {fact: victim.real_person, is: false}]}") +
          harm("possible", "{all: [{fact: image.technique, is: synthetic}, {fact: victim.real_person, is: false}]}"),
      "harms.yaml", law);
  ASSERT_TRUE(harms.ok()) << FormatDiagnostics(harms.errors());
  std::map<std::string, std::set<std::string>> found;  // code -> harms
  for (const auto& p : CheckHarms(law, harms.value())) {
    const auto start = p.message.find("harm '") + 6;
    found[p.code].insert(p.message.substr(start, p.message.find('\'', start) - start));
    EXPECT_EQ(p.location.file, "harms.yaml") << p.message;
  }
  EXPECT_EQ(found["C011"], (std::set<std::string>{"reads-age"}));
  EXPECT_EQ(found["C012"], (std::set<std::string>{"impossible"}));

  auto bundled = Harms::Load(kRoot + "/rulesets/harms.yaml", BundledLaw());
  ASSERT_TRUE(bundled.ok()) << FormatDiagnostics(bundled.errors());
  for (const auto& p : CheckHarms(BundledLaw(), bundled.value())) ADD_FAILURE() << p.code << ": " << p.message;
}

// Every example case of every pattern of `ibsa gaps` and `ibsa diff` (BE and NL, dates from
// 2016, with and without the Dutch bill) is a case the constraints allow.
TEST(FactConstraintsTest, NoPatternExampleBreaksAConstraint) {
  auto harms = Harms::Load(kRoot + "/rulesets/harms.yaml", BundledLaw());
  ASSERT_TRUE(harms.ok());
  auto check = [&](const std::vector<Pattern>& patterns, const std::string& what) {
    for (const auto& p : patterns) {
      ASSERT_TRUE(p.example.has_value()) << what;
      const std::string text = ExampleCaseFile(p, Bundled());
      auto c = Case::Parse(text, "example.yaml", Bundled());
      ASSERT_TRUE(c.ok()) << what << "\n" << text << FormatDiagnostics(c.errors());
    }
  };
  std::string bill;
  for (const auto& v : BundledLaw().versions()) {
    if (v.status == VersionStatus::kProposed && v.jurisdiction == "NL") bill = v.id;
  }
  ASSERT_FALSE(bill.empty());
  for (const char* date : {"2016-06-01", "2026-06-01"}) {
    for (const char* jurisdiction : {"BE", "NL"}) {
      std::vector<std::vector<std::string>> withs = {{}};
      if (std::string(jurisdiction) == "NL") withs.push_back({bill});
      for (const auto& with : withs) {
        auto report = FindGaps(BundledLaw(), harms.value(), {jurisdiction, *Date::Parse(date), with});
        ASSERT_TRUE(report.ok());
        for (const auto& h : report.value().harms) {
          check(h.patterns, std::string(jurisdiction) + " " + date + " " + h.harm->id);
          check(h.uncertain_patterns, std::string(jurisdiction) + " " + date + " " + h.harm->id);
        }
      }
    }
  }
  auto diff = Diff(BundledLaw(), {"NL", *Date::Parse("2024-06-30"), {}}, {"NL", *Date::Parse("2024-07-01"), {}});
  ASSERT_TRUE(diff.ok());
  for (const auto& change : diff.value().changes) check(change.patterns, "NL diff " + change.rule);
  diff = Diff(BundledLaw(), {"BE", *Date::Parse("2025-06-01"), {}}, {"NL", *Date::Parse("2025-06-01"), {}});
  ASSERT_TRUE(diff.ok());
  for (const auto& change : diff.value().changes) check(change.patterns, "BE/NL diff " + change.rule);
}

}  // namespace
}  // namespace ibsa
