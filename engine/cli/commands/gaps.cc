// ibsa gaps --jurisdiction J: harmful situations no offence covers, as patterns.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct GapsOptions {
  std::string jurisdiction;
  std::string date;
  std::vector<std::string> with;
  std::string format = "text";
  std::string language = "en";
  std::string examples;  // folder to write one example case per pattern
};

int RunGaps(const GlobalOptions& global, const GapsOptions& options) {
  std::optional<Date> date = Date::Today();
  if (!ReadDateOption("--date", options.date, date)) return kUsageError;
  auto engine = OpenEngine(global, HarmsUse::kRequired);
  if (!engine) return kLawError;
  auto report = FindGaps(engine->law(), *engine->harms(), {options.jurisdiction, *date, options.with});
  if (!report.ok()) {
    PrintErrors(report.errors());
    return kUsageError;
  }
  if (!options.examples.empty()) {
    // Written only when asked: generated scenarios, no case content.
    std::error_code ec;
    std::filesystem::create_directories(options.examples, ec);
    for (const auto& h : report.value().harms) {
      for (const auto& p : h.patterns) {
        std::ofstream(std::filesystem::path(options.examples) / (p.example->id() + ".yaml"))
            << ExampleCaseFile(p, engine->law().vocabulary());
      }
    }
  }
  const Provenance provenance = SweepProvenance(engine->law(), engine->law_sha256(), report.value());
  std::cout << RenderGaps(report.value(), *ParseFormat(options.format), *ParseLanguage(options.language), &provenance);
  return kOk;
}

}  // namespace

Command AddGaps(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<GapsOptions>();
  CLI::App* cmd = app.add_subcommand("gaps", "harmful situations no offence covers, as patterns");
  cmd->add_option("--jurisdiction", options->jurisdiction, "{jurisdictions}")
      ->required()
      ->check(JurisdictionChoice(global));
  cmd->add_option("--date", options->date, "the law in force on this date (default: today)");
  cmd->add_option("--with", options->with, "overlay a proposed ruleset version");
  cmd->add_option("--format", options->format, "text, json, markdown or csv")
      ->check(FormatChoice({Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}));
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_option("--examples", options->examples, "write one example case file per pattern into this folder");
  return {cmd, [&global, options] { return RunGaps(global, *options); }};
}

}  // namespace ibsa::cli
