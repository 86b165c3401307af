// The report for a lawyer or a prosecutor, in Markdown or as one self-contained HTML
// page. Both are written from one document model (report_document.h), so they always say
// the same; the parts it shares with the handover pack are in report_parts.h.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>

#include "ibsa/evidence.h"
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

// Findings of these kinds are written in brief, one paragraph each with their elements on one
// line: they have no penalty or aggravations to set beside each element, and a table per
// referral, definition or duty of the Member State took a third of a typical report.
bool WrittenCompactly(RuleKind kind) {
  return kind == RuleKind::kReferral || kind == RuleKind::kDefinition || kind == RuleKind::kStateDuty;
}

// The notes that hold for the offences of a section, said once above them rather than under
// each: what a minor perpetrator's penalty becomes, and what ibsa cannot see about the
// limitation when two findings of the section or more would say it (art. 72 Sr under every
// Dutch offence; the seizing of a trial court under the Belgian offences that lapse at all).
std::vector<std::string> SectionNotes(const Evaluation& evaluation, RuleKind kind, Language language) {
  std::vector<std::string> notes;
  std::vector<std::pair<std::string, int>> caveats;  // in the findings' order, with how many say it
  for (const auto& f : evaluation.findings) {
    if (f.rule->kind != kind) continue;
    for (auto& note : internal::LevelNotes(f, evaluation, language, /*with_table_note=*/false)) {
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
    }
    if (!f.limitation) continue;
    for (auto& caveat : internal::LimitationCaveats(*f.limitation, language)) {
      auto it = std::find_if(caveats.begin(), caveats.end(), [&](const auto& c) { return c.first == caveat; });
      if (it == caveats.end()) {
        caveats.emplace_back(std::move(caveat), 1);
      } else {
        ++it->second;
      }
    }
  }
  for (auto& [caveat, count] : caveats) {
    if (count >= 2) notes.push_back(std::move(caveat));
  }
  return notes;
}

// What a finding's lines say beyond its penalty, limitation and sources (FindingWriter::Lines).
struct Written {
  bool version = true;
  bool certainty = true;
  bool note = true;
};

// Writes the report's findings: in full (offences, obligations, remedies, gaps: what a lawyer
// cites, element by element) or in brief (referrals, definitions, duties of the Member State).
// Sources are numbered across the whole report; the warning about child sexual abuse material
// is given at the first finding it concerns, not under each.
class FindingWriter {
 public:
  FindingWriter(Document& d, const Evaluation& evaluation, const Vocabulary& vocabulary, const EvidenceContext& ev,
                SourceIndex& sources, Language language)
      : d_(d), evaluation_(evaluation), vocabulary_(vocabulary), ev_(ev), sources_(sources), language_(language),
        w_(internal::WordingFor(language)), r_(ReportWordingFor(language)) {}

  // A finding that may apply is written shorter than one that applies: what decides it first,
  // its met elements on one line, and its certainty only where it is not settled. Its note
  // stays: it may say what decides the missing element (some continuity for harassment) or
  // what the victim must do (calumny is prosecuted only on complaint).
  void InFull(const Finding& f, const std::vector<std::string>& said_above = {}) {
    const bool unsettled = f.certainty == Certainty::kContested || f.certainty == Certainty::kUnverified;
    const bool possible = f.status == FindingStatus::kPossible;
    d_.Heading(3, internal::FindingTitle(f, language_),
               unsettled ? "contested" : f.status == FindingStatus::kApplies ? "applies" : "possible");
    ChildAbuseMaterialNotice(f);
    d_.List(Lines(f, said_above, {.certainty = !possible || f.certainty != Certainty::kSettled}));
    // Each element on a line of its own, the status first: a table's narrow first column
    // wrapped a long element over many lines beside three mostly empty cells.
    std::vector<std::string> elements, met;
    for (const auto& e : f.elements) {
      const std::string label = e.element->label.Get(language_);
      const std::vector<Source> cited = internal::ElementSources(f, *e.element);
      if (possible && e.truth == Truth::kTrue) {
        met.push_back(cited.empty() ? label : label + " " + sources_.Refs(cited));
      } else {
        elements.push_back(ElementLine(label, e.truth, e.missing, cited));
      }
    }
    if (!met.empty()) elements.push_back("[" + internal::TruthWord(Truth::kTrue, w_) + "] " + Join(met, "; "));
    if (!elements.empty()) {
      d_.Paragraph(r_.element_plural, "lead");
      d_.List(std::move(elements), "elements");
    }
    internal::AddElementEvidence(d_, f, ev_, language_);
    Aggravations(f);
  }

  // "Version: <title> (in force since …); for the act shared (2026-11-16)": the version a
  // finding reads and the dates that chose it (the act's or the case's: the lawyer cites both).
  std::string VersionLine(const Finding& f) const {
    std::vector<std::string> dates;
    for (const auto& anchor : f.anchors) {
      if (anchor.as_of) {
        dates.push_back(std::string(w_.as_of) + " " + anchor.date.ToString());
      } else if (anchor.act.empty()) {
        dates.push_back(std::string(w_.case_date) + " " + internal::PeriodText(anchor.period, language_));
      } else {
        std::string act = anchor.act;
        if (auto slot = vocabulary_.SlotOf(kActsFact)) {
          const FactDefinition& acts = vocabulary_.fact(*slot);
          if (auto index = acts.ValueIndex(anchor.act)) act = acts.ValueLabel(*index, language_);
        }
        dates.push_back(std::string(w_.for_act) + " " + act + " (" + internal::PeriodText(anchor.period, language_) + ")");
      }
    }
    return std::string(w_.version) + ": " + VersionRead(f) + "; " + Join(dates, "; ");
  }

  // "Version: <title> (in force since …); date of the facts 2026-10-06": the line above a section
  // whose findings read one version for acts of the same day but not the same acts.
  std::string VersionOnTheDays(const Finding& f) const {
    std::vector<std::string> days;
    for (const auto& anchor : f.anchors) {
      std::string day = anchor.as_of ? std::string(w_.as_of) + " " + anchor.date.ToString()
                                     : internal::PeriodText(anchor.period, language_);
      if (std::find(days.begin(), days.end(), day) == days.end()) days.push_back(std::move(day));
    }
    return std::string(w_.version) + ": " + VersionRead(f) + "; " + w_.date_of_facts + " " + Join(days, "; ");
  }

  std::string VersionRead(const Finding& f) const {
    return f.versions.empty() ? VersionText(*f.version, language_) : internal::VersionsText(f, language_, /*titles=*/true);
  }

  // What a finding's version line says, less its wording: the versions read and the days that
  // chose them. A finding anchored on the case's date reads the same version, chosen by the
  // same day, as one anchored on an act of that day; the line above the section says it for both.
  std::string VersionKey(const Finding& f) const {
    std::string key;
    for (const FindingVersion& v : VersionsOf(f)) key += v.version->id + " ";
    std::vector<std::string> days;
    for (const auto& anchor : f.anchors) {
      days.push_back(anchor.as_of ? "as of " + anchor.date.ToString() : internal::PeriodText(anchor.period, Language::kEn));
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return key + "| " + Join(days, "; ");
  }

  // The versions and days the line above the section names; a finding with this key names none.
  void SetSectionVersion(std::optional<std::string> key) { section_version_ = std::move(key); }

  // One paragraph: the finding's title, then what InFull lists, its elements on one line. A
  // referral is guidance, not law: a settled one that applies is written without its
  // certainty and its elements, all met (what the officer acts on is its note).
  void InBrief(const Finding& f, const std::vector<std::string>& said_above = {}) {
    if (!f.aggravations.empty()) return InFull(f, said_above);
    ChildAbuseMaterialNotice(f);
    const bool plain_referral = f.rule->kind == RuleKind::kReferral && f.status == FindingStatus::kApplies &&
                                f.certainty == Certainty::kSettled;
    // A definition is in the annex to show why a finding's element is met: by its elements,
    // and by its certainty where the reading is not settled. Its version is the finding's. A
    // referral is guidance, not law: what changed over time is in its version's note (annex).
    const bool definition = f.rule->kind == RuleKind::kDefinition;
    std::vector<std::string> lines =
        Lines(f, said_above,
              {.version = !definition && f.rule->kind != RuleKind::kReferral,
               .certainty = !plain_referral && !(definition && f.certainty == Certainty::kSettled),
               .note = !definition});
    std::vector<std::string> elements;
    for (const auto& e : f.elements) {
      if (plain_referral) break;
      std::string item = e.element->label.Get(language_) + " (" + internal::TruthWord(e.truth, w_);
      if (!e.missing.empty()) item += "; " + std::string(r_.still_to_decide) + ": " + internal::FactLabels(e.missing, vocabulary_, language_);
      if (const auto cited = internal::ElementSources(f, *e.element); !cited.empty()) item += "; " + sources_.Refs(cited);
      elements.push_back(item + ")");
    }
    if (!elements.empty()) lines.push_back(std::string(r_.element_plural) + ": " + Join(elements, "; "));
    Paragraph(f, lines);
    internal::AddElementEvidence(d_, f, ev_, language_);
  }

  // A duty of the Member State, in the annex: what the legislator owes binds no party to the
  // case, so it is named with its sources, and with its certainty where a reading is
  // unsettled; its version, note and elements are the gaps sweep's, not the case's.
  void AsDuty(const Finding& f) {
    std::vector<std::string> lines;
    if (f.certainty != Certainty::kSettled) lines.push_back(CertaintyLine(f));
    lines.push_back(std::string(w_.sources) + ": " + sources_.Refs(internal::FindingSources(f)));
    Paragraph(f, lines);
  }

 private:
  void ChildAbuseMaterialNotice(const Finding& f) {
    if (child_abuse_material_said_ || !ConcernsChildAbuseMaterial(ev_.law, *f.rule)) return;
    internal::AddChildAbuseMaterialNotice(d_, f, ev_, language_);
    child_abuse_material_said_ = true;
  }

  // "APPLIES: art. 5 …. Version: …. Sources: [3]": a finding in brief, as one list item.
  void Paragraph(const Finding& f, const std::vector<std::string>& lines) {
    std::string text = internal::FindingTitle(f, language_);
    for (const auto& line : lines) text += (text.back() == '.' ? " " : ". ") + line;
    d_.List({text}, "brief");
  }

  // The aggravating circumstances, each with its status and penalty; the same circumstances
  // judged the same way as under an earlier finding (arts. 136 and 137 share arts. 142 to 149)
  // are pointed to, not repeated.
  void Aggravations(const Finding& f) {
    if (f.aggravations.empty()) return;
    std::string said;  // what the list says, its penalties in full: the same list reads alike
    for (const auto& a : f.aggravations) {
      const Aggravation& agg = *a.aggravation;
      said += agg.label.Get(language_) + "|" + agg.article + "|" + internal::TruthWord(a.truth, w_) + "|" + Join(a.missing, ",") +
              "|" + (agg.penalty ? PenaltyText(*agg.penalty, language_, w_) : "") + "\n";
    }
    for (const auto& [earlier, where] : aggravations_said_) {
      if (earlier == said) {
        d_.Paragraph(std::string(w_.aggravations) + ": " + r_.as_under + " " + where, "lead");
        return;
      }
    }
    aggravations_said_.emplace_back(said, Where(f));
    std::vector<std::string> lines;
    for (const auto& a : f.aggravations) {
      const Aggravation& agg = *a.aggravation;
      std::string line = ElementLine(agg.label.Get(language_) + (agg.article.empty() ? "" : " (art. " + agg.article + ")"),
                                     a.truth, a.missing, {});
      if (agg.penalty) line += " — " + std::string(w_.penalty) + ": " + AggravationPenalty(*agg.penalty);
      lines.push_back(std::move(line));
    }
    d_.Paragraph(w_.aggravations, "lead");
    d_.List(std::move(lines), "elements");
  }

  // How a later finding points to this one: its citation, or its title where it has no article.
  std::string Where(const Finding& f) const {
    const Rule& rule = *f.rule;
    return rule.article.empty() || rule.article == "-" ? rule.title.Get(language_) : Citation(rule, *f.version, language_);
  }

  // "Certainty: contested. <why>"; a reason given under an earlier finding (arts. 136 and
  // 137 rest on one reading) is pointed to, not repeated.
  std::string CertaintyLine(const Finding& f) {
    std::string line = std::string(w_.certainty) + ": " + internal::CertaintyWord(f.certainty, language_);
    const std::string reason = internal::CertaintyReason(f, language_);
    if (reason.empty()) return line;
    // The reading's own words, whichever finding gives them (art. 187 rests on art. 136's).
    const Rule& reading = f.certainty_from.rule != nullptr ? *f.certainty_from.rule : *f.rule;
    const std::string key = reading.certainty_reason.Get(language_);
    for (const auto& [said, where] : reasons_said_) {
      if (said == key) return line + ", " + r_.reason_given_under + " " + where;
    }
    reasons_said_.emplace_back(key, Where(f));
    return line + ". " + reason;
  }


  // An aggravation's penalty level, in full the first time the report states it and then by
  // its name alone ("niveau 4"): the Belgian levels (art. 36 C. pén.) under every aggravation
  // of every offence repeated the same four ranges seventeen times.
  std::string AggravationPenalty(const Penalty& p) {
    if (p.level && p.certainty == Certainty::kSettled && p.note.empty()) {
      if (!levels_said_.insert(internal::PenaltySummary(p, language_)).second) return internal::LevelName(*p.level, language_);
    }
    return PenaltyText(p, language_, w_);
  }

  // "[met] An existing person [3]", "[unknown] Vulnerable victim (art. 142) — To decide it: ...".
  std::string ElementLine(const std::string& label, Truth truth, const std::vector<std::string>& missing,
                          const std::vector<Source>& element_sources) {
    std::string line = "[" + internal::TruthWord(truth, w_) + "] " + label;
    if (!missing.empty()) line += " — " + std::string(w_.to_decide) + ": " + internal::FactLabels(missing, vocabulary_, language_);
    if (!element_sources.empty()) line += " " + sources_.Refs(element_sources);
    return line;
  }

  // Version and the dates that chose it, certainty, penalty, lex mitior, limitation, note and
  // sources, in the order a lawyer cites them; `said_above` are notes the section states once.
  std::vector<std::string> Lines(const Finding& f, const std::vector<std::string>& said_above, Written with = {}) {
    const Rule& rule = *f.rule;
    const Language language = language_;
    const Wording& w = w_;
    std::vector<std::string> facts;
    if (with.version && (!section_version_ || VersionKey(f) != *section_version_)) facts.push_back(VersionLine(f));
    if (f.day_decides) facts.push_back(internal::DayDecidesLine(f, language));
    if (with.certainty) facts.push_back(CertaintyLine(f));
    if (rule.penalty) {
      facts.push_back(std::string(w.penalty) + ": " + PenaltyText(*rule.penalty, language, w));
      if (rule.penalty->level) levels_said_.insert(internal::PenaltySummary(*rule.penalty, language));
    }
    for (auto& note : internal::LevelNotes(f, evaluation_, language, /*with_table_note=*/false)) {
      if (std::find(said_above.begin(), said_above.end(), note) == said_above.end()) facts.push_back(std::move(note));
    }
    if (f.lex_mitior) {
      const LexMitior& lm = *f.lex_mitior;
      std::string text = internal::LexMitiorLead(language) + " " + lm.assessed_on.ToString() + "): ";
      if (lm.later_version != nullptr) {
        text += lm.later_version->title.Get(language);
        if (const std::string successors = internal::SuccessorArticles(lm); !successors.empty()) text += " (" + successors + ")";
        text += "; ";
      }
      text += internal::FavourableWord(lm.favourable, language) + " (" + internal::BasisWord(lm.basis, language) + ")";
      facts.push_back(text);
    }
    if (f.limitation) {
      for (auto& line : internal::LimitationLines(*f.limitation, language)) {
        const size_t text = line.find_first_not_of(' ');
        if (text > 0 && std::find(said_above.begin(), said_above.end(), line.substr(text)) != said_above.end()) continue;
        facts.push_back(std::move(line));
      }
    }
    if (with.note && !rule.note.empty()) facts.push_back(std::string(w.note) + ": " + rule.note.Get(language));
    facts.push_back(std::string(w.sources) + ": " + sources_.Refs(internal::FindingSources(f)));
    return facts;
  }

  Document& d_;
  const Evaluation& evaluation_;
  const Vocabulary& vocabulary_;
  const EvidenceContext& ev_;
  SourceIndex& sources_;
  const Language language_;
  const Wording& w_;
  const ReportWording& r_;
  bool child_abuse_material_said_ = false;
  std::vector<std::pair<std::string, std::string>> reasons_said_;  // a certainty reason, where it was given
  std::set<std::string> levels_said_;                               // penalty levels stated in full
  std::vector<std::pair<std::string, std::string>> aggravations_said_;  // a list of aggravations, where it was given
  std::optional<std::string> section_version_;                      // VersionKey of the line above the section
};

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
    const Certainty certainty = f.certainty;
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

// After the findings: the facts still unknown that the first page could not list (the count
// stays the whole list's, as on the first page).
void AddStillUnknown(Document& d, const Evaluation& e, const Law& law, const std::vector<Question>& questions,
                     const std::vector<Action>& actions, Language language, const ReportWording& r) {
  std::vector<std::string> unknown = internal::StillUnknown(e, questions, actions, law.vocabulary(), language, r);
  const size_t shown = FirstPageShare(unknown.size());
  if (shown == unknown.size()) return;
  d.Heading(2, StillUnknownHeading(unknown, r), "unknown");
  d.Paragraph(std::string(r.first_before) + std::to_string(shown) + r.first_after);
  d.List(std::vector<std::string>(unknown.begin() + static_cast<std::ptrdiff_t>(shown), unknown.end()));
}

Document Build(const Evaluation& e, const Law& law, const Case& c,
               const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
               const std::vector<Action>& actions, Language language, const std::set<std::string>& not_for_reader,
               bool provenance_follows) {
  const Wording& w = internal::WordingFor(language);
  const ReportWording& r = ReportWordingFor(language);
  const EvidenceContext evidence{law, c.evidence()};
  const Vocabulary& vocabulary = law.vocabulary();
  SourceIndex sources(language);
  Document d;
  AddFirstPage(d, e, law, c, questions, actions, language, w, r);

  d.Paragraph(r.not_advice, "notice");
  internal::AddFactsGiven(d, c, vocabulary, language);

  FindingWriter findings(d, e, vocabulary, evidence, sources, language);
  if (e.findings.empty()) {
    d.Heading(2, r.findings);
    d.Paragraph(w.no_findings);
  }
  // What applies to this case, in full; the referrals (what the action plan rests on) in brief.
  // Definitions and the Member State's duties are what the law means and owes, not what
  // the victim or the lawyer acts on: they follow in the annex.
  auto add_section = [&](RuleKind kind, const std::string& heading, const char* css) {
    bool started = false;
    std::vector<std::string> notes = SectionNotes(e, kind, language);
    // The version most findings of the section read, with the dates that chose it (six
    // offences of one code for one act), said once above them in the words of the first
    // finding that reads it; a finding that reads another still says its own.
    std::optional<std::string> version_of_all, version_key;
    std::vector<std::pair<std::string, int>> versions_read;  // by VersionKey, in the findings' order
    std::vector<std::string> first_line;                     // how the first finding of each key says it
    for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
      for (const auto& f : e.findings) {
        if (f.rule->kind != kind || f.status != status || not_for_reader.contains(f.rule->id)) continue;
        const std::string key = findings.VersionKey(f);
        auto it = std::find_if(versions_read.begin(), versions_read.end(), [&](const auto& v) { return v.first == key; });
        if (it == versions_read.end()) {
          versions_read.emplace_back(key, 1);
          first_line.push_back(findings.VersionLine(f));
        } else {
          ++it->second;
          // Acts of the same day read alike, but the line above names no act for all of them.
          std::string& line = first_line[static_cast<size_t>(it - versions_read.begin())];
          if (line != findings.VersionLine(f)) line = findings.VersionOnTheDays(f);
        }
      }
    }
    // The first read most often, in the order the findings are written.
    const auto most_read = std::max_element(versions_read.begin(), versions_read.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
    // Definitions, referrals and duties of the Member State name no version (FindingWriter::InBrief, AsDuty).
    const bool versions_named = kind != RuleKind::kDefinition && kind != RuleKind::kStateDuty && kind != RuleKind::kReferral;
    if (versions_named && most_read != versions_read.end() && most_read->second >= 2) {
      version_key = most_read->first;
      version_of_all = first_line[static_cast<size_t>(most_read - versions_read.begin())];
    }
    findings.SetSectionVersion(version_key);
    for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
      for (const auto& f : e.findings) {
        if (f.rule->kind != kind || f.status != status || not_for_reader.contains(f.rule->id)) continue;
        if (!started) {
          d.Heading(2, heading, css);
          for (const auto& note : notes) d.Paragraph(note, "notice");
          if (version_of_all) {
            d.Paragraph(std::string(r.version_of_all) + version_of_all->substr(std::string_view(w.version).size()), "version");
          }
        }
        started = true;
        if (kind == RuleKind::kStateDuty) {
          findings.AsDuty(f);
        } else if (WrittenCompactly(kind)) {
          findings.InBrief(f, notes);
        } else {
          findings.InFull(f, notes);
        }
      }
    }
    findings.SetSectionVersion(std::nullopt);
  };
  for (RuleKind kind : {RuleKind::kOffence, RuleKind::kObligation, RuleKind::kRemedy, RuleKind::kReferral}) {
    add_section(kind, internal::KindHeading(kind, language), "");
  }

  AddStillUnknown(d, e, law, questions, actions, language, r);
  internal::AddDeadlinesInFull(d, actions, law, language);
  internal::AddEvidenceIndex(d, c.evidence(), language);

  std::vector<std::string> uncovered;
  for (const auto& gap : internal::CaseGaps(harms, e, language)) {
    std::string item = gap.harm->harm->label.Get(language) + ": " + gap.reason + ".";
    std::vector<std::string> readings;
    for (const Finding* f : gap.readings) {
      readings.push_back(Citation(*f->rule, *f->version, language) + " (" +
                         internal::CertaintyWord(f->certainty, language) + ")");
    }
    const internal::CaseGapWording& g = internal::CaseGapWordingFor(language);
    if (!readings.empty()) item += " " + std::string(g.only_on) + ": " + Join(readings, "; ") + ".";
    if (!gap.harm->harm->sources.empty()) {
      item += " " + std::string(g.sources) + ": " + sources.Refs(gap.harm->harm->sources) + ".";
    }
    uncovered.push_back(std::move(item));
  }
  std::vector<std::string> version_gaps;
  for (const auto& gap : e.version_gaps) {
    std::string covered;
    for (const auto* v : gap.known_versions) {
      if (v->status == VersionStatus::kProposed) continue;
      covered += (covered.empty() ? "" : ", ") + internal::InForceText(*v, language);
    }
    version_gaps.push_back(gap.jurisdiction + " " + gap.instrument + ": " + r.not_encoded + " " +
                           (gap.anchor.as_of ? gap.anchor.date.ToString() : internal::PeriodText(gap.anchor.period, language)) +
                           (covered.empty() ? "" : " (" + covered + ")"));
  }
  const bool gap_provision = std::any_of(e.findings.begin(), e.findings.end(),
                                         [](const Finding& f) { return f.rule->kind == RuleKind::kGap; });
  d.Heading(2, r.legal_gaps);
  if (uncovered.empty() && version_gaps.empty() && !gap_provision) {
    d.Paragraph(r.no_gaps);
  } else {
    d.Paragraph(r.harms_hint);
    d.List(uncovered);
    d.List(version_gaps);
    // Headed findings last: a list after them would read as theirs.
    for (const auto& f : e.findings) {
      if (f.rule->kind == RuleKind::kGap) findings.InFull(f);
    }
  }

  // The annex: what the law means and owes, the law applied and every source, for the lawyer
  // who checks the findings.
  for (RuleKind kind : {RuleKind::kDefinition, RuleKind::kStateDuty}) {
    add_section(kind, std::string(r.annex) + ": " + internal::KindHeading(kind, language), "annex");
  }
  d.Heading(2, std::string(r.annex) + ": " + r.law_applied, "annex");
  std::vector<std::string> versions;
  // The law's folder and fingerprint, unless the provenance line at the end gives the fingerprint.
  if (const std::string law_line = internal::LawLine(law, language); !law_line.empty() && !provenance_follows) {
    versions.push_back(law_line);
  }
  std::set<const RulesetVersion*> seen;
  // The versions applied, then those in force on the assessment date that lex mitior
  // compares them with.
  std::vector<const RulesetVersion*> listed;
  for (const auto& f : e.findings) {
    for (const FindingVersion& v : VersionsOf(f)) listed.push_back(v.version);
  }
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
  d.List(sources.Annex(r.same_address), "sources");
  d.Paragraph(w.disclaimer, "notice");
  return d;
}

}  // namespace

std::string RenderReport(const Evaluation& evaluation, const Law& law, const Case& c,
                         const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
                         Format format, Language language, const std::vector<Action>& actions,
                         const Provenance* provenance, const std::set<std::string>& not_for_reader) {
  Document d = Build(evaluation, law, c, questions, harms, actions, language, not_for_reader, provenance != nullptr);
  internal::AddProvenance(d, provenance, language);
  const std::string footer = internal::PageFooter(evaluation, language);
  return format == Format::kHtml ? internal::DocumentHtml(d, language, footer) : internal::DocumentMarkdown(d);
}

}  // namespace ibsa
