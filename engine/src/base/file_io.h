// Internal: reading a whole file and replacing one, with a diagnostic that names the file
// when it cannot be done.
#ifndef IBSA_SRC_BASE_FILE_IO_H_
#define IBSA_SRC_BASE_FILE_IO_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/status.h"

namespace ibsa::internal {

// Inputs larger than this are refused rather than parsed (a case or ruleset is
// a few kilobytes; this guards against being handed the wrong file).
inline constexpr std::size_t kMaxInputBytes = 4 * 1024 * 1024;

struct ReadLimits {
  std::size_t max_bytes = kMaxInputBytes;
  // A pipe (`/dev/stdin`, `<(...)`, a named pipe) is read to its end. A named pipe that
  // no program writes to reads as empty rather than waiting for one.
  bool pipes = true;
};

// The whole content of `path`, or nullopt with `error` set (E0001). Only a regular file
// (or, when allowed, a pipe) is read: a folder, a device or a socket is refused before
// anything is read, and so is a file whose size is over the limit; a file that says it
// is empty (as those of /proc do) is still read to its end, up to the limit.
std::optional<std::string> ReadFile(const std::string& path, Diagnostic& error,
                                    const ReadLimits& limits = {});

// The files below `folder` whose names end in one of `extensions`, sorted. Links to files
// and to folders are followed; a folder link that leads back to a folder it is inside of
// is an error, not an endless walk. Every folder that cannot be read, link that leads
// nowhere and loop is an error (E0001) naming it, appended to `errors`; the walk goes on
// past it, so that all of them are reported at once.
std::vector<std::string> FindFiles(const std::string& folder,
                                   const std::vector<std::string>& extensions,
                                   std::vector<Diagnostic>& errors);

// Whether WriteFileAtomically can write `path`: it is not a folder, its folder exists,
// and a file can be created there (tried, then removed). E0007 otherwise.
Status CheckWritable(const std::string& path);

// Replaces the content of `path` by `text` so that the file holds either its previous
// content or all of `text`, whatever happens: the text goes to a new file beside it,
// every write and the close are checked, the file is synced to disk, renamed over
// `path`, and the folder is synced. On any error the temporary file is removed, `path`
// is left as it was, and the error is E0007. A new file gets `new_file_mode` (by default
// readable by its owner only); an existing file keeps its mode (and owner, where
// allowed); when `path` is a symbolic link, the file it points to is replaced and the
// link stays. Termination signals wait until the write is done.
Status WriteFileAtomically(const std::string& path, std::string_view text,
                                 unsigned new_file_mode = 0600);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_BASE_FILE_IO_H_
