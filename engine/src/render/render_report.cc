// The report for a lawyer or a prosecutor, in Markdown or as one self-contained HTML
// page. Both are written from one document model (report_document.h), so they always say
// the same; the parts it shares with the handover pack are in report_parts.h.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "ibsa/render.h"
#include "render/case_gaps.h"
#include "render/render_common.h"
#include "render/render_limitation.h"
#include "render/report_parts.h"

namespace ibsa {
namespace {

using internal::Document;
using internal::EvidenceContext;
using internal::Join;
using internal::ReportWording;
using internal::ReportWordingFor;
using internal::SourceIndex;
using internal::Wording;

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

// ---------------------------------------------------------------------------------------------

// What a finding rests on, as the report says it: a version by its title (the law's own
// name for it; the annex maps it to ibsa's id) and when it is in force.
std::string VersionText(const RulesetVersion& v, Language language) {
  return v.title.Get(language) + " (" + internal::InForceText(v, language) + ")";
}

// Findings of these kinds are written as lists, their elements on one line: they have no
// penalty or aggravations to set beside each element, and a table per referral, definition or
// duty of the Member State took a third of a typical report.
bool WrittenCompactly(RuleKind kind) {
  return kind == RuleKind::kReferral || kind == RuleKind::kDefinition || kind == RuleKind::kStateDuty;
}

// The notes that hold for every offence of a section (what a minor perpetrator's penalty
// becomes), said once above them rather than under each.
std::vector<std::string> SectionNotes(const Evaluation& evaluation, RuleKind kind, Language language) {
  std::vector<std::string> notes;
  for (const auto& f : evaluation.findings) {
    if (f.rule->kind != kind) continue;
    for (auto& note : internal::LevelNotes(f, evaluation, language, /*with_table_note=*/false)) {
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
    }
  }
  return notes;
}

void AddFinding(Document& d, const Finding& f, const Evaluation& evaluation, const Vocabulary& vocabulary,
                const EvidenceContext& ev, SourceIndex& sources, Language language, const Wording& w,
                const ReportWording& r, const std::vector<std::string>& said_above = {}) {
  const Rule& rule = *f.rule;
  const RulesetVersion& v = *f.version;
  const bool unsettled = rule.certainty == Certainty::kContested || rule.certainty == Certainty::kUnverified;
  d.Heading(3, internal::FindingTitle(f, language),
            unsettled ? "contested" : f.status == FindingStatus::kApplies ? "applies" : "possible");
  internal::AddChildAbuseMaterialNotice(d, f, ev, language);
  std::vector<std::string> facts;
  // Which dates chose this version: the act's or the case's (the lawyer cites both).
  std::vector<std::string> dates;
  for (const auto& anchor : f.anchors) {
    if (anchor.as_of) {
      dates.push_back(std::string(w.as_of) + " " + anchor.date.ToString());
    } else if (anchor.act.empty()) {
      dates.push_back(std::string(w.case_date) + " " + internal::PeriodText(anchor.period, language));
    } else {
      std::string act = anchor.act;
      if (auto slot = vocabulary.SlotOf(kActsFact)) {
        const FactDefinition& acts = vocabulary.fact(*slot);
        if (auto index = acts.ValueIndex(anchor.act)) act = acts.ValueLabel(*index, language);
      }
      dates.push_back(std::string(w.for_act) + " " + act + " (" + internal::PeriodText(anchor.period, language) + ")");
    }
  }
  facts.push_back(std::string(w.version) + ": " + VersionText(v, language) + "; " + Join(dates, "; "));
  if (f.day_decides) facts.push_back(internal::DayDecidesLine(f, language));
  facts.push_back(std::string(w.certainty) + ": " + internal::CertaintyWord(rule.certainty, language) +
                  (rule.certainty_reason.empty() ? "" : ". " + rule.certainty_reason.Get(language)));
  if (rule.penalty) facts.push_back(std::string(w.penalty) + ": " + PenaltyText(*rule.penalty, language, w));
  for (auto& note : internal::LevelNotes(f, evaluation, language, /*with_table_note=*/false)) {
    if (std::find(said_above.begin(), said_above.end(), note) == said_above.end()) facts.push_back(std::move(note));
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
  if (WrittenCompactly(rule.kind) && f.aggravations.empty()) {
    std::vector<std::string> elements;
    for (const auto& e : f.elements) {
      std::string item = e.element->label.Get(language) + " (" + internal::TruthWord(e.truth, w);
      if (!e.missing.empty()) item += "; " + std::string(r.still_to_decide) + ": " + internal::FactLabels(e.missing, vocabulary, language);
      if (!e.element->sources.empty()) item += "; " + sources.Refs(e.element->sources);
      elements.push_back(item + ")");
    }
    if (!elements.empty()) facts.push_back(std::string(r.element_plural) + ": " + Join(elements, "; "));
    d.List(facts);
    internal::AddElementEvidence(d, f, ev, language);
    return;
  }
  d.List(facts);
  std::vector<std::vector<std::string>> elements;
  for (const auto& e : f.elements) {
    elements.push_back({e.element->label.Get(language), internal::TruthWord(e.truth, w),
                        internal::FactLabels(e.missing, vocabulary, language), sources.Refs(e.element->sources)});
  }
  d.Table({r.element, r.status, r.still_to_decide, w.sources}, elements);
  internal::AddElementEvidence(d, f, ev, language);
  std::vector<std::vector<std::string>> aggravations;
  for (const auto& a : f.aggravations) {
    const Aggravation& agg = *a.aggravation;
    aggravations.push_back({agg.label.Get(language) + (agg.article.empty() ? "" : " (art. " + agg.article + ")"),
                            internal::TruthWord(a.truth, w), internal::FactLabels(a.missing, vocabulary, language),
                            agg.penalty ? PenaltyText(*agg.penalty, language, w) : ""});
  }
  d.Table({w.aggravations, r.status, r.still_to_decide, w.penalty}, aggravations);
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

// How many facts still unknown the first page lists (issue 14: a first page that stands
// alone on one A4 sheet; with 13 the Belgian class-group case's ran onto a second).
constexpr size_t kUnknownOnFirstPage = 5;

// How many of `count` facts still unknown the first page lists: all of them when only one
// would be left over ("the other 1" saves no room).
size_t FirstPageShare(size_t count) { return count <= kUnknownOnFirstPage + 1 ? count : kUnknownOnFirstPage; }

std::string StillUnknownHeading(const std::vector<std::string>& unknown, const ReportWording& r) {
  return std::string(r.still_unknown) + " (" + std::to_string(unknown.size()) + ")";
}

// The first page: the case in a sentence, what applies (firm, then on a contested reading),
// what to do now and by when, and what is still unknown. An intake officer needs no more.
void AddFirstPage(Document& d, const Evaluation& e, const Law& law, const Case& c,
                  const std::vector<Question>& questions, const std::vector<Action>& actions, Language language,
                  const Wording& w, const ReportWording& r) {
  // The case's id opens the sentence rather than the heading: a long id wrapped the heading
  // onto a second line of the page that must stand alone.
  d.Heading(1, r.title);
  d.title = std::string(r.title) + ": " + internal::CaseText(e.case_id);
  d.Paragraph(internal::CaseText(e.case_id) + ": " + internal::CaseSentence(e, law, language), "case");
  (void)c;
  (void)w;

  d.Heading(2, r.in_brief, "brief");
  std::vector<std::string> firm, contested;
  for (const auto& f : e.findings) {
    if (f.status != FindingStatus::kApplies || !SaysWhatApplies(f.rule->kind)) continue;
    const Certainty certainty = f.rule->certainty;
    const bool unsettled = certainty == Certainty::kContested || certainty == Certainty::kUnverified;
    std::string item = internal::ShortName(f, language);
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

  internal::AddActionPlan(d, actions, law, language, 3, /*with_why=*/false);

  std::vector<std::string> unknown = internal::StillUnknown(e, questions, actions, law.vocabulary(), language, r);
  d.Heading(3, StillUnknownHeading(unknown, r), "unknown");
  if (unknown.empty()) d.Paragraph(r.none);
  // The best-ranked first: the page must stand alone on one sheet, and the officer asks these
  // first; the whole list follows the findings (AddStillUnknown).
  const size_t shown = FirstPageShare(unknown.size());
  d.List(std::vector<std::string>(unknown.begin(), unknown.begin() + static_cast<std::ptrdiff_t>(shown)));
  if (unknown.size() > shown) {
    d.Paragraph(std::string(r.others_before) + std::to_string(unknown.size() - shown) + r.others_after);
  }
  d.PageBreak();
}

// After the findings: every fact still unknown, when the first page could not list them all.
void AddStillUnknown(Document& d, const Evaluation& e, const Law& law, const std::vector<Question>& questions,
                     const std::vector<Action>& actions, Language language, const ReportWording& r) {
  std::vector<std::string> unknown = internal::StillUnknown(e, questions, actions, law.vocabulary(), language, r);
  if (FirstPageShare(unknown.size()) == unknown.size()) return;
  d.Heading(2, StillUnknownHeading(unknown, r), "unknown");
  d.List(std::move(unknown));
}

Document Build(const Evaluation& e, const Law& law, const Case& c,
               const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
               const std::vector<Action>& actions, Language language) {
  const Wording& w = internal::WordingFor(language);
  const ReportWording& r = ReportWordingFor(language);
  const EvidenceContext evidence{law, c.evidence()};
  const Vocabulary& vocabulary = law.vocabulary();
  SourceIndex sources(language);
  Document d;
  AddFirstPage(d, e, law, c, questions, actions, language, w, r);

  d.Paragraph(r.not_advice, "notice");
  internal::AddFactsGiven(d, c, vocabulary, language);

  if (e.findings.empty()) {
    d.Heading(2, r.findings);
    d.Paragraph(w.no_findings);
  }
  for (RuleKind kind : {RuleKind::kOffence, RuleKind::kObligation, RuleKind::kRemedy, RuleKind::kDefinition,
                        RuleKind::kStateDuty, RuleKind::kReferral}) {
    bool heading = false;
    const std::vector<std::string> notes = SectionNotes(e, kind, language);
    for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
      for (const auto& f : e.findings) {
        if (f.rule->kind != kind || f.status != status) continue;
        if (!heading) {
          d.Heading(2, internal::KindHeading(kind, language));
          for (const auto& note : notes) d.Paragraph(note, "notice");
        }
        heading = true;
        AddFinding(d, f, e, vocabulary, evidence, sources, language, w, r, notes);
      }
    }
  }

  AddStillUnknown(d, e, law, questions, actions, language, r);
  internal::AddDeadlinesInFull(d, actions, law, language);
  internal::AddEvidenceIndex(d, c.evidence(), language);

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

}  // namespace

std::string RenderReport(const Evaluation& evaluation, const Law& law, const Case& c,
                         const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
                         Format format, Language language, const std::vector<Action>& actions,
                         const Provenance* provenance) {
  Document d = Build(evaluation, law, c, questions, harms, actions, language);
  internal::AddProvenance(d, provenance, language);
  const std::string footer = internal::PageFooter(evaluation, language);
  return format == Format::kHtml ? internal::DocumentHtml(d, language, footer) : internal::DocumentMarkdown(d);
}

}  // namespace ibsa
