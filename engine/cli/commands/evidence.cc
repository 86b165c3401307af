// ibsa evidence add CASE [FILE] ... / ibsa evidence list CASE: the case's evidence log.
// A file is hashed on this machine and only its SHA-256 is written to the case: the file
// itself is never copied, stored or printed, nor is its name unless the user writes it in
// --note. No file is hashed for a case about a minor (E0125): its address is recorded.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct EvidenceOptions {
  std::string case_file;
  std::string file;  // add: the file to hash, if any
  std::string url;
  std::string service;
  std::string account;
  std::string seen_on;
  std::string captured_on;
  std::vector<std::string> supports;
  std::string note;
  std::string language = "en";
};

// Where each option is said in a diagnostic, as a case file's field is.
SourceLocation Option(const std::string& name) { return SourceLocation{name, 0, 0}; }

int RunAdd(const GlobalOptions& global, const EvidenceOptions& options) {
  KeepCaseDataInProcess();
  if (options.file.empty() && options.url.empty()) {
    std::cerr << "error: give the FILE to hash, --url (where the image was seen), or both\n";
    return kUsageError;
  }
  EvidenceItem item;
  item.url = options.url;
  item.service = options.service;
  item.account = options.account;
  item.note = options.note;
  item.supports = options.supports;
  item.supports_at.assign(options.supports.size(), Option("--supports"));
  if (!ReadDateOption("--seen-on", options.seen_on, item.seen_on) ||
      !ReadDateOption("--captured-on", options.captured_on, item.captured_on)) {
    return kUsageError;
  }
  auto engine = OpenEngine(global);
  if (!engine) return kLawError;
  const Law& law = engine->law();
  auto c = Case::Load(options.case_file, law.vocabulary());
  if (!c.ok()) {
    PrintErrors(c.errors());
    return kCaseError;
  }
  if (!options.file.empty()) {
    // Refused before the file is opened: nothing of it is read.
    EvaluationOptions evaluation;
    evaluation.assessed_on = Date::Today();
    auto judged = Evaluate(law, c.value(), evaluation);
    if (!judged.ok()) {
      PrintErrors(judged.errors());
      return kCaseError;
    }
    if (auto refusal = RefuseFileHash(c.value(), law, judged.value(), Date::Today())) {
      PrintErrors({*refusal});
      return kRefused;
    }
    auto hash = Sha256OfFile(options.file);
    if (!hash.ok()) {
      PrintErrors(hash.errors());
      return kUsageError;
    }
    item.sha256 = hash.value();
  }
  const std::string hash = item.sha256;
  CaseBuilder builder = CaseBuilder::From(c.value(), law.vocabulary());
  builder.AddEvidence(std::move(item), Option("evidence"));
  auto next = builder.Build();
  if (!next.ok()) {
    PrintErrors(next.errors());
    return kUsageError;
  }
  if (auto errors = CheckEvidence(next.value(), law); !errors.empty()) {
    PrintErrors(errors);
    return kUsageError;
  }
  // The interview's writer: the comments before the first key, `description:` and `expect:`
  // stay as the file wrote them, and the write is atomic.
  auto file = CaseFile::Open(options.case_file, law.vocabulary(), &c.value());
  if (!file.ok()) {
    std::cerr << FormatDiagnostics(file.errors());
    return kWriteError;
  }
  std::cerr << FormatDiagnostics(file.value().losses());
  auto saved = file.value().Save(next.value());
  if (!saved.ok()) {
    std::cerr << FormatDiagnostics(saved.errors());
    return kWriteError;
  }
  const size_t number = next.value().evidence().size();
  std::cout << "evidence item " << number << " added to " << options.case_file << "\n";
  if (!hash.empty()) std::cout << "sha256 " << hash << "\n";
  return kOk;
}

int RunList(const GlobalOptions& global, const EvidenceOptions& options) {
  KeepCaseDataInProcess();
  auto engine = OpenEngine(global);
  if (!engine) return kLawError;
  auto c = Case::Load(options.case_file, engine->law().vocabulary());
  if (!c.ok()) {
    PrintErrors(c.errors());
    return kCaseError;
  }
  if (auto errors = CheckEvidence(c.value(), engine->law()); !errors.empty()) {
    PrintErrors(errors);
    return kCaseError;
  }
  const std::string text = RenderEvidenceText(c.value().evidence(), *ParseLanguage(options.language));
  if (text.empty()) {
    std::cerr << options.case_file << " lists no evidence\n";
    return kOk;
  }
  std::cout << text;
  return kOk;
}

}  // namespace

Command AddEvidence(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<EvidenceOptions>();
  CLI::App* cmd = app.add_subcommand("evidence", "the case's evidence log: add an item (a file's hash computed "
                                                 "here, where the image was seen), or list them");
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand(
      "add", "append an evidence item to the case file; a FILE is hashed here and never copied or stored");
  add->add_option("case", options->case_file, "case file (YAML or JSON), rewritten in place")->required();
  add->add_option("file", options->file,
                  "a file you hold (screenshot, video): only its SHA-256 is written, not the file nor its name");
  add->add_option("--url", options->url, "where the image was seen (https://...)");
  add->add_option("--service", options->service, "the online service, e.g. a platform's name");
  add->add_option("--account", options->account, "the account that posted or sent it");
  add->add_option("--seen-on", options->seen_on, "when it was seen (YYYY-MM-DD, not after today)");
  add->add_option("--captured-on", options->captured_on, "when it was captured (YYYY-MM-DD, not after today)");
  add->add_option("--supports", options->supports,
                  "an element it supports: RULE-ID.ELEMENT-ID or ELEMENT-ID (repeat for more)");
  add->add_option("--note", options->note, "a neutral note (written into the case file)");
  CLI::App* list = cmd->add_subcommand("list", "print the case's evidence log");
  list->add_option("case", options->case_file, "case file (YAML or JSON)")->required();
  list->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  return {cmd, [&global, options, add] {
            return add->parsed() ? RunAdd(global, *options) : RunList(global, *options);
          }};
}

}  // namespace ibsa::cli
