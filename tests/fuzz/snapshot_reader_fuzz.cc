// Fuzz target: the snapshot reader (ibsa.law beside the binary, `ibsa compile`'s output).
// The input is a snapshot's body; the target puts a valid header before it (magic, layout,
// hash of the input), so that mutations reach the reader instead of stopping at the hash,
// and reads it without comparing its recorded source files with the rulesets folder. Any
// input gives a law or E0003 ("snapshot not used: ..."), never a crash, a hang or an
// allocation the input's size does not justify. A law that loads must judge a case of
// its own vocabulary and render the result.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_support.h"
#include "load/law_data.h"

namespace ibsa::fuzz {
namespace {

const std::string& DemoText() {
  static const std::string* text = [] {
    std::ifstream in(IBSA_SOURCE_DIR "/cases/demo/be-ex-partner-undress-posted.yaml");
    std::stringstream out;
    out << in.rdbuf();
    return new std::string(out.str());
  }();
  return *text;
}

void Judge(const Law& law, const Harms* harms) {
  // The case is read against the snapshot's own vocabulary; with another, it need not read.
  for (const std::string& text : {DemoText(), std::string("id: x\njurisdiction: BE\ndate: 2025-01-01\n")}) {
    auto c = Case::Parse(text, "case.yaml", law.vocabulary());
    if (!c.ok()) continue;
    EvaluationOptions options;
    options.explain = true;
    options.assessed_on = Date::Parse("2026-01-01");
    auto evaluation = Evaluate(law, c.value(), options);
    if (!evaluation.ok()) continue;
    std::vector<CaseHarm> gaps;
    if (harms != nullptr) gaps = HarmsOfCase(*harms, c.value(), evaluation.value());
    CheckRenders(evaluation.value(), law, gaps);
  }
}

}  // namespace
}  // namespace ibsa::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ibsa::fuzz;
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto read = ibsa::internal::ReadSnapshot(ibsa::internal::SnapshotHeader(body) + body, "fuzz.law", kRulesets,
                                           /*compare_sources=*/false);
  if (read.ok()) {
    const auto& harms = read.value().harms;
    Judge(read.value().law, harms ? &*harms : nullptr);
  } else {
    CheckDiagnostics(read.errors(), "fuzz.law");
  }
  return 0;
}
