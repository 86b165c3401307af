// File: limitation.h
// When prosecution of an offence finding becomes time-barred (BE: Preliminary Title of the
// Code of Criminal Procedure, arts 21-21bis; NL: arts 70-72 Sr), read from the law folder's
// <jurisdiction>/limitation.yaml files (docs/ruleset-format.md#limitation-periods).
//
// ibsa cannot see acts that interrupt or suspend prescription, nor whether a trial court
// was seized, so an outcome is a range of dates with the conditions that decide within it,
// never a single date that claims more than the law tells.
#ifndef IBSA_LIMITATION_H_
#define IBSA_LIMITATION_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/text.h"
#include "ibsa/truth.h"

namespace ibsa {

class Case;
struct Finding;

namespace internal {
struct LimitationData;
class Access;
}

// A provision of the limitation law, as cited by an outcome.
struct LimitationProvision {
  std::string id;        // "nl.sr.70"
  std::string article;   // "70 lid 1, 71, 72"
  LocalizedText instrument;  // as each language cites it: "V.T.Sv." / "T.p.C.p.p."
  LocalizedText title;
  LocalizedText caveat;  // what ibsa cannot see (interruption, a trial court seized)
  Certainty certainty = Certainty::kSettled;
  LocalizedText certainty_reason;
  std::vector<Source> sources;
  friend bool operator==(const LimitationProvision&, const LimitationProvision&) = default;
};

// The time bar under one reading of the facts (victim.minor true, or false, or known).
struct LimitationScenario {
  // The fact this reading assumes and its value ("victim.minor", true); empty when the case
  // states every fact that decides.
  std::string assumed_fact;
  bool assumed_value = false;
  std::vector<const LimitationProvision*> provisions;  // applied, in order
  std::optional<int> period_years;                     // empty: does not lapse
  // The period starts on a day in [starts_on, starts_on_latest] (one day, unless it starts
  // at the victim's 18th birthday and only the age is known).
  std::optional<Date> starts_on;
  std::optional<Date> starts_on_latest;
  // The period starts at the victim's 18th birthday, known from the age only within a year:
  // the date of birth decides where in [starts_on, starts_on_latest] (with the day of the
  // facts, when they are dated as a period).
  bool starts_at_majority = false;
  // Time-barred from a day in [barred_from, barred_from_latest]: the earliest without any
  // interruption, the latest with every interruption the law allows. Both empty: never.
  std::optional<Date> barred_from;
  std::optional<Date> barred_from_latest;
  // An interruption ibsa cannot see may carry it under a rule where it never lapses; or, for
  // facts dated as a period, it lapses if they were on one of its days and not on another.
  bool may_never_lapse = false;
  // Facts dated as a period (a month, a range) whose first and last days give different time
  // bars: the fields above hold for the whole period (counted from its first day at the
  // earliest, from its last at the latest), and which day it was decides in between.
  // `barred_from_last_day` is the day it is time-barred from, without interruptions, had the
  // facts been on the last day (empty: never); `on_last_day` holds that day's own reading
  // when it applies another period or provision (a rule for minors that reaches only facts
  // from a given date), and is empty otherwise.
  bool day_decides = false;
  std::optional<Date> barred_from_last_day;
  std::vector<LimitationScenario> on_last_day;
  // False when the law encoded does not say which period applies (the offence's penalty is
  // not encoded, or no regime covers the date): the reason is the certainty's.
  bool known = true;
  Certainty certainty = Certainty::kSettled;
};

struct LimitationOutcome {
  std::vector<LimitationScenario> scenarios;  // one, or one per value of the deciding fact
  std::optional<Date> assessed_on;
  // Whether prosecution is time-barred on assessed_on (unknown without it, or when an
  // unknown fact or an interruption ibsa cannot see decides).
  Truth lapsed = Truth::kUnknown;
  // Unknown facts that decide which scenario holds.
  std::vector<std::string> decided_by;
  // Whole months from assessed_on to the earliest day it may become time-barred, when it
  // is not yet time-barred on assessed_on: what the action plan reads.
  std::optional<int> ends_within_months;
  Certainty certainty = Certainty::kSettled;  // the weakest of the scenarios
};

// The limitation rules of every jurisdiction of a law folder.
class LimitationRules {
 public:
  // Reads <directory>/<j>/limitation.yaml for every jurisdiction folder that has one;
  // their rule ids must be rule-id prefixes of `law`. Errors are located (file:line:col).
  static Result<LimitationRules> Load(const std::string& directory, const Law& law);
  // From (file name, text) pairs; for tests.
  static Result<LimitationRules> FromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                                           const Law& law);

  bool Covers(const std::string& jurisdiction) const;
  // The time bar of an offence finding of `c`; nullopt for other kinds and for a
  // jurisdiction without limitation rules.
  std::optional<LimitationOutcome> Of(const Finding& finding, const Case& c,
                                      std::optional<Date> assessed_on) const;

 private:
  explicit LimitationRules(std::shared_ptr<const internal::LimitationData> data) : data_(std::move(data)) {}
  friend class internal::Access;
  std::shared_ptr<const internal::LimitationData> data_;
};

// Calendar arithmetic of periods counted in years and months: 29 February plus a year is
// 28 February (the last day of that month).
Date AddYears(Date date, int years);
// Whole months from `from` to `to` (0 when `to` is not after `from`).
int WholeMonthsBetween(Date from, Date to);

}  // namespace ibsa

#endif  // IBSA_LIMITATION_H_
