// The ibsa command line: parses arguments, calls the library, renders. No legal
// logic lives here. Exit codes are documented in docs/cli.md.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/ibsa.h"

namespace {

enum ExitCode : int {
  kOk = 0,
  kExpectationsNotMet = 1,  // ibsa test: some case's expectations failed
  kCaseError = 2,           // a case file cannot be read or is invalid
  kLawError = 3,            // the rulesets or the vocabulary are invalid
  kUsageError = 4,          // bad command-line arguments
};

struct GlobalOptions {
  std::string rulesets;
};

struct EvaluateOptions {
  std::string case_file;
  std::string format = "text";
  std::string as_of;
  std::string assessed_on;
  std::vector<std::string> with;
  std::string language = "en";
  bool explain = false;
};

struct TestOptions {
  std::vector<std::string> paths;
  bool verbose = false;
};

struct CheckOptions {
  std::string rulesets;              // overrides --rulesets when given
  std::vector<std::string> cases;    // default: ./cases, else the source tree's cases/
  std::string format = "markdown";   // coverage only
};

std::string DefaultCases() {
  std::error_code ec;
  if (std::filesystem::is_directory("cases", ec)) return "cases";
  return IBSA_DEFAULT_CASES;
}

// Paths in the coverage table are relative to the folder that holds cases/, so that the
// committed docs/coverage.md is the same on every machine.
std::string CoverageRoot(const std::vector<std::string>& cases) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(cases.front(), ec);
  return absolute.lexically_normal().parent_path().string();
}

std::string DefaultRulesets() {
  std::error_code ec;
  if (std::filesystem::is_directory("rulesets", ec)) return "rulesets";
  return IBSA_DEFAULT_RULESETS;
}

void PrintErrors(const std::vector<ibsa::Diagnostic>& errors) {
  std::cerr << ibsa::FormatDiagnostics(errors);
  std::cerr << errors.size() << (errors.size() == 1 ? " error" : " errors") << "; no result.\n";
}

// Loads the vocabulary (rulesets/facts.yaml) and every ruleset below the folder.
std::optional<ibsa::Law> LoadLaw(const GlobalOptions& global) {
  const std::string facts = (std::filesystem::path(global.rulesets) / "facts.yaml").string();
  auto vocabulary = ibsa::Vocabulary::Load(facts);
  if (!vocabulary.ok()) {
    PrintErrors(vocabulary.errors());
    return std::nullopt;
  }
  auto law = ibsa::Law::Load(global.rulesets, vocabulary.value());
  if (!law.ok()) {
    PrintErrors(law.errors());
    return std::nullopt;
  }
  return std::move(law).value();
}

int RunEvaluate(const GlobalOptions& global, const EvaluateOptions& options) {
  ibsa::EvaluationOptions evaluation_options;
  evaluation_options.with = options.with;
  evaluation_options.explain = options.explain;
  if (!options.as_of.empty()) {
    evaluation_options.as_of = ibsa::Date::Parse(options.as_of);
    if (!evaluation_options.as_of) {
      std::cerr << "error[E0105]: --as-of '" << options.as_of
                << "' is not a date\n  = help: write YYYY-MM-DD, e.g. 2025-03-14\n";
      return kUsageError;
    }
  }
  evaluation_options.assessed_on = ibsa::Date::Today();
  if (!options.assessed_on.empty()) {
    evaluation_options.assessed_on = ibsa::Date::Parse(options.assessed_on);
    if (!evaluation_options.assessed_on) {
      std::cerr << "error[E0105]: --assessed-on '" << options.assessed_on
                << "' is not a date\n  = help: write YYYY-MM-DD, e.g. 2026-11-21\n";
      return kUsageError;
    }
  }
  const auto language = ibsa::ParseLanguage(options.language);
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  auto c = ibsa::Case::Load(options.case_file, law->vocabulary());
  if (!c.ok()) {
    PrintErrors(c.errors());
    return kCaseError;
  }
  auto evaluation = ibsa::Evaluate(*law, c.value(), evaluation_options);
  if (!evaluation.ok()) {
    PrintErrors(evaluation.errors());
    return kUsageError;
  }
  if (options.format == "json") {
    std::cout << ibsa::RenderJson(evaluation.value(), *law, *language);
  } else {
    std::cout << ibsa::RenderText(evaluation.value(), *law, *language);
  }
  return kOk;
}

// The law and the suite's coverage of it, for `check` and `coverage`.
struct Measured {
  ibsa::Law law;
  std::vector<std::string> cases;
  ibsa::Coverage coverage;
};

std::optional<Measured> Measure(GlobalOptions global, const CheckOptions& options) {
  if (!options.rulesets.empty()) global.rulesets = options.rulesets;
  auto law = LoadLaw(global);
  if (!law) return std::nullopt;
  std::vector<std::string> cases = options.cases.empty() ? std::vector<std::string>{DefaultCases()} : options.cases;
  ibsa::Coverage coverage = ibsa::MeasureCoverage(*law, cases);
  return Measured{std::move(*law), std::move(cases), std::move(coverage)};
}

int RunCheck(const GlobalOptions& global, const CheckOptions& options) {
  auto measured = Measure(global, options);
  if (!measured) return kLawError;
  const ibsa::Law* law = &measured->law;
  const ibsa::Coverage& coverage = measured->coverage;
  const auto problems = ibsa::CheckLaw(*law, coverage);
  for (const auto& p : problems) {
    std::cout << p.location.file;
    if (p.location.line > 0) std::cout << ":" << p.location.line << ":" << p.location.column;
    std::cout << ": problem[" << p.code << "]: " << p.message << "\n";
  }
  size_t rules = 0;
  for (const auto& v : law->versions()) rules += v.rules.size();
  std::cout << "check: " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
            << " (" << rules << " rules in " << law->versions().size() << " versions, "
            << coverage.suite.cases.size() << " cases)\n";
  return problems.empty() ? kOk : kExpectationsNotMet;
}

int RunCoverage(const GlobalOptions& global, const CheckOptions& options) {
  auto measured = Measure(global, options);
  if (!measured) return kLawError;
  std::cout << ibsa::RenderCoverageMarkdown(measured->coverage, CoverageRoot(measured->cases));
  return kOk;
}

int RunTest(const GlobalOptions& global, const TestOptions& options) {
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  const ibsa::SuiteReport report = ibsa::RunSuite(*law, options.paths, {});
  bool any_error = false;
  for (const auto& c : report.cases) {
    if (!c.errors.empty()) {
      any_error = true;
      std::cout << "ERROR " << c.file << "\n";
      std::cerr << ibsa::FormatDiagnostics(c.errors);
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

int main(int argc, char** argv) {
  CLI::App app{"ibsa: legal decision support for image-based sexual abuse (not legal advice)"};
  app.require_subcommand(1);
  GlobalOptions global;
  global.rulesets = DefaultRulesets();
  app.add_option("--rulesets", global.rulesets,
                 "folder with facts.yaml and the ruleset files (default: ./rulesets)")
      ->check(CLI::ExistingDirectory);

  EvaluateOptions evaluate;
  CLI::App* evaluate_cmd = app.add_subcommand("evaluate", "list the provisions that apply to a case");
  evaluate_cmd->add_option("case", evaluate.case_file, "case file (YAML or JSON)")->required();
  evaluate_cmd->add_option("--format", evaluate.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  evaluate_cmd->add_option("--as-of", evaluate.as_of,
                           "apply the law in force on this date (YYYY-MM-DD) instead of the date "
                           "of each act");
  evaluate_cmd->add_option("--assessed-on", evaluate.assessed_on,
                           "date of the assessment, for the lex mitior comparison (default: today)");
  evaluate_cmd->add_option("--with", evaluate.with, "overlay a proposed ruleset version (a bill)");
  evaluate_cmd->add_option("--lang", evaluate.language, "nl, fr or en")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  evaluate_cmd->add_flag("--explain", evaluate.explain, "also list the rules that do not apply and why");

  TestOptions test;
  CLI::App* test_cmd = app.add_subcommand("test", "run the case files' expectations");
  test_cmd->add_option("paths", test.paths, "case files or folders")->required();
  test_cmd->add_flag("--verbose", test.verbose, "list passing cases too");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "check the rulesets: sources, versions, coverage by cases, rules that can never apply");
  check_cmd->add_option("rulesets", check.rulesets, "rulesets folder (default: --rulesets)")
      ->check(CLI::ExistingDirectory);
  check_cmd->add_option("--cases", check.cases, "case files or folders (default: ./cases)");

  CLI::App* coverage_cmd = app.add_subcommand("coverage", "which cases exercise which articles");
  coverage_cmd->add_option("--format", check.format, "markdown")->check(CLI::IsMember({"markdown"}));
  coverage_cmd->add_option("--cases", check.cases, "case files or folders (default: ./cases)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (evaluate_cmd->parsed()) return RunEvaluate(global, evaluate);
  if (check_cmd->parsed()) return RunCheck(global, check);
  if (coverage_cmd->parsed()) return RunCoverage(global, check);
  return RunTest(global, test);
}
