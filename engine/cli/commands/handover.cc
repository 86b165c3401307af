// ibsa handover CASE: the handover pack for the police officer or the lawyer who takes the
// case over (RenderHandover), in Markdown or as one printable HTML page.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct HandoverOptions {
  std::string case_file;
  std::string format = "html";
  std::string as_of;
  std::string assessed_on;
  std::string language = "en";
};

int RunHandover(const GlobalOptions& global, const HandoverOptions& options) {
  AssessOptions assess;
  // Assessed as a report, so that the open questions are ranked.
  assess.format = *ParseFormat(options.format);
  assess.evaluation.assessed_on = Date::Today();
  if (!ReadDateOption("--as-of", options.as_of, assess.evaluation.as_of) ||
      !ReadDateOption("--assessed-on", options.assessed_on, assess.evaluation.assessed_on)) {
    return kUsageError;
  }
  auto engine = OpenEngine(global, HarmsUse::kNone);
  if (!engine) return kLawError;
  std::optional<Case> c;
  std::optional<Assessment> assessment;
  if (const int exit = LoadAndAssess(*engine, options.case_file, assess, c, assessment); exit != kOk) return exit;
  std::cout << engine->RenderHandover(*c, *assessment, assess.format, *ParseLanguage(options.language));
  return kOk;
}

}  // namespace

Command AddHandover(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<HandoverOptions>();
  CLI::App* cmd = app.add_subcommand(
      "handover", "the handover pack for the police or the lawyer: plan, facts, elements, evidence, open questions");
  cmd->add_option("case", options->case_file, "case file (YAML or JSON)")->required();
  cmd->add_option("--format", options->format, "html (default: one printable page) or markdown")
      ->check(FormatChoice({Format::kMarkdown, Format::kHtml}));
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_option("--as-of", options->as_of, "apply the law in force on this date instead of the date of each act");
  cmd->add_option("--assessed-on", options->assessed_on,
                  "date of the assessment, for the deadlines and the limitation (default: today)");
  return {cmd, [&global, options] { return RunHandover(global, *options); }};
}

}  // namespace ibsa::cli
