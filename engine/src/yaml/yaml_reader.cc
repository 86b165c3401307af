#include "yaml/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <sstream>

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

// YAML and JSON text holds no control characters but tab and line breaks. (YAML 1.2 also
// excludes DEL, the C1 controls and U+FFFE/U+FFFF; yaml-cpp reads them as text and its
// emitter writes DEL and U+FFFE raw, so they stay allowed: CaseToYaml's output must read.)
bool Printable(uint32_t c) { return c >= 0x20 || c == '\t' || c == '\n' || c == '\r'; }

// Where the first character that YAML text may not hold starts, or npos; `character` is
// then its code point, or -1 when the bytes there are not well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF). yaml-cpp would pass such
// bytes into scalars, where the JSON writers refuse them far from the cause, and it reads
// a text that starts with NUL bytes as UTF-16 or UTF-32, so that its marks point nowhere.
size_t FirstNonText(std::string_view text, int64_t& character) {
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = 1;
    uint32_t c = lead;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      c = lead & 0x0F;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      c = lead & 0x07;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else if (lead >= 0x80) {
      character = -1;
      return i;
    }
    if (length > 1) {
      const auto second = static_cast<unsigned char>(i + 1 < text.size() ? text[i + 1] : 0);
      bool ok = text.size() - i >= length && second >= low && second <= high;
      for (size_t k = 1; ok && k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        ok = (next & 0xC0) == 0x80;
        c = (c << 6) | (next & 0x3F);
      }
      if (!ok) {
        character = -1;
        return i;
      }
    }
    if (!Printable(c)) {
      character = c;
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// Why a document was refused before its node tree was built.
struct Refusal {
  std::string code;
  YAML::Mark mark;
  std::string message;
  std::vector<std::string> help;
};

// Follows the parser's events to measure what the node tree would be: how deep lists and
// maps nest, with each alias counted as the node it names. It throws a Refusal at the
// first event over a limit, which also stops yaml-cpp's recursive descent there: the
// parser never goes deeper than the limit, whatever the input.
class StructureCheck : public YAML::EventHandler {
 public:
  explicit StructureCheck(const InputLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { Leaf(anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string&) override {
    Untagged(mark, tag);
    Leaf(anchor);
  }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Untagged(mark, tag);
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Untagged(mark, tag);
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  // A list or map the parser is inside of.
  struct Collection {
    YAML::anchor_t anchor;
    int64_t first_node;  // nodes_ before it
    int height = 0;      // of its tallest child so far (a scalar's is 0, a list of scalars' 1)
  };
  // What an anchor names, once its node is complete.
  struct Anchored {
    std::string name;
    bool complete = false;
    int height = 0;
    int64_t nodes = 0;
  };

  Anchored& Named(YAML::anchor_t anchor) {
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    return anchors_[anchor];
  }
  void Register(YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    Named(anchor).name = std::move(anchor_name_);
    anchor_name_.clear();
  }
  void Complete(YAML::anchor_t anchor, int height, int64_t nodes) {
    if (anchor == YAML::NullAnchor) return;
    Anchored& named = Named(anchor);
    named.complete = true;
    named.height = height;
    named.nodes = nodes;
  }
  void Child(int height) {
    if (!open_.empty()) open_.back().height = std::max(open_.back().height, height);
  }
  void Leaf(YAML::anchor_t anchor) {
    Register(anchor);
    ++nodes_;
    Complete(anchor, 0, 1);
  }
  void Open(const YAML::Mark& mark, YAML::anchor_t anchor);
  void Close();
  void Untagged(const YAML::Mark& mark, const std::string& tag) const;
  std::string Deeper() const {
    return "the " + std::string(limits_.what) + " nests lists and maps more than " +
           std::to_string(limits_.max_depth) + " levels deep";
  }

  const InputLimits& limits_;
  std::vector<Collection> open_;
  std::vector<Anchored> anchors_;  // by yaml-cpp's anchor number
  std::string anchor_name_;        // of the node about to start
  int64_t nodes_ = 0;              // so far, each alias counted as what it names
  int64_t alias_nodes_ = 0;
  int documents_ = 0;
};

// yaml-cpp reads the first document of a file and drops the others without a word, so a
// case pasted after another's `---` would be ignored: one document per file.
void StructureCheck::OnDocumentStart(const YAML::Mark& mark) {
  if (++documents_ == 1) return;
  throw Refusal{"E0008", mark,
                "a second YAML document begins here; a " + std::string(limits_.what) +
                    " file holds one, and the rest would be ignored",
                {"remove the '---' line and what follows it, or put it in a file of its own"}};
}

// A tag (`!!str`, `!date`) asks for a type the loaders do not apply: they read every value
// by what the key expects, so a tag would be ignored without a word. "?" and "!" are the
// parser's own marks for a plain and a quoted scalar.
void StructureCheck::Untagged(const YAML::Mark& mark, const std::string& tag) const {
  if (tag.empty() || tag == "?" || tag == "!") return;
  std::string shown = tag;
  const std::string core = "tag:yaml.org,2002:";
  if (shown.rfind(core, 0) == 0) shown = "!!" + shown.substr(core.size());
  throw Refusal{"E0008", mark,
                "YAML tag '" + shown + "' is not read: the value is read as the key expects",
                {"remove the tag; write the value itself (quoted if it is text)"}};
}

void StructureCheck::Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Register(anchor);
  if (static_cast<int>(open_.size()) >= limits_.max_depth) {
    throw Refusal{"E0005", mark, Deeper(),
                  {"is a '[' or '{' left open? No case, ruleset or condition needs that many "
                   "levels"}};
  }
  open_.push_back(Collection{anchor, nodes_});
  ++nodes_;
}

void StructureCheck::Close() {
  const Collection done = open_.back();
  open_.pop_back();
  Complete(done.anchor, done.height + 1, nodes_ - done.first_node);
  Child(done.height + 1);
}

void StructureCheck::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const Anchored& named = Named(anchor);
  const std::string alias = "alias '*" + named.name + "'";
  if (!named.complete) {
    throw Refusal{"E0006", mark,
                  alias + " is used inside the node it names, so that node would never end",
                  {"an alias may only name a node that is complete before the alias"}};
  }
  if (static_cast<int>(open_.size()) + named.height > limits_.max_depth) {
    throw Refusal{"E0005", mark, "through " + alias + ", " + Deeper(), {}};
  }
  alias_nodes_ += named.nodes;
  if (alias_nodes_ > limits_.max_alias_nodes) {
    throw Refusal{"E0006", mark,
                  "aliases add more than " + std::to_string(limits_.max_alias_nodes) +
                      " nodes to the " + limits_.what,
                  {"each use of an alias counts every node it names: write the repeated part "
                   "out, or name smaller parts"}};
  }
  nodes_ += named.nodes;
  Child(named.height);
}

// In a JSON text (one that starts with '{' or '['), the offset of a comma that closes a
// list or object (`[1, 2,]`), which YAML's flow style reads and JSON does not allow; npos
// when there is none or the text is not JSON.
size_t TrailingComma(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) {
    return std::string_view::npos;
  }
  size_t comma = std::string_view::npos;  // the last comma not yet followed by a value
  for (size_t i = first; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      comma = std::string_view::npos;
    } else if (c == '\'') {  // YAML's flow style; '' stands for a quote within
      for (++i; i < text.size() && text[i] != '\''; ++i) {
      }
      comma = std::string_view::npos;
    } else if (c == ',') {
      comma = i;
    } else if (c == '}' || c == ']') {
      if (comma != std::string_view::npos) return comma;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      comma = std::string_view::npos;
    }
  }
  return std::string_view::npos;
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

std::optional<YAML::Node> YamlReader::Parse(const InputLimits& limits) {
  if (text_.size() > limits.max_bytes) {
    Error("E0004", SourceLocation{file_, 0, 0},
          "the " + std::string(limits.what) + " is " + std::to_string(text_.size()) +
              " bytes; at most " + std::to_string(limits.max_bytes) + " are read",
          {"is this the right file?"});
    return std::nullopt;
  }
  int64_t character = 0;
  if (const size_t at = FirstNonText(text_, character); at != std::string_view::npos) {
    NotText(at, character);
    return std::nullopt;
  }
  // Two passes over the text: the first builds nothing and stops at the first level or
  // alias over the limits, so that the second, which builds the tree, is safe.
  if (const size_t comma = TrailingComma(text_); comma != std::string::npos) {
    Error("E0002", LocateOffset(comma),
          "malformed JSON: a comma before the closing bracket",
          {"JSON allows no comma after the last item of a list or object: remove it"});
    return std::nullopt;
  }
  std::istringstream in(text_);
  try {
    StructureCheck check(limits);
    YAML::Parser parser(in);
    parser.HandleNextDocument(check);
    parser.HandleNextDocument(check);  // refuses a second document
    in.clear();
    in.seekg(0);
    return YAML::Load(in);
  } catch (const Refusal& refusal) {
    Error(refusal.code, Locate(refusal.mark), refusal.message, refusal.help);
  } catch (const YAML::Exception& e) {
    Error("E0002", Locate(e.mark), "malformed YAML: " + e.msg);
  }
  return std::nullopt;
}

void YamlReader::NotText(size_t offset, int64_t character) {
  char hex[16];
  std::string what;
  if (character < 0) {
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text_[offset])));
    what = "byte " + std::string(hex) + " is not UTF-8 text";
  } else {
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(character));
    what = "control character " + std::string(hex) + " is not allowed in YAML text";
  }
  Error("E0002", LocateOffset(offset), "malformed YAML: " + what,
        {"save the file as UTF-8 text, without control characters other than tabs and line "
         "breaks"});
  // The excerpt is shown, and may be written into JSON: it must be text itself.
  std::string& excerpt = diagnostics_.back().excerpt;
  int64_t ignored = 0;
  for (size_t from = 0;;) {
    const size_t at = FirstNonText(std::string_view(excerpt).substr(from), ignored);
    if (at == std::string_view::npos) break;
    excerpt[from + at] = '?';
    from += at + 1;
  }
}

SourceLocation YamlReader::Locate(const YAML::Node& node) const { return Locate(node.Mark()); }

SourceLocation YamlReader::Locate(const YAML::Mark& mark) const {
  if (mark.is_null()) return LocateFileStart();
  return SourceLocation{file_, mark.line + 1, mark.column + 1};
}

SourceLocation YamlReader::LocateFileStart() const { return SourceLocation{file_, 1, 1}; }

SourceLocation YamlReader::LocateOffset(size_t offset) const {
  const size_t newline = offset == 0 ? std::string::npos : text_.rfind('\n', offset - 1);
  const size_t line_start = newline == std::string::npos ? 0 : newline + 1;
  const int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + offset, '\n'));
  return SourceLocation{file_, line, static_cast<int>(offset - line_start) + 1};
}

std::string YamlReader::LineAt(int line) const {
  if (line <= 0) return "";
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1)) {
      line_starts_.push_back(at + 1);
    }
  }
  if (static_cast<size_t>(line) > line_starts_.size()) return "";
  const size_t start = line_starts_[line - 1];
  if (start > text_.size()) return "";
  size_t end = text_.find('\n', start);
  std::string result = text_.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!result.empty() && result.back() == '\r') result.pop_back();
  return result;
}

std::vector<Diagnostic> YamlReader::TakeDiagnostics() {
  if (unshown_ > 0) {
    const size_t all = diagnostics_.size() + unshown_;
    diagnostics_.push_back(Diagnostic{
        "E0009", SourceLocation{file_, 0, 0},
        std::to_string(all) + " errors in this file; the first " + std::to_string(diagnostics_.size()) +
            " are shown, " + std::to_string(unshown_) + " more are not",
        {"is this the right file? Correct these and run again to see the rest"},
        "", 1});
    unshown_ = 0;
  }
  return std::move(diagnostics_);
}

void YamlReader::Error(std::string code, const YAML::Node& node, std::string message,
                       std::vector<std::string> help) {
  int span = 1;
  if (node.IsDefined() && node.IsScalar()) span = std::max<int>(1, node.Scalar().size());
  Error(std::move(code), Locate(node), std::move(message), std::move(help), span);
}

void YamlReader::Error(std::string code, const SourceLocation& location, std::string message,
                       std::vector<std::string> help, int span) {
  if (full()) {
    ++unshown_;
    return;
  }
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

namespace {

// The first character of UTF-8 `text` that a reader's screen would obey rather than show,
// or -1. `text` is well-formed: the reader checked the bytes, and yaml-cpp encodes escapes.
int64_t FirstUnshowable(std::string_view text, bool lines) {
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += length;
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    const bool separator = c == 0x2028 || c == 0x2029;
    const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    if ((c == '\n' && lines) || c == '\t') continue;
    if (control || separator || bidi) return c;
  }
  return -1;
}

}  // namespace

std::optional<std::string> YamlReader::ReadText(const YAML::Node& node, std::string_view key, bool lines) {
  auto text = ReadString(node, key);
  if (!text) return std::nullopt;
  if (const int64_t c = FirstUnshowable(*text, lines); c >= 0) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
    Error("E0002", node,
          "'" + std::string(key) + "' holds " + (c == '\n' ? std::string("a line break") : "the character " + std::string(hex)) +
              ", which a terminal or a report would not show as text",
          {std::string("write it as plain text") + (lines ? "" : " on one line") +
           ", without control characters (also those written as YAML escapes such as \\e)"});
    return std::nullopt;
  }
  return text;
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
