// The report for a lawyer or a prosecutor, in Markdown or as one self-contained HTML
// page. Both are written from one document model, so they always say the same.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "ibsa/evidence.h"
#include "ibsa/render.h"
#include "ibsa/version.h"
#include "render/case_gaps.h"
#include "render/evidence_render.h"
#include "render/render_common.h"
#include "render/render_limitation.h"

namespace ibsa {
namespace {

using internal::Wording;

// The words of the report beyond those the text output already has.
struct ReportWording {
  const char* title;
  const char* not_advice;
  const char* facts_given;
  const char* none;
  const char* fact;
  const char* value;
  const char* law_applied;
  const char* findings;
  const char* element;
  const char* status;
  const char* still_to_decide;
  const char* legal_gaps;
  const char* no_gaps;
  const char* yes;
  const char* no;
  const char* lex_mitior;
  const char* not_encoded;
  const char* harms_hint;
  const char* in_brief;         // the first page's heading
  const char* applies_firm;     // what applies on a settled or likely reading
  const char* applies_contested;
  const char* nothing_applies;
  const char* still_unknown;    // one list, one count: the facts that would decide a finding
  const char* decides;
  const char* no_question;      // a missing fact no question asks yet: its answer alone decides nothing
  const char* annex;
  const char* sources_annex;
  const char* page_date;        // the footer's date: "assessed on"
};

const ReportWording& ReportWordingFor(Language language) {
  static const ReportWording kEn = {
      "Legal assessment (decision support)",
      "This report is decision support, not legal advice. It lists what the encoded law says "
      "about the facts given; every finding must be checked against its sources, and findings "
      "marked contested or unverified rest on readings that a court may not share.",
      "Facts as given", "none",
      "Fact", "Value", "Law applied", "Findings", "Element", "Status", "Still to decide",
      "Legal gaps", "No legal gap found for these facts.",
      "yes", "no", "Lex mitior",
      "ibsa encodes no version of this instrument for the date; check the law in force then by hand:",
      "Harms (rulesets/harms.yaml) that these facts meet and that no settled offence covers, gap "
      "provisions, and dates the encoded law does not cover. `ibsa gaps` sweeps every situation (docs/gaps.md).",
      "In brief", "Applies", "Applies on a contested or unverified reading", "Nothing applies on the facts given.",
      "Still unknown", "would decide", "its answer alone changes no finding yet", "Annex", "Sources cited", "assessed on"};
  static const ReportWording kNl = {
      "Juridische beoordeling (beslissingsondersteuning)",
      "Dit verslag is beslissingsondersteuning, geen juridisch advies. Het geeft weer wat het "
      "gecodeerde recht zegt over de gegeven feiten; elke bevinding moet aan haar bronnen worden "
      "getoetst, en bevindingen die betwist of niet geverifieerd zijn, steunen op een lezing die "
      "een rechter niet hoeft te delen.",
      "Feiten zoals gegeven", "geen", "Feit", "Waarde", "Toegepast recht", "Bevindingen", "Bestanddeel", "Status",
      "Nog te beslissen", "Leemtes in het recht",
      "Geen leemte gevonden voor deze feiten.", "ja", "nee",
      "Lex mitior",
      "ibsa bevat geen versie van dit instrument voor de datum; controleer het toen geldende recht zelf:",
      "Schade (rulesets/harms.yaml) die deze feiten vervullen en die geen vaststaand misdrijf dekt, "
      "leemtebepalingen, en data die het gecodeerde recht niet dekt. `ibsa gaps` doorloopt alle situaties (docs/gaps.md).",
      "In het kort", "Van toepassing", "Van toepassing volgens een betwiste of niet geverifieerde lezing",
      "Niets is van toepassing op grond van de gegeven feiten.", "Nog onbekend", "beslist over",
      "het antwoord alleen verandert nog geen bevinding", "Bijlage", "Aangehaalde bronnen", "beoordeeld op"};
  static const ReportWording kFr = {
      "Analyse juridique (aide à la décision)",
      "Ce rapport est une aide à la décision, non un avis juridique. Il indique ce que le droit "
      "encodé dit des faits donnés ; chaque constat doit être vérifié à ses sources, et les "
      "constats contestés ou non vérifiés reposent sur une lecture qu'un juge peut ne pas partager.",
      "Faits tels que donnés", "aucun", "Fait", "Valeur", "Droit appliqué", "Constats", "Élément", "Statut",
      "Reste à trancher", "Lacunes du droit",
      "Aucune lacune trouvée pour ces faits.", "oui", "non",
      "Lex mitior",
      "ibsa n'encode aucune version de cet instrument pour la date ; vérifiez vous-même le droit alors en vigueur :",
      "Atteintes (rulesets/harms.yaml) que ces faits réalisent et qu'aucune infraction établie ne couvre, "
      "dispositions de lacune, et dates que le droit encodé ne couvre pas. `ibsa gaps` parcourt toutes les situations (docs/gaps.md).",
      "En bref", "S'applique", "S'applique selon une lecture contestée ou non vérifiée",
      "Rien ne s'applique au vu des faits donnés.", "Encore inconnu", "tranche",
      "sa réponse seule ne change encore aucun constat", "Annexe", "Sources citées", "évalué le"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

// A document: headings, paragraphs, bullet lists and tables of plain text, with links.
struct Block {
  // kPageBreak: the first page ends here (a rule in Markdown, a page break in print).
  enum Kind { kHeading, kParagraph, kList, kTable, kPageBreak } kind;
  int level = 0;                              // kHeading: 1..3
  std::string text;                           // kHeading, kParagraph
  std::vector<std::string> items;             // kList; kTable: the header row
  std::vector<std::vector<std::string>> rows; // kTable
  std::string css;                            // a class for HTML ("finding applies", ...)
};

struct Document {
  std::vector<Block> blocks;
  void Heading(int level, std::string text, std::string css = "") {
    blocks.push_back({Block::kHeading, level, std::move(text), {}, {}, std::move(css)});
  }
  void Paragraph(std::string text, std::string css = "") {
    blocks.push_back({Block::kParagraph, 0, std::move(text), {}, {}, std::move(css)});
  }
  void List(std::vector<std::string> items) {
    if (!items.empty()) blocks.push_back({Block::kList, 0, "", std::move(items), {}, ""});
  }
  void Table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    if (!rows.empty()) blocks.push_back({Block::kTable, 0, "", std::move(header), std::move(rows), ""});
  }
  void PageBreak() { blocks.push_back({Block::kPageBreak, 0, "", {}, {}, ""}); }
};

// The sources a report cites, numbered in the order it first cites them: a finding, an
// element or a gap cites "[3]", and the annex lists each source once, in full. The same
// source under many elements (art. 417/6 under every consent element) is written once.
class SourceIndex {
 public:
  std::string Ref(const Source& source) {
    const std::string text = internal::SourceLine(source);
    for (size_t i = 0; i < texts_.size(); ++i) {
      if (texts_[i] == text) return Number(i);
    }
    texts_.push_back(text);
    return Number(texts_.size() - 1);
  }
  std::string Refs(const std::vector<Source>& sources) {
    std::string out;
    for (const auto& s : sources) out += (out.empty() ? "" : " ") + Ref(s);
    return out;
  }
  // "[1] Code pénal (Justel, ELI), art. 417/8 <https://...>", in number order.
  std::vector<std::string> Annex() const {
    std::vector<std::string> out;
    for (size_t i = 0; i < texts_.size(); ++i) out.push_back(Number(i) + " " + texts_[i]);
    return out;
  }

 private:
  static std::string Number(size_t i) { return "[" + std::to_string(i + 1) + "]"; }
  std::vector<std::string> texts_;
};

// Text from the case (its id and title) is marked in the document, so that each format shows
// it as text: Markdown escapes what would make it markup (raw HTML, a link, a heading), HTML
// escapes it without turning "<https://...>" into a link. The marks are control characters,
// which case text cannot hold (the case reader refuses them, E0002).
constexpr char kCaseTextStart = '\x0E';
constexpr char kCaseTextEnd = '\x0F';

std::string CaseText(const std::string& text) { return kCaseTextStart + text + kCaseTextEnd; }

// `text` with its marked parts passed through `literal` and the rest through `other`.
template <typename Literal, typename Other>
std::string Unmark(const std::string& text, Literal literal, Other other) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t start = text.find(kCaseTextStart, at);
    if (start == std::string::npos) break;
    const size_t end = text.find(kCaseTextEnd, start);
    out += other(text.substr(at, start - at)) +
           literal(text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return out + other(text.substr(std::min(at, text.size())));
}

std::string Join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string FactValueText(const FactDefinition& fact, const FactValue& value, const Case& c,
                          const ReportWording& r, Language language) {
  switch (fact.type) {
    case FactType::kBool: return *value.boolean() ? r.yes : r.no;
    case FactType::kInt: return std::to_string(*value.integer());
    case FactType::kDate: return value.date()->ToString();
    case FactType::kEnum: return fact.ValueLabel(*value.value_index(), language);
    case FactType::kSet: {
      if (fact.name == kActsFact && !c.acts().empty()) {
        std::vector<std::string> acts;
        for (const Act& act : c.acts()) {
          const std::string label = act.type_index >= 0 ? fact.ValueLabel(act.type_index, language) : act.type;
          acts.push_back(label + " (" + act.date.ToString() + (act.certain ? "" : ", ?") + ")");
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

std::string PenaltyText(const Penalty& p, Language language, const Wording& w) {
  std::string summary = internal::PenaltySummary(p, language);
  std::string out = summary.empty() ? std::string(w.penalty_unknown) : summary;
  if (p.certainty != Certainty::kSettled) {
    out += " [" + internal::CertaintyWord(p.certainty, language);
    if (!p.certainty_reason.empty()) out += ": " + p.certainty_reason.Get(language);
    out += "]";
  }
  if (!p.note.empty()) out += ". " + p.note.Get(language);
  return out;
}

std::string FindingTitle(const Finding& f, Language language, const Wording& w) {
  const Rule& rule = *f.rule;
  const bool has_article = !rule.article.empty() && rule.article != "-";
  (void)w;
  return internal::FindingHeading(f, language) + ": " +
         (has_article ? Citation(rule, *f.version, language) + ", " : std::string()) + rule.title.Get(language);
}

// Fact names as the reader knows them: their labels.
std::string FactLabels(const std::vector<std::string>& names, const Vocabulary& vocabulary, Language language) {
  std::vector<std::string> labels;
  for (const auto& name : names) {
    auto slot = vocabulary.SlotOf(name);
    labels.push_back(slot ? vocabulary.fact(*slot).label.Get(language) : name);
  }
  return Join(labels);
}

// --- The evidence log (evidence_render.h) ---------------------------------------------------

// What a report's finding needs of the case's evidence log.
struct EvidenceContext {
  const Law& law;
  const std::vector<EvidenceItem>& evidence;
};

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

// ---------------------------------------------------------------------------------------------

// What a finding rests on, as the report says it: a version by its title (the law's own
// name for it; the annex maps it to ibsa's id) and when it is in force.
std::string VersionText(const RulesetVersion& v, Language language) {
  return v.title.Get(language) + " (" + internal::InForceText(v, language) + ")";
}

void AddFinding(Document& d, const Finding& f, const Evaluation& evaluation, const Vocabulary& vocabulary,
                const EvidenceContext& ev, SourceIndex& sources, Language language, const Wording& w,
                const ReportWording& r) {
  const Rule& rule = *f.rule;
  const RulesetVersion& v = *f.version;
  const bool unsettled = rule.certainty == Certainty::kContested || rule.certainty == Certainty::kUnverified;
  d.Heading(3, FindingTitle(f, language, w),
            unsettled ? "contested" : f.status == FindingStatus::kApplies ? "applies" : "possible");
  AddChildAbuseMaterialNotice(d, f, ev, language);
  std::vector<std::string> facts;
  // Which dates chose this version: the act's or the case's (the lawyer cites both).
  std::vector<std::string> dates;
  for (const auto& anchor : f.anchors) {
    if (anchor.as_of) {
      dates.push_back(std::string(w.as_of) + " " + anchor.date.ToString());
    } else if (anchor.act.empty()) {
      dates.push_back(std::string(w.case_date) + " " + anchor.date.ToString());
    } else {
      std::string act = anchor.act;
      if (auto slot = vocabulary.SlotOf(kActsFact)) {
        const FactDefinition& acts = vocabulary.fact(*slot);
        if (auto index = acts.ValueIndex(anchor.act)) act = acts.ValueLabel(*index, language);
      }
      dates.push_back(std::string(w.for_act) + " " + act + " (" + anchor.date.ToString() + ")");
    }
  }
  facts.push_back(std::string(w.version) + ": " + VersionText(v, language) + "; " + Join(dates, "; "));
  facts.push_back(std::string(w.certainty) + ": " + internal::CertaintyWord(rule.certainty, language) +
                  (rule.certainty_reason.empty() ? "" : ". " + rule.certainty_reason.Get(language)));
  if (rule.penalty) facts.push_back(std::string(w.penalty) + ": " + PenaltyText(*rule.penalty, language, w));
  for (auto& note : internal::LevelNotes(f, evaluation, language, /*with_table_note=*/false)) {
    facts.push_back(std::move(note));
  }
  if (f.lex_mitior) {
    const LexMitior& lm = *f.lex_mitior;
    std::string text = internal::LexMitiorLead(language) + " " + lm.assessed_on.ToString() + "): ";
    if (lm.later_version != nullptr) {
      text += lm.later_version->title.Get(language);
      std::vector<std::string> successors;
      for (const Rule* successor : lm.successors) {
        const bool numbered = !successor->article.empty() && std::isdigit(static_cast<unsigned char>(successor->article[0]));
        successors.push_back((numbered ? "art. " : "") + successor->article);
      }
      if (!successors.empty()) text += " (" + Join(successors) + ")";
      text += "; ";
    }
    text += internal::FavourableWord(lm.favourable, language) + " (" + internal::BasisWord(lm.basis, language) + ")";
    facts.push_back(text);
  }
  if (f.limitation) {
    for (auto& line : internal::LimitationLines(*f.limitation, language)) facts.push_back(std::move(line));
  }
  if (!rule.note.empty()) facts.push_back(std::string(w.note) + ": " + rule.note.Get(language));
  facts.push_back(std::string(w.sources) + ": " + sources.Refs(rule.sources));
  d.List(facts);
  std::vector<std::vector<std::string>> elements;
  for (const auto& e : f.elements) {
    elements.push_back({e.element->label.Get(language), internal::TruthWord(e.truth, w),
                        FactLabels(e.missing, vocabulary, language), sources.Refs(e.element->sources)});
  }
  d.Table({r.element, r.status, r.still_to_decide, w.sources}, elements);
  AddElementEvidence(d, f, ev, language);
  std::vector<std::vector<std::string>> aggravations;
  for (const auto& a : f.aggravations) {
    const Aggravation& agg = *a.aggravation;
    aggravations.push_back({agg.label.Get(language) + (agg.article.empty() ? "" : " (art. " + agg.article + ")"),
                            internal::TruthWord(a.truth, w), FactLabels(a.missing, vocabulary, language),
                            agg.penalty ? PenaltyText(*agg.penalty, language, w) : ""});
  }
  d.Table({w.aggravations, r.status, r.still_to_decide, w.penalty}, aggravations);
}

// A finding as the first page names it: its citation (or, without an article, its title).
std::string ShortName(const Finding& f, Language language) {
  const Rule& rule = *f.rule;
  const bool has_article = !rule.article.empty() && rule.article != "-";
  return has_article ? Citation(rule, *f.version, language) + ", " + rule.title.Get(language) : rule.title.Get(language);
}

// Kinds whose findings say what applies (referrals are the action plan's; gaps and
// definitions say what the law lacks or means, not what applies).
bool SaysWhatApplies(RuleKind kind) {
  switch (kind) {
    case RuleKind::kOffence:
    case RuleKind::kObligation:
    case RuleKind::kRemedy:
    case RuleKind::kStateDuty:
      return true;
    case RuleKind::kReferral:
    case RuleKind::kGap:
    case RuleKind::kDefinition:
      return false;
  }
  return false;
}

// The facts still unknown, one list with one meaning: every fact a finding misses, each once,
// in the order the questions ask them (neutral before intrusive), with the question the
// intake asks and the provisions its answer would decide. A fact no question asks yet (its
// answer alone changes no finding until another fact is known, as whether a deepfake was
// labelled matters only once the deployer is known to be professional) is listed too, after
// them, so that the count is that of the facts the findings miss.
std::vector<std::string> StillUnknown(const Evaluation& e, const std::vector<Question>& questions,
                                      const Vocabulary& vocabulary, Language language, const ReportWording& r) {
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
          add(ref.rule->article.empty() || ref.rule->article == "-" ? ref.rule->title.Get(language)
                                                                     : Citation(*ref.rule, *ref.version, language));
        }
      }
      if (!members.empty()) text += " [" + Join(members) + "]";
    } else {
      text += " (" + std::string(r.no_question) + ")";
      for (const auto& f : e.findings) {
        if (std::find(f.missing.begin(), f.missing.end(), name) != f.missing.end()) add(ShortName(f, language));
      }
    }
    items.push_back(text + (decides.empty() ? "" : " — " + std::string(r.decides) + ": " + Join(decides, "; ")));
  }
  return items;
}

// The first page: the case in a sentence, what applies (firm, then on a contested reading),
// what to do now and by when, and what is still unknown. An intake officer needs no more.
void AddFirstPage(Document& d, const Evaluation& e, const Law& law, const Case& c,
                  const std::vector<Question>& questions, const std::vector<Action>& actions, Language language,
                  const Wording& w, const ReportWording& r) {
  d.Heading(1, std::string(r.title) + ": " + CaseText(e.case_id));
  std::string sentence = e.case_title.empty() ? std::string() : CaseText(e.case_title) + ". ";
  sentence += law.vocabulary().JurisdictionName(e.jurisdiction, language) + ", " + w.date_of_facts + " " +
              e.date.ToString();
  if (e.options.as_of) sentence += "; " + std::string(w.as_of) + " " + e.options.as_of->ToString();
  if (!e.options.with.empty()) sentence += "; " + std::string(w.with_proposals) + " " + Join(e.options.with);
  if (e.options.assessed_on) sentence += "; " + std::string(r.page_date) + " " + e.options.assessed_on->ToString();
  d.Paragraph(sentence + ".", "case");
  (void)c;

  d.Heading(2, r.in_brief, "brief");
  std::vector<std::string> firm, contested;
  for (const auto& f : e.findings) {
    if (f.status != FindingStatus::kApplies || !SaysWhatApplies(f.rule->kind)) continue;
    const Certainty certainty = f.rule->certainty;
    const bool unsettled = certainty == Certainty::kContested || certainty == Certainty::kUnverified;
    std::string item = ShortName(f, language);
    if (f.rule->penalty) {
      const std::string penalty = internal::PenaltySummary(*f.rule->penalty, language);
      if (!penalty.empty()) item += " (" + penalty + ")";
    }
    if (unsettled) item += " [" + internal::CertaintyWord(certainty, language) + "]";
    (unsettled ? contested : firm).push_back(std::move(item));
  }
  d.Heading(3, r.applies_firm, "applies");
  if (firm.empty()) d.Paragraph(r.nothing_applies);
  d.List(std::move(firm));
  if (!contested.empty()) {
    d.Heading(3, r.applies_contested, "contested");
    d.List(std::move(contested));
  }

  const internal::ActionPlanWording& p = internal::ActionPlanWordingFor(language);
  d.Heading(3, p.heading, "plan");
  std::vector<std::vector<std::string>> rows;
  int number = 0;
  for (const auto& a : internal::ActionTexts(actions, law, language)) {
    rows.push_back({std::to_string(++number), a.action_class + ": " + a.title, a.who, a.deadline});
  }
  if (rows.empty()) d.Paragraph(p.none);
  d.Table({p.number, p.action, p.who, p.deadline}, rows);

  std::vector<std::string> unknown = StillUnknown(e, questions, law.vocabulary(), language, r);
  d.Heading(3, std::string(r.still_unknown) + " (" + std::to_string(unknown.size()) + ")", "unknown");
  if (unknown.empty()) d.Paragraph(r.none);
  d.List(std::move(unknown));
  d.PageBreak();
}

Document Build(const Evaluation& e, const Law& law, const Case& c,
               const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
               const std::vector<Action>& actions, Language language) {
  const Wording& w = internal::WordingFor(language);
  const ReportWording& r = ReportWordingFor(language);
  const EvidenceContext evidence{law, c.evidence()};
  const Vocabulary& vocabulary = law.vocabulary();
  SourceIndex sources;
  Document d;
  AddFirstPage(d, e, law, c, questions, actions, language, w, r);

  d.Paragraph(r.not_advice, "notice");
  d.Heading(2, r.facts_given);
  std::vector<std::vector<std::string>> given;
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    if (!value.known() || !value.given()) continue;
    const FactDefinition& fact = vocabulary.fact(slot);
    given.push_back({fact.label.Get(language), FactValueText(fact, value, c, r, language)});
  }
  d.Table({r.fact, r.value}, given);

  if (e.findings.empty()) {
    d.Heading(2, r.findings);
    d.Paragraph(w.no_findings);
  }
  for (RuleKind kind : {RuleKind::kOffence, RuleKind::kObligation, RuleKind::kRemedy, RuleKind::kDefinition,
                        RuleKind::kStateDuty, RuleKind::kReferral}) {
    bool heading = false;
    for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
      for (const auto& f : e.findings) {
        if (f.rule->kind != kind || f.status != status) continue;
        if (!heading) d.Heading(2, internal::KindHeading(kind, language));
        heading = true;
        AddFinding(d, f, e, vocabulary, evidence, sources, language, w, r);
      }
    }
  }

  AddEvidenceIndex(d, c.evidence(), language);

  d.Heading(2, r.legal_gaps);
  bool any_gap = false;
  std::vector<std::string> uncovered;
  for (const auto& gap : internal::CaseGaps(harms, e, language)) {
    std::string item = gap.harm->harm->label.Get(language) + ": " + gap.reason + ".";
    std::vector<std::string> readings;
    for (const Finding* f : gap.readings) {
      readings.push_back(Citation(*f->rule, *f->version, language) + " (" +
                         internal::CertaintyWord(f->rule->certainty, language) + ")");
    }
    const internal::CaseGapWording& g = internal::CaseGapWordingFor(language);
    if (!readings.empty()) item += " " + std::string(g.only_on) + ": " + Join(readings, "; ") + ".";
    if (!gap.harm->harm->sources.empty()) {
      item += " " + std::string(g.sources) + ": " + sources.Refs(gap.harm->harm->sources) + ".";
    }
    uncovered.push_back(std::move(item));
  }
  d.List(uncovered);
  any_gap = !uncovered.empty();
  for (const auto& f : e.findings) {
    if (f.rule->kind != RuleKind::kGap) continue;
    AddFinding(d, f, e, vocabulary, evidence, sources, language, w, r);
    any_gap = true;
  }
  std::vector<std::string> version_gaps;
  for (const auto& gap : e.version_gaps) {
    std::string covered;
    for (const auto* v : gap.known_versions) {
      if (v->status == VersionStatus::kProposed) continue;
      covered += (covered.empty() ? "" : ", ") + internal::InForceText(*v, language);
    }
    version_gaps.push_back(gap.jurisdiction + " " + gap.instrument + ": " + r.not_encoded + " " +
                           gap.anchor.date.ToString() + (covered.empty() ? "" : " (" + covered + ")"));
  }
  if (!any_gap && version_gaps.empty()) d.Paragraph(r.no_gaps);
  d.List(version_gaps);
  d.Paragraph(r.harms_hint);

  // The annex: the law applied and every source, for the lawyer who checks the findings.
  d.Heading(2, std::string(r.annex) + ": " + r.law_applied, "annex");
  std::vector<std::string> versions;
  if (const std::string law_line = internal::LawLine(law, language); !law_line.empty()) versions.push_back(law_line);
  std::set<const RulesetVersion*> seen;
  // The versions applied, then those in force on the assessment date that lex mitior
  // compares them with.
  std::vector<const RulesetVersion*> listed;
  for (const auto& f : e.findings) listed.push_back(f.version);
  for (const auto& f : e.findings) {
    if (f.lex_mitior && f.lex_mitior->later_version != nullptr) listed.push_back(f.lex_mitior->later_version);
  }
  for (const RulesetVersion* version : listed) {
    if (!seen.insert(version).second) continue;
    // Once per version: what its penalty levels mean.
    const std::string levels = version->penalty_levels && !version->penalty_levels->note.empty()
                                   ? " " + version->penalty_levels->note.Get(language)
                                   : "";
    versions.push_back(version->id + ": " + VersionText(*version, language) +
                       (version->note.empty() ? "" : ". " + version->note.Get(language)) + levels);
  }
  d.List(versions);
  d.Heading(2, std::string(r.annex) + ": " + r.sources_annex, "annex");
  d.List(sources.Annex());
  d.Paragraph(w.disclaimer, "notice");
  return d;
}

// Case text in Markdown: every character that could start markup is escaped (CommonMark
// lets any ASCII punctuation be), so no HTML, link, image, emphasis or heading can form;
// "://" loses its colon's meaning so that no URL is linked.
std::string MarkdownLiteral(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool markup = std::string_view("\\`*_{}[]()<>#!|~&").find(c) != std::string_view::npos;
    const bool at_start = i == 0 && std::string_view("-+=.").find(c) != std::string_view::npos;
    const bool scheme = c == ':' && text.compare(i + 1, 2, "//") == 0;
    if (markup || at_start || scheme) out += '\\';
    out += c;
  }
  return out;
}

std::string Markdown(const std::string& text) {
  return Unmark(text, MarkdownLiteral, [](const std::string& s) { return s; });
}

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string ToMarkdown(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    switch (b.kind) {
      case Block::kHeading: out += "\n" + std::string(static_cast<size_t>(b.level), '#') + " " + Markdown(b.text) + "\n"; break;
      case Block::kParagraph: out += "\n" + (b.css == "notice" ? "> " + Markdown(b.text) : Markdown(b.text)) + "\n"; break;
      case Block::kList:
        out += "\n";
        for (const auto& item : b.items) out += "- " + Markdown(item) + "\n";
        break;
      case Block::kPageBreak: out += "\n---\n"; break;
      case Block::kTable: {
        out += "\n|";
        for (const auto& h : b.items) out += " " + MarkdownCell(Markdown(h)) + " |";
        out += "\n|";
        for (size_t i = 0; i < b.items.size(); ++i) out += "---|";
        out += "\n";
        for (const auto& row : b.rows) {
          out += "|";
          for (const auto& cell : row) out += " " + MarkdownCell(Markdown(cell)) + " |";
          out += "\n";
        }
        break;
      }
    }
  }
  return out.substr(1);
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Escapes, then turns "<https://...>" (as SourceText writes links) into links; case text
// is escaped only.
std::string HtmlLinks(const std::string& text);

std::string HtmlText(const std::string& text) { return Unmark(text, Escape, HtmlLinks); }

std::string HtmlLinks(const std::string& text) {
  std::string out;
  size_t at = 0;
  while (true) {
    const size_t open = text.find("<http", at);
    const size_t close = open == std::string::npos ? open : text.find('>', open);
    if (close == std::string::npos) break;
    const std::string url = text.substr(open + 1, close - open - 1);
    out += Escape(text.substr(at, open - at)) + "<a href=\"" + Escape(url) + "\">" + Escape(url) + "</a>";
    at = close + 1;
  }
  return out + Escape(text.substr(at));
}

constexpr const char* kStyle = R"(
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #aaa; }
h3 { font-size: 1.05em; margin: 1.2em 0 .3em; padding: .2em .4em; border-left: 4px solid #999; background: #f4f4f4; }
h3.applies { border-left-color: #1f6f3f; } h3.possible { border-left-color: #b07d10; }
p.case { font-size: 1.1em; }
p.notice { border: 1px solid #999; padding: .5em .8em; background: #fafafa; font-style: italic; }
p.provenance { font-size: .8em; color: #444; overflow-wrap: anywhere; }
hr.page-end { border: 0; border-top: 2px dashed #bbb; margin: 2em 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #eee; } a { color: #134; word-break: break-all; }
@media print {
  body { font-size: 9.5pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 1.45em; margin: 0 0 .4em; } h2 { margin-top: 1em; } h3 { margin: .8em 0 .2em; }
  ul { margin: .2em 0; padding-left: 1.3em; } p { margin: .3em 0; } table { font-size: .9em; }
  h2, h3 { break-after: avoid; } tr { break-inside: avoid; } a { color: #000; }
  hr.page-end { break-after: page; border: 0; margin: 0; }
}
)";

// A4, and on every printed page the ibsa version, the date of the assessment and the page
// number (CSS paged media: Chromium prints @page margin boxes).
std::string PageStyle(const std::string& footer) {
  std::string quoted;
  for (char c : footer) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return "@page { size: A4; margin: 15mm 15mm 17mm;\n"
         "  @bottom-left { content: \"" + quoted + "\"; font: 8pt sans-serif; color: #444; }\n"
         "  @bottom-right { content: counter(page) \" / \" counter(pages); font: 8pt sans-serif; color: #444; } }\n";
}

std::string ToHtml(const Document& d, Language language, const std::string& footer) {
  const std::string title =
      d.blocks.empty() ? "ibsa" : Unmark(d.blocks.front().text, [](const std::string& s) { return s; },
                                         [](const std::string& s) { return s; });
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(LanguageCode(language)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    Escape(title) + "</title>\n<style>" + kStyle + PageStyle(footer) + "</style>\n</head>\n<body>\n";
  for (const auto& b : d.blocks) {
    const std::string css = b.css.empty() ? "" : " class=\"" + b.css + "\"";
    switch (b.kind) {
      case Block::kHeading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + css + ">" + HtmlText(b.text) + "</" + tag + ">\n";
        break;
      }
      case Block::kParagraph: out += "<p" + css + ">" + HtmlText(b.text) + "</p>\n"; break;
      case Block::kList:
        out += "<ul>\n";
        for (const auto& item : b.items) out += "<li>" + HtmlText(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case Block::kPageBreak: out += "<hr class=\"page-end\">\n"; break;
      case Block::kTable:
        out += "<table>\n<thead><tr>";
        for (const auto& h : b.items) out += "<th scope=\"col\">" + Escape(h) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : b.rows) {
          out += "<tr>";
          for (const auto& cell : row) out += "<td>" + HtmlText(cell) + "</td>";
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace

std::string RenderReport(const Evaluation& evaluation, const Law& law, const Case& c,
                         const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
                         Format format, Language language, const std::vector<Action>& actions,
                         const Provenance* provenance) {
  Document d = Build(evaluation, law, c, questions, harms, actions, language);
  if (provenance != nullptr) {
    // Small print, on one line: what a reader quotes to have the report reproduced.
    std::string line;
    for (const auto& item : internal::ProvenanceItems(*provenance, language)) {
      line += (line.empty() ? "" : " · ") + item.label + " " + item.value;
    }
    d.Paragraph(line, "provenance");
  }
  // The date a printed page carries: the assessment's (that of the lex mitior comparison and
  // the deadlines), or today's when none was given.
  const Date date = evaluation.options.assessed_on ? *evaluation.options.assessed_on : Date::Today();
  const std::string footer = "ibsa " + std::string(Version()) + " · " +
                             ReportWordingFor(language).page_date + " " + date.ToString();
  return format == Format::kHtml ? ToHtml(d, language, footer) : ToMarkdown(d);
}

}  // namespace ibsa
