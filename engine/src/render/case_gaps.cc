#include "render/case_gaps.h"

#include <cctype>

namespace ibsa::internal {
namespace {

// Why a harm is a gap, by how HarmsOfCase found it covered.
struct ReasonWording {
  const char* gap_true;
  const char* gap_maybe;
  const char* possibly_covered;
  const char* covered_by_reading;
};

const ReasonWording& ReasonWordingFor(Language language) {
  static const ReasonWording kEn = {
      "holds on these facts, and no offence applies or may apply: a legal gap",
      "may hold (it depends on facts still unknown), and no offence applies or may apply: a possible legal gap",
      "holds or may hold; no offence applies yet, some may once the open questions are answered",
      "holds or may hold; only offences whose reading is contested or unverified apply"};
  static const ReasonWording kNl = {
      "geldt voor deze feiten, en geen misdrijf is of kan van toepassing zijn: een leemte in het recht",
      "kan gelden (hangt af van nog onbekende feiten), en geen misdrijf is of kan van toepassing zijn: een mogelijke leemte",
      "geldt of kan gelden; nog geen misdrijf is van toepassing, sommige mogelijk zodra de open vragen beantwoord zijn",
      "geldt of kan gelden; alleen misdrijven met een betwiste of niet geverifieerde lezing zijn van toepassing"};
  static const ReasonWording kFr = {
      "est réalisé par ces faits, et aucune infraction ne s'applique ni ne peut s'appliquer : une lacune du droit",
      "peut être réalisé (selon des faits encore inconnus), et aucune infraction ne s'applique ni ne peut s'appliquer : une lacune possible",
      "est ou peut être réalisé ; aucune infraction ne s'applique encore, certaines pourraient une fois les questions ouvertes tranchées",
      "est ou peut être réalisé ; seules s'appliquent des infractions dont la lecture est contestée ou non vérifiée"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

}  // namespace

std::vector<CaseGap> CaseGaps(const std::vector<CaseHarm>& harms, const Evaluation& evaluation, Language language) {
  const ReasonWording& w = ReasonWordingFor(language);
  std::vector<CaseGap> gaps;
  for (const auto& h : harms) {
    // A harm that only may hold is a gap worth saying only where nothing applies or may
    // apply: otherwise the open questions decide both whether it holds and what covers it.
    if (h.holds != Truth::kTrue && h.coverage != HarmCoverage::kNotCovered) continue;
    CaseGap gap;
    gap.harm = &h;
    switch (h.coverage) {
      case HarmCoverage::kCovered: continue;
      case HarmCoverage::kCoveredOnlyByReading:
        gap.status = kGapContestedOnly;
        gap.reason = w.covered_by_reading;
        for (size_t i : h.readings) gap.readings.push_back(&evaluation.findings[i]);
        break;
      case HarmCoverage::kPossiblyCovered:
        gap.status = kGapPossiblyCovered;
        gap.reason = w.possibly_covered;
        break;
      case HarmCoverage::kNotCovered:
        gap.status = kGapNotCovered;
        gap.reason = h.holds == Truth::kTrue ? w.gap_true : w.gap_maybe;
        break;
    }
    gaps.push_back(std::move(gap));
  }
  return gaps;
}

std::string_view CaseGapsHeading(Language language) {
  switch (language) {
    case Language::kNl: return "Leemtes in het recht";
    case Language::kFr: return "Lacunes du droit";
    case Language::kEn: return "Legal gaps";
  }
  return "Legal gaps";
}

const CaseGapWording& CaseGapWordingFor(Language language) {
  static const CaseGapWording kEn = {"Why", "Only on a contested or unverified reading", "Sources"};
  static const CaseGapWording kNl = {"Waarom", "Alleen bij een betwiste of niet geverifieerde lezing", "Bronnen"};
  static const CaseGapWording kFr = {"Pourquoi", "Seulement selon une lecture contestée ou non vérifiée", "Sources"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

std::string SourceTitle(const Source& source, Language language) {
  std::string title = source.Title(language);
  if (source.pinpoint.empty()) return title;
  // Named when the pinpoint is in the title as a whole: "art. 13" is not in "art. 136".
  for (size_t at = title.find(source.pinpoint); at != std::string::npos; at = title.find(source.pinpoint, at + 1)) {
    const size_t end = at + source.pinpoint.size();
    if (end == title.size() || !std::isalnum(static_cast<unsigned char>(title[end]))) return title;
  }
  return title + ", " + source.pinpoint;
}

std::string SourceLine(const Source& source, Language language) {
  return SourceTitle(source, language) + " <" + source.url + ">";
}

}  // namespace ibsa::internal
