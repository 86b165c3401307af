#include "yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace ibsa::internal {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::vector<std::string> Suggest(std::string_view word,
                                 const std::vector<std::string>& candidates) {
  std::vector<std::pair<size_t, std::string>> scored;
  const size_t limit = std::max<size_t>(2, word.size() / 3);
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;
    size_t distance = EditDistance(word, candidate);
    // "age" for "victim.age": the user left out the group.
    if (EndsWith(candidate, "." + std::string(word))) distance = 1;
    // "minor" for "victim.minor" in another group: compare the last parts.
    auto dot = candidate.rfind('.');
    if (dot != std::string::npos && word.find('.') != std::string_view::npos) {
      auto word_leaf = word.substr(word.rfind('.') + 1);
      if (candidate.substr(dot + 1) == word_leaf) distance = std::min<size_t>(distance, 2);
    }
    if (distance <= limit) scored.emplace_back(distance, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> result;
  for (auto& [distance, candidate] : scored) {
    if (result.size() == 3) break;
    result.push_back(candidate);
  }
  return result;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  auto suggestions = Suggest(word, candidates);
  if (suggestions.empty()) return "";
  return "did you mean '" + suggestions.front() + "'?";
}

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += "'" + item + "'";
  }
  return out;
}

bool IsUnknownScalar(const YAML::Node& node) {
  if (node.IsNull()) return true;
  return node.IsScalar() && node.Scalar() == "unknown";
}

YamlReader::YamlReader(std::string text, std::string file)
    : text_(std::move(text)), file_(std::move(file)) {}

std::optional<YAML::Node> YamlReader::Parse() {
  try {
    return YAML::Load(text_);
  } catch (const YAML::Exception& e) {
    SourceLocation location{file_, e.mark.line + 1, e.mark.column + 1};
    if (e.mark.is_null()) location = LocateFileStart();
    Error("E0002", location, "malformed YAML: " + e.msg);
    return std::nullopt;
  }
}

SourceLocation YamlReader::Locate(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return LocateFileStart();
  return SourceLocation{file_, mark.line + 1, mark.column + 1};
}

SourceLocation YamlReader::LocateFileStart() const { return SourceLocation{file_, 1, 1}; }

std::string YamlReader::LineAt(int line) const {
  if (line <= 0) return "";
  size_t start = 0;
  for (int current = 1; current < line; ++current) {
    size_t newline = text_.find('\n', start);
    if (newline == std::string::npos) return "";
    start = newline + 1;
  }
  size_t end = text_.find('\n', start);
  std::string result = text_.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!result.empty() && result.back() == '\r') result.pop_back();
  return result;
}

void YamlReader::Error(std::string code, const YAML::Node& node, std::string message,
                       std::vector<std::string> help) {
  int span = 1;
  if (node.IsDefined() && node.IsScalar()) span = std::max<int>(1, node.Scalar().size());
  Error(std::move(code), Locate(node), std::move(message), std::move(help), span);
}

void YamlReader::Error(std::string code, const SourceLocation& location, std::string message,
                       std::vector<std::string> help, int span) {
  Diagnostic diagnostic;
  diagnostic.code = std::move(code);
  diagnostic.location = location;
  diagnostic.message = std::move(message);
  for (auto& line : help) {
    if (!line.empty()) diagnostic.help.push_back(std::move(line));
  }
  diagnostic.excerpt = LineAt(location.line);
  const int room = static_cast<int>(diagnostic.excerpt.size()) - location.column + 1;
  diagnostic.span = std::max(1, std::min(span, room));
  diagnostics_.push_back(std::move(diagnostic));
}

bool YamlReader::CheckNoDuplicateKeys(const YAML::Node& node, std::string_view what) {
  std::set<std::string> seen;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string key = it->first.Scalar();
    if (!seen.insert(key).second) {
      Error("E0109", it->first, "duplicate key '" + key + "' in " + std::string(what));
      ok = false;
    }
  }
  return ok;
}

bool YamlReader::CheckMap(const YAML::Node& node, std::string_view what,
                          const std::vector<std::string>& allowed,
                          const std::vector<std::string>& required) {
  if (!node.IsMap()) {
    Error("E0104", node, std::string(what) + " must be a map of keys to values");
    return false;
  }
  CheckNoDuplicateKeys(node, what);
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      Error("E0104", it->first, "keys of " + std::string(what) + " must be plain words");
      continue;
    }
    const std::string key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      Error("E0101", it->first, "unknown key '" + key + "' in " + std::string(what),
            {DidYouMean(key, allowed), "allowed keys: " + JoinQuoted(allowed)});
    }
  }
  for (const auto& key : required) {
    if (!node[key].IsDefined()) {
      Error("E0106", node, "missing key '" + key + "' in " + std::string(what));
    }
  }
  return true;
}

std::optional<std::string> YamlReader::ReadString(const YAML::Node& node, std::string_view key) {
  if (!node.IsScalar()) {
    Error("E0104", node, "'" + std::string(key) + "' must be text");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> YamlReader::ReadBool(const YAML::Node& node, std::string_view key) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  Error("E0104", node, "'" + std::string(key) + "' must be true or false",
        {"write true, false or unknown"});
  return std::nullopt;
}

std::optional<int64_t> YamlReader::ReadInt(const YAML::Node& node, std::string_view key) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
  }
  Error("E0104", node, "'" + std::string(key) + "' must be a whole number");
  return std::nullopt;
}

std::optional<Date> YamlReader::ReadDate(const YAML::Node& node, std::string_view key) {
  if (node.IsScalar()) {
    if (auto date = Date::Parse(node.Scalar())) return date;
    Error("E0105", node,
          "'" + std::string(key) + "': '" + node.Scalar() + "' is not a date",
          {"write a calendar date as YYYY-MM-DD, e.g. 2025-03-14"});
    return std::nullopt;
  }
  Error("E0105", node, "'" + std::string(key) + "' must be a date (YYYY-MM-DD)");
  return std::nullopt;
}

std::optional<std::string> YamlReader::ReadChoice(const YAML::Node& node, std::string_view key,
                                                  const std::vector<std::string>& allowed) {
  auto value = ReadString(node, key);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    Error("E0103", node, "'" + std::string(key) + "': '" + *value + "' is not allowed",
          {DidYouMean(*value, allowed), "allowed: " + JoinQuoted(allowed)});
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> YamlReader::ReadStringList(const YAML::Node& node,
                                                                   std::string_view key) {
  if (!node.IsSequence()) {
    Error("E0104", node, "'" + std::string(key) + "' must be a list");
    return std::nullopt;
  }
  std::vector<std::string> result;
  bool ok = true;
  for (const auto& item : node) {
    if (auto s = ReadString(item, key)) {
      result.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return result;
}

std::optional<LocalizedText> YamlReader::ReadLocalized(const YAML::Node& node,
                                                       std::string_view key) {
  const std::string what = "'" + std::string(key) + "'";
  if (!CheckMap(node, what, {"nl", "fr", "en"}, {"nl", "fr", "en"})) return std::nullopt;
  LocalizedText text;
  bool ok = true;
  auto read = [&](const char* language, std::string& out) {
    const YAML::Node value = node[language];
    if (!value.IsDefined()) {
      ok = false;
      return;
    }
    if (auto s = ReadString(value, std::string(key) + "." + language)) {
      out = *s;
    } else {
      ok = false;
    }
  };
  read("nl", text.nl);
  read("fr", text.fr);
  read("en", text.en);
  if (!ok) return std::nullopt;
  return text;
}

}  // namespace ibsa::internal
