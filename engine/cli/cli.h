// What the subcommands of the ibsa command line share: exit codes, the global options,
// how errors are printed, and how the law is opened. Each subcommand lives in
// commands/<name>.cc, parses its options and calls the library.
#ifndef IBSA_CLI_CLI_H_
#define IBSA_CLI_CLI_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/engine.h"
#include "ibsa/ibsa.h"

namespace ibsa::cli {

// Documented in docs/cli.md.
enum ExitCode : int {
  kOk = 0,
  kExpectationsNotMet = 1,  // ibsa test: some case's expectations failed
  kCaseError = 2,           // a case file cannot be read or is invalid
  kLawError = 3,            // the rulesets or the vocabulary are invalid
  kUsageError = 4,          // bad command-line arguments
  kWriteError = 5,          // a file could not be written (it keeps its previous content)
  kRefused = 6,             // evidence add: no file is hashed for a case about a minor (E0125)
};

struct GlobalOptions {
  std::string rulesets;
  bool no_snapshot = false;  // read the YAML even when a current snapshot exists
};

// A subcommand once its options are declared: what runs it after the command line is parsed.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

// One per subcommand, in commands/<name>.cc; `global` is filled by the time `run` runs.
Command AddEvaluate(CLI::App& app, const GlobalOptions& global);
Command AddTest(CLI::App& app, const GlobalOptions& global);
Command AddCheck(CLI::App& app, const GlobalOptions& global);
Command AddCoverage(CLI::App& app, const GlobalOptions& global);
Command AddGaps(CLI::App& app, const GlobalOptions& global);
Command AddDiff(CLI::App& app, const GlobalOptions& global);
Command AddInterview(CLI::App& app, const GlobalOptions& global);
Command AddServe(CLI::App& app, const GlobalOptions& global);
Command AddCompile(CLI::App& app, const GlobalOptions& global);
Command AddEvidence(CLI::App& app, const GlobalOptions& global);
Command AddLetter(CLI::App& app, const GlobalOptions& global);

// `name` in the working folder if it is there, else the source tree's folder.
std::string DefaultFolder(const char* name, const char* source_tree_folder);

void PrintErrors(const std::vector<Diagnostic>& errors);

// The engine of --rulesets (through the snapshot beside the binary unless --no-snapshot);
// prints the errors and returns nullopt when the law cannot be read.
std::optional<Engine> OpenEngine(const GlobalOptions& global, HarmsUse harms = HarmsUse::kNone);

// The options `check` and `coverage` share.
struct CheckOptions {
  std::string rulesets;            // overrides --rulesets when given
  std::vector<std::string> cases;  // default: ./cases, else the source tree's cases/
  std::string format = "markdown";  // coverage only
};

// The law and the suite's coverage of it, for `check` and `coverage`.
struct Measured {
  Engine engine;
  std::vector<std::string> cases;
  Coverage coverage;
};
std::optional<Measured> Measure(GlobalOptions global, const CheckOptions& options);

// Reads a date option into `out` (left as it is when the option was not given); prints
// the error and returns false when the text is no date.
bool ReadDateOption(const std::string& name, const std::string& text, std::optional<Date>& out);

// A process that holds what a victim said leaves no core dump behind, and other processes
// of the same user cannot attach to it or read its memory.
void KeepCaseDataInProcess();

// The formats an option accepts, checked as CLI11 checks a choice.
CLI::Validator FormatChoice(std::vector<Format> formats);

// The jurisdictions of the --rulesets folder's vocabulary, as a choice: read from
// facts.yaml when an option needs them (CLI11 sets the global options before it checks a
// subcommand's). A vocabulary that cannot be read accepts any value: the command then
// reports the law's errors.
CLI::Validator JurisdictionChoice(const GlobalOptions& global);
// Help texts name the jurisdictions with "{jurisdictions}" ("BE or NL") and "{first}"
// (the default of a new case); filled in before the help is printed.
void DescribeJurisdictions(CLI::App& app, const GlobalOptions& global);
// The vocabulary's jurisdictions; empty when facts.yaml cannot be read.
const std::vector<std::string>& Jurisdictions(const GlobalOptions& global);

}  // namespace ibsa::cli

#endif  // IBSA_CLI_CLI_H_
