#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "ibsa/case.h"

namespace ibsa {
namespace {

std::string Group(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? "" : name.substr(0, dot);
}

std::string Member(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

void EmitValue(YAML::Emitter& out, const FactDefinition& fact, const FactValue& value) {
  switch (fact.type) {
    case FactType::kBool: out << (value.number != 0); return;
    case FactType::kInt: out << value.number; return;
    case FactType::kDate:
      out << Date::FromDays(static_cast<int32_t>(value.number)).ToString();
      return;
    case FactType::kEnum: out << fact.values[static_cast<size_t>(value.number)]; return;
    case FactType::kSet: {
      out << YAML::Flow << YAML::BeginSeq;
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if ((value.present >> i) & 1) out << fact.values[i];
      }
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if ((value.uncertain >> i) & 1) {
          out << YAML::BeginMap << YAML::Key << "type" << YAML::Value << fact.values[i]
              << YAML::Key << "certain" << YAML::Value << false << YAML::EndMap;
        }
      }
      out << YAML::EndSeq;
      return;
    }
  }
}

void EmitActs(YAML::Emitter& out, const Case& c) {
  out << YAML::BeginSeq;
  for (const Act& act : c.acts()) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "type" << YAML::Value << act.type;
    if (act.date != c.date()) out << YAML::Key << "date" << YAML::Value << act.date.ToString();
    if (!act.certain) out << YAML::Key << "certain" << YAML::Value << false;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

}  // namespace

std::string CaseToYaml(const Case& c, const Vocabulary& vocabulary) {
  // What to write per fact, in vocabulary order, grouped by the part before the dot.
  std::vector<std::string> groups;
  std::map<std::string, std::vector<int>> members;
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    const bool unknown = std::find(c.stated_unknown().begin(), c.stated_unknown().end(), slot) !=
                         c.stated_unknown().end();
    if (!(value.known && value.given) && !unknown) continue;
    const std::string group = Group(vocabulary.fact(slot).name);
    if (members.count(group) == 0) groups.push_back(group);
    members[group].push_back(slot);
  }
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << c.id();
  if (!c.title().empty()) out << YAML::Key << "title" << YAML::Value << YAML::DoubleQuoted << c.title();
  out << YAML::Key << "jurisdiction" << YAML::Value << c.jurisdiction();
  out << YAML::Key << "date" << YAML::Value << c.date().ToString();
  auto emit = [&](int slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    const FactValue& value = c.values()[slot];
    out << YAML::Key << Member(fact.name) << YAML::Value;
    if (!value.known) {
      out << "unknown";
    } else if (fact.name == kActsFact && !c.acts().empty()) {
      EmitActs(out, c);
    } else {
      EmitValue(out, fact, value);
    }
  };
  for (const auto& group : groups) {
    if (group.empty()) {
      for (int slot : members[group]) emit(slot);
      continue;
    }
    out << YAML::Key << group << YAML::Value << YAML::BeginMap;
    for (int slot : members[group]) emit(slot);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

namespace {

nlohmann::ordered_json ValueToJson(const FactDefinition& fact, const FactValue& value) {
  switch (fact.type) {
    case FactType::kBool: return value.number != 0;
    case FactType::kInt: return value.number;
    case FactType::kDate: return Date::FromDays(static_cast<int32_t>(value.number)).ToString();
    case FactType::kEnum: return fact.values[static_cast<size_t>(value.number)];
    case FactType::kSet: {
      auto members = nlohmann::ordered_json::array();
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if ((value.present >> i) & 1) members.push_back(fact.values[i]);
      }
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if ((value.uncertain >> i) & 1) members.push_back({{"type", fact.values[i]}, {"certain", false}});
      }
      return members;
    }
  }
  return nullptr;
}

}  // namespace

std::string CaseToJson(const Case& c, const Vocabulary& vocabulary) {
  nlohmann::ordered_json out;
  out["id"] = c.id();
  if (!c.title().empty()) out["title"] = c.title();
  out["jurisdiction"] = c.jurisdiction();
  out["date"] = c.date().ToString();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    const bool unknown = std::find(c.stated_unknown().begin(), c.stated_unknown().end(), slot) !=
                         c.stated_unknown().end();
    if (!(value.known && value.given) && !unknown) continue;
    const FactDefinition& fact = vocabulary.fact(slot);
    const std::string group = Group(fact.name);
    nlohmann::ordered_json& parent = group.empty() ? out : out[group];
    nlohmann::ordered_json& field = parent[Member(fact.name)];
    if (!value.known) {
      field = "unknown";
    } else if (fact.name == kActsFact && !c.acts().empty()) {
      field = nlohmann::ordered_json::array();
      for (const Act& act : c.acts()) {
        nlohmann::ordered_json entry{{"type", act.type}};
        if (act.date != c.date()) entry["date"] = act.date.ToString();
        if (!act.certain) entry["certain"] = false;
        field.push_back(std::move(entry));
      }
    } else {
      field = ValueToJson(fact, value);
    }
  }
  return out.dump(2) + "\n";
}

}  // namespace ibsa
