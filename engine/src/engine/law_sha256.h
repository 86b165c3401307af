// Internal: the law's SHA-256 (provenance.h, LawSha256) of files already read, so that
// `ibsa compile` records it from the very bytes it compiles.
#ifndef IBSA_SRC_ENGINE_LAW_SHA256_H_
#define IBSA_SRC_ENGINE_LAW_SHA256_H_

#include <string>
#include <utility>
#include <vector>

namespace ibsa::internal {

// LawSha256 of the YAML files `files`: (path relative to the folder, content), every YAML
// file below it, in any order.
std::string LawSha256Of(std::vector<std::pair<std::string, std::string>> files);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_ENGINE_LAW_SHA256_H_
