// Reading a case: a YAML or JSON file (Case::Parse), or the JSON object of an API request
// (ReadCaseObject). One reader walks either notation; what the values mean is checked by
// the CaseBuilder, which the interview builds through too.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <type_traits>

#include "base/access.h"
#include "base/file_io.h"
#include "base/sha256.h"
#include "case/case_builder_access.h"
#include "case/named_ranges.h"
#include "case/case_object.h"
#include "ibsa/case.h"
#include "ibsa/case_builder.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

namespace internal {
// Records what a case was read from (Case::sha256), once its reader has built it.
struct CaseSource {
  static Result<Case> Hashed(Result<Case> c, std::string_view bytes) {
    if (c.ok()) c.value().sha256_ = Sha256Hex(bytes);
    return c;
  }
};
}  // namespace internal

namespace {

using internal::CaseBuilderAccess;
using internal::YamlReader;

// A case file's node tree, read with the YamlReader's located checks.
class YamlDoc {
 public:
  using Node = YAML::Node;
  explicit YamlDoc(YamlReader& reader) : reader_(reader) {}

  static bool IsMap(const Node& n) { return n.IsMap(); }
  static bool IsSequence(const Node& n) { return n.IsSequence(); }
  static bool IsUnknown(const Node& n) { return internal::IsUnknownScalar(n); }
  // A scalar's text, whatever it reads as (15, minor).
  static std::optional<std::string> ScalarText(const Node& n) {
    return n.IsScalar() ? std::optional<std::string>(n.Scalar()) : std::nullopt;
  }
  static Node Get(const Node& map, const std::string& key) { return map[key]; }
  static bool Has(const Node& n) { return n.IsDefined(); }
  template <typename F>
  static void ForEachEntry(const Node& map, F f) {
    for (auto it = map.begin(); it != map.end(); ++it) f(it->first, it->first.Scalar(), it->second);
  }
  template <typename F>
  static void ForEachItem(const Node& list, F f) {
    for (const auto& item : list) f(item);
  }

  const std::string& file() const { return reader_.file(); }
  SourceLocation Locate(const Node& n) const { return reader_.Locate(n); }
  bool full() const { return reader_.full(); }
  void CountUnshown() { reader_.CountUnshown(); }
  void Error(const std::string& code, const Node& n, std::string message, std::vector<std::string> help = {}) {
    reader_.Error(code, n, std::move(message), std::move(help));
  }
  void Error(const Diagnostic& d) { reader_.Error(d.code, d.location, d.message, d.help); }

  bool CheckMap(const Node& n, std::string_view what, const std::vector<std::string>& allowed,
                const std::vector<std::string>& required) {
    return reader_.CheckMap(n, what, allowed, required);
  }
  void CheckNoDuplicateKeys(const Node& n, std::string_view what) { reader_.CheckNoDuplicateKeys(n, what); }
  std::optional<std::string> ReadString(const Node& n, std::string_view key) { return reader_.ReadString(n, key); }
  std::optional<std::string> ReadText(const Node& n, std::string_view key, bool lines = false) {
    return reader_.ReadText(n, key, lines);
  }
  std::optional<bool> ReadBool(const Node& n, std::string_view key) { return reader_.ReadBool(n, key); }
  std::optional<int64_t> ReadInt(const Node& n, std::string_view key) { return reader_.ReadInt(n, key); }
  std::optional<Date> ReadDate(const Node& n, std::string_view key) { return reader_.ReadDate(n, key); }
  std::optional<std::vector<std::string>> ReadStringList(const Node& n, std::string_view key) {
    return reader_.ReadStringList(n, key);
  }

 private:
  YamlReader& reader_;
};

// The JSON object of an API request. A diagnostic's line counts the object's fields in
// the order they are written, one per key and one per item of a list that is no list or
// object itself: the line a field would have in a case file that writes each on a line of
// its own, which is what an API error has always been placed by. The values are checked
// with a YamlReader's words, each read from the JSON value alone.
class JsonDoc {
 public:
  struct Node {
    const nlohmann::json* value = nullptr;  // null: not in the object
    std::string pointer;
    bool key = false;  // the node is the key of `pointer`, not its value
  };

  explicit JsonDoc(const nlohmann::json& root, const std::string& base) : scratch_("", "case") {
    Number(root, base);
  }

  static bool IsMap(const Node& n) { return n.value != nullptr && n.value->is_object(); }
  static bool IsSequence(const Node& n) { return n.value != nullptr && n.value->is_array(); }
  static bool IsUnknown(const Node& n) { return internal::IsUnknownScalar(Yaml(n)); }
  // A string's text (minor); a JSON number is not text.
  static std::optional<std::string> ScalarText(const Node& n) {
    return n.value != nullptr && n.value->is_string() ? std::optional<std::string>(n.value->get<std::string>())
                                                      : std::nullopt;
  }
  static bool Has(const Node& n) { return n.value != nullptr; }
  static Node Get(const Node& map, const std::string& key) {
    if (!IsMap(map)) return {};
    const auto it = map.value->find(key);
    if (it == map.value->end()) return {};
    return {&*it, map.pointer + "/" + Escape(key), false};
  }
  template <typename F>
  static void ForEachEntry(const Node& map, F f) {
    for (auto it = map.value->begin(); it != map.value->end(); ++it) {
      const std::string pointer = map.pointer + "/" + Escape(it.key());
      f(Node{nullptr, pointer, true}, it.key(), Node{&it.value(), pointer, false});
    }
  }
  template <typename F>
  static void ForEachItem(const Node& list, F f) {
    for (size_t i = 0; i < list.value->size(); ++i) {
      f(Node{&(*list.value)[i], list.pointer + "/" + std::to_string(i), false});
    }
  }

  const std::string& file() const { return scratch_.file(); }
  SourceLocation Locate(const Node& n) const {
    const auto line = lines_.find(n.key ? n.pointer : LinePointer(n));
    return SourceLocation{"case", line == lines_.end() ? 0 : line->second, 1};
  }
  bool full() const { return diagnostics_.size() >= YamlReader::kMaxDiagnostics; }
  void CountUnshown() {}
  void Error(const std::string& code, const Node& n, std::string message, std::vector<std::string> help = {}) {
    Error(Diagnostic{code, Locate(n), std::move(message), std::move(help), "", 1});
  }
  void Error(Diagnostic d) {
    if (full()) return;
    d.help.erase(std::remove(d.help.begin(), d.help.end(), std::string()), d.help.end());
    diagnostics_.push_back(std::move(d));
  }
  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }

  // The field of a diagnostic (a JSON pointer): the one on its line; for a missing key
  // (E0106), the object that lacks it.
  std::string FieldOf(const Diagnostic& d, const std::string& base) const {
    const std::string field =
        d.location.line >= 1 && static_cast<size_t>(d.location.line) <= fields_.size() ? fields_[d.location.line - 1] : base;
    if (d.code != "E0106" || field == base) return field;
    return field.substr(0, field.rfind('/'));
  }

  bool CheckMap(const Node& n, std::string_view what, const std::vector<std::string>& allowed,
                const std::vector<std::string>& required) {
    if (!IsMap(n)) return Check(n, [&](const YAML::Node& y) { return scratch_.CheckMap(y, what, allowed, required); });
    YAML::Node present(YAML::NodeType::Map);
    for (auto it = n.value->begin(); it != n.value->end(); ++it) {
      YAML::Node one(YAML::NodeType::Map);
      one[it.key()] = YAML::Node();
      Check(Node{nullptr, n.pointer + "/" + Escape(it.key()), true},
            [&](const YAML::Node&) { return scratch_.CheckMap(one, what, allowed, {}); });
      if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) present[it.key()] = YAML::Node();
    }
    Check(n, [&](const YAML::Node&) { return scratch_.CheckMap(present, what, allowed, required); });
    return true;
  }
  void CheckNoDuplicateKeys(const Node&, std::string_view) {}  // a JSON object has none left
  std::optional<std::string> ReadString(const Node& n, std::string_view key) {
    return Check(n, [&](const YAML::Node& y) { return scratch_.ReadString(y, key); });
  }
  std::optional<std::string> ReadText(const Node& n, std::string_view key, bool lines = false) {
    return Check(n, [&](const YAML::Node& y) { return scratch_.ReadText(y, key, lines); });
  }
  std::optional<bool> ReadBool(const Node& n, std::string_view key) {
    return Check(n, [&](const YAML::Node& y) { return scratch_.ReadBool(y, key); });
  }
  std::optional<int64_t> ReadInt(const Node& n, std::string_view key) {
    return Check(n, [&](const YAML::Node& y) { return scratch_.ReadInt(y, key); });
  }
  std::optional<Date> ReadDate(const Node& n, std::string_view key) {
    return Check(n, [&](const YAML::Node& y) { return scratch_.ReadDate(y, key); });
  }
  std::optional<std::vector<std::string>> ReadStringList(const Node& n, std::string_view key) {
    if (!IsSequence(n)) return Check(n, [&](const YAML::Node& y) { return scratch_.ReadStringList(y, key); });
    std::vector<std::string> out;
    bool ok = true;
    ForEachItem(n, [&](const Node& item) {
      if (auto s = ReadString(item, key)) out.push_back(*s);
      else ok = false;
    });
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  static std::string Escape(std::string_view key) {
    std::string out;
    for (char c : key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }
  static bool Nested(const nlohmann::json& v) { return v.is_structured() && !v.empty(); }

  // The value as a YAML node of the same kind, for the reader's checks of one value.
  static YAML::Node Yaml(const Node& n) {
    if (n.value == nullptr || n.value->is_null()) return YAML::Node(YAML::NodeType::Null);
    if (n.value->is_object()) return YAML::Node(YAML::NodeType::Map);
    if (n.value->is_array()) return YAML::Node(YAML::NodeType::Sequence);
    if (n.value->is_string()) return YAML::Node(n.value->get<std::string>());
    return YAML::Node(n.value->dump());
  }

  // Runs one of the reader's checks on `n` and places what it says at `n`.
  template <typename F>
  std::invoke_result_t<F, const YAML::Node&> Check(const Node& n, F check) {
    auto result = check(Yaml(n));
    for (auto& d : scratch_.TakeDiagnostics()) {
      d.location = Locate(n);
      Error(std::move(d));
    }
    return result;
  }

  // A nested value begins on the line of its first field.
  std::string LinePointer(const Node& n) const {
    if (n.value == nullptr || !Nested(*n.value)) return n.pointer;
    if (n.value->is_object()) return n.pointer + "/" + Escape(n.value->begin().key());
    return LinePointer(Node{&n.value->front(), n.pointer + "/0", false});
  }

  void Number(const nlohmann::json& value, const std::string& pointer) {
    if (value.is_object()) {
      for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string field = pointer + "/" + Escape(it.key());
        Line(field);
        if (Nested(it.value())) Number(it.value(), field);
      }
    } else if (value.is_array()) {
      for (size_t i = 0; i < value.size(); ++i) {
        const std::string field = pointer + "/" + std::to_string(i);
        if (Nested(value[i])) {
          Number(value[i], field);
        } else {
          Line(field);
        }
      }
    }
  }
  void Line(const std::string& field) {
    fields_.push_back(field);
    lines_.emplace(field, static_cast<int>(fields_.size()));
  }

  YamlReader scratch_;
  std::vector<std::string> fields_;  // by line
  std::map<std::string, int> lines_;
  std::vector<Diagnostic> diagnostics_;
};

// Reads a case document, notation aside (see docs/case-format.md).
template <typename Doc>
class CaseReader {
 public:
  using Node = typename Doc::Node;

  CaseReader(const Vocabulary& vocabulary, Doc& doc)
      : vocabulary_(vocabulary), data_(internal::DataOf(vocabulary)), doc_(doc), builder_(vocabulary, doc.file()) {
    for (const auto& fact : data_.facts) {
      const std::string& name = fact.name;
      auto dot = name.find('.');
      top_level_.insert(dot == std::string::npos ? name : name.substr(0, dot));
    }
  }

  // A date of the facts or of an act, as people know it: a day, a month, a year, or a
  // range {from, to} of those (docs/case-format.md#dates).
  std::optional<DatePeriod> ReadPeriod(const Node& n, const std::string& key) {
    if (!Doc::IsMap(n)) return ReadPeriodEnd(n, key);
    if (!doc_.CheckMap(n, key, {"from", "to"}, {"from", "to"})) return std::nullopt;
    const Node from_node = Doc::Get(n, "from"), to_node = Doc::Get(n, "to");
    if (!Doc::Has(from_node) || !Doc::Has(to_node)) return std::nullopt;  // CheckMap said so
    auto from = ReadPeriodEnd(from_node, key + ".from");
    auto to = ReadPeriodEnd(to_node, key + ".to");
    if (!from || !to) return std::nullopt;
    auto period = DatePeriod::Between(*from, *to);
    if (!period) {
      doc_.Error("E0105", to_node,
                 "'" + key + "': the range ends (" + to->ToText() + ") before it begins (" + from->FromText() + ")",
                 {"write the earlier date as 'from' and the later as 'to', e.g. {from: 2024-06-20, to: 2024-07-10}"});
    }
    return period;
  }
  std::optional<DatePeriod> ReadPeriodEnd(const Node& n, const std::string& key) {
    auto text = doc_.ReadString(n, key);
    if (!text) return std::nullopt;
    if (auto period = DatePeriod::Parse(*text)) return period;
    doc_.Error("E0105", n, "'" + key + "': '" + *text + "' is not a date",
               {"allowed: a day (2025-03-14), a month (2025-03), a year (2025), or a range "
                "{from: 2024-06-20, to: 2024-07-10} whose ends are any of those"});
    return std::nullopt;
  }

  void Load(const Node& root) {
    std::vector<std::string> allowed = kMetaKeys;
    allowed.insert(allowed.end(), top_level_.begin(), top_level_.end());
    if (!Doc::IsMap(root)) {
      doc_.Error("E0104", root, "a case must be a map of keys to values", {"see docs/case-format.md"});
      return;
    }
    doc_.CheckNoDuplicateKeys(root, "case");
    for (const auto& key : std::vector<std::string>{"id", "jurisdiction", "date"}) {
      if (!Doc::Has(Doc::Get(root, key))) {
        doc_.Error("E0106", root, "missing key '" + key + "' in case",
                   {key == "date" ? "the date of the facts, YYYY-MM-DD: it selects the law "
                                    "in force"
                    : key == "jurisdiction"
                        ? "the national law to assess: " + internal::JoinQuoted(data_.jurisdictions)
                        : "a short identifier for the case"});
      }
    }
    if (const Node id = Doc::Get(root, "id"); Doc::Has(id)) {
      if (auto text = doc_.ReadText(id, "id")) builder_.SetId(*text);
    }
    if (const Node title = Doc::Get(root, "title"); Doc::Has(title)) {
      if (auto text = doc_.ReadText(title, "title")) builder_.SetTitle(*text);
    }
    if (const Node description = Doc::Get(root, "description"); Doc::Has(description)) {
      (void)doc_.ReadText(description, "description", /*lines=*/true);
    }
    if (const Node j = Doc::Get(root, "jurisdiction"); Doc::Has(j)) {
      if (auto text = doc_.ReadString(j, "jurisdiction")) builder_.SetJurisdiction(*text, doc_.Locate(j));
      Said(j);
    }
    if (const Node date = Doc::Get(root, "date"); Doc::Has(date)) {
      if (auto d = ReadPeriod(date, "date")) builder_.SetDate(*d, doc_.Locate(date));
    }
    Doc::ForEachEntry(root, [&](const Node& key_node, const std::string& key, const Node& value) {
      if (std::find(kMetaKeys.begin(), kMetaKeys.end(), key) != kMetaKeys.end()) return;
      if (top_level_.count(key) == 0) {
        if (doc_.full()) {  // not shown: spare the suggestions
          doc_.CountUnshown();
          return;
        }
        doc_.Error("E0101", key_node, "unknown key '" + key + "' in case",
                   {internal::DidYouMean(key, allowed), "allowed keys: " + internal::JoinQuoted(allowed)});
        return;
      }
      ReadEntry(key_node, value, key);
    });
    if (const Node evidence = Doc::Get(root, "evidence"); Doc::Has(evidence)) ReadEvidence(evidence);
    // After the facts: a fact both given and not said is refused.
    if (const Node not_said = Doc::Get(root, "not_said"); Doc::Has(not_said)) ReadNotSaid(not_said);
    if (const Node expect = Doc::Get(root, "expect"); Doc::Has(expect)) ReadExpectations(expect);
    auto built = CaseBuilderAccess::BuildReadCase(builder_);
    if (!built.ok()) {
      for (const auto& d : built.errors()) doc_.Error(d);
      return;
    }
    case_ = std::move(built).value();
  }

  // REQUIRES: the document read without errors.
  Case Take() { return std::move(*case_); }

 private:
  inline static const std::vector<std::string> kMetaKeys = {"id", "title", "description", "jurisdiction",
                                                            "date", "evidence", "not_said", "expect"};
  inline static const std::vector<std::string> kEvidenceKeys = {"url",         "service", "account",  "seen_on",
                                                                "captured_on", "sha256",  "supports", "note"};

  // `not_said: [perpetrator.relationship]`: the facts the person chose not to answer.
  void ReadNotSaid(const Node& list) {
    if (!Doc::IsSequence(list)) {
      doc_.Error("E0104", list, "'not_said' must be a list of fact names",
                 {"e.g. not_said: [perpetrator.relationship]"});
      return;
    }
    Doc::ForEachItem(list, [&](const Node& item) {
      auto name = doc_.ReadString(item, "not_said");
      if (!name) return;
      if (!vocabulary_.SlotOf(*name)) {
        doc_.Error("E0102", item, "unknown fact '" + *name + "'", {internal::DidYouMean(*name, vocabulary_.Names())});
        return;
      }
      builder_.SetNotSaid(*name, doc_.Locate(item));
      Said(item);
    });
  }

  // What the builder found wrong with the value just given is said at its node.
  void Said(const Node& node) {
    for (auto& d : builder_.TakeProblems()) Say(node, std::move(d));
  }
  // An act listed twice is shown where the builder places it, the act's type (underlining
  // its first character); anything else underlines the value.
  void Say(const Node& node, Diagnostic d) {
    if (d.code == "E0109") {
      doc_.Error(d);
    } else {
      doc_.Error(d.code, node, std::move(d.message), std::move(d.help));
    }
  }

  // `name` is a fact or a group of facts ("victim").
  void ReadEntry(const Node& key, const Node& value, const std::string& name) {
    if (auto slot = vocabulary_.SlotOf(name)) {
      ReadFact(*slot, value);
      return;
    }
    const std::string prefix = name + ".";
    std::vector<std::string> members;
    for (const auto& fact : data_.facts) {
      if (fact.name.compare(0, prefix.size(), prefix) == 0) members.push_back(fact.name);
    }
    if (members.empty()) {
      doc_.Error("E0102", key, "unknown fact '" + name + "'", {internal::DidYouMean(name, vocabulary_.Names())});
      return;
    }
    if (!Doc::IsMap(value)) {
      doc_.Error("E0104", value, "'" + name + "' must be a map of facts",
                 {"facts in '" + name + "': " + internal::JoinQuoted(members)});
      return;
    }
    doc_.CheckNoDuplicateKeys(value, "'" + name + "'");
    Doc::ForEachEntry(value, [&](const Node& child_key, const std::string& child_name, const Node& child_value) {
      const std::string child = name + "." + child_name;
      if (!vocabulary_.SlotOf(child)) {
        bool is_group = std::any_of(members.begin(), members.end(), [&](const std::string& m) {
          return m.compare(0, child.size() + 1, child + ".") == 0;
        });
        if (!is_group && doc_.full()) {
          doc_.CountUnshown();
          return;
        }
        if (!is_group) {
          doc_.Error("E0102", child_key, "unknown fact '" + child + "'",
                     {internal::DidYouMean(child, members), "facts in '" + name + "': " + internal::JoinQuoted(members)});
          return;
        }
      }
      ReadEntry(child_key, child_value, child);
    });
  }

  void ReadFact(int slot, const Node& node) {
    const FactDefinition& fact = data_.facts[slot];
    const SourceLocation where = doc_.Locate(node);
    if (Doc::IsUnknown(node)) {
      builder_.SetUnknown(fact.name, where);
      return;
    }
    switch (fact.type) {
      case FactType::kBool:
        if (auto b = doc_.ReadBool(node, fact.name)) builder_.SetBool(fact.name, *b, where);
        break;
      case FactType::kInt:
        ReadInt(slot, fact, node, where);
        break;
      case FactType::kDate:
        if (auto d = doc_.ReadDate(node, fact.name)) builder_.SetDay(fact.name, *d, where);
        break;
      case FactType::kEnum:
        if (auto v = doc_.ReadString(node, fact.name)) builder_.SetValue(fact.name, *v, where);
        break;
      case FactType::kSet:
        ReadSet(slot, fact, node);
        break;
    }
    Said(node);
  }

  // A whole number (15), a range ({min: 16, max: 17}) or a word naming one (minor).
  void ReadInt(int slot, const FactDefinition& fact, const Node& node, const SourceLocation& where) {
    if (Doc::IsMap(node)) {
      if (!doc_.CheckMap(node, fact.name, {"min", "max"}, {"min", "max"})) return;
      auto low = doc_.ReadInt(Doc::Get(node, "min"), "min");
      auto high = doc_.ReadInt(Doc::Get(node, "max"), "max");
      if (low && high) builder_.SetRange(fact.name, *low, *high, where);
      return;
    }
    // A word, not a number: only text that starts with a letter is looked up.
    if (auto text = Doc::ScalarText(node); text && !text->empty() && std::isalpha(static_cast<unsigned char>((*text)[0])) &&
                                           internal::FindNamedRange(vocabulary_, slot, *text)) {
      builder_.SetNamedRange(fact.name, *text, where);
      return;
    }
    if (auto n = doc_.ReadInt(node, fact.name)) builder_.SetNumber(fact.name, *n, where);
  }

  void ReadSet(int slot, const FactDefinition& fact, const Node& node) {
    const bool is_acts = fact.name == kActsFact;
    if (!Doc::IsSequence(node)) {
      doc_.Error("E0104", node, "'" + fact.name + "' must be a list",
                 {is_acts ? "e.g. [{type: create}, {type: share, date: 2025-04-01}]"
                          : "allowed values: " + internal::JoinQuoted(fact.values)});
      return;
    }
    if (is_acts) builder_.SetValues(fact.name, {}, doc_.Locate(node));
    uint64_t present = 0;
    bool ok = true;
    Doc::ForEachItem(node, [&](const Node& item) {
      bool certain = true;
      std::optional<DatePeriod> date;
      const bool detailed = Doc::IsMap(item) && is_acts;
      if (detailed) {
        if (!doc_.CheckMap(item, "act", {"type", "date", "certain"}, {"type"}) || !Doc::Has(Doc::Get(item, "type"))) {
          ok = false;
          return;
        }
        if (const Node d = Doc::Get(item, "date"); Doc::Has(d)) {
          date = ReadPeriod(d, "date");
          if (!date) ok = false;
        }
        if (const Node c = Doc::Get(item, "certain"); Doc::Has(c)) {
          auto b = doc_.ReadBool(c, "certain");
          if (!b) ok = false;
          certain = b.value_or(true);
        }
      }
      const Node type_node = detailed ? Doc::Get(item, "type") : item;
      auto type = doc_.ReadString(type_node, fact.name);
      if (!type) {
        ok = false;
        return;
      }
      if (is_acts) {
        builder_.AddAct(*type, date, certain, doc_.Locate(type_node));
      } else if (auto index = CaseBuilderAccess::ValueIndex(builder_, slot, *type, doc_.Locate(type_node))) {
        present |= uint64_t{1} << *index;
      }
      auto problems = builder_.TakeProblems();
      if (!problems.empty()) ok = false;
      for (auto& d : problems) Say(type_node, std::move(d));
    });
    if (is_acts) {
      CaseBuilderAccess::EndActs(builder_, doc_.Locate(node));
    } else if (ok) {
      CaseBuilderAccess::SetMembers(builder_, slot, present, doc_.Locate(node));
    }
  }

  // The evidence log: a list of items, each a map of kEvidenceKeys (docs/case-format.md).
  void ReadEvidence(const Node& node) {
    if (!Doc::IsSequence(node)) {
      doc_.Error("E0104", node, "'evidence' must be a list of items",
                 {"e.g. [{url: https://example.org/post/1, seen_on: 2025-03-14, supports: [be.sw.417-9.dissemination]}]",
                  "keys of an item: " + internal::JoinQuoted(kEvidenceKeys)});
      return;
    }
    Doc::ForEachItem(node, [&](const Node& item_node) {
      if (!doc_.CheckMap(item_node, "evidence item", kEvidenceKeys, {})) return;
      EvidenceItem item;
      item.location = doc_.Locate(item_node);
      std::map<std::string, SourceLocation> at{{"", item.location}};
      bool ok = true;
      auto text = [&](const char* key, std::string& out) {
        const Node n = Doc::Get(item_node, key);
        if (!Doc::Has(n)) return;
        at[key] = doc_.Locate(n);
        if (auto t = doc_.ReadText(n, std::string("evidence.") + key)) out = *t;
        else ok = false;
      };
      auto date = [&](const char* key, std::optional<Date>& out) {
        const Node n = Doc::Get(item_node, key);
        if (!Doc::Has(n)) return;
        at[key] = doc_.Locate(n);
        out = doc_.ReadDate(n, std::string("evidence.") + key);
        if (!out) ok = false;
      };
      text("url", item.url);
      text("service", item.service);
      text("account", item.account);
      date("seen_on", item.seen_on);
      date("captured_on", item.captured_on);
      text("sha256", item.sha256);
      text("note", item.note);
      if (const Node supports = Doc::Get(item_node, "supports"); Doc::Has(supports)) {
        at["supports"] = doc_.Locate(supports);
        if (!Doc::IsSequence(supports)) {
          doc_.Error("E0104", supports, "'evidence.supports' must be a list of elements of the law",
                     {"e.g. [be.sw.417-9.dissemination, sexual_content]: RULE-ID.ELEMENT-ID, or an element id "
                      "for that element in every rule that has it"});
          ok = false;
        } else {
          Doc::ForEachItem(supports, [&](const Node& one) {
            if (auto id = doc_.ReadText(one, "evidence.supports")) {
              item.supports.push_back(*id);
              item.supports_at.push_back(doc_.Locate(one));
            } else {
              ok = false;
            }
          });
        }
      }
      if (!ok) return;
      CaseBuilderAccess::AddEvidence(builder_, std::move(item), at);
      for (auto& d : builder_.TakeProblems()) doc_.Error(d);
    });
  }

  std::vector<ExpectedRule> ReadRuleList(const Node& node, const std::string& key) {
    std::vector<ExpectedRule> rules;
    if (!Doc::IsSequence(node)) {
      doc_.Error("E0104", node, "'expect." + key + "' must be a list of rule ids");
      return rules;
    }
    Doc::ForEachItem(node, [&](const Node& item) {
      if (auto id = doc_.ReadText(item, "expect." + key)) rules.push_back(ExpectedRule{*id, doc_.Locate(item)});
    });
    return rules;
  }

  std::vector<ExpectedGap> ReadGapList(const Node& node) {
    std::vector<ExpectedGap> gaps;
    if (!Doc::IsSequence(node)) {
      doc_.Error("E0104", node, "'expect.gaps' must be a list of {harm: ID, status: STATUS} ([] for no gap)");
      return gaps;
    }
    Doc::ForEachItem(node, [&](const Node& item) {
      if (!doc_.CheckMap(item, "expect.gaps item", {"harm", "status"}, {"harm", "status"})) return;
      ExpectedGap gap;
      gap.location = doc_.Locate(item);
      auto harm = doc_.ReadText(Doc::Get(item, "harm"), "expect.gaps.harm");
      auto status = doc_.ReadText(Doc::Get(item, "status"), "expect.gaps.status");
      if (!harm || !status) return;
      gap.harm = *harm;
      gap.status = *status;
      gaps.push_back(std::move(gap));
    });
    return gaps;
  }

  std::vector<ExpectedLimitation> ReadLimitations(const Node& node) {
    std::vector<ExpectedLimitation> out;
    if (!Doc::IsSequence(node)) {
      doc_.Error("E0104", node, "'expect.limitation' must be a list",
                 {"each: {rule: ID, lapsed: true|false|unknown, barred_from: DATE|never, barred_from_latest: DATE, "
                  "period_years: N}"});
      return out;
    }
    Doc::ForEachItem(node, [&](const Node& item) {
      if (!doc_.CheckMap(item, "expect.limitation entry",
                         {"rule", "lapsed", "barred_from", "barred_from_latest", "period_years"}, {"rule"})) {
        return;
      }
      ExpectedLimitation e;
      e.location = doc_.Locate(item);
      if (auto id = doc_.ReadText(Doc::Get(item, "rule"), "rule")) e.rule = *id;
      if (const Node n = Doc::Get(item, "lapsed"); Doc::Has(n)) {
        if (Doc::IsUnknown(n)) {
          e.lapsed = Truth::kUnknown;
        } else if (auto b = doc_.ReadBool(n, "lapsed")) {
          e.lapsed = *b ? Truth::kTrue : Truth::kFalse;
        }
      }
      if (const Node n = Doc::Get(item, "barred_from"); Doc::Has(n)) {
        auto text = doc_.ReadString(n, "barred_from");
        if (text && *text == "never") {
          e.never = true;
        } else if (text) {
          e.barred_from = doc_.ReadDate(n, "barred_from");
        }
      }
      if (const Node n = Doc::Get(item, "barred_from_latest"); Doc::Has(n)) {
        e.barred_from_latest = doc_.ReadDate(n, "barred_from_latest");
      }
      if (const Node n = Doc::Get(item, "period_years"); Doc::Has(n)) {
        if (auto y = doc_.ReadInt(n, "period_years")) e.period_years = static_cast<int>(*y);
      }
      out.push_back(std::move(e));
    });
    return out;
  }

  void ReadExpectations(const Node& node) {
    if (!doc_.CheckMap(node, "expect",
                       {"applies", "possible", "absent", "gaps", "source", "note", "with", "as_of", "assessed_on",
                        "limitation"},
                       {"source"})) {
      return;
    }
    Expectations expect;
    expect.location = doc_.Locate(node);
    if (const Node n = Doc::Get(node, "applies"); Doc::Has(n)) expect.applies = ReadRuleList(n, "applies");
    if (const Node n = Doc::Get(node, "possible"); Doc::Has(n)) expect.possible = ReadRuleList(n, "possible");
    if (const Node n = Doc::Get(node, "absent"); Doc::Has(n)) expect.absent = ReadRuleList(n, "absent");
    if (const Node n = Doc::Get(node, "gaps"); Doc::Has(n)) {
      expect.gaps = ReadGapList(n);
      expect.gaps_location = doc_.Locate(n);
    }
    if (const Node n = Doc::Get(node, "source"); Doc::Has(n)) {
      if (auto source = doc_.ReadString(n, "expect.source")) expect.source = *source;
    }
    if (const Node n = Doc::Get(node, "with"); Doc::Has(n)) {
      if (auto with = doc_.ReadStringList(n, "expect.with")) expect.with = *with;
    }
    if (const Node n = Doc::Get(node, "as_of"); Doc::Has(n)) expect.as_of = doc_.ReadDate(n, "expect.as_of");
    if (const Node n = Doc::Get(node, "assessed_on"); Doc::Has(n)) {
      expect.assessed_on = doc_.ReadDate(n, "expect.assessed_on");
    }
    if (const Node n = Doc::Get(node, "limitation"); Doc::Has(n)) expect.limitation = ReadLimitations(n);
    CaseBuilderAccess::SetExpectations(builder_, std::move(expect));
  }

  const Vocabulary& vocabulary_;
  const internal::VocabularyData& data_;
  Doc& doc_;
  CaseBuilder builder_;
  std::set<std::string> top_level_;
  std::optional<Case> case_;
};

}  // namespace

Result<Case> Case::Load(const std::string& path, const Vocabulary& vocabulary) {
  Diagnostic error;
  auto text = internal::ReadFile(path, error);
  if (!text) return error;
  return Parse(*text, path, vocabulary);
}

Result<Case> Case::Parse(const std::string& text, const std::string& file_name,
                         const Vocabulary& vocabulary) {
  YamlReader reader(text, file_name);
  auto root = reader.Parse(internal::kCaseLimits);
  if (!root) return reader.TakeDiagnostics();
  YamlDoc doc(reader);
  CaseReader<YamlDoc> loader(vocabulary, doc);
  try {
    loader.Load(*root);
  } catch (const YAML::Exception& e) {
    reader.Error("E0003", SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1},
                 "could not read this part of the case: " + e.msg);
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  return internal::CaseSource::Hashed(loader.Take(), text);
}

namespace internal {

Result<Case> ReadCaseObject(const nlohmann::json& value, const Vocabulary& vocabulary, const std::string& base,
                            std::vector<std::string>* fields) {
  JsonDoc doc(value, base);
  // An empty object has always been answered as no map at all.
  static const nlohmann::json kNull;
  const JsonDoc::Node root{value.empty() ? &kNull : &value, base, false};
  CaseReader<JsonDoc> reader(vocabulary, doc);
  reader.Load(root);
  auto errors = doc.TakeDiagnostics();
  if (errors.empty()) return CaseSource::Hashed(reader.Take(), value.dump());
  if (fields != nullptr) {
    fields->clear();
    for (const auto& d : errors) fields->push_back(doc.FieldOf(d, base));
  }
  return errors;
}

}  // namespace internal
}  // namespace ibsa
