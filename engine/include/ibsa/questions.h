// File: questions.h
// The questions still worth asking: for a partial case, the unknown facts whose answer
// would decide at least one finding that is only possible now, ranked so that neutral
// questions come before intrusive ones that would decide as much.
#ifndef IBSA_QUESTIONS_H_
#define IBSA_QUESTIONS_H_

#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/status.h"

namespace ibsa {

// A rule of a version, as a finding of the case refers to it.
struct RuleRef {
  const Rule* rule = nullptr;
  const RulesetVersion* version = nullptr;
};

struct Question {
  const FactDefinition* fact = nullptr;
  // For a set fact whose member the case reports as uncertain (an act with
  // `certain: false`): that member; the question is whether it holds. Empty otherwise.
  std::string member;
  // The findings, possible now, that some answer makes apply or not apply.
  std::vector<RuleRef> decides;
  // decides.size() divided by the square of the fact's sensitivity (1 neutral .. 3
  // intimate; an undeclared sensitivity counts as 3).
  double score = 0;
};

// The candidates are the unknown facts of each possible finding's first undecided
// element (rules list elements in the order they are established; derived facts are
// asked through their inputs). Each is tried with each answer that could matter: each value of a bool or enum,
// ages and dates at and around the thresholds the law uses, for a set the empty set,
// each single member and all members. Questions whose answers change no finding are
// left out, and so are facts the case states as `unknown` (asked, and nobody knew; an
// uncertain act is still asked about) or lists in `not_said` (the person chose not to say). Ordered by score, then by sensitivity, then as the vocabulary lists them.
// Errors as Evaluate (a `with` id that is not a proposal).
Result<std::vector<Question>> NextQuestions(const Law& law, const Case& c,
                                            const EvaluationOptions& options);

// What an intake asks, beyond NextQuestions's ranking (rulesets/facts.yaml `stage:`,
// `intake:`, `asked_when:`).
struct IntakeScope {
  // The follow-up for the lawyer: the facts marked `intake: for_lawyer` are asked too.
  bool for_lawyer = false;
  // Facts the case states unknown that are asked again (a resumed interview offers what
  // was not known the last time); asked first.
  std::vector<std::string> ask_again;
};

// The questions of an intake, in the order a desk asks them: the facts of `ask_again`
// first, then by stage (event, person, image, platform), and within a stage as
// NextQuestions ranks them, followed by the `basic` facts the record needs though they
// decide no finding (their `decides` is empty). Left out: `for_lawyer` facts (unless
// scope.for_lawyer), facts whose `asked_when` does not hold (unknown is not true: the
// platform's questions wait until a platform is known to be involved), facts the
// constraints make meaningless, and facts the case states unknown or not said.
Result<std::vector<Question>> IntakeQuestions(const Law& law, const Case& c, const EvaluationOptions& options,
                                              const IntakeScope& scope);

}  // namespace ibsa

#endif  // IBSA_QUESTIONS_H_
