// ibsa test PATHS: runs the case files' expectations.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct TestOptions {
  std::vector<std::string> paths;
  bool verbose = false;
};

int RunTest(const GlobalOptions& global, const TestOptions& options) {
  auto engine = OpenEngine(global, HarmsUse::kIfDeclared);  // for the cases' expect: gaps:
  if (!engine) return kLawError;
  const SuiteReport report = RunSuite(engine->law(), options.paths, {}, engine->harms());
  bool any_error = false;
  for (const auto& c : report.cases) {
    if (!c.errors.empty()) {
      any_error = true;
      std::cout << "ERROR " << c.file << "\n";
      std::cerr << FormatDiagnostics(c.errors);
    } else if (!c.failures.empty()) {
      std::cout << "FAIL  " << c.file << " (" << c.case_id << ")\n";
      for (const auto& failure : c.failures) std::cout << "      " << failure << "\n";
    } else if (options.verbose) {
      std::cout << "ok    " << c.file << " (" << c.case_id << ")\n";
    }
  }
  if (report.cases.empty()) {
    std::cerr << "error: no case files found in the given paths\n";
    return kCaseError;
  }
  std::cout << "cases: " << report.passed() << " passed, " << report.failed() << " failed\n";
  if (any_error) return kCaseError;
  return report.failed() == 0 ? kOk : kExpectationsNotMet;
}

}  // namespace

Command AddTest(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand("test", "run the case files' expectations");
  cmd->add_option("paths", options->paths, "case files or folders")->required();
  cmd->add_flag("--verbose", options->verbose, "list passing cases too");
  return {cmd, [&global, options] { return RunTest(global, *options); }};
}

}  // namespace ibsa::cli
