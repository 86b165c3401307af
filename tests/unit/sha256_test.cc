#include "base/sha256.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace ibsa::internal {
namespace {

// FIPS 180-2, appendix B: the digests of "abc" and of the 448-bit message; and of nothing.
TEST(Sha256Test, MatchesThePublishedTestVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, OfAFileIsTheDigestOfItsBytesReadInPieces) {
  // Larger than one read, so that the pieces are joined.
  std::string bytes(200000, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + 3);
  const std::string path = ::testing::TempDir() + "sha256_test_" + std::to_string(::getpid());
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  Diagnostic error;
  const auto digest = Sha256HexOfFile(path, error);
  std::remove(path.c_str());
  ASSERT_TRUE(digest.has_value()) << error.message;
  EXPECT_EQ(*digest, Sha256Hex(bytes));
}

TEST(Sha256Test, OfAFolderOrAMissingFileIsAnErrorNamingIt) {
  Diagnostic error;
  EXPECT_FALSE(Sha256HexOfFile(::testing::TempDir(), error).has_value());
  EXPECT_EQ(error.code, "E0001");
  EXPECT_EQ(error.location.file, ::testing::TempDir());
  EXPECT_FALSE(Sha256HexOfFile("/nonexistent/evidence.png", error).has_value());
  EXPECT_EQ(error.location.file, "/nonexistent/evidence.png");
}

}  // namespace
}  // namespace ibsa::internal
