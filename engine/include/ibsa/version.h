// File: version.h
// Which ibsa this is: the version of the CMake project and the git commit it was built
// from, as `ibsa --version`, every output's provenance and the API say it.
#ifndef IBSA_VERSION_H_
#define IBSA_VERSION_H_

#include <string>
#include <string_view>

namespace ibsa {

// "0.1.0": project(ibsa VERSION ...) in CMakeLists.txt.
std::string_view Version();

// The commit the build was made from, as `git rev-parse --short=7 HEAD` names it, with
// "-dirty" when tracked files differed from it (git describe's word); "" when the source
// was not a git checkout or git could not say. Read at every build, not only at configure.
std::string_view GitCommit();

// "ibsa 0.1.0 (git abe9df8)", or "ibsa 0.1.0 (unknown commit)" when GitCommit() is "".
std::string VersionLine();

}  // namespace ibsa

#endif  // IBSA_VERSION_H_
