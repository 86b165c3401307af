#include "ibsa/vocabulary.h"

#include <algorithm>
#include <memory>

#include "base/fact_encoding.h"
#include "base/file_io.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

std::string_view FactTypeName(FactType type) {
  switch (type) {
    case FactType::kBool: return "bool";
    case FactType::kInt: return "int";
    case FactType::kDate: return "date";
    case FactType::kEnum: return "enum";
    case FactType::kSet: return "set";
  }
  return "bool";
}

std::string_view IntakeStageName(IntakeStage stage) {
  switch (stage) {
    case IntakeStage::kEvent: return "event";
    case IntakeStage::kPerson: return "person";
    case IntakeStage::kImage: return "image";
    case IntakeStage::kPlatform: return "platform";
    case IntakeStage::kUndeclared: return "";
  }
  return "";
}

std::optional<int> FactDefinition::ValueIndex(std::string_view value) const {
  auto it = std::find(values.begin(), values.end(), value);
  if (it == values.end()) return std::nullopt;
  return static_cast<int>(it - values.begin());
}

namespace {

using internal::YamlReader;

const std::vector<std::string> kTypeNames = {"bool", "int", "date", "enum", "set"};
// In IntakeStage's order.
const std::vector<std::string> kStageNames = {"event", "person", "image", "platform"};
constexpr std::size_t kMaxValues = 64;  // values are bits of a 64-bit mask

FactType TypeFromName(const std::string& name) {
  if (name == "int") return FactType::kInt;
  if (name == "date") return FactType::kDate;
  if (name == "enum") return FactType::kEnum;
  if (name == "set") return FactType::kSet;
  return FactType::kBool;
}

bool ValidFactName(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

void ReadFact(const YAML::Node& node, YamlReader& reader, internal::VocabularyData& data) {
  if (!reader.CheckMap(node, "fact",
                       {"name", "type", "values", "min", "max", "label", "question", "derived",
                        "description", "sensitivity", "value_labels", "stage", "intake", "why", "asked_when"},
                       {"name", "type", "label"})) {
    return;
  }
  if (!node["name"].IsDefined() || !node["type"].IsDefined()) return;
  FactDefinition fact;
  auto name = reader.ReadString(node["name"], "name");
  auto type = reader.ReadChoice(node["type"], "type", kTypeNames);
  if (!name || !type) return;
  if (!ValidFactName(*name)) {
    reader.Error("E0110", node["name"], "fact name '" + *name + "' is not of the form group.name",
                 {"use lower-case letters, digits, '_' and '.'"});
    return;
  }
  if (data.slots.count(*name) != 0) {
    reader.Error("E0109", node["name"], "fact '" + *name + "' is declared twice");
    return;
  }
  fact.name = *name;
  fact.type = TypeFromName(*type);
  fact.location = reader.Locate(node["name"]);
  const bool takes_values = fact.type == FactType::kEnum || fact.type == FactType::kSet;
  if (takes_values) {
    if (!node["values"].IsDefined()) {
      reader.Error("E0106", node, "fact '" + fact.name + "' of type " + *type + " needs 'values'");
      return;
    }
    auto values = reader.ReadStringList(node["values"], "values");
    if (!values) return;
    if (values->empty() || values->size() > kMaxValues) {
      reader.Error("E0110", node["values"], "'values' must list 1 to 64 values");
      return;
    }
    for (const auto& v : *values) {
      if (v == "unknown") {
        reader.Error("E0110", node["values"], "'unknown' is reserved: it means the fact is not known");
        return;
      }
    }
    fact.values = *values;
  } else if (node["values"].IsDefined()) {
    reader.Error("E0110", node["values"], "only enum and set facts take 'values'");
  }
  if (node["min"].IsDefined() || node["max"].IsDefined()) {
    if (fact.type != FactType::kInt) {
      reader.Error("E0110", node, "only int facts take 'min' and 'max'");
    } else {
      if (node["min"].IsDefined()) fact.min = reader.ReadInt(node["min"], "min");
      if (node["max"].IsDefined()) fact.max = reader.ReadInt(node["max"], "max");
    }
  }
  if (node["value_labels"].IsDefined()) {
    const YAML::Node labels = node["value_labels"];
    if (!takes_values) {
      reader.Error("E0110", labels, "only enum and set facts take 'value_labels'");
    } else if (reader.CheckMap(labels, "value_labels", fact.values, fact.values)) {
      fact.value_labels.resize(fact.values.size());
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if (auto label = reader.ReadLocalized(labels[fact.values[i]], fact.values[i])) {
          fact.value_labels[i] = *label;
        }
      }
    }
  }
  if (node["sensitivity"].IsDefined()) {
    if (auto level = reader.ReadInt(node["sensitivity"], "sensitivity")) {
      if (*level < 1 || *level > 3) {
        reader.Error("E0107", node["sensitivity"],
                     "'sensitivity': " + std::to_string(*level) + " is out of range",
                     {"allowed: 1 (neutral), 2 (personal), 3 (intimate)"});
      } else {
        fact.sensitivity = static_cast<int>(*level);
      }
    }
  }
  if (node["stage"].IsDefined()) {
    if (auto stage = reader.ReadChoice(node["stage"], "stage", kStageNames)) {
      fact.stage = static_cast<IntakeStage>(std::find(kStageNames.begin(), kStageNames.end(), *stage) - kStageNames.begin());
    }
  }
  if (node["intake"].IsDefined()) {
    if (auto use = reader.ReadChoice(node["intake"], "intake", {"basic", "for_lawyer"})) {
      fact.intake = *use == "basic" ? IntakeUse::kBasic : IntakeUse::kForLawyer;
    }
  }
  if (node["why"].IsDefined()) {
    if (auto why = reader.ReadLocalized(node["why"], "why")) fact.why = *why;
  }
  fact.asked_conditionally = node["asked_when"].IsDefined();
  if (auto label = reader.ReadLocalized(node["label"], "label")) fact.label = *label;
  if (node["question"].IsDefined()) {
    if (auto question = reader.ReadLocalized(node["question"], "question")) {
      fact.question = *question;
    }
  }
  const int slot = static_cast<int>(data.facts.size());
  if (node["derived"].IsDefined()) {
    if (fact.type != FactType::kBool) {
      reader.Error("E0110", node["derived"], "only bool facts can be derived");
      return;
    }
    fact.derived = true;
    internal::FactScope scope = data.Scope();
    scope.visible = slot;
    int32_t root = internal::ParseCondition(node["derived"], scope, reader, data.program, nullptr);
    if (root >= 0) data.derivations.push_back({slot, root});
  }
  data.slots.emplace(fact.name, slot);
  data.facts.push_back(std::move(fact));
}

// `jurisdictions` or `applies_alongside`: codes, each with the name reports print for it
// in every language, `BE: {nl: België, fr: Belgique, en: Belgium}`. A code is declared
// once across both lists: a case is assessed under its own jurisdiction's law, with the
// law of those that apply alongside it.
void ReadJurisdictions(const YAML::Node& node, const std::string& key, YamlReader& reader,
                       internal::VocabularyData& data, std::vector<std::string>& codes) {
  const std::string example = "BE: {nl: België, fr: Belgique, en: Belgium}";
  if (node.IsSequence()) {
    // The list of codes written before the names were declared with them.
    for (const auto& item : node) {
      reader.Error("E0112", item, "jurisdiction" + (item.IsScalar() ? " '" + item.Scalar() + "'" : std::string()) +
                                      " is declared without its name",
                   {"declare each code of '" + key + "' with its name in nl, fr and en, e.g. " + example});
    }
    return;
  }
  if (!node.IsMap()) {
    reader.Error("E0104", node, "'" + key + "' must map each jurisdiction's code to its name",
                 {"e.g. " + example});
    return;
  }
  reader.CheckNoDuplicateKeys(node, "'" + key + "'");
  for (auto it = node.begin(); it != node.end(); ++it) {
    const auto code = reader.ReadString(it->first, key);
    if (!code) continue;
    if (std::find(codes.begin(), codes.end(), *code) != codes.end()) continue;  // E0109 above
    if (data.jurisdiction_names.count(*code) != 0) {
      reader.Error("E0103", it->first,
                   "'" + *code + "' is both a jurisdiction of cases and one that applies alongside them",
                   {"a case is assessed under its own jurisdiction's law, with the law of those "
                    "in applies_alongside; name each code in one list only"});
      continue;
    }
    const YAML::Node names = it->second;
    LocalizedText name;
    std::vector<std::string> missing;
    if (names.IsMap()) {
      reader.CheckMap(names, "the name of jurisdiction '" + *code + "'", {"nl", "fr", "en"}, {});
      const std::pair<const char*, std::string*> languages[] = {{"nl", &name.nl}, {"fr", &name.fr}, {"en", &name.en}};
      for (const auto& [language, text] : languages) {
        const YAML::Node value = names[language];
        if (!value.IsDefined()) {
          missing.emplace_back(language);
        } else if (auto read = reader.ReadText(value, key + "." + *code + "." + language)) {
          if (read->empty()) missing.emplace_back(language);
          *text = std::move(*read);
        }
      }
    }
    if (!names.IsMap() || !missing.empty()) {
      std::string languages;
      for (const auto& language : missing) languages += (languages.empty() ? " in " : ", ") + language;
      reader.Error("E0112", names.IsMap() ? names : it->first,
                   "jurisdiction '" + *code + "' is declared without its name" + languages,
                   {"name it in nl, fr and en, e.g. " + example});
      continue;
    }
    codes.push_back(*code);
    data.jurisdiction_names.emplace(*code, std::move(name));
  }
}

}  // namespace

namespace internal {

void DeriveFacts(const VocabularyData& vocabulary, std::vector<FactValue>& values,
                 std::vector<int>* contradictions) {
  for (const auto& derivation : vocabulary.derivations) {
    const Truth truth = EvalNode(vocabulary.program, derivation.root, values, nullptr);
    FactValue& value = values[derivation.slot];
    if (truth == Truth::kUnknown) continue;
    const int64_t derived = truth == Truth::kTrue ? 1 : 0;
    if (value.known() && value.given()) {
      if (EncodingOf(value).number != derived && contradictions != nullptr) {
        contradictions->push_back(derivation.slot);
      }
      continue;
    }
    EncodingOf(value).known = true;
    EncodingOf(value).number = derived;
  }
}

}  // namespace internal

Result<Vocabulary> Vocabulary::Load(const std::string& path) {
  Diagnostic error;
  auto text = internal::ReadFile(path, error);
  if (!text) return error;
  return Parse(*text, path);
}

Result<Vocabulary> Vocabulary::Parse(const std::string& text, const std::string& file_name) {
  YamlReader reader(text, file_name);
  auto root = reader.Parse(internal::kVocabularyLimits);
  if (!root) return reader.TakeDiagnostics();
  auto data = std::make_shared<internal::VocabularyData>();
  data->file = file_name;
  if (reader.CheckMap(*root, "vocabulary", {"format", "jurisdictions", "applies_alongside", "facts", "constraints"},
                      {"format", "jurisdictions", "facts"})) {
    if ((*root)["format"].IsDefined()) {
      reader.ReadChoice((*root)["format"], "format", {"ibsa.facts/1"});
    }
    if ((*root)["jurisdictions"].IsDefined()) {
      ReadJurisdictions((*root)["jurisdictions"], "jurisdictions", reader, *data, data->jurisdictions);
    }
    if (const YAML::Node alongside = (*root)["applies_alongside"]; alongside.IsDefined()) {
      ReadJurisdictions(alongside, "applies_alongside", reader, *data, data->applies_alongside);
    }
    const YAML::Node facts = (*root)["facts"];
    if (facts.IsDefined()) {
      if (!facts.IsSequence()) {
        reader.Error("E0104", facts, "'facts' must be a list of fact declarations");
      } else {
        try {
          for (const auto& node : facts) ReadFact(node, reader, *data);
        } catch (const YAML::Exception& e) {
          reader.Error("E0003", SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1},
                       "could not read this part of the vocabulary: " + e.msg);
        }
      }
    }
    // After the facts: an `asked_when` may name any of them.
    data->asked_when.assign(data->facts.size(), -1);
    if (facts.IsSequence() && reader.ok()) {
      for (const auto& node : facts) {
        if (!node.IsMap() || !node["asked_when"].IsDefined() || !node["name"].IsDefined()) continue;
        const auto slot = data->slots.find(node["name"].Scalar());
        if (slot == data->slots.end()) continue;
        data->asked_when[slot->second] =
            internal::ParseCondition(node["asked_when"], data->Scope(), reader, data->program, nullptr);
      }
    }
    if (data->slots.count(std::string(kActsFact)) == 0 && reader.ok()) {
      reader.Error("E0106", *root, "the vocabulary must declare the set fact 'acts'");
    } else if (reader.ok() && data->facts[data->slots.at(std::string(kActsFact))].type !=
                                  FactType::kSet) {
      reader.Error("E0110", *root, "the fact 'acts' must be of type set");
    }
    // After the facts: a constraint may name any of them.
    if (const YAML::Node constraints = (*root)["constraints"]; constraints.IsDefined() && reader.ok()) {
      try {
        internal::ReadFactConstraints(constraints, reader, *data);
      } catch (const YAML::Exception& e) {
        reader.Error("E0003", SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1},
                     "could not read this part of the vocabulary: " + e.msg);
      }
    }
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  return Vocabulary(std::move(data));
}

std::optional<int> Vocabulary::SlotOf(std::string_view name) const {
  auto it = data_->slots.find(name);
  if (it == data_->slots.end()) return std::nullopt;
  return it->second;
}

const FactDefinition& Vocabulary::fact(int slot) const { return data_->facts[slot]; }
int Vocabulary::size() const { return static_cast<int>(data_->facts.size()); }
const std::vector<std::string>& Vocabulary::jurisdictions() const { return data_->jurisdictions; }
const std::vector<std::string>& Vocabulary::applies_alongside() const { return data_->applies_alongside; }

std::string Vocabulary::JurisdictionName(std::string_view code, Language language) const {
  auto it = data_->jurisdiction_names.find(code);
  return it == data_->jurisdiction_names.end() ? std::string(code) : it->second.Get(language);
}

bool operator==(const Vocabulary& a, const Vocabulary& b) { return *a.data_ == *b.data_; }

std::vector<std::string> Vocabulary::Names() const {
  std::vector<std::string> names;
  for (const auto& fact : data_->facts) names.push_back(fact.name);
  return names;
}

}  // namespace ibsa
