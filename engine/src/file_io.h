// Internal: reading a whole file, with a located diagnostic when it cannot be read.
#ifndef IBSA_SRC_FILE_IO_H_
#define IBSA_SRC_FILE_IO_H_

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "ibsa/status.h"

namespace ibsa::internal {

// Inputs larger than this are refused rather than parsed (a case or ruleset is
// a few kilobytes; this guards against being handed the wrong file).
inline constexpr std::size_t kMaxInputBytes = 4 * 1024 * 1024;

inline std::optional<std::string> ReadFile(const std::string& path, Diagnostic& error) {
  auto fail = [&](std::string message) {
    error = Diagnostic{"E0001", SourceLocation{path, 0, 0}, std::move(message), {}, "", 1};
    return std::nullopt;
  };
  const std::string too_large = "file is larger than " + std::to_string(kMaxInputBytes) + " bytes";
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("cannot read file: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read file");
  std::string text;
  if (std::filesystem::is_regular_file(path, ec)) {
    // A regular file: one read of the size it has.
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot read file");
    if (size > kMaxInputBytes) return fail(too_large);
    text.resize(static_cast<std::size_t>(size));
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) return fail("cannot read file");
  } else {
    // A pipe or other stream without a size: read to the end, up to the limit.
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
      text.append(chunk, static_cast<std::size_t>(in.gcount()));
      if (text.size() > kMaxInputBytes) return fail(too_large);
    }
  }
  return text;
}

}  // namespace ibsa::internal

#endif  // IBSA_SRC_FILE_IO_H_
