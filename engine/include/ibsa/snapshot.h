// File: snapshot.h
// A compiled law: the vocabulary and every ruleset of a folder, checked, compiled and
// saved in one binary file, so that a run need not parse the YAML again.
//
// A snapshot records the size and hash of every file it was compiled from. It is used
// only while the folder holds exactly those files with exactly that content; any file
// added, removed or changed makes it stale, and the caller loads the YAML instead. A
// snapshot is a cache, never a source: the YAML files stay the law.
#ifndef IBSA_SNAPSHOT_H_
#define IBSA_SNAPSHOT_H_

#include <string>

#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

// Loads facts.yaml and every ruleset of `directory` from YAML (errors as
// Vocabulary::Load and Law::Load report them) and writes the snapshot to `path`.
Result<Law> CompileSnapshot(const std::string& directory, const std::string& path);

// A hash of the files the law of `directory` is read from (facts.yaml and every
// ruleset), by name, size and content, as 16 hex digits: the same whether the law then
// comes from the YAML or from a current snapshot. Outputs print it (LawSource).
Result<std::string> LawFingerprint(const std::string& directory);

// The law of `directory` from the snapshot at `path`, with its LawSource set. Fails, with the reason, when the
// snapshot is missing, unreadable, damaged, written by another format version, or stale
// for `directory`. File names in the law's locations are those under `directory`.
Result<Law> LoadSnapshot(const std::string& path, const std::string& directory);

}  // namespace ibsa

#endif  // IBSA_SNAPSHOT_H_
