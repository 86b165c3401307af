// An independent oracle for the evaluator. A deliberately naive evaluator, written here from
// the condition semantics of docs/ruleset-format.md ("Evaluation is Kleene three-valued ...
// An element that is unknown lists the unknown facts that leave it undecided"), reads the
// bundled rulesets' YAML itself, never the engine's compiled program, and judges random
// cases of its own making. Decide's verdicts and Evaluate's element truths, missing facts,
// aggravations and failed elements (all read from the code Decide judges with, see
// eval/decider.h) must agree with it.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

enum class K { kFalse, kTrue, kUnknown };  // the oracle's own truth values

struct Value {
  bool known = false;
  int64_t number = 0;             // bool 0/1, int, date (days), enum: the value's name below
  std::string name;               // enum
  std::set<std::string> present;  // set
  std::set<std::string> uncertain;
};

struct Judged {
  K truth = K::kUnknown;
  std::set<std::string> missing;  // when unknown
};

K Conj(K a, K b) {
  if (a == K::kFalse || b == K::kFalse) return K::kFalse;
  return a == K::kTrue && b == K::kTrue ? K::kTrue : K::kUnknown;
}
K Disj(K a, K b) {
  if (a == K::kTrue || b == K::kTrue) return K::kTrue;
  return a == K::kFalse && b == K::kFalse ? K::kFalse : K::kUnknown;
}

class Oracle {
 public:
  Oracle(const Vocabulary& vocabulary, const std::map<std::string, YAML::Node>* rules)
      : vocabulary_(vocabulary), rules_(rules) {}

  std::map<std::string, Value> facts;

  Judged Judge(const YAML::Node& c) const {
    if (c["all"] || c["any"]) {
      const bool all = static_cast<bool>(c["all"]);
      Judged v{all ? K::kTrue : K::kFalse, {}};
      std::vector<Judged> parts;
      for (const auto& item : c[all ? "all" : "any"]) parts.push_back(Judge(item));
      for (const auto& p : parts) v.truth = all ? Conj(v.truth, p.truth) : Disj(v.truth, p.truth);
      if (v.truth == K::kUnknown) {
        for (const auto& p : parts) {
          if (p.truth == K::kUnknown) v.missing.insert(p.missing.begin(), p.missing.end());
        }
      }
      return v;
    }
    if (c["not"]) {
      Judged v = Judge(c["not"]);
      if (v.truth != K::kUnknown) v.truth = v.truth == K::kTrue ? K::kFalse : K::kTrue;
      return v;
    }
    if (c["rule"]) return JudgeRule(rules_->at(c["rule"].as<std::string>()));
    return Test(c);
  }

  // A rule holds when all its elements are met.
  Judged JudgeRule(const YAML::Node& rule) const {
    Judged v{K::kTrue, {}};
    std::vector<Judged> parts;
    for (const auto& element : rule["elements"]) parts.push_back(Judge(element["when"]));
    for (const auto& p : parts) v.truth = Conj(v.truth, p.truth);
    if (v.truth == K::kUnknown) {
      for (const auto& p : parts) {
        if (p.truth == K::kUnknown) v.missing.insert(p.missing.begin(), p.missing.end());
      }
    }
    return v;
  }

  int64_t Number(const FactDefinition& fact, const YAML::Node& operand) const {
    if (fact.type == FactType::kDate) return Date::Parse(operand.as<std::string>())->days_since_epoch();
    if (fact.type == FactType::kBool) return operand.as<bool>() ? 1 : 0;
    return operand.as<int64_t>();
  }

  Judged Test(const YAML::Node& c) const {
    const std::string name = c["fact"].as<std::string>();
    const FactDefinition& fact = vocabulary_.fact(*vocabulary_.SlotOf(name));
    const Value& value = facts.at(name);
    if (!value.known) return {K::kUnknown, {name}};
    std::string op;
    YAML::Node operand;
    for (const auto& kv : c) {
      if (kv.first.as<std::string>() != "fact") {
        op = kv.first.as<std::string>();
        operand = kv.second;
      }
    }
    auto yes = [](bool b) { return Judged{b ? K::kTrue : K::kFalse, {}}; };
    if (fact.type == FactType::kSet) {
      std::vector<std::string> named;
      if (op == "has") named.push_back(operand.as<std::string>());
      else for (const auto& item : operand) named.push_back(item.as<std::string>());
      bool uncertain = false;
      for (const auto& n : named) {
        if (value.present.count(n)) return yes(true);
        if (value.uncertain.count(n)) uncertain = true;
      }
      return uncertain ? Judged{K::kUnknown, {name}} : yes(false);
    }
    if (fact.type == FactType::kEnum) {
      if (op == "is") return yes(value.name == operand.as<std::string>());
      if (op == "is_not") return yes(value.name != operand.as<std::string>());
      bool in = false;
      for (const auto& item : operand) in = in || item.as<std::string>() == value.name;
      return yes(op == "in" ? in : !in);
    }
    const int64_t a = value.number, b = Number(fact, operand);
    if (op == "is") return yes(a == b);
    if (op == "is_not") return yes(a != b);
    if (op == "<") return yes(a < b);
    if (op == "<=") return yes(a <= b);
    if (op == ">") return yes(a > b);
    if (op == ">=") return yes(a >= b);
    ADD_FAILURE() << "the oracle does not know operator " << op;
    return {};
  }

 private:
  const Vocabulary& vocabulary_;
  const std::map<std::string, YAML::Node>* rules_;
};

std::string Show(K k) { return k == K::kTrue ? "met" : k == K::kFalse ? "not_met" : "unknown"; }
std::string Show(Truth t) { return std::string(TruthName(t)); }
// Missing facts are listed in vocabulary order.
std::vector<std::string> InVocabularyOrder(const std::set<std::string>& names, const Vocabulary& vocabulary) {
  std::vector<std::string> list(names.begin(), names.end());
  std::sort(list.begin(), list.end(), [&](const std::string& a, const std::string& b) {
    return *vocabulary.SlotOf(a) < *vocabulary.SlotOf(b);
  });
  return list;
}

bool Same(K k, Truth t) {
  return (k == K::kTrue && t == Truth::kTrue) || (k == K::kFalse && t == Truth::kFalse) ||
         (k == K::kUnknown && t == Truth::kUnknown);
}

class EvaluatorOracleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = std::string(IBSA_SOURCE_DIR) + "/rulesets";
    auto vocabulary = Vocabulary::Load(dir + "/facts.yaml");
    ASSERT_TRUE(vocabulary.ok());
    vocabulary_ = new Vocabulary(std::move(vocabulary).value());
    auto law = Law::Load(dir, *vocabulary_);
    ASSERT_TRUE(law.ok());
    law_ = new Law(std::move(law).value());
    facts_yaml_ = new YAML::Node(YAML::LoadFile(dir + "/facts.yaml"));
    rules_ = new std::map<std::string, std::map<std::string, YAML::Node>>();
    for (const auto& version : law_->versions()) {
      const YAML::Node file = YAML::LoadFile(version.file);
      for (const YAML::Node& rule : file["rules"]) (*rules_)[version.file][rule["id"].as<std::string>()] = rule;
    }
  }
  static void TearDownTestSuite() {
    delete law_;
    delete vocabulary_;
    delete facts_yaml_;
    delete rules_;
  }

  // The numbers the bundled law writes for `fact` (and their neighbours): random values
  // near them reach both sides of every comparison.
  static std::vector<int64_t> Interesting(const FactDefinition& fact) {
    std::vector<int64_t> numbers;
    std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& node) {
      if (node.IsMap()) {
        if (node["fact"] && node["fact"].as<std::string>() == fact.name) {
          for (const auto& kv : node) {
            const std::string key = kv.first.as<std::string>();
            if (key == "fact" || !kv.second.IsScalar()) continue;
            int64_t n = fact.type == FactType::kDate ? Date::Parse(kv.second.as<std::string>())->days_since_epoch()
                                                     : kv.second.as<int64_t>();
            numbers.insert(numbers.end(), {n - 1, n, n + 1});
          }
        }
        for (const auto& kv : node) walk(kv.second);
      } else if (node.IsSequence()) {
        for (const auto& item : node) walk(item);
      }
    };
    for (const auto& [file, rules] : *rules_) {
      for (const auto& [id, rule] : rules) walk(rule);
    }
    walk((*facts_yaml_)["facts"]);
    if (numbers.empty()) numbers.push_back(fact.min.value_or(0));
    return numbers;
  }

  static Law* law_;
  static Vocabulary* vocabulary_;
  static YAML::Node* facts_yaml_;
  static std::map<std::string, std::map<std::string, YAML::Node>>* rules_;  // by file, by id
};

Law* EvaluatorOracleTest::law_ = nullptr;
Vocabulary* EvaluatorOracleTest::vocabulary_ = nullptr;
YAML::Node* EvaluatorOracleTest::facts_yaml_ = nullptr;
std::map<std::string, std::map<std::string, YAML::Node>>* EvaluatorOracleTest::rules_ = nullptr;

TEST_F(EvaluatorOracleTest, VerdictsAndMissingFactsAgreeWithANaiveEvaluator) {
  ASSERT_NE(law_, nullptr);
  std::mt19937_64 random(20261202);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  const Vocabulary& vocabulary = *vocabulary_;
  std::map<std::string, std::vector<int64_t>> interesting;
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    if (fact.type == FactType::kInt || fact.type == FactType::kDate) interesting[fact.name] = Interesting(fact);
  }
  const std::vector<std::string> dates = {"2016-05-01", "2019-03-01", "2020-08-01", "2022-07-01",
                                          "2024-06-01", "2026-05-01", "2027-03-01"};
  int verdicts_compared = 0, elements_compared = 0, aggravations_compared = 0, failures_compared = 0,
      drawn_again = 0;
  const int rounds = static_cast<int>(testing::Sampled(400));
  for (int round = 0; round < rounds + drawn_again && drawn_again < 10 * rounds; ++round) {
    Oracle oracle(vocabulary, nullptr);
    const std::string jurisdiction = chance(0.5) ? "BE" : "NL";
    const std::string date = dates[pick(dates.size())];
    std::map<std::string, std::map<std::string, std::string>> groups;  // YAML: group -> key -> value
    std::string acts_yaml;
    for (int slot = 0; slot < vocabulary.size(); ++slot) {
      const FactDefinition& fact = vocabulary.fact(slot);
      Value value;
      if (fact.derived) {
        oracle.facts[fact.name] = value;  // computed below, from the facts it derives from
        continue;
      }
      value.known = !chance(0.3);
      std::string text;
      if (value.known) {
        switch (fact.type) {
          case FactType::kBool:
            value.number = chance(0.5);
            text = value.number ? "true" : "false";
            break;
          case FactType::kInt:
          case FactType::kDate: {
            const auto& near = interesting[fact.name];
            value.number = near[pick(near.size())];
            if (fact.min) value.number = std::max(value.number, *fact.min);
            if (fact.max) value.number = std::min(value.number, *fact.max);
            text = fact.type == FactType::kDate ? Date::FromDays(static_cast<int32_t>(value.number)).ToString()
                                                : std::to_string(value.number);
            break;
          }
          case FactType::kEnum:
            value.name = fact.values[pick(fact.values.size())];
            text = value.name;
            break;
          case FactType::kSet: {
            std::string list;
            for (const auto& v : fact.values) {
              if (chance(0.6)) continue;
              const bool uncertain = fact.name == "acts" && chance(0.3);
              (uncertain ? value.uncertain : value.present).insert(v);
              if (fact.name == "acts") {
                acts_yaml += "  - {type: " + v + (uncertain ? ", certain: false" : "") + "}\n";
              } else {
                list += (list.empty() ? "" : ", ") + v;
              }
            }
            text = "[" + list + "]";
            break;
          }
        }
      }
      oracle.facts[fact.name] = value;
      if (!value.known || fact.name == "acts") continue;
      const auto dot = fact.name.find('.');
      groups[fact.name.substr(0, dot)][fact.name.substr(dot + 1)] = text;
    }
    // Derived facts, as facts.yaml defines them, in declaration order (a value a constraint
    // decided stands where the derivation is undecided).
    auto derive = [&] {
      for (const auto& entry : (*facts_yaml_)["facts"]) {
        if (!entry["derived"]) continue;
        const Judged derived = oracle.Judge(entry["derived"]);
        Value& value = oracle.facts[entry["name"].as<std::string>()];
        if (derived.truth == K::kUnknown && value.known) continue;
        value.known = derived.truth != K::kUnknown;
        value.number = derived.truth == K::kTrue;
      }
    };
    derive();
    // The vocabulary's error constraints, read naively from facts.yaml: a drawn case that
    // breaks one is no case (drawn again); an unknown bool or enum fact one leaves a single
    // value is decided.
    const YAML::Node constraints = (*facts_yaml_)["constraints"];
    // Sets `condition` (a fact test under any `not`s) to `wanted` when that leaves its fact one value.
    auto decide = [&](YAML::Node condition, bool wanted) {
      while (condition["not"]) {
        condition = condition["not"];
        wanted = !wanted;
      }
      if (!condition["fact"]) return false;
      Value& value = oracle.facts[condition["fact"].as<std::string>()];
      if (value.known) return false;
      const FactDefinition& fact = vocabulary.fact(*vocabulary.SlotOf(condition["fact"].as<std::string>()));
      std::vector<std::string> meeting;  // the values for which the test comes out `wanted`
      if (fact.type == FactType::kBool) {
        const bool is = condition["is"] ? condition["is"].as<bool>() : !condition["is_not"].as<bool>();
        value.known = true;
        value.number = is == wanted;
        return true;
      }
      if (fact.type != FactType::kEnum) return false;
      for (const auto& v : fact.values) {
        bool in = false;
        if (condition["is"]) in = condition["is"].as<std::string>() == v;
        if (condition["is_not"]) in = condition["is_not"].as<std::string>() != v;
        for (const char* key : {"in", "not_in"}) {
          if (!condition[key]) continue;
          bool listed = false;
          for (const auto& item : condition[key]) listed = listed || item.as<std::string>() == v;
          in = std::string(key) == "in" ? listed : !listed;
        }
        if (in == wanted) meeting.push_back(v);
      }
      if (meeting.size() != 1) return false;
      value.known = true;
      value.name = meeting[0];
      return true;
    };
    for (bool decided = true; decided;) {
      decided = false;
      for (const auto& constraint : constraints) {
        if (constraint["severity"].as<std::string>() != "error") continue;
        const K when = oracle.Judge(constraint["when"]).truth;
        if (!constraint["then"]) {
          bool stated = false;
          for (const auto& fact : constraint["not_applicable"]) stated = stated || oracle.facts[fact.as<std::string>()].known;
          if (stated && when == K::kUnknown) decided = decide(constraint["when"], false) || decided;
          continue;
        }
        const K then = oracle.Judge(constraint["then"]).truth;
        if (when == K::kTrue && then == K::kUnknown) decided = decide(constraint["then"], true) || decided;
        if (then == K::kFalse && when == K::kUnknown) decided = decide(constraint["when"], false) || decided;
      }
      if (decided) derive();
    }
    bool breaks = false;
    for (const auto& constraint : constraints) {
      if (constraint["severity"].as<std::string>() != "error") continue;
      if (oracle.Judge(constraint["when"]).truth != K::kTrue) continue;
      if (constraint["then"]) {
        breaks = breaks || oracle.Judge(constraint["then"]).truth == K::kFalse;
      } else {
        for (const auto& fact : constraint["not_applicable"]) breaks = breaks || oracle.facts[fact.as<std::string>()].known;
      }
    }
    if (breaks) {
      ++drawn_again;
      continue;
    }
    std::string yaml = "id: oracle-" + std::to_string(round) + "\njurisdiction: " + jurisdiction +
                       "\ndate: " + date + "\n";
    for (const auto& [group, members] : groups) {
      yaml += group + ":\n";
      for (const auto& [key, text] : members) yaml += "  " + key + ": " + text + "\n";
    }
    if (oracle.facts["acts"].known) yaml += acts_yaml.empty() ? "acts: []\n" : "acts:\n" + acts_yaml;
    auto parsed = Case::Parse(yaml, "oracle.yaml", vocabulary);
    ASSERT_TRUE(parsed.ok()) << FormatDiagnostics(parsed.errors()) << "\n" << yaml;
    const Case& c = parsed.value();

    auto oracle_for = [&](const RulesetVersion& version) {
      Oracle o(vocabulary, &rules_->at(version.file));
      o.facts = oracle.facts;
      return o;
    };
    Decision decision;
    ASSERT_TRUE(Decide(*law_, c, {}, decision).ok());
    for (const Verdict& verdict : decision.verdicts()) {
      const Oracle o = oracle_for(*verdict.version);
      const Judged expected = o.JudgeRule(rules_->at(verdict.version->file).at(verdict.rule->id));
      ASSERT_TRUE(Same(expected.truth, verdict.truth))
          << "Decide judged " << verdict.rule->id << " " << Show(verdict.truth) << ", the oracle "
          << Show(expected.truth) << "\n" << yaml;
      ++verdicts_compared;
    }
    EvaluationOptions options;
    options.explain = true;
    auto evaluation = Evaluate(*law_, c, options);
    ASSERT_TRUE(evaluation.ok());
    for (const Finding& finding : evaluation.value().findings) {
      const Oracle o = oracle_for(*finding.version);
      const YAML::Node& rule = rules_->at(finding.version->file).at(finding.rule->id);
      std::set<std::string> all_missing;
      for (size_t e = 0; e < finding.elements.size(); ++e) {
        const Judged expected = o.Judge(rule["elements"][e]["when"]);
        const ElementOutcome& got = finding.elements[e];
        ASSERT_TRUE(Same(expected.truth, got.truth))
            << finding.rule->id << " element " << got.element->id << ": Evaluate " << Show(got.truth)
            << ", the oracle " << Show(expected.truth) << "\n" << yaml;
        const std::vector<std::string> missing = InVocabularyOrder(expected.missing, vocabulary);
        ASSERT_EQ(got.missing, missing) << finding.rule->id << " element " << got.element->id << "\n" << yaml;
        all_missing.insert(expected.missing.begin(), expected.missing.end());
        ++elements_compared;
      }
      ASSERT_EQ(finding.missing, InVocabularyOrder(all_missing, vocabulary))
          << finding.rule->id << "\n" << yaml;
      // An aggravation left out of the finding is one the oracle judges not met.
      for (const YAML::Node& a : rule["aggravations"]) {
        const std::string id = a["id"].as<std::string>();
        if (std::none_of(finding.aggravations.begin(), finding.aggravations.end(),
                         [&](const AggravationOutcome& got) { return got.aggravation->id == id; })) {
          ASSERT_EQ(Show(o.Judge(a["when"]).truth), Show(K::kFalse))
              << finding.rule->id << " aggravation " << id << " left out\n" << yaml;
          ++aggravations_compared;
        }
      }
      for (const AggravationOutcome& got : finding.aggravations) {
        YAML::Node when;
        for (const YAML::Node& a : rule["aggravations"]) {
          if (a["id"].as<std::string>() == got.aggravation->id) when = a["when"];
        }
        ASSERT_TRUE(when.IsDefined() && !when.IsNull()) << got.aggravation->id;
        const Judged expected = o.Judge(when);
        ASSERT_TRUE(Same(expected.truth, got.truth)) << finding.rule->id << " aggravation " << got.aggravation->id;
        ASSERT_EQ(got.missing, InVocabularyOrder(expected.missing, vocabulary))
            << finding.rule->id << " aggravation " << got.aggravation->id << "\n" << yaml;
        ++aggravations_compared;
      }
    }
    for (const RuleNotMet& not_met : evaluation.value().not_met) {
      const Oracle o = oracle_for(*not_met.version);
      const YAML::Node& rule = rules_->at(not_met.version->file).at(not_met.rule->id);
      ASSERT_EQ(o.JudgeRule(rule).truth, K::kFalse) << not_met.rule->id << "\n" << yaml;
      // The element shown as failing is the first the oracle judges not met.
      std::string first_failed;
      for (const YAML::Node& element : rule["elements"]) {
        if (o.Judge(element["when"]).truth == K::kFalse) {
          first_failed = element["id"].as<std::string>();
          break;
        }
      }
      ASSERT_NE(not_met.failed, nullptr) << not_met.rule->id;
      ASSERT_EQ(not_met.failed->id, first_failed) << not_met.rule->id << "\n" << yaml;
      ++failures_compared;
    }
  }
  // The rounds must reach the law, not only its edges.
  EXPECT_GT(verdicts_compared, static_cast<int>(testing::Sampled(10000)));
  EXPECT_GT(elements_compared, static_cast<int>(testing::Sampled(2000)));
  EXPECT_GT(aggravations_compared, static_cast<int>(testing::Sampled(1000)));
  EXPECT_GT(failures_compared, static_cast<int>(testing::Sampled(10000)));
}

}  // namespace
}  // namespace ibsa
