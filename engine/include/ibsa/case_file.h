// File: case_file.h
// Saving a case that grows, answer by answer, to a file (the interview's --save and --case):
// a save that cannot be finished leaves the file as it was and says so, and what the file
// held beyond the facts (its opening comments, `description:`, the `expect:` block) stays.
#ifndef IBSA_CASE_FILE_H_
#define IBSA_CASE_FILE_H_

#include <string>
#include <utility>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/status.h"
#include "ibsa/vocabulary.h"

namespace ibsa {

class CaseFile {
 public:
  // Prepares saves to `path` (JSON when it ends in .json, else YAML). `resumed` is the case
  // the interview started from, read from its file (Case::file()), or null for a new
  // case; what that file holds beyond the facts is carried into every save. Nothing is
  // written yet. Errors: E0007 when no file can be written at `path` (a missing or
  // read-only folder, a folder in its place), E0001 when the resumed file cannot be
  // read again.
  static Result<CaseFile> Open(const std::string& path, const Vocabulary& vocabulary,
                               const Case* resumed);

  const std::string& path() const { return path_; }
  // Warnings (W0002) for what the saves will not keep of the file they replace: its
  // comments other than those before the first key (YAML cannot carry them over).
  const std::vector<Diagnostic>& losses() const { return losses_; }

  // Writes `c` when its facts differ from those the file holds (a resumed case is not
  // rewritten until an answer changes it); true when it wrote. The file then holds the
  // whole case, or, on an error (E0007), exactly what it held before: the write goes
  // through a temporary file that is synced and renamed, a new file is created 0600, an
  // existing one keeps its mode, a symbolic link keeps pointing at the file it names.
  Result<bool> Save(const Case& c);

 private:
  CaseFile(std::string path, const Vocabulary& vocabulary)
      : path_(std::move(path)), vocabulary_(&vocabulary) {}

  // The file's text for `c`: the kept entries as the original wrote them (`verbatim`) or
  // written out anew.
  std::string Compose(const Case& c, bool verbatim) const;

  std::string path_;
  const Vocabulary* vocabulary_;
  bool json_ = false;
  std::string header_;                // comment lines before the first key of the original
  std::vector<std::string> blocks_;   // kept top-level entries, as the original wrote them
  std::vector<std::string> emitted_;  // the same, written out by the YAML emitter
  std::string kept_json_;             // the same as a JSON object, for a JSON file
  std::string saved_facts_;           // CaseToYaml of what the file holds; "" if unknown
  std::vector<Diagnostic> losses_;
};

}  // namespace ibsa

#endif  // IBSA_CASE_FILE_H_
