#include "ibsa/date.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
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

namespace {

// One date written without spaces: ISO (2024-06-20, 2024-06, 2024) or day first
// (20-06-2024, 20/6/2024, 20.06.2024, 06-2024).
std::optional<DatePeriod> OneDateAnswer(std::string_view text) {
  if (auto iso = DatePeriod::Parse(text)) return iso;
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-' || text[i] == '/' || text[i] == '.') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3 || parts.back().size() != 4) return std::nullopt;
  int numbers[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty() || parts[i].size() > (i + 1 == parts.size() ? 4u : 2u) || !ParseDigits(parts[i], numbers[i])) {
      return std::nullopt;
    }
  }
  char iso[16];
  if (parts.size() == 3) {
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", numbers[2], numbers[1], numbers[0]);
  } else {
    std::snprintf(iso, sizeof iso, "%04d-%02d", numbers[1], numbers[0]);
  }
  return DatePeriod::Parse(iso);
}

int NumberWord(const std::string& word) {
  static const std::pair<const char*, int> kWords[] = {
      {"a", 1},     {"an", 1},     {"one", 1},   {"two", 2},     {"three", 3},  {"four", 4},  {"five", 5},
      {"six", 6},   {"seven", 7},  {"eight", 8}, {"nine", 9},    {"ten", 10},   {"un", 1},    {"une", 1},
      {"deux", 2},  {"trois", 3},  {"quatre", 4}, {"cinq", 5},   {"sept", 7},   {"huit", 8},  {"neuf", 9},
      {"dix", 10},  {"een", 1},    {"\xc3\xa9\xc3\xa9n", 1}, {"twee", 2}, {"drie", 3}, {"vier", 4},
      {"vijf", 5},  {"zes", 6},    {"zeven", 7}, {"acht", 8},    {"negen", 9},  {"tien", 10}};
  for (const auto& [name, n] : kWords) {
    if (word == name) return n;
  }
  int n = 0;
  return ParseDigits(word, n) && n > 0 && n <= 400 ? n : 0;
}

// Days per unit and the margin either side: "3 days ago", "deux semaines", "twee maanden".
std::optional<std::pair<int, int>> UnitWord(const std::string& word) {
  static const std::pair<const char*, std::pair<int, int>> kUnits[] = {
      {"day", {1, 1}},    {"days", {1, 1}},    {"jour", {1, 1}},     {"jours", {1, 1}},  {"dag", {1, 1}},
      {"dagen", {1, 1}},  {"week", {7, 3}},    {"weeks", {7, 3}},    {"semaine", {7, 3}}, {"semaines", {7, 3}},
      {"weken", {7, 3}},  {"month", {30, 15}}, {"months", {30, 15}}, {"mois", {30, 15}},  {"maand", {30, 15}},
      {"maanden", {30, 15}}};
  for (const auto& [name, unit] : kUnits) {
    if (word == name) return unit;
  }
  return std::nullopt;
}

std::optional<DateAnswer> AgoAnswer(const std::vector<std::string>& words, Date today) {
  std::vector<std::string> rest;
  bool ago = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "ago" || w == "geleden") {
      ago = true;
    } else if (w == "il" && i + 2 < words.size() && words[i + 1] == "y" && words[i + 2] == "a") {
      ago = true;
      i += 2;
    } else if (w != "about" && w != "around" && w != "approximately" && w != "some" && w != "environ" &&
               w != "ongeveer" && w != "circa" && w != "ca." && w != "zo'n" && w != "±" && w != "~") {
      rest.push_back(w);
    }
  }
  if (!ago || rest.size() != 2) return std::nullopt;
  const int n = NumberWord(rest[0]);
  const auto unit = UnitWord(rest[1]);
  if (n == 0 || !unit) return std::nullopt;
  const Date centre = today.AddDays(-n * unit->first);
  DateAnswer answer;
  answer.period.earliest = centre.AddDays(-unit->second);
  answer.period.latest = std::min(today, centre.AddDays(unit->second));
  answer.period.range = true;
  answer.approximate = true;
  return answer;
}

// A month by its name or abbreviation in nl, fr or en, accents removed and a final dot
// dropped ("juin", "juli", "sept", "fevr", "aout", "mrt"); 0 for any other word.
int MonthWord(const std::string& word) {
  static const std::pair<const char*, int> kMonths[] = {
      {"january", 1},   {"januari", 1},  {"janvier", 1},  {"jan", 1},       {"janv", 1},     {"february", 2},
      {"februari", 2},  {"fevrier", 2},  {"feb", 2},      {"febr", 2},      {"fev", 2},      {"fevr", 2},
      {"march", 3},     {"maart", 3},    {"mars", 3},     {"mar", 3},       {"mrt", 3},      {"april", 4},
      {"avril", 4},     {"apr", 4},      {"avr", 4},      {"may", 5},       {"mei", 5},      {"mai", 5},
      {"june", 6},      {"juni", 6},     {"juin", 6},     {"jun", 6},       {"july", 7},     {"juli", 7},
      {"juillet", 7},   {"jul", 7},      {"juil", 7},     {"august", 8},    {"augustus", 8}, {"aout", 8},
      {"aug", 8},       {"september", 9}, {"septembre", 9}, {"sep", 9},     {"sept", 9},     {"october", 10},
      {"oktober", 10},  {"octobre", 10}, {"oct", 10},     {"okt", 10},      {"november", 11}, {"novembre", 11},
      {"nov", 11},      {"december", 12}, {"decembre", 12}, {"dec", 12}};
  for (const auto& [name, month] : kMonths) {
    if (word == name) return month;
  }
  return 0;
}

// "juin 2024", "June to July 2024", "juni–juli 2024", "de juin 2024 à janvier 2025": a month
// named in words, or a range of whole months. `named` says whether the answer named a month
// in that form at all (an impossible range, July to June of one year, is then refused, not
// read another way); nullopt when it is not such an answer or the range is impossible.
std::optional<DatePeriod> MonthNameAnswer(const std::string& lower, bool& named) {
  named = false;
  // Accents off (février, août, décembre, à), dashes and hyphens apart: "juin-juillet".
  static const std::pair<const char*, const char*> kPlain[] = {
      {"\xc3\xa9", "e"}, {"\xc3\x89", "e"}, {"\xc3\xa8", "e"}, {"\xc3\xaa", "e"}, {"\xc3\xbb", "u"},
      {"\xc3\x9b", "u"}, {"\xc3\xa0", "a"}, {"\xc3\x80", "a"}, {"\xe2\x80\x93", " - "}, {"\xe2\x80\x94", " - "},
      {"-", " - "}};
  std::string plain = lower;
  for (const auto& [from, to] : kPlain) {
    for (size_t at = plain.find(from); at != std::string::npos; at = plain.find(from, at + std::strlen(to))) {
      plain.replace(at, std::strlen(from), to);
    }
  }
  std::vector<std::string> tokens;
  std::string word;
  for (char c : plain + " ") {
    if (c == ' ' || c == '\t' || c == ',') {
      while (!word.empty() && word.back() == '.') word.pop_back();
      if (!word.empty()) tokens.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  // Each remaining word a month or a year: [month, year], [month, month, year] or
  // [month, year, month, year].
  std::vector<std::pair<int, int>> read;  // (month, 0) or (0, year)
  for (const auto& t : tokens) {
    if (t == "-" || t == "to" || t == "until" || t == "till" || t == "from" || t == "in" || t == "tot" ||
        t == "van" || t == "t/m" || t == "met" || t == "de" || t == "du" || t == "a" || t == "au" || t == "en" || t == "jusqu'a" ||
        t == "jusqu\xe2\x80\x99" "a" || t == "..") {
      continue;
    }
    if (const int month = MonthWord(t)) {
      read.push_back({month, 0});
      named = true;
      continue;
    }
    int year = 0;
    if (t.size() == 4 && ParseDigits(t, year) && year >= 1000) {
      read.push_back({0, year});
      continue;
    }
    named = false;
    return std::nullopt;
  }
  if (!named) return std::nullopt;
  auto month = [](int year, int m) {
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d", year, m);
    return DatePeriod::Parse(iso);
  };
  std::optional<DatePeriod> from, to;
  if (read.size() == 2 && read[0].first && read[1].second) {
    return month(read[1].second, read[0].first);
  } else if (read.size() == 3 && read[0].first && read[1].first && read[2].second) {
    from = month(read[2].second, read[0].first);
    to = month(read[2].second, read[1].first);
  } else if (read.size() == 4 && read[0].first && read[1].second && read[2].first && read[3].second) {
    from = month(read[1].second, read[0].first);
    to = month(read[3].second, read[2].first);
  } else {
    named = false;  // a month name in no form of a date: not this kind of answer
    return std::nullopt;
  }
  if (!from || !to) return std::nullopt;
  return DatePeriod::Between(*from, *to);
}

}  // namespace

std::optional<DateAnswer> ParseDateAnswer(std::string_view text, Date today) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> words;
  std::string word;
  for (char c : lower + " ") {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (words.empty()) return std::nullopt;
  bool named = false;
  if (auto months = MonthNameAnswer(lower, named)) return DateAnswer{*months, false};
  if (named) return std::nullopt;  // months named, but no such period (July to June)
  if (words.size() == 1 && (words[0] == "today" || words[0] == "vandaag" || words[0] == "aujourd'hui" ||
                            words[0] == "aujourd\xe2\x80\x99hui")) {
    return DateAnswer{DatePeriod(today), false};
  }
  if (words.size() == 1) {
    if (auto one = OneDateAnswer(words[0])) return DateAnswer{*one, false};
    // A range written without spaces: 2024-06..2024-07, 2024-06-20–2024-07-10.
    for (const std::string_view separator : {"..", "\xe2\x80\x93"}) {
      const size_t at = words[0].find(separator);
      if (at == std::string::npos) continue;
      words = {words[0].substr(0, at), "..", words[0].substr(at + separator.size())};
      break;
    }
  }
  if (words.size() >= 3 && words.size() <= 5) {
    // "FROM to TO", "du FROM au TO", "van FROM tot TO", "FROM - TO".
    std::vector<std::string> ends;
    for (const auto& w : words) {
      if (w == "to" || w == "tot" || w == "au" || w == "-" || w == ".." || w == "\xe2\x80\x93" || w == "until" ||
          w == "from" || w == "du" || w == "van" || w == "between" || w == "and" || w == "entre" || w == "et" ||
          w == "tussen" || w == "en") {
        continue;
      }
      ends.push_back(w);
    }
    if (ends.size() == 2) {
      auto from = OneDateAnswer(ends[0]);
      auto to = OneDateAnswer(ends[1]);
      if (from && to) {
        if (auto range = DatePeriod::Between(*from, *to)) return DateAnswer{*range, false};
      }
      return std::nullopt;
    }
  }
  return AgoAnswer(words, today);
}

}  // namespace ibsa
