// ibsa letter CASE --kind K: a letter or notice written from a case and its findings (a DSA
// art. 16 notice, a GDPR art. 17 erasure request). The sender's name, e-mail and address are
// taken from the options into the letter on standard output and nowhere else.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct LetterOptions {
  std::string case_file;
  std::string kind;
  std::string language = "en";
  std::string date;
  std::string as_of;
  LetterFill fill;
};

int RunLetter(const GlobalOptions& global, const LetterOptions& options) {
  // The options hold the sender's name and address.
  KeepCaseDataInProcess();
  AssessOptions assess;
  assess.evaluation.assessed_on = Date::Today();
  if (!ReadDateOption("--date", options.date, assess.evaluation.assessed_on) ||
      !ReadDateOption("--as-of", options.as_of, assess.evaluation.as_of)) {
    return kUsageError;
  }
  auto engine = OpenEngine(global, HarmsUse::kNone);
  if (!engine) return kLawError;
  if (engine->letters() == nullptr) {
    std::cerr << "error: the rulesets folder has no letters.yaml: no letter can be written\n";
    return kLawError;
  }
  if (engine->letters()->Find(options.kind) == nullptr) {
    std::cerr << "error: --kind: '" << options.kind << "' is not a kind of letter; allowed:";
    for (const auto& kind : engine->letters()->KindNames()) std::cerr << " '" << kind << "'";
    std::cerr << "\n";
    return kUsageError;
  }
  auto c = Case::Load(options.case_file, engine->law().vocabulary());
  if (!c.ok()) {
    PrintErrors(c.errors());
    return kCaseError;
  }
  auto assessment = engine->Assess(c.value(), assess);
  if (!assessment.ok()) {
    PrintErrors(assessment.errors());
    return assessment.errors().front().code == "E0123" ? kCaseError : kUsageError;
  }
  LetterInput input{&c.value(), &assessment.value().evaluation, &engine->law(), options.fill,
                    *assess.evaluation.assessed_on};
  auto letter = WriteLetter(*engine->letters(), options.kind, input, *ParseLanguage(options.language));
  if (!letter.ok()) {
    PrintErrors(letter.errors());
    return kUsageError;
  }
  std::cout << letter.value();
  return kOk;
}

}  // namespace

Command AddLetter(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<LetterOptions>();
  CLI::App* cmd = app.add_subcommand("letter", "write a notice or letter from a case: dsa-notice, gdpr-erasure");
  cmd->add_option("case", options->case_file, "case file (YAML or JSON)")->required();
  cmd->add_option("--kind", options->kind, "dsa-notice (art. 16 DSA) or gdpr-erasure (art. 17 GDPR)")->required();
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_option("--date", options->date, "the letter's date (YYYY-MM-DD; default: today)");
  cmd->add_option("--as-of", options->as_of, "apply the law in force on this date instead of the date of each act");
  cmd->add_option("--name", options->fill.name, "your name, written into the letter only (else a blank to fill)");
  cmd->add_option("--email", options->fill.email, "your e-mail address, written into the letter only");
  cmd->add_option("--address", options->fill.address, "your postal address (gdpr-erasure), written into the letter only");
  cmd->add_option("--to", options->fill.recipient, "the service the letter goes to (default: the evidence log's services)");
  return {cmd, [&global, options] { return RunLetter(global, *options); }};
}

}  // namespace ibsa::cli
