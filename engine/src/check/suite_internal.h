// Internal: running one case of the suite, keeping what `check` and `coverage` need.
#ifndef IBSA_SRC_CHECK_SUITE_INTERNAL_H_
#define IBSA_SRC_CHECK_SUITE_INTERNAL_H_

#include <optional>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/gaps.h"
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

// With `harms` (nullptr: none were read), the case's `expect: gaps:` is checked against the
// legal gaps its evaluation reports; without, a case that states them fails.
CaseRun RunCase(const Law& law, const Harms* harms, const std::string& file, const EvaluationOptions& options);

// The unmet parts of `expected` (expect: gaps:) against the gaps `harms` (HarmsOfCase of
// `evaluation`) make: each line names the location and the harm missing, unexpected or
// with another status; an unknown harm id or status is named with the allowed ones.
std::vector<std::string> CheckExpectedGaps(const std::vector<ExpectedGap>& expected, const SourceLocation& where,
                                           const Harms& declared, const std::vector<CaseHarm>& harms,
                                           const Evaluation& evaluation);

// FindCaseFiles, with the folders that cannot be read (E0001) in `errors`.
std::vector<std::string> FindCaseFiles(const std::string& path, std::vector<Diagnostic>& errors);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_CHECK_SUITE_INTERNAL_H_
