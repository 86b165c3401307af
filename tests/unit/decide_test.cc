// Decide, the lean path, judged against expectations that do not come from Decide: the
// verdicts a lawyer wrote in each case file (its `expect` block, with its sources), verdicts
// written here by hand from the articles, the versions in force on each date as the rulesets
// state them, and the condition program (the tree Evaluate explains with, which is not the
// laid-out code Decide runs). Evaluate is built on Decide, so its findings are never the
// expectation for Decide's verdicts, versions or dates.
#include <gtest/gtest.h>

#include <algorithm>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;

struct Bundled {
  Vocabulary vocabulary;
  Law law;
  std::vector<Case> cases;
};

const Bundled& Load() {
  static const Bundled* bundled = [] {
    auto vocabulary = Vocabulary::Load(kRoot + "/rulesets/facts.yaml");
    auto law = Law::Load(kRoot + "/rulesets", vocabulary.value());
    std::vector<Case> cases;
    for (const auto& file : FindCaseFiles(kRoot + "/cases")) {
      cases.push_back(Case::Load(file, vocabulary.value()).value());
    }
    return new Bundled{vocabulary.value(), std::move(law).value(), std::move(cases)};
  }();
  return *bundled;
}

const Case& BundledCase(const std::string& path) {
  for (const Case& c : Load().cases) {
    if (c.file() == kRoot + "/" + path) return c;
  }
  ADD_FAILURE() << "no bundled case " << path;
  return Load().cases.front();
}

EvaluationOptions OptionsOf(const Case& c) {
  EvaluationOptions options;
  options.explain = true;
  if (c.expectations()) {
    options.with = c.expectations()->with;
    options.as_of = c.expectations()->as_of;
  }
  return options;
}

Decision Decided(const Case& c) {
  Decision decision;
  EXPECT_TRUE(Decide(Load().law, c, OptionsOf(c), decision).ok()) << c.file();
  return decision;
}

std::string_view Name(Truth truth) {
  return truth == Truth::kTrue ? "applies" : truth == Truth::kUnknown ? "possible" : "not met";
}

// --- What the case files expect ----------------------------------------------------------

// The first verdict for `rule` (in `version`, if named) that is not "not met": what the
// expect block calls the rule's finding.
const Verdict* FindingOf(const Decision& decision, const std::string& rule, const std::string& version) {
  for (const Verdict& v : decision.verdicts()) {
    if (v.rule->id == rule && (version.empty() || v.version->id == version) && v.truth != Truth::kFalse) return &v;
  }
  return nullptr;
}

TEST(DecideTest, GivesTheVerdictsEveryCaseFileExpects) {
  const Bundled& b = Load();
  ASSERT_GT(b.cases.size(), 200u);
  size_t checked = 0;
  for (const Case& c : b.cases) {
    ASSERT_TRUE(c.expectations()) << c.file();
    const Decision decision = Decided(c);
    const Expectations& expect = *c.expectations();
    auto check = [&](const std::vector<ExpectedRule>& list, std::string_view wanted) {
      for (const ExpectedRule& e : list) {
        // "rule#aggravation": aggravations are Evaluate's, not Decide's.
        if (e.rule.find('#') != std::string::npos) continue;
        const size_t at = e.rule.find('@');
        const std::string rule = e.rule.substr(0, at);
        // "rule@v1+v2": one finding of both versions, each version's verdict the same.
        std::string versions = at == std::string::npos ? "" : e.rule.substr(at + 1);
        do {
          const size_t plus = versions.find('+');
          const std::string version = versions.substr(0, plus);
          versions = plus == std::string::npos ? "" : versions.substr(plus + 1);
          const Verdict* finding = FindingOf(decision, rule, version);
          EXPECT_EQ(finding == nullptr ? "absent" : Name(finding->truth), wanted)
              << e.location.file << ":" << e.location.line << ": " << e.rule;
        } while (!versions.empty());
        ++checked;
      }
    };
    check(expect.applies, "applies");
    check(expect.possible, "possible");
    check(expect.absent, "absent");
  }
  EXPECT_GT(checked, 1000u);
}

// --- The versions in force on each date --------------------------------------------------

// The version of (jurisdiction, instrument) in force on `date`, read from the rulesets'
// dates and statuses: a proposal only when named in `with`, nothing when no version covers
// the date.
const RulesetVersion* InForce(const Law& law, const RulesetVersion& of, Date date, const std::vector<std::string>& with) {
  const RulesetVersion* found = nullptr;
  for (const RulesetVersion& v : law.versions()) {
    if (v.jurisdiction != of.jurisdiction || v.instrument != of.instrument || !v.InForceOn(date)) continue;
    const bool named = std::find(with.begin(), with.end(), v.id) != with.end();
    if (v.status == VersionStatus::kProposed && !named) continue;
    if (found == nullptr || named) found = &v;
  }
  return found;
}

TEST(DecideTest, JudgesEachRuleInTheVersionInForceOnTheDatesItIsAbout) {
  const Bundled& b = Load();
  for (const Case& c : b.cases) {
    const EvaluationOptions options = OptionsOf(c);
    const Decision decision = Decided(c);
    bool national = true;
    for (const Verdict& v : decision.verdicts()) {
      // National law first, then the law of the Union over it.
      if (v.version->jurisdiction != c.jurisdiction()) national = false;
      EXPECT_TRUE(v.version->jurisdiction == (national ? c.jurisdiction() : "EU")) << c.file() << " " << v.rule->id;
      EXPECT_TRUE(std::any_of(v.version->rules.begin(), v.version->rules.end(),
                              [&](const Rule& r) { return &r == v.rule; }))
          << c.file() << " " << v.rule->id;
      ASSERT_NE(v.anchors, 0u) << c.file() << " " << v.rule->id;
      for (size_t a = 0; a < 64; ++a) {
        if (((v.anchors >> a) & 1) == 0) continue;
        ASSERT_LE(a, c.acts().size()) << c.file();
        // Bit 0 is the date of the facts, bit a the date of act a - 1; --as-of replaces both.
        // A date given as a period (a month, a range) selects the versions in force on one of
        // its days: the version from its first day in the period.
        const DatePeriod period = options.as_of ? DatePeriod(*options.as_of) : a == 0 ? c.period() : c.acts()[a - 1].period;
        const Date date = std::max(period.earliest, v.version->in_force_from);
        EXPECT_LE(date, period.latest) << c.file() << " " << v.rule->id;
        EXPECT_EQ(InForce(b.law, *v.version, date, options.with), v.version)
            << c.file() << " " << v.rule->id << " on " << date.ToString();
        if (a > 0) {
          // A rule about acts is judged on the dates of the acts it is about.
          EXPECT_NE(std::find(v.rule->acts.begin(), v.rule->acts.end(), c.acts()[a - 1].type), v.rule->acts.end())
              << c.file() << " " << v.rule->id << " act " << c.acts()[a - 1].type;
        }
      }
    }
  }
}

// --- Verdicts written by hand ------------------------------------------------------------

struct Expected {
  const char* rule;
  const char* version;  // nullptr: the rule has no verdict in any version
  Truth truth = Truth::kFalse;
  uint64_t anchors = 0;  // bit 0: the date of the facts; bit i: act i - 1
};

void ExpectVerdicts(const std::string& path, const std::vector<Expected>& expected) {
  const Case& c = BundledCase(path);
  const Decision decision = Decided(c);
  for (const Expected& e : expected) {
    std::vector<const Verdict*> found;
    for (const Verdict& v : decision.verdicts()) {
      if (v.rule->id == e.rule) found.push_back(&v);
    }
    if (e.version == nullptr) {
      EXPECT_TRUE(found.empty()) << path << ": " << e.rule << " was judged";
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << path << ": " << e.rule;
    EXPECT_EQ(found[0]->version->id, e.version) << path << ": " << e.rule;
    EXPECT_EQ(Name(found[0]->truth), Name(e.truth)) << path << ": " << e.rule;
    EXPECT_EQ(found[0]->anchors, e.anchors) << path << ": " << e.rule;
  }
}

// An adult ex-partner made an undress-app image of an adult (act 0: create, 10 March 2025)
// and shared it with acquaintances to humiliate her (act 1: share, on the date of the facts,
// 14 March 2025). The Criminal Code as amended by the Law of 21 March 2022 (in force 1 June
// 2022 to 7 April 2026, ruleset be.sw.2022-06-01) applies to both acts.
TEST(DecideTest, TheDemoCaseAsTheCriminalCodeOf2022Reads) {
  constexpr uint64_t kFacts = 1, kCreate = 2, kShare = 4;
  ExpectVerdicts("cases/demo/be-ex-partner-undress-posted.yaml", {
    // Art. 417/8 Sw.: making an image of a person's nudity without consent; the legislator
    // counts partly edited real images (undress apps) in (Parl. doc. Chamber 55-2141/001).
    {"be.sw.417-8.edited", "be.sw.2022-06-01", Truth::kTrue, kCreate},
    // ... and the real-recording reading does not fit: the image is edited, not authentic.
    {"be.sw.417-8", "be.sw.2022-06-01", Truth::kFalse, kCreate},
    // Art. 417/9 Sw.: showing or spreading the sexual image without the person's consent.
    {"be.sw.417-9", "be.sw.2022-06-01", Truth::kTrue, kShare},
    // ... but not its reading for a fully generated image: this one edits a real photo.
    {"be.sw.417-9.synthetic", "be.sw.2022-06-01", Truth::kFalse, kShare},
    // Art. 417/10 Sw.: the facts of art. 417/9 with malicious intent (to humiliate her).
    {"be.sw.417-10", "be.sw.2022-06-01", Truth::kTrue, kShare},
    // Art. 417/43 Sw. (what child sexual abuse material is), on the date of the facts: the
    // person is 29 and does not appear to be a minor, so art. 417/44 (making and spreading
    // it) is met by neither act.
    {"be.sw.417-43", "be.sw.2022-06-01", Truth::kFalse, kFacts},
    {"be.sw.417-44", "be.sw.2022-06-01", Truth::kFalse, kCreate | kShare},
    // The art. 371/1 of before the reform is not in force on either date.
    {"be.sw.371-1.1.edited", nullptr},
  });
}

// The same facts, but the image was made on 30 May 2022 (act 0) and shared on 2 June 2022
// (act 1): each act is judged by the Criminal Code in force on its own date (art. 2 Sw.).
TEST(DecideTest, EachActIsJudgedByTheLawInForceOnItsDate) {
  constexpr uint64_t kCreate = 2, kShare = 4;
  ExpectVerdicts("cases/be/2022/c22-created-before-shared-after-reform.yaml", {
    // Making, before 1 June 2022: art. 371/1, § 1, 1° Sw. (voyeurism, text in force from
    // 1 July 2020), in its reading for an edited image (unverified, but its elements are met).
    {"be.sw.371-1.1.edited", "be.sw.2020-07-01", Truth::kTrue, kCreate},
    {"be.sw.371-1.1", "be.sw.2020-07-01", Truth::kFalse, kCreate},
    // Sharing, from 1 June 2022: arts 417/9 and 417/10 Sw. (Law of 21 March 2022).
    {"be.sw.417-9", "be.sw.2022-06-01", Truth::kTrue, kShare},
    {"be.sw.417-10", "be.sw.2022-06-01", Truth::kTrue, kShare},
    // Art. 417/8 Sw. did not exist yet when the image was made.
    {"be.sw.417-8.edited", nullptr},
    {"be.sw.417-8", nullptr},
  });
}

// A hidden camera on 28 February 2016, the day before the Law of 1 February 2016 put art.
// 371/1 (voyeurism) into the Criminal Code: before it, no provision made secret filming an
// offence (Cass. 31 March 2015, P.14.0293.N), and ibsa encodes no Criminal Code for that day.
TEST(DecideTest, NoVersionOfTheCriminalCodeBeforeTheLawOf2016) {
  ExpectVerdicts("cases/be/2016/b16-01-hidden-camera-day-before-2016-law.yaml", {
    {"be.sw.371-1.1", nullptr},
    {"be.sw.371-1.1.edited", nullptr},
    {"be.sw.371-1.2", nullptr},
  });
  // ... which is said: the instrument has no version for that date.
  EXPECT_TRUE(Decided(BundledCase("cases/be/2016/b16-01-hidden-camera-day-before-2016-law.yaml")).has_version_gaps());
  // The day the law took effect, the Code is there and nothing is missing.
  EXPECT_FALSE(Decided(BundledCase("cases/be/2022/c22-created-before-shared-after-reform.yaml")).has_version_gaps());
}

// --- The condition program ---------------------------------------------------------------

// Decide runs the conditions laid out for speed; Evaluate explains each element with the
// condition program it was compiled from. The two must agree: a verdict is the conjunction
// of its elements' truths in the program, and a rule not met has an element false there.
TEST(DecideTest, JudgesAsTheConditionProgramExplains) {
  const Bundled& b = Load();
  for (const Case& c : b.cases) {
    const Decision decision = Decided(c);
    auto evaluation = Evaluate(b.law, c, OptionsOf(c));
    ASSERT_TRUE(evaluation.ok()) << c.file();
    const Evaluation& e = evaluation.value();
    // Evaluate reports the verdicts in Decide's order, split into findings and rules not met;
    // the verdicts of one rule that reads alike in the versions of a period are one finding
    // (Finding::versions), at the place of the first.
    size_t finding = 0, not_met = 0;
    for (const Verdict& verdict : decision.verdicts()) {
      if (verdict.truth == Truth::kFalse) {
        ASSERT_LT(not_met, e.not_met.size()) << c.file();
        EXPECT_NE(e.not_met[not_met++].failed, nullptr) << c.file() << " " << verdict.rule->id;
        continue;
      }
      const Finding* joined = nullptr;
      for (size_t k = 0; k < finding && joined == nullptr; ++k) {
        const auto versions = VersionsOf(e.findings[k]);
        for (size_t i = 1; i < versions.size(); ++i) {
          if (versions[i].rule == verdict.rule && versions[i].version == verdict.version) joined = &e.findings[k];
        }
      }
      ASSERT_TRUE(joined != nullptr || finding < e.findings.size()) << c.file();
      const Finding& found = joined != nullptr ? *joined : e.findings[finding++];
      EXPECT_EQ(found.rule->id, verdict.rule->id) << c.file();
      Truth elements = Truth::kTrue;
      for (const auto& outcome : found.elements) elements = And(elements, outcome.truth);
      // Where the day decides (a period across a change of the law), no more than possible.
      EXPECT_EQ(Name(verdict.day_decides ? And(elements, Truth::kUnknown) : elements), Name(verdict.truth))
          << c.file() << " " << verdict.rule->id;
    }
  }
}

// --- Reuse --------------------------------------------------------------------------------

TEST(DecideTest, AReusedDecisionDecidesAsAFreshOne) {
  const Bundled& b = Load();
  Decision reused;
  // Forwards, then backwards, so every case follows a different one.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < b.cases.size(); ++i) {
      const Case& c = b.cases[pass == 0 ? i : b.cases.size() - 1 - i];
      ASSERT_TRUE(Decide(b.law, c, OptionsOf(c), reused).ok()) << c.file();
      const Decision fresh = Decided(c);
      ASSERT_EQ(reused.verdicts().size(), fresh.verdicts().size()) << c.file();
      for (size_t k = 0; k < fresh.verdicts().size(); ++k) {
        const Verdict& x = reused.verdicts()[k];
        const Verdict& y = fresh.verdicts()[k];
        EXPECT_TRUE(x.rule == y.rule && x.version == y.version && x.truth == y.truth && x.anchors == y.anchors)
            << c.file() << " " << y.rule->id;
      }
      EXPECT_EQ(reused.has_version_gaps(), fresh.has_version_gaps()) << c.file();
    }
  }
}

TEST(DecideTest, AMovedFromDecisionHoldsNothingUntilDecidedAgain) {
  const Case& c = BundledCase("cases/demo/be-ex-partner-undress-posted.yaml");
  Decision first = Decided(c);
  const size_t verdicts = first.verdicts().size();
  ASSERT_GT(verdicts, 0u);
  Decision second = std::move(first);
  EXPECT_EQ(second.verdicts().size(), verdicts);
  EXPECT_TRUE(first.verdicts().empty());  // NOLINT(bugprone-use-after-move): what is tested
  EXPECT_FALSE(first.has_version_gaps());
  ASSERT_TRUE(Decide(Load().law, c, OptionsOf(c), first).ok());
  EXPECT_EQ(first.verdicts().size(), verdicts);
  second = std::move(first);
  EXPECT_EQ(second.verdicts().size(), verdicts);
}

TEST(DecideTest, RefusesAProposalThatIsNotLoaded) {
  const Bundled& b = Load();
  Decision decision;
  EvaluationOptions options;
  options.with = {"nl.no-such-bill"};
  auto decided = Decide(b.law, b.cases.front(), options, decision);
  ASSERT_FALSE(decided.ok());
  EXPECT_EQ(decided.errors().front().code, "E0301");
}

}  // namespace
}  // namespace ibsa
