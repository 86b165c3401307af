#include "ibsa/provenance.h"

#include <algorithm>
#include <utility>

#include "base/file_io.h"
#include "base/sha256.h"
#include "engine/law_sha256.h"
#include "ibsa/version.h"

namespace ibsa {
namespace internal {

std::string LawSha256Of(std::vector<std::pair<std::string, std::string>> files) {
  // (path, its sha256), sorted by path as `LC_ALL=C sort` sorts.
  for (auto& [name, text] : files) text = Sha256Hex(text);
  std::sort(files.begin(), files.end());
  std::string listing;
  for (const auto& [name, sha256] : files) listing += sha256 + "  " + name + "\n";
  return Sha256Hex(listing);
}

}  // namespace internal

Result<std::string> LawSha256(const std::string& folder) {
  std::vector<Diagnostic> errors;
  const std::vector<std::string> paths = internal::FindFiles(folder, {".yaml", ".yml"}, errors);
  const std::string prefix = folder.empty() || folder.back() == '/' ? folder : folder + "/";
  std::vector<std::pair<std::string, std::string>> files;  // (path relative to the folder, content)
  for (const std::string& path : paths) {
    Diagnostic error;
    auto text = internal::ReadFile(path, error);
    if (!text) {
      errors.push_back(std::move(error));
      continue;
    }
    files.emplace_back(path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path,
                       std::move(*text));
  }
  if (!errors.empty()) return errors;
  return internal::LawSha256Of(std::move(files));
}

namespace {

Provenance OfSweep(const Law& law, const std::string& law_sha256, const std::vector<const RulesetVersion*>& versions,
                   Date date, const std::vector<std::string>& with) {
  Provenance p;
  p.version = std::string(Version());
  p.commit = std::string(GitCommit());
  p.law_sha256 = law_sha256;
  if (law.source() != nullptr) p.law_fingerprint = law.source()->fingerprint;
  for (const RulesetVersion* v : versions) p.versions.push_back(v->id);
  std::sort(p.versions.begin(), p.versions.end());
  p.versions.erase(std::unique(p.versions.begin(), p.versions.end()), p.versions.end());
  p.facts_date = date;
  p.with = with;
  return p;
}

}  // namespace

Provenance SweepProvenance(const Law& law, const std::string& law_sha256, const GapReport& report) {
  return OfSweep(law, law_sha256, report.versions, report.options.date, report.options.with);
}

Provenance SweepProvenance(const Law& law, const std::string& law_sha256, const DiffReport& report) {
  Provenance p = OfSweep(law, law_sha256, report.versions, report.left.date, report.right.with);
  if (report.right.date != report.left.date) p.compared_with = report.right.date;
  return p;
}

}  // namespace ibsa
