// Internal: what the readers of case files and of the API's case object need of a
// CaseBuilder beyond its public setters, so that they say each problem where it is written
// and in the order of the text.
#ifndef IBSA_SRC_CASE_CASE_BUILDER_ACCESS_H_
#define IBSA_SRC_CASE_CASE_BUILDER_ACCESS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ibsa/case_builder.h"

namespace ibsa::internal {

// Each act's date may select a version of its own; the engine tracks them in one 64-bit
// word (the case date and at most 63 acts).
inline constexpr size_t kMaxActs = 63;

struct CaseBuilderAccess {
  static void SetExpectations(CaseBuilder& b, Expectations expectations) {
    b.SetExpectations(std::move(expectations));
  }
  // The index of `value` among the values of the enum or set fact `slot`, or nullopt and
  // a problem (E0103) at `where`.
  static std::optional<int> ValueIndex(CaseBuilder& b, int slot, const std::string& value,
                                       const SourceLocation& where);
  // A set fact other than the acts, its members checked one by one with ValueIndex.
  static void SetMembers(CaseBuilder& b, int slot, uint64_t present, const SourceLocation& where);
  // The acts list ends at `list`: more than kMaxActs is said there (E0111), once.
  static void EndActs(CaseBuilder& b, const SourceLocation& list);
  // An evidence item with where each of its fields is written (by key: "url", "seen_on",
  // ...), so that a problem is said at the field; the item's own location otherwise.
  static void AddEvidence(CaseBuilder& b, EvidenceItem item, const std::map<std::string, SourceLocation>& at);
  // The case, or the problems of the whole case but a missing id, jurisdiction or date,
  // which a reader says first, at the map that lacks them.
  static Result<Case> BuildReadCase(const CaseBuilder& b);
};

}  // namespace ibsa::internal

#endif  // IBSA_SRC_CASE_CASE_BUILDER_ACCESS_H_
