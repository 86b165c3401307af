// File: provenance.h
// What every output says about how it was made, so that it can be reproduced and checked
// later: which ibsa, which law (by hashes a person can recompute outside ibsa), which
// versions of it were applied, on which dates, and a hash of the case as read. Never any
// of the case's content. Engine::Assess computes it; every renderer prints it
// (docs/json-format.md, `provenance`).
#ifndef IBSA_PROVENANCE_H_
#define IBSA_PROVENANCE_H_

#include <optional>
#include <string>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

struct Provenance {
  std::string version;  // Version(): "0.1.0"
  std::string commit;   // GitCommit(): "abe9df8", "abe9df8-dirty", or "" (unknown)
  // LawSha256 of the law's folder, and its LawFingerprint; "" for a law built in memory.
  std::string law_sha256;
  std::string law_fingerprint;
  // The ids of the ruleset versions the findings applied and of those in force on the
  // assessment date that lex mitior compared them with, sorted.
  std::vector<std::string> versions;
  // The case's date of the facts; of a sweep (`ibsa gaps`, `ibsa diff`), the day its scenarios
  // are dated, whose law they are judged by.
  Date facts_date = Date::FromDays(0);
  // The case's date of the facts as it was given, where that is a period (a month, a year, a
  // range): what the outputs state as the date of the facts; facts_date is then its first day.
  std::optional<DatePeriod> facts_period;
  // The options that chose the versions and the comparison, as the evaluation had them.
  std::optional<Date> as_of;
  std::vector<std::string> with;
  std::optional<Date> assessed_on;
  // A sweep (`ibsa diff --from --to`) across dates: the later date, whose law the right side
  // applies (facts_date is then the earlier); empty for everything else.
  std::optional<Date> compared_with;
  // Case::sha256(): the SHA-256 of the case as read; "" for a case built in memory.
  std::string case_sha256;
};

// The SHA-256 of a law folder, which a person can recompute with coreutils:
//   cd FOLDER && find -L . -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%P\n' |
//     LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum
// that is, of the lines "SHA256  PATH\n" that sha256sum prints for every YAML file below the
// folder (facts.yaml, harms.yaml and every ruleset), PATH relative to the folder, sorted
// bytewise by PATH. The list itself is a manifest `sha256sum -c` can check file by file.
// Errors: a file or folder that cannot be read (E0001, naming it).
Result<std::string> LawSha256(const std::string& folder);

// The provenance of a sweep's output (`ibsa gaps`, `ibsa diff`, /api/gaps, /api/diff): the
// same block as an evaluation's, with the ids of the versions swept (sorted, each once), the
// day the scenarios are dated (a diff across dates: the earlier, and `compared_with` the
// later), the proposals overlaid, and no case or assessment date. `law_sha256`:
// Engine::law_sha256().
Provenance SweepProvenance(const Law& law, const std::string& law_sha256, const GapReport& report);
Provenance SweepProvenance(const Law& law, const std::string& law_sha256, const DiffReport& report);

}  // namespace ibsa

#endif  // IBSA_PROVENANCE_H_
