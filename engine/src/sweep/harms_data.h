// Internal: what a Harms handle holds (harms.yaml read), for the sweeps and `ibsa check`.
#ifndef IBSA_SRC_SWEEP_HARMS_DATA_H_
#define IBSA_SRC_SWEEP_HARMS_DATA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "expr/condition.h"
#include "ibsa/gaps.h"

namespace ibsa::internal {

struct HarmsData {
  std::vector<Harm> harms;
  Program program;
  std::vector<int32_t> roots;         // per harm; -1 when its condition could not be read
  std::vector<std::string> rule_ids;  // a kRule node's `rule` indexes this list
  // Member by member: the snapshot round-trip test compares harms read back with the YAML's.
  friend bool operator==(const HarmsData&, const HarmsData&) = default;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_SWEEP_HARMS_DATA_H_
