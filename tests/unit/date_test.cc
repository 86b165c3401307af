#include <gtest/gtest.h>

#include "ibsa/date.h"

namespace ibsa {
namespace {

TEST(DateTest, ParsesAndPrintsIsoDates) {
  auto date = Date::Parse("2025-03-14");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->ToString(), "2025-03-14");
  EXPECT_EQ(Date::Parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_EQ(Date::Parse("2000-03-01")->days_since_epoch(), 11017);
}

TEST(DateTest, KnowsLeapYears) {
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2000-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2025-02-29").has_value());
  EXPECT_FALSE(Date::Parse("1900-02-29").has_value());
}

TEST(DateTest, RejectsWhatIsNoDate) {
  for (const char* text : {"2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "25-03-14",
                           "2025/03/14", "2025-3-14", "2025-03-14 ", "", "yesterday",
                           "2025-03-1x", "+025-03-14"}) {
    EXPECT_FALSE(Date::Parse(text).has_value()) << text;
  }
}

TEST(DateTest, OrdersAndAddsDays) {
  const Date day = *Date::Parse("2026-04-07");
  EXPECT_LT(day, day.AddDays(1));
  EXPECT_EQ(day.AddDays(1).ToString(), "2026-04-08");
  EXPECT_EQ(Date::Parse("2024-12-31")->AddDays(1).ToString(), "2025-01-01");
}

}  // namespace
}  // namespace ibsa
