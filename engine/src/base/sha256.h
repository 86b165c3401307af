// Internal: SHA-256 digests, for what a user must be able to check outside ibsa (an
// evidence file's hash, the hash of a case or of the law in a report's provenance).
// OpenSSL computes them: a well-kept implementation beats one of our own.
#ifndef IBSA_SRC_BASE_SHA256_H_
#define IBSA_SRC_BASE_SHA256_H_

#include <optional>
#include <string>
#include <string_view>

#include "ibsa/status.h"

namespace ibsa::internal {

// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits (as `sha256sum` prints it).
std::string Sha256Hex(std::string_view bytes);

// The SHA-256 of the file at `path`, read in pieces so that a large video is never held in
// memory, or nullopt with `error` set (E0001, naming the file) when it cannot be read. Only
// a regular file is hashed. The file is read, never copied or kept.
std::optional<std::string> Sha256HexOfFile(const std::string& path, Diagnostic& error);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_BASE_SHA256_H_
