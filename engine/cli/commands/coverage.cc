// ibsa coverage: which cases exercise which articles, as Markdown (docs/coverage.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

// Paths in the coverage table are relative to the folder that holds cases/, so that the
// committed docs/coverage.md is the same on every machine.
std::string CoverageRoot(const std::vector<std::string>& cases) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(cases.front(), ec);
  return absolute.lexically_normal().parent_path().string();
}

}  // namespace

Command AddCoverage(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("coverage", "which cases exercise which articles");
  cmd->add_option("--format", options->format, "markdown")->check(FormatChoice({Format::kMarkdown}));
  cmd->add_option("--cases", options->cases, "case files or folders (default: ./cases)");
  return {cmd, [&global, options] {
            auto measured = Measure(global, *options);
            if (!measured) return static_cast<int>(kLawError);
            std::cout << RenderCoverageMarkdown(measured->coverage, CoverageRoot(measured->cases));
            return static_cast<int>(kOk);
          }};
}

}  // namespace ibsa::cli
