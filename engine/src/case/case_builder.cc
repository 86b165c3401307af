#include "ibsa/case_builder.h"

#include <cstdint>
#include <algorithm>
#include <cctype>
#include <utility>

#include "base/access.h"
#include "base/fact_encoding.h"
#include "case/case_builder_access.h"
#include "case/named_ranges.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace {

// The words of a case file's reader for a written scalar (a bool, a whole number, a
// date), read from the scalar alone: the builder says what the reader says.
class ScalarReader {
 public:
  ScalarReader() : reader_("", "case") {}
  internal::YamlReader& reader() { return reader_; }
  static YAML::Node Scalar(std::string_view text) { return YAML::Node(std::string(text)); }
  // The problem the last read recorded, if any.
  std::optional<Diagnostic> Problem() {
    auto problems = reader_.TakeDiagnostics();
    if (problems.empty()) return std::nullopt;
    return std::move(problems.front());
  }

 private:
  internal::YamlReader reader_;
};

}  // namespace

CaseBuilder::CaseBuilder(const Vocabulary& vocabulary, std::string file) : vocabulary_(&vocabulary) {
  case_.file_ = std::move(file);
  values_.resize(static_cast<size_t>(vocabulary.size()));
  given_at_.resize(values_.size());
}

CaseBuilder CaseBuilder::From(const Case& c, const Vocabulary& vocabulary) {
  CaseBuilder b(vocabulary, c.file());
  b.case_.id_ = c.id();
  b.case_.title_ = c.title();
  b.case_.jurisdiction_ = c.jurisdiction();
  b.case_.date_ = c.period();
  b.case_.date_location_ = c.date_location();
  b.has_id_ = b.has_jurisdiction_ = b.has_date_ = true;
  const int acts = vocabulary.SlotOf(kActsFact).value_or(-1);
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactValue& value = c.values()[slot];
    if (!((value.known() || value.range()) && value.given())) continue;
    if (slot == acts && !c.acts().empty()) continue;  // the acts below carry it
    b.values_[slot] = value;
  }
  b.stated_unknown_ = c.stated_unknown();
  b.not_said_ = c.not_said();
  b.acts_ = c.acts();
  b.acts_listed_ = acts >= 0 && c.values()[acts].known() && c.values()[acts].given();
  for (const Act& act : c.acts()) b.act_has_date_.push_back(act.period != c.period());
  b.evidence_ = c.evidence();
  return b;
}

void CaseBuilder::Problem(std::string code, const SourceLocation& where, std::string message,
                          std::vector<std::string> help) {
  Diagnostic d;
  d.code = std::move(code);
  d.location = where;
  d.message = std::move(message);
  for (auto& line : help) {
    if (!line.empty()) d.help.push_back(std::move(line));
  }
  problems_.push_back(std::move(d));
}

std::vector<Diagnostic> CaseBuilder::TakeProblems() { return std::exchange(problems_, {}); }

CaseBuilder& CaseBuilder::SetId(std::string id, SourceLocation) {
  case_.id_ = std::move(id);
  has_id_ = true;
  return *this;
}

CaseBuilder& CaseBuilder::SetTitle(std::string title, SourceLocation) {
  case_.title_ = std::move(title);
  return *this;
}

CaseBuilder& CaseBuilder::SetJurisdiction(std::string jurisdiction, SourceLocation where) {
  const auto& allowed = vocabulary_->jurisdictions();
  if (std::find(allowed.begin(), allowed.end(), jurisdiction) == allowed.end()) {
    Problem("E0103", where, "'jurisdiction': '" + jurisdiction + "' is not allowed",
            {internal::DidYouMean(jurisdiction, allowed), "allowed: " + internal::JoinQuoted(allowed)});
    return *this;
  }
  case_.jurisdiction_ = std::move(jurisdiction);
  has_jurisdiction_ = true;
  return *this;
}

CaseBuilder& CaseBuilder::SetDate(DatePeriod date, SourceLocation where) {
  case_.date_ = date;
  case_.date_location_ = std::move(where);
  has_date_ = true;
  return *this;
}

int CaseBuilder::Slot(std::string_view fact, const SourceLocation& where) {
  if (auto slot = vocabulary_->SlotOf(fact)) return *slot;
  Problem("E0102", where, "unknown fact '" + std::string(fact) + "'",
          {internal::DidYouMean(fact, vocabulary_->Names())});
  return -1;
}

int CaseBuilder::Typed(std::string_view fact, FactType type, const SourceLocation& where) {
  const int slot = Slot(fact, where);
  if (slot < 0) return -1;
  const FactDefinition& f = vocabulary_->fact(slot);
  if (f.type == type) return slot;
  // The words a case file's reader uses for a value of the wrong type.
  const std::string name = "'" + f.name + "'";
  switch (f.type) {
    case FactType::kBool: Problem("E0104", where, name + " must be true or false", {"write true, false or unknown"}); break;
    case FactType::kInt: Problem("E0104", where, name + " must be a whole number"); break;
    case FactType::kDate: Problem("E0105", where, name + " must be a date (YYYY-MM-DD)"); break;
    case FactType::kEnum: Problem("E0104", where, name + " must be text"); break;
    case FactType::kSet:
      Problem("E0104", where, name + " must be a list",
              {f.name == kActsFact ? "e.g. [{type: create}, {type: share, date: 2025-04-01}]"
                                   : "allowed values: " + internal::JoinQuoted(f.values)});
      break;
  }
  return -1;
}

void CaseBuilder::Give(int slot, FactValue value, const SourceLocation& where) {
  internal::EncodingOf(value).known = !internal::EncodingOf(value).bounded;
  internal::EncodingOf(value).given = true;
  values_[slot] = value;
  given_at_[slot] = where;
  stated_unknown_.erase(std::remove(stated_unknown_.begin(), stated_unknown_.end(), slot), stated_unknown_.end());
  not_said_.erase(std::remove(not_said_.begin(), not_said_.end(), slot), not_said_.end());
  if (vocabulary_->fact(slot).name == kActsFact) {
    acts_.clear();
    act_has_date_.clear();
    acts_listed_ = true;
    acts_at_ = where;
  }
}

CaseBuilder& CaseBuilder::SetBool(std::string_view fact, bool value, SourceLocation where) {
  const int slot = Typed(fact, FactType::kBool, where);
  if (slot >= 0) Give(slot, internal::MakeFactValue({.number = value ? 1 : 0}), where);
  return *this;
}

bool CaseBuilder::InBounds(const FactDefinition& f, int64_t value, const SourceLocation& where) {
  if ((!f.min || value >= *f.min) && (!f.max || value <= *f.max)) return true;
  Problem("E0107", where, "'" + f.name + "': " + std::to_string(value) + " is out of range",
          {"allowed: " + (f.min ? std::to_string(*f.min) : "") + " to " + (f.max ? std::to_string(*f.max) : "")});
  return false;
}

CaseBuilder& CaseBuilder::SetNumber(std::string_view fact, int64_t value, SourceLocation where) {
  const int slot = Typed(fact, FactType::kInt, where);
  if (slot < 0) return *this;
  if (InBounds(vocabulary_->fact(slot), value, where)) Give(slot, internal::MakeFactValue({.number = value}), where);
  return *this;
}

CaseBuilder& CaseBuilder::SetRange(std::string_view fact, int64_t low, int64_t high, SourceLocation where) {
  const int slot = Typed(fact, FactType::kInt, where);
  if (slot < 0) return *this;
  const FactDefinition& f = vocabulary_->fact(slot);
  const bool low_ok = InBounds(f, low, where);
  if (!InBounds(f, high, where) || !low_ok) return *this;
  if (low > high) {
    Problem("E0107", where,
            "'" + f.name + "': the range " + std::to_string(low) + " to " + std::to_string(high) + " is empty",
            {"write the lower value as min and the higher as max, e.g. {min: 16, max: 17}"});
    return *this;
  }
  if (low == high) return SetNumber(fact, low, where);
  // The range is kept in what an int's value leaves unused (base/fact_encoding.h); a fact
  // without bounds of its own may not fit there.
  if (high > INT32_MAX || low < INT32_MIN) {
    Problem("E0107", where, "'" + f.name + "': a range is allowed only within " + std::to_string(INT32_MIN) +
                                " to " + std::to_string(INT32_MAX));
    return *this;
  }
  Give(slot, internal::MakeFactValue({.number = low, .bounded = true, .high = static_cast<int32_t>(high)}), where);
  return *this;
}

CaseBuilder& CaseBuilder::SetNamedRange(std::string_view fact, std::string_view word, SourceLocation where) {
  const int slot = Typed(fact, FactType::kInt, where);
  if (slot < 0) return *this;
  if (auto range = internal::FindNamedRange(*vocabulary_, slot, word)) return SetRange(fact, range->low, range->high, where);
  const FactDefinition& f = vocabulary_->fact(slot);
  const std::string words = internal::NamedRangeWords(*vocabulary_, slot);
  Problem("E0103", where, "'" + f.name + "': '" + std::string(word) + "' is not allowed",
          {"allowed: a whole number" +
           (f.min && f.max ? " from " + std::to_string(*f.min) + " to " + std::to_string(*f.max) : std::string()) +
           ", a range such as {min: 16, max: 17}" + (words.empty() ? "" : ", or " + words)});
  return *this;
}

CaseBuilder& CaseBuilder::SetDay(std::string_view fact, Date value, SourceLocation where) {
  const int slot = Typed(fact, FactType::kDate, where);
  if (slot >= 0) Give(slot, internal::MakeFactValue({.number = value.days_since_epoch()}), where);
  return *this;
}

namespace {

// An address a browser opens: http:// or https://, a host, and no blank or control character
// (a pasted line break would forge the report's lines).
bool IsWebAddress(std::string_view url) {
  std::string lower(url.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t host = 0;
  if (lower.rfind("https://", 0) == 0) host = 8;
  else if (lower.rfind("http://", 0) == 0) host = 7;
  else return false;
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7F) return false;
  }
  return host < url.size() && std::string_view("/?#").find(url[host]) == std::string_view::npos;
}

bool IsSha256(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

}  // namespace

CaseBuilder& CaseBuilder::AddEvidence(EvidenceItem item, SourceLocation where) {
  internal::CaseBuilderAccess::AddEvidence(*this, std::move(item), {{"", std::move(where)}});
  return *this;
}

namespace internal {

void CaseBuilderAccess::AddEvidence(CaseBuilder& b, EvidenceItem item, const std::map<std::string, SourceLocation>& at) {
  const std::string which = "evidence item " + std::to_string(b.evidence_.size() + 1);
  auto where = [&](const std::string& field) {
    const auto found = at.find(field);
    if (found != at.end()) return found->second;
    const auto whole = at.find("");
    return whole != at.end() ? whole->second : item.location;
  };
  if (item.location == SourceLocation{}) item.location = where("");
  // A refused item is kept all the same (Build fails on its problem), so that the next is
  // numbered as the file lists it.
  if (!item.url.empty() && !IsWebAddress(item.url)) {
    b.Problem("E0120", where("url"), which + ", 'url': '" + item.url + "' is not a web address",
              {"allowed: an address that starts with https:// or http://, as the browser shows it, without "
               "spaces (e.g. https://example.org/post/123)"});
  }
  if (!item.sha256.empty()) {
    if (!IsSha256(item.sha256)) {
      b.Problem("E0121", where("sha256"),
                which + ", 'sha256': must be 64 hexadecimal digits (0-9, a-f); it has " +
                    std::to_string(item.sha256.size()) + " characters",
                {"`ibsa evidence add CASE FILE` computes it on this machine (as `sha256sum FILE` does); "
                 "the file itself is never copied or stored"});
      }
    std::transform(item.sha256.begin(), item.sha256.end(), item.sha256.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  const Date today = Date::Today();
  for (const auto& [field, date] : {std::pair{"seen_on", item.seen_on}, std::pair{"captured_on", item.captured_on}}) {
    if (date && today < *date) {
      b.Problem("E0122", where(field), which + ", '" + field + "': " + date->ToString() + " is after today",
                {"allowed: a date up to today (" + today.ToString() + "), YYYY-MM-DD"});
      }
  }
  if (item.url.empty() && item.sha256.empty()) {
    b.Problem("E0124", where(""), which + " says neither where the image was seen nor which file holds it",
              {"give 'url' (where it was seen), 'sha256' (of a file you hold), or both"});
  }
  if (item.supports_at.size() != item.supports.size()) item.supports_at.resize(item.supports.size(), where("supports"));
  b.evidence_.push_back(std::move(item));
}

std::optional<int> CaseBuilderAccess::ValueIndex(CaseBuilder& b, int slot, const std::string& value,
                                                 const SourceLocation& where) {
  const FactDefinition& f = b.vocabulary_->fact(slot);
  if (auto index = f.ValueIndex(value)) return index;
  b.Problem("E0103", where, "'" + f.name + "': '" + value + "' is not allowed",
            {DidYouMean(value, f.values), "allowed: " + JoinQuoted(f.values)});
  return std::nullopt;
}

void CaseBuilderAccess::SetMembers(CaseBuilder& b, int slot, uint64_t present, const SourceLocation& where) {
  b.Give(slot, internal::MakeFactValue({.present = present}), where);
}

void CaseBuilderAccess::EndActs(CaseBuilder& b, const SourceLocation& list) {
  b.acts_at_ = list;
  if (b.acts_.size() <= kMaxActs || b.acts_count_said_) return;
  b.Problem("E0111", list,
            "the case lists " + std::to_string(b.acts_.size()) + " acts; at most " + std::to_string(kMaxActs) +
                " are supported",
            {"list each kind of act once per date"});
  b.acts_count_said_ = true;
}

Result<Case> CaseBuilderAccess::BuildReadCase(const CaseBuilder& b) {
  std::vector<Diagnostic> problems = b.problems_;
  Case c = b.Assemble();
  b.Complete(c, problems, /*check_metadata=*/false);
  if (!problems.empty()) return problems;
  return c;
}

}  // namespace internal

CaseBuilder& CaseBuilder::SetValue(std::string_view fact, std::string_view value, SourceLocation where) {
  const int slot = Typed(fact, FactType::kEnum, where);
  if (slot < 0) return *this;
  if (auto index = internal::CaseBuilderAccess::ValueIndex(*this, slot, std::string(value), where)) {
    Give(slot, internal::MakeFactValue({.number = *index}), where);
  }
  return *this;
}

CaseBuilder& CaseBuilder::SetValues(std::string_view fact, const std::vector<std::string>& values,
                                    SourceLocation where) {
  const int slot = Typed(fact, FactType::kSet, where);
  if (slot < 0) return *this;
  if (vocabulary_->fact(slot).name == kActsFact) {
    Give(slot, FactValue{}, where);
    for (const auto& type : values) AddAct(type, std::nullopt, /*certain=*/true, where);
    return *this;
  }
  uint64_t present = 0;
  bool ok = true;
  for (const auto& value : values) {
    auto index = internal::CaseBuilderAccess::ValueIndex(*this, slot, value, where);
    if (index) present |= uint64_t{1} << *index;
    ok = ok && index.has_value();
  }
  if (ok) Give(slot, internal::MakeFactValue({.present = present}), where);
  return *this;
}

CaseBuilder& CaseBuilder::SetWritten(std::string_view fact, std::string_view text, SourceLocation where) {
  const int slot = Slot(fact, where);
  if (slot < 0) return *this;
  if (internal::IsUnknownScalar(ScalarReader::Scalar(text))) return SetUnknown(fact, where);
  const FactDefinition& f = vocabulary_->fact(slot);
  ScalarReader scalar;
  auto& reader = scalar.reader();
  const YAML::Node node = ScalarReader::Scalar(text);
  switch (f.type) {
    case FactType::kBool:
      if (auto b = reader.ReadBool(node, f.name)) return SetBool(fact, *b, where);
      break;
    case FactType::kInt:
      // A word names a range ("minor"); anything else is read, and refused, as a number.
      if (internal::FindNamedRange(*vocabulary_, slot, text)) return SetNamedRange(fact, text, where);
      if (auto n = reader.ReadInt(node, f.name)) return SetNumber(fact, *n, where);
      break;
    case FactType::kDate:
      if (auto d = reader.ReadDate(node, f.name)) return SetDay(fact, *d, where);
      break;
    case FactType::kEnum: return SetValue(fact, text, where);
    case FactType::kSet: Typed(fact, FactType::kBool, where); return *this;  // a list was due
  }
  if (auto problem = scalar.Problem()) {
    Problem(problem->code, where, problem->message, problem->help);
  }
  return *this;
}

CaseBuilder& CaseBuilder::SetUnknown(std::string_view fact, SourceLocation where) {
  const int slot = Slot(fact, where);
  if (slot < 0) return *this;
  values_[slot] = FactValue{};
  if (vocabulary_->fact(slot).name == kActsFact) {
    acts_.clear();
    act_has_date_.clear();
    acts_listed_ = false;
  }
  if (std::find(stated_unknown_.begin(), stated_unknown_.end(), slot) == stated_unknown_.end()) {
    stated_unknown_.push_back(slot);
  }
  not_said_.erase(std::remove(not_said_.begin(), not_said_.end(), slot), not_said_.end());
  return *this;
}

CaseBuilder& CaseBuilder::SetNotSaid(std::string_view fact, SourceLocation where) {
  const int slot = Slot(fact, where);
  if (slot < 0) return *this;
  const FactValue& value = values_[slot];
  if ((value.known() || value.range()) && value.given()) {
    Problem("E0103", where, "'" + std::string(fact) + "' is both given and listed in 'not_said'",
            {"a fact the person chose not to answer has no value: remove it from 'not_said' or remove its value"});
    return *this;
  }
  if (std::find(not_said_.begin(), not_said_.end(), slot) == not_said_.end()) not_said_.push_back(slot);
  stated_unknown_.erase(std::remove(stated_unknown_.begin(), stated_unknown_.end(), slot), stated_unknown_.end());
  return *this;
}

CaseBuilder& CaseBuilder::AddAct(std::string_view type, std::optional<DatePeriod> date, bool certain,
                                 SourceLocation where) {
  const int slot = Typed(kActsFact, FactType::kSet, where);
  if (slot < 0) return *this;
  auto index = internal::CaseBuilderAccess::ValueIndex(*this, slot, std::string(type), where);
  if (!index) return *this;
  if (!acts_listed_) {
    stated_unknown_.erase(std::remove(stated_unknown_.begin(), stated_unknown_.end(), slot), stated_unknown_.end());
    acts_listed_ = true;
  }
  Act act;
  act.type = std::string(type);
  act.type_index = *index;
  act.period = date.value_or(case_.date_);
  act.date = act.period.earliest;
  act.certain = certain;
  act.location = where;
  // An act is listed once per date: twice is a slip of the pen (or two certainties at
  // once), and the second would be read as the same act.
  for (const Act& listed : acts_) {
    if (listed.type != act.type || listed.period.earliest != act.period.earliest ||
        listed.period.latest != act.period.latest) {
      continue;
    }
    Problem("E0109", where, "the act '" + act.type + "' on " + act.period.ToString() + " is listed twice",
            {"first listed at line " + std::to_string(listed.location.line) +
             "; list an act once per date (an act done again later takes its own date)"});
    return *this;
  }
  act_has_date_.push_back(date.has_value());
  acts_.push_back(std::move(act));
  return *this;
}

CaseBuilder& CaseBuilder::ConfirmActs(std::string_view type) {
  for (Act& act : acts_) {
    if (act.type == type) act.certain = true;
  }
  return *this;
}

CaseBuilder& CaseBuilder::DropActs(std::string_view type) {
  for (size_t i = acts_.size(); i-- > 0;) {
    if (acts_[i].type != type) continue;
    acts_.erase(acts_.begin() + static_cast<std::ptrdiff_t>(i));
    act_has_date_.erase(act_has_date_.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return *this;
}

void CaseBuilder::Complete(Case& c, std::vector<Diagnostic>& problems, bool check_metadata) const {
  auto say = [&](std::string code, const SourceLocation& where, std::string message, std::vector<std::string> help) {
    Diagnostic d{std::move(code), where, std::move(message), {}, "", 1};
    for (auto& line : help) {
      if (!line.empty()) d.help.push_back(std::move(line));
    }
    problems.push_back(std::move(d));
  };
  if (check_metadata) {
    // Said first, as a case file's reader says a missing key before what the file holds.
    std::vector<Diagnostic> missing;
    std::swap(missing, problems);
    if (!has_id_) say("E0106", {}, "missing key 'id' in case", {"a short identifier for the case"});
    if (!has_jurisdiction_) {
      say("E0106", {}, "missing key 'jurisdiction' in case",
          {"the national law to assess: " + internal::JoinQuoted(vocabulary_->jurisdictions())});
    }
    if (!has_date_) {
      say("E0106", {}, "missing key 'date' in case", {"the date of the facts, YYYY-MM-DD: it selects the law in force"});
    }
    problems.insert(problems.end(), missing.begin(), missing.end());
  }
  if (acts_.size() > internal::kMaxActs && !acts_count_said_) {
    say("E0111", acts_at_,
        "the case lists " + std::to_string(acts_.size()) + " acts; at most " + std::to_string(internal::kMaxActs) +
            " are supported",
        {"list each kind of act once per date"});
  }
  // Derived facts are computed when their inputs are known. A value the case gives
  // directly stands when the derivation is undecided, and is an error when the
  // derivation contradicts it. The vocabulary's constraints decide what they leave one
  // value (a face swap shows a real person).
  std::vector<int> contradictions;
  const internal::VocabularyData& vocabulary = internal::DataOf(*vocabulary_);
  internal::CompleteFacts(vocabulary, c.values_, &contradictions);
  for (int slot : contradictions) {
    const auto& fact = vocabulary_->fact(slot);
    say("E0108", given_at_[slot], "'" + fact.name + "' contradicts the facts it is derived from",
        {"the other facts of the case make it " + std::string(*c.values_[slot].boolean() ? "false" : "true") +
         "; correct one of them or leave '" + fact.name + "' out"});
  }
  // What the case states together that the vocabulary's constraints exclude.
  for (const internal::Breach& breach : internal::Breaches(vocabulary, c.values_)) {
    const internal::FactConstraint& constraint = *breach.constraint;
    const bool error = constraint.severity == Severity::kError;
    const std::string when = internal::ConditionWords(vocabulary, vocabulary.program, constraint.when);
    std::string message;
    std::vector<std::string> help = {constraint.reason.en};
    if (breach.not_applicable) {
      const std::string& name = vocabulary_->fact(breach.slot).name;
      message = "'" + name + "' has no meaning when " + when + " (constraint '" + constraint.id + "')";
      help.push_back("leave '" + name + "' out (or write unknown), or correct " + when);
    } else {
      const std::string then = internal::ConditionWords(vocabulary, vocabulary.program, constraint.then);
      message = "when " + when + ", " + then + (error ? " must hold too" : " usually holds too") + " (constraint '" +
                constraint.id + "')";
      help.push_back(error ? "correct one of these facts, or leave out the one that is not known"
                           : "check these facts; if they are right, the evaluation stands");
    }
    Diagnostic d{error ? "E0113" : "W0003", breach.slot >= 0 ? given_at_[breach.slot] : SourceLocation{c.file_, 0, 0},
                 std::move(message), {}, "", 1};
    for (auto& line : help) {
      if (!line.empty()) d.help.push_back(std::move(line));
    }
    if (error) {
      problems.push_back(std::move(d));
    } else {
      d.severity = Severity::kWarning;
      c.warnings_.push_back(std::move(d));
    }
  }
}

Case CaseBuilder::Assemble() const {
  Case c = case_;
  c.values_ = values_;
  c.stated_unknown_ = stated_unknown_;
  c.not_said_ = not_said_;
  c.acts_ = acts_;
  c.evidence_ = evidence_;
  for (size_t i = 0; i < c.acts_.size(); ++i) {
    if (!act_has_date_[i]) {
      c.acts_[i].period = case_.date_;
      c.acts_[i].date = case_.date_.earliest;
    }
  }
  if (acts_listed_) {
    if (auto slot = vocabulary_->SlotOf(kActsFact)) {
      internal::FactEncoding& value = internal::EncodingOf(c.values_[*slot]);
      value = {.known = true, .given = true};
      for (const Act& act : acts_) {
        (act.certain ? value.present : value.uncertain) |= uint64_t{1} << act.type_index;
      }
      // An act reported both as certain and as uncertain is certain.
      value.uncertain &= ~value.present;
    }
  }
  return c;
}

Result<Case> CaseBuilder::Build() const {
  std::vector<Diagnostic> problems = problems_;
  Case c = Assemble();
  Complete(c, problems, /*check_metadata=*/true);
  if (!problems.empty()) return problems;
  return c;
}

}  // namespace ibsa
