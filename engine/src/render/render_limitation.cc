#include "render/render_limitation.h"

#include <algorithm>

#include "render/render_common.h"

namespace ibsa::internal {
namespace {

struct LimitationWording {
  const char* lead;
  const char* time_barred;      // on the assessment date
  const char* not_time_barred;
  const char* may_be_barred;
  const char* on;
  const char* years;
  const char* from;
  const char* barred_from;
  const char* between;          // "from X to Y": where the start or interruptions decide
  const char* with_interruptions;
  const char* or_never;
  const char* never;
  const char* not_known;
  const char* ends_within;
  const char* months;
  const char* if_word;
  const char* yes;
  const char* no;
  const char* day_decides;  // between the first day's time bar and the last day's
  const char* on_last_day;  // the last day's own reading
  const char* birth_decides;          // a start at the 18th birthday known from the age only
  const char* day_and_birth_decide;   // both, for facts dated as a period
};

const LimitationWording& WordingOf(Language language) {
  static const LimitationWording kNl{
      "Verjaring", "VERJAARD op", "niet verjaard op", "mogelijk verjaard op", "op", "jaar", "vanaf",
      "verjaard vanaf", "tussen", "met stuiting uiterlijk vanaf", "of nooit, als de verjaring werd gestuit",
      "verjaart niet", "termijn niet bekend", "verjaart binnen", "maanden", "als", "ja", "nee",
      "de dag van de feiten beslist", "op de laatste dag van de periode",
      "de geboortedatum van het slachtoffer beslist",
      "de dag van de feiten en de geboortedatum van het slachtoffer beslissen"};
  static const LimitationWording kFr{
      "Prescription", "PRESCRIT le", "non prescrit le", "peut-être prescrit le", "le", "ans", "à partir du",
      "prescrit à partir du", "entre", "avec interruption au plus tard à partir du",
      "ou jamais, si la prescription a été interrompue", "imprescriptible", "délai inconnu", "se prescrit dans",
      "mois", "si", "oui", "non", "le jour des faits décide", "le dernier jour de la période",
      "la date de naissance de la victime décide",
      "le jour des faits et la date de naissance de la victime décident"};
  static const LimitationWording kEn{
      "Limitation", "TIME-BARRED on", "not time-barred on", "may be time-barred on", "on", "years", "from",
      "time-barred from", "between", "with interruptions at the latest from", "or never, if it was interrupted",
      "does not lapse", "period not known", "lapses within", "months", "if", "yes", "no",
      "the day of the facts decides", "on the last day of the period", "the victim's date of birth decides",
      "the day of the facts and the victim's date of birth decide"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

std::string Citations(const LimitationScenario& s, Language language) {
  std::string out;
  for (const auto* p : s.provisions) {
    const std::string c = "art. " + p->article + " " + p->instrument.Get(language);
    if (out.find(c) == std::string::npos) out += (out.empty() ? "" : "; ") + c;
  }
  return out;
}

std::string DateRange(Date first, const std::optional<Date>& last, const LimitationWording& w) {
  if (!last) return first.ToString();
  return std::string(w.between) + " " + first.ToString() + " / " + last->ToString();
}

// The period and its dates, and the last day's own reading; without the provisions and the
// certainty, which ScenarioText adds once for the whole.
std::string ScenarioPeriods(const LimitationScenario& s, const LimitationWording& w) {
  std::string out;
  if (!s.known) {
    out = w.not_known;
  } else if (!s.period_years) {
    out = w.never;
  } else {
    out = std::to_string(*s.period_years) + " " + w.years;
    // What decides within a range: the day of the facts (dated as a period), the victim's date
    // of birth (a start at majority known from the age), or both.
    const char* decides = s.day_decides && s.starts_at_majority ? w.day_and_birth_decide
                          : s.day_decides                       ? w.day_decides
                                                                : w.birth_decides;
    if (s.starts_on) {
      out += std::string(" ") + w.from + " " + DateRange(*s.starts_on, s.starts_on_latest, w);
      if (s.starts_at_majority && s.starts_on_latest && !s.day_decides) out += std::string(" (") + decides + ")";
    }
    if (s.barred_from) {
      out += std::string(": ") + w.barred_from + " ";
      if (s.day_decides && s.barred_from_last_day) {
        out += DateRange(*s.barred_from, s.barred_from_last_day, w) + " (" + decides + ")";
      } else {
        out += s.barred_from->ToString();
        if (s.day_decides) out += std::string(" (") + decides + ")";
      }
      if (s.barred_from_latest) out += std::string(", ") + w.with_interruptions + " " + s.barred_from_latest->ToString();
      // Never only on another day of the period: said by the last day's reading, not here.
      if (s.may_never_lapse && !(s.day_decides && !s.barred_from_last_day)) out += std::string(", ") + w.or_never;
    }
  }
  // The last day's own reading, where it applies another period or provision.
  for (const auto& last : s.on_last_day) out += std::string("; ") + w.on_last_day + ": " + ScenarioPeriods(last, w);
  return out;
}

std::string ScenarioText(const LimitationScenario& s, Language language, const LimitationWording& w) {
  std::string out = ScenarioPeriods(s, w);
  const std::string citations = Citations(s, language);
  if (!citations.empty()) out += " (" + citations + ")";
  out += " [" + CertaintyWord(s.certainty, language) + "]";
  return out;
}

}  // namespace

std::vector<std::string> LimitationLines(const LimitationOutcome& outcome, Language language) {
  const LimitationWording& w = WordingOf(language);
  std::vector<std::string> lines;
  std::string head = std::string(w.lead) + ":";
  // Where no reading knows the period, ibsa cannot say whether it has run: "may be time-barred"
  // five days after the facts misled, since the period is unknown, not short.
  const bool period_unknown = std::none_of(outcome.scenarios.begin(), outcome.scenarios.end(),
                                           [](const LimitationScenario& s) { return s.known; });
  if (outcome.assessed_on && !(outcome.lapsed == Truth::kUnknown && period_unknown)) {
    const char* state = outcome.lapsed == Truth::kTrue    ? w.time_barred
                        : outcome.lapsed == Truth::kFalse ? w.not_time_barred
                                                          : w.may_be_barred;
    head += std::string(" ") + state + " " + outcome.assessed_on->ToString();
    if (outcome.ends_within_months) {
      head += std::string(" (") + w.ends_within + " " + std::to_string(*outcome.ends_within_months) + " " +
              w.months + ")";
    }
    head += ";";
  }
  if (outcome.scenarios.size() == 1) {
    lines.push_back(head + " " + ScenarioText(outcome.scenarios.front(), language, w));
  } else {
    lines.push_back(head);
    for (const auto& s : outcome.scenarios) {
      lines.push_back("  " + std::string(w.if_word) + " " + s.assumed_fact + " = " + (s.assumed_value ? w.yes : w.no) +
                      ": " + ScenarioText(s, language, w));
    }
  }
  for (const auto& caveat : LimitationCaveats(outcome, language)) lines.push_back("  " + caveat);
  return lines;
}

std::vector<std::string> LimitationCaveats(const LimitationOutcome& outcome, Language language) {
  // What ibsa cannot see, once per provision.
  std::vector<std::string> caveats;
  std::vector<const LimitationProvision*> said;
  for (const auto& s : outcome.scenarios) {
    for (const auto* p : s.provisions) {
      if (p->caveat.empty() || std::find(said.begin(), said.end(), p) != said.end()) continue;
      said.push_back(p);
      caveats.push_back(p->caveat.Get(language));
    }
  }
  return caveats;
}

}  // namespace ibsa::internal
