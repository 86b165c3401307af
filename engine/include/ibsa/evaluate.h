// File: evaluate.h
// Evaluating a case against the law, in Kleene three-valued logic.
//
// For each instrument that applies to the case (its national law and EU law),
// the version in force on the date of each act is selected (the case date for
// rules not tied to an act; --as-of overrides every date). A date given as a period (a
// month, a year, a range) that spans a change of the law selects every version in force
// on one of its days; their findings are at most possible (Finding::day_decides). Each rule of that
// version yields a Finding when no element is false: `applies` when every
// element is met, `possible` when some are unknown; then `missing` lists the
// unknown facts that would decide it.
//
// Evaluate is const and thread-safe; the Evaluation refers to rules and versions
// owned by the Law, which must outlive it.
#ifndef IBSA_EVALUATE_H_
#define IBSA_EVALUATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/law.h"
#include "ibsa/limitation.h"
#include "ibsa/status.h"
#include "ibsa/truth.h"

namespace ibsa {

enum class FindingStatus { kApplies, kPossible };

// What Finding::missing names the date of the facts when its day decides a finding (an
// act's date is "acts.TYPE.date"): no fact of the vocabulary, but as unknown as one.
inline constexpr std::string_view kDateOfFactsName = "date";
// Whether `name` in Finding::missing is a date whose day decides ("date", "acts.share.date").
bool IsDayFact(std::string_view name);
std::string_view FindingStatusName(FindingStatus status);

struct ElementOutcome {
  const Element* element = nullptr;
  Truth truth = Truth::kUnknown;
  std::vector<std::string> missing;  // unknown facts that would decide it
};

struct AggravationOutcome {
  const Aggravation* aggravation = nullptr;
  Truth truth = Truth::kUnknown;
  std::vector<std::string> missing;
};

// Why a version was selected: an act and its date, or the case date (act empty),
// or the --as-of date.
struct Anchor {
  std::string act;
  Date date = Date::FromDays(0);  // the first day of `period`
  bool as_of = false;
  // The days the act (or the facts) may have taken place, as given; one day for an
  // exact date and for --as-of.
  DatePeriod period;
};

// Lex mitior: when the law changed between the act and the assessment, the law more
// favourable to the suspect applies (BE art. 2 Sw, NL art. 1(2) Sr). For an offence,
// the version in force on the assessment date is compared with the one applied.
enum class Favourable {
  kEarlier,       // the law at the time of the act is more favourable
  kLater,         // the law at the time of assessment is more favourable
  kSame,          // the penalties are the same
  kUndetermined,  // see the reason
};
enum class ComparisonBasis {
  kNotCoveredLater,    // the later law's elements are not met by these facts
  kNoSuccessor,        // no rule of the later version continues this one
  kNoLaterVersion,     // no version is encoded for the assessment date
  kSuccessorUnknown,   // whether the later rule is met depends on unknown facts
  kPenaltyUnverified,  // a penalty to compare is not verified
  kMaximumPrison,
  kMinimumPrison,
  kMaximumFine,
  kLevel,
  kSamePenalty,
  kProvisionUnverified,  // the rule applied or its successor is itself unverified
};
std::string_view FavourableName(Favourable favourable);
std::string_view ComparisonBasisName(ComparisonBasis basis);

struct LexMitior {
  Date assessed_on = Date::FromDays(0);
  const RulesetVersion* later_version = nullptr;  // in force on assessed_on
  std::vector<const Rule*> successors;            // rules of later_version continuing this one
  Truth successor_truth = Truth::kUnknown;        // whether the facts meet a successor
  Favourable favourable = Favourable::kUndetermined;
  ComparisonBasis basis = ComparisonBasis::kNoSuccessor;
};

// One version a finding rests on, with its rule (of the finding's id).
struct FindingVersion {
  const RulesetVersion* version = nullptr;
  const Rule* rule = nullptr;
  friend bool operator==(const FindingVersion&, const FindingVersion&) = default;
};

struct Finding {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
  // Empty when the finding rests on `version` alone. Where a date given as a period spans a
  // change of the law and the rule reads alike in the versions in force on its days (the
  // same article, elements, status and penalty, judged the same way on these facts:
  // `ReadsAlike` in eval/evaluator.cc says what is compared), one finding stands for all
  // of them: every version, in the order they came into force, `version` and `rule` being
  // the first; the anchors are those of all of them.
  std::vector<FindingVersion> versions;
  FindingStatus status = FindingStatus::kPossible;
  // How sure the reading is that the finding rests on: the least sure of its rule's own
  // certainty and those of the rules its met elements hold through (art. 171 C. pén. is
  // settled, but through the nudity reading of art. 170 it is likely). A referral keeps its
  // own: reporting a possible offence is sound advice however sure its reading is. Every
  // output heads and qualifies the finding by this.
  Certainty certainty = Certainty::kSettled;
  // The rule whose certainty that is, when it is not the finding's own ({} otherwise): the
  // outputs give its citation and its reason.
  FindingVersion certainty_from;
  std::vector<ElementOutcome> elements;
  std::vector<AggravationOutcome> aggravations;  // those not false
  std::vector<std::string> missing;              // sorted, unique
  std::vector<Anchor> anchors;
  // The version is in force on only some days of each anchor's period (a month, a year or
  // a range across a change of the law): which day it was decides whether it applies, so
  // the finding is at most possible and `missing` names the date ("date" for the date of
  // the facts, also for an act without a date of its own; "acts.TYPE.date" for an act's
  // own). False when another version in force on the
  // other days judges the same rule (by id) the same way: then the day does not matter.
  bool day_decides = false;
  // Set for offences when a different version is in force on the assessment date.
  std::optional<LexMitior> lex_mitior;
  // For offences, when the law carries limitation rules for its jurisdiction: when
  // prosecution becomes time-barred (ibsa/limitation.h).
  std::optional<LimitationOutcome> limitation;
};

// A rule that does not apply, with the first element that is not met; only
// reported when asked for (EvaluationOptions::explain).
struct RuleNotMet {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
  const Element* failed = nullptr;
};

// A date on which an instrument that applies to the case has no encoded version.
struct VersionGap {
  std::string jurisdiction;
  std::string instrument;
  Anchor anchor;
  // The versions that do exist, to say what is covered.
  std::vector<const RulesetVersion*> known_versions;
};

struct EvaluationOptions {
  // Selects versions on this date instead of the date of each act. Default: none.
  std::optional<Date> as_of;
  // Ids of proposed ruleset versions (bills) to overlay. Default: none.
  std::vector<std::string> with;
  // Also report the rules that do not apply and why. Default: false.
  bool explain = false;
  // The date of the assessment (judgment, advice): when the law in force then differs
  // from the law applied to an act, both are compared (lex mitior). Default: none (no
  // comparison); the CLI passes today.
  std::optional<Date> assessed_on;
};

struct Evaluation {
  std::string case_id;
  std::string case_title;
  std::string jurisdiction;
  Date date = Date::FromDays(0);  // the first day of `period`
  DatePeriod period;              // the date of the facts, as the case gives it
  EvaluationOptions options;
  std::vector<Finding> findings;  // national law first, then EU
  std::vector<VersionGap> version_gaps;
  std::vector<RuleNotMet> not_met;
  // The case's perpetrator.minor: penalties stated as levels say what follows from it.
  Truth perpetrator_minor = Truth::kUnknown;
  // What the result holds despite: W0001, facts dated after the assessment date.
  std::vector<Diagnostic> warnings;
};

// The versions `finding` rests on: its `versions`, or its one `version` and `rule`.
std::vector<FindingVersion> VersionsOf(const Finding& finding);

// Errors: a `with` id that is not a proposed ruleset version (E0301, E0302); an assessment
// date before all the encoded law (E0303).
Result<Evaluation> Evaluate(const Law& law, const Case& c, const EvaluationOptions& options);

}  // namespace ibsa

#endif  // IBSA_EVALUATE_H_
