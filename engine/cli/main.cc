// The ibsa command line: parses arguments, calls the library, renders. No legal
// logic lives here. Exit codes are documented in docs/cli.md.
#include <CLI/CLI.hpp>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ibsa/api.h"
#include "ibsa/ibsa.h"
#include "ibsa/server.h"

namespace {

enum ExitCode : int {
  kOk = 0,
  kExpectationsNotMet = 1,  // ibsa test: some case's expectations failed
  kCaseError = 2,           // a case file cannot be read or is invalid
  kLawError = 3,            // the rulesets or the vocabulary are invalid
  kUsageError = 4,          // bad command-line arguments
  kWriteError = 5,          // a file could not be written (it keeps its previous content)
};

struct GlobalOptions {
  std::string rulesets;
  bool no_snapshot = false;  // read the YAML even when a current snapshot exists
};

struct EvaluateOptions {
  std::string case_file;
  std::string format = "text";
  std::string as_of;
  std::string assessed_on;
  std::vector<std::string> with;
  std::string language = "en";
  bool explain = false;
  bool next_questions = false;
};

struct TestOptions {
  std::vector<std::string> paths;
  bool verbose = false;
};

struct SweepOptions {
  std::string jurisdiction;
  std::string date;        // gaps, and diff across jurisdictions or proposals
  std::string from, to;    // diff across dates
  std::string vs;          // diff across jurisdictions
  std::vector<std::string> with;
  std::string format = "text";
  std::string language = "en";
  std::string examples;    // gaps: folder to write one example case per pattern
};

struct ServeCommandOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int timeout = 10;
  int max_connections = 128;
  std::vector<std::string> allowed_hosts;
  bool quiet = false;
};

struct CheckOptions {
  std::string rulesets;              // overrides --rulesets when given
  std::vector<std::string> cases;    // default: ./cases, else the source tree's cases/
  std::string format = "markdown";   // coverage only
};

// `name` in the working folder if it is there, else the source tree's folder.
std::string DefaultFolder(const char* name, const char* source_tree_folder) {
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec)) return name;
  return source_tree_folder;
}

std::string DefaultCases() { return DefaultFolder("cases", IBSA_DEFAULT_CASES); }

// Paths in the coverage table are relative to the folder that holds cases/, so that the
// committed docs/coverage.md is the same on every machine.
std::string CoverageRoot(const std::vector<std::string>& cases) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(cases.front(), ec);
  return absolute.lexically_normal().parent_path().string();
}

std::string DefaultRulesets() { return DefaultFolder("rulesets", IBSA_DEFAULT_RULESETS); }

void PrintErrors(const std::vector<ibsa::Diagnostic>& errors) {
  std::cerr << ibsa::FormatDiagnostics(errors);
  std::cerr << errors.size() << (errors.size() == 1 ? " error" : " errors") << "; no result.\n";
}

// The compiled snapshot the build writes beside the binary (see `ibsa compile`).
std::string SnapshotBesideBinary() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path() / "ibsa.law").string();
}

// Loads the vocabulary (rulesets/facts.yaml) and every ruleset below the folder: from
// the snapshot beside the binary while it matches the folder's files, else from YAML.
std::optional<ibsa::Law> LoadLaw(const GlobalOptions& global) {
  if (!global.no_snapshot) {
    if (const std::string snapshot = SnapshotBesideBinary(); !snapshot.empty()) {
      auto law = ibsa::LoadSnapshot(snapshot, global.rulesets);
      if (law.ok()) return std::move(law).value();
    }
  }
  const std::string facts = (std::filesystem::path(global.rulesets) / "facts.yaml").string();
  auto vocabulary = ibsa::Vocabulary::Load(facts);
  if (!vocabulary.ok()) {
    PrintErrors(vocabulary.errors());
    return std::nullopt;
  }
  auto law = ibsa::Law::Load(global.rulesets, vocabulary.value());
  if (!law.ok()) {
    PrintErrors(law.errors());
    return std::nullopt;
  }
  // Every output says which law answered.
  auto fingerprint = ibsa::LawFingerprint(global.rulesets);
  if (!fingerprint.ok()) {
    PrintErrors(fingerprint.errors());
    return std::nullopt;
  }
  ibsa::Law loaded = std::move(law).value();
  loaded.set_source(ibsa::LawSource{global.rulesets, "", fingerprint.value()});
  return loaded;
}

struct InterviewOptions {
  std::string jurisdiction = "BE";
  std::string language = "en";
  std::string case_file;
  std::string save;
};

struct InterviewWording {
  const char* intro;
  const char* date_prompt;
  const char* not_saved;
  const char* saving_to;
  const char* save_failed;
  const char* saved_to;
  const char* done;
  const char* nothing_to_undo;
  const char* none;
  const char* bad_date;
  const char* future_date;
  const char* next_commands;
  const char* wrong_answer;
  const char* not_encoded;
};

const InterviewWording& InterviewWordingFor(ibsa::Language language) {
  static const InterviewWording kEn = {
      "Answer each question. ? = don't know, < = back to the previous question, q = quit.",
      "Date of the facts (YYYY-MM-DD; Enter for today): ",
      "Answers are not saved: pass --save FILE to keep them.",
      "Each answer is saved to",
      "The case could NOT be saved; the file keeps what it held before. The interview stops: "
      "the answers since the last save are lost. File:",
      "Saved to", "No question is left whose answer could change a finding.",
      "Nothing to undo.", "No provision applies or may apply yet.",
      "Write the date as YYYY-MM-DD, for example 2025-10-06.",
      "The date of the facts cannot be in the future.",
      "To resume, and to print a report:",
      "That answer is not possible here; please answer with one of:",
      "ibsa encodes no version of this law for the date; check it by hand:"};
  static const InterviewWording kNl = {
      "Beantwoord elke vraag. ? = weet niet, < = terug naar de vorige vraag, q = stoppen.",
      "Datum van de feiten (JJJJ-MM-DD; Enter voor vandaag): ",
      "De antwoorden worden niet bewaard: geef --save BESTAND om ze te bewaren.",
      "Elk antwoord wordt bewaard in",
      "Het dossier kon NIET bewaard worden; het bestand houdt wat het eerder bevatte. Het "
      "gesprek stopt: de antwoorden sinds de laatste bewaring gaan verloren. Bestand:",
      "Bewaard in", "Er is geen vraag meer waarvan het antwoord een bevinding kan veranderen.",
      "Niets om ongedaan te maken.",
      "Nog geen bepaling is of kan van toepassing zijn.",
      "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-10-06.",
      "De datum van de feiten kan niet in de toekomst liggen.",
      "Om verder te gaan, en om een verslag af te drukken:",
      "Dat antwoord kan hier niet; antwoord met een van:",
      "ibsa bevat geen versie van dit recht voor de datum; controleer het zelf:"};
  static const InterviewWording kFr = {
      "Répondez à chaque question. ? = je ne sais pas, < = question précédente, q = quitter.",
      "Date des faits (AAAA-MM-JJ ; Entrée pour aujourd'hui) : ",
      "Les réponses ne sont pas enregistrées : indiquez --save FICHIER pour les garder.",
      "Chaque réponse est enregistrée dans",
      "Le dossier n'a PAS pu être enregistré ; le fichier garde ce qu'il contenait. L'entretien "
      "s'arrête : les réponses depuis le dernier enregistrement sont perdues. Fichier :",
      "Enregistré dans", "Plus aucune question dont la réponse pourrait changer un constat.",
      "Rien à annuler.", "Aucune disposition ne s'applique ou ne peut s'appliquer encore.",
      "Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2025-10-06.",
      "La date des faits ne peut pas être dans le futur.",
      "Pour reprendre, et pour imprimer un rapport :",
      "Cette réponse n'est pas possible ici ; répondez par :",
      "ibsa n'encode aucune version de ce droit pour la date ; vérifiez-le vous-même :"};
  switch (language) {
    case ibsa::Language::kNl: return kNl;
    case ibsa::Language::kFr: return kFr;
    case ibsa::Language::kEn: return kEn;
  }
  return kEn;
}

// A process that holds what a victim said leaves no core dump behind, and other processes
// of the same user cannot attach to it or read its memory.
void KeepCaseDataInProcess() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

void PrintFindingLines(const ibsa::Evaluation& evaluation, ibsa::Language language) {
  const InterviewWording& w = InterviewWordingFor(language);
  if (evaluation.findings.empty()) std::cout << "  " << w.none << "\n";
  // Say why nothing may show: a date before (or after) the law ibsa encodes.
  for (const auto& gap : evaluation.version_gaps) {
    std::cout << "  " << w.not_encoded << " " << gap.jurisdiction << " " << gap.instrument << ", "
              << gap.anchor.date.ToString() << "\n";
  }
  for (const auto& f : evaluation.findings) {
    std::cout << "  " << ibsa::FindingHeading(f, language) << ": ";
    // Referrals have no article: their title says where to go.
    if (f.rule->kind != ibsa::RuleKind::kReferral) std::cout << ibsa::Citation(*f.rule, *f.version, language) << ", ";
    std::cout << f.rule->title.Get(language) << "\n";
  }
}

// Where the interview's answers go: --save, else back to --case, else nowhere.
struct InterviewFile {
  std::string path;
  std::optional<ibsa::CaseFile> file;
};

int RunInterview(const GlobalOptions& global, const InterviewOptions& options) {
  KeepCaseDataInProcess();
  const auto language = *ibsa::ParseLanguage(options.language);
  const InterviewWording& w = InterviewWordingFor(language);
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  std::optional<ibsa::Case> start;
  if (!options.case_file.empty()) {
    auto c = ibsa::Case::Load(options.case_file, law->vocabulary());
    if (!c.ok()) {
      PrintErrors(c.errors());
      return kCaseError;
    }
    start = std::move(c).value();
  }
  // Before any question: a file that cannot be written is said now, not after the answers.
  InterviewFile out{options.save.empty() ? options.case_file : options.save, std::nullopt};
  if (!out.path.empty()) {
    auto opened = ibsa::CaseFile::Open(out.path, law->vocabulary(), start ? &*start : nullptr);
    if (!opened.ok()) {
      std::cerr << ibsa::FormatDiagnostics(opened.errors());
      return kWriteError;
    }
    out.file = std::move(opened).value();
    std::cerr << ibsa::FormatDiagnostics(out.file->losses());
  }
  if (!start) {
    // The date of the facts, asked until it is a real date that has passed.
    std::optional<ibsa::Date> date;
    while (!date) {
      std::cout << w.date_prompt << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) return kOk;
      date = line.empty() ? ibsa::Date::Today() : ibsa::Date::Parse(line);
      if (!date) {
        std::cout << "  " << w.bad_date << "\n";
      } else if (*date > ibsa::Date::Today()) {
        std::cout << "  " << w.future_date << "\n";
        date.reset();
      }
    }
    auto c = ibsa::Case::Parse("id: interview-" + date->ToString() + "\njurisdiction: " + options.jurisdiction +
                                   "\ndate: " + date->ToString() + "\n",
                               "date", law->vocabulary());
    if (!c.ok()) {
      PrintErrors(c.errors());
      return kUsageError;
    }
    start = std::move(c).value();
  }
  ibsa::EvaluationOptions evaluation_options;
  evaluation_options.assessed_on = ibsa::Date::Today();
  auto started = ibsa::Interview::Start(*law, *start, evaluation_options);
  if (!started.ok()) {
    PrintErrors(started.errors());
    return kUsageError;
  }
  ibsa::Interview& interview = started.value();
  // Saves the case when it changed. A save that fails stops the interview: going on would
  // let the officer believe that answers are kept when they are not.
  auto persist = [&] {
    if (!out.file) return true;
    auto saved = out.file->Save(interview.current());
    if (saved.ok()) return true;
    std::cerr << ibsa::FormatDiagnostics(saved.errors());
    std::cout << "\n" << w.save_failed << " " << out.path << "\n";
    return false;
  };
  std::cout << ibsa::Disclaimer(language) << "\n" << ibsa::LawLine(*law, language) << "\n" << w.intro << "\n"
            << (out.file ? std::string(w.saving_to) + " " + out.path : w.not_saved) << "\n";
  if (!persist()) return kWriteError;
  bool shown = false;  // the findings were printed after the last change
  while (interview.question()) {
    const ibsa::Question& q = *interview.question();
    const std::string& text = q.fact->question.Get(language).empty() ? q.fact->label.Get(language)
                                                                     : q.fact->question.Get(language);
    std::cout << "\n" << text << (q.member.empty() ? "" : " [" + q.member + "]") << "\n  ("
              << interview.AnswerHint(language) << ")\n> " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line) || line == "q" || line == "quit") break;
    if (line == "<") {
      if (!interview.Back()) std::cout << w.nothing_to_undo << "\n";
      if (!persist()) return kWriteError;
      continue;
    }
    auto answered = line == "?" ? interview.DontKnow() : interview.Answer(line);
    if (!answered.ok()) {
      // Said in the user's language, with the answers allowed; the engine's own words
      // follow for the detail (a range, a date).
      std::cout << "  " << w.wrong_answer << " (" << interview.AnswerHint(language) << ")\n";
      for (const auto& e : answered.errors()) std::cout << "  [" << e.message << "]\n";
      continue;
    }
    if (!persist()) return kWriteError;
    PrintFindingLines(interview.findings(), language);
    shown = true;
  }
  if (!interview.question()) std::cout << "\n" << w.done << "\n";
  if (!shown) {
    std::cout << "\n";
    PrintFindingLines(interview.findings(), language);
  }
  if (out.file) {
    std::cout << "\n" << w.saved_to << " " << out.path << ". " << w.next_commands << "\n"
              << "  ibsa interview --case " << out.path << "\n"
              << "  ibsa evaluate --format html --lang " << options.language << " " << out.path << "\n";
  }
  return kOk;
}

int RunCompile(const GlobalOptions& global, const std::string& output) {
  auto law = ibsa::CompileSnapshot(global.rulesets, output);
  if (!law.ok()) {
    PrintErrors(law.errors());
    return kLawError;
  }
  std::cout << "compiled " << law.value().versions().size() << " ruleset versions into " << output << "\n";
  return kOk;
}

// Reads a date option into `out` (left as it is when the option was not given); prints
// the error and returns false when the text is no date.
bool ReadDateOption(const std::string& name, const std::string& text, std::optional<ibsa::Date>& out) {
  if (text.empty()) return true;
  out = ibsa::Date::Parse(text);
  if (!out) {
    std::cerr << "error[E0105]: " << name << " '" << text
              << "' is not a date\n  = help: write YYYY-MM-DD, e.g. 2025-03-14\n";
  }
  return out.has_value();
}

int RunEvaluate(const GlobalOptions& global, const EvaluateOptions& options) {
  ibsa::EvaluationOptions evaluation_options;
  evaluation_options.with = options.with;
  evaluation_options.explain = options.explain;
  evaluation_options.assessed_on = ibsa::Date::Today();
  if (!ReadDateOption("--as-of", options.as_of, evaluation_options.as_of) ||
      !ReadDateOption("--assessed-on", options.assessed_on, evaluation_options.assessed_on)) {
    return kUsageError;
  }
  const auto language = ibsa::ParseLanguage(options.language);
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  auto c = ibsa::Case::Load(options.case_file, law->vocabulary());
  if (!c.ok()) {
    PrintErrors(c.errors());
    return kCaseError;
  }
  auto evaluation = ibsa::Evaluate(*law, c.value(), evaluation_options);
  if (!evaluation.ok()) {
    PrintErrors(evaluation.errors());
    return kUsageError;
  }
  std::cerr << ibsa::FormatDiagnostics(evaluation.value().warnings);
  std::optional<std::vector<ibsa::Question>> questions;
  if (options.next_questions) {
    auto ranked = ibsa::NextQuestions(*law, c.value(), evaluation_options);
    if (!ranked.ok()) {
      PrintErrors(ranked.errors());
      return kUsageError;
    }
    questions = std::move(ranked).value();
  }
  if (options.format == "markdown" || options.format == "html") {
    // A report always lists the questions still open.
    auto ranked = ibsa::NextQuestions(*law, c.value(), evaluation_options);
    if (!ranked.ok()) {
      PrintErrors(ranked.errors());
      return kUsageError;
    }
    // The harms the facts meet, for the report's legal gaps (when the folder declares any).
    std::vector<ibsa::CaseHarm> harms;
    const auto harms_file = std::filesystem::path(global.rulesets) / "harms.yaml";
    std::error_code ec;
    if (std::filesystem::exists(harms_file, ec)) {
      auto loaded = ibsa::Harms::Load(harms_file.string(), *law);
      if (!loaded.ok()) {
        PrintErrors(loaded.errors());
        return kLawError;
      }
      harms = ibsa::HarmsOfCase(loaded.value(), c.value(), evaluation.value());
      std::cout << ibsa::RenderReport(evaluation.value(), *law, c.value(), ranked.value(), harms,
                                      options.format == "html" ? ibsa::ReportStyle::kHtml
                                                               : ibsa::ReportStyle::kMarkdown,
                                      *language);
      return kOk;
    }
    std::cout << ibsa::RenderReport(evaluation.value(), *law, c.value(), ranked.value(), harms,
                                    options.format == "html" ? ibsa::ReportStyle::kHtml
                                                             : ibsa::ReportStyle::kMarkdown,
                                    *language);
  } else if (options.format == "json") {
    std::cout << ibsa::RenderJson(evaluation.value(), *law, *language, questions ? &*questions : nullptr);
  } else {
    std::cout << ibsa::RenderText(evaluation.value(), *law, *language);
    if (questions) std::cout << ibsa::RenderQuestionsText(*questions, *language);
  }
  return kOk;
}

// The law and the suite's coverage of it, for `check` and `coverage`.
struct Measured {
  ibsa::Law law;
  std::vector<std::string> cases;
  ibsa::Coverage coverage;
};

std::optional<Measured> Measure(GlobalOptions global, const CheckOptions& options) {
  if (!options.rulesets.empty()) global.rulesets = options.rulesets;
  auto law = LoadLaw(global);
  if (!law) return std::nullopt;
  std::vector<std::string> cases = options.cases.empty() ? std::vector<std::string>{DefaultCases()} : options.cases;
  ibsa::Coverage coverage = ibsa::MeasureCoverage(*law, cases);
  return Measured{std::move(*law), std::move(cases), std::move(coverage)};
}

int RunCheck(const GlobalOptions& global, const CheckOptions& options) {
  auto measured = Measure(global, options);
  if (!measured) return kLawError;
  const ibsa::Law* law = &measured->law;
  const ibsa::Coverage& coverage = measured->coverage;
  const auto problems = ibsa::CheckLaw(*law, coverage);
  for (const auto& p : problems) {
    std::cout << p.location.file;
    if (p.location.line > 0) std::cout << ":" << p.location.line << ":" << p.location.column;
    std::cout << ": problem[" << p.code << "]: " << p.message << "\n";
  }
  size_t rules = 0;
  for (const auto& v : law->versions()) rules += v.rules.size();
  std::cout << "check: " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
            << " (" << rules << " rules in " << law->versions().size() << " versions, "
            << coverage.suite.cases.size() << " cases)\n";
  return problems.empty() ? kOk : kExpectationsNotMet;
}

int RunCoverage(const GlobalOptions& global, const CheckOptions& options) {
  auto measured = Measure(global, options);
  if (!measured) return kLawError;
  std::cout << ibsa::RenderCoverageMarkdown(measured->coverage, CoverageRoot(measured->cases));
  return kOk;
}

ibsa::ReportFormat FormatOf(const std::string& name) {
  if (name == "json") return ibsa::ReportFormat::kJson;
  if (name == "markdown") return ibsa::ReportFormat::kMarkdown;
  if (name == "csv") return ibsa::ReportFormat::kCsv;
  return ibsa::ReportFormat::kText;
}

std::optional<ibsa::Harms> LoadHarms(const GlobalOptions& global, const ibsa::Law& law) {
  auto harms = ibsa::Harms::Load((std::filesystem::path(global.rulesets) / "harms.yaml").string(), law);
  if (!harms.ok()) {
    PrintErrors(harms.errors());
    return std::nullopt;
  }
  return std::move(harms).value();
}

int RunGaps(const GlobalOptions& global, const SweepOptions& options) {
  std::optional<ibsa::Date> date = ibsa::Date::Today();
  if (!ReadDateOption("--date", options.date, date)) return kUsageError;
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  auto harms = LoadHarms(global, *law);
  if (!harms) return kLawError;
  auto report = ibsa::FindGaps(*law, *harms, {options.jurisdiction, *date, options.with});
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
        const auto id_at = p.example.find("id: ") + 4;
        const std::string id = p.example.substr(id_at, p.example.find('\n', id_at) - id_at);
        std::ofstream(std::filesystem::path(options.examples) / (id + ".yaml")) << p.example;
      }
    }
  }
  std::cout << ibsa::RenderGaps(report.value(), FormatOf(options.format), *ibsa::ParseLanguage(options.language));
  return kOk;
}

int RunDiff(const GlobalOptions& global, const SweepOptions& options) {
  ibsa::DiffSide left{options.jurisdiction, ibsa::Date::Today(), {}};
  ibsa::DiffSide right = left;
  std::optional<ibsa::Date> from = ibsa::Date::Today(), to = from, date = from;
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
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  auto report = ibsa::Diff(*law, left, right);
  if (!report.ok()) {
    PrintErrors(report.errors());
    return kUsageError;
  }
  std::cout << ibsa::RenderDiff(report.value(), FormatOf(options.format), *ibsa::ParseLanguage(options.language));
  return kOk;
}

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options) {
  KeepCaseDataInProcess();
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  // Without harms.yaml the reports list no harm-based gaps, as `evaluate` does.
  std::optional<ibsa::Harms> harms;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(global.rulesets) / "harms.yaml", ec)) {
    harms = LoadHarms(global, *law);
    if (!harms) return kLawError;
  }
  const ibsa::Api api(*law, harms ? &*harms : nullptr);

  // SIGINT and SIGTERM are taken by one thread, which stops the server; the server's
  // threads inherit the mask and never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  ibsa::ServeOptions serve;
  serve.bind = options.bind;
  serve.port = options.port;
  serve.timeout_seconds = options.timeout;
  serve.max_connections = options.max_connections;
  serve.allowed_hosts = options.allowed_hosts;
  std::mutex log_mutex;
  if (!options.quiet) {
    serve.log = [&log_mutex](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      std::cerr << line << "\n";
    };
  }
  ibsa::Server server(api, serve);
  auto port = server.Bind();
  if (!port.ok()) {
    PrintErrors(port.errors());
    return kUsageError;
  }
  if (!ibsa::IsLoopback(options.bind)) {
    std::cerr << "warning: listening on " << options.bind
              << ", not on this machine only: what is typed into the page crosses the network "
                 "unencrypted. Use --bind 127.0.0.1 unless the network is yours.\n";
  }
  const std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::cout << "ibsa: the intake page is at http://" << host << ":" << port.value()
            << "/ (Ctrl-C to stop). Nothing is stored on this machine.\n"
            << std::flush;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  server.Listen();
  kill(getpid(), SIGTERM);  // wakes the stopper when the server ended on its own
  stopper.join();
  return kOk;
}

int RunTest(const GlobalOptions& global, const TestOptions& options) {
  auto law = LoadLaw(global);
  if (!law) return kLawError;
  const ibsa::SuiteReport report = ibsa::RunSuite(*law, options.paths, {});
  bool any_error = false;
  for (const auto& c : report.cases) {
    if (!c.errors.empty()) {
      any_error = true;
      std::cout << "ERROR " << c.file << "\n";
      std::cerr << ibsa::FormatDiagnostics(c.errors);
    } else if (!c.failures.empty()) {
      std::cout << "FAIL  " << c.file << " (" << c.case_id << ")\n";
      for (const auto& failure : c.failures) std::cout << "      " << failure << "\n";
    } else if (options.verbose) {
      std::cout << "ok    " << c.file << " (" << c.case_id << ")\n";
    }
  }
  if (report.cases.empty()) {
    std::cerr << "error: no case files found in the given paths\n";
    return kCaseError;
  }
  std::cout << "cases: " << report.passed() << " passed, " << report.failed() << " failed\n";
  if (any_error) return kCaseError;
  return report.failed() == 0 ? kOk : kExpectationsNotMet;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ibsa: legal decision support for image-based sexual abuse (not legal advice)"};
  app.require_subcommand(1);
  GlobalOptions global;
  global.rulesets = DefaultRulesets();
  app.add_option("--rulesets", global.rulesets,
                 "folder with facts.yaml and the ruleset files (default: ./rulesets)")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--no-snapshot", global.no_snapshot,
               "read the rulesets' YAML even when the compiled snapshot beside the binary is current");

  EvaluateOptions evaluate;
  CLI::App* evaluate_cmd = app.add_subcommand("evaluate", "list the provisions that apply to a case");
  evaluate_cmd->add_option("case", evaluate.case_file, "case file (YAML or JSON)")->required();
  evaluate_cmd->add_option("--format", evaluate.format,
                           "text or json; markdown or html for a report a lawyer can cite")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  evaluate_cmd->add_option("--as-of", evaluate.as_of,
                           "apply the law in force on this date (YYYY-MM-DD) instead of the date "
                           "of each act");
  evaluate_cmd->add_option("--assessed-on", evaluate.assessed_on,
                           "date of the assessment, for the lex mitior comparison (default: today)");
  evaluate_cmd->add_option("--with", evaluate.with, "overlay a proposed ruleset version (a bill)");
  evaluate_cmd->add_option("--lang", evaluate.language, "nl, fr or en")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  evaluate_cmd->add_flag("--explain", evaluate.explain, "also list the rules that do not apply and why");
  evaluate_cmd->add_flag("--next-questions", evaluate.next_questions,
                         "rank the unknown facts by the findings their answer would decide, neutral before intrusive");

  TestOptions test;
  CLI::App* test_cmd = app.add_subcommand("test", "run the case files' expectations");
  test_cmd->add_option("paths", test.paths, "case files or folders")->required();
  test_cmd->add_flag("--verbose", test.verbose, "list passing cases too");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "check the rulesets: sources, versions, coverage by cases, rules that can never apply");
  check_cmd->add_option("rulesets", check.rulesets, "rulesets folder (default: --rulesets)")
      ->check(CLI::ExistingDirectory);
  check_cmd->add_option("--cases", check.cases, "case files or folders (default: ./cases)");

  CLI::App* coverage_cmd = app.add_subcommand("coverage", "which cases exercise which articles");
  coverage_cmd->add_option("--format", check.format, "markdown")->check(CLI::IsMember({"markdown"}));
  coverage_cmd->add_option("--cases", check.cases, "case files or folders (default: ./cases)");

  SweepOptions sweep;
  const std::vector<std::string> jurisdictions = {"BE", "NL"};
  CLI::App* gaps_cmd = app.add_subcommand("gaps", "harmful situations no offence covers, as patterns");
  gaps_cmd->add_option("--jurisdiction", sweep.jurisdiction, "BE or NL")->required()->check(CLI::IsMember(jurisdictions));
  gaps_cmd->add_option("--date", sweep.date, "the law in force on this date (default: today)");
  gaps_cmd->add_option("--with", sweep.with, "overlay a proposed ruleset version");
  gaps_cmd->add_option("--format", sweep.format, "text, json, markdown or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}));
  gaps_cmd->add_option("--lang", sweep.language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  gaps_cmd->add_option("--examples", sweep.examples, "write one example case file per pattern into this folder");

  CLI::App* diff_cmd = app.add_subcommand("diff", "situations whose findings change between two states of the law");
  diff_cmd->add_option("--jurisdiction", sweep.jurisdiction, "BE or NL")->required()->check(CLI::IsMember(jurisdictions));
  diff_cmd->add_option("--from", sweep.from, "earlier date");
  diff_cmd->add_option("--to", sweep.to, "later date");
  diff_cmd->add_option("--vs", sweep.vs, "the other jurisdiction")->check(CLI::IsMember(jurisdictions));
  diff_cmd->add_option("--date", sweep.date, "the date for --vs and --with (default: today)");
  diff_cmd->add_option("--with", sweep.with, "compare the law with the law plus this proposal");
  diff_cmd->add_option("--format", sweep.format, "text, json, markdown or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}));

  InterviewOptions interview;
  CLI::App* interview_cmd = app.add_subcommand(
      "interview", "ask the questions that decide the findings, one at a time, in the terminal");
  interview_cmd->add_option("--jurisdiction", interview.jurisdiction, "BE or NL (a new case; default BE)")
      ->check(CLI::IsMember(jurisdictions));
  interview_cmd->add_option("--lang", interview.language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  interview_cmd->add_option("--case", interview.case_file, "resume this partial case (saved back to it unless --save)");
  interview_cmd->add_option("--save", interview.save, "write the case here after every answer");

  ServeCommandOptions serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "serve the intake page and the JSON API (docs/api.md) on this machine");
  serve_cmd->add_option("--port", serve.port, "TCP port (default 8080; 0 for any free port)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--bind", serve.bind, "address to listen on (default 127.0.0.1: this machine only)");
  serve_cmd->add_option("--timeout", serve.timeout, "seconds to wait for a request to arrive or a response to be sent (default 10)")
      ->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--max-connections", serve.max_connections,
                        "connections served at once (default 128); one more is answered 503 at once")
      ->check(CLI::Range(1, 4096));
  serve_cmd->add_option("--allow-host", serve.allowed_hosts,
                        "also answer requests addressed to this host name (the Host header); repeatable");
  serve_cmd->add_flag("--quiet", serve.quiet, "do not log requests (the log never holds what a request said)");

  std::string compile_output;
  CLI::App* compile_cmd = app.add_subcommand(
      "compile", "check and compile the rulesets into a snapshot that later runs load quickly");
  compile_cmd->add_option("output", compile_output, "snapshot file to write (the build writes ibsa.law beside the binary)")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (evaluate_cmd->parsed()) return RunEvaluate(global, evaluate);
  if (check_cmd->parsed()) return RunCheck(global, check);
  if (coverage_cmd->parsed()) return RunCoverage(global, check);
  if (gaps_cmd->parsed()) return RunGaps(global, sweep);
  if (diff_cmd->parsed()) return RunDiff(global, sweep);
  if (compile_cmd->parsed()) return RunCompile(global, compile_output);
  if (interview_cmd->parsed()) return RunInterview(global, interview);
  if (serve_cmd->parsed()) return RunServe(global, serve);
  return RunTest(global, test);
}
