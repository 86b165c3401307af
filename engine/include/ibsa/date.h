// File: date.h
// A calendar date (proleptic Gregorian), as used for the date of the facts, the
// date of each act and the in-force dates of instrument versions.
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
  // Today in UTC.
  static Date Today();

  int32_t days_since_epoch() const { return days_; }
  Date AddDays(int32_t n) const { return Date(days_ + n); }
  std::string ToString() const;  // "YYYY-MM-DD"

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace ibsa

#endif  // IBSA_DATE_H_
