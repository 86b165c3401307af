// Internal: what an Actions handle holds (actions.yaml read), for the plan and the snapshot.
#ifndef IBSA_SRC_ACT_ACTIONS_DATA_H_
#define IBSA_SRC_ACT_ACTIONS_DATA_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ibsa/actions.h"

namespace ibsa::internal {

// `close_to_limitation`: an offence finding that may become time-barred less than
// `within_months` whole months after the assessment date becomes an action. The
// declaration (rule empty) of each jurisdiction carries the class, the actor and the
// deadline's words and sources; the last day is the finding's.
struct CloseToLimitation {
  int within_months = 0;
  std::vector<std::pair<std::string, ActionDeclaration>> by_jurisdiction;
  friend bool operator==(const CloseToLimitation&, const CloseToLimitation&) = default;
};

struct ActionsData {
  std::vector<ActionClass> classes;
  std::vector<ActionDeclaration> declarations;  // by class, then in the file's order
  std::optional<CloseToLimitation> close_to_limitation;
  // Member by member: the snapshot round-trip test compares the actions read back with the YAML's.
  friend bool operator==(const ActionsData&, const ActionsData&) = default;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_ACT_ACTIONS_DATA_H_
