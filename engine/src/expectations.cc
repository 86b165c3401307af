#include <algorithm>
#include <filesystem>

#include "ibsa/suite.h"
#include "yaml_reader.h"

namespace ibsa {
namespace {

std::string Where(const SourceLocation& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

const Finding* FindFinding(const Evaluation& evaluation, const std::string& rule) {
  for (const auto& f : evaluation.findings) {
    if (f.rule->id == rule) return &f;
  }
  return nullptr;
}

std::string Describe(const Finding* f) {
  if (f == nullptr) return "it is absent";
  if (f->status == FindingStatus::kApplies) return "it applies";
  std::string missing;
  for (const auto& m : f->missing) missing += (missing.empty() ? "" : ", ") + m;
  return "it is possible (missing: " + missing + ")";
}

}  // namespace

std::vector<std::string> CheckExpectations(const Evaluation& evaluation,
                                           const Expectations& expect, const Law& law) {
  std::vector<std::string> failures;
  std::vector<std::string> rule_ids;
  for (const auto& v : law.versions()) {
    for (const auto& r : v.rules) rule_ids.push_back(r.id);
  }
  auto check = [&](const std::vector<ExpectedRule>& list, const char* wanted,
                   auto&& matches) {
    for (const auto& expected : list) {
      if (law.FindRule(expected.rule) == nullptr) {
        std::string hint = internal::DidYouMean(expected.rule, rule_ids);
        failures.push_back(Where(expected.location) + ": expect names unknown rule '" +
                           expected.rule + "'" + (hint.empty() ? "" : " (" + hint + ")"));
        continue;
      }
      const Finding* f = FindFinding(evaluation, expected.rule);
      if (!matches(f)) {
        failures.push_back(Where(expected.location) + ": expected '" + expected.rule + "' " +
                           wanted + ", but " + Describe(f));
      }
    }
  };
  check(expect.applies, "to apply",
        [](const Finding* f) { return f != nullptr && f->status == FindingStatus::kApplies; });
  check(expect.possible, "to be possible",
        [](const Finding* f) { return f != nullptr && f->status == FindingStatus::kPossible; });
  check(expect.absent, "to be absent", [](const Finding* f) { return f == nullptr; });
  return failures;
}

std::vector<std::string> FindCaseFiles(const std::string& path) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const auto extension = it->path().extension().string();
    if (extension == ".yaml" || extension == ".yml" || extension == ".json") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int SuiteReport::passed() const {
  return static_cast<int>(std::count_if(cases.begin(), cases.end(),
                                        [](const CaseReport& c) { return c.passed(); }));
}

int SuiteReport::failed() const { return static_cast<int>(cases.size()) - passed(); }

SuiteReport RunSuite(const Law& law, const std::vector<std::string>& paths,
                     const EvaluationOptions& options) {
  SuiteReport report;
  for (const auto& path : paths) {
    for (const auto& file : FindCaseFiles(path)) {
      CaseReport entry;
      entry.file = file;
      auto loaded = Case::Load(file, law.vocabulary());
      if (!loaded.ok()) {
        entry.errors = loaded.errors();
        report.cases.push_back(std::move(entry));
        continue;
      }
      const Case& c = loaded.value();
      entry.case_id = c.id();
      if (!c.expectations()) {
        entry.errors.push_back(Diagnostic{"E0106", SourceLocation{file, 1, 1},
                                          "a case in the test suite needs an 'expect' block",
                                          {"expect: {applies: [...], possible: [...], absent: "
                                           "[...], source: ...}"},
                                          "", 1});
        report.cases.push_back(std::move(entry));
        continue;
      }
      auto evaluation = Evaluate(law, c, options);
      if (!evaluation.ok()) {
        entry.errors = evaluation.errors();
      } else {
        entry.failures = CheckExpectations(evaluation.value(), *c.expectations(), law);
      }
      report.cases.push_back(std::move(entry));
    }
  }
  return report;
}

}  // namespace ibsa
