// File: actions.h
// The action plan: what to do now and by when, derived from the findings of an
// evaluation. Which findings become actions, in which urgency class, by whom and with
// which deadline is data (rulesets/actions.yaml, docs/ruleset-format.md), read once with
// the law; the plan of a case lists one action per declared rule that is a finding, in
// the order of the classes (most urgent first) and, within a class, of the file.
#ifndef IBSA_ACTIONS_H_
#define IBSA_ACTIONS_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

namespace internal {
struct ActionsData;
class Access;
}  // namespace internal

// Who takes the action.
enum class Actor { kVictim, kParent, kPolice, kLawyer, kSupportService };
// "victim", "parent", "police", "lawyer", "support_service": the YAML and JSON spelling.
std::string_view ActorName(Actor actor);
// The actor as a person reads it, in `language`.
std::string ActorLabel(Actor actor, Language language);

// An urgency class of actions (urgent help for a minor, preserve evidence, removal, ...).
struct ActionClass {
  std::string id;
  LocalizedText title;
  friend bool operator==(const ActionClass&, const ActionClass&) = default;
};

// A deadline the law sets: `months` calendar months counted from the date of the fact
// `from` (e.g. art. 66 Sr: three months after the day the entitled person learned of the
// offence), or, without `from`, a period said only in words (`period`: "within one month
// of receipt of your request", art. 12(3) GDPR).
struct DeadlineRule {
  int months = 0;
  std::string from;       // a date fact of the vocabulary; empty: the period in words only
  LocalizedText period;   // the period as the law states it, in words
  std::vector<Source> sources;
  Certainty certainty = Certainty::kSettled;
  LocalizedText certainty_reason;  // e.g. what of the counting is unverified
  friend bool operator==(const DeadlineRule&, const DeadlineRule&) = default;
};

// One declaration: the findings of rule `rule` become this action.
struct ActionDeclaration {
  std::string rule;
  int action_class = 0;  // index into Actions::classes()
  Actor by = Actor::kVictim;
  // Whom the action turns to, when that is someone who may be reading the plan (`to:`):
  // reporting to the police is no action to show the police officer (ForReader).
  std::optional<Actor> to;
  std::optional<DeadlineRule> deadline;
  SourceLocation location;
  friend bool operator==(const ActionDeclaration&, const ActionDeclaration&) = default;
};

class Actions {
 public:
  // rulesets/actions.yaml. Errors (located): unknown keys, an unknown class, actor or rule
  // (E0201), a rule declared twice, a deadline without a source or whose `from` is not a
  // date fact (E0205).
  static Result<Actions> Load(const std::string& path, const Law& law);
  static Result<Actions> Parse(const std::string& text, const std::string& file, const Law& law);

  // Most urgent first.
  const std::vector<ActionClass>& classes() const;
  const std::vector<ActionDeclaration>& declarations() const;

 private:
  explicit Actions(std::shared_ptr<const internal::ActionsData> data) : data_(std::move(data)) {}
  friend class internal::Access;
  std::shared_ptr<const internal::ActionsData> data_;
};

// The last day of a term of `months` calendar months "after the day" `start` (art. 66(1)
// Sr: "gedurende drie maanden na de dag waarop"): the day numbered as `start`, `months`
// later (learned 15 March: 15 June); where that month is shorter, its last day (learned
// 30 November: 28 February, 29 in a leap year). docs/legal-notes/actions.md gives the
// reading and what of it is unverified.
Date LastDayOfTerm(Date start, int months);

// A deadline of one case: the period in words, and the last day when the law fixes one
// and its start date is known.
struct Deadline {
  const DeadlineRule* rule = nullptr;
  std::optional<Date> last_day;
  // Set with last_day: it lies before the assessment date.
  bool passed = false;
};

struct Action {
  const ActionDeclaration* declaration = nullptr;
  const ActionClass* action_class = nullptr;
  // The findings it follows from (of the declaration's rule), in the evaluation's order.
  std::vector<const Finding*> why;
  // Every finding it follows from is only possible: the action holds "if" their missing
  // facts turn out so.
  bool conditional = false;
  std::optional<Deadline> deadline;
};

// The plan of `evaluation` (of `c`): one action per declaration whose rule is a finding,
// ordered by class, then by declaration. Deadlines are reckoned against the evaluation's
// assessment date (none: no deadline is said to have passed).
// A finding close to its limitation period will become an action here too (issue 13).
std::vector<Action> PlanActions(const Actions& actions, const Evaluation& evaluation, const Case& c,
                                const Vocabulary& vocabulary);

// The plan as `reader` reads it: without the actions that turn to the reader (no "report
// to the police" in the plan shown to the police officer), in the same order.
std::vector<Action> ForReader(std::vector<Action> actions, Actor reader);
// The rules whose actions turn to `reader` (`to:`): their findings are not shown to the
// reader either (the referral "report to the police" on the officer's screen).
std::set<std::string> RulesTurningTo(const Actions& actions, Actor reader);

// The readers a plan can be shown to, as the terminal (`--reader`) and the API (`reader`)
// name them: "police", "lawyer", "support".
const std::vector<std::string>& ReaderNames();
// The actor a reader's name (of ReaderNames) is; nullopt for any other name.
std::optional<Actor> ReaderNamed(std::string_view name);

}  // namespace ibsa

#endif  // IBSA_ACTIONS_H_
