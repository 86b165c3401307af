// Fuzz target: a snapshot damaged behind a right whole-file hash. Where snapshot_reader
// gives the fuzzer a whole body (which rarely keeps its strings and counts in step past
// the first damage), this one starts from a valid snapshot, changes some of its integers
// (counts, lengths, enums, indexes, dates: every integer the writer wrote) and writes the
// header anew, so that every input reaches the structural checks of ReadSnapshot. The
// snapshot read is refused as damaged (E0003) or judges a case, finds its gaps from the
// harms read with it, and renders it, never crashes, hangs or reads out of bounds.
//
// Input: one byte choosing the law (even: the seed law of tests/fuzz/snapshot_seed, odd:
// the bundled law), then any number of 6-byte edits: the integer's number (4 bytes, little
// endian, modulo the number of integers), how to change it (1 byte) and an operand (1
// signed byte); see Edit.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "load/law_data.h"

namespace ibsa::fuzz {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Snapshot {
  std::string body;
  std::vector<size_t> integers;  // offsets into body
  std::string case_text;         // a case of its vocabulary that rules apply to
};

Snapshot Written(const Law& law, const Harms& harms, std::string case_text) {
  Snapshot s;
  s.body = internal::SnapshotBody(law, &harms, kRulesets, &s.integers);
  s.case_text = std::move(case_text);
  return s;
}

const Snapshot& SeedSnapshot() {
  static const Snapshot* snapshot = [] {
    const std::string seed = IBSA_SOURCE_DIR "/tests/fuzz/snapshot_seed/";
    const Vocabulary vocabulary = ValueOrFail(
        Vocabulary::Parse(ReadAll(IBSA_SOURCE_DIR "/tests/fuzz/corpus/ruleset_loader/small-vocabulary.yaml"),
                          "facts.yaml"),
        "the seed vocabulary");
    const Law law = ValueOrFail(
        Law::FromTexts({{"be/seed.yaml", ReadAll(seed + "be.yaml")}, {"nl/seed.yaml", ReadAll(seed + "nl.yaml")}},
                       vocabulary),
        "the seed law");
    const Harms harms = ValueOrFail(Harms::Parse(ReadAll(seed + "harms.yaml"), "harms.yaml", law), "the seed harms");
    return new Snapshot(Written(law, harms, "id: x\njurisdiction: BE\ndate: 2025-01-01\nvictim:\n  age: 12\n"));
  }();
  return *snapshot;
}

const Snapshot& BundledSnapshot() {
  static const Snapshot* snapshot = [] {
    const Harms harms =
        ValueOrFail(Harms::Load(std::string(kRulesets) + "/harms.yaml", BundledLaw()), "the bundled harms");
    return new Snapshot(
        Written(BundledLaw(), harms, ReadAll(IBSA_SOURCE_DIR "/cases/demo/be-ex-partner-undress-posted.yaml")));
  }();
  return *snapshot;
}

// how % 4: 0 sets the integer to the operand, 1 adds the operand, 2 flips bit (operand %
// 64), 3 sets an extreme chosen by the operand.
int64_t Edit(int64_t old, uint8_t how, int8_t operand) {
  static constexpr int64_t kExtremes[] = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                                          std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(),
                                          std::numeric_limits<uint32_t>::max(), int64_t{1} << 31,
                                          int64_t{1} << 32, -2};
  switch (how % 4) {
    case 0: return operand;
    case 1: return static_cast<int64_t>(static_cast<uint64_t>(old) + static_cast<uint64_t>(int64_t{operand}));
    case 2: return static_cast<int64_t>(static_cast<uint64_t>(old) ^ (uint64_t{1} << (static_cast<uint8_t>(operand) % 64)));
    default: return kExtremes[static_cast<uint8_t>(operand) % 8];
  }
}

void Judge(const Law& law, const Harms* harms, const std::string& case_text) {
  auto c = Case::Parse(case_text, "case.yaml", law.vocabulary());
  if (!c.ok()) return;  // the damage renamed or retyped a fact the case states
  EvaluationOptions options;
  options.explain = true;
  options.assessed_on = Date::Parse("2026-01-01");
  Decision decision;
  if (!Decide(law, c.value(), options, decision).ok()) Fail("a law that loads cannot decide its case");
  auto evaluation = Evaluate(law, c.value(), options);
  if (!evaluation.ok()) Fail("a law that loads cannot evaluate its case");
  std::vector<CaseHarm> gaps;
  if (harms != nullptr) gaps = HarmsOfCase(*harms, c.value(), evaluation.value());
  CheckRenders(evaluation.value(), law, gaps);
}

}  // namespace
}  // namespace ibsa::fuzz

// The laws are loaded and written before the first input, outside libFuzzer's per-input
// timeout (the bundled law takes seconds under the sanitizers on a busy machine).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ibsa::fuzz::SeedSnapshot();
  ibsa::fuzz::BundledSnapshot();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ibsa::fuzz;
  if (size == 0) return 0;
  const Snapshot& snapshot = data[0] % 2 == 0 ? SeedSnapshot() : BundledSnapshot();
  std::string body = snapshot.body;
  for (size_t at = 1; at + 6 <= size; at += 6) {
    uint32_t index = 0;
    std::memcpy(&index, data + at, sizeof index);
    const size_t offset = snapshot.integers[index % snapshot.integers.size()];
    int64_t value = 0;
    std::memcpy(&value, body.data() + offset, sizeof value);
    value = Edit(value, data[at + 4], static_cast<int8_t>(data[at + 5]));
    std::memcpy(body.data() + offset, &value, sizeof value);
  }
  auto read = ibsa::internal::ReadSnapshot(ibsa::internal::SnapshotHeader(body) + body, "fuzz.law", kRulesets,
                                           /*compare_sources=*/false);
  if (read.ok()) {
    const auto& harms = read.value().harms;
    Judge(read.value().law, harms ? &*harms : nullptr, snapshot.case_text);
  } else {
    CheckDiagnostics(read.errors(), "fuzz.law");
  }
  return 0;
}
