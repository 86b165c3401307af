// The ibsa command line: the global options and the dispatch to the subcommands, each in
// commands/<name>.cc. No legal logic lives here. Exit codes are documented in docs/cli.md.
#include <CLI/CLI.hpp>

#include <vector>

#include "cli.h"
#include "ibsa/version.h"

int main(int argc, char** argv) {
  using namespace ibsa::cli;
  CLI::App app{"ibsa: legal decision support for image-based sexual abuse (not legal advice)"};
  app.require_subcommand(1);
  // "ibsa 0.1.0 (git abe9df8)": what every output's provenance names too.
  app.set_version_flag("--version", ibsa::VersionLine(), "print the ibsa version and the git commit it was built from");
  GlobalOptions global;
  global.rulesets = DefaultFolder("rulesets", IBSA_DEFAULT_RULESETS);
  app.add_option("--rulesets", global.rulesets,
                 "folder with facts.yaml and the ruleset files (default: ./rulesets)")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--no-snapshot", global.no_snapshot,
               "read the rulesets' YAML even when the compiled snapshot beside the binary is current");

  // In the order the help lists them.
  const std::vector<Command> commands = {
      AddEvaluate(app, global), AddTest(app, global),      AddCheck(app, global),
      AddCoverage(app, global), AddGaps(app, global),      AddDiff(app, global),
      AddInterview(app, global), AddEvidence(app, global), AddLetter(app, global),
      AddServe(app, global),
      AddCompile(app, global),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Only the help names the jurisdictions: an error need not read facts.yaml.
    if (dynamic_cast<const CLI::CallForHelp*>(&e) || dynamic_cast<const CLI::CallForAllHelp*>(&e)) {
      DescribeJurisdictions(app, global);
    }
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kUsageError;  // unreachable: CLI11 requires one subcommand
}
