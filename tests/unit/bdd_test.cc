// The decision diagrams' internals (engine/src/sweep/bdd.h): a binary of its own.
#include "sweep/bdd.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace ibsa::internal {
namespace {

// The conjunction of a cube's literals, built the slow way.
Bdd::Ref CubeOf(Bdd& bdd, const std::vector<int8_t>& cube) {
  Bdd::Ref all = Bdd::kTrue;
  for (int v = 0; v < static_cast<int>(cube.size()); ++v) {
    if (cube[v] == 1) all = bdd.And(all, bdd.Var(v));
    if (cube[v] == 0) all = bdd.And(all, bdd.Not(bdd.Var(v)));
  }
  return all;
}

// A random function of `vars` variables: an OR of random cubes, so that it shares nodes.
Bdd::Ref RandomFunction(Bdd& bdd, std::mt19937& rng, int vars) {
  Bdd::Ref f = Bdd::kFalse;
  std::uniform_int_distribution<int> literal(-1, 1);
  for (int term = 0; term < 6; ++term) {
    std::vector<int8_t> cube(vars);
    for (auto& v : cube) v = static_cast<int8_t>(literal(rng));
    f = bdd.Or(f, CubeOf(bdd, cube));
  }
  return f;
}

// Intersects is what the sweep asks of each path instead of building And(f, cube): it must
// answer exactly as that conjunction does.
TEST(BddTest, IntersectsAnswersAsTheConjunctionWithTheCube) {
  constexpr int kVars = 10;
  Bdd bdd(kVars);
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int> literal(-1, 1);
  int met = 0, missed = 0;
  for (int round = 0; round < 200; ++round) {
    const Bdd::Ref f = RandomFunction(bdd, rng, kVars);
    for (int k = 0; k < 20; ++k) {
      std::vector<int8_t> cube(kVars);
      for (auto& v : cube) v = static_cast<int8_t>(literal(rng));
      const bool expected = bdd.And(f, CubeOf(bdd, cube)) != Bdd::kFalse;
      ASSERT_EQ(bdd.Intersects(f, cube), expected) << "round " << round << ", cube " << k;
      (expected ? met : missed)++;
    }
  }
  // Both answers were exercised.
  EXPECT_GT(met, 100);
  EXPECT_GT(missed, 100);
}

TEST(BddTest, IntersectsOnTheTerminals) {
  Bdd bdd(3);
  const std::vector<int8_t> cube{1, -1, 0};
  EXPECT_TRUE(bdd.Intersects(Bdd::kTrue, cube));
  EXPECT_FALSE(bdd.Intersects(Bdd::kFalse, cube));
  EXPECT_FALSE(bdd.Intersects(bdd.Not(bdd.Var(0)), cube));
  EXPECT_TRUE(bdd.Intersects(bdd.Var(1), cube));
}

}  // namespace
}  // namespace ibsa::internal
