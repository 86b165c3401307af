// What the fuzz targets share: the bundled law, loaded once per process, and the checks
// every diagnostic must pass. A failed check prints why and aborts, which libFuzzer and
// the replay tests report as a crash.
#ifndef IBSA_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define IBSA_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ibsa/ibsa.h"

namespace ibsa::fuzz {

inline constexpr const char* kRulesets = IBSA_SOURCE_DIR "/rulesets";

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

template <typename T>
const T& ValueOrFail(const Result<T>& result, const std::string& what) {
  if (!result.ok()) Fail(what + ":\n" + FormatDiagnostics(result.errors()));
  return result.value();
}

// Inputs may repeat lines, so that a fuzzer reaches sizes its -max_len keeps it from:
// thousands of errors in one file (quadratic reporting) or dozens of rules naming each
// other (shared references), both found too slow by hand before a fuzzer could see them.
// A line "#repeat N" or "#repeat N FROM" (N up to 100,000) repeats the lines after it, up
// to "#end", N times; in them "$i" is the repetition's number (FROM, FROM + 1, ...), "$p"
// that number minus 1 and "$q" minus 2. The marks are YAML comments, so the text reads
// the same unexpanded. Output stops growing at `max_bytes` (past every input limit).
inline std::string ReplaceAll(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

inline std::string Expand(std::string_view text, size_t max_bytes) {
  std::string out;
  size_t at = 0;
  auto next_line = [&] {
    const size_t end = text.find('\n', at);
    const std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at + 1);
    at = end == std::string_view::npos ? text.size() : end + 1;
    return line;
  };
  while (at < text.size() && out.size() <= max_bytes) {
    const std::string_view line = next_line();
    long count = 0, from = 0;
    if (line.rfind("#repeat ", 0) != 0 ||
        std::sscanf(std::string(line.substr(8)).c_str(), "%ld %ld", &count, &from) < 1 || count < 0 ||
        count > 100000) {
      out += line;
      continue;
    }
    std::string body;
    while (at < text.size()) {
      const std::string_view inner = next_line();
      if (inner.rfind("#end", 0) == 0) break;
      body += inner;
    }
    for (long i = 0; i < count && out.size() <= max_bytes; ++i) {
      const long n = from + i;
      out += ReplaceAll(ReplaceAll(ReplaceAll(body, "$i", std::to_string(n)), "$p", std::to_string(n - 1)),
                        "$q", std::to_string(n - 2));
    }
  }
  return out;
}

// The objects live until the process ends: never freed, so reachable, so no leak report.
inline const Vocabulary& BundledVocabulary() {
  static const Vocabulary* vocabulary = new Vocabulary(ValueOrFail(
      Vocabulary::Load(std::string(kRulesets) + "/facts.yaml"), "the bundled vocabulary"));
  return *vocabulary;
}

inline const Law& BundledLaw() {
  static const Law* law =
      new Law(ValueOrFail(Law::Load(kRulesets, BundledVocabulary()), "the bundled rulesets"));
  return *law;
}

// `path` relative to the source tree, e.g. "cases/demo/x.yaml".
inline Case BundledCase(const std::string& path) {
  return ValueOrFail(Case::Load(std::string(IBSA_SOURCE_DIR "/") + path, BundledVocabulary()), path);
}

// The JSON result is what docs/cli.md documents for --format json and says what the
// evaluation found: the format and language asked, the case, and each finding (rule, version,
// status), each version gap and each rule not met, in order. nlohmann's parser also refuses a
// string that is not UTF-8, which a renderer cutting texts could make.
inline void CheckJsonResult(const Evaluation& evaluation, const std::string& text) {
  const auto out = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded() || !out.is_object()) Fail("the JSON result does not parse:\n" + text);
  auto fail = [&](const std::string& what) { Fail("the JSON result " + what + ":\n" + text); };
  auto string_at = [&](const nlohmann::json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) {
      fail(std::string("has no string '") + key + "'");
    }
    return object[key].get<std::string>();
  };
  auto array_at = [&](const nlohmann::json& object, const char* key, size_t size) -> const nlohmann::json& {
    if (!object.contains(key) || !object[key].is_array() || object[key].size() != size) {
      fail(std::string("has no '") + key + "' of " + std::to_string(size) + " items");
    }
    return object[key];
  };
  if (string_at(out, "format") != "ibsa.result/1") fail("has another format");
  if (string_at(out, "language") != "fr") fail("is in another language than French");
  if (string_at(out, "disclaimer").empty()) fail("has no disclaimer");
  const nlohmann::json& c = out.contains("case") ? out["case"] : nlohmann::json();
  if (string_at(c, "id") != evaluation.case_id) fail("names another case");
  if (string_at(c, "jurisdiction") != evaluation.jurisdiction) fail("names another jurisdiction");
  if (string_at(c, "date") != evaluation.date.ToString()) fail("gives another date of the facts");
  for (const char* key : {"as_of", "assessed_on", "with", "law", "questions"}) {
    if (!out.contains(key)) fail(std::string("has no '") + key + "'");
  }
  const auto& findings = array_at(out, "findings", evaluation.findings.size());
  for (size_t i = 0; i < evaluation.findings.size(); ++i) {
    const Finding& f = evaluation.findings[i];
    const nlohmann::json& j = findings[i];
    if (string_at(j, "rule") != f.rule->id) fail("has finding " + std::to_string(i) + " for another rule");
    if (!j.contains("version") || string_at(j["version"], "id") != f.version->id) {
      fail("has finding " + std::to_string(i) + " in another version");
    }
    if (string_at(j, "status") != FindingStatusName(f.status)) fail("gives " + f.rule->id + " another status");
    array_at(j, "elements", f.elements.size());
    array_at(j, "missing", f.missing.size());
  }
  array_at(out, "version_gaps", evaluation.version_gaps.size());
  if (evaluation.options.explain) {
    const auto& not_met = array_at(out, "not_met", evaluation.not_met.size());
    for (size_t i = 0; i < evaluation.not_met.size(); ++i) {
      if (string_at(not_met[i], "rule") != evaluation.not_met[i].rule->id) fail("has another rule not met");
    }
  } else if (out.contains("not_met")) {
    fail("explains rules not met that were not asked for");
  }
}

// The text names the case and is UTF-8 throughout (nlohmann refuses to write it otherwise).
inline void CheckTextResult(const Evaluation& evaluation, const std::string& text) {
  if (text.find("Case " + evaluation.case_id) == std::string::npos) Fail("the text result does not name the case:\n" + text);
  try {
    (void)nlohmann::json(text).dump();
  } catch (const nlohmann::json::exception& e) {
    Fail(std::string("the text result is not UTF-8: ") + e.what());
  }
}

// With `harms` (HarmsOfCase of the same evaluation), the case's gaps are rendered too.
inline void CheckRenders(const Evaluation& evaluation, const Law& law, const std::vector<CaseHarm>& harms = {}) {
  CheckJsonResult(evaluation, RenderJson(evaluation, law, Language::kFr, nullptr, harms));
  CheckTextResult(evaluation, RenderText(evaluation, law, Language::kEn, harms));
}

// docs/errors.md: every error has a stable code and says what is wrong; its file is the
// one read, and its place is a real line and column (or none).
inline void CheckDiagnostics(const std::vector<Diagnostic>& errors, const std::string& file) {
  if (errors.empty()) Fail("a failed result without errors");
  for (const Diagnostic& d : errors) {
    const bool coded = d.code.size() == 5 && (d.code[0] == 'E' || d.code[0] == 'C');
    if (!coded || d.message.empty()) Fail("a diagnostic without code or message: " + d.code);
    if (d.location.file != file) Fail("a diagnostic names another file: " + d.location.file);
    if (d.location.line < 0 || d.location.column < 0 || (d.location.line > 0) != (d.location.column > 0)) {
      Fail("a diagnostic at an impossible place: " + FormatDiagnostic(d));
    }
  }
  // Rendering windows long lines around the column: it must cope with any of them.
  if (FormatDiagnostics(errors).empty()) Fail("an error renders as nothing");
}

}  // namespace ibsa::fuzz

#endif  // IBSA_TESTS_FUZZ_FUZZ_SUPPORT_H_
