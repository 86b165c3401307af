#include "ibsa/date.h"

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

}  // namespace ibsa
