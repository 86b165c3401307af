// ibsa interview: asks the questions that decide the findings, one at a time, in the terminal.
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli.h"

namespace ibsa::cli {
namespace {

struct InterviewOptions {
  std::string jurisdiction;  // default: the first of the vocabulary's
  std::string language = "en";
  std::string case_file;
  std::string save;
  std::string reader = "police";  // who reads the screen: nothing is addressed to them
  bool for_lawyer = false;        // the follow-up for the lawyer
};

struct InterviewWording {
  const char* greeting;
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
  const char* why;
  const char* asked_again;
  const char* fell_away;
  const char* possible_fell_away;
  const char* ranked;
  const char* for_lawyer_command;
  const char* for_lawyer_intro;
};

const InterviewWording& InterviewWordingFor(Language language) {
  static const InterviewWording kEn = {
      "ibsa: an intake interview on image-based sexual abuse (sexual deepfakes, intimate images shared "
      "without consent).",
      "Help: answer each question. ? = don't know (asked again when the case is resumed), ! = prefer not to "
      "say, < = back to the previous question, q = quit.",
      "Date of the facts (YYYY-MM-DD, DD-MM-YYYY, a month, a year, a range, today, 2 weeks ago): ",
      "Answers are not saved: pass --save FILE to keep them.",
      "Each answer is saved to",
      "The case could NOT be saved; the file keeps what it held before. The interview stops: "
      "the answers since the last save are lost. File:",
      "Saved to", "No question is left whose answer could change a finding.",
      "Nothing to undo.", "No provision applies or may apply yet.",
      "Write a day (2025-10-06 or 06-10-2025), a month (2025-10, 10-2025 or October 2025), a year (2025), "
      "a range (2025-09-20 to 2025-10-06, June to July 2024), today, or a time ago (about 2 weeks ago).",
      "The date of the facts cannot be in the future.",
      "To resume, and to print a report:",
      "That answer is not possible here; please answer with one of:",
      "ibsa encodes no version of this law for the date; check it by hand:",
      "Is that right? (y/n) ", "y",
      "Why this question:", "Asked again first, as they were not known the last time:",
      "no longer applies or may apply", "findings that might have applied no longer can",
      "What matters most, most certain first:",
      "For the lawyer's follow-up (questions on the provider that only a lawyer can find out):",
      "Follow-up for the lawyer: questions on the providers' internals."};
  static const InterviewWording kNl = {
      "ibsa: intakegesprek over beeldgebaseerd seksueel misbruik (seksuele deepfakes, intieme beelden "
      "verspreid zonder toestemming).",
      "Hulp: beantwoord elke vraag. ? = weet niet (opnieuw gevraagd bij het hervatten), ! = zeg ik liever "
      "niet, < = terug naar de vorige vraag, q = stoppen.",
      "Datum van de feiten (DD-MM-JJJJ, JJJJ-MM-DD, een maand, een jaar, van ... tot ..., vandaag, 2 weken geleden): ",
      "De antwoorden worden niet bewaard: geef --save BESTAND om ze te bewaren.",
      "Elk antwoord wordt bewaard in",
      "Het dossier kon NIET bewaard worden; het bestand houdt wat het eerder bevatte. Het "
      "gesprek stopt: de antwoorden sinds de laatste bewaring gaan verloren. Bestand:",
      "Bewaard in", "Er is geen vraag meer waarvan het antwoord een bevinding kan veranderen.",
      "Niets om ongedaan te maken.",
      "Nog geen bepaling is of kan van toepassing zijn.",
      "Schrijf een dag (06-10-2025 of 2025-10-06), een maand (10-2025, 2025-10 of oktober 2025), een jaar "
      "(2025), een periode (20-09-2025 tot 06-10-2025, juni-juli 2024), vandaag, of hoe lang geleden "
      "(ongeveer twee weken geleden).",
      "De datum van de feiten kan niet in de toekomst liggen.",
      "Om verder te gaan, en om een verslag af te drukken:",
      "Dat antwoord kan hier niet; antwoord met een van:",
      "ibsa bevat geen versie van dit recht voor de datum; controleer het zelf:",
      "Klopt dat? (j/n) ", "j",
      "Waarom deze vraag:", "Eerst opnieuw gevraagd, omdat ze de vorige keer niet bekend waren:",
      "niet meer (mogelijk) van toepassing", "bevindingen die mogelijk van toepassing waren, zijn het niet meer",
      "Wat het meest telt, het zekerste eerst:",
      "Voor de opvolging door de advocaat (vragen over de dienstverlener die alleen een advocaat kan uitzoeken):",
      "Opvolging voor de advocaat: vragen over de interne werking van de dienstverleners."};
  static const InterviewWording kFr = {
      "ibsa : entretien d'accueil sur les abus sexuels basés sur l'image (deepfakes sexuels, images intimes "
      "diffusées sans consentement).",
      "Aide : répondez à chaque question. ? = je ne sais pas (reposée à la reprise), ! = je préfère ne pas "
      "répondre, < = question précédente, q = quitter.",
      "Date des faits (JJ-MM-AAAA, AAAA-MM-JJ, un mois, une année, du ... au ..., aujourd'hui, il y a 2 semaines) : ",
      "Les réponses ne sont pas enregistrées : indiquez --save FICHIER pour les garder.",
      "Chaque réponse est enregistrée dans",
      "Le dossier n'a PAS pu être enregistré ; le fichier garde ce qu'il contenait. L'entretien "
      "s'arrête : les réponses depuis le dernier enregistrement sont perdues. Fichier :",
      "Enregistré dans", "Plus aucune question dont la réponse pourrait changer un constat.",
      "Rien à annuler.", "Aucune disposition ne s'applique ou ne peut s'appliquer encore.",
      "Écrivez un jour (06-10-2025 ou 2025-10-06), un mois (10-2025, 2025-10 ou octobre 2025), une année "
      "(2025), une période (20-09-2025 au 06-10-2025, juin-juillet 2024), aujourd'hui, ou il y a combien de "
      "temps (il y a deux semaines).",
      "La date des faits ne peut pas être dans le futur.",
      "Pour reprendre, et pour imprimer un rapport :",
      "Cette réponse n'est pas possible ici ; répondez par :",
      "ibsa n'encode aucune version de ce droit pour la date ; vérifiez-le vous-même :",
      "Est-ce exact ? (o/n) ", "o",
      "Pourquoi cette question :", "Reposées d'abord, car elles n'étaient pas connues la dernière fois :",
      "ne s'applique plus", "constats qui pouvaient s'appliquer ne le peuvent plus",
      "Ce qui compte le plus, le plus certain d'abord :",
      "Pour le suivi par l'avocat (questions sur le fournisseur que seul un avocat peut établir) :",
      "Suivi pour l'avocat : questions sur le fonctionnement interne des fournisseurs."};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

// One finding on one line: how it stands, the article as the language cites it, the title.
std::string FindingLine(const Finding& f, Language language) {
  std::string line = FindingHeading(f, language) + ": ";
  // Referrals have no article: their title says where to go.
  if (f.rule->kind != RuleKind::kReferral) line += Citation(*f.rule, *f.version, language) + ", ";
  return line + f.rule->title.Get(language);
}

// The rules whose actions turn to `reader` (`to:` in actions.yaml): neither the action nor
// its finding is shown to them (no "report to the police" on the police officer's screen).
std::set<std::string> AddressedTo(const Actions* actions, Actor reader) {
  return actions == nullptr ? std::set<std::string>{} : RulesTurningTo(*actions, reader);
}

// After an answer, only what changed: a finding that now applies or may now apply (with
// how it stands), or one that no longer applies or may apply; one line each, nothing when
// nothing changed. Possible findings that fall away together (the first answer rules out
// most of the law) are counted on one line: only what applies is worth a line each.
void PrintChanges(const Evaluation& before, const Evaluation& after, Language language,
                  const std::set<std::string>& hidden) {
  const InterviewWording& w = InterviewWordingFor(language);
  const char* colon = language == Language::kFr ? " : " : ": ";
  auto key = [](const Finding& f) { return f.rule->id + "@" + f.version->id; };
  std::map<std::string, FindingStatus> was;
  for (const auto& f : before.findings) was.emplace(key(f), f.status);
  std::set<std::string> now;
  for (const auto& f : after.findings) {
    now.insert(key(f));
    if (hidden.count(f.rule->id) != 0) continue;
    auto it = was.find(key(f));
    if (it != was.end() && it->second == f.status) continue;
    std::cout << "  " << (f.status == FindingStatus::kApplies ? "+ " : "? ") << FindingLine(f, language) << "\n";
  }
  std::vector<const Finding*> gone_possible;
  for (const auto& f : before.findings) {
    if (now.count(key(f)) != 0 || hidden.count(f.rule->id) != 0) continue;
    if (f.status == FindingStatus::kPossible) {
      gone_possible.push_back(&f);
      continue;
    }
    std::cout << "  - " << w.fell_away << colon << FindingLine(f, language) << "\n";
  }
  constexpr size_t kListed = 3;
  if (gone_possible.size() > kListed) {
    std::cout << "  - " << gone_possible.size() << " " << w.possible_fell_away << "\n";
    return;
  }
  for (const Finding* f : gone_possible) std::cout << "  - " << w.fell_away << colon << FindingLine(*f, language) << "\n";
}

// The end: what to do now (the action plan, without what turns to the reader), then the
// findings in the order that matters to the person in front of the officer.
void PrintEnd(const Interview& interview, const Engine& engine, Actor reader, Language language) {
  const InterviewWording& w = InterviewWordingFor(language);
  const Evaluation& evaluation = interview.findings();
  const std::set<std::string> hidden = AddressedTo(engine.actions(), reader);
  if (engine.actions() != nullptr) {
    auto plan = ForReader(PlanActions(*engine.actions(), evaluation, interview.current(), engine.law().vocabulary()),
                          reader);
    std::cout << "\n" << RenderActionPlanText(plan, engine.law(), language);
  }
  std::cout << "\n" << w.ranked << "\n";
  bool any = false;
  for (const Finding* f : RankedForThePerson(evaluation)) {
    if (hidden.count(f->rule->id) != 0) continue;
    std::cout << "  " << FindingLine(*f, language) << "\n";
    any = true;
  }
  if (!any) std::cout << "  " << w.none << "\n";
  // Say why nothing may show: a date before (or after) the law ibsa encodes.
  for (const auto& gap : evaluation.version_gaps) {
    std::cout << "  " << w.not_encoded << " " << gap.jurisdiction << " " << gap.instrument << ", "
              << gap.anchor.date.ToString() << "\n";
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
  // The greeting, the disclaimer and the help line come first, before any question (the
  // date of the facts included).
  std::cout << w.greeting << "\n" << Disclaimer(language) << "\n" << LawLine(*law, language) << "\n" << w.intro
            << "\n" << (out.file ? std::string(w.saving_to) + " " + out.path : w.not_saved) << "\n";
  if (options.for_lawyer) std::cout << w.for_lawyer_intro << "\n";
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
  auto started = Interview::Start(*law, *start, evaluation_options, options.for_lawyer);
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
  if (!persist()) return kWriteError;
  const Actor reader = *ReaderNamed(options.reader);  // checked by the option (ReaderNames)
  const std::set<std::string> hidden = AddressedTo(engine->actions(), reader);
  // "Don't know" is not final: said once, before the questions it concerns.
  if (!interview.asked_again().empty()) {
    std::cout << "\n" << w.asked_again;
    for (const auto& name : interview.asked_again()) {
      std::cout << (name == interview.asked_again().front() ? " " : "; ")
                << law->vocabulary().fact(*law->vocabulary().SlotOf(name)).label.Get(language);
    }
    std::cout << "\n";
  }
  while (interview.question()) {
    const Question& q = *interview.question();
    const std::string& text = q.fact->question.Get(language).empty() ? q.fact->label.Get(language)
                                                                     : q.fact->question.Get(language);
    std::cout << "\n" << text << (q.member.empty() ? "" : " [" + q.member + "]") << "\n";
    if (!q.fact->why.Get(language).empty()) std::cout << "  " << w.why << " " << q.fact->why.Get(language) << "\n";
    std::cout << "  (" << interview.AnswerHint(language) << ")\n> " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line) || line == "q" || line == "quit") break;
    if (line == "<") {
      if (!interview.Back()) std::cout << w.nothing_to_undo << "\n";
      if (!persist()) return kWriteError;
      continue;
    }
    const Evaluation before = interview.findings();
    auto answered = line == "?"   ? interview.DontKnow()
                    : line == "!" ? interview.NotSaid()
                                  : interview.Answer(line, language);
    if (!answered.ok()) {
      // Said in the user's language, with the answers allowed; the engine's own words
      // follow for the detail (a range, a date).
      std::cout << "  " << w.wrong_answer << " (" << interview.AnswerHint(language) << ")\n";
      for (const auto& e : answered.errors()) std::cout << "  [" << e.message << "]\n";
      continue;
    }
    if (!persist()) return kWriteError;
    PrintChanges(before, interview.findings(), language, hidden);
  }
  if (!interview.question()) std::cout << "\n" << w.done << "\n";
  PrintEnd(interview, *engine, reader, language);
  if (out.file) {
    std::cout << "\n" << w.saved_to << " " << out.path << ". " << w.next_commands << "\n"
              << "  ibsa interview --lang " << options.language << " --case " << out.path << "\n"
              << "  ibsa evaluate --format html --lang " << options.language << " " << out.path << "\n";
    if (!options.for_lawyer) {
      std::cout << w.for_lawyer_command << "\n"
                << "  ibsa interview --for-lawyer --lang " << options.language << " --case " << out.path << "\n";
    }
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
  cmd->add_option("--reader", options->reader,
                  "who reads the screen: police (default), lawyer or support; actions turned to them are left out")
      ->check(CLI::IsMember(ReaderNames()));
  cmd->add_flag("--for-lawyer", options->for_lawyer,
                "the follow-up for the lawyer: also ask the questions on the providers' internals");
  return {cmd, [&global, options] { return RunInterview(global, *options); }};
}

}  // namespace ibsa::cli
