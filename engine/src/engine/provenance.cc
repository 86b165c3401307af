#include "ibsa/provenance.h"

#include <algorithm>
#include <utility>

#include "base/file_io.h"
#include "base/sha256.h"

namespace ibsa {

Result<std::string> LawSha256(const std::string& folder) {
  std::vector<Diagnostic> errors;
  const std::vector<std::string> paths = internal::FindFiles(folder, {".yaml", ".yml"}, errors);
  const std::string prefix = folder.empty() || folder.back() == '/' ? folder : folder + "/";
  // (path relative to the folder, its sha256), sorted by path as `LC_ALL=C sort` sorts.
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : paths) {
    Diagnostic error;
    auto text = internal::ReadFile(path, error);
    if (!text) {
      errors.push_back(std::move(error));
      continue;
    }
    files.emplace_back(path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path,
                       internal::Sha256Hex(*text));
  }
  if (!errors.empty()) return errors;
  std::sort(files.begin(), files.end());
  std::string listing;
  for (const auto& [name, sha256] : files) listing += sha256 + "  " + name + "\n";
  return internal::Sha256Hex(listing);
}

}  // namespace ibsa
