// Benchmarks (not tests: CI never times anything). Run: tests/bench/run.sh
// Each figure is read against a baseline measured in the same process: evaluating the same
// case against a law of one rule.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "ibsa/api.h"
#include "ibsa/ibsa.h"

namespace {

const std::string kRoot = IBSA_SOURCE_DIR;
// IBSA_BENCH_RULESETS names another law folder: an older build and this one can then be
// timed on the same law (the bundled one changes with the law, not only with the code).
const std::string kRulesets = [] {
  const char* other = std::getenv("IBSA_BENCH_RULESETS");
  return other != nullptr && *other != '\0' ? std::string(other) : kRoot + "/rulesets";
}();

struct Loaded {
  ibsa::Vocabulary vocabulary;
  ibsa::Law law;
};

const Loaded& Bundled() {
  static const Loaded* loaded = [] {
    auto vocabulary = ibsa::Vocabulary::Load(kRulesets + "/facts.yaml");
    auto law = ibsa::Law::Load(kRulesets, vocabulary.value());
    return new Loaded{vocabulary.value(), std::move(law).value()};
  }();
  return *loaded;
}

const ibsa::Case& Demo() {
  static const ibsa::Case* c = new ibsa::Case(
      ibsa::Case::Load(kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml", Bundled().vocabulary).value());
  return *c;
}

const ibsa::Law& OneRuleLaw() {
  static const ibsa::Law* law = [] {
    auto result = ibsa::Law::FromTexts(
        {{"one.yaml",
          "format: ibsa.ruleset/1\nid: be.x.1\njurisdiction: BE\ninstrument: X\ntitle: {nl: T, fr: T, en: T}\n"
          "in_force_from: 2016-01-01\nstatus: in_force\nsources: [{title: S, url: \"https://x.eu/\"}]\nrules:\n"
          "  - {id: r, kind: remedy, article: \"1\", title: {nl: T, fr: T, en: T}, certainty: settled,\n"
          "     sources: [{title: S, url: \"https://x.eu/\"}],\n"
          "     elements: [{id: e, label: {nl: E, fr: E, en: E}, when: {fact: acts, has: share}}]}\n"}},
        Bundled().vocabulary);
    return new ibsa::Law(std::move(result).value());
  }();
  return *law;
}

void BM_Baseline_OneRuleLaw(benchmark::State& state) {
  const ibsa::Case& c = Demo();
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::Evaluate(OneRuleLaw(), c, {}));
}
BENCHMARK(BM_Baseline_OneRuleLaw);

// The baseline of the lean path: Decide against the law of one rule.
void BM_Baseline_DecideOneRuleLaw(benchmark::State& state) {
  const ibsa::Case& c = Demo();
  ibsa::Decision decision;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ibsa::Decide(OneRuleLaw(), c, {}, decision));
    benchmark::DoNotOptimize(decision.verdicts().data());
  }
}
BENCHMARK(BM_Baseline_DecideOneRuleLaw);

void BM_EvaluateDemo(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  const ibsa::Case& c = Demo();
  ibsa::EvaluationOptions options;
  options.explain = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::Evaluate(loaded.law, c, options));
}
BENCHMARK(BM_EvaluateDemo)->Arg(0)->Arg(1)->ArgName("explain");

// The lean path: the same case, each rule's outcome only, with a Decision reused.
void BM_DecideDemo(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  const ibsa::Case& c = Demo();
  ibsa::Decision decision;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ibsa::Decide(loaded.law, c, {}, decision));
    benchmark::DoNotOptimize(decision.verdicts().data());
  }
  state.counters["verdicts"] = static_cast<double>(decision.verdicts().size());
}
BENCHMARK(BM_DecideDemo);

// The interview's next question (issue 14): the intake's order (IntakeQuestions: the
// ranking, then the stage, the facts the record needs, the lawyer's and the platform's
// filters) against the ranking alone (NextQuestions, --next-questions), on a case that
// states only what was done, as an intake does after its first answer.
const ibsa::Case& FirstAnswer() {
  static const ibsa::Case* c = new ibsa::Case(
      ibsa::Case::Parse("id: b\njurisdiction: BE\ndate: 2026-11-16\nacts: [share]\n", "bench.yaml", Bundled().vocabulary)
          .value());
  return *c;
}
void BM_NextQuestions(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::NextQuestions(Bundled().law, FirstAnswer(), {}));
}
BENCHMARK(BM_NextQuestions)->Unit(benchmark::kMicrosecond);
void BM_IntakeQuestions(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::IntakeQuestions(Bundled().law, FirstAnswer(), {}, {}));
}
BENCHMARK(BM_IntakeQuestions)->Unit(benchmark::kMicrosecond);

void BM_EvaluateAndRenderJson(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  const ibsa::Case& c = Demo();
  for (auto _ : state) {
    auto e = ibsa::Evaluate(loaded.law, c, {});
    benchmark::DoNotOptimize(ibsa::RenderJson(e.value(), loaded.law, ibsa::Language::kEn));
  }
}
BENCHMARK(BM_EvaluateAndRenderJson);

// What `ibsa serve` does per request, without the socket: read the JSON body, parse the
// case (YAML text; arg 2: the same case as a JSON object, as the intake page sends it),
// evaluate, rank the next questions (arg 1), render the JSON.
void BM_ApiRequest(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  static const ibsa::Api* api = new ibsa::Api(loaded.law, nullptr);
  const std::string body =
      state.range(0) == 2
          ? std::string(R"({"assessed_on": "2026-11-21", "case": {"id": "demo", "jurisdiction": "BE", )"
                        R"("date": "2025-03-14", "victim": {"real_person": true, "age": 34, "consent_sharing": false}, )"
                        R"("image": {"technique": "undress", "content": "nudity"}, )"
                        R"("perpetrator": {"relationship": "ex_partner", "malicious": true}, "acts": ["create", "publish"]}})")
          : std::string(R"({"assessed_on": "2026-11-21", "case": )") +
                R"("id: demo\njurisdiction: BE\ndate: 2025-03-14\nvictim: {real_person: true, age: 34, )"
                R"(consent_sharing: false}\nimage: {technique: undress, content: nudity}\n)"
                R"(perpetrator: {relationship: ex_partner, malicious: true}\nacts: [create, publish]\n"})";
  const char* path = state.range(0) == 1 ? "/api/next-questions" : "/api/evaluate";
  for (auto _ : state) {
    auto r = api->Handle("POST", path, body);
    if (r.status != 200) state.SkipWithError(r.body.c_str());
    benchmark::DoNotOptimize(r);
  }
}
// Arg 0 and 1 keep the names of earlier runs; 2 is the case as an object.
BENCHMARK(BM_ApiRequest)->Arg(0)->Arg(1)->Arg(2)->ArgName("next_questions")->Unit(benchmark::kMicrosecond);

void BM_LoadRulesetsFromYaml(benchmark::State& state) {
  for (auto _ : state) {
    auto vocabulary = ibsa::Vocabulary::Load(kRulesets + "/facts.yaml");
    benchmark::DoNotOptimize(ibsa::Law::Load(kRulesets, vocabulary.value()));
  }
}
BENCHMARK(BM_LoadRulesetsFromYaml)->Unit(benchmark::kMillisecond);

// What a run loads instead when the build's snapshot is current (ibsa compile).
void BM_LoadRulesetsFromSnapshot(benchmark::State& state) {
  const std::string snapshot = std::string(IBSA_BINARY_DIR) + "/bench.law";
  if (!ibsa::CompileSnapshot(kRulesets, snapshot).ok()) {
    state.SkipWithError("cannot compile the snapshot");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::LoadSnapshot(snapshot, kRulesets));
}
BENCHMARK(BM_LoadRulesetsFromSnapshot)->Unit(benchmark::kMillisecond);

// What a run that lists a case's gaps added when the snapshot did not hold the harms:
// parsing harms.yaml against the law.
void BM_LoadHarmsFromYaml(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  for (auto _ : state) benchmark::DoNotOptimize(ibsa::Harms::Load(kRulesets + "/harms.yaml", loaded.law));
}
BENCHMARK(BM_LoadHarmsFromYaml)->Unit(benchmark::kMillisecond);

// The rules a sweep of `jurisdiction` judges: those of every version in force on `date`,
// national and EU.
int RulesInForce(const ibsa::Law& law, const std::string& jurisdiction, ibsa::Date date) {
  int rules = 0;
  for (const auto& v : law.versions()) {
    if ((v.jurisdiction == jurisdiction || v.jurisdiction == "EU") &&
        v.status != ibsa::VersionStatus::kProposed && v.InForceOn(date)) {
      rules += static_cast<int>(v.rules.size());
    }
  }
  return rules;
}

void BM_GapSweep(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  auto harms = ibsa::Harms::Load(kRulesets + "/harms.yaml", loaded.law);
  const std::string jurisdiction = state.range(0) == 0 ? "BE" : "NL";
  const ibsa::Date date = *ibsa::Date::Parse("2025-06-01");
  double space = 0;
  for (auto _ : state) {
    auto report = ibsa::FindGaps(loaded.law, harms.value(), {jurisdiction, date, {}});
    space = report.value().space;
    benchmark::DoNotOptimize(report);
  }
  // The sweep is symbolic: it answers for every scenario of the space at once.
  const double rules = RulesInForce(loaded.law, jurisdiction, date);
  state.counters["scenarios"] = space;
  state.counters["rules"] = rules;
  state.counters["scenario_rules_per_s"] =
      benchmark::Counter(space * rules, benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(jurisdiction);
}
BENCHMARK(BM_GapSweep)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The issue's "full BE+NL+EU sweep": both national sweeps (each includes EU law).
void BM_FullSweepBelgiumAndNetherlands(benchmark::State& state) {
  const Loaded& loaded = Bundled();
  auto harms = ibsa::Harms::Load(kRulesets + "/harms.yaml", loaded.law);
  const ibsa::Date date = *ibsa::Date::Parse("2025-06-01");
  for (auto _ : state) {
    benchmark::DoNotOptimize(ibsa::FindGaps(loaded.law, harms.value(), {"BE", date, {}}));
    benchmark::DoNotOptimize(ibsa::FindGaps(loaded.law, harms.value(), {"NL", date, {}}));
  }
}
BENCHMARK(BM_FullSweepBelgiumAndNetherlands)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
