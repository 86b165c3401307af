// ibsa compile OUTPUT: checks the rulesets and compiles them into a snapshot.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {

Command AddCompile(CLI::App& app, const GlobalOptions& global) {
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "compile", "check and compile the rulesets into a snapshot that later runs load quickly");
  cmd->add_option("output", *output, "snapshot file to write (the build writes ibsa.law beside the binary)")
      ->required();
  return {cmd, [&global, output] {
            // Always from the YAML: a snapshot is compiled from the files, never from another snapshot.
            auto compiled = CompileSnapshot(global.rulesets, *output);
            if (!compiled.ok()) {
              PrintErrors(compiled.errors());
              return static_cast<int>(kLawError);
            }
            std::cout << "compiled " << compiled.value().law.versions().size() << " ruleset versions into " << *output
                      << "\n";
            return static_cast<int>(kOk);
          }};
}

}  // namespace ibsa::cli
