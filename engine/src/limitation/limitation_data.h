// Internal: what a LimitationRules handle holds (every limitation.yaml read), for the time
// bars and the snapshot.
#ifndef IBSA_SRC_LIMITATION_LIMITATION_DATA_H_
#define IBSA_SRC_LIMITATION_LIMITATION_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/limitation.h"

namespace ibsa::internal {

// Each struct compares member by member: the snapshot round-trip test compares the periods
// read back with the YAML's.

// One band of a period table: offences whose statutory maximum prison term is at most
// `up_to_months` (no bound: every heavier one) lapse in `years` (none: never).
struct PeriodBand {
  std::optional<int64_t> up_to_months;
  std::optional<int> years;
  std::optional<Certainty> certainty;  // when this band is less sure than its regime
  LocalizedText certainty_reason;
  friend bool operator==(const PeriodBand&, const PeriodBand&) = default;
};

// The ordinary rule for facts from `from`; with `reaches_earlier_facts`, also for older
// facts not yet time-barred on `from` (a new limitation law applies at once to them).
struct Regime {
  LimitationProvision provision;
  Date from = Date::FromDays(0);
  bool reaches_earlier_facts = false;
  std::vector<PeriodBand> bands;
  std::optional<int> without_prison_years;  // a fine only
  int outer_factor = 1;  // with interruptions: at most this many times the period
  std::vector<std::string> rules;  // empty: every offence; else only these (id prefixes)
  friend bool operator==(const Regime&, const Regime&) = default;
};

enum class Effect { kNever, kStartAt18 };

// An exception for listed offences against a person under 18.
struct Special {
  LimitationProvision provision;
  std::vector<std::string> rules;  // rule-id prefixes
  Effect effect = Effect::kNever;
  std::optional<Date> facts_from;
  std::optional<Date> facts_until;
  bool reaches_earlier_facts = false;  // from facts_from on, also older facts not yet barred
  friend bool operator==(const Special&, const Special&) = default;
};

struct JurisdictionLimitation {
  std::string jurisdiction;
  bool start_day_after = false;  // NL art. 71: the day after the facts; BE: the day itself counts
  std::vector<Regime> regimes;   // by `from`
  std::vector<Special> specials;
  std::string file;
  friend bool operator==(const JurisdictionLimitation&, const JurisdictionLimitation&) = default;
};

struct LimitationData {
  std::vector<JurisdictionLimitation> jurisdictions;
  std::optional<int> minor_slot;  // victim.minor
  std::optional<int> age_slot;    // victim.age
  friend bool operator==(const LimitationData&, const LimitationData&) = default;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LIMITATION_LIMITATION_DATA_H_
