// File: evaluate.h
// Evaluating a case against the law, in Kleene three-valued logic.
//
// For each instrument that applies to the case (its national law and EU law),
// the version in force on the date of each act is selected (the case date for
// rules not tied to an act; --as-of overrides every date). Each rule of that
// version yields a Finding when no element is false: `applies` when every
// element is met, `possible` when some are unknown; then `missing` lists the
// unknown facts that would decide it.
//
// Evaluate is const and thread-safe; the Evaluation refers to rules and versions
// owned by the Law, which must outlive it.
#ifndef IBSA_EVALUATE_H_
#define IBSA_EVALUATE_H_

#include <optional>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

enum class Truth : uint8_t { kFalse, kTrue, kUnknown };
Truth And(Truth a, Truth b);
Truth Or(Truth a, Truth b);
Truth Not(Truth a);
std::string_view TruthName(Truth truth);  // "not_met", "met", "unknown"

enum class FindingStatus { kApplies, kPossible };
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
  Date date = Date::FromDays(0);
  bool as_of = false;
};

struct Finding {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
  FindingStatus status = FindingStatus::kPossible;
  std::vector<ElementOutcome> elements;
  std::vector<AggravationOutcome> aggravations;  // those not false
  std::vector<std::string> missing;              // sorted, unique
  std::vector<Anchor> anchors;
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
};

struct Evaluation {
  std::string case_id;
  std::string case_title;
  std::string jurisdiction;
  Date date = Date::FromDays(0);
  EvaluationOptions options;
  std::vector<Finding> findings;  // national law first, then EU
  std::vector<VersionGap> version_gaps;
  std::vector<RuleNotMet> not_met;
};

// Errors only for options that name nothing: a `with` id that is not a proposed
// ruleset version.
Result<Evaluation> Evaluate(const Law& law, const Case& c, const EvaluationOptions& options);

}  // namespace ibsa

#endif  // IBSA_EVALUATE_H_
