// File: snapshot.h
// A compiled law: the vocabulary, every ruleset and the harms of a folder, checked,
// compiled and saved in one binary file, so that a run need not parse the YAML again.
//
// A snapshot records the size and hash of every file it was compiled from. It is used
// only while the folder holds exactly those files with exactly that content; any file
// added, removed or changed makes it stale, and the caller loads the YAML instead. A
// snapshot is a cache, never a source: the YAML files stay the law.
#ifndef IBSA_SNAPSHOT_H_
#define IBSA_SNAPSHOT_H_

#include <optional>
#include <string>

#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

// What a snapshot holds: the law of a folder and, when the folder has a harms.yaml, its
// harms (read against that law, as Harms::Load reads them).
struct CompiledLaw {
  Law law;
  std::optional<Harms> harms;
};

// Loads facts.yaml, every ruleset and harms.yaml (if there is one) of `directory` from
// YAML (errors as Vocabulary::Load, Law::Load and Harms::Load report them) and writes the
// snapshot to `path`.
Result<CompiledLaw> CompileSnapshot(const std::string& directory, const std::string& path);

// A hash of the files the law of `directory` is read from (facts.yaml, every ruleset and
// harms.yaml), by name, size and content, as 16 hex digits: the same whether the law then
// comes from the YAML or from a current snapshot. Outputs print it (LawSource).
Result<std::string> LawFingerprint(const std::string& directory);

// The law and harms of `directory` from the snapshot at `path`, with the law's LawSource
// set. Fails, with the reason, when the snapshot is missing, unreadable, damaged, written
// by another format version, or stale for `directory` (a harms.yaml added, removed or
// changed makes it stale too). File names in the locations are those under `directory`.
Result<CompiledLaw> LoadSnapshot(const std::string& path, const std::string& directory);

}  // namespace ibsa

#endif  // IBSA_SNAPSHOT_H_
