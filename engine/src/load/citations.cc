#include "load/citations.h"

namespace ibsa::internal {

const std::vector<std::string> kCertaintyNames = {"settled", "likely", "contested", "unverified"};

void ReadSourceTitle(YamlReader& reader, const YAML::Node& node, Source& source) {
  if (!node.IsMap()) {
    if (auto t = reader.ReadString(node, "title")) source.title = *t;
    return;
  }
  // An EU act's title in the languages it was read in; English, the fallback, is required.
  if (!reader.CheckMap(node, "'title'", {"nl", "fr", "en"}, {"en"})) return;
  for (auto [language, out] : {std::pair{"nl", &source.titles.nl}, std::pair{"fr", &source.titles.fr},
                               std::pair{"en", &source.titles.en}}) {
    if (!node[language].IsDefined()) continue;
    if (auto t = reader.ReadString(node[language], std::string("title.") + language)) *out = *t;
  }
  source.title = source.titles.en;
}

std::vector<Source> ReadSources(YamlReader& reader, const YAML::Node& node, const std::string& owner) {
  std::vector<Source> sources;
  if (!node.IsSequence() || node.size() == 0) {
    reader.Error("E0205", node, "'sources' of " + owner + " must list at least one source",
                 {"each source: {title: ..., url: https://...}"});
    return sources;
  }
  for (const auto& item : node) {
    if (!reader.CheckMap(item, "source", {"title", "url", "pinpoint"}, {"title", "url"})) continue;
    Source source;
    ReadSourceTitle(reader, item["title"], source);
    if (auto u = reader.ReadString(item["url"], "url")) {
      source.url = *u;
      if (u->rfind("https://", 0) != 0 && u->rfind("http://", 0) != 0) {
        reader.Error("E0205", item["url"], "source url must start with https:// or http://");
      }
    }
    if (item["pinpoint"].IsDefined()) {
      if (auto p = reader.ReadString(item["pinpoint"], "pinpoint")) source.pinpoint = *p;
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

std::optional<Certainty> ReadCertainty(YamlReader& reader, const YAML::Node& node) {
  auto name = reader.ReadChoice(node, "certainty", kCertaintyNames);
  if (!name) return std::nullopt;
  if (*name == "likely") return Certainty::kLikely;
  if (*name == "contested") return Certainty::kContested;
  if (*name == "unverified") return Certainty::kUnverified;
  return Certainty::kSettled;
}

}  // namespace ibsa::internal
