// The bundled law and case files as the tests see them.
//
// ./test.sh runs every test twice: in a Release build, and under AddressSanitizer and
// UndefinedBehaviorSanitizer, where the same code runs many times slower. A sweep repeats
// one code path over each bundled case, so under the sanitizers (IBSA_TESTS_SAMPLED, set
// by tests/CMakeLists.txt when IBSA_SANITIZE is on) it takes every kSampleStride-th case:
// the sanitizers still see every code path, and the Release run still takes every case.
#ifndef IBSA_TESTS_UNIT_BUNDLED_CASES_H_
#define IBSA_TESTS_UNIT_BUNDLED_CASES_H_

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "ibsa/engine.h"
#include "ibsa/suite.h"

namespace ibsa::testing {

#ifdef IBSA_TESTS_SAMPLED
inline constexpr size_t kSampleStride = 5;
#else
inline constexpr size_t kSampleStride = 1;
#endif

// How many of `count` repetitions a sweep runs in this build.
constexpr size_t Sampled(size_t count) { return (count + kSampleStride - 1) / kSampleStride; }

// Every case file under IBSA_SOURCE_DIR/cases, sorted, or every kSampleStride-th of them.
inline std::vector<std::string> BundledCaseFiles() {
  const std::vector<std::string> all = FindCaseFiles(std::string(IBSA_SOURCE_DIR) + "/cases");
  std::vector<std::string> taken;
  for (size_t i = 0; i < all.size(); i += kSampleStride) taken.push_back(all[i]);
  return taken;
}

// The engine of the bundled rulesets/, opened once per process for each use of the harms.
inline const Engine& BundledEngine(HarmsUse harms) {
  static std::map<HarmsUse, Engine>* engines = new std::map<HarmsUse, Engine>;
  auto found = engines->find(harms);
  if (found == engines->end()) {
    EngineOptions options;
    options.rulesets = std::string(IBSA_SOURCE_DIR) + "/rulesets";
    options.harms = harms;
    auto opened = Engine::Open(options);
    if (!opened.ok()) throw std::runtime_error(FormatDiagnostics(opened.errors()));
    found = engines->emplace(harms, std::move(opened).value()).first;
  }
  return found->second;
}

}  // namespace ibsa::testing

#endif  // IBSA_TESTS_UNIT_BUNDLED_CASES_H_
