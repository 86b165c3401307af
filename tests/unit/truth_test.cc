#include <gtest/gtest.h>

#include "ibsa/evaluate.h"

namespace ibsa {
namespace {

constexpr Truth F = Truth::kFalse;
constexpr Truth T = Truth::kTrue;
constexpr Truth U = Truth::kUnknown;

struct Row {
  Truth a, b, and_result, or_result;
};

// Kleene's strong three-valued logic, all nine combinations.
constexpr Row kTable[] = {
    {F, F, F, F}, {F, T, F, T}, {F, U, F, U},
    {T, F, F, T}, {T, T, T, T}, {T, U, U, T},
    {U, F, F, U}, {U, T, U, T}, {U, U, U, U},
};

TEST(TruthTest, AndFollowsKleene) {
  for (const Row& row : kTable) {
    EXPECT_EQ(And(row.a, row.b), row.and_result)
        << TruthName(row.a) << " and " << TruthName(row.b);
  }
}

TEST(TruthTest, OrFollowsKleene) {
  for (const Row& row : kTable) {
    EXPECT_EQ(Or(row.a, row.b), row.or_result) << TruthName(row.a) << " or " << TruthName(row.b);
  }
}

TEST(TruthTest, NotSwapsTrueAndFalseAndKeepsUnknown) {
  EXPECT_EQ(Not(T), F);
  EXPECT_EQ(Not(F), T);
  EXPECT_EQ(Not(U), U);
}

TEST(TruthTest, NamesAreTheElementStatusesOfTheJsonFormat) {
  EXPECT_EQ(TruthName(T), "met");
  EXPECT_EQ(TruthName(F), "not_met");
  EXPECT_EQ(TruthName(U), "unknown");
}

}  // namespace
}  // namespace ibsa
