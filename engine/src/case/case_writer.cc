// One case writer: the case's fields are described once (CaseFields), in the order and
// shape a case file gives them, and written as YAML or as JSON from that description.
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "case/named_ranges.h"
#include "ibsa/case.h"

namespace ibsa {
namespace {

// One field of a written case: a scalar, a list or a map of fields.
struct Field {
  enum class Kind {
    kText,     // a string: a name, a value, a date, "unknown"
    kTitle,    // a string people wrote: quoted in YAML
    kBool,
    kNumber,
    kValues,   // a list on one line: a set fact's members (an uncertain one as a map)
    kActs,     // a list of acts, one per line, each a map on one line
    kMap,      // a group of facts (victim: ...), or an act
    kItems,    // a list of maps, each written as a block (the evidence log)
    kRange,    // a map on one line: an int's range {min: 16, max: 17}, a date's {from, to}
  };
  std::string key;  // empty for a list's item
  Kind kind = Kind::kText;
  std::string text;
  int64_t number = 0;  // kBool (0/1) and kNumber
  std::vector<Field> items;
};

Field Text(std::string key, std::string text) { return {std::move(key), Field::Kind::kText, std::move(text), 0, {}}; }
Field Bool(std::string key, bool value) { return {std::move(key), Field::Kind::kBool, "", value ? 1 : 0, {}}; }

std::string Group(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? "" : name.substr(0, dot);
}

std::string Member(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

Field ValueField(std::string key, const FactDefinition& fact, const FactValue& value) {
  switch (fact.type) {
    case FactType::kBool: return Bool(std::move(key), *value.boolean());
    case FactType::kInt: return {std::move(key), Field::Kind::kNumber, "", *value.integer(), {}};
    case FactType::kDate: return Text(std::move(key), value.date()->ToString());
    case FactType::kEnum: return Text(std::move(key), fact.values[static_cast<size_t>(*value.value_index())]);
    case FactType::kSet: {
      Field list{std::move(key), Field::Kind::kValues, "", 0, {}};
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if (value.Has(static_cast<int>(i)) == Truth::kTrue) list.items.push_back(Text("", fact.values[i]));
      }
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if (value.Has(static_cast<int>(i)) == Truth::kUnknown) {
          list.items.push_back({"", Field::Kind::kMap, "", 0, {Text("type", fact.values[i]), Bool("certain", false)}});
        }
      }
      return list;
    }
  }
  return Text(std::move(key), "");
}

// A date as it was given: a day, a month or a year as text; a range as {from, to}.
Field PeriodField(std::string key, const DatePeriod& period) {
  if (!period.range) return Text(std::move(key), period.FromText());
  return {std::move(key), Field::Kind::kRange, "", 0, {Text("from", period.FromText()), Text("to", period.ToText())}};
}

Field ActsField(std::string key, const Case& c) {
  Field list{std::move(key), Field::Kind::kActs, "", 0, {}};
  for (const Act& act : c.acts()) {
    Field entry{"", Field::Kind::kMap, "", 0, {Text("type", act.type)}};
    if (act.period != c.period()) entry.items.push_back(PeriodField("date", act.period));
    if (!act.certain) entry.items.push_back(Bool("certain", false));
    list.items.push_back(std::move(entry));
  }
  return list;
}

// The evidence log, each item's keys in the order docs/case-format.md lists them; what
// people wrote (service, account, note) quoted as a title is.
Field EvidenceField(const std::vector<EvidenceItem>& evidence) {
  Field list{"evidence", Field::Kind::kItems, "", 0, {}};
  for (const EvidenceItem& item : evidence) {
    Field entry{"", Field::Kind::kMap, "", 0, {}};
    auto said = [&](const char* key, const std::string& text) {
      if (!text.empty()) entry.items.push_back({key, Field::Kind::kTitle, text, 0, {}});
    };
    if (!item.url.empty()) entry.items.push_back(Text("url", item.url));
    said("service", item.service);
    said("account", item.account);
    if (item.seen_on) entry.items.push_back(Text("seen_on", item.seen_on->ToString()));
    if (item.captured_on) entry.items.push_back(Text("captured_on", item.captured_on->ToString()));
    if (!item.sha256.empty()) entry.items.push_back(Text("sha256", item.sha256));
    if (!item.supports.empty()) {
      Field supports{"supports", Field::Kind::kValues, "", 0, {}};
      for (const auto& id : item.supports) supports.items.push_back(Text("", id));
      entry.items.push_back(std::move(supports));
    }
    said("note", item.note);
    list.items.push_back(std::move(entry));
  }
  return list;
}

// A range as the case gave it: by its word when one names it (minor), else by its bounds.
Field RangeField(std::string key, const Vocabulary& vocabulary, int slot, std::pair<int64_t, int64_t> range) {
  for (const internal::NamedRange& named : internal::NamedRanges(vocabulary, slot)) {
    if (named.low == range.first && named.high == range.second) return Text(std::move(key), named.word);
  }
  return {std::move(key), Field::Kind::kRange, "", 0,
          {{"min", Field::Kind::kNumber, "", range.first, {}}, {"max", Field::Kind::kNumber, "", range.second, {}}}};
}

// The case's fields: id, title, jurisdiction, date, then the facts it states (given or
// unknown) in vocabulary order, grouped by the part of their name before the dot, then
// its evidence log.
std::vector<Field> CaseFields(const Case& c, const Vocabulary& vocabulary) {
  std::vector<Field> fields{Text("id", c.id())};
  if (!c.title().empty()) fields.push_back({"title", Field::Kind::kTitle, c.title(), 0, {}});
  fields.push_back(Text("jurisdiction", c.jurisdiction()));
  fields.push_back(PeriodField("date", c.period()));
  std::map<std::string, size_t> groups;  // group name -> its index in `fields`
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    const bool unknown = std::find(c.stated_unknown().begin(), c.stated_unknown().end(), slot) !=
                         c.stated_unknown().end();
    if (!((value.known() || value.range()) && value.given()) && !unknown) continue;
    const FactDefinition& fact = vocabulary.fact(slot);
    const std::string key = Member(fact.name);
    Field field = value.range()  ? RangeField(key, vocabulary, slot, *value.range())
                  : !value.known() ? Text(key, "unknown")
                  : fact.name == kActsFact && !c.acts().empty() ? ActsField(key, c)
                                                                : ValueField(key, fact, value);
    const std::string group = Group(fact.name);
    if (group.empty()) {
      fields.push_back(std::move(field));
      continue;
    }
    auto [at, added] = groups.emplace(group, fields.size());
    if (added) fields.push_back({group, Field::Kind::kMap, "", 0, {}});
    fields[at->second].items.push_back(std::move(field));
  }
  if (!c.not_said().empty()) {
    Field list{"not_said", Field::Kind::kValues, "", 0, {}};
    for (int slot : c.not_said()) list.items.push_back(Text("", vocabulary.fact(slot).name));
    fields.push_back(std::move(list));
  }
  if (!c.evidence().empty()) fields.push_back(EvidenceField(c.evidence()));
  return fields;
}

void Emit(YAML::Emitter& out, const Field& f) {
  if (!f.key.empty()) out << YAML::Key << f.key << YAML::Value;
  switch (f.kind) {
    case Field::Kind::kText: out << f.text; return;
    case Field::Kind::kTitle: out << YAML::DoubleQuoted << f.text; return;
    case Field::Kind::kBool: out << (f.number != 0); return;
    case Field::Kind::kNumber: out << f.number; return;
    case Field::Kind::kValues:
    case Field::Kind::kActs:
    case Field::Kind::kItems:
      if (f.kind == Field::Kind::kValues) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const Field& item : f.items) {
        if (f.kind == Field::Kind::kActs) out << YAML::Flow;
        Emit(out, item);
      }
      out << YAML::EndSeq;
      return;
    case Field::Kind::kMap:
    case Field::Kind::kRange:
      if (f.kind == Field::Kind::kRange) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const Field& item : f.items) Emit(out, item);
      out << YAML::EndMap;
      return;
  }
}

nlohmann::ordered_json ToJson(const Field& f) {
  switch (f.kind) {
    case Field::Kind::kText:
    case Field::Kind::kTitle: return f.text;
    case Field::Kind::kBool: return f.number != 0;
    case Field::Kind::kNumber: return f.number;
    case Field::Kind::kValues:
    case Field::Kind::kActs:
    case Field::Kind::kItems: {
      auto list = nlohmann::ordered_json::array();
      for (const Field& item : f.items) list.push_back(ToJson(item));
      return list;
    }
    case Field::Kind::kMap:
    case Field::Kind::kRange: {
      auto map = nlohmann::ordered_json::object();
      for (const Field& item : f.items) map[item.key] = ToJson(item);
      return map;
    }
  }
  return nullptr;
}

}  // namespace

std::string CaseToYaml(const Case& c, const Vocabulary& vocabulary) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  for (const Field& f : CaseFields(c, vocabulary)) Emit(out, f);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string CaseToJson(const Case& c, const Vocabulary& vocabulary) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const Field& f : CaseFields(c, vocabulary)) out[f.key] = ToJson(f);
  return out.dump(2) + "\n";
}

}  // namespace ibsa
