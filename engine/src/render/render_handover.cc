// The handover pack: what the police officer or the lawyer who takes a case over needs on
// paper, in the order they act on it: the action plan, the facts as given, per finding the
// elements met and still open (with the evidence under them and, for an offence, its
// limitation), the evidence index and the questions still open. The full reasoning (the
// penalties, lex mitior, the legal gaps, the sources) stays in the report; the pack is
// written with the report's parts (report_parts.h), so the two say the same in the same words.
#include <string>
#include <vector>

#include "ibsa/render.h"
#include "render/render_common.h"
#include "render/render_limitation.h"
#include "render/report_parts.h"

namespace ibsa {
namespace {

using internal::Document;

struct HandoverWording {
  const char* title;
  const char* purpose;        // who it is for, and what it leaves to the report
  const char* elements;       // the findings' elements, met and open
  const char* no_findings;
  const char* questions;      // the facts still unknown, as questions
};

const HandoverWording& HandoverWordingFor(Language language) {
  static const HandoverWording kEn = {
      "Handover pack",
      "For the police officer or the lawyer who takes over this case: what to do now, the facts as given, "
      "the elements of each finding met and still open, the evidence and the questions still to ask. It is "
      "decision support, not legal advice; the full report (ibsa evaluate --format html) gives the penalties, "
      "the legal gaps and every source.",
      "Elements met and still open", "No provision applies or may apply on the facts given.",
      "Questions still open"};
  static const HandoverWording kNl = {
      "Overdrachtsdossier",
      "Voor de politieagent of de advocaat die deze zaak overneemt: wat nu te doen, de feiten zoals gegeven, "
      "de vervulde en nog open bestanddelen van elke bevinding, het bewijs en de vragen die nog te stellen zijn. "
      "Het is beslissingsondersteuning, geen juridisch advies; het volledige verslag (ibsa evaluate --format html) "
      "geeft de straffen, de leemtes in het recht en alle bronnen.",
      "Vervulde en nog open bestanddelen", "Geen bepaling is of kan van toepassing zijn op grond van de gegeven feiten.",
      "Nog open vragen"};
  static const HandoverWording kFr = {
      "Dossier de transmission",
      "Pour le policier ou l'avocat qui reprend ce dossier : que faire maintenant, les faits tels que donnés, "
      "les éléments de chaque constat réunis et encore ouverts, les preuves et les questions encore à poser. "
      "C'est une aide à la décision, non un avis juridique ; le rapport complet (ibsa evaluate --format html) "
      "donne les peines, les lacunes du droit et toutes les sources.",
      "Éléments réunis et encore ouverts", "Aucune disposition ne s'applique ni ne peut s'appliquer au vu des faits donnés.",
      "Questions encore ouvertes"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

// The kinds whose elements someone must prove or argue: referrals are the action plan's,
// definitions and duties of the state no one takes to court, gaps are the report's.
bool IsToProve(RuleKind kind) {
  switch (kind) {
    case RuleKind::kOffence:
    case RuleKind::kObligation:
    case RuleKind::kRemedy:
      return true;
    case RuleKind::kDefinition:
    case RuleKind::kStateDuty:
    case RuleKind::kReferral:
    case RuleKind::kGap:
      return false;
  }
  return false;
}

// One finding: its heading, its version and certainty, its limitation, and its elements with
// the evidence under them.
void AddFindingElements(Document& d, const Finding& f, const internal::EvidenceContext& ev, const Vocabulary& vocabulary,
                        Language language) {
  const internal::Wording& w = internal::WordingFor(language);
  const internal::ReportWording& r = internal::ReportWordingFor(language);
  const bool unsettled = f.certainty == Certainty::kContested || f.certainty == Certainty::kUnverified;
  d.Heading(3, internal::FindingTitle(f, language),
            unsettled ? "contested" : f.status == FindingStatus::kApplies ? "applies" : "possible");
  internal::AddChildAbuseMaterialNotice(d, f, ev, language);
  std::vector<std::string> facts{std::string(w.version) + ": " +
                                     (f.versions.empty() ? f.version->title.Get(language) + " (" +
                                                               internal::InForceText(*f.version, language) + ")"
                                                         : internal::VersionsText(f, language, /*titles=*/true)),
                                 std::string(w.certainty) + ": " + internal::CertaintyWord(f.certainty, language)};
  if (f.limitation) {
    for (auto& line : internal::LimitationLines(*f.limitation, language)) facts.push_back(std::move(line));
  }
  d.List(std::move(facts));
  std::vector<std::vector<std::string>> elements;
  for (const auto& e : f.elements) {
    elements.push_back({e.element->label.Get(language), internal::TruthWord(e.truth, w),
                        internal::FactLabels(e.missing, vocabulary, language)});
  }
  d.Table({r.element, r.status, r.still_to_decide}, elements);
  internal::AddElementEvidence(d, f, ev, language);
}

}  // namespace

std::string RenderHandover(const Evaluation& evaluation, const Law& law, const Case& c,
                           const std::vector<Question>& questions, const std::vector<Action>& actions, Format format,
                           Language language, const Provenance* provenance) {
  const HandoverWording& h = HandoverWordingFor(language);
  const internal::ReportWording& r = internal::ReportWordingFor(language);
  const Vocabulary& vocabulary = law.vocabulary();
  const internal::EvidenceContext evidence{law, c.evidence()};
  Document d;
  d.Heading(1, std::string(h.title) + ": " + internal::CaseText(evaluation.case_id));
  d.Paragraph(internal::CaseSentence(evaluation, law, language), "case");
  d.Paragraph(h.purpose, "notice");
  internal::AddActionPlan(d, actions, law, language, 2, /*with_why=*/true);
  internal::AddFactsGiven(d, c, vocabulary, language);

  d.Heading(2, h.elements);
  bool any = false;
  for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
    for (const auto& f : evaluation.findings) {
      if (f.status != status || !IsToProve(f.rule->kind)) continue;
      AddFindingElements(d, f, evidence, vocabulary, language);
      any = true;
    }
  }
  if (!any) d.Paragraph(h.no_findings);

  internal::AddEvidenceIndex(d, c.evidence(), language);

  std::vector<std::string> open = internal::StillUnknown(evaluation, questions, actions, vocabulary, language, r);
  d.Heading(2, std::string(h.questions) + " (" + std::to_string(open.size()) + ")", "unknown");
  if (open.empty()) d.Paragraph(r.none);
  d.List(std::move(open));

  d.Paragraph(internal::WordingFor(language).disclaimer, "notice");
  internal::AddProvenance(d, provenance, language);
  const std::string footer = internal::PageFooter(evaluation, language);
  return format == Format::kHtml ? internal::DocumentHtml(d, language, footer) : internal::DocumentMarkdown(d);
}

}  // namespace ibsa
