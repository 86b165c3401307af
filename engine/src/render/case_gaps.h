// Internal: the legal gaps of one case, as every output of `evaluate` says them (text,
// json, the reports), so that they say the same thing from one place.
#ifndef IBSA_SRC_RENDER_CASE_GAPS_H_
#define IBSA_SRC_RENDER_CASE_GAPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "ibsa/evaluate.h"
#include "ibsa/gaps.h"
#include "ibsa/text.h"

namespace ibsa::internal {

// A gap's statuses as every output spells them (CaseGap::status, JSON gaps[].status), and
// as a case's `expect: gaps:` names them.
inline constexpr std::string_view kGapNotCovered = "not_covered";
inline constexpr std::string_view kGapContestedOnly = "contested_only";
inline constexpr std::string_view kGapPossiblyCovered = "possibly_covered";
inline constexpr std::string_view kGapStatuses[] = {kGapNotCovered, kGapContestedOnly, kGapPossiblyCovered};

// A harm the case's facts meet (or may meet) that no settled offence of the case's own
// jurisdiction covers.
struct CaseGap {
  const CaseHarm* harm = nullptr;
  // "not_covered", "contested_only" (only offences on a contested or unverified reading
  // apply) or "possibly_covered" (none applies yet; some may once unknown facts are known).
  std::string_view status;
  // Why nothing (or only an unsettled reading) covers it, in the user's language.
  std::string reason;
  // contested_only: the offences that apply on a contested or unverified reading (the harm's).
  std::vector<const Finding*> readings;
};

// Harms HarmsOfCase found covered are no gap and are left out, as are those that only may
// hold while some offence applies or may apply; the order is harms.yaml's.
std::vector<CaseGap> CaseGaps(const std::vector<CaseHarm>& harms, const Evaluation& evaluation, Language language);

// "Legal gaps", "Leemtes in het recht", "Lacunes du droit".
std::string_view CaseGapsHeading(Language language);
// The words that head one gap's parts in text: why, only on a reading, sources.
struct CaseGapWording {
  const char* why;
  const char* only_on;
  const char* sources;
};
const CaseGapWording& CaseGapWordingFor(Language language);

// "title, pinpoint <url>": a source as reports and text print it.
std::string SourceLine(const Source& source, Language language);
// "title, pinpoint", without the address; the pinpoint is left out where the title already
// names it ("Code pénal, livre II, art. 136 (…)", pinpoint "art. 136").
std::string SourceTitle(const Source& source, Language language);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_CASE_GAPS_H_
