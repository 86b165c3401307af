// File: snapshot.h
// A compiled law: the vocabulary, every ruleset, the harms, the limitation periods, the
// actions and the letters of a folder, checked, compiled and saved in one binary file with the law's SHA-256
// (provenance.h), so that a run need not parse the YAML again nor hash it with SHA-256.
//
// A snapshot records the size and hash of every file it was compiled from, and of every
// other YAML file of the folder. It is used only while the folder holds exactly those files
// with exactly that content; any file added, removed or changed makes it stale, and the
// caller loads the YAML instead. A
// snapshot is a cache, never a source: the YAML files stay the law.
#ifndef IBSA_SNAPSHOT_H_
#define IBSA_SNAPSHOT_H_

#include <optional>
#include <string>

#include "ibsa/actions.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/letters.h"
#include "ibsa/status.h"

namespace ibsa {

// What a snapshot holds: the law of a folder with its limitation periods (law.limitation(),
// every <jurisdiction>/limitation.yaml, as LimitationRules::Load reads them), and, when the
// folder has them, its harms.yaml, actions.yaml and letters.yaml (read against that law, as
// Harms::Load, Actions::Load and Letters::Load read them), and the law's SHA-256 when it was
// compiled.
struct CompiledLaw {
  Law law;
  std::optional<Harms> harms;
  std::optional<Actions> actions;
  std::optional<Letters> letters;
  std::string law_sha256;  // LawSha256 of the folder's files as compiled; "" not recorded
};

// Loads facts.yaml, every ruleset, the limitation periods, harms.yaml, actions.yaml and
// letters.yaml (if there are) of `directory` from YAML (errors as their loaders report them), computes the
// law's SHA-256 of the same bytes, and writes the snapshot to `path`.
Result<CompiledLaw> CompileSnapshot(const std::string& directory, const std::string& path);

// A hash of the files the law of `directory` is read from (facts.yaml, every ruleset,
// harms.yaml, the limitation periods, actions.yaml, letters.yaml, and any other YAML file
// below it), by
// name, size and content, as 16 hex digits: the same whether the law then
// comes from the YAML or from a current snapshot. Outputs print it (LawSource).
Result<std::string> LawFingerprint(const std::string& directory);

// What the snapshot at `path` holds of `directory`, with the law's LawSource set. Fails,
// with the reason, when the snapshot is missing, unreadable, damaged, written by another
// format version, or stale for `directory` (any YAML file of it added, removed or changed). File names in the locations are those under `directory`.
Result<CompiledLaw> LoadSnapshot(const std::string& path, const std::string& directory);

}  // namespace ibsa

#endif  // IBSA_SNAPSHOT_H_
