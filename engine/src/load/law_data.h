// Internal: what a Law holds once its rulesets are loaded and compiled.
#ifndef IBSA_SRC_LOAD_LAW_DATA_H_
#define IBSA_SRC_LOAD_LAW_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "expr/condition.h"
#include "expr/distinctions.h"
#include "ibsa/law.h"
#include "ibsa/vocabulary.h"

namespace ibsa {
class Harms;        // ibsa/gaps.h
struct CompiledLaw;  // ibsa/snapshot.h
}  // namespace ibsa

namespace ibsa::internal {

// A rule's compiled conditions, by global rule index (versions in order, then
// rules in file order).
struct CompiledRule {
  int version = -1;
  int rule = -1;
  std::vector<int32_t> elements;      // roots, parallel to Rule::elements
  std::vector<int32_t> aggravations;  // roots, parallel to Rule::aggravations
  friend bool operator==(const CompiledRule&, const CompiledRule&) = default;
};

// The versions of one instrument, for selecting the one in force without comparing
// strings.
struct InstrumentIndex {
  std::string jurisdiction;
  std::string instrument;
  std::vector<int> versions;  // indexes into LawData::versions, by in_force_from
  bool only_proposed = true;  // a bill with no version in force
  friend bool operator==(const InstrumentIndex&, const InstrumentIndex&) = default;
};

// A condition laid out for judging: each node is followed by its subtree (preorder),
// so judging reads memory forwards and skips a decided subtree by its size. Fact tests
// are reduced to three kinds: an enum value in a mask, a number in a range (or out of
// it, for is_not), and a set meeting a mask.
enum class Step : uint8_t { kAll, kAny, kNot, kRule, kEnumIn, kInRange, kOutOfRange, kSetHas };

struct Code {
  Step step = Step::kAll;
  bool flat = false;   // kAll or kAny whose children are all fact tests
  uint32_t count = 0;  // children, for kAll, kAny, kNot
  int32_t slot = -1;   // fact slot; for kRule, the global rule index
  uint32_t size = 1;   // nodes in this subtree, itself included
  int64_t low = 0;     // kInRange, kOutOfRange: the bounds, inclusive
  int64_t high = 0;
  uint64_t mask = 0;   // kEnumIn, kSetHas
  friend bool operator==(const Code&, const Code&) = default;
};

// What judging a rule reads, kept apart from the rule's texts for locality.
struct RuleCode {
  uint64_t acts = 0;        // the `acts` values of Rule::acts, as a bit mask
  uint32_t begin = 0;       // its elements' code, one subtree after another
  uint32_t end = 0;
  bool referenced = false;  // named by another rule's condition
  bool names_rules = false;  // its elements name another rule (Decider::RuleReading walks them)
  friend bool operator==(const RuleCode&, const RuleCode&) = default;
};

struct LawData {
  explicit LawData(Vocabulary v) : vocabulary(std::move(v)) {}
  Vocabulary vocabulary;
  std::vector<RulesetVersion> versions;
  Program program;
  std::vector<CompiledRule> rules;
  std::vector<int32_t> first_rule;  // per version: global index of its first rule
  // Filled by IndexLaw for judging: the same conditions as `program`, laid out.
  std::vector<Code> code;
  std::vector<RuleCode> rule_code;  // by global rule index
  // The rules' aggravations, laid out the same way for Evaluate (Decide never reads them):
  // rule r's are aggravation_code[aggravations_at[r]] up to aggravations_at[r + 1].
  std::vector<Code> aggravation_code;
  std::vector<uint32_t> aggravations_at;
  // Per version, per `acts` value: the global indexes of the rules about that act, in
  // file order (the rules an act's date may select).
  std::vector<std::vector<std::vector<int32_t>>> rules_about_act;
  std::vector<InstrumentIndex> instruments;  // in order of first appearance
  // Per jurisdiction, its instruments (indexes into `instruments`).
  std::vector<std::pair<std::string, std::vector<int>>> instruments_of;
  // The vocabulary's applies_alongside (EU): no case is in one, and its law applies
  // alongside each case's own (the ruleset loader refuses any other jurisdiction).
  std::vector<std::string> alongside;
  // Which values the rules' and the derivations' conditions tell apart: the question
  // ranking tries one answer per class on every call, so it is found once, here.
  Distinctions distinctions;
  friend bool operator==(const LawData&, const LawData&) = default;
};

// The ruleset files of `directory` that Law::Load reads, sorted (facts.yaml, harms.yaml,
// actions.yaml, letters.yaml and limitation.yaml excluded); a folder that cannot be walked is an error in `errors`.
std::vector<std::string> RulesetFiles(const std::string& directory, std::vector<Diagnostic>& errors);

// The files of `directory` that are law but not rulesets: each jurisdiction folder's
// limitation.yaml, sorted, then actions.yaml and letters.yaml when there are. Without a
// snapshot they are read on every run beside the law; a snapshot compiles them. The law's
// fingerprint covers them.
std::vector<std::string> LimitationFiles(const std::string& directory);
std::vector<std::string> FilesReadBesideTheLaw(const std::string& directory);

// E0206 for each jurisdiction of the vocabulary that no version of `law` belongs to: a
// folder of rulesets that lacks one (left out, unreadable) would judge its cases by EU law
// alone. Checked for a whole folder (Law::Load, CompileSnapshot), not for a few texts.
std::vector<Diagnostic> UncoveredJurisdictions(const Law& law, const std::string& directory);

// The snapshot format's header for `body`: magic, layout fingerprint, hash of the body.
std::string SnapshotHeader(std::string_view body);
// The body of a snapshot of `compiled` (what follows SnapshotHeader) as CompileSnapshot
// writes it, with its file names relative to `directory`, but recording no source files:
// ReadSnapshot reads it without `compare_sources`. With `integers`, the offset in the body of every
// integer written, in order (counts, lengths, enums, indexes, dates): the snapshot damage
// tests change them one at a time and rewrite the header, so that the checks behind the
// whole-file hash are reached.
std::string SnapshotBody(const CompiledLaw& compiled, const std::string& directory,
                         std::vector<size_t>* integers = nullptr);
// The same of `law` and `harms` alone (none: a folder without harms.yaml), without
// limitation periods, actions or SHA-256.
std::string SnapshotBody(const Law& law, const Harms* harms, const std::string& directory,
                         std::vector<size_t>* integers = nullptr);
// What the snapshot `bytes` holds (header and body), read from `path`, whose file
// names are under `directory`. With `compare_sources` (LoadSnapshot), a snapshot whose
// recorded files differ from those of `directory` is refused as stale; the snapshot fuzz
// targets read it without that comparison. Every refusal is E0003 ("snapshot not used: ...").
Result<CompiledLaw> ReadSnapshot(const std::string& bytes, const std::string& path,
                                 const std::string& directory, bool compare_sources);

// Which version of `instrument` is in force on `date`, for every reader (Decide, lex
// mitior, the sweep): of the versions in force on it, the last to come into force, except
// that a proposal in force on it wins when overlaid (`overlaid[v]` nonzero, by index into
// LawData::versions). -1 when none is.
inline int VersionInForce(const LawData& law, const InstrumentIndex& instrument, Date date,
                   const std::vector<uint8_t>& overlaid) {
  int found = -1;
  for (int v : instrument.versions) {
    const RulesetVersion& version = law.versions[v];
    if (!version.InForceOn(date)) continue;
    if (version.status == VersionStatus::kProposed) {
      if (overlaid[v]) return v;
      continue;
    }
    found = v;
  }
  return found;
}


// Fills what judging reads (instruments, code, rule_code) once every file is parsed.
void IndexLaw(LawData& law);

struct IdTokenAt;  // load/rule_ids_in_texts.h

// Parses one ruleset file into `law`, appending a version and its compiled rules.
// Rule references resolve within the same file (one instrument version) and must
// not form a cycle. Where its texts hold a token that may be a rule's id is appended to
// `id_tokens` (CiteRuleIds).
void ParseRulesetFile(const std::string& text, const std::string& file, LawData& law,
                      std::vector<Diagnostic>& diagnostics, std::vector<IdTokenAt>& id_tokens);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_LAW_DATA_H_
