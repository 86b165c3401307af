// ibsa evaluate CASE: the provisions that apply to a case, as text, json or a report.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct EvaluateOptions {
  std::string case_file;
  std::string format = "text";
  std::string as_of;
  std::string assessed_on;
  std::vector<std::string> with;
  std::string language = "en";
  bool explain = false;
  bool next_questions = false;
  std::string reader;  // empty: everyone's plan and report
};

int RunEvaluate(const GlobalOptions& global, const EvaluateOptions& options) {
  AssessOptions assess;
  assess.format = *ParseFormat(options.format);
  assess.next_questions = options.next_questions;
  assess.evaluation.with = options.with;
  assess.evaluation.explain = options.explain;
  assess.evaluation.assessed_on = Date::Today();
  if (!ReadDateOption("--as-of", options.as_of, assess.evaluation.as_of) ||
      !ReadDateOption("--assessed-on", options.assessed_on, assess.evaluation.assessed_on)) {
    return kUsageError;
  }
  const Language language = *ParseLanguage(options.language);
  auto engine = OpenEngine(global, HarmsUse::kIfDeclared);
  if (!engine) return kLawError;
  std::optional<Case> c;
  std::optional<Assessment> assessment;
  if (const int exit = LoadAndAssess(*engine, options.case_file, assess, c, assessment); exit != kOk) return exit;
  if (!options.reader.empty()) engine->AddressTo(*assessment, *ReaderNamed(options.reader));  // checked by the option
  std::cout << engine->Render(*c, *assessment, assess.format, language);
  return kOk;
}

}  // namespace

Command AddEvaluate(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", "list the provisions that apply to a case");
  cmd->add_option("case", options->case_file, "case file (YAML or JSON)")->required();
  cmd->add_option("--format", options->format, "text or json; markdown or html for a report a lawyer can cite")
      ->check(FormatChoice({Format::kText, Format::kJson, Format::kMarkdown, Format::kHtml}));
  cmd->add_option("--as-of", options->as_of,
                  "apply the law in force on this date (YYYY-MM-DD) instead of the date "
                  "of each act");
  cmd->add_option("--assessed-on", options->assessed_on,
                  "date of the assessment, for the lex mitior comparison (default: today)");
  cmd->add_option("--with", options->with, "overlay a proposed ruleset version (a bill)");
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_flag("--explain", options->explain, "also list the rules that do not apply and why");
  cmd->add_option("--reader", options->reader,
                  "who reads it: police, lawyer or support; the plan leaves out the actions turned to them, "
                  "and a report the findings they follow from (default: everyone's)")
      ->check(CLI::IsMember(ReaderNames()));
  cmd->add_flag("--next-questions", options->next_questions,
                "rank the unknown facts by the findings their answer would decide, neutral before intrusive");
  return {cmd, [&global, options] { return RunEvaluate(global, *options); }};
}

}  // namespace ibsa::cli
