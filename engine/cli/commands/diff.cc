// ibsa diff --jurisdiction J ...: situations whose findings change between two states of the law.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct DiffOptions {
  std::string jurisdiction;
  std::string date;      // across jurisdictions or proposals
  std::string from, to;  // across dates
  std::string vs;        // across jurisdictions
  std::vector<std::string> with;
  std::string format = "text";
  std::string language = "en";
};

int RunDiff(const GlobalOptions& global, const DiffOptions& options) {
  DiffSide left{options.jurisdiction, Date::Today(), {}};
  DiffSide right = left;
  std::optional<Date> from = Date::Today(), to = from, date = from;
  if (!ReadDateOption("--from", options.from, from) || !ReadDateOption("--to", options.to, to) ||
      !ReadDateOption("--date", options.date, date)) {
    return kUsageError;
  }
  if (options.from.empty() != options.to.empty()) {
    // One date alone would be compared with today: the API refuses the same request.
    std::cerr << "error: diff --from and --to go together: give both dates (--from D --to D)\n";
    return kUsageError;
  }
  if (!options.from.empty() || !options.to.empty()) {
    left.date = *from;
    right.date = *to;
  } else {
    left.date = right.date = *date;
  }
  if (!options.vs.empty()) right.jurisdiction = options.vs;
  right.with = options.with;
  if (options.vs.empty() && options.with.empty() && options.from.empty() && options.to.empty()) {
    std::cerr << "error: diff needs two states of the law: --from D --to D, --vs JURISDICTION, or --with ID\n";
    return kUsageError;
  }
  auto engine = OpenEngine(global, HarmsUse::kIfDeclared);  // the harms give the summary
  if (!engine) return kLawError;
  auto report = Diff(engine->law(), left, right, engine->harms());
  if (!report.ok()) {
    PrintErrors(report.errors());
    return kUsageError;
  }
  const Provenance provenance = SweepProvenance(engine->law(), engine->law_sha256(), report.value());
  std::cout << RenderDiff(report.value(), *ParseFormat(options.format), *ParseLanguage(options.language), &provenance);
  return kOk;
}

}  // namespace

Command AddDiff(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "situations whose findings change between two states of the law");
  cmd->add_option("--jurisdiction", options->jurisdiction, "{jurisdictions}")
      ->required()
      ->check(JurisdictionChoice(global));
  cmd->add_option("--from", options->from, "earlier date");
  cmd->add_option("--to", options->to, "later date");
  cmd->add_option("--vs", options->vs, "the other jurisdiction")->check(JurisdictionChoice(global));
  cmd->add_option("--date", options->date, "the date for --vs and --with (default: today)");
  cmd->add_option("--with", options->with, "compare the law with the law plus this proposal");
  cmd->add_option("--format", options->format, "text, json, markdown or csv")
      ->check(FormatChoice({Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}));
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  return {cmd, [&global, options] { return RunDiff(global, *options); }};
}

}  // namespace ibsa::cli
