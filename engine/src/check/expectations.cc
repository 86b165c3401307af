#include <algorithm>
#include <filesystem>
#include <optional>

#include "base/file_io.h"
#include "ibsa/evidence.h"
#include "ibsa/suite.h"
#include "check/suite_internal.h"
#include "render/case_gaps.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace {

std::string Where(const SourceLocation& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

// An expectation names a rule, optionally pinned to a version ("rule@version") or
// narrowed to one of its aggravating circumstances ("rule#aggravation").
struct Target {
  std::string rule;
  std::string version;
  std::string aggravation;
};

Target ParseTarget(const std::string& text) {
  Target target;
  target.rule = text;
  if (auto hash = target.rule.find('#'); hash != std::string::npos) {
    target.aggravation = target.rule.substr(hash + 1);
    target.rule.resize(hash);
  }
  if (auto at = target.rule.find('@'); at != std::string::npos) {
    target.version = target.rule.substr(at + 1);
    target.rule.resize(at);
  }
  return target;
}

// The versions a target pins: none, one, or several joined by '+'.
std::vector<std::string> Pinned(const Target& target) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start < target.version.size()) {
    const size_t plus = std::min(target.version.find('+', start), target.version.size());
    ids.push_back(target.version.substr(start, plus - start));
    start = plus + 1;
  }
  return ids;
}

// Whether `f` rests on the version(s) `target` pins: one version ("rule@v") is one of those
// the finding rests on; several ("rule@v1+v2") are exactly those, as one finding (a period
// across a change of the law where the rule reads alike: Finding::versions).
bool RestsOn(const Finding& f, const std::string& pinned) {
  if (pinned.empty()) return true;
  std::vector<std::string> ids;
  for (const FindingVersion& v : VersionsOf(f)) ids.push_back(v.version->id);
  if (pinned.find('+') == std::string::npos) return std::find(ids.begin(), ids.end(), pinned) != ids.end();
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : "+") + id;
  return joined == pinned;
}

const Finding* FindFinding(const Evaluation& evaluation, const Target& target) {
  for (const auto& f : evaluation.findings) {
    if (f.rule->id == target.rule && RestsOn(f, target.version)) return &f;
  }
  return nullptr;
}

// Whether the rule, in the pinned version or in any version defining it, has the
// aggravation: articles gain aggravations over time.
bool HasAggravation(const Law& law, const Target& target) {
  for (const auto& v : law.versions()) {
    const auto pinned = Pinned(target);
    if (!pinned.empty() && std::find(pinned.begin(), pinned.end(), v.id) == pinned.end()) continue;
    for (const auto& r : v.rules) {
      if (r.id != target.rule) continue;
      for (const auto& a : r.aggravations) {
        if (a.id == target.aggravation) return true;
      }
    }
  }
  return false;
}

// The aggravation's state as a finding status would be: met = applies, unknown =
// possible, false or absent = nullopt.
std::optional<FindingStatus> AggravationStatus(const Finding* f, const std::string& id) {
  if (f == nullptr) return std::nullopt;
  for (const auto& a : f->aggravations) {
    if (a.aggravation->id != id) continue;
    if (a.truth == Truth::kTrue) return FindingStatus::kApplies;
    if (a.truth == Truth::kUnknown) return FindingStatus::kPossible;
  }
  return std::nullopt;
}

std::string Describe(const Finding* f) {
  if (f == nullptr) return "it is absent";
  if (f->status == FindingStatus::kApplies) return "it applies";
  std::string missing;
  for (const auto& m : f->missing) missing += (missing.empty() ? "" : ", ") + m;
  return "it is possible (missing: " + missing + ")";
}

std::string TruthText(Truth t) {
  return t == Truth::kTrue ? "true" : t == Truth::kFalse ? "false" : "unknown";
}

// What the case expects of the time bars: each field written is compared with the outcome
// (over its readings: the earliest day barred, the latest, whether none lapses).
std::vector<std::string> LimitationFailures(const Evaluation& evaluation, const Expectations& expect) {
  std::vector<std::string> failures;
  for (const auto& e : expect.limitation) {
    const std::string where = Where(e.location) + ": limitation of '" + e.rule + "': ";
    const Finding* f = FindFinding(evaluation, ParseTarget(e.rule));
    if (f == nullptr || !f->limitation) {
      failures.push_back(where + (f == nullptr ? "the finding is absent" : "the finding has no limitation"));
      continue;
    }
    const LimitationOutcome& o = *f->limitation;
    std::optional<Date> earliest, latest;
    bool never = true;
    for (const auto& s : o.scenarios) {
      if (!s.known || s.barred_from) never = false;
      if (!s.barred_from) continue;
      earliest = earliest ? std::min(*earliest, *s.barred_from) : *s.barred_from;
      const Date last = s.barred_from_latest.value_or(*s.barred_from);
      latest = latest ? std::max(*latest, last) : last;
    }
    auto text = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string("none"); };
    if (e.lapsed && *e.lapsed != o.lapsed) {
      failures.push_back(where + "expected lapsed " + TruthText(*e.lapsed) + ", but it is " + TruthText(o.lapsed));
    }
    if (e.never && !never) failures.push_back(where + "expected it never to lapse, but it is barred from " + text(earliest));
    if (e.barred_from && e.barred_from != earliest) {
      failures.push_back(where + "expected barred from " + e.barred_from->ToString() + ", but " + text(earliest));
    }
    if (e.barred_from_latest && e.barred_from_latest != latest) {
      failures.push_back(where + "expected barred at the latest from " + e.barred_from_latest->ToString() + ", but " +
                         text(latest));
    }
    if (e.period_years && (o.scenarios.empty() || o.scenarios.front().period_years != e.period_years)) {
      failures.push_back(where + "expected a period of " + std::to_string(*e.period_years) + " years");
    }
  }
  return failures;
}

}  // namespace

std::vector<internal::ExpectationResult> internal::EvaluateExpectations(const Evaluation& evaluation,
                                                             const Expectations& expect,
                                                             const Law& law) {
  std::vector<internal::ExpectationResult> results;
  std::vector<std::string> rule_ids;
  for (const auto& v : law.versions()) {
    for (const auto& r : v.rules) rule_ids.push_back(r.id);
  }
  auto check = [&](const std::vector<ExpectedRule>& list, const char* wanted,
                   std::optional<FindingStatus> status) {
    for (const auto& expected : list) {
      internal::ExpectationResult result;
      result.expected = &expected;
      result.status = status;
      const Target target = ParseTarget(expected.rule);
      result.rule = target.rule;
      result.aggravation = target.aggravation;
      const Rule* rule = law.FindRule(target.rule);
      std::string problem;
      if (rule == nullptr) {
        std::string hint = internal::DidYouMean(target.rule, rule_ids);
        problem = "expect names unknown rule '" + target.rule + "'" + (hint.empty() ? "" : " (" + hint + ")");
      } else if (const auto pinned = Pinned(target);
                 std::any_of(pinned.begin(), pinned.end(), [&](const std::string& id) { return law.FindVersion(id) == nullptr; })) {
        problem = "expect names unknown ruleset version '" + target.version + "'";
      } else if (!target.aggravation.empty() && !HasAggravation(law, target)) {
        problem = "rule '" + target.rule + "' has no aggravation '" + target.aggravation + "'" +
                  (target.version.empty() ? "" : " in " + target.version);
      }
      if (!problem.empty()) {
        result.failure = Where(expected.location) + ": " + problem;
        results.push_back(std::move(result));
        continue;
      }
      const Finding* f = FindFinding(evaluation, target);
      result.finding = f;
      std::optional<FindingStatus> actual;
      std::string description = Describe(f);
      if (target.aggravation.empty()) {
        if (f != nullptr) actual = f->status;
      } else {
        actual = AggravationStatus(f, target.aggravation);
        description = !actual ? "it does not hold"
                      : *actual == FindingStatus::kApplies ? "it holds"
                                                           : "it may hold";
      }
      if (actual != status) {
        result.failure = Where(expected.location) + ": expected '" + expected.rule + "' " +
                         wanted + ", but " + description;
      }
      results.push_back(std::move(result));
    }
  };
  check(expect.applies, "to apply", FindingStatus::kApplies);
  check(expect.possible, "to be possible", FindingStatus::kPossible);
  check(expect.absent, "to be absent", std::nullopt);
  return results;
}

std::vector<std::string> internal::CheckExpectedGaps(const std::vector<ExpectedGap>& expected,
                                                     const SourceLocation& where, const Harms& declared,
                                                     const std::vector<CaseHarm>& harms,
                                                     const Evaluation& evaluation) {
  std::vector<std::string> failures;
  // The gaps as every output reports them (the language does not change a status).
  const std::vector<CaseGap> reported = CaseGaps(harms, evaluation, Language::kEn);
  std::vector<std::string> harm_ids;
  for (const auto& h : declared.harms()) harm_ids.push_back(h.id);
  std::vector<std::string> statuses(std::begin(kGapStatuses), std::end(kGapStatuses));
  auto join = [](const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
  };
  std::vector<std::string> named;
  for (const auto& gap : expected) {
    std::string problem;
    if (std::find(harm_ids.begin(), harm_ids.end(), gap.harm) == harm_ids.end()) {
      const std::string hint = DidYouMean(gap.harm, harm_ids);
      problem = "expect.gaps names unknown harm '" + gap.harm + "'" + (hint.empty() ? "" : " (" + hint + ")") +
                "; the harms of harms.yaml are " + join(harm_ids);
    } else if (std::find(statuses.begin(), statuses.end(), gap.status) == statuses.end()) {
      problem = "expect.gaps gives harm '" + gap.harm + "' the unknown status '" + gap.status + "'; a gap is " +
                join(statuses);
    } else if (std::find(named.begin(), named.end(), gap.harm) != named.end()) {
      problem = "expect.gaps names harm '" + gap.harm + "' twice";
    }
    if (!problem.empty()) {
      failures.push_back(Where(gap.location) + ": " + problem);
      continue;
    }
    named.push_back(gap.harm);
    const auto found = std::find_if(reported.begin(), reported.end(),
                                    [&](const CaseGap& g) { return g.harm->harm->id == gap.harm; });
    if (found == reported.end()) {
      failures.push_back(Where(gap.location) + ": expected gap '" + gap.harm + "' (" + gap.status +
                         "), but it is missing: the evaluation reports no such gap");
    } else if (found->status != gap.status) {
      failures.push_back(Where(gap.location) + ": expected gap '" + gap.harm + "' to be " + gap.status +
                         ", but it is " + std::string(found->status));
    }
  }
  // Every gap reported must be expected: the list is the case's gaps, all of them.
  for (const auto& g : reported) {
    if (std::find(named.begin(), named.end(), g.harm->harm->id) != named.end()) continue;
    // A harm named with an unknown status was reported above already.
    const bool misnamed = std::any_of(expected.begin(), expected.end(),
                                      [&](const ExpectedGap& e) { return e.harm == g.harm->harm->id; });
    if (misnamed) continue;
    failures.push_back(Where(where) + ": unexpected gap '" + g.harm->harm->id + "' (" + std::string(g.status) +
                       "): the evaluation reports it, expect.gaps does not list it");
  }
  return failures;
}

std::vector<std::string> CheckExpectations(const Evaluation& evaluation,
                                           const Expectations& expect, const Law& law) {
  std::vector<std::string> failures;
  for (const auto& result : internal::EvaluateExpectations(evaluation, expect, law)) {
    if (!result.failure.empty()) failures.push_back(result.failure);
  }
  for (auto& failure : LimitationFailures(evaluation, expect)) failures.push_back(std::move(failure));
  return failures;
}

std::vector<std::string> FindCaseFiles(const std::string& path) {
  std::vector<Diagnostic> errors;
  return internal::FindCaseFiles(path, errors);
}

int SuiteReport::passed() const {
  return static_cast<int>(std::count_if(cases.begin(), cases.end(),
                                        [](const CaseReport& c) { return c.passed(); }));
}

int SuiteReport::failed() const { return static_cast<int>(cases.size()) - passed(); }

namespace internal {

std::vector<std::string> FindCaseFiles(const std::string& path, std::vector<Diagnostic>& errors) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  return FindFiles(path, {".yaml", ".yml", ".json"}, errors);
}

CaseRun RunCase(const Law& law, const Harms* harms, const std::string& file, const EvaluationOptions& options) {
  CaseRun run;
  run.report.file = file;
  auto loaded = Case::Load(file, law.vocabulary());
  if (!loaded.ok()) {
    run.report.errors = loaded.errors();
    return run;
  }
  run.c.emplace(std::move(loaded).value());
  const Case& c = *run.c;
  run.report.case_id = c.id();
  if (auto errors = CheckEvidence(c, law); !errors.empty()) {
    run.report.errors = std::move(errors);
    return run;
  }
  if (!c.expectations()) {
    run.report.errors.push_back(Diagnostic{"E0106", SourceLocation{file, 1, 1},
                                           "a case in the test suite needs an 'expect' block",
                                           {"expect: {applies: [...], possible: [...], absent: "
                                            "[...], source: ...}"},
                                           "", 1});
    return run;
  }
  // The expectation may hold under a bill or a what-if date of its own.
  EvaluationOptions effective = options;
  for (const auto& id : c.expectations()->with) effective.with.push_back(id);
  if (c.expectations()->as_of) effective.as_of = c.expectations()->as_of;
  if (c.expectations()->assessed_on) effective.assessed_on = c.expectations()->assessed_on;
  auto evaluation = Evaluate(law, c, effective);
  if (!evaluation.ok()) {
    run.report.errors = evaluation.errors();
    for (auto& e : run.report.errors) {
      if (e.location.file.empty()) e.location = c.expectations()->location;
    }
    return run;
  }
  run.evaluation.emplace(std::move(evaluation).value());
  run.results = internal::EvaluateExpectations(*run.evaluation, *c.expectations(), law);
  for (const auto& result : run.results) {
    if (!result.failure.empty()) run.report.failures.push_back(result.failure);
  }
  if (const auto& gaps = c.expectations()->gaps) {
    const SourceLocation& where = c.expectations()->gaps_location;
    if (harms == nullptr) {
      run.report.failures.push_back(Where(where) +
                                    ": expect.gaps needs the harms (harms.yaml of the rulesets folder), which were "
                                    "not read");
    } else {
      for (auto& failure :
           CheckExpectedGaps(*gaps, where, *harms, HarmsOfCase(*harms, c, *run.evaluation), *run.evaluation)) {
        run.report.failures.push_back(std::move(failure));
      }
    }
  }
  for (auto& failure : LimitationFailures(*run.evaluation, *c.expectations())) {
    run.report.failures.push_back(std::move(failure));
  }
  return run;
}

}  // namespace internal

SuiteReport RunSuite(const Law& law, const std::vector<std::string>& paths, const EvaluationOptions& options,
                     const Harms* harms) {
  SuiteReport report;
  for (const auto& path : paths) {
    std::vector<Diagnostic> errors;
    for (const auto& file : internal::FindCaseFiles(path, errors)) {
      report.cases.push_back(internal::RunCase(law, harms, file, options).report);
    }
    // A folder of cases that cannot be read fails the suite as a case that cannot be read.
    for (auto& error : errors) {
      CaseReport unreadable;
      unreadable.file = error.location.file;
      unreadable.errors.push_back(std::move(error));
      report.cases.push_back(std::move(unreadable));
    }
  }
  return report;
}

}  // namespace ibsa
