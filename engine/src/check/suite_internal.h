// Internal: running one case of the suite, keeping what `check` and `coverage` need.
#ifndef IBSA_SRC_CHECK_SUITE_INTERNAL_H_
#define IBSA_SRC_CHECK_SUITE_INTERNAL_H_

#include <optional>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/suite.h"

namespace ibsa::internal {

// One entry of an `expect:` list, judged.
struct ExpectationResult {
  const ExpectedRule* expected = nullptr;
  std::optional<FindingStatus> status;  // what was expected: applies, possible, or absent
  std::string rule;                     // the rule id, without @version or #aggravation
  std::string aggravation;
  const Finding* finding = nullptr;     // the finding it matched, if any
  std::string failure;                  // empty when met
};

std::vector<ExpectationResult> EvaluateExpectations(const Evaluation& evaluation,
                                                    const Expectations& expect, const Law& law);

struct CaseRun {
  CaseReport report;
  std::optional<Case> c;
  std::optional<Evaluation> evaluation;
  std::vector<ExpectationResult> results;  // point into `c` and `evaluation`
};

CaseRun RunCase(const Law& law, const std::string& file, const EvaluationOptions& options);

// FindCaseFiles, with the folders that cannot be read (E0001) in `errors`.
std::vector<std::string> FindCaseFiles(const std::string& path, std::vector<Diagnostic>& errors);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_CHECK_SUITE_INTERNAL_H_
