// File: case_builder.h
// Building a case fact by fact, with the checks that reading a case file makes: a fact the
// vocabulary names, a value of the fact's type within its range or among its values, an
// act listed once per date and at most 63 acts, evidence items that locate something, an id, a jurisdiction the law knows and a
// date, and no given derived fact that the facts it is derived from contradict. Case
// files (YAML or JSON), the API's `case` object and the interview all build through it:
// each check, and what it says, is in one place.
//
//   CaseBuilder b(vocabulary);
//   b.SetId("c1").SetJurisdiction("BE").SetDate(*Date::Parse("2025-03-14"));
//   b.SetNumber("victim.age", 15).AddAct("share");
//   Result<Case> c = b.Build();  // or the errors, each naming the fact and what is allowed
#ifndef IBSA_CASE_BUILDER_H_
#define IBSA_CASE_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/status.h"
#include "ibsa/vocabulary.h"

namespace ibsa {

namespace internal {
struct CaseBuilderAccess;
}  // namespace internal

class CaseBuilder {
 public:
  // `vocabulary` must outlive the builder. `file` is what the built case's file() says.
  explicit CaseBuilder(const Vocabulary& vocabulary, std::string file = "case");
  // Starts from what `c` states: its id, title, jurisdiction, date, the facts it gives or
  // states as unknown, and its acts (not its expectations, nor what is derived).
  static CaseBuilder From(const Case& c, const Vocabulary& vocabulary);

  // Each setter checks its value at once; a problem (E01xx, the same words as a case
  // file's reader) is kept for Build and TakeProblems, located at `where` (where the value
  // was written, when there is such a place). Setting a fact again replaces its value.
  CaseBuilder& SetId(std::string id, SourceLocation where = {});
  CaseBuilder& SetTitle(std::string title, SourceLocation where = {});
  CaseBuilder& SetJurisdiction(std::string jurisdiction, SourceLocation where = {});
  // The date of the facts: the law in force then applies, and an act without a date of its
  // own took place then. Set it before the acts (a second act on the same date is refused).
  // A period (a month, a year, a range) selects every version of the law in force on one
  // of its days (ibsa/evaluate.h).
  CaseBuilder& SetDate(DatePeriod date, SourceLocation where = {});

  CaseBuilder& SetBool(std::string_view fact, bool value, SourceLocation where = {});
  CaseBuilder& SetNumber(std::string_view fact, int64_t value, SourceLocation where = {});
  // An int fact known only to lie between `low` and `high`, both included ("16 or 17"):
  // the facts derived from it that the whole range decides follow, its exact value stays
  // unknown. Each bound is checked as SetNumber checks a value; low above high is refused
  // (E0107); low equal to high is that value.
  CaseBuilder& SetRange(std::string_view fact, int64_t low, int64_t high, SourceLocation where = {});
  // An int fact's range by the word the vocabulary's derived facts give it: "minor",
  // "adult", "under_16" for an age. Another word is refused (E0103), with those allowed.
  CaseBuilder& SetNamedRange(std::string_view fact, std::string_view word, SourceLocation where = {});
  CaseBuilder& SetDay(std::string_view fact, Date value, SourceLocation where = {});
  // An enum fact's value, by its name.
  CaseBuilder& SetValue(std::string_view fact, std::string_view value, SourceLocation where = {});
  // A set fact's members, by their names; for `acts`, each an act on the case date.
  CaseBuilder& SetValues(std::string_view fact, const std::vector<std::string>& values,
                         SourceLocation where = {});
  // A value as a case file writes it (true, 15, 2025-03-14, a value's name, or a word
  // naming an int's range: minor), read as the fact's type says.
  CaseBuilder& SetWritten(std::string_view fact, std::string_view text, SourceLocation where = {});
  // The fact was asked, and whoever answered did not know: it stays unknown and is not
  // asked again.
  CaseBuilder& SetUnknown(std::string_view fact, SourceLocation where = {});
  // The person asked preferred not to say: the fact stays unknown, is listed apart from
  // those nobody knew (`not_said:`), and is not asked again. A fact the case gives a value
  // is refused (E0103).
  CaseBuilder& SetNotSaid(std::string_view fact, SourceLocation where = {});

  // One act, on `date` (the case date if none): a day or a period; `certain` false:
  // reported as possible.
  CaseBuilder& AddAct(std::string_view type, std::optional<DatePeriod> date = std::nullopt,
                      bool certain = true, SourceLocation where = {});
  // Every act of `type` becomes certain (ConfirmActs) or is taken out (DropActs): the
  // answer to whether an uncertain act took place.
  CaseBuilder& ConfirmActs(std::string_view type);
  CaseBuilder& DropActs(std::string_view type);

  // One item of the evidence log, appended: its `url` an http(s) address, its `sha256` 64
  // hexadecimal digits (stored in lowercase), its dates not after today, and at least a
  // `url` or a `sha256` (E0120, E0121, E0122, E0124). Its `supports` name elements of the
  // law, which only the law can check (CheckEvidence, ibsa/evidence.h).
  CaseBuilder& AddEvidence(EvidenceItem item, SourceLocation where = {});

  // The problems found by the setters since the last call, in the order they were set
  // (a reader says them in its file's order); they are not reported again.
  std::vector<Diagnostic> TakeProblems();
  // The case, or every problem: those of the setters not yet taken, then a missing id,
  // jurisdiction or date (E0106), more than 63 acts (E0111) and a given derived fact that
  // its inputs contradict (E0108).
  Result<Case> Build() const;

 private:
  friend struct internal::CaseBuilderAccess;

  int Slot(std::string_view fact, const SourceLocation& where);
  // The slot of `fact` when it exists and is of `type`, else a problem and -1.
  int Typed(std::string_view fact, FactType type, const SourceLocation& where);
  // Whether `value` lies within the int fact `f`'s bounds; if not, a problem (E0107).
  bool InBounds(const FactDefinition& f, int64_t value, const SourceLocation& where);
  void Give(int slot, FactValue value, const SourceLocation& where);
  void Problem(std::string code, const SourceLocation& where, std::string message,
               std::vector<std::string> help = {});
  // The problems of the whole case, after those of its parts; derives `c`'s derived facts.
  void Complete(Case& c, std::vector<Diagnostic>& problems, bool check_metadata) const;
  // The case as given, before its derived facts.
  Case Assemble() const;
  void SetExpectations(Expectations expectations) { case_.expectations_ = std::move(expectations); }

  const Vocabulary* vocabulary_;
  Case case_;  // id, title, jurisdiction, date, file; its facts are assembled on Build
  bool has_id_ = false, has_jurisdiction_ = false, has_date_ = false;
  std::vector<FactValue> values_;  // the facts given, by slot
  std::vector<SourceLocation> given_at_;
  std::vector<int> stated_unknown_;
  std::vector<int> not_said_;
  bool acts_listed_ = false;  // the acts fact is stated as a list (possibly empty)
  std::vector<Act> acts_;
  std::vector<bool> act_has_date_;
  SourceLocation acts_at_;
  bool acts_count_said_ = false;  // E0111 was said where the list ends
  std::vector<EvidenceItem> evidence_;
  std::vector<Diagnostic> problems_;
};

}  // namespace ibsa

#endif  // IBSA_CASE_BUILDER_H_
