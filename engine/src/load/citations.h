// Internal: how law data cites, read alike wherever it is declared (the rulesets, the
// limitation periods, the action plan): its sources and the certainty of its reading.
#ifndef IBSA_SRC_LOAD_CITATIONS_H_
#define IBSA_SRC_LOAD_CITATIONS_H_

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ibsa/law.h"
#include "yaml/yaml_reader.h"

namespace ibsa::internal {

// The spellings of Certainty, in its order.
extern const std::vector<std::string> kCertaintyNames;

// A list of at least one {title, url, pinpoint?}, each url an http(s) address; E0205 for an
// empty or missing list ("'sources' of OWNER must list at least one source") or a bad url.
// A title is a string, or {nl?, fr?, en} for an act published in each language (an EU act):
// `en` is required (E0106 otherwise), and a language left out falls back to it.
std::vector<Source> ReadSources(YamlReader& reader, const YAML::Node& node, const std::string& owner);
// A source's `title`, as ReadSources reads it (a string, or {nl?, fr?, en}).
void ReadSourceTitle(YamlReader& reader, const YAML::Node& node, Source& source);

// One of kCertaintyNames (E0103 otherwise, naming them), or nullopt after reporting.
std::optional<Certainty> ReadCertainty(YamlReader& reader, const YAML::Node& node);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_CITATIONS_H_
