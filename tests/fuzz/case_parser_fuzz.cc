// Fuzz target: a case file, as `ibsa evaluate` reads it. Any input gives a case or located
// errors, never a crash. A case that reads must also survive what is done with it next:
// CaseToYaml (the interview saves its answers that way) and CaseToJson (the intake page's
// download) write it back, and each text must read again to the same facts; evaluating it
// against the bundled law and rendering the result must not fail either.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

namespace ibsa::fuzz {
namespace {

// yaml-cpp's emitter writes the noncharacters U+FFFE and U+FFFF in a double-quoted scalar
// as U+FFFD: texts are compared as it leaves them.
std::string AsEmitted(std::string text) {
  for (const std::string nonchar : {"\xef\xbf\xbe", "\xef\xbf\xbf"}) {
    for (size_t at = text.find(nonchar); at != std::string::npos; at = text.find(nonchar, at)) {
      text.replace(at, nonchar.size(), "\xef\xbf\xbd");
    }
  }
  return text;
}

bool SameValue(const FactDefinition& fact, const FactValue& a, const FactValue& b) {
  if (a.known() != b.known() || a.integer() != b.integer()) return false;  // every type but set
  for (int i = 0; i < static_cast<int>(fact.values.size()); ++i) {
    if (a.Has(i) != b.Has(i)) return false;
  }
  return true;
}

void CheckSameCase(const Case& original, const Case& again, const std::string& writer,
                   const std::string& text) {
  const Vocabulary& vocabulary = BundledVocabulary();
  auto fail = [&](const std::string& what) {
    Fail(writer + " changed " + what + "; it wrote:\n" + text);
  };
  if (AsEmitted(again.id()) != AsEmitted(original.id())) fail("the id");
  if (AsEmitted(again.title()) != AsEmitted(original.title())) fail("the title");
  if (again.jurisdiction() != original.jurisdiction()) fail("the jurisdiction");
  if (again.date() != original.date()) fail("the date");
  if (again.acts().size() != original.acts().size()) fail("the number of acts");
  for (size_t i = 0; i < original.acts().size(); ++i) {
    const Act& a = original.acts()[i];
    const Act& b = again.acts()[i];
    if (a.type != b.type || a.date != b.date || a.certain != b.certain) fail("act " + a.type);
  }
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    if (!SameValue(vocabulary.fact(slot), original.values()[slot], again.values()[slot])) {
      fail("fact '" + vocabulary.fact(slot).name + "'");
    }
  }
}

void CheckRoundTrip(const Case& original, const std::string& writer, const std::string& text) {
  auto again = Case::Parse(text, "roundtrip", BundledVocabulary());
  if (!again.ok()) {
    Fail(writer + " wrote a case that does not read:\n" + text + "\n" + FormatDiagnostics(again.errors()));
  }
  CheckSameCase(original, again.value(), writer, text);
}

void Evaluate(const Case& c) {
  auto evaluation = ibsa::Evaluate(BundledLaw(), c, EvaluationOptions{});
  if (!evaluation.ok()) Fail("a case that reads does not evaluate");
  CheckRenders(evaluation.value(), BundledLaw());
}

}  // namespace
}  // namespace ibsa::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ibsa::fuzz;
  // Past the case's 1 MiB limit (E0004), so that the limit is reached too.
  const std::string text = Expand(std::string_view(reinterpret_cast<const char*>(data), size), 1100 << 10);
  auto parsed = ibsa::Case::Parse(text, "fuzz.yaml", BundledVocabulary());
  if (!parsed.ok()) {
    CheckDiagnostics(parsed.errors(), "fuzz.yaml");
    return 0;
  }
  CheckRoundTrip(parsed.value(), "CaseToYaml", ibsa::CaseToYaml(parsed.value(), BundledVocabulary()));
  CheckRoundTrip(parsed.value(), "CaseToJson", ibsa::CaseToJson(parsed.value(), BundledVocabulary()));
  Evaluate(parsed.value());
  return 0;
}
