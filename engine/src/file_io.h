// Internal: reading a whole file, with a located diagnostic when it cannot be read.
#ifndef IBSA_SRC_FILE_IO_H_
#define IBSA_SRC_FILE_IO_H_

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "ibsa/status.h"

namespace ibsa::internal {

// Inputs larger than this are refused rather than parsed (a case or ruleset is
// a few kilobytes; this guards against being handed the wrong file).
inline constexpr std::size_t kMaxInputBytes = 4 * 1024 * 1024;

inline std::optional<std::string> ReadFile(const std::string& path, Diagnostic& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = Diagnostic{"E0001", SourceLocation{path, 0, 0}, "cannot read file", {}, "", 1};
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > kMaxInputBytes) {
    error = Diagnostic{"E0001", SourceLocation{path, 0, 0},
                       "file is larger than " + std::to_string(kMaxInputBytes) + " bytes",
                       {}, "", 1};
    return std::nullopt;
  }
  return text;
}

}  // namespace ibsa::internal

#endif  // IBSA_SRC_FILE_IO_H_
