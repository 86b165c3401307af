#include "ibsa/date.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace ibsa {
namespace {

namespace chrono = std::chrono;

bool ParseDigits(std::string_view s, int& out) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!ParseDigits(text.substr(0, 4), y) || !ParseDigits(text.substr(5, 2), m) ||
      !ParseDigits(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  // Four digits fit chrono::year; ok() is the calendar's own test of the month and of
  // the day in that month of that year.
  const chrono::year_month_day date{chrono::year{y}, chrono::month{static_cast<unsigned>(m)},
                                    chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return Date(chrono::sys_days{date}.time_since_epoch().count());
}

Date Date::Today() {
  // The machine's local calendar day, not UTC's: just after midnight in Brussels, UTC still
  // says yesterday, and a report of something that happened today would be refused as
  // "in the future". (libstdc++ 12 has no chrono::current_zone, so the C library answers.)
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) {
    return Date(static_cast<int32_t>(chrono::floor<chrono::days>(chrono::system_clock::now()).time_since_epoch().count()));
  }
  const chrono::year_month_day date{chrono::year{local.tm_year + 1900},
                                    chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                    chrono::day{static_cast<unsigned>(local.tm_mday)}};
  return Date(chrono::sys_days{date}.time_since_epoch().count());
}

std::string Date::ToString() const {
  // Exact for years -32767 to 32767 (chrono::year's range); Parse and the law's dates
  // stay within 0000 to 9999.
  const chrono::year_month_day date{chrono::sys_days{chrono::days{days_}}};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<Date> Date::FromCivil(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const chrono::year_month_day date{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                                    chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return Date(chrono::sys_days{date}.time_since_epoch().count());
}

int Date::year() const {
  return static_cast<int>(chrono::year_month_day{chrono::sys_days{chrono::days{days_}}}.year());
}
int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(chrono::year_month_day{chrono::sys_days{chrono::days{days_}}}.month()));
}
int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(chrono::year_month_day{chrono::sys_days{chrono::days{days_}}}.day()));
}

std::optional<DatePeriod> DatePeriod::Parse(std::string_view text) {
  if (text.size() == 10) {
    auto day = Date::Parse(text);
    if (!day) return std::nullopt;
    return DatePeriod(*day);
  }
  int year = 0, month = 0;
  if (text.size() == 4) {
    if (!ParseDigits(text, year) || year < 1000) return std::nullopt;
    DatePeriod p(*Date::FromCivil(year, 1, 1));
    p.latest = *Date::FromCivil(year, 12, 31);
    p.from_precision = p.to_precision = DatePrecision::kYear;
    return p;
  }
  if (text.size() == 7 && text[4] == '-') {
    if (!ParseDigits(text.substr(0, 4), year) || !ParseDigits(text.substr(5, 2), month) || year < 1000) {
      return std::nullopt;
    }
    auto first = Date::FromCivil(year, month, 1);
    if (!first) return std::nullopt;
    const chrono::year_month_day_last last{chrono::year{year},
                                           chrono::month_day_last{chrono::month{static_cast<unsigned>(month)}}};
    DatePeriod p(*first);
    p.latest = Date::FromDays(chrono::sys_days{last}.time_since_epoch().count());
    p.from_precision = p.to_precision = DatePrecision::kMonth;
    return p;
  }
  return std::nullopt;
}

std::optional<DatePeriod> DatePeriod::Between(const DatePeriod& from, const DatePeriod& to) {
  if (to.earliest < from.earliest || to.latest < from.latest) return std::nullopt;
  DatePeriod p;
  p.earliest = from.earliest;
  p.from_precision = from.from_precision;
  p.latest = to.latest;
  p.to_precision = to.to_precision;
  p.range = true;
  return p;
}

namespace {
std::string EndText(Date date, DatePrecision precision) {
  const std::string text = date.ToString();
  switch (precision) {
    case DatePrecision::kDay: return text;
    case DatePrecision::kMonth: return text.substr(0, 7);
    case DatePrecision::kYear: return text.substr(0, 4);
  }
  return text;
}
}  // namespace

std::string DatePeriod::FromText() const { return EndText(earliest, from_precision); }
std::string DatePeriod::ToText() const { return EndText(latest, to_precision); }

std::string DatePeriod::ToString() const { return range ? FromText() + ".." + ToText() : FromText(); }

}  // namespace ibsa
