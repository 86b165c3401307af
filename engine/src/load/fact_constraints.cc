#include "load/fact_constraints.h"

#include "base/fact_encoding.h"

#include <algorithm>
#include <optional>

#include "expr/condition.h"
#include "load/citations.h"
#include "load/vocabulary_data.h"

namespace ibsa::internal {
namespace {

std::vector<Source> ReadSources(const YAML::Node& node, YamlReader& reader, const std::string& owner) {
  std::vector<Source> sources;
  if (!node.IsSequence() || node.size() == 0) {
    reader.Error("E0114", node, "'sources' of " + owner + " must list at least one source",
                 {"each source: {title: ..., url: https://...}; leave 'sources' out when the constraint "
                  "follows from what the facts mean"});
    return sources;
  }
  for (const auto& item : node) {
    if (!reader.CheckMap(item, "source", {"title", "url", "pinpoint"}, {"title", "url"})) continue;
    Source source;
    ReadSourceTitle(reader, item["title"], source);
    if (auto url = reader.ReadString(item["url"], "url")) {
      source.url = *url;
      if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
        reader.Error("E0114", item["url"], "source url must start with https:// or http://");
      }
    }
    if (item["pinpoint"].IsDefined()) {
      if (auto pinpoint = reader.ReadString(item["pinpoint"], "pinpoint")) source.pinpoint = *pinpoint;
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

void ReadOne(const YAML::Node& node, YamlReader& reader, VocabularyData& data, std::vector<std::string>& ids) {
  if (!reader.CheckMap(node, "constraint",
                       {"id", "when", "then", "not_applicable", "severity", "reason", "sources"},
                       {"id", "when", "severity", "reason"})) {
    return;
  }
  if (!node["id"].IsDefined()) return;
  auto id = reader.ReadString(node["id"], "id");
  if (!id) return;
  FactConstraint constraint;
  constraint.id = *id;
  constraint.location = reader.Locate(node["id"]);
  if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
    reader.Error("E0109", node["id"], "constraint '" + *id + "' is declared twice");
    return;
  }
  ids.push_back(*id);
  const std::string name = "constraint '" + *id + "'";
  const bool has_then = node["then"].IsDefined();
  const bool has_not_applicable = node["not_applicable"].IsDefined();
  if (has_then == has_not_applicable) {
    reader.Error("E0114", node, name + (has_then ? " has both 'then' and 'not_applicable'" : " says nothing"),
                 {"give either 'then' (a condition that must hold when 'when' does) or 'not_applicable' "
                  "(the facts that have no meaning when 'when' holds)"});
  }
  bool ok = true;
  if (node["when"].IsDefined()) {
    constraint.when = ParseCondition(node["when"], data.Scope(), reader, data.program, nullptr);
    ok = constraint.when >= 0;
  }
  if (has_then && !has_not_applicable) {
    constraint.then = ParseCondition(node["then"], data.Scope(), reader, data.program, nullptr);
    ok = ok && constraint.then >= 0;
  }
  if (has_not_applicable && !has_then) {
    if (auto names = reader.ReadStringList(node["not_applicable"], "not_applicable")) {
      std::vector<int> read_by_when;
      if (constraint.when >= 0) SlotsOf(data.program, constraint.when, read_by_when);
      if (names->empty()) {
        reader.Error("E0114", node["not_applicable"], "'not_applicable' of " + name + " lists no fact");
      }
      for (const auto& fact : *names) {
        auto found = data.slots.find(fact);
        if (found == data.slots.end()) {
          std::vector<std::string> all;
          for (const auto& f : data.facts) all.push_back(f.name);
          reader.Error("E0102", node["not_applicable"], "unknown fact '" + fact + "'",
                       {DidYouMean(fact, all), "facts are declared in the 'facts' list above"});
          ok = false;
          continue;
        }
        if (std::find(read_by_when.begin(), read_by_when.end(), found->second) != read_by_when.end() ||
            data.facts[found->second].name == kActsFact) {
          reader.Error("E0114", node["not_applicable"],
                       name + " makes '" + fact + "' not applicable, but its 'when' reads it" +
                           (data.facts[found->second].name == kActsFact ? " (or it is the acts)" : ""),
                       {"a fact that decides whether the constraint holds cannot lose its meaning by it"});
          ok = false;
          continue;
        }
        constraint.not_applicable.push_back(found->second);
      }
    } else {
      ok = false;
    }
  }
  if (node["severity"].IsDefined()) {
    if (auto severity = reader.ReadChoice(node["severity"], "severity", {"error", "warning"})) {
      constraint.severity = *severity == "error" ? Severity::kError : Severity::kWarning;
    }
  }
  if (node["reason"].IsDefined()) {
    if (auto reason = reader.ReadLocalized(node["reason"], "reason")) constraint.reason = *reason;
  }
  if (node["sources"].IsDefined()) constraint.sources = ReadSources(node["sources"], reader, name);
  if (ok) data.constraints.push_back(std::move(constraint));
}

// A fact test, under any number of negations: the test's node, and whether the negations
// flip it.
const Node* PlainTest(const Program& program, int32_t node, bool& flipped) {
  flipped = false;
  while (program.nodes[node].op == Op::kNot) {
    flipped = !flipped;
    node = program.children[program.nodes[node].first];
  }
  return IsFactTest(program.nodes[node].op) ? &program.nodes[node] : nullptr;
}

// The one value of `fact` whose test comes out `wanted`, when exactly one does. Numbers
// and dates have too many values, and a set is more than one value, to be decided so.
std::optional<int64_t> OnlyValue(const FactDefinition& fact, const FactTest& test, bool wanted) {
  int values = 0;
  switch (fact.type) {
    case FactType::kBool: values = 2; break;
    case FactType::kEnum: values = static_cast<int>(fact.values.size()); break;
    case FactType::kInt:
    case FactType::kDate:
    case FactType::kSet: return std::nullopt;
  }
  std::optional<int64_t> only;
  for (int v = 0; v < values; ++v) {
    if ((InSet(test, v) != test.negated) != wanted) continue;
    if (only) return std::nullopt;
    only = v;
  }
  return only;
}

// Decides the fact `node` tests, when it is unknown and `wanted` leaves it one value.
bool Decide(const VocabularyData& vocabulary, int32_t node, bool wanted, std::vector<FactValue>& values) {
  bool flipped = false;
  const Node* test = PlainTest(vocabulary.program, node, flipped);
  if (test == nullptr || values[test->slot].known()) return false;
  auto only = OnlyValue(vocabulary.facts[test->slot], TestOf(*test), wanted != flipped);
  if (!only) return false;
  values[test->slot] = MakeFactValue({.known = true, .number = *only});
  return true;
}

int FirstGiven(const Program& program, int32_t node, const std::vector<FactValue>& values) {
  std::vector<int> slots;
  SlotsOf(program, node, slots);
  for (int slot : slots) {
    if (values[slot].known() && values[slot].given()) return slot;
  }
  return slots.empty() ? -1 : -2;
}

}  // namespace

void ReadFactConstraints(const YAML::Node& list, YamlReader& reader, VocabularyData& data) {
  if (!list.IsSequence()) {
    reader.Error("E0104", list, "'constraints' must be a list of constraints");
    return;
  }
  std::vector<std::string> ids;
  for (const auto& node : list) ReadOne(node, reader, data, ids);
}

void SlotsOf(const Program& program, int32_t node, std::vector<int>& slots) {
  const Node& n = program.nodes[node];
  if (n.op == Op::kAll || n.op == Op::kAny || n.op == Op::kNot) {
    for (int32_t i = 0; i < n.count; ++i) SlotsOf(program, program.children[n.first + i], slots);
    return;
  }
  if (IsFactTest(n.op) && std::find(slots.begin(), slots.end(), n.slot) == slots.end()) slots.push_back(n.slot);
}

std::vector<Breach> Breaches(const VocabularyData& vocabulary, const std::vector<FactValue>& values) {
  std::vector<Breach> breaches;
  for (const FactConstraint& c : vocabulary.constraints) {
    if (EvalNode(vocabulary.program, c.when, values, nullptr) != Truth::kTrue) continue;
    if (c.then >= 0) {
      if (EvalNode(vocabulary.program, c.then, values, nullptr) != Truth::kFalse) continue;
      int slot = FirstGiven(vocabulary.program, c.then, values);
      if (slot < 0) slot = FirstGiven(vocabulary.program, c.when, values);
      breaches.push_back({&c, slot, false});
      continue;
    }
    for (int slot : c.not_applicable) {
      if (values[slot].known() && values[slot].given()) breaches.push_back({&c, slot, true});
    }
  }
  return breaches;
}

bool NotApplicable(const VocabularyData& vocabulary, const std::vector<FactValue>& values, int slot) {
  for (const FactConstraint& c : vocabulary.constraints) {
    if (std::find(c.not_applicable.begin(), c.not_applicable.end(), slot) == c.not_applicable.end()) continue;
    if (EvalNode(vocabulary.program, c.when, values, nullptr) == Truth::kTrue) return true;
  }
  return false;
}

void CompleteFacts(const VocabularyData& vocabulary, std::vector<FactValue>& values, std::vector<int>* contradictions) {
  DeriveFacts(vocabulary, values, contradictions);
  // Each round decides at least one fact, so there are at most as many rounds as facts.
  for (size_t round = 0; round < values.size(); ++round) {
    bool decided = false;
    for (const FactConstraint& c : vocabulary.constraints) {
      if (c.severity != Severity::kError) continue;
      const Truth when = EvalNode(vocabulary.program, c.when, values, nullptr);
      if (c.then < 0) {
        // A fact known that has no meaning where `when` holds: `when` does not hold (an age
        // is the age of an existing person).
        const bool stated = std::any_of(c.not_applicable.begin(), c.not_applicable.end(),
                                        [&](int slot) { return values[slot].known(); });
        if (stated && when == Truth::kUnknown) decided |= Decide(vocabulary, c.when, false, values);
        continue;
      }
      const Truth then = EvalNode(vocabulary.program, c.then, values, nullptr);
      if (when == Truth::kTrue && then == Truth::kUnknown) decided |= Decide(vocabulary, c.then, true, values);
      if (then == Truth::kFalse && when == Truth::kUnknown) decided |= Decide(vocabulary, c.when, false, values);
    }
    if (!decided) return;
    DeriveFacts(vocabulary, values, nullptr);
  }
}

std::string ConditionWords(const VocabularyData& vocabulary, const Program& program, int32_t index) {
  const Node& n = program.nodes[index];
  auto list = [&](const char* joint) {
    std::string out;
    for (int32_t i = 0; i < n.count; ++i) {
      out += (i == 0 ? "" : joint) + ConditionWords(vocabulary, program, program.children[n.first + i]);
    }
    return n.count > 1 ? "(" + out + ")" : out;
  };
  auto values = [&](const FactDefinition& fact, uint64_t mask) {
    std::string out;
    for (size_t v = 0; v < fact.values.size(); ++v) {
      if ((mask >> v) & 1) out += (out.empty() ? "" : ", ") + fact.values[v];
    }
    return out;
  };
  const FactDefinition* fact = IsFactTest(n.op) ? &vocabulary.facts[n.slot] : nullptr;
  auto value = [&]() -> std::string {
    switch (fact->type) {
      case FactType::kBool: return n.number != 0 ? "true" : "false";
      case FactType::kEnum:
      case FactType::kSet: return fact->values[static_cast<size_t>(n.number)];
      case FactType::kInt: return std::to_string(n.number);
      case FactType::kDate: return Date::FromDays(static_cast<int32_t>(n.number)).ToString();
    }
    return "";
  };
  switch (n.op) {
    case Op::kAll: return list(" and ");
    case Op::kAny: return list(" or ");
    case Op::kNot: return "not " + ConditionWords(vocabulary, program, program.children[n.first]);
    case Op::kRule: return "a rule";
    case Op::kIs: return "'" + fact->name + "' is " + value();
    case Op::kIsNot: return "'" + fact->name + "' is not " + value();
    case Op::kLt: return "'" + fact->name + "' < " + value();
    case Op::kLe: return "'" + fact->name + "' <= " + value();
    case Op::kGt: return "'" + fact->name + "' > " + value();
    case Op::kGe: return "'" + fact->name + "' >= " + value();
    case Op::kIn: return "'" + fact->name + "' is one of " + values(*fact, n.mask);
    case Op::kNotIn: return "'" + fact->name + "' is none of " + values(*fact, n.mask);
    case Op::kHas: return "'" + fact->name + "' has " + values(*fact, n.mask);
    case Op::kHasAny: return "'" + fact->name + "' has one of " + values(*fact, n.mask);
  }
  return "";
}

}  // namespace ibsa::internal
