#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

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

TEST(DateTest, CountsDaysAcrossCenturiesAndTheWholeFourDigitRange) {
  EXPECT_EQ(Date::Parse("1900-01-01")->days_since_epoch(), -25567);
  EXPECT_EQ(Date::Parse("1900-03-01")->days_since_epoch(), -25508);  // 1900 had no 29 February
  EXPECT_EQ(Date::Parse("2000-02-29")->days_since_epoch(), 11016);
  EXPECT_EQ(Date::Parse("0001-01-01")->days_since_epoch(), -719162);
  EXPECT_EQ(Date::Parse("0000-03-01")->days_since_epoch(), -719468);  // year 0 is a leap year
  EXPECT_EQ(Date::Parse("0000-01-01")->days_since_epoch(), -719528);
  EXPECT_EQ(Date::Parse("9999-12-31")->days_since_epoch(), 2932896);
  EXPECT_EQ(Date::FromDays(-719528).ToString(), "0000-01-01");
  EXPECT_EQ(Date::FromDays(2932896).ToString(), "9999-12-31");
  EXPECT_EQ(Date::FromDays(-1).ToString(), "1969-12-31");
}

TEST(DateTest, KnowsTheLastDayOfEveryMonth) {
  for (const char* last : {"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
                           "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31",
                           "2024-02-29", "2000-02-29", "2400-02-29", "1600-02-29"}) {
    const auto date = Date::Parse(last);
    ASSERT_TRUE(date.has_value()) << last;
    EXPECT_EQ(date->ToString(), last);
    // The next day is the first of a month.
    EXPECT_EQ(date->AddDays(1).ToString().substr(8), "01") << last;
  }
  for (const char* past : {"2025-01-32", "2025-02-29", "2025-04-31", "2025-06-31", "2025-09-31",
                           "2025-11-31", "1900-02-29", "2100-02-29", "2024-02-30", "2025-12-32"}) {
    EXPECT_FALSE(Date::Parse(past).has_value()) << past;
  }
}

// Every day from 1896 to 2104 (three century years, 1900 and 2100 common, 2000 leap),
// counted with a calendar written here: each day prints as the counter says, parses back
// to itself, and follows the day before.
TEST(DateTest, EveryDayOfTwoCenturiesPrintsAndParsesAsTheCalendarSays) {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 1896, m = 1, d = 1;
  Date day = *Date::Parse("1896-01-01");
  int checked = 0;
  while (y < 2105) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
    ASSERT_EQ(day.ToString(), text);
    const auto parsed = Date::Parse(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    ASSERT_EQ(*parsed, day) << text;
    ++checked;
    day = day.AddDays(1);
    if (++d > month_days[m - 1] + (m == 2 && leap(y) ? 1 : 0)) {
      d = 1;
      if (++m > 12) m = 1, ++y;
    }
  }
  EXPECT_EQ(checked, 209 * 365 + 51);  // 1896 to 2104: 53 years divisible by 4, less 1900 and 2100
}

}  // namespace
}  // namespace ibsa

// "Today" is the machine's local calendar day. At any moment UTC+14 or UTC-12 (or both) is
// on another day than UTC, so a Today() that read UTC fails one of the two.
TEST(DateTest, TodayIsTheLocalCalendarDay) {
  const char* saved = std::getenv("TZ");
  const std::string kept = saved != nullptr ? saved : "";
  struct Zone {
    const char* tz;  // POSIX: the offset is west of UTC, so UTC-14 is fourteen hours ahead
    long offset_seconds;
  };
  for (const Zone zone : {Zone{"UTC-14", 14 * 3600L}, Zone{"UTC+12", -12 * 3600L}}) {
    setenv("TZ", zone.tz, 1);
    tzset();
    const std::time_t before = std::time(nullptr);
    const ibsa::Date today = ibsa::Date::Today();
    const std::time_t after = std::time(nullptr);
    auto local_day = [&](std::time_t t) {
      const long long seconds = static_cast<long long>(t) + zone.offset_seconds;
      return static_cast<int32_t>(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
    };
    EXPECT_TRUE(today.days_since_epoch() == local_day(before) || today.days_since_epoch() == local_day(after))
        << zone.tz << ": " << today.ToString();
  }
  if (saved != nullptr) {
    setenv("TZ", kept.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}
