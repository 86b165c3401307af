// Internal: the JSON `provenance` object (docs/json-format.md), one writer for every output
// that carries it (evaluate, gaps, diff).
#ifndef IBSA_SRC_RENDER_PROVENANCE_JSON_H_
#define IBSA_SRC_RENDER_PROVENANCE_JSON_H_

#include <nlohmann/json.hpp>

#include "ibsa/provenance.h"

namespace ibsa::internal {

nlohmann::json ProvenanceJson(const Provenance& provenance);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_PROVENANCE_JSON_H_
