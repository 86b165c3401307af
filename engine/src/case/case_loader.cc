#include <algorithm>
#include <set>

#include "base/access.h"
#include "base/file_io.h"
#include "ibsa/case.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

using internal::YamlReader;

constexpr size_t kMaxActs = 63;

// Builds a Case from one YAML or JSON document (see docs/case-format.md).
class CaseLoader {
 public:
  CaseLoader(const Vocabulary& vocabulary, YamlReader& reader)
      : vocabulary_(vocabulary), data_(internal::DataOf(vocabulary)), reader_(reader) {
    c_.file_ = reader.file();
    c_.values_.resize(data_.facts.size());
    given_at_.resize(data_.facts.size());
    for (const auto& fact : data_.facts) {
      const std::string& name = fact.name;
      auto dot = name.find('.');
      top_level_.insert(dot == std::string::npos ? name : name.substr(0, dot));
    }
  }

  void Load(const YAML::Node& root) {
    std::vector<std::string> allowed = kMetaKeys;
    allowed.insert(allowed.end(), top_level_.begin(), top_level_.end());
    if (!root.IsMap()) {
      reader_.Error("E0104", root, "a case must be a map of keys to values",
                    {"see docs/case-format.md"});
      return;
    }
    reader_.CheckNoDuplicateKeys(root, "case");
    for (const auto& key : std::vector<std::string>{"id", "jurisdiction", "date"}) {
      if (!root[key].IsDefined()) {
        reader_.Error("E0106", root, "missing key '" + key + "' in case",
                      {key == "date" ? "the date of the facts, YYYY-MM-DD: it selects the law "
                                       "in force"
                                     : key == "jurisdiction"
                                           ? "the national law to assess: " +
                                                 internal::JoinQuoted(data_.jurisdictions)
                                           : "a short identifier for the case"});
      }
    }
    if (root["id"].IsDefined()) {
      if (auto id = reader_.ReadText(root["id"], "id")) c_.id_ = *id;
    }
    if (root["title"].IsDefined()) {
      if (auto title = reader_.ReadText(root["title"], "title")) c_.title_ = *title;
    }
    if (root["description"].IsDefined()) {
      reader_.ReadText(root["description"], "description", /*lines=*/true);
    }
    if (root["jurisdiction"].IsDefined()) {
      if (auto j = reader_.ReadChoice(root["jurisdiction"], "jurisdiction", data_.jurisdictions)) {
        c_.jurisdiction_ = *j;
      }
    }
    if (root["date"].IsDefined()) {
      c_.date_location_ = reader_.Locate(root["date"]);
      if (auto date = reader_.ReadDate(root["date"], "date")) {
        c_.date_ = *date;
        have_date_ = true;
      }
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string key = it->first.Scalar();
      if (std::find(kMetaKeys.begin(), kMetaKeys.end(), key) != kMetaKeys.end()) continue;
      if (top_level_.count(key) == 0) {
        if (reader_.full()) {  // not shown: spare the suggestions
          reader_.CountUnshown();
          continue;
        }
        reader_.Error("E0101", it->first, "unknown key '" + key + "' in case",
                      {internal::DidYouMean(key, allowed), "allowed keys: " +
                                                               internal::JoinQuoted(allowed)});
        continue;
      }
      ReadEntry(it->first, it->second, key);
    }
    if (root["expect"].IsDefined()) ReadExpectations(root["expect"]);
    if (have_date_) {
      for (auto& act : c_.acts_) {
        if (!act_has_date_[&act - c_.acts_.data()]) act.date = c_.date_;
      }
    }
    Derive();
  }

  Case Take() { return std::move(c_); }

 private:
  inline static const std::vector<std::string> kMetaKeys = {"id", "title", "description",
                                                            "jurisdiction", "date", "expect"};

  // `name` is a fact or a group of facts ("victim").
  void ReadEntry(const YAML::Node& key, const YAML::Node& value, const std::string& name) {
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
      reader_.Error("E0102", key, "unknown fact '" + name + "'",
                    {internal::DidYouMean(name, vocabulary_.Names())});
      return;
    }
    if (!value.IsMap()) {
      reader_.Error("E0104", value, "'" + name + "' must be a map of facts",
                    {"facts in '" + name + "': " + internal::JoinQuoted(members)});
      return;
    }
    reader_.CheckNoDuplicateKeys(value, "'" + name + "'");
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string child = name + "." + it->first.Scalar();
      if (!vocabulary_.SlotOf(child)) {
        bool is_group = std::any_of(members.begin(), members.end(), [&](const std::string& m) {
          return m.compare(0, child.size() + 1, child + ".") == 0;
        });
        if (!is_group && reader_.full()) {
          reader_.CountUnshown();
          continue;
        }
        if (!is_group) {
          reader_.Error("E0102", it->first, "unknown fact '" + child + "'",
                        {internal::DidYouMean(child, members),
                         "facts in '" + name + "': " + internal::JoinQuoted(members)});
          continue;
        }
      }
      ReadEntry(it->first, it->second, child);
    }
  }

  void ReadFact(int slot, const YAML::Node& node) {
    const FactDefinition& fact = data_.facts[slot];
    if (internal::IsUnknownScalar(node)) {
      c_.stated_unknown_.push_back(slot);
      return;
    }
    FactValue value;
    value.known = true;
    value.given = true;
    switch (fact.type) {
      case FactType::kBool: {
        auto b = reader_.ReadBool(node, fact.name);
        if (!b) return;
        value.number = *b ? 1 : 0;
        break;
      }
      case FactType::kInt: {
        auto n = reader_.ReadInt(node, fact.name);
        if (!n) return;
        if ((fact.min && *n < *fact.min) || (fact.max && *n > *fact.max)) {
          reader_.Error("E0107", node, "'" + fact.name + "': " + std::to_string(*n) +
                                           " is out of range",
                        {"allowed: " + (fact.min ? std::to_string(*fact.min) : "") + " to " +
                         (fact.max ? std::to_string(*fact.max) : "")});
          return;
        }
        value.number = *n;
        break;
      }
      case FactType::kDate: {
        auto d = reader_.ReadDate(node, fact.name);
        if (!d) return;
        value.number = d->days_since_epoch();
        break;
      }
      case FactType::kEnum: {
        auto choice = reader_.ReadChoice(node, fact.name, fact.values);
        if (!choice) return;
        value.number = *fact.ValueIndex(*choice);
        break;
      }
      case FactType::kSet:
        if (!ReadSet(fact, node, value)) return;
        break;
    }
    c_.values_[slot] = value;
    given_at_[slot] = reader_.Locate(node);
  }

  bool ReadSet(const FactDefinition& fact, const YAML::Node& node, FactValue& value) {
    const bool is_acts = fact.name == kActsFact;
    if (!node.IsSequence()) {
      reader_.Error("E0104", node, "'" + fact.name + "' must be a list",
                    {is_acts ? "e.g. [{type: create}, {type: share, date: 2025-04-01}]"
                             : "allowed values: " + internal::JoinQuoted(fact.values)});
      return false;
    }
    bool ok = true;
    for (const auto& item : node) {
      bool certain = true;
      std::optional<Date> date;
      const bool detailed = item.IsMap() && is_acts;
      if (detailed) {
        if (!reader_.CheckMap(item, "act", {"type", "date", "certain"}, {"type"}) ||
            !item["type"].IsDefined()) {
          ok = false;
          continue;
        }
        if (item["date"].IsDefined()) {
          date = reader_.ReadDate(item["date"], "date");
          if (!date) ok = false;
        }
        if (item["certain"].IsDefined()) {
          auto b = reader_.ReadBool(item["certain"], "certain");
          if (!b) ok = false;
          certain = b.value_or(true);
        }
      }
      // Constructed, never assigned: assigning a YAML::Node overwrites the node it refers to.
      const YAML::Node type_node = detailed ? item["type"] : item;
      auto choice = reader_.ReadChoice(type_node, fact.name, fact.values);
      if (!choice) {
        ok = false;
        continue;
      }
      const uint64_t bit = uint64_t{1} << *fact.ValueIndex(*choice);
      if (certain) {
        value.present |= bit;
      } else {
        value.uncertain |= bit;
      }
      if (is_acts) {
        Act act;
        act.type = *choice;
        act.type_index = *fact.ValueIndex(*choice);
        act.date = date.value_or(c_.date_);
        act.certain = certain;
        act.location = reader_.Locate(type_node);
        if (!Unlisted(act)) {
          ok = false;
          continue;
        }
        act_has_date_.push_back(date.has_value());
        c_.acts_.push_back(std::move(act));
      }
    }
    // Each act's date may select a version of its own; the engine tracks them in one
    // 64-bit word (the case date and at most 63 acts).
    if (is_acts && c_.acts_.size() > kMaxActs) {
      reader_.Error("E0111", node,
                    "the case lists " + std::to_string(c_.acts_.size()) + " acts; at most " +
                        std::to_string(kMaxActs) + " are supported",
                    {"list each kind of act once per date"});
      ok = false;
    }
    // An act reported both as certain and as uncertain is certain.
    value.uncertain &= ~value.present;
    return ok;
  }

  // An act is listed once per date: twice is a slip of the pen (or two certainties at
  // once), and the second would be read as the same act.
  bool Unlisted(const Act& act) {
    for (const Act& listed : c_.acts_) {
      if (listed.type != act.type || listed.date != act.date) continue;
      reader_.Error("E0109", act.location,
                    "the act '" + act.type + "' on " + act.date.ToString() + " is listed twice",
                    {"first listed at line " + std::to_string(listed.location.line) +
                     "; list an act once per date (an act done again later takes its own date)"});
      return false;
    }
    return true;
  }

  std::vector<ExpectedRule> ReadRuleList(const YAML::Node& node, const std::string& key) {
    std::vector<ExpectedRule> rules;
    if (!node.IsSequence()) {
      reader_.Error("E0104", node, "'expect." + key + "' must be a list of rule ids");
      return rules;
    }
    for (const auto& item : node) {
      if (auto id = reader_.ReadText(item, "expect." + key)) {
        rules.push_back(ExpectedRule{*id, reader_.Locate(item)});
      }
    }
    return rules;
  }

  void ReadExpectations(const YAML::Node& node) {
    if (!reader_.CheckMap(node, "expect",
                          {"applies", "possible", "absent", "source", "note", "with", "as_of"},
                          {"source"})) {
      return;
    }
    Expectations expect;
    expect.location = reader_.Locate(node);
    if (node["applies"].IsDefined()) expect.applies = ReadRuleList(node["applies"], "applies");
    if (node["possible"].IsDefined()) expect.possible = ReadRuleList(node["possible"], "possible");
    if (node["absent"].IsDefined()) expect.absent = ReadRuleList(node["absent"], "absent");
    if (node["source"].IsDefined()) {
      if (auto source = reader_.ReadString(node["source"], "expect.source")) expect.source = *source;
    }
    if (node["with"].IsDefined()) {
      if (auto with = reader_.ReadStringList(node["with"], "expect.with")) expect.with = *with;
    }
    if (node["as_of"].IsDefined()) expect.as_of = reader_.ReadDate(node["as_of"], "expect.as_of");
    c_.expectations_ = std::move(expect);
  }

  // Derived facts are computed when their inputs are known. A value the case gives
  // directly stands when the derivation is undecided, and is an error when the
  // derivation contradicts it.
  void Derive() {
    std::vector<int> contradictions;
    internal::DeriveFacts(data_, c_.values_, &contradictions);
    for (int slot : contradictions) {
      const auto& fact = data_.facts[slot];
      reader_.Error("E0108", given_at_[slot],
                    "'" + fact.name + "' contradicts the facts it is derived from",
                    {"the other facts of the case make it " +
                     std::string(c_.values_[slot].number ? "false" : "true") +
                     "; correct one of them or leave '" + fact.name + "' out"});
    }
  }

  const Vocabulary& vocabulary_;
  const internal::VocabularyData& data_;
  YamlReader& reader_;
  Case c_;
  std::set<std::string> top_level_;
  std::vector<SourceLocation> given_at_;
  std::vector<bool> act_has_date_;
  bool have_date_ = false;
};

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
  CaseLoader loader(vocabulary, reader);
  try {
    loader.Load(*root);
  } catch (const YAML::Exception& e) {
    reader.Error("E0003", SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1},
                 "could not read this part of the case: " + e.msg);
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  return loader.Take();
}

}  // namespace ibsa
