// File: interview.h
// An intake interview: one question at a time over a case that grows with each answer.
// The next question is always the first of IntakeQuestions (by stage, then by how much it
// decides; the facts the record needs; what was not known the last time first) that has
// not been answered in this interview; the interview is over when none is left.
// Every state is a valid case (CaseToYaml writes it), so it can be saved after each
// answer and resumed later. The terminal (`ibsa interview`) and the web page (through
// POST /api/interview, which replays the steps) drive this one interview.
#ifndef IBSA_INTERVIEW_H_
#define IBSA_INTERVIEW_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/questions.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

// One act, as the answer to what the perpetrator did: its type (a value of the acts
// fact), its date when it is not the date of the facts, and whether it is established or
// only reported as possible (as a case file's `certain: false`).
struct ActAnswer {
  std::string type;
  std::optional<DatePeriod> date;  // a day, a month, a year or a range; none: the case's
  bool certain = true;
};

// One step of an interview: the question it answered, and how.
struct InterviewStep {
  std::string fact;    // the fact asked
  std::string member;  // for an act reported as uncertain, its type; else empty
  bool dont_know = false;
  bool not_said = false;  // "prefer not to say"
  std::string answer;  // as typed, when answered in words
  // The acts, when the question of the acts was answered act by act (AnswerActs).
  std::optional<std::vector<ActAnswer>> acts;
  // `fact` was asked now, out of the interview's order (AskNow); no answer yet.
  bool ask = false;
};

class Interview {
 public:
  // Starts from a partial case; the facts it states as unknown are not asked again.
  // What the case states as unknown (asked, and nobody knew) is offered again, first.
  // `for_lawyer`: the follow-up for the lawyer, which asks the facts marked
  // `intake: for_lawyer` too (IntakeQuestions).
  static Result<Interview> Start(const Law& law, const Case& start, EvaluationOptions options,
                                 bool for_lawyer = false);

  Interview(Interview&&) noexcept;
  Interview& operator=(Interview&&) noexcept;
  ~Interview();

  const Case& current() const;
  const Evaluation& findings() const;
  // The question to ask now, or nullopt when no answer could change a finding.
  const std::optional<Question>& question() const;
  // How to answer the current question, in `language`: yes/no, the numbered values, a
  // number, a date, or a list.
  std::string AnswerHint(Language language) const;
  // The steps taken since the start and not undone, first to last.
  const std::vector<InterviewStep>& steps() const;
  // The facts the starting case stated unknown that this interview offers again (those an
  // intake would ask), in the order asked.
  const std::vector<std::string>& asked_again() const;
  // Whether the current question is one of those, not yet answered again.
  bool AskingAgain() const;

  // Answers the current question. Accepted: yes/no in nl, fr or en (ja/nee, oui/non); a
  // value's number or name; a whole number, or for an age what people know of it in nl, fr
  // or en: two numbers ("16-17", "16 ou 17"), an estimate ("ongeveer 30": 28 to 32) or a
  // word ("minderjarig", "majeur", "under 16"); a date (YYYY-MM-DD); for a list, numbers or
  // names separated by commas, or "-" for none; for the acts, each may be followed by its
  // date and by "?" when it is not established ("1 2025-03-10, share ?"). A wrong answer is
  // an error that says what is allowed; the question stays. Words for the acts record what
  // AnswerActs records for the same acts. A refused age is said in `language`.
  Status Answer(std::string_view text, Language language = Language::kEn);
  // Answers the question of the acts act by act, as a case file lists them: each act's
  // type, date (the date of the facts when none) and whether it is established; an empty
  // list: none was done. An act that is refused (not a value of the acts fact, or listed
  // twice on one date) is said at its place in the list: the location's line is its
  // position, 1 for the first. An error when the question is not that of the acts.
  Status AnswerActs(const std::vector<ActAnswer>& acts);
  // "Don't know": the fact is written as unknown in the case and not asked again; an act
  // reported as uncertain stays uncertain, and this interview no longer asks about it.
  Status DontKnow();
  // "Prefer not to say": the fact stays unknown, is written apart (`not_said:`) and is not
  // asked again, on resume either.
  Status NotSaid();
  // Asks `fact` now, out of the interview's order (the user chose a fact that would decide
  // a finding): it becomes the question, the next answer or "don't know" is about it, and
  // the interview then goes on in its own order. A step, which Back undoes. An error for a
  // fact the vocabulary does not name (E0102).
  Status AskNow(std::string_view fact);
  // Undoes the last step, whatever it was (an answer, a "don't know", a question asked
  // now): the case, the acts no longer asked about and the question are those before it.
  // False when there is none.
  bool Back();
  // Takes `step` again: what a client that keeps no interview of its own sends back (the
  // API). An error when it answers another question than the current one (E0103), or as
  // Answer, AnswerActs or AskNow.
  Status Take(const InterviewStep& step);

 private:
  struct State;
  explicit Interview(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace ibsa

#endif  // IBSA_INTERVIEW_H_
