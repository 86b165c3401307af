// The parts the report and the handover pack share (report_parts.h).
#include <algorithm>
#include <cctype>
#include <utility>

#include "ibsa/evidence.h"
#include "ibsa/render.h"
#include "ibsa/version.h"
#include "render/evidence_render.h"
#include "render/report_parts.h"

namespace ibsa::internal {

const ReportWording& ReportWordingFor(Language language) {
  static const ReportWording kEn = {
      "Legal assessment (decision support)",
      "This report is decision support, not legal advice. It lists what the encoded law says "
      "about the facts given; every finding must be checked against its sources, and findings "
      "marked contested or unverified rest on readings that a court may not share.",
      "Facts as given", "none",
      "Fact", "Value", "Law applied", "Findings", "Element", "Elements", "Status", "Still to decide",
      "Legal gaps", "No legal gap found for these facts.",
      "yes", "no", "Lex mitior",
      "ibsa encodes no version of this instrument for the date; check the law in force then by hand:",
      "What these facts do that no settled offence covers, provisions that name a gap in the law, "
      "and dates the encoded law does not cover:",
      "In brief", "Applies", "Applies on a contested or unverified reading", "Nothing applies on the facts given.",
      "Still unknown", "would decide", "its answer alone changes no finding yet", "Annex", "Sources cited", "assessed on",
      "The other ", " are listed after the findings.", "The first ", " are on the first page.",
      "Version, where a finding below names no other", "same address as", "reason: see", "as under"};
  static const ReportWording kNl = {
      "Juridische beoordeling (beslissingsondersteuning)",
      "Dit verslag is beslissingsondersteuning, geen juridisch advies. Het geeft weer wat het "
      "gecodeerde recht zegt over de gegeven feiten; elke bevinding moet aan haar bronnen worden "
      "getoetst, en bevindingen die betwist of niet geverifieerd zijn, steunen op een lezing die "
      "een rechter niet hoeft te delen.",
      "Feiten zoals gegeven", "geen", "Feit", "Waarde", "Toegepast recht", "Bevindingen", "Bestanddeel", "Bestanddelen", "Status",
      "Nog te beslissen", "Leemtes in het recht",
      "Geen leemte gevonden voor deze feiten.", "ja", "nee",
      "Lex mitior",
      "ibsa bevat geen versie van dit instrument voor de datum; controleer het toen geldende recht zelf:",
      "Wat deze feiten teweegbrengen en geen vaststaand misdrijf dekt, bepalingen die een leemte in het "
      "recht benoemen, en data die het gecodeerde recht niet dekt:",
      "In het kort", "Van toepassing", "Van toepassing volgens een betwiste of niet geverifieerde lezing",
      "Niets is van toepassing op grond van de gegeven feiten.", "Nog onbekend", "beslist over",
      "het antwoord alleen verandert nog geen bevinding", "Bijlage", "Aangehaalde bronnen", "beoordeeld op",
      "De andere ", " staan na de bevindingen.", "De eerste ", " staan op de eerste bladzijde.",
      "Versie, waar een bevinding hieronder geen andere noemt", "zelfde adres als", "reden: zie", "zoals bij"};
  static const ReportWording kFr = {
      "Analyse juridique (aide à la décision)",
      "Ce rapport est une aide à la décision, non un avis juridique. Il indique ce que le droit "
      "encodé dit des faits donnés ; chaque constat doit être vérifié à ses sources, et les "
      "constats contestés ou non vérifiés reposent sur une lecture qu'un juge peut ne pas partager.",
      "Faits tels que donnés", "aucun", "Fait", "Valeur", "Droit appliqué", "Constats", "Élément", "Éléments", "Statut",
      "Reste à trancher", "Lacunes du droit",
      "Aucune lacune trouvée pour ces faits.", "oui", "non",
      "Lex mitior",
      "ibsa n'encode aucune version de cet instrument pour la date ; vérifiez vous-même le droit alors en vigueur :",
      "Ce que ces faits causent et qu'aucune infraction établie ne couvre, dispositions qui constatent "
      "une lacune du droit, et dates que le droit encodé ne couvre pas :",
      "En bref", "S'applique", "S'applique selon une lecture contestée ou non vérifiée",
      "Rien ne s'applique au vu des faits donnés.", "Encore inconnu", "tranche",
      "sa réponse seule ne change encore aucun constat", "Annexe", "Sources citées", "évalué le",
      "Les ", " autres figurent après les constats.", "Les ", " premiers figurent en première page.",
      "Version, sauf autre mention sous un constat", "même adresse que", "raison : voir", "comme pour"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

std::string FactValueText(const FactDefinition& fact, const FactValue& value, const Case& c,
                          const ReportWording& r, Language language) {
  switch (fact.type) {
    case FactType::kBool: return *value.boolean() ? r.yes : r.no;
    case FactType::kInt: {
      // An age known as people know it ("16 or 17", "a minor", "an adult"): the range as
      // given, its open end left open.
      if (const auto range = value.range()) {
        if (range->first == fact.min.value_or(range->first - 1)) return "≤ " + std::to_string(range->second);
        if (range->second == fact.max.value_or(range->second + 1)) return "≥ " + std::to_string(range->first);
        return std::to_string(range->first) + "–" + std::to_string(range->second);
      }
      return std::to_string(*value.integer());
    }
    case FactType::kDate: return value.date()->ToString();
    case FactType::kEnum: return fact.ValueLabel(*value.value_index(), language);
    case FactType::kSet: {
      if (fact.name == kActsFact && !c.acts().empty()) {
        std::vector<std::string> acts;
        for (const Act& act : c.acts()) {
          const std::string label = act.type_index >= 0 ? fact.ValueLabel(act.type_index, language) : act.type;
          acts.push_back(label + " (" + PeriodText(act.period, language) + (act.certain ? "" : ", ?") + ")");
        }
        return Join(acts);
      }
      std::vector<std::string> members;
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if (value.Has(static_cast<int>(i)) == Truth::kTrue) members.push_back(fact.ValueLabel(static_cast<int>(i), language));
      }
      return members.empty() ? r.none : Join(members);
    }
  }
  return "";
}

std::string FindingTitle(const Finding& f, Language language) {
  const Rule& rule = *f.rule;
  const bool has_article = !rule.article.empty() && rule.article != "-";
  return internal::FindingHeading(f, language) + ": " +
         (has_article ? Citation(rule, *f.version, language) + ", " : std::string()) + rule.title.Get(language);
}

// Fact names as the reader knows them: their labels.
std::string FactLabels(const std::vector<std::string>& names, const Vocabulary& vocabulary, Language language) {
  std::vector<std::string> labels;
  for (const auto& name : names) {
    auto slot = vocabulary.SlotOf(name);
    labels.push_back(slot ? vocabulary.fact(*slot).label.Get(language) : IsDayFact(name) ? DayFactLabel(name, language) : name);
  }
  return Join(labels);
}

// A finding as the first page names it: its citation (or, without an article, its title).
std::string ShortName(const Finding& f, Language language) {
  const Rule& rule = *f.rule;
  const bool has_article = !rule.article.empty() && rule.article != "-";
  return has_article ? Citation(rule, *f.version, language) + ", " + rule.title.Get(language) : rule.title.Get(language);
}

// Under a finding's heading, when it concerns child sexual abuse material.
void AddChildAbuseMaterialNotice(Document& d, const Finding& f, const EvidenceContext& ev, Language language) {
  if (ConcernsChildAbuseMaterial(ev.law, *f.rule)) d.Paragraph(ReportLocationNotFile(language), "notice");
}

// After a finding's elements: per element, the items that support it.
void AddElementEvidence(Document& d, const Finding& f, const EvidenceContext& ev, Language language) {
  const internal::EvidenceWording& w = internal::EvidenceWordingFor(language);
  std::vector<std::string> lines;
  for (const auto& e : f.elements) {
    for (size_t i : internal::EvidenceFor(ev.evidence, *f.rule, *e.element)) {
      lines.push_back(e.element->label.Get(language) + ": " + internal::EvidenceNumber(i) + " " +
                      internal::EvidenceSummary(ev.evidence[i], language, CaseText));
    }
  }
  if (lines.empty()) return;
  d.Paragraph(std::string(w.heading) + ":");
  d.List(std::move(lines));
}

// The index of the log, numbered as the findings cite it.
void AddEvidenceIndex(Document& d, const std::vector<EvidenceItem>& evidence, Language language) {
  if (evidence.empty()) return;
  const internal::EvidenceWording& w = internal::EvidenceWordingFor(language);
  d.Heading(2, w.heading);
  d.Paragraph(std::string(w.intro) + ".");
  std::vector<std::string> items;
  for (size_t i = 0; i < evidence.size(); ++i) {
    std::vector<std::string> supports;
    for (const auto& id : evidence[i].supports) supports.push_back(CaseText(id));
    items.push_back(internal::EvidenceNumber(i) + " " + internal::EvidenceSummary(evidence[i], language, CaseText) +
                    (supports.empty() ? "" : "; " + std::string(w.supports) + ": " + Join(supports)));
  }
  d.List(std::move(items));
}

// The facts still unknown, one list with one meaning: every fact a finding misses, each once,
// in the order the questions ask them (neutral before intrusive), with the question the
// intake asks and the provisions its answer would decide. A fact no question asks yet (its
// answer alone changes no finding until another fact is known, as whether a deepfake was
// labelled matters only once the deployer is known to be professional) is listed too, after
// them, so that the count is that of the facts the findings miss.
namespace {

// "Action 2" for a rule that is the second action of the plan; "" for one that is none.
std::string ActionNumber(const Rule& rule, const std::vector<Action>& actions, Language language) {
  for (size_t i = 0; i < actions.size(); ++i) {
    for (const Finding* f : actions[i].why) {
      if (f->rule == &rule) {
        std::string word = ActionPlanWordingFor(language).action;  // the plan's column heading
        word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
        return word + " " + std::to_string(i + 1);
      }
    }
  }
  return "";
}

}  // namespace

std::vector<std::string> StillUnknown(const Evaluation& e, const std::vector<Question>& questions,
                                      const std::vector<Action>& actions, const Vocabulary& vocabulary,
                                      Language language, const ReportWording& r) {
  auto name_of = [&](const Rule& rule, const std::string& otherwise) {
    const std::string number = ActionNumber(rule, actions, language);
    return number.empty() ? otherwise : number;
  };
  std::vector<std::string> order;  // fact names
  for (const auto& q : questions) {
    if (std::find(order.begin(), order.end(), q.fact->name) == order.end()) order.push_back(q.fact->name);
  }
  const size_t asked = order.size();
  for (const auto& f : e.findings) {
    for (const auto& name : f.missing) {
      if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    }
  }
  std::vector<std::string> items;
  for (size_t i = 0; i < order.size(); ++i) {
    const std::string& name = order[i];
    if (IsDayFact(name)) {  // a date given as a period across a change of the law
      items.push_back(DayFactText(name, e, language));
      continue;
    }
    auto slot = vocabulary.SlotOf(name);
    if (!slot) continue;
    const FactDefinition& fact = vocabulary.fact(*slot);
    std::vector<std::string> decides;
    auto add = [&](const std::string& what) {
      if (std::find(decides.begin(), decides.end(), what) == decides.end()) decides.push_back(what);
    };
    std::string text = fact.label.Get(language);
    if (i < asked) {
      std::vector<std::string> members;
      for (const auto& q : questions) {
        if (q.fact->name != name) continue;
        if (!q.fact->question.Get(language).empty()) text = q.fact->question.Get(language);
        if (!q.member.empty()) members.push_back(q.member);
        for (const auto& ref : q.decides) {
          add(ref.rule->article.empty() || ref.rule->article == "-" ? name_of(*ref.rule, ref.rule->title.Get(language))
                                                                     : Citation(*ref.rule, *ref.version, language));
        }
      }
      if (!members.empty()) text += " [" + Join(members) + "]";
    } else {
      text += " (" + std::string(r.no_question) + ")";
      for (const auto& f : e.findings) {
        if (std::find(f.missing.begin(), f.missing.end(), name) != f.missing.end()) {
          // The citation alone, as for a question asked: the title is the finding's heading.
          add(f.rule->article.empty() || f.rule->article == "-" ? name_of(*f.rule, ShortName(f, language))
                                                                : Citation(*f.rule, *f.version, language));
        }
      }
    }
    items.push_back(text + (decides.empty() ? "" : " — " + std::string(r.decides) + ": " + Join(decides, "; ")));
  }
  return items;
}

std::string CaseSentence(const Evaluation& e, const Law& law, Language language) {
  const Wording& w = WordingFor(language);
  const ReportWording& r = ReportWordingFor(language);
  std::string sentence = e.case_title.empty() ? std::string() : CaseText(e.case_title) + ". ";
  sentence += law.vocabulary().JurisdictionName(e.jurisdiction, language) + ", " + w.date_of_facts + " " +
              PeriodText(e.period, language);
  if (e.options.as_of) sentence += "; " + std::string(w.as_of) + " " + e.options.as_of->ToString();
  if (!e.options.with.empty()) sentence += "; " + std::string(w.with_proposals) + " " + Join(e.options.with);
  if (e.options.assessed_on) sentence += "; " + std::string(r.page_date) + " " + e.options.assessed_on->ToString();
  return sentence + ".";
}

void AddFactsGiven(Document& d, const Case& c, const Vocabulary& vocabulary, Language language) {
  const ReportWording& r = ReportWordingFor(language);
  d.Heading(2, r.facts_given);
  std::vector<std::pair<std::string, std::string>> given;
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    if (!(value.known() || value.range()) || !value.given()) continue;
    const FactDefinition& fact = vocabulary.fact(slot);
    given.emplace_back(fact.label.Get(language), FactValueText(fact, value, c, r, language));
  }
  // Two facts to a row, read down the left pair and then the right: most values are a word,
  // and one fact to a row took half a printed page.
  const size_t rows = (given.size() + 1) / 2;
  std::vector<std::vector<std::string>> table;
  for (size_t i = 0; i < rows; ++i) {
    std::vector<std::string> row{given[i].first, given[i].second, "", ""};
    if (rows + i < given.size()) {
      row[2] = given[rows + i].first;
      row[3] = given[rows + i].second;
    }
    table.push_back(std::move(row));
  }
  d.Table({r.fact, r.value, r.fact, r.value}, std::move(table), "facts");
}

void AddActionPlan(Document& d, const std::vector<Action>& actions, const Law& law, Language language, int level,
                   bool with_why) {
  const ActionPlanWording& p = ActionPlanWordingFor(language);
  d.Heading(level, p.heading, "plan");
  std::vector<std::vector<std::string>> rows;
  int number = 0;
  for (const auto& a : ActionTexts(actions, law, language)) {
    std::vector<std::string> row{std::to_string(++number), a.action_class + ": " + a.title, a.who};
    if (with_why) row.push_back(a.why);
    row.push_back(with_why ? a.deadline : a.deadline_brief);
    rows.push_back(std::move(row));
  }
  // A deadline the row above states already (one GDPR answer period for two requests) is
  // referred to, not repeated.
  for (size_t i = rows.size(); i-- > 1;) {
    std::string& deadline = rows[i].back();
    if (!deadline.empty() && deadline == rows[i - 1].back()) deadline = std::string(p.same_as) + " " + std::to_string(i);
  }
  if (rows.empty()) d.Paragraph(p.none);
  std::vector<std::string> header{p.number, p.action, p.who};
  if (with_why) header.push_back(p.why);
  header.push_back(p.deadline);
  d.Table(std::move(header), std::move(rows));
}

void AddDeadlinesInFull(Document& d, const std::vector<Action>& actions, const Law& law, Language language) {
  std::vector<std::string> lines;
  int number = 0;
  for (const auto& a : ActionTexts(actions, law, language)) {
    ++number;
    if (a.deadline != a.deadline_brief) lines.push_back(std::to_string(number) + ". " + a.title + ": " + a.deadline);
  }
  if (lines.empty()) return;
  d.Heading(2, ActionPlanWordingFor(language).deadlines_in_full, "plan");
  d.List(std::move(lines));
}

void AddProvenance(Document& d, const Provenance* provenance, Language language) {
  if (provenance == nullptr) return;
  // Small print, on one line: what a reader quotes to have the output reproduced.
  std::string line;
  for (const auto& item : ProvenanceItems(*provenance, language)) {
    line += (line.empty() ? "" : " · ") + item.label + " " + item.value;
  }
  d.Paragraph(line, "provenance");
}

std::string PageFooter(const Evaluation& e, Language language) {
  const Date date = e.options.assessed_on ? *e.options.assessed_on : Date::Today();
  return "ibsa " + std::string(Version()) + " · " + ReportWordingFor(language).page_date + " " + date.ToString();
}

}  // namespace ibsa::internal
