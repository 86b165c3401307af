// ibsa check [RULESETS]: sources, versions, coverage by cases, rules that can never apply.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {

Command AddCheck(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "check the rulesets: sources, versions, coverage by cases, rules that can never apply");
  cmd->add_option("rulesets", options->rulesets, "rulesets folder (default: --rulesets)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--cases", options->cases, "case files or folders (default: ./cases)");
  return {cmd, [&global, options] {
            auto measured = Measure(global, *options);
            if (!measured) return static_cast<int>(kLawError);
            const Law& law = measured->engine.law();
            const Coverage& coverage = measured->coverage;
            auto problems = CheckLaw(law, coverage);
            if (const Harms* harms = measured->engine.harms()) {
              for (auto& p : CheckHarms(law, *harms)) problems.push_back(std::move(p));
            }
            for (const auto& p : problems) {
              std::cout << p.location.file;
              if (p.location.line > 0) std::cout << ":" << p.location.line << ":" << p.location.column;
              std::cout << ": problem[" << p.code << "]: " << p.message << "\n";
            }
            size_t rules = 0;
            for (const auto& v : law.versions()) rules += v.rules.size();
            std::cout << "check: " << problems.size() << (problems.size() == 1 ? " problem" : " problems") << " ("
                      << rules << " rules in " << law.versions().size() << " versions, "
                      << coverage.suite.cases.size() << " cases)\n";
            return static_cast<int>(problems.empty() ? kOk : kExpectationsNotMet);
          }};
}

}  // namespace ibsa::cli
