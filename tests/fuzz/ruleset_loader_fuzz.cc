// Fuzz target: a ruleset file, as `ibsa --rulesets DIR` reads it, and the same text as a
// vocabulary. Any input gives a law or located errors, never a crash. A law that loads
// must also judge a bundled case and render the result: its conditions, dates and texts
// came from the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

namespace ibsa::fuzz {
namespace {

const Case& SampleCase() {
  static const Case* sample = new Case(BundledCase("cases/demo/be-ex-partner-undress-posted.yaml"));
  return *sample;
}

void Judge(const Law& law) {
  EvaluationOptions options;
  options.explain = true;
  options.assessed_on = Date::Parse("2026-01-01");
  auto evaluation = Evaluate(law, SampleCase(), options);
  if (!evaluation.ok()) Fail("a law that loads cannot judge a case");
  CheckRenders(evaluation.value(), law);
}

}  // namespace
}  // namespace ibsa::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ibsa::fuzz;
  const std::string text = Expand(std::string_view(reinterpret_cast<const char*>(data), size), 4200 << 10);
  auto law = ibsa::Law::FromTexts({{"fuzz.yaml", text}}, BundledVocabulary());
  if (law.ok()) {
    Judge(law.value());
  } else {
    CheckDiagnostics(law.errors(), "fuzz.yaml");
  }
  auto vocabulary = ibsa::Vocabulary::Parse(text, "fuzz.yaml");
  if (!vocabulary.ok()) CheckDiagnostics(vocabulary.errors(), "fuzz.yaml");
  return 0;
}
