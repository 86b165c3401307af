// The proposals (bills) a caller asks to overlay on the law, checked once for every path.
#ifndef IBSA_SRC_LOAD_PROPOSALS_H_
#define IBSA_SRC_LOAD_PROPOSALS_H_

#include <string>
#include <string_view>
#include <vector>

#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa::internal {

// The one check of the proposals to overlay (evaluate, gaps, diff, the API): each id must
// name a proposed version (E0301 lists the known proposals, E0302 refuses a version that is
// not a proposal) of a law that applies in `jurisdiction` (E0304). Defined in law.cc.
Status CheckProposals(const Law& law, const std::vector<std::string>& with, std::string_view jurisdiction);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_PROPOSALS_H_
