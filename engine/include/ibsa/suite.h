// File: suite.h
// The legal test suite: case files with an `expect:` block, run against the law.
#ifndef IBSA_SUITE_H_
#define IBSA_SUITE_H_

#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

// Compares an evaluation with what the case expects. Each returned line is one
// unmet expectation, naming the rule and the expectation's location.
std::vector<std::string> CheckExpectations(const Evaluation& evaluation,
                                           const Expectations& expect, const Law& law);

struct CaseReport {
  std::string file;
  std::string case_id;
  std::vector<std::string> failures;  // unmet expectations
  std::vector<Diagnostic> errors;     // the case could not be loaded or run
  bool passed() const { return failures.empty() && errors.empty(); }
};

struct SuiteReport {
  std::vector<CaseReport> cases;
  int passed() const;
  int failed() const;
};

// Every *.yaml, *.yml and *.json file below each path (or the file itself), in
// sorted order. Each case must carry an `expect:` block with a source. With `harms` (the
// folder's harms.yaml), a case's `expect: gaps:` is checked against the legal gaps its
// evaluation reports; without, a case that states them fails.
SuiteReport RunSuite(const Law& law, const std::vector<std::string>& paths, const EvaluationOptions& options,
                     const Harms* harms = nullptr);

// The case files below `path` (or `path` itself when it is a file), sorted.
std::vector<std::string> FindCaseFiles(const std::string& path);

}  // namespace ibsa

#endif  // IBSA_SUITE_H_
