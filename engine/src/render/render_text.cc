#include <algorithm>
#include <cctype>
#include <set>

#include "ibsa/evidence.h"
#include "ibsa/render.h"
#include "render/case_gaps.h"
#include "render/evidence_render.h"
#include "render/render_common.h"
#include "render/render_limitation.h"

namespace ibsa {
namespace {

using internal::Wording;

std::string AnchorText(const Anchor& anchor, const Wording& w, Language language) {
  if (anchor.as_of) return std::string(w.as_of) + " " + anchor.date.ToString();
  const std::string date = internal::PeriodText(anchor.period, language);
  if (anchor.act.empty()) return std::string(w.case_date) + " " + date;
  return std::string(w.for_act) + " " + anchor.act + " (" + date + ")";
}

std::string Padded(std::string s, size_t width) {
  // Pads by code points so that accented words line up.
  size_t length = 0;
  for (unsigned char c : s) length += (c & 0xC0) != 0x80;
  if (length < width) s += std::string(width - length, ' ');
  return s;
}

void AppendSources(std::string& out, const std::vector<Source>& sources, const std::string& indent, Language language) {
  for (const auto& source : sources) {
    out += indent + "- " + source.Title(language);
    if (!source.pinpoint.empty()) out += ", " + source.pinpoint;
    out += "\n" + indent + "  " + source.url + "\n";
  }
}

void AppendCertainty(std::string& out, Certainty certainty, const std::string& reason,
                     Language language, const std::string& indent, const Wording& w) {
  out += indent + w.certainty + ": " + internal::CertaintyWord(certainty, language);
  if (!reason.empty()) out += ". " + reason;
  out += "\n";
}

void AppendPenalty(std::string& out, const Penalty& penalty, Language language,
                   const std::string& indent, const Wording& w) {
  std::string summary = internal::PenaltySummary(penalty, language);
  out += indent + w.penalty + ": " + (summary.empty() ? std::string(w.penalty_unknown) : summary);
  if (penalty.certainty != Certainty::kSettled) {
    out += " [" + internal::CertaintyWord(penalty.certainty, language);
    if (!penalty.certainty_reason.empty()) out += ": " + penalty.certainty_reason.Get(language);
    out += "]";
  }
  out += "\n";
  if (!penalty.note.empty()) out += indent + "  " + penalty.note.Get(language) + "\n";
}

std::string FactList(const std::vector<std::string>& facts) {
  std::string out;
  for (const auto& f : facts) out += (out.empty() ? "" : ", ") + f;
  return out;
}

// When prosecution becomes time-barred: one line, then the readings of an unknown fact and
// what ibsa cannot see, indented under it.
void AppendLimitation(std::string& out, const Finding& f, Language language) {
  if (!f.limitation) return;
  for (const auto& line : internal::LimitationLines(*f.limitation, language)) out += "    " + line + "\n";
}

// --- The evidence log (evidence_render.h) ---------------------------------------------------

// Said under the heading of a finding that concerns child sexual abuse material.
void AppendChildAbuseMaterialNotice(std::string& out, const Finding& f, const Law& law, Language language) {
  if (ConcernsChildAbuseMaterial(law, *f.rule)) out += "    ! " + ReportLocationNotFile(language) + "\n";
}

// The items that support element `e` of `f`, under its line.
void AppendElementEvidence(std::string& out, const Finding& f, const ElementOutcome& e,
                           const std::vector<EvidenceItem>& evidence, Language language) {
  for (size_t i : internal::EvidenceFor(evidence, *f.rule, *e.element)) {
    out += "        " + std::string(internal::EvidenceWordingFor(language).evidence) + " " +
           internal::EvidenceNumber(i) + ": " + internal::EvidenceSummary(evidence[i], language) + "\n";
  }
}

void AppendEvidenceIndex(std::string& out, const std::vector<EvidenceItem>& evidence, Language language) {
  if (evidence.empty()) return;
  const internal::EvidenceWording& w = internal::EvidenceWordingFor(language);
  out += "\n" + std::string(w.heading) + " (" + w.intro + "):\n";
  for (size_t i = 0; i < evidence.size(); ++i) {
    out += "  " + internal::EvidenceNumber(i) + " " + internal::EvidenceSummary(evidence[i], language) + "\n";
    if (!evidence[i].supports.empty()) out += "      " + std::string(w.supports) + ": " + FactList(evidence[i].supports) + "\n";
  }
}

// ---------------------------------------------------------------------------------------------

void AppendFinding(std::string& out, const Finding& f, const Evaluation& evaluation, const Law& law,
                   const std::vector<EvidenceItem>& evidence, Language language, const Wording& w) {
  const Rule& rule = *f.rule;
  const RulesetVersion& version = *f.version;
  const std::string citation = Citation(rule, version, language);
  out += "\n  " + internal::FindingHeading(f, language) + "  " + (citation.empty() ? "" : citation + ": ") +
         rule.title.Get(language) + " (" + internal::KindWord(rule.kind, language) + ")\n";
  out += "    " + std::string(w.version) + ": " +
         (f.versions.empty() ? version.id + ", " + internal::InForceText(version, language)
                             : internal::VersionsText(f, language, /*titles=*/false));
  std::string anchors;
  for (const auto& anchor : f.anchors) anchors += (anchors.empty() ? "" : "; ") + AnchorText(anchor, w, language);
  out += "; " + anchors + "\n";
  if (f.day_decides) out += "    " + internal::DayDecidesLine(f, language) + "\n";
  if (version.status == VersionStatus::kProposed) out += "    " + std::string(w.proposed_warning) + "\n";
  AppendChildAbuseMaterialNotice(out, f, law, language);
  AppendCertainty(out, f.certainty, internal::CertaintyReason(f, language), language, "    ", w);
  out += "    " + std::string(w.elements) + ":\n";
  for (const auto& e : f.elements) {
    out += "      " + Padded("[" + internal::TruthWord(e.truth, w) + "]", 16) + e.element->label.Get(language);
    if (!e.missing.empty()) out += "  (" + std::string(w.to_decide) + ": " + FactList(e.missing) + ")";
    out += "\n";
    AppendElementEvidence(out, f, e, evidence, language);
  }
  if (!f.aggravations.empty()) {
    out += "    " + std::string(w.aggravations) + ":\n";
    for (const auto& a : f.aggravations) {
      const Aggravation& agg = *a.aggravation;
      out += "      " + Padded("[" + internal::TruthWord(a.truth, w) + "]", 16) + agg.label.Get(language);
      if (!agg.article.empty()) out += " (art. " + agg.article + ")";
      if (!a.missing.empty()) out += "  (" + std::string(w.to_decide) + ": " + FactList(a.missing) + ")";
      out += "\n";
      if (agg.penalty) AppendPenalty(out, *agg.penalty, language, "        ", w);
      AppendCertainty(out, agg.certainty, agg.certainty_reason.Get(language), language, "        ", w);
    }
  }
  if (rule.penalty) AppendPenalty(out, *rule.penalty, language, "    ", w);
  for (const auto& line : internal::LevelNotes(f, evaluation, language, /*with_table_note=*/false)) {
    out += "      " + line + "\n";
  }
  if (f.lex_mitior) {
    const LexMitior& lm = *f.lex_mitior;
    out += "    " + internal::LexMitiorLead(language) + " " + lm.assessed_on.ToString() + "): ";
    if (lm.later_version != nullptr) {
      out += lm.later_version->id;
      if (const std::string successors = internal::SuccessorArticles(lm); !successors.empty()) out += " (" + successors + ")";
      out += "; ";
    }
    out += internal::FavourableWord(lm.favourable, language) + " (" +
           internal::BasisWord(lm.basis, language) + ")\n";
  }
  AppendLimitation(out, f, language);
  if (!rule.note.empty()) out += "    " + std::string(w.note) + ": " + rule.note.Get(language) + "\n";
  out += "    " + std::string(w.sources) + ":\n";
  AppendSources(out, internal::FindingSources(f), "      ", language);
}

}  // namespace

std::string RenderEvidenceText(const std::vector<EvidenceItem>& evidence, Language language) {
  std::string out;
  AppendEvidenceIndex(out, evidence, language);
  return out.empty() ? out : out.substr(1);  // without the blank line that parts it from the findings
}

std::string RenderActionPlanText(const std::vector<Action>& actions, const Law& law, Language language) {
  const internal::ActionPlanWording& p = internal::ActionPlanWordingFor(language);
  std::string out = "== " + std::string(p.heading) + " ==\n";
  if (actions.empty()) return out + p.none + "\n";
  int number = 0;
  for (const auto& a : internal::ActionTexts(actions, law, language)) {
    out += std::to_string(++number) + ". [" + a.action_class + "] " + a.title + "\n";
    out += "   " + std::string(p.who) + ": " + a.who + "\n";
    out += "   " + std::string(p.why) + ": " + a.why + "\n";
    if (!a.deadline.empty()) out += "   " + std::string(p.deadline) + ": " + a.deadline + "\n";
  }
  return out;
}

std::vector<const Finding*> RankedForThePerson(const Evaluation& evaluation) {
  // What the person can act on first: what applies and is settled, then what applies but is
  // contested or unverified, then what may apply; within each, offences before obligations,
  // remedies and next steps, and definitions, the Member State's duties and gaps last.
  auto rank = [](const Finding& f) {
    const bool firm = f.certainty == Certainty::kSettled || f.certainty == Certainty::kLikely;
    const int standing = f.status == FindingStatus::kApplies ? (firm ? 0 : 1) : 2;
    int kind = 0;
    switch (f.rule->kind) {
      case RuleKind::kOffence: kind = 0; break;
      case RuleKind::kObligation: kind = 1; break;
      case RuleKind::kRemedy: kind = 2; break;
      case RuleKind::kReferral: kind = 3; break;
      case RuleKind::kDefinition:
      case RuleKind::kStateDuty:
      case RuleKind::kGap: kind = 4; break;
    }
    return standing * 8 + kind;
  };
  std::vector<const Finding*> ranked;
  for (const auto& f : evaluation.findings) ranked.push_back(&f);
  std::stable_sort(ranked.begin(), ranked.end(), [&](const Finding* a, const Finding* b) { return rank(*a) < rank(*b); });
  return ranked;
}

std::string Disclaimer(Language language) { return internal::WordingFor(language).disclaimer; }

std::string FindingHeading(const Finding& finding, Language language) {
  return internal::FindingHeading(finding, language);
}

std::string LawLine(const Law& law, Language language) { return internal::LawLine(law, language); }

std::string Citation(const Rule& rule, const RulesetVersion& version, Language language) {
  const std::string& abbreviation =
      version.abbreviation.empty() ? version.instrument : version.abbreviation.Get(language);
  // Referrals and next steps may have no article of their own: their title says it all.
  if (rule.article.empty() || rule.article == "-") return "";
  // An article of another instrument than the version's (a referral citing the Code of
  // Criminal Procedure from the Criminal Code's ruleset) ends with that instrument's
  // abbreviation, "486 Sv": appending the version's would cite "art. 486 Sv Sr".
  const size_t last_space = rule.article.rfind(' ');
  if (last_space != std::string::npos && last_space + 1 < rule.article.size() &&
      std::isupper(static_cast<unsigned char>(rule.article[last_space + 1]))) {
    return "art. " + rule.article;
  }
  return "art. " + rule.article + " " + abbreviation;
}

std::string RenderText(const Evaluation& evaluation, const Law& law, Language language,
                       const std::vector<CaseHarm>& harms, const std::vector<Action>& actions,
                       const std::vector<EvidenceItem>& evidence) {
  const Wording& w = internal::WordingFor(language);
  std::string out = std::string(w.disclaimer) + "\n\n";
  out += std::string(w.case_word) + " " + evaluation.case_id;
  if (!evaluation.case_title.empty()) out += ": " + evaluation.case_title;
  out += "\n" + law.vocabulary().JurisdictionName(evaluation.jurisdiction, language) + ", " +
         w.date_of_facts + " " + internal::PeriodText(evaluation.period, language);
  if (evaluation.options.as_of) {
    out += "; " + std::string(w.as_of) + " " + evaluation.options.as_of->ToString();
  }
  if (!evaluation.options.with.empty()) {
    out += "; " + std::string(w.with_proposals) + " " + FactList(evaluation.options.with);
  }
  out += "\n";
  if (const std::string law_line = internal::LawLine(law, language); !law_line.empty()) out += law_line + "\n";
  if (!actions.empty()) out += "\n" + RenderActionPlanText(actions, law, language);

  std::vector<std::string> jurisdictions;
  for (const auto& f : evaluation.findings) {
    if (std::find(jurisdictions.begin(), jurisdictions.end(), f.version->jurisdiction) ==
        jurisdictions.end()) {
      jurisdictions.push_back(f.version->jurisdiction);
    }
  }
  if (evaluation.findings.empty()) out += "\n" + std::string(w.no_findings) + "\n";
  for (const auto& jurisdiction : jurisdictions) {
    out += "\n== " + law.vocabulary().JurisdictionName(jurisdiction, language) + " (" + jurisdiction + ") ==\n";
    // By kind, offences first and next steps last; within a kind, those that apply first,
    // then those that may apply, in file order.
    // Definitions and the duties of the Member State are not findings against anyone: after
    // what the officer or lawyer acts on.
    for (RuleKind kind : {RuleKind::kOffence, RuleKind::kObligation, RuleKind::kRemedy, RuleKind::kReferral,
                          RuleKind::kDefinition, RuleKind::kStateDuty, RuleKind::kGap}) {
      bool heading = false;
      for (FindingStatus status : {FindingStatus::kApplies, FindingStatus::kPossible}) {
        for (const auto& f : evaluation.findings) {
          if (f.version->jurisdiction != jurisdiction || f.status != status || f.rule->kind != kind) continue;
          if (!heading) {
            out += "\n-- " + internal::KindHeading(kind, language) + " --\n";
            heading = true;
          }
          AppendFinding(out, f, evaluation, law, evidence, language, w);
        }
      }
    }
    // What the versions applied say about themselves (uncertain dates, what is missing).
    std::vector<const RulesetVersion*> noted;
    for (const auto& f : evaluation.findings) {
      for (const FindingVersion& fv : VersionsOf(f)) {
        const RulesetVersion* version = fv.version;
        const auto& levels = version->penalty_levels;
        const bool levels_note = levels && !levels->note.empty();
        if (version->jurisdiction != jurisdiction || (version->note.empty() && !levels_note)) continue;
        if (std::find(noted.begin(), noted.end(), version) != noted.end()) continue;
        noted.push_back(version);
        out += "\n  " + std::string(w.note) + " (" + version->id + "): ";
        if (!version->note.empty()) out += version->note.Get(language) + (levels_note ? " " : "");
        if (levels_note) out += levels->note.Get(language);
        out += "\n";
      }
    }
  }

  AppendEvidenceIndex(out, evidence, language);

  std::vector<std::string> questions;
  std::set<std::string> seen;
  for (const auto& f : evaluation.findings) {
    for (const auto& fact : f.missing) {
      if (!seen.insert(fact).second) continue;
      if (IsDayFact(fact)) {
        questions.push_back(internal::DayFactText(fact, evaluation, language) + " [" + fact + "]");
        continue;
      }
      auto slot = law.vocabulary().SlotOf(fact);
      std::string question = slot ? law.vocabulary().fact(*slot).question.Get(language) : "";
      if (question.empty() && slot) question = law.vocabulary().fact(*slot).label.Get(language);
      questions.push_back(question + " [" + fact + "]");
    }
  }
  if (!questions.empty()) {
    out += "\n" + std::string(w.questions) + ":\n";
    for (const auto& q : questions) out += "  - " + q + "\n";
  }

  if (const auto gaps = internal::CaseGaps(harms, evaluation, language); !gaps.empty()) {
    const internal::CaseGapWording& g = internal::CaseGapWordingFor(language);
    out += "\n" + std::string(internal::CaseGapsHeading(language)) + ":\n";
    for (const auto& gap : gaps) {
      out += "  - " + gap.harm->harm->label.Get(language) + " [" + gap.harm->harm->id + "]\n";
      out += "      " + std::string(g.why) + ": " + gap.reason + ".\n";
      for (const Finding* f : gap.readings) {
        out += "      " + std::string(g.only_on) + ": " + Citation(*f->rule, *f->version, language) + " (" +
               internal::CertaintyWord(f->certainty, language) + ")\n";
      }
      if (!gap.harm->harm->sources.empty()) out += "      " + std::string(g.sources) + ":\n";
      for (const auto& source : gap.harm->harm->sources) out += "        " + internal::SourceLine(source, language) + "\n";
    }
  }

  if (!evaluation.version_gaps.empty()) {
    out += "\n" + std::string(w.version_gaps) + ":\n";
    for (const auto& gap : evaluation.version_gaps) {
      out += "  - " + gap.jurisdiction + " " + gap.instrument + ": " + w.no_version + " " +
             (gap.anchor.as_of ? gap.anchor.date.ToString() : internal::PeriodText(gap.anchor.period, language));
      if (!gap.anchor.act.empty()) out += " (" + gap.anchor.act + ")";
      out += "; " + std::string(w.encoded) + ": ";
      std::string known;
      for (const auto* v : gap.known_versions) {
        known += (known.empty() ? "" : ", ") + v->id + " (" + v->in_force_from.ToString() + " " +
                 w.to + " " + (v->in_force_until ? v->in_force_until->ToString() : std::string(w.open)) + ")";
      }
      out += (known.empty() ? std::string(w.none_encoded) : known) + "\n";
    }
  }

  if (evaluation.options.explain && !evaluation.not_met.empty()) {
    out += "\n" + std::string(w.not_met_heading) + ":\n";
    for (const auto& n : evaluation.not_met) {
      const std::string citation = Citation(*n.rule, *n.version, language);
      out += "  - " + (citation.empty() ? "" : citation + ": ") +
             n.rule->title.Get(language);
      if (n.failed) out += "; " + std::string(w.first_failed) + ": " + n.failed->label.Get(language);
      out += "\n";
    }
  }
  return out;
}

std::string RenderProvenanceText(const Provenance& provenance, Language language) {
  std::string out = "\n" + internal::ProvenanceHeading(language) + ":\n";
  for (const auto& item : internal::ProvenanceItems(provenance, language)) {
    out += "  " + item.label + ": " + item.value + "\n";
  }
  return out;
}

}  // namespace ibsa
