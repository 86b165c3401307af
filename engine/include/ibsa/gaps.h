// File: gaps.h
// Policymakers' tools: which harmful situations no offence covers (gaps), and which
// situations change between two dates, two jurisdictions, or the law and a bill (diff).
//
// Both sweep the whole scenario space symbolically: every condition is compiled into a
// binary decision diagram over the facts the rules and harms read (enumerations as
// one-hot variables, ages and dates by the thresholds the conditions use), so the
// answer covers every combination of known facts, not a sample. Results are grouped
// into patterns: sets of scenarios described by the fewest fact constraints, of which a
// reader is shown a few (kPatternsShown), each of a few conditions (kConditionsShown).
// The counts are of combinations of facts, not of cases: they measure how much of the
// situations the law could meet a gap spans, never how often it happens.
#ifndef IBSA_GAPS_H_
#define IBSA_GAPS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/law.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

namespace internal {
struct HarmsData;
class Access;
}  // namespace internal

// A protected interest (rulesets/harms.yaml). kind "harm": a harmful situation that the
// criminal law should cover; kind "transposition": a situation an EU directive requires
// the member state to criminalise (its condition names the directive's rule).
struct Harm {
  std::string id;
  std::string kind;  // "harm" or "transposition"
  LocalizedText label;
  std::vector<Source> sources;
  SourceLocation location;
  friend bool operator==(const Harm&, const Harm&) = default;
};

class Harms {
 public:
  static Result<Harms> Load(const std::string& path, const Law& law);
  static Result<Harms> Parse(const std::string& text, const std::string& file, const Law& law);
  const std::vector<Harm>& harms() const;

 private:
  friend class internal::Access;
  explicit Harms(std::shared_ptr<const internal::HarmsData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::HarmsData> data_;
};

// For one case: whether each harm holds on its facts, and whether an offence of the
// case's jurisdiction covers it, as `ibsa gaps` defines a gap, for these facts only.
enum class HarmCoverage {
  kCovered,               // an offence applies
  kCoveredOnlyByReading,  // only offences that are contested or unverified apply
  kPossiblyCovered,       // no offence applies, but some may once unknown facts are known
  kNotCovered,            // no offence applies or may apply: a legal gap
};
struct CaseHarm {
  const Harm* harm = nullptr;
  Truth holds = Truth::kUnknown;  // kTrue or kUnknown (harms that do not hold are left out)
  HarmCoverage coverage = HarmCoverage::kNotCovered;
  // kCoveredOnlyByReading: the offence findings that apply only on a contested or unverified
  // reading, as indexes into the findings of the evaluation given to HarmsOfCase (indexes, so
  // that a copied Assessment stays right).
  std::vector<size_t> readings;
};
std::vector<CaseHarm> HarmsOfCase(const Harms& harms, const Case& c, const Evaluation& evaluation);

// One fact constraint of a pattern: "image.technique is synthetic", "victim.age 16 to 17".
// The structure says exactly which values the pattern allows; `text` is its English phrase.
enum class ConstraintOp {
  kIs,        // bool: values {"true"} or {"false"}
  kIn,        // enum: the value is one of `values`
  kHas,       // set: the member values[0] is present
  kHasNot,    // set: the member values[0] is absent
  kInRanges,  // int, date: the value lies in one of `ranges`
};
std::string_view ConstraintOpName(ConstraintOp op);  // "is", "in", "has", "has_not", "in_ranges"

// Inclusive bounds; an absent bound is open. Dates count days since 1970-01-01.
struct ValueRange {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

struct Constraint {
  std::string fact;
  std::string text;  // the phrase reports print after the fact's name
  FactType type = FactType::kBool;
  ConstraintOp op = ConstraintOp::kIs;
  std::vector<std::string> values;  // kIs, kIn, kHas, kHasNot
  std::vector<ValueRange> ranges;   // kInRanges, in increasing order, not adjacent
};

// At most this many patterns are shown per group (the rest are counted), each naming at
// most this many conditions (a pattern that needs more is said to be narrower).
inline constexpr size_t kPatternsShown = 5;
inline constexpr size_t kConditionsShown = 8;

struct Pattern {
  // In vocabulary order; facts not named are free, or do not tell the group's scenarios
  // apart from the rest of the harm (a gap's pattern is read within its harm).
  std::vector<Constraint> constraints;
  // Conditions the pattern also needs that are not among `constraints` (it is narrower than
  // they say); the ones shown are those that keep most of the harm outside the group.
  size_t conditions_not_shown = 0;
  double scenarios = 0;                 // how many scenarios of the space it covers
  // Of those, the scenarios that break no constraint the vocabulary says usually holds
  // (severity: warning): how plausible the pattern is; patterns are ranked by it.
  double usual_scenarios = 0;
  // One scenario of the pattern, built and checked by CaseBuilder: every fact the sweep
  // varies has a value, so that evaluating it decides every offence swept. Its id,
  // "gap-BE-2025-06-01-<harm>-3", numbers the patterns of a group in the order shown.
  std::optional<Case> example;
};

// The example as a case file: a comment saying what it is, then CaseToYaml.
std::string ExampleCaseFile(const Pattern& pattern, const Vocabulary& vocabulary);

struct GapOptions {
  std::string jurisdiction;             // BE or NL
  Date date = Date::FromDays(0);        // the law in force on this date
  // Proposals to overlay, each swept as if in force on `date` (a bill's placeholder date is
  // no date at all). Refused (E0301, E0302, E0304) unless each is a proposal of a law that
  // applies in `jurisdiction`.
  std::vector<std::string> with;
};

struct HarmGaps {
  const Harm* harm = nullptr;
  double harm_scenarios = 0;  // scenarios in which the harm holds
  double gap_scenarios = 0;   // of those, scenarios no offence covers
  std::vector<Pattern> patterns;   // at most kPatternsShown
  size_t more_patterns = 0;        // found but not shown: smaller or less usual
  double more_scenarios = 0;       // gap scenarios in none of the patterns shown
  // Scenarios covered only by offences whose reading is contested or unverified: where
  // the law's reach is uncertain rather than absent.
  double uncertain_scenarios = 0;
  std::vector<Pattern> uncertain_patterns;
  size_t uncertain_more_patterns = 0;
  double uncertain_more_scenarios = 0;
};

struct GapReport {
  GapOptions options;
  const Vocabulary* vocabulary = nullptr;       // of the law swept: writes the examples
  std::vector<const RulesetVersion*> versions;  // the national versions swept
  std::vector<std::string> facts;               // the facts the sweep varies
  double space = 0;                              // scenarios in the space
  std::vector<HarmGaps> harms;
};

Result<GapReport> FindGaps(const Law& law, const Harms& harms, const GapOptions& options);

// Two states of the law to compare: the same jurisdiction on two dates, two
// jurisdictions on one date, or one date without and with proposals.
struct DiffSide {
  std::string jurisdiction;
  Date date = Date::FromDays(0);
  std::vector<std::string> with;  // as GapOptions::with: checked, and in force on `date`
};

// What changes for a group of scenarios between the left and the right state of the law.
enum class DiffChangeKind {
  kCoveredOnlyLeft,   // an offence on the left covers them, none on the right
  kCoveredOnlyRight,  // an offence on the right covers them, none on the left
  // Within one jurisdiction, offence by offence (a later offence continues an earlier one
  // when it keeps its id or names it in replaces:):
  kPenaltyChanged,    // covered by both, with another penalty on the right
  kOffenceRemoved,    // covered by a left offence that no right offence continues
  kNoLongerCovered,   // covered by a left offence but not by any of its successors
  kNewlyCovered,      // covered by a right offence but not by any of its predecessors
  kOffenceAdded,      // covered by a right offence that continues no left offence
  // A right offence that names a left one in replaces: under another article, covering the
  // same scenarios (the same diagram over the sweep) with the same penalty fields: the
  // conduct is punished as before, under a new number. No scenario changes.
  kRenumbered,
};
// "covered_only_left", "covered_only_right", "penalty_changed", "offence_removed",
// "no_longer_covered", "newly_covered", "offence_added", "renumbered": `kind` in JSON.
std::string_view DiffChangeKindName(DiffChangeKind kind);

// An offence as the diff names it: its rule and the version that cites it ("art. 254ba Sr").
struct DiffOffence {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
};

struct DiffChange {
  DiffChangeKind kind = DiffChangeKind::kCoveredOnlyLeft;
  std::string rule;     // the offence concerned (id of the side where it applies); "" for kCoveredOnly*
  std::string article;
  // kPenaltyChanged and kRenumbered: the earlier offence (left) and the later one (right,
  // `rule`).
  const Rule* earlier = nullptr;
  const Rule* later = nullptr;
  // Where the offence continues under another article (kRenumbered always; kPenaltyChanged,
  // kNoLongerCovered and kNewlyCovered when a rule of the other side names it or is named in
  // replaces: with another article): the old numbers and the new ones.
  std::vector<DiffOffence> renumbered_from, renumbered_to;
  double scenarios = 0;  // kRenumbered: the scenarios the offence covers on both sides
  std::vector<Pattern> patterns;  // at most kPatternsShown; none for kRenumbered
  size_t more_patterns = 0;
  double more_scenarios = 0;
};

// How the combinations of facts in which a harm holds divide on one side of a diff (the
// summary's row): `covered` by a settled or likely offence, `by_reading` only by a
// contested or unverified one, `not_covered` by none. Counts; shares are of `harm`.
struct HarmCoverageCounts {
  double harm = 0;
  double covered = 0;
  double by_reading = 0;
  double not_covered = 0;
};
struct HarmShift {
  const Harm* harm = nullptr;
  HarmCoverageCounts left;
  HarmCoverageCounts right;
};

struct DiffReport {
  DiffSide left;
  DiffSide right;  // its proposals are swept as if in force on right.date, whatever their dates
  std::vector<const RulesetVersion*> versions;  // the national versions swept: the left's, then the right's
  const Vocabulary* vocabulary = nullptr;  // of the law compared: writes the examples
  std::vector<std::string> facts;
  double space = 0;
  std::vector<DiffChange> changes;
  std::vector<HarmShift> harms;  // the summary: empty when no harms were given
};

// With `harms`, the report opens with how each harm's coverage shifts (each side swept
// over its own space).
Result<DiffReport> Diff(const Law& law, const DiffSide& left, const DiffSide& right, const Harms* harms = nullptr);

// RenderGaps and RenderDiff are in render.h.

}  // namespace ibsa

#endif  // IBSA_GAPS_H_
