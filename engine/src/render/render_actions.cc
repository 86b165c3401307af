// The action plan, worded once for the text, the reports and the JSON.
#include <string>
#include <vector>

#include "ibsa/actions.h"
#include "ibsa/render.h"
#include "render/render_common.h"

namespace ibsa::internal {
namespace {

struct PlanWords {
  ActionPlanWording plan;
  const char* if_word;      // a conditional action
  const char* if_known;     // "once these facts are known: "
  const char* last_day;     // "last day"
  const char* passed;       // the last day is before the assessment date
  const char* start_unknown;  // the start date is not in the case
};

constexpr PlanWords kPlanNl{{"Actieplan: wat nu te doen", "Uit deze bevindingen volgt nog geen actie.", "nr.", "Actie",
                             "Wie", "Waarom", "Termijn", "zoals nr.",
                             "Termijnen van het actieplan, met hun grondslag"},
                            "ALS", "zodra bekend is: ", "laatste dag", "VERSTREKEN",
                            "de begindatum is niet bekend; vul in wanneer dit bekend werd ("};
constexpr PlanWords kPlanFr{{"Plan d'action : que faire maintenant", "Aucune action ne découle encore de ces constats.", "n°",
                             "Action", "Qui", "Pourquoi", "Délai", "comme n°",
                             "Délais du plan d'action, avec leur fondement"},
                            "SI", "dès que l'on sait : ", "dernier jour", "EXPIRÉ",
                            "la date de départ n'est pas connue ; indiquez quand cela a été appris ("};
constexpr PlanWords kPlanEn{{"Action plan: what to do now", "No action follows from these findings yet.", "no.", "Action",
                             "Who", "Why", "Deadline", "as no.",
                             "The action plan's deadlines, with their basis"},
                            "IF", "once these are known: ", "last day", "PASSED",
                            "its start date is not known; state when this was learned ("};

const PlanWords& WordsFor(Language language) {
  switch (language) {
    case Language::kNl: return kPlanNl;
    case Language::kFr: return kPlanFr;
    case Language::kEn: return kPlanEn;
  }
  return kPlanEn;
}

std::string Joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// "nl.sr.2024-01-01", or "nl.sr.2024-01-01, nl.sr.2024-07-01" for a finding of several versions.
std::string VersionIds(const Finding& f) {
  std::string out;
  for (const FindingVersion& v : VersionsOf(f)) out += (out.empty() ? "" : ", ") + v.version->id;
  return out;
}

}  // namespace

const ActionPlanWording& ActionPlanWordingFor(Language language) { return WordsFor(language).plan; }

std::vector<ActionText> ActionTexts(const std::vector<Action>& actions, const Law& law, Language language) {
  const PlanWords& p = WordsFor(language);
  std::vector<ActionText> out;
  for (const auto& a : actions) {
    ActionText t;
    const Rule& rule = *a.why.front()->rule;
    t.id = rule.id;
    t.action_class = a.action_class->title.Get(language);
    t.title = (a.conditional ? std::string(p.if_word) + " … " : "") + rule.title.Get(language);
    t.who = ActorLabel(a.declaration->by, language);
    std::vector<std::string> why;
    std::vector<std::string> missing;
    for (const Finding* f : a.why) {
      const std::string citation = ibsa::Citation(*f->rule, *f->version, language);
      why.push_back(ibsa::FindingHeading(*f, language) + (citation.empty() ? "" : ", " + citation) + ": " + f->rule->id + " (" + VersionIds(*f) + ")");
      for (const auto& fact : f->missing) {
        bool seen = false;
        for (const auto& m : missing) seen = seen || m == fact;
        if (!seen) missing.push_back(fact);
      }
    }
    t.why = Joined(why, "; ");
    if (a.conditional && !missing.empty()) {
      std::vector<std::string> labels;
      for (const auto& fact : missing) {
        auto slot = law.vocabulary().SlotOf(fact);
        labels.push_back(slot ? law.vocabulary().fact(*slot).label.Get(language)
                         : IsDayFact(fact) ? DayFactLabel(fact, language)
                                           : fact);
      }
      t.why += "; " + std::string(p.if_known) + Joined(labels, ", ");
    }
    if (a.deadline) {
      const DeadlineRule& rule_of = *a.deadline->rule;
      std::string d = rule_of.period.Get(language);
      if (a.deadline->last_day) {
        d = std::string(p.last_day) + " " + a.deadline->last_day->ToString() + (a.deadline->passed ? " — " + std::string(p.passed) : "") +
            " (" + d + ")";
        t.passed = a.deadline->passed;
      } else if (!rule_of.from.empty()) {
        auto slot = law.vocabulary().SlotOf(rule_of.from);
        d += "; " + std::string(p.start_unknown) + (slot ? law.vocabulary().fact(*slot).label.Get(language) : rule_of.from) + ")";
      }
      std::string brief = d;
      if (rule_of.certainty != Certainty::kSettled) {
        brief += " [" + CertaintyWord(rule_of.certainty, language) + "]";
        d += " [" + CertaintyWord(rule_of.certainty, language) + ": " + rule_of.certainty_reason.Get(language) + "]";
      }
      t.deadline_brief = std::move(brief);
      std::vector<std::string> sources;
      for (const auto& s : rule_of.sources) sources.push_back(s.Title(language) + (s.pinpoint.empty() ? "" : ", " + s.pinpoint));
      d += " — " + Joined(sources, "; ");
      t.deadline = d;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace ibsa::internal
