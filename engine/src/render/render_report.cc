// The report for a lawyer or a prosecutor, in Markdown or as one self-contained HTML
// page. Both are written from one document model, so they always say the same.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "ibsa/evidence.h"
#include "ibsa/render.h"
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
  const char* assessed_on;
  const char* facts_given;
  const char* facts_unknown;
  const char* none;
  const char* fact;
  const char* value;
  const char* law_applied;
  const char* findings;
  const char* element;
  const char* status;
  const char* still_to_decide;
  const char* open_questions;
  const char* legal_gaps;
  const char* no_gaps;
  const char* next_steps;
  const char* yes;
  const char* no;
  const char* lex_mitior;
  const char* not_encoded;
  const char* harms_hint;
};

const ReportWording& ReportWordingFor(Language language) {
  static const ReportWording kEn = {
      "Legal assessment (decision support)",
      "This report is decision support, not legal advice. It lists what the encoded law says "
      "about the facts given; every finding must be checked against its sources, and findings "
      "marked contested or unverified rest on readings that a court may not share.",
      "Assessed on", "Facts as given", "Facts still unknown that would decide a finding", "none",
      "Fact", "Value", "Law applied", "Findings", "Element", "Status", "Still to decide",
      "Questions still open", "Legal gaps", "No legal gap found for these facts.",
      "Next steps and referrals", "yes", "no", "Lex mitior",
      "ibsa encodes no version of this instrument for the date; check the law in force then by hand:",
      "Harms (rulesets/harms.yaml) that these facts meet and that no settled offence covers, gap "
      "provisions, and dates the encoded law does not cover. `ibsa gaps` sweeps every situation (docs/gaps.md)."};
  static const ReportWording kNl = {
      "Juridische beoordeling (beslissingsondersteuning)",
      "Dit verslag is beslissingsondersteuning, geen juridisch advies. Het geeft weer wat het "
      "gecodeerde recht zegt over de gegeven feiten; elke bevinding moet aan haar bronnen worden "
      "getoetst, en bevindingen die betwist of niet geverifieerd zijn, steunen op een lezing die "
      "een rechter niet hoeft te delen.",
      "Beoordeeld op", "Feiten zoals gegeven", "Nog onbekende feiten die een bevinding zouden beslissen",
      "geen", "Feit", "Waarde", "Toegepast recht", "Bevindingen", "Bestanddeel", "Status",
      "Nog te beslissen", "Open vragen", "Leemtes in het recht",
      "Geen leemte gevonden voor deze feiten.", "Volgende stappen en doorverwijzing", "ja", "nee",
      "Lex mitior",
      "ibsa bevat geen versie van dit instrument voor de datum; controleer het toen geldende recht zelf:",
      "Schade (rulesets/harms.yaml) die deze feiten vervullen en die geen vaststaand misdrijf dekt, "
      "leemtebepalingen, en data die het gecodeerde recht niet dekt. `ibsa gaps` doorloopt alle situaties (docs/gaps.md)."};
  static const ReportWording kFr = {
      "Analyse juridique (aide à la décision)",
      "Ce rapport est une aide à la décision, non un avis juridique. Il indique ce que le droit "
      "encodé dit des faits donnés ; chaque constat doit être vérifié à ses sources, et les "
      "constats contestés ou non vérifiés reposent sur une lecture qu'un juge peut ne pas partager.",
      "Évalué le", "Faits tels que donnés", "Faits encore inconnus qui trancheraient un constat",
      "aucun", "Fait", "Valeur", "Droit appliqué", "Constats", "Élément", "Statut",
      "Reste à trancher", "Questions encore ouvertes", "Lacunes du droit",
      "Aucune lacune trouvée pour ces faits.", "Prochaines étapes et orientation", "oui", "non",
      "Lex mitior",
      "ibsa n'encode aucune version de cet instrument pour la date ; vérifiez vous-même le droit alors en vigueur :",
      "Atteintes (rulesets/harms.yaml) que ces faits réalisent et qu'aucune infraction établie ne couvre, "
      "dispositions de lacune, et dates que le droit encodé ne couvre pas. `ibsa gaps` parcourt toutes les situations (docs/gaps.md)."};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

// A document: headings, paragraphs, bullet lists and tables of plain text, with links.
struct Block {
  enum Kind { kHeading, kParagraph, kList, kTable } kind;
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

std::string SourceText(const Source& s) { return internal::SourceLine(s); }

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

void AddFinding(Document& d, const Finding& f, const Evaluation& evaluation, const Vocabulary& vocabulary,
                const EvidenceContext& ev, Language language, const Wording& w, const ReportWording& r) {
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
  facts.push_back(std::string(w.version) + ": " + v.id + " (" + internal::InForceText(v, language) + "); " +
                  Join(dates, "; "));
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
      text += lm.later_version->id;
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
  d.List(facts);
  std::vector<std::vector<std::string>> elements;
  for (const auto& e : f.elements) {
    std::vector<std::string> sources;
    for (const auto& s : e.element->sources) sources.push_back(SourceText(s));
    elements.push_back({e.element->label.Get(language), internal::TruthWord(e.truth, w),
                        FactLabels(e.missing, vocabulary, language),
                        Join(sources, "; ")});
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
  std::vector<std::string> sources;
  for (const auto& s : rule.sources) sources.push_back(SourceText(s));
  d.Paragraph(std::string(w.sources) + ":");
  d.List(sources);
}

Document Build(const Evaluation& e, const Law& law, const Case& c,
               const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
               const std::vector<Action>& actions, Language language) {
  const Wording& w = internal::WordingFor(language);
  const ReportWording& r = ReportWordingFor(language);
  const EvidenceContext evidence{law, c.evidence()};
  Document d;
  d.Heading(1, std::string(r.title) + ": " + CaseText(e.case_id));
  d.Paragraph(r.not_advice, "notice");
  std::vector<std::string> about;
  if (!e.case_title.empty()) about.push_back(CaseText(e.case_title));
  about.push_back(law.vocabulary().JurisdictionName(e.jurisdiction, language) + ", " + w.date_of_facts + " " +
                  e.date.ToString());
  if (e.options.as_of) about.push_back(std::string(w.as_of) + " " + e.options.as_of->ToString());
  if (!e.options.with.empty()) about.push_back(std::string(w.with_proposals) + " " + Join(e.options.with));
  if (e.options.assessed_on) about.push_back(std::string(r.assessed_on) + " " + e.options.assessed_on->ToString());
  d.List(about);

  if (!actions.empty()) {
    const internal::ActionPlanWording& p = internal::ActionPlanWordingFor(language);
    d.Heading(2, p.heading, "plan");
    std::vector<std::vector<std::string>> rows;
    int number = 0;
    for (const auto& a : internal::ActionTexts(actions, law, language)) {
      rows.push_back({std::to_string(++number), a.action_class + ": " + a.title, a.who, a.why, a.deadline});
    }
    d.Table({p.number, p.action, p.who, p.why, p.deadline}, rows);
  }

  d.Heading(2, r.facts_given);
  std::vector<std::vector<std::string>> given;
  const Vocabulary& vocabulary = law.vocabulary();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    if (!value.known() || !value.given()) continue;
    const FactDefinition& fact = vocabulary.fact(slot);
    given.push_back({fact.label.Get(language), FactValueText(fact, value, c, r, language)});
  }
  d.Table({r.fact, r.value}, given);
  d.Heading(2, r.facts_unknown);
  std::set<std::string> missing;
  for (const auto& f : e.findings) missing.insert(f.missing.begin(), f.missing.end());
  std::vector<std::string> unknown;
  for (const auto& name : missing) {
    if (auto slot = vocabulary.SlotOf(name)) unknown.push_back(vocabulary.fact(*slot).label.Get(language));
  }
  if (unknown.empty()) d.Paragraph(r.none);
  d.List(unknown);

  d.Heading(2, r.law_applied);
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
    versions.push_back(version->id + ": " + version->title.Get(language) + " (" +
                       internal::InForceText(*version, language) + ")" +
                       (version->note.empty() ? "" : ". " + version->note.Get(language)) + levels);
  }
  d.List(versions);

  if (e.findings.empty()) {
    d.Heading(2, r.findings);
    d.Paragraph(w.no_findings);
  }
  for (RuleKind kind : {RuleKind::kOffence, RuleKind::kObligation, RuleKind::kRemedy, RuleKind::kDefinition,
                        RuleKind::kStateDuty}) {
    bool heading = false;
    for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
      for (const auto& f : e.findings) {
        if (f.rule->kind != kind || f.status != status) continue;
        if (!heading) d.Heading(2, internal::KindHeading(kind, language));
        heading = true;
        AddFinding(d, f, e, law.vocabulary(), evidence, language, w, r);
      }
    }
  }

  AddEvidenceIndex(d, c.evidence(), language);

  d.Heading(2, r.open_questions);
  std::vector<std::string> asked;
  for (const auto& q : questions) {
    const std::string& text = q.fact->question.Get(language).empty() ? q.fact->label.Get(language)
                                                                     : q.fact->question.Get(language);
    std::vector<std::string> decides;
    for (const auto& ref : q.decides) decides.push_back(ref.rule->article.empty() || ref.rule->article == "-"
                                                            ? ref.rule->title.Get(language)
                                                            : Citation(*ref.rule, *ref.version, language));
    decides.erase(std::unique(decides.begin(), decides.end()), decides.end());
    std::vector<std::string> distinct;
    for (const auto& d2 : decides) {
      if (std::find(distinct.begin(), distinct.end(), d2) == distinct.end()) distinct.push_back(d2);
    }
    asked.push_back(text + (q.member.empty() ? "" : " [" + q.member + "]") + " (" + Join(distinct, "; ") + ")");
  }
  if (asked.empty()) d.Paragraph(r.none);
  d.List(asked);

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
    std::vector<std::string> sources;
    for (const auto& s : gap.harm->harm->sources) sources.push_back(SourceText(s));
    if (!sources.empty()) item += " " + std::string(g.sources) + ": " + Join(sources, "; ") + ".";
    uncovered.push_back(std::move(item));
  }
  d.List(uncovered);
  any_gap = !uncovered.empty();
  for (const auto& f : e.findings) {
    if (f.rule->kind != RuleKind::kGap) continue;
    AddFinding(d, f, e, law.vocabulary(), evidence, language, w, r);
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

  d.Heading(2, r.next_steps);
  bool any_step = false;
  for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
    for (const auto& f : e.findings) {
      if (f.rule->kind != RuleKind::kReferral || f.status != status) continue;
      AddFinding(d, f, e, law.vocabulary(), evidence, language, w, r);
      any_step = true;
    }
  }
  if (!any_step) d.Paragraph(r.none);
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
p.notice { border: 1px solid #999; padding: .5em .8em; background: #fafafa; font-style: italic; }
p.provenance { font-size: .8em; color: #444; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #eee; } a { color: #134; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } a { color: #000; } }
)";

std::string ToHtml(const Document& d, Language language) {
  const std::string title =
      d.blocks.empty() ? "ibsa" : Unmark(d.blocks.front().text, [](const std::string& s) { return s; },
                                         [](const std::string& s) { return s; });
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(LanguageCode(language)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    Escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
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
  return format == Format::kHtml ? ToHtml(d, language) : ToMarkdown(d);
}

}  // namespace ibsa
