// File: date.h
// A calendar date (proleptic Gregorian), as used for the date of the facts, the
// date of each act and the in-force dates of instrument versions; and a period of
// days, for a date known only to its month, its year, or between two dates.
#ifndef IBSA_DATE_H_
#define IBSA_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ibsa {

class Date {
 public:
  // Accepts exactly "YYYY-MM-DD" with a valid day of that month; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  static Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // The calendar date; nullopt when there is no such day (2025-02-30).
  static std::optional<Date> FromCivil(int year, int month, int day);
  // Today on the machine's local calendar (not UTC's: just after midnight in Brussels
  // UTC still says yesterday). Code that must be deterministic takes today as an argument.
  static Date Today();

  int32_t days_since_epoch() const { return days_; }
  Date AddDays(int32_t n) const { return Date(days_ + n); }
  std::string ToString() const;  // "YYYY-MM-DD"
  int year() const;
  int month() const;  // 1 to 12
  int day() const;    // 1 to 31

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// How precisely one end of a period was given.
enum class DatePrecision : uint8_t { kDay, kMonth, kYear };

// The days a date of the facts (or of an act) may be, as it was given: a day
// (2025-03-14), a month (2025-03), a year (2025), or a range between two of those
// ({from: 2024-06-20, to: 2024-07-10}); `earliest` and `latest` are its first and last
// day, both included. A Date converts to the period of that one day.
struct DatePeriod {
  Date earliest = Date::FromDays(0);
  Date latest = Date::FromDays(0);
  DatePrecision from_precision = DatePrecision::kDay;  // of `earliest`'s end
  DatePrecision to_precision = DatePrecision::kDay;    // of `latest`'s end
  bool range = false;  // given as {from, to}

  DatePeriod() = default;
  DatePeriod(Date day) : earliest(day), latest(day) {}  // NOLINT: a day is a period

  // "YYYY-MM-DD", "YYYY-MM" or "YYYY" (a year from 1000 to 9999); nullopt otherwise.
  static std::optional<DatePeriod> Parse(std::string_view text);
  // From the first day of `from` to the last day of `to`; nullopt when `to` begins or
  // ends before `from` does.
  static std::optional<DatePeriod> Between(const DatePeriod& from, const DatePeriod& to);

  // One day only: what an exact date was.
  bool exact() const { return earliest == latest; }
  // As written in a case file: "2025-03-14", "2025-03", "2025"; a range's ends apart.
  std::string FromText() const;  // the first end ("2024-06" of {from: 2024-06, to: ...})
  std::string ToText() const;    // the last end
  // "2025-03", or "2024-06-20..2024-07-10" for a range: for messages and keys.
  std::string ToString() const;

  // The same days, given the same way.
  friend bool operator==(const DatePeriod&, const DatePeriod&) = default;
};

// A date as a person answers a question about it (the interview), read against `today`:
// a day as YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD.MM.YYYY (day first, as in Belgium and
// the Netherlands); a month (2026-11, 11-2026, 11/2026), or named in nl, fr or en, in full or
// abbreviated, with or without accents ("juin 2024", "sept. 2024", "Février 2025"); a year
// (2026); a range of two of those ("2024-06-20 to 2024-07-10", "tot", "au", "..", "–"), of
// named months ("juin-juillet 2024", "van juni tot juli 2024", "June to July 2024", "de juin
// 2024 à janvier 2025"), never one that ends before it begins; today ("today", "aujourd'hui",
// "vandaag"); or a time ago ("3 days ago", "about two weeks ago", "il y a deux semaines",
// "ongeveer twee weken geleden"), read as a range around it (a day either side for days,
// three for weeks, fifteen for months, never after today) that whoever answered must
// confirm (`approximate`). Nullopt for anything else, and for an empty answer.
struct DateAnswer {
  DatePeriod period;
  bool approximate = false;
};
std::optional<DateAnswer> ParseDateAnswer(std::string_view text, Date today);

}  // namespace ibsa

#endif  // IBSA_DATE_H_
