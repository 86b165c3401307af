// File: case.h
// A case: the facts of one situation as a victim or officer reports them. Any
// fact the case does not state is unknown, never false.
#ifndef IBSA_CASE_H_
#define IBSA_CASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/status.h"
#include "ibsa/truth.h"
#include "ibsa/vocabulary.h"

namespace ibsa {

namespace internal {
struct FactAccess;
struct CaseSource;
}  // namespace internal

// The value of one fact of a case, read as the fact's type says (Vocabulary::fact). Each
// reader is empty, or kUnknown, while the fact is unknown: unknown is never false.
class FactValue {
 public:
  FactValue() = default;  // unknown

  bool known() const { return encoding_.known; }
  // Stated by the case, as opposed to derived from its other facts.
  bool given() const { return encoding_.given; }
  // A bool fact's value.
  std::optional<bool> boolean() const {
    return known() ? std::optional<bool>(encoding_.number != 0) : std::nullopt;
  }
  // An int fact's value.
  std::optional<int64_t> integer() const {
    return known() ? std::optional<int64_t>(encoding_.number) : std::nullopt;
  }
  // An int fact known only to lie between two values, both included ("16 or 17", "a
  // minor"): its exact value is unknown (known() is false), but a test the whole range
  // answers alike is decided (age < 14 is false for 16 to 17).
  std::optional<std::pair<int64_t, int64_t>> range() const {
    return encoding_.bounded ? std::optional<std::pair<int64_t, int64_t>>({encoding_.number, encoding_.high})
                             : std::nullopt;
  }
  // A date fact's value.
  std::optional<Date> date() const {
    return known() ? std::optional<Date>(Date::FromDays(static_cast<int32_t>(encoding_.number)))
                   : std::nullopt;
  }
  // An enum fact's value, as its index among the fact's values.
  std::optional<int> value_index() const {
    return known() ? std::optional<int>(static_cast<int>(encoding_.number)) : std::nullopt;
  }
  // Whether a set fact has the value of index `member`: unknown while the fact is unknown
  // and for a member reported as possible, not established (an uncertain act).
  Truth Has(int member) const {
    if (!known()) return Truth::kUnknown;
    if (member < 0 || member >= 64) return Truth::kFalse;
    const uint64_t bit = uint64_t{1} << member;
    if (encoding_.present & bit) return Truth::kTrue;
    return encoding_.uncertain & bit ? Truth::kUnknown : Truth::kFalse;
  }

 private:
  friend struct internal::FactAccess;
  // What it means, and how the engine reaches it: engine/src/base/fact_encoding.h.
  struct Encoding {
    bool known = false;
    int64_t number = 0;
    uint64_t present = 0;
    uint64_t uncertain = 0;
    bool given = false;
    bool bounded = false;
    int32_t high = 0;
  };
  Encoding encoding_;
};

// One thing the perpetrator did, with its own date (the case date if none given).
struct Act {
  std::string type;  // a value of the `acts` fact
  int type_index = -1;  // its index among the `acts` values
  Date date = Date::FromDays(0);  // the first day of `period`
  // The days it may have been done, as given (a day, a month, a year, a range).
  DatePeriod period;
  bool certain = true;  // false: reported as possible, not established
  SourceLocation location;
};

struct ExpectedRule {
  std::string rule;
  SourceLocation location;
};

// One legal gap a case expects (`expect: gaps:`): a harm of harms.yaml and its status as
// the evaluation reports it (JSON `gaps[].status`: not_covered, contested_only or
// possibly_covered). Checked against the harms by `ibsa test`, not when the case is read.
struct ExpectedGap {
  std::string harm;
  std::string status;
  SourceLocation location;
};

// An expected time bar of one offence finding (`expect.limitation`): each field is checked
// only when written.
struct ExpectedLimitation {
  std::string rule;
  std::optional<Truth> lapsed;        // on expect.assessed_on; unknown: it depends
  bool never = false;                 // `barred_from: never`: it does not lapse
  std::optional<Date> barred_from;    // the earliest day it is time-barred
  std::optional<Date> barred_from_latest;
  std::optional<int> period_years;
  SourceLocation location;
};

// The `expect:` block of a case in the legal test suite.
struct Expectations {
  std::vector<ExpectedRule> applies;
  std::vector<ExpectedRule> possible;
  std::vector<ExpectedRule> absent;
  // Every legal gap the case's evaluation reports, when stated (an empty list: no gap at
  // all); not stated: the gaps are not checked.
  std::optional<std::vector<ExpectedGap>> gaps;
  SourceLocation gaps_location;
  std::string source;  // where the expectation comes from (brief, judgment, ...)
  // Evaluation options the expectation holds under: proposed versions overlaid and a
  // date overriding the acts' dates (what-if expectations about bills).
  std::vector<std::string> with;
  std::optional<Date> as_of;
  // The assessment date the expectation holds on (time bars, lex mitior).
  std::optional<Date> assessed_on;
  std::vector<ExpectedLimitation> limitation;
  SourceLocation location;
};

// One item of the case's evidence log (`evidence:`): where the image was seen, when, a
// SHA-256 of a file the user holds (computed by ibsa; the file itself is never copied or
// stored), and the elements of the law it supports. docs/case-format.md#evidence.
struct EvidenceItem {
  std::string url;      // http(s) address where the image was seen; "" if none
  std::string service;  // the online service, as the user names it
  std::string account;  // the account that posted or sent it
  std::optional<Date> seen_on;
  std::optional<Date> captured_on;
  std::string sha256;  // 64 lowercase hexadecimal digits; "" if none
  // Each "RULE-ID.ELEMENT-ID" (that element of that rule) or "ELEMENT-ID" (the element of
  // that id in every rule that has one); checked against the law by CheckEvidence.
  std::vector<std::string> supports;
  std::string note;
  SourceLocation location;                  // the item
  std::vector<SourceLocation> supports_at;  // parallel to supports
  friend bool operator==(const EvidenceItem&, const EvidenceItem&) = default;
};

class Case {
 public:
  // Reads a YAML or JSON case file and validates it against the vocabulary.
  static Result<Case> Load(const std::string& path, const Vocabulary& vocabulary);
  static Result<Case> Parse(const std::string& text, const std::string& file_name,
                            const Vocabulary& vocabulary);

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& file() const { return file_; }
  const std::string& jurisdiction() const { return jurisdiction_; }
  // The first day of the facts: for an exact date, the date.
  Date date() const { return date_.earliest; }
  // The days the facts may have taken place, as given: a day (2025-03-14), a month
  // (2025-03), a year (2025) or a range ({from: 2024-06-20, to: 2024-07-10}).
  const DatePeriod& period() const { return date_; }
  // Empty when the case does not say what was done (the acts fact is unknown).
  const std::vector<Act>& acts() const { return acts_; }
  const std::vector<FactValue>& values() const { return values_; }
  const std::optional<Expectations>& expectations() const { return expectations_; }
  // The slots the case states as `unknown` (asked, and not known to whoever answered).
  const std::vector<int>& stated_unknown() const { return stated_unknown_; }
  // The slots the person asked chose not to answer (`not_said:`): unknown to the engine
  // like any fact not stated, but an interview does not ask them again.
  const std::vector<int>& not_said() const { return not_said_; }
  // Where the file states the date of the facts, for what is said about it.
  const SourceLocation& date_location() const { return date_location_; }
  // What the case states that a warning constraint of the vocabulary says is usually not
  // so (W0003): said with every evaluation, which goes on.
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // The SHA-256 of the case as read, for the provenance of every output: of the bytes of
  // the text it was parsed from (a case file, or the API's `case` string), or of the API's
  // `case` object as nlohmann::json::dump writes it (compact, keys sorted); "" for a case
  // built in memory. Its content is never kept for it.
  const std::string& sha256() const { return sha256_; }
  // The evidence log, in the order the case lists it.
  const std::vector<EvidenceItem>& evidence() const { return evidence_; }

 private:
  friend class CaseBuilder;
  friend struct internal::CaseSource;
  Case() = default;

  std::string id_;
  std::string title_;
  std::string file_;
  std::string jurisdiction_;
  DatePeriod date_;
  std::vector<Act> acts_;
  std::vector<FactValue> values_;
  std::optional<Expectations> expectations_;
  std::vector<int> stated_unknown_;
  std::vector<int> not_said_;
  SourceLocation date_location_;
  std::vector<Diagnostic> warnings_;
  std::string sha256_;
  std::vector<EvidenceItem> evidence_;
};

// The case as YAML that Case::Parse reads back to the same facts: id, title,
// jurisdiction, date, the facts it states (grouped as `victim: {age: 15}`), those it
// states as unknown, those not said (`not_said:`), its acts with their dates, and its
// evidence log. The expectations are not written.
std::string CaseToYaml(const Case& c, const Vocabulary& vocabulary);
// The same as a JSON object (what the web page downloads and `ibsa evaluate` reads back).
std::string CaseToJson(const Case& c, const Vocabulary& vocabulary);

}  // namespace ibsa

#endif  // IBSA_CASE_H_
