// File: check.h
// Checks of the law as a whole, beyond what loading already enforces: that every rule
// is exercised by the case suite (applying and not applying), that no rule can never
// fire, that versions of an instrument leave no unexplained hole, and that replacements
// name existing rules. Also the coverage table behind `ibsa coverage`.
#ifndef IBSA_CHECK_H_
#define IBSA_CHECK_H_

#include <string>
#include <vector>

#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/suite.h"

namespace ibsa {

// Which cases show a rule (of one version) applying, possible or absent, counting only
// expectations the case states and the evaluation meets.
struct RuleCoverage {
  const RulesetVersion* version = nullptr;
  const Rule* rule = nullptr;
  std::vector<std::string> applies;   // case files
  std::vector<std::string> possible;
  std::vector<std::string> absent;
};

struct Coverage {
  std::vector<RuleCoverage> rules;  // every rule of every version, in law order
  SuiteReport suite;                // the run the coverage comes from
};

// Runs every case below `case_paths` and records what each one shows; with `harms`, their
// `expect: gaps:` are checked too (RunSuite).
Coverage MeasureCoverage(const Law& law, const std::vector<std::string>& case_paths, const Harms* harms = nullptr);

// docs/coverage.md: per instrument version, its articles and the cases exercising them.
// Case files are shown relative to `relative_to` when they lie below it.
std::string RenderCoverageMarkdown(const Coverage& coverage, const std::string& relative_to);

struct CheckProblem {
  std::string code;  // C001..., see docs/errors.md
  SourceLocation location;
  std::string message;
};

// Everything found wrong; empty when the law passes. Failing or invalid cases are
// reported too, since their expectations cannot count as coverage.
std::vector<CheckProblem> CheckLaw(const Law& law, const Coverage& coverage);

// The harms (harms.yaml) against the vocabulary's constraints, as CheckLaw checks rules:
// C012 for a harm that can hold only where the constraints say the facts cannot be, C011
// for a fact it reads where a constraint makes that fact not applicable. A rule a harm
// names is taken in the version that came into force last.
std::vector<CheckProblem> CheckHarms(const Law& law, const Harms& harms);

// Whether some combination of facts meets every element of the rule (derived facts
// computed from their inputs). Exact: answered from the rule's decision diagram over
// the values its conditions tell apart, as `ibsa gaps` sweeps them; false means no
// combination does: the rule can never fire.
bool CanFire(const Law& law, const Rule& rule);

}  // namespace ibsa

#endif  // IBSA_CHECK_H_
