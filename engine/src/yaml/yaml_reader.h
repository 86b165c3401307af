// Internal: reading YAML (and JSON, which yaml-cpp also reads) with located,
// collected diagnostics. Every loader goes through a YamlReader so that every
// error names file:line:column and shows the offending line.
#ifndef IBSA_SRC_YAML_YAML_READER_H_
#define IBSA_SRC_YAML_YAML_READER_H_

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa::internal {

// The closest candidates to `word` (edit distance, or a candidate ending in
// ".word"), best first; empty when nothing is close.
std::vector<std::string> Suggest(std::string_view word, const std::vector<std::string>& candidates);
// "did you mean 'x'?" or "" when there is no suggestion.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);
std::string JoinQuoted(const std::vector<std::string>& items);

// True for YAML null (~, null, empty) and for the word "unknown": both say that
// the fact is not known.
bool IsUnknownScalar(const YAML::Node& node);

// Bounds on one input file, checked before its node tree is built. yaml-cpp's parser and
// the loaders (conditions, fact groups) recurse once per level of nesting, so depth is
// bounded to keep the stack safe; aliases are bounded because the loaders walk an alias
// once per use, so a few lines of anchors could otherwise stand for billions of nodes.
struct InputLimits {
  const char* what;         // "case", "ruleset", ... as messages name the file
  std::size_t max_bytes;
  int max_depth;            // lists and maps inside one another, aliases expanded
  int64_t max_alias_nodes;  // nodes that aliases add, counted once per use
};

inline constexpr int kMaxNestingDepth = 64;
inline constexpr int64_t kMaxAliasNodes = 100'000;
// A case is a few kilobytes and the largest ruleset about 160 KB; the caps only refuse
// what is no case or ruleset at all. Rulesets share the file reader's 4 MiB cap.
inline constexpr InputLimits kCaseLimits{"case", std::size_t{1} << 20, kMaxNestingDepth,
                                         kMaxAliasNodes};
inline constexpr InputLimits kRulesetLimits{"ruleset", std::size_t{4} << 20, kMaxNestingDepth,
                                            kMaxAliasNodes};
inline constexpr InputLimits kVocabularyLimits{"vocabulary", std::size_t{4} << 20,
                                               kMaxNestingDepth, kMaxAliasNodes};
inline constexpr InputLimits kHarmsLimits{"harms file", std::size_t{4} << 20, kMaxNestingDepth,
                                          kMaxAliasNodes};

class YamlReader {
 public:
  YamlReader(std::string text, std::string file);

  // Parses the text. Records E0002 (a syntax error, a byte or character that is not
  // YAML text, or a JSON text with a comma before a closing bracket), E0008 (a second
  // document or a tag, which the loaders would ignore), E0004 (over `limits.max_bytes`), E0005 (nested deeper than
  // `limits.max_depth`) or E0006 (an alias inside its own anchor, or aliases adding more
  // than `limits.max_alias_nodes` nodes) and returns nullopt.
  std::optional<YAML::Node> Parse(const InputLimits& limits);

  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }
  SourceLocation Locate(const YAML::Node& node) const;
  SourceLocation Locate(const YAML::Mark& mark) const;
  SourceLocation LocateFileStart() const;
  // The line and column of a byte of the text.
  SourceLocation LocateOffset(size_t offset) const;
  // The text of line `line` (from 1), as an error shows it; "" past the end.
  std::string LineAt(int line) const;

  // Records an error. Past kMaxDiagnostics errors in one file, they are only counted:
  // TakeDiagnostics then ends with E0009, which says how many there were.
  void Error(std::string code, const YAML::Node& node, std::string message,
             std::vector<std::string> help = {});
  void Error(std::string code, const SourceLocation& location, std::string message,
             std::vector<std::string> help = {}, int span = 1);
  bool ok() const { return diagnostics_.empty(); }
  // No more errors will be shown: a loader may count one without working out its words.
  bool full() const { return diagnostics_.size() >= kMaxDiagnostics; }
  void CountUnshown() { ++unshown_; }
  std::vector<Diagnostic> TakeDiagnostics();
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  static constexpr size_t kMaxDiagnostics = 100;

  // Checks that `node` is a map whose keys are all in `allowed` and that every
  // key in `required` is present; reports unknown (with "did you mean"),
  // duplicate and missing keys. `what` names the map in messages ("case",
  // "rule 'x'"). Returns false when `node` is not a map.
  bool CheckMap(const YAML::Node& node, std::string_view what,
                const std::vector<std::string>& allowed,
                const std::vector<std::string>& required);
  // Reports keys that occur twice in a map. Returns false if any did.
  bool CheckNoDuplicateKeys(const YAML::Node& node, std::string_view what);

  // Strict scalar readers: each reports E0104 (wrong type) or E0105 (bad date)
  // with the key name and returns nullopt on failure.
  std::optional<std::string> ReadString(const YAML::Node& node, std::string_view key);
  // Text that people will read in a terminal or a report (a case's id and title): a string
  // without control characters, even those YAML escapes make ("\e", "\x9b"), without line
  // or paragraph separators (newlines only when `lines`), and without bidirectional
  // overrides. Such a character could clear a screen, start a line that looks like a
  // finding, or reorder what is shown: E0002 at the value.
  std::optional<std::string> ReadText(const YAML::Node& node, std::string_view key, bool lines = false);
  std::optional<bool> ReadBool(const YAML::Node& node, std::string_view key);
  std::optional<int64_t> ReadInt(const YAML::Node& node, std::string_view key);
  std::optional<Date> ReadDate(const YAML::Node& node, std::string_view key);
  // A scalar that must be one of `allowed` (E0103 with "did you mean").
  std::optional<std::string> ReadChoice(const YAML::Node& node, std::string_view key,
                                        const std::vector<std::string>& allowed);
  // A sequence of strings (a lone scalar is not accepted).
  std::optional<std::vector<std::string>> ReadStringList(const YAML::Node& node,
                                                         std::string_view key);
  // {nl: ..., fr: ..., en: ...}, all three required.
  std::optional<LocalizedText> ReadLocalized(const YAML::Node& node, std::string_view key);

 private:
  void NotText(size_t offset, int64_t character);

  std::string text_;
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  size_t unshown_ = 0;
  // Where each line starts, found once when the first excerpt is needed: finding each
  // error's line from the top made a file with many errors quadratic.
  mutable std::vector<size_t> line_starts_;
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_YAML_YAML_READER_H_
