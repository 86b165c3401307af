#include "ibsa/case_file.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <utility>

#include "base/file_io.h"

namespace ibsa {
namespace {

using json = nlohmann::ordered_json;

// The top-level entries of a case that CaseToYaml does not write, and a save keeps.
const std::vector<std::string> kKeptKeys = {"description", "expect"};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool Blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// A line that starts a top-level entry (`key:` at column 0); its key in `key`.
bool TopLevelKey(const std::string& line, std::string& key) {
  if (line.empty() || std::string(" \t#-{[%").find(line[0]) != std::string::npos) return false;
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return false;
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t' &&
      line[colon + 1] != '\r') {
    return false;
  }
  key = line.substr(0, colon);
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front()) {
    key = key.substr(1, key.size() - 2);
  }
  return true;
}

// Whether a line holds a YAML comment: '#' at its start or after a space, outside quotes.
// (A '#' in a block scalar's text counts too: the warning errs on the side of saying.)
bool HoldsComment(const std::string& line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return true;
    }
  }
  return false;
}

// How a YAML case file is laid out in lines: its opening comments, the text of each
// top-level entry, and the lines with comments that belong to neither.
struct Layout {
  std::string header;
  std::map<std::string, std::string> entries;
  std::vector<int> other_comments;  // 1-based line numbers
};

Layout ReadLayout(const std::string& text) {
  Layout layout;
  const auto lines = Lines(text);
  size_t i = 0;
  for (; i < lines.size() && (Blank(lines[i]) || lines[i][0] == '#'); ++i) {
    layout.header += lines[i] + "\n";
  }
  if (layout.header.find('#') == std::string::npos) layout.header.clear();
  std::map<std::string, std::vector<std::string>> entries;
  std::string key;  // of the entry the current line belongs to
  for (; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    std::string starts;
    if (TopLevelKey(line, starts)) {
      key = starts;
    } else if (!(Blank(line) || line[0] == ' ' || line[0] == '\t')) {
      key.clear();  // a comment or marker at column 0 belongs to no entry
    }
    if (std::find(kKeptKeys.begin(), kKeptKeys.end(), key) != kKeptKeys.end()) {
      entries[key].push_back(line);
    } else if (HoldsComment(line)) {
      layout.other_comments.push_back(static_cast<int>(i) + 1);
    }
  }
  for (auto& [name, entry] : entries) {
    while (!entry.empty() && Blank(entry.back())) entry.pop_back();
    for (const auto& line : entry) layout.entries[name] += line + "\n";
  }
  return layout;
}

std::string EmitEntry(const std::string& key, const YAML::Node& value) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << key << YAML::Value << value << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

json ToJson(const YAML::Node& node) {
  if (node.IsMap()) {
    json object = json::object();
    for (const auto& item : node) object[item.first.Scalar()] = ToJson(item.second);
    return object;
  }
  if (node.IsSequence()) {
    json array = json::array();
    for (const auto& item : node) array.push_back(ToJson(item));
    return array;
  }
  if (node.IsScalar()) return node.Scalar();
  return nullptr;
}

bool EndsWithJson(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".json";
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

Diagnostic CommentsLost(const std::string& file, const std::vector<int>& lines) {
  std::string message = "this comment is not kept when the case is saved";
  if (lines.size() > 1) {
    message += " (nor those on " + std::to_string(lines.size() - 1) + " more line" +
               (lines.size() > 2 ? "s" : "") + ")";
  }
  Diagnostic d{"W0002", SourceLocation{file, lines.front(), 1}, message,
               {"comments before the first key, 'description' and the 'expect' block are "
                "kept; to keep the file as it is, save elsewhere with --save"},
               "", 1};
  d.severity = Severity::kWarning;
  return d;
}

}  // namespace

Result<CaseFile> CaseFile::Open(const std::string& path, const Vocabulary& vocabulary,
                                const Case* resumed) {
  CaseFile file(path, vocabulary);
  file.json_ = EndsWithJson(path);
  if (resumed != nullptr) {
    Diagnostic error;
    auto text = internal::ReadFile(resumed->file(), error);
    if (!text) return error;
    YAML::Node root;
    try {
      root = YAML::Load(*text);
    } catch (const YAML::Exception&) {
      // It was read as a case a moment ago; if it changed since, there is nothing to keep.
    }
    const json original = json::parse(*text, nullptr, false);
    const Layout layout = ReadLayout(*text);
    file.header_ = layout.header;
    json kept = json::object();
    for (const auto& key : kKeptKeys) {
      if (!root.IsMap() || !root[key].IsDefined()) continue;
      const auto entry = layout.entries.find(key);
      file.blocks_.push_back(entry != layout.entries.end() ? entry->second : EmitEntry(key, root[key]));
      file.emitted_.push_back(EmitEntry(key, root[key]));
      kept[key] = original.is_object() && original.contains(key) ? original[key] : ToJson(root[key]);
    }
    file.kept_json_ = kept.dump();
    if (SameFile(path, resumed->file())) {
      file.saved_facts_ = CaseToYaml(*resumed, vocabulary);
      if (!layout.other_comments.empty() && !file.json_) {
        file.losses_.push_back(CommentsLost(resumed->file(), layout.other_comments));
      }
    }
  }
  if (auto writable = internal::CheckWritable(path); !writable.ok()) return writable.errors();
  return file;
}

std::string CaseFile::Compose(const Case& c, bool verbatim) const {
  if (json_) {
    json out = json::parse(CaseToJson(c, *vocabulary_));
    if (!kept_json_.empty()) {
      const json kept = json::parse(kept_json_);
      for (const auto& [key, value] : kept.items()) out[key] = value;
    }
    return out.dump(2) + "\n";
  }
  std::string text = header_ + CaseToYaml(c, *vocabulary_);
  for (const auto& block : verbatim ? blocks_ : emitted_) text += block;
  return text;
}

Result<bool> CaseFile::Save(const Case& c) {
  const std::string facts = CaseToYaml(c, *vocabulary_);
  if (facts == saved_facts_) return false;
  // What is written must read back as this case: a kept block written as it was could
  // name an anchor of the facts it no longer sits beside; it is then written out in full.
  std::string text;
  for (bool verbatim : {true, false}) {
    std::string candidate = Compose(c, verbatim);
    auto reread = Case::Parse(candidate, path_, *vocabulary_);
    if (reread.ok() && CaseToYaml(reread.value(), *vocabulary_) == facts) {
      text = std::move(candidate);
      break;
    }
  }
  if (text.empty()) {
    return Diagnostic{"E0007", SourceLocation{path_, 0, 0},
                      "cannot write the case: with its description and expect block it would "
                      "not read back as the same case",
                      {"the file keeps its previous content; save with --save to another file"},
                      "",
                      1};
  }
  if (auto written = internal::WriteFileAtomically(path_, text); !written.ok()) {
    return written.errors();
  }
  saved_facts_ = facts;
  return true;
}

}  // namespace ibsa
