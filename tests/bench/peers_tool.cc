// ibsa's side of the peer comparison (tests/bench/peers.sh; issue 4): exports the rules a
// case of one jurisdiction and date is judged by, generates scenarios in which every fact
// is known, and judges them with ibsa::Decide, timed. Not a test: nothing here runs in
// ./test.sh.
//
//   ibsa_peers_tool export    --jurisdiction BE --date 2025-06-01 --out law.json
//   ibsa_peers_tool scenarios --jurisdiction BE --date 2025-06-01 --count 10000 --out scenarios.json
//   ibsa_peers_tool run       --law law.json --scenarios scenarios.json --out ibsa.ids
//                             [--seconds 2 --repetitions 3 --timing ibsa.timing.json]
//
// The exported document is neutral (no ibsa types): rules with their condition trees, rule
// references expanded inline, and the facts they read. Dates are written as days since
// 1970-01-01 everywhere in it and in the scenarios, as ibsa stores them, so that every
// engine compares plain numbers.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/access.h"
#include "ibsa/ibsa.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"

namespace {

using nlohmann::json;
using ibsa::FactDefinition;
using ibsa::FactType;
using ibsa::internal::LawData;
using ibsa::internal::Node;
using ibsa::internal::Op;
using ibsa::internal::Program;

constexpr const char* kEu = "EU";

struct Options {
  std::string rulesets = IBSA_SOURCE_DIR "/rulesets";
  std::string jurisdiction = "BE";
  std::string date = "2025-06-01";
  std::string out;
  std::string law_file;
  std::string scenarios_file;
  std::string timing_file;
  int count = 10000;
  uint64_t seed = 20250601;
  double seconds = 0;
  int repetitions = 3;
};

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "ibsa_peers_tool: " << message << "\n";
  std::exit(1);
}

struct Loaded {
  ibsa::Vocabulary vocabulary;
  ibsa::Law law;
};

Loaded LoadLaw(const std::string& rulesets) {
  auto vocabulary = ibsa::Vocabulary::Load(rulesets + "/facts.yaml");
  if (!vocabulary.ok()) Fail(ibsa::FormatDiagnostics(vocabulary.errors()));
  auto law = ibsa::Law::Load(rulesets, vocabulary.value());
  if (!law.ok()) Fail(ibsa::FormatDiagnostics(law.errors()));
  return Loaded{vocabulary.value(), std::move(law).value()};
}

ibsa::Date ParseDate(const std::string& text) {
  auto date = ibsa::Date::Parse(text);
  if (!date) Fail("'" + text + "' is not a date (YYYY-MM-DD)");
  return *date;
}

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) Fail("cannot read " + path);
  return json::parse(in);
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  if (!out || !(out << text)) Fail("cannot write " + path);
}

// --- Which rules a case of (jurisdiction, date) is judged by -------------------------

// The versions, by index into LawData::versions, that Decide selects for a case of
// `jurisdiction` dated `date` whose acts all happen on that date: for each instrument of
// the jurisdiction and of the EU, the one in force then. Bills take part only when named
// with --with, and this comparison names none.
std::vector<int> VersionsInForce(const ibsa::Law& law, const std::string& jurisdiction,
                                 ibsa::Date date) {
  const auto& versions = law.versions();
  std::set<std::pair<std::string, std::string>> instruments;
  for (const auto& v : versions) {
    if (v.jurisdiction == jurisdiction || v.jurisdiction == kEu) {
      instruments.insert({v.jurisdiction, v.instrument});
    }
  }
  std::vector<int> selected;
  for (const auto& [j, instrument] : instruments) {
    if (const auto* v = law.VersionInForce(j, instrument, date, {})) {
      selected.push_back(static_cast<int>(v - versions.data()));
    }
  }
  std::sort(selected.begin(), selected.end());
  return selected;
}

// Global rule indexes (LawData::rules) of the selected versions' rules.
std::vector<int32_t> RulesOf(const LawData& data, const std::vector<int>& versions) {
  std::vector<int32_t> rules;
  for (int v : versions) {
    const int32_t first = data.first_rule[v];
    const auto n = static_cast<int32_t>(data.versions[v].rules.size());
    for (int32_t g = first; g < first + n; ++g) rules.push_back(g);
  }
  return rules;
}

std::string RuleKey(const LawData& data, int32_t global) {
  const auto& compiled = data.rules[global];
  const auto& version = data.versions[compiled.version];
  return version.id + "/" + version.rules[compiled.rule].id;
}

// --- Export ---------------------------------------------------------------------------

std::vector<std::string> ValueNames(const FactDefinition& fact, uint64_t mask) {
  std::vector<std::string> names;
  for (size_t i = 0; i < fact.values.size(); ++i) {
    if ((mask >> i) & 1) names.push_back(fact.values[i]);
  }
  return names;
}

std::string OpName(Op op) {
  switch (op) {
    case Op::kIs: return "is";
    case Op::kIsNot: return "is_not";
    case Op::kLt: return "<";
    case Op::kLe: return "<=";
    case Op::kGt: return ">";
    case Op::kGe: return ">=";
    case Op::kIn: return "in";
    case Op::kNotIn: return "not_in";
    case Op::kHas: return "has";
    case Op::kHasAny: return "has_any";
    default: return "?";
  }
}

// The operand of a fact test, as the peers compare it.
json Operand(const FactDefinition& fact, const Node& node) {
  switch (fact.type) {
    case FactType::kBool: return node.number != 0;
    case FactType::kInt:
    case FactType::kDate: return node.number;
    case FactType::kEnum:
    case FactType::kSet:
      if (node.op == Op::kIn || node.op == Op::kNotIn || node.op == Op::kHasAny) {
        return ValueNames(fact, node.mask);
      }
      return fact.values[node.number];
  }
  return nullptr;
}

class ConditionExporter {
 public:
  ConditionExporter(const LawData& data, std::set<int>& slots) : data_(data), slots_(slots) {}

  // A rule holds when all its elements hold (an empty list holds).
  json Rule(int32_t global) {
    json all = json::array();
    for (int32_t root : data_.rules[global].elements) all.push_back(Condition(root));
    return json{{"all", all}};
  }

 private:
  json Condition(int32_t index) {
    const Program& program = data_.program;
    const Node& node = program.nodes[index];
    switch (node.op) {
      case Op::kAll:
      case Op::kAny: {
        json list = json::array();
        for (int32_t i = 0; i < node.count; ++i) list.push_back(Condition(program.children[node.first + i]));
        return json{{node.op == Op::kAll ? "all" : "any", list}};
      }
      case Op::kNot: return json{{"not", Condition(program.children[node.first])}};
      case Op::kRule: {
        // Inline, so that no peer needs rule references; `from` is only for readers.
        json expanded = Rule(node.rule);
        expanded["from"] = RuleKey(data_, node.rule);
        return expanded;
      }
      default: {
        slots_.insert(node.slot);
        const FactDefinition& fact = data_.vocabulary.fact(node.slot);
        return json{{"fact", fact.name}, {"op", OpName(node.op)}, {"value", Operand(fact, node)}};
      }
    }
  }

  const LawData& data_;
  std::set<int>& slots_;
};

json FactJson(const FactDefinition& fact) {
  json out = {{"name", fact.name}, {"type", std::string(ibsa::FactTypeName(fact.type))},
              {"derived", fact.derived}};
  if (!fact.values.empty()) out["values"] = fact.values;
  if (fact.min) out["min"] = *fact.min;
  if (fact.max) out["max"] = *fact.max;
  return out;
}

int Export(const Options& options) {
  const Loaded loaded = LoadLaw(options.rulesets);
  const LawData& data = ibsa::internal::DataOf(loaded.law);
  const ibsa::Date date = ParseDate(options.date);
  const auto versions = VersionsInForce(loaded.law, options.jurisdiction, date);
  std::set<int> slots;
  ConditionExporter exporter(data, slots);
  json rules = json::array();
  for (int32_t global : RulesOf(data, versions)) {
    rules.push_back({{"id", RuleKey(data, global)}, {"when", exporter.Rule(global)}});
  }
  json facts = json::array();
  for (int slot : slots) facts.push_back(FactJson(data.vocabulary.fact(slot)));
  json version_ids = json::array();
  for (int v : versions) version_ids.push_back(data.versions[v].id);
  const json document = {
      {"format", "ibsa.peers.law/1"},
      {"jurisdiction", options.jurisdiction},
      {"date", options.date},
      {"note", "dates are days since 1970-01-01; a rule holds when its condition `when` holds"},
      {"versions", version_ids},
      {"facts", facts},
      {"rules", rules}};
  WriteText(options.out, document.dump(1) + "\n");
  std::cerr << options.jurisdiction << " on " << options.date << ": " << rules.size()
            << " rules in " << versions.size() << " versions, reading " << facts.size()
            << " facts\n";
  return 0;
}

// --- Scenarios ------------------------------------------------------------------------

// The constants the conditions compare each int and date fact with: the boundaries a
// scenario should sit at and next to.
class Thresholds {
 public:
  void Collect(const Program& program, int32_t index) {
    const Node& node = program.nodes[index];
    if (node.op == Op::kAll || node.op == Op::kAny || node.op == Op::kNot) {
      for (int32_t i = 0; i < node.count; ++i) Collect(program, program.children[node.first + i]);
      return;
    }
    if (node.op >= Op::kIs && node.op <= Op::kGe) of_[node.slot].insert(node.number);
  }
  const std::set<int64_t>& Of(int slot) const {
    static const std::set<int64_t> kNone;
    auto it = of_.find(slot);
    return it == of_.end() ? kNone : it->second;
  }

 private:
  std::map<int, std::set<int64_t>> of_;
};

Thresholds CollectThresholds(const LawData& data, const std::vector<int32_t>& rules) {
  Thresholds thresholds;
  // Referenced rules are in the same version, so they are among `rules` already.
  for (int32_t global : rules) {
    for (int32_t root : data.rules[global].elements) thresholds.Collect(data.program, root);
  }
  // The derivations (victim.minor from victim.age) read boundaries of their own.
  const auto& vocabulary = ibsa::internal::DataOf(data.vocabulary);
  for (const auto& derivation : vocabulary.derivations) {
    thresholds.Collect(vocabulary.program, derivation.root);
  }
  return thresholds;
}

// Draws the value of each fact a case states: mostly at and next to the thresholds,
// sometimes anywhere in the fact's range.
class Sampler {
 public:
  Sampler(const ibsa::Vocabulary& vocabulary, const Thresholds& thresholds, ibsa::Date date,
          uint64_t seed)
      : vocabulary_(vocabulary), thresholds_(thresholds), date_(date), rng_(seed) {}

  // Every fact that is not derived, by name, as a case file writes it.
  json Draw() {
    json facts = json::object();
    for (int slot = 0; slot < vocabulary_.size(); ++slot) {
      const FactDefinition& fact = vocabulary_.fact(slot);
      if (!fact.derived) facts[fact.name] = DrawFact(slot, fact);
    }
    return facts;
  }

 private:
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int64_t Between(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }

  json DrawFact(int slot, const FactDefinition& fact) {
    switch (fact.type) {
      case FactType::kBool: return Chance(0.5);
      case FactType::kEnum: return fact.values[Between(0, static_cast<int64_t>(fact.values.size()) - 1)];
      case FactType::kSet: return DrawSet(fact);
      case FactType::kInt: return DrawNumber(slot, fact.min.value_or(-1000), fact.max.value_or(1000));
      case FactType::kDate: {
        const auto [lo, hi] = DateWindow(slot);
        return ibsa::Date::FromDays(static_cast<int32_t>(DrawNumber(slot, lo, hi))).ToString();
      }
    }
    return nullptr;
  }

  // Some empty sets and single members, else each member by a coin toss.
  json DrawSet(const FactDefinition& fact) {
    json members = json::array();
    if (Chance(0.1)) return members;
    if (Chance(0.2)) {
      members.push_back(fact.values[Between(0, static_cast<int64_t>(fact.values.size()) - 1)]);
      return members;
    }
    for (const auto& value : fact.values) {
      if (Chance(0.5)) members.push_back(value);
    }
    return members;
  }

  int64_t DrawNumber(int slot, int64_t lo, int64_t hi) {
    std::vector<int64_t> near = {lo, hi};
    for (int64_t t : thresholds_.Of(slot)) {
      for (int64_t d : {-1, 0, 1}) {
        if (lo <= t + d && t + d <= hi) near.push_back(t + d);
      }
    }
    if (Chance(0.8)) return near[Between(0, static_cast<int64_t>(near.size()) - 1)];
    return Between(lo, hi);
  }

  // A date fact declares no range: ten years either side of its thresholds and the case date.
  std::pair<int64_t, int64_t> DateWindow(int slot) const {
    int64_t lo = date_.days_since_epoch(), hi = lo;
    for (int64_t t : thresholds_.Of(slot)) {
      lo = std::min(lo, t);
      hi = std::max(hi, t);
    }
    return {lo - 3652, hi + 3652};
  }

  const ibsa::Vocabulary& vocabulary_;
  const Thresholds& thresholds_;
  ibsa::Date date_;
  std::mt19937_64 rng_;
};

// A case file (JSON, which ibsa reads as YAML) stating `facts` (name -> value as a case
// file writes it), with every act on the case date.
std::string CaseText(const std::string& id, const std::string& jurisdiction,
                     const std::string& date, const json& facts) {
  json c = {{"id", id}, {"jurisdiction", jurisdiction}, {"date", date}};
  for (const auto& [name, value] : facts.items()) {
    json* at = &c;
    std::stringstream path(name);
    std::string part, next;
    std::getline(path, part, '.');
    while (std::getline(path, next, '.')) {
      at = &(*at)[part];
      part = next;
    }
    (*at)[part] = value;
  }
  return c.dump();
}

// Every fact of a parsed case, derived ones included, as the peers read them; null when
// some fact is unknown (the scenario is then refused).
json FactsOf(const ibsa::Case& c, const ibsa::Vocabulary& vocabulary) {
  json facts = json::object();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    const ibsa::FactValue& value = c.values()[slot];
    if (!value.known()) return nullptr;
    switch (fact.type) {
      case FactType::kBool: facts[fact.name] = *value.boolean(); break;
      case FactType::kInt: facts[fact.name] = *value.integer(); break;
      case FactType::kDate: facts[fact.name] = value.date()->days_since_epoch(); break;
      case FactType::kEnum: facts[fact.name] = fact.values[*value.value_index()]; break;
      case FactType::kSet: {
        std::vector<std::string> members;
        for (int i = 0; i < static_cast<int>(fact.values.size()); ++i) {
          const ibsa::Truth has = value.Has(i);
          if (has == ibsa::Truth::kUnknown) return nullptr;
          if (has == ibsa::Truth::kTrue) members.push_back(fact.values[i]);
        }
        facts[fact.name] = members;
        break;
      }
    }
  }
  return facts;
}

// The facts a case file states for a scenario: the ones that are not derived, with dates
// written back as text.
json StatedFacts(const json& facts, const ibsa::Vocabulary& vocabulary) {
  json stated = json::object();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    if (fact.derived) continue;
    const json& value = facts.at(fact.name);
    stated[fact.name] = fact.type == FactType::kDate
                            ? json(ibsa::Date::FromDays(value.get<int32_t>()).ToString())
                            : value;
  }
  return stated;
}

int Scenarios(const Options& options) {
  const Loaded loaded = LoadLaw(options.rulesets);
  const LawData& data = ibsa::internal::DataOf(loaded.law);
  const ibsa::Date date = ParseDate(options.date);
  const auto rules = RulesOf(data, VersionsInForce(loaded.law, options.jurisdiction, date));
  const Thresholds thresholds = CollectThresholds(data, rules);
  Sampler sampler(loaded.vocabulary, thresholds, date, options.seed);
  json scenarios = json::array();
  int refused = 0;
  while (static_cast<int>(scenarios.size()) < options.count) {
    // The constraints between facts (facts.yaml) leave a fact without meaning in some draws
    // (no age for a person who does not exist) and forbid others (a face swap of nobody):
    // those are refused and drawn again, so that every scenario is one a case may state
    // with every fact known.
    if (refused > 100 * options.count) Fail("ibsa refused more than 100 draws per scenario asked for");
    const std::string id = "s" + std::to_string(scenarios.size());
    const std::string text = CaseText(id, options.jurisdiction, options.date, sampler.Draw());
    auto c = ibsa::Case::Parse(text, id + ".json", loaded.vocabulary);
    json facts = c.ok() ? FactsOf(c.value(), loaded.vocabulary) : json(nullptr);
    if (facts.is_null()) {
      ++refused;  // drawn again: the next draw differs
      continue;
    }
    scenarios.push_back({{"id", id}, {"facts", facts}});
  }
  const json document = {{"format", "ibsa.peers.scenarios/1"},
                         {"jurisdiction", options.jurisdiction},
                         {"date", options.date},
                         {"seed", options.seed},
                         {"refused", refused},
                         {"note", "every fact known; derived facts as ibsa computed them; dates "
                                  "are days since 1970-01-01; every act on the case date"},
                         {"scenarios", scenarios}};
  WriteText(options.out, document.dump() + "\n");
  std::cerr << options.jurisdiction << ": " << scenarios.size() << " scenarios (seed "
            << options.seed << "), " << refused << " refused by ibsa and drawn again\n";
  return 0;
}

// --- Run ------------------------------------------------------------------------------

std::vector<ibsa::Case> BuildCases(const json& document, const ibsa::Vocabulary& vocabulary) {
  std::vector<ibsa::Case> cases;
  const std::string jurisdiction = document.at("jurisdiction");
  const std::string date = document.at("date");
  for (const json& scenario : document.at("scenarios")) {
    const std::string id = scenario.at("id");
    const json& facts = scenario.at("facts");
    auto c = ibsa::Case::Parse(CaseText(id, jurisdiction, date, StatedFacts(facts, vocabulary)),
                               id + ".json", vocabulary);
    if (!c.ok()) Fail("scenario " + id + ": " + ibsa::FormatDiagnostics(c.errors()));
    // The peers read the recorded facts: they must be what ibsa holds.
    if (FactsOf(c.value(), vocabulary) != facts) Fail("scenario " + id + ": facts differ from ibsa's");
    cases.push_back(std::move(c).value());
  }
  return cases;
}

std::string VerdictKey(const ibsa::Verdict& v) { return v.version->id + "/" + v.rule->id; }

void Decide(const ibsa::Law& law, const ibsa::Case& c, ibsa::Decision& decision) {
  if (!ibsa::Decide(law, c, {}, decision).ok()) Fail("Decide failed for " + c.id());
}

// Every scenario must be judged on exactly the exported rules, or the comparison would
// compare different laws.
void CheckRuleSet(const ibsa::Law& law, const std::vector<ibsa::Case>& cases, const json& exported) {
  std::set<std::string> expected;
  for (const json& rule : exported.at("rules")) expected.insert(rule.at("id").get<std::string>());
  ibsa::Decision decision;
  for (const ibsa::Case& c : cases) {
    Decide(law, c, decision);
    std::set<std::string> judged;
    for (const auto& v : decision.verdicts()) judged.insert(VerdictKey(v));
    if (judged != expected || decision.verdicts().size() != expected.size() ||
        decision.has_version_gaps()) {
      Fail("scenario " + c.id() + ": ibsa judged " + std::to_string(judged.size()) +
           " rules, the export lists " + std::to_string(expected.size()));
    }
  }
}

// One line per scenario: its index, a tab, the ids of the rules that apply, sorted.
std::string TrueRules(const ibsa::Law& law, const std::vector<ibsa::Case>& cases) {
  std::string out;
  ibsa::Decision decision;
  std::vector<std::string> ids;
  for (size_t i = 0; i < cases.size(); ++i) {
    Decide(law, cases[i], decision);
    ids.clear();
    for (const auto& v : decision.verdicts()) {
      if (v.truth == ibsa::Truth::kTrue) ids.push_back(VerdictKey(v));
    }
    std::sort(ids.begin(), ids.end());
    out += std::to_string(i) + "\t";
    for (size_t k = 0; k < ids.size(); ++k) out += (k ? " " : "") + ids[k];
    out += "\n";
  }
  return out;
}

using Clock = std::chrono::steady_clock;

// Scenarios judged per second, cycling through them for `seconds` of wall time. The clock
// is read every 16 scenarios, as the node runners do.
double Throughput(const ibsa::Law& law, const std::vector<ibsa::Case>& cases, double seconds) {
  ibsa::Decision decision;
  size_t done = 0, next = 0;
  const auto start = Clock::now();
  const auto budget = std::chrono::duration<double>(seconds);
  while (Clock::now() - start < budget) {
    for (int k = 0; k < 16; ++k) {
      if (!ibsa::Decide(law, cases[next], {}, decision).ok()) Fail("Decide failed");
      next = next + 1 == cases.size() ? 0 : next + 1;
    }
    done += 16;
  }
  return static_cast<double>(done) / std::chrono::duration<double>(Clock::now() - start).count();
}

json Timing(const ibsa::Law& law, const std::vector<ibsa::Case>& cases, const Options& options) {
  Throughput(law, cases, 0.5);  // warm-up: caches and the Decision's scratch
  std::vector<double> runs;
  for (int r = 0; r < options.repetitions; ++r) runs.push_back(Throughput(law, cases, options.seconds));
  std::vector<double> sorted = runs;
  std::sort(sorted.begin(), sorted.end());
  return {{"engine", "ibsa"},
          {"how", "ibsa::Decide(law, case, {}, decision) in C++, one reused ibsa::Decision, "
                  "cases pre-built by ibsa::Case::Parse (not timed)"},
          {"seconds", options.seconds},
          {"repetitions", runs},
          {"scenarios_per_second", sorted[sorted.size() / 2]}};
}

int Run(const Options& options) {
  const Loaded loaded = LoadLaw(options.rulesets);
  const json exported = ReadJson(options.law_file);
  const json document = ReadJson(options.scenarios_file);
  if (document.at("jurisdiction") != exported.at("jurisdiction") ||
      document.at("date") != exported.at("date")) {
    Fail("the scenarios and the export are not for the same jurisdiction and date");
  }
  const std::vector<ibsa::Case> cases = BuildCases(document, loaded.vocabulary);
  if (cases.empty()) Fail("no scenarios");
  CheckRuleSet(loaded.law, cases, exported);
  if (!options.out.empty()) WriteText(options.out, TrueRules(loaded.law, cases));
  if (options.seconds > 0) WriteText(options.timing_file, Timing(loaded.law, cases, options).dump(1) + "\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ibsa's side of the peer comparison (tests/bench/peers.sh)"};
  app.require_subcommand(1);
  Options o;
  app.add_option("--rulesets", o.rulesets, "rulesets folder");
  auto* export_cmd = app.add_subcommand("export", "write the rules judged for a jurisdiction and date");
  auto* scenarios_cmd = app.add_subcommand("scenarios", "write scenarios in which every fact is known");
  auto* run_cmd = app.add_subcommand("run", "judge the scenarios with ibsa::Decide; optionally time it");
  for (auto* cmd : {export_cmd, scenarios_cmd}) {
    cmd->add_option("--jurisdiction", o.jurisdiction)->required();
    cmd->add_option("--date", o.date)->required();
    cmd->add_option("--out", o.out)->required();
  }
  scenarios_cmd->add_option("--count", o.count);
  scenarios_cmd->add_option("--seed", o.seed);
  run_cmd->add_option("--law", o.law_file, "the exported document")->required();
  run_cmd->add_option("--scenarios", o.scenarios_file)->required();
  run_cmd->add_option("--out", o.out, "the true rules per scenario");
  run_cmd->add_option("--seconds", o.seconds, "wall time of one timed repetition (0: no timing)");
  run_cmd->add_option("--repetitions", o.repetitions);
  run_cmd->add_option("--timing", o.timing_file);
  CLI11_PARSE(app, argc, argv);
  if (o.seconds > 0 && o.timing_file.empty()) Fail("--seconds needs --timing");
  if (*export_cmd) return Export(o);
  if (*scenarios_cmd) return Scenarios(o);
  return Run(o);
}
