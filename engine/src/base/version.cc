#include "ibsa/version.h"

// IBSA_GIT_COMMIT, written by engine/cmake/git_commit.cmake at every build (only when it
// changes, so that only this file is compiled again).
#include "ibsa_git_commit.h"

namespace ibsa {

std::string_view Version() { return IBSA_VERSION; }

std::string_view GitCommit() { return IBSA_GIT_COMMIT; }

std::string VersionLine() {
  const std::string_view commit = GitCommit();
  return "ibsa " + std::string(Version()) +
         (commit.empty() ? std::string(" (unknown commit)") : " (git " + std::string(commit) + ")");
}

}  // namespace ibsa
