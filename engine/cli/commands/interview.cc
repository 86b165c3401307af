// ibsa interview: asks the questions that decide the findings, one at a time, in the terminal.
#include <iostream>
#include <memory>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct InterviewOptions {
  std::string jurisdiction;  // default: the first of the vocabulary's
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
  const char* confirm_date;  // "Is that right? (y/n)", after a date given as a time ago
  const char* yes_letters;   // the first letter of a yes: "y", "j" (ja), "o" (oui)
};

const InterviewWording& InterviewWordingFor(Language language) {
  static const InterviewWording kEn = {
      "Answer each question. ? = don't know, < = back to the previous question, q = quit.",
      "Date of the facts (YYYY-MM-DD, DD-MM-YYYY, a month, a year, a range, today, 2 weeks ago): ",
      "Answers are not saved: pass --save FILE to keep them.",
      "Each answer is saved to",
      "The case could NOT be saved; the file keeps what it held before. The interview stops: "
      "the answers since the last save are lost. File:",
      "Saved to", "No question is left whose answer could change a finding.",
      "Nothing to undo.", "No provision applies or may apply yet.",
      "Write a day (2025-10-06 or 06-10-2025), a month (2025-10 or 10-2025), a year (2025), a range "
      "(2025-09-20 to 2025-10-06), today, or a time ago (about 2 weeks ago).",
      "The date of the facts cannot be in the future.",
      "To resume, and to print a report:",
      "That answer is not possible here; please answer with one of:",
      "ibsa encodes no version of this law for the date; check it by hand:",
      "Is that right? (y/n) ", "y"};
  static const InterviewWording kNl = {
      "Beantwoord elke vraag. ? = weet niet, < = terug naar de vorige vraag, q = stoppen.",
      "Datum van de feiten (DD-MM-JJJJ, JJJJ-MM-DD, een maand, een jaar, van ... tot ..., vandaag, 2 weken geleden): ",
      "De antwoorden worden niet bewaard: geef --save BESTAND om ze te bewaren.",
      "Elk antwoord wordt bewaard in",
      "Het dossier kon NIET bewaard worden; het bestand houdt wat het eerder bevatte. Het "
      "gesprek stopt: de antwoorden sinds de laatste bewaring gaan verloren. Bestand:",
      "Bewaard in", "Er is geen vraag meer waarvan het antwoord een bevinding kan veranderen.",
      "Niets om ongedaan te maken.",
      "Nog geen bepaling is of kan van toepassing zijn.",
      "Schrijf een dag (06-10-2025 of 2025-10-06), een maand (10-2025 of 2025-10), een jaar (2025), een "
      "periode (20-09-2025 tot 06-10-2025), vandaag, of hoe lang geleden (ongeveer twee weken geleden).",
      "De datum van de feiten kan niet in de toekomst liggen.",
      "Om verder te gaan, en om een verslag af te drukken:",
      "Dat antwoord kan hier niet; antwoord met een van:",
      "ibsa bevat geen versie van dit recht voor de datum; controleer het zelf:",
      "Klopt dat? (j/n) ", "j"};
  static const InterviewWording kFr = {
      "Répondez à chaque question. ? = je ne sais pas, < = question précédente, q = quitter.",
      "Date des faits (JJ-MM-AAAA, AAAA-MM-JJ, un mois, une année, du ... au ..., aujourd'hui, il y a 2 semaines) : ",
      "Les réponses ne sont pas enregistrées : indiquez --save FICHIER pour les garder.",
      "Chaque réponse est enregistrée dans",
      "Le dossier n'a PAS pu être enregistré ; le fichier garde ce qu'il contenait. L'entretien "
      "s'arrête : les réponses depuis le dernier enregistrement sont perdues. Fichier :",
      "Enregistré dans", "Plus aucune question dont la réponse pourrait changer un constat.",
      "Rien à annuler.", "Aucune disposition ne s'applique ou ne peut s'appliquer encore.",
      "Écrivez un jour (06-10-2025 ou 2025-10-06), un mois (10-2025 ou 2025-10), une année (2025), une "
      "période (20-09-2025 au 06-10-2025), aujourd'hui, ou il y a combien de temps (il y a deux semaines).",
      "La date des faits ne peut pas être dans le futur.",
      "Pour reprendre, et pour imprimer un rapport :",
      "Cette réponse n'est pas possible ici ; répondez par :",
      "ibsa n'encode aucune version de ce droit pour la date ; vérifiez-le vous-même :",
      "Est-ce exact ? (o/n) ", "o"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

void PrintFindingLines(const Evaluation& evaluation, Language language) {
  const InterviewWording& w = InterviewWordingFor(language);
  if (evaluation.findings.empty()) std::cout << "  " << w.none << "\n";
  // Say why nothing may show: a date before (or after) the law ibsa encodes.
  for (const auto& gap : evaluation.version_gaps) {
    std::cout << "  " << w.not_encoded << " " << gap.jurisdiction << " " << gap.instrument << ", "
              << gap.anchor.date.ToString() << "\n";
  }
  for (const auto& f : evaluation.findings) {
    std::cout << "  " << FindingHeading(f, language) << ": ";
    // Referrals have no article: their title says where to go.
    if (f.rule->kind != RuleKind::kReferral) std::cout << Citation(*f.rule, *f.version, language) << ", ";
    std::cout << f.rule->title.Get(language) << "\n";
  }
}

// Where the interview's answers go: --save, else back to --case, else nowhere.
struct InterviewFile {
  std::string path;
  std::optional<CaseFile> file;
};

int RunInterview(const GlobalOptions& global, const InterviewOptions& options) {
  KeepCaseDataInProcess();
  const auto language = *ParseLanguage(options.language);
  const InterviewWording& w = InterviewWordingFor(language);
  auto engine = OpenEngine(global);
  if (!engine) return kLawError;
  const Law* law = &engine->law();
  std::optional<Case> start;
  if (!options.case_file.empty()) {
    auto c = Case::Load(options.case_file, law->vocabulary());
    if (!c.ok()) {
      PrintErrors(c.errors());
      return kCaseError;
    }
    start = std::move(c).value();
  }
  // Before any question: a file that cannot be written is said now, not after the answers.
  InterviewFile out{options.save.empty() ? options.case_file : options.save, std::nullopt};
  if (!out.path.empty()) {
    auto opened = CaseFile::Open(out.path, law->vocabulary(), start ? &*start : nullptr);
    if (!opened.ok()) {
      std::cerr << FormatDiagnostics(opened.errors());
      return kWriteError;
    }
    out.file = std::move(opened).value();
    std::cerr << FormatDiagnostics(out.file->losses());
  }
  if (!start) {
    // The date of the facts, asked until it is a date that has passed, as people know it
    // (a day, a month, a range, "two weeks ago"). Enter alone is no answer: the facts are
    // seldom of today, so "today" is said in words. A time ago becomes a range that the
    // officer confirms before it is used.
    std::optional<DatePeriod> date;
    const Date today = Date::Today();
    while (!date) {
      std::cout << w.date_prompt << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) return kOk;
      auto answer = ParseDateAnswer(line, today);
      if (!answer) {
        std::cout << "  " << w.bad_date << "\n";
        continue;
      }
      if (answer->period.earliest > today) {
        std::cout << "  " << w.future_date << "\n";
        continue;
      }
      if (answer->approximate) {
        std::cout << "  = " << answer->period.earliest.ToString() << " .. " << answer->period.latest.ToString() << ". "
                  << w.confirm_date << std::flush;
        std::string yes;
        if (!std::getline(std::cin, yes)) return kOk;
        if (yes.empty() || std::string(w.yes_letters).find(static_cast<char>(std::tolower(static_cast<unsigned char>(yes[0])))) ==
                               std::string::npos) {
          continue;
        }
      }
      date = answer->period;
    }
    // Written as a case file gives it, and read back through the case's own checks.
    const std::string written =
        date->range ? "{from: " + date->FromText() + ", to: " + date->ToText() + "}" : date->FromText();
    const auto& jurisdictions = law->vocabulary().jurisdictions();
    const std::string jurisdiction = !options.jurisdiction.empty() ? options.jurisdiction
                                     : jurisdictions.empty()       ? ""
                                                                   : jurisdictions.front();
    auto c = Case::Parse("id: interview-" + date->earliest.ToString() + "\njurisdiction: " + jurisdiction +
                                   "\ndate: " + written + "\n",
                               "date", law->vocabulary());
    if (!c.ok()) {
      PrintErrors(c.errors());
      return kUsageError;
    }
    start = std::move(c).value();
  }
  EvaluationOptions evaluation_options;
  evaluation_options.assessed_on = Date::Today();
  auto started = Interview::Start(*law, *start, evaluation_options);
  if (!started.ok()) {
    PrintErrors(started.errors());
    return kUsageError;
  }
  Interview& interview = started.value();
  // Saves the case when it changed. A save that fails stops the interview: going on would
  // let the officer believe that answers are kept when they are not.
  auto persist = [&] {
    if (!out.file) return true;
    auto saved = out.file->Save(interview.current());
    if (saved.ok()) return true;
    std::cerr << FormatDiagnostics(saved.errors());
    std::cout << "\n" << w.save_failed << " " << out.path << "\n";
    return false;
  };
  std::cout << Disclaimer(language) << "\n" << LawLine(*law, language) << "\n" << w.intro << "\n"
            << (out.file ? std::string(w.saving_to) + " " + out.path : w.not_saved) << "\n";
  if (!persist()) return kWriteError;
  bool shown = false;  // the findings were printed after the last change
  while (interview.question()) {
    const Question& q = *interview.question();
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
    auto answered = line == "?" ? interview.DontKnow() : interview.Answer(line, language);
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
              << "  ibsa interview --lang " << options.language << " --case " << out.path << "\n"
              << "  ibsa evaluate --format html --lang " << options.language << " " << out.path << "\n";
  }
  return kOk;
}

}  // namespace

Command AddInterview(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<InterviewOptions>();
  CLI::App* cmd = app.add_subcommand(
      "interview", "ask the questions that decide the findings, one at a time, in the terminal");
  cmd->add_option("--jurisdiction", options->jurisdiction, "{jurisdictions} (a new case; default {first})")
      ->check(JurisdictionChoice(global));
  cmd->add_option("--lang", options->language, "nl, fr or en")->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_option("--case", options->case_file, "resume this partial case (saved back to it unless --save)");
  cmd->add_option("--save", options->save, "write the case here after every answer");
  return {cmd, [&global, options] { return RunInterview(global, *options); }};
}

}  // namespace ibsa::cli
