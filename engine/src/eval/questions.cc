#include "base/access.h"
#include "base/fact_encoding.h"
#include "ibsa/questions.h"

#include <algorithm>
#include <set>

#include "eval/decider.h"
#include "expr/distinctions.h"
#include "ibsa/decide.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"

namespace ibsa {
namespace {

using internal::LawData;

// The fact slots a condition reads.
void SlotsRead(const internal::Program& program, int32_t node, std::set<int>& slots) {
  const internal::Node& n = program.nodes[node];
  switch (n.op) {
    case internal::Op::kAll:
    case internal::Op::kAny:
    case internal::Op::kNot:
      for (int32_t i = 0; i < n.count; ++i) SlotsRead(program, program.children[n.first + i], slots);
      return;
    case internal::Op::kRule: return;
    case internal::Op::kIs:
    case internal::Op::kIsNot:
    case internal::Op::kLt:
    case internal::Op::kLe:
    case internal::Op::kGt:
    case internal::Op::kGe:
    case internal::Op::kIn:
    case internal::Op::kNotIn:
    case internal::Op::kHas:
    case internal::Op::kHasAny: slots.insert(n.slot); return;
  }
}

FactValue Known(int64_t number) {
  return internal::MakeFactValue({.known = true, .number = number, .given = true});
}

// The answers worth trying for the fact in `slot`, given what the case says of it.
std::vector<FactValue> Answers(const LawData& law, const internal::Distinctions& distinctions, int slot,
                               const FactValue& now, const std::string& member) {
  const FactDefinition& fact = law.vocabulary.fact(slot);
  std::vector<FactValue> answers;
  switch (fact.type) {
    case FactType::kBool:
      answers = {Known(0), Known(1)};
      break;
    case FactType::kEnum:
      for (size_t i = 0; i < fact.values.size(); ++i) answers.push_back(Known(static_cast<int64_t>(i)));
      break;
    case FactType::kInt:
    case FactType::kDate: {
      // One answer per class of numbers the law tells apart: the others decide nothing more.
      // An int known within a range ("16 or 17") is answered inside it: each class is met
      // at its value nearest the range, which lies in the class when they overlap.
      const auto range = now.range();
      for (int64_t n : distinctions.Representatives(fact, slot)) {
        if (!range) {
          answers.push_back(Known(n));
          continue;
        }
        n = std::clamp(n, range->first, range->second);
        if (std::none_of(answers.begin(), answers.end(), [&](const FactValue& a) { return a.integer() == n; })) {
          answers.push_back(Known(n));
        }
      }
      break;
    }
    case FactType::kSet: {
      if (!member.empty()) {
        const uint64_t bit = uint64_t{1} << *fact.ValueIndex(member);
        FactValue yes = now, no = now;
        internal::EncodingOf(yes).present |= bit;
        internal::EncodingOf(yes).uncertain &= ~bit;
        internal::EncodingOf(no).uncertain &= ~bit;
        answers = {yes, no};
        break;
      }
      const size_t n = fact.values.size();
      FactValue none = Known(0);
      answers.push_back(none);
      FactValue all = none;
      for (size_t i = 0; i < n; ++i) {
        FactValue one = none;
        internal::EncodingOf(one).present = uint64_t{1} << i;
        answers.push_back(one);
        internal::EncodingOf(all).present |= internal::EncodingOf(one).present;
      }
      answers.push_back(all);
      break;
    }
  }
  return answers;
}

bool Contains(const std::vector<int>& slots, int slot) {
  return std::find(slots.begin(), slots.end(), slot) != slots.end();
}

// NextQuestions, with the facts of `ask_again` asked though the case states them unknown.
Result<std::vector<Question>> Rank(const Law& law, const Case& c, const EvaluationOptions& options,
                                   const std::vector<int>& ask_again) {
  Decision base;
  if (auto decided = Decide(law, c, options, base); !decided.ok()) return decided.errors();
  const auto& verdicts = base.verdicts();
  if (std::none_of(verdicts.begin(), verdicts.end(),
                   [](const Verdict& v) { return v.truth == Truth::kUnknown; })) {
    return std::vector<Question>{};
  }
  const LawData& data = internal::DataOf(law);
  const auto& vocabulary = internal::DataOf(data.vocabulary);

  // Rules list their elements in the order they are to be established (the service
  // before what it did with a notice, the image before what was done with it): only the
  // facts of each possible finding's first undecided element are asked now. The others
  // come once that element is decided, or never when it is not met.
  auto evaluation = Evaluate(law, c, options);
  if (!evaluation.ok()) return evaluation.errors();
  std::set<int> frontier;
  for (const auto& finding : evaluation.value().findings) {
    for (const auto& element : finding.elements) {
      if (element.truth != Truth::kUnknown) continue;
      for (const auto& name : element.missing) {
        if (auto slot = law.vocabulary().SlotOf(name)) frontier.insert(*slot);
      }
      break;
    }
  }
  // A derived fact is asked through the facts it is derived from (the age, not "minor").
  // Latest first: a derivation reads only earlier facts, which may be derived in turn.
  for (auto it = vocabulary.derivations.rbegin(); it != vocabulary.derivations.rend(); ++it) {
    if (frontier.count(it->slot) != 0) SlotsRead(vocabulary.program, it->root, frontier);
  }

  // Each unknown fact (and each uncertain member of a set fact) there is a question,
  // except a fact the case states as unknown (it was asked, and nobody knew) or as not
  // said (the person chose not to answer).
  std::vector<std::pair<int, std::string>> asked;
  for (int slot = 0; slot < law.vocabulary().size(); ++slot) {
    const FactDefinition& fact = law.vocabulary().fact(slot);
    const FactValue& value = c.values()[slot];
    if (fact.derived || frontier.count(slot) == 0) continue;
    // A fact the constraints make meaningless here (the platform, when there is none).
    if (internal::NotApplicable(vocabulary, c.values(), slot)) continue;
    if (!value.known()) {
      if (Contains(c.stated_unknown(), slot) && !Contains(ask_again, slot)) continue;
      if (Contains(c.not_said(), slot)) continue;
      asked.emplace_back(slot, "");
    } else if (fact.type == FactType::kSet && internal::EncodingOf(value).uncertain != 0) {
      for (size_t i = 0; i < fact.values.size(); ++i) {
        if (value.Has(static_cast<int>(i)) == Truth::kUnknown) asked.emplace_back(slot, fact.values[i]);
      }
    }
  }

  const internal::Distinctions& distinctions = data.distinctions;
  std::vector<Question> questions;
  Decision what_if;
  std::vector<FactValue> values;
  for (const auto& [slot, member] : asked) {
    std::vector<bool> decided(verdicts.size(), false);
    for (const FactValue& answer : Answers(data, distinctions, slot, c.values()[slot], member)) {
      values = c.values();
      values[slot] = answer;
      // Derived facts follow the answer; those the case gave stand where it is undecided.
      for (const auto& derivation : vocabulary.derivations) {
        if (!values[derivation.slot].given()) values[derivation.slot] = FactValue{};
      }
      internal::CompleteFacts(vocabulary, values, nullptr);
      // An answer the constraints exclude (a real person, for a face swap) is no answer.
      const auto breaches = internal::Breaches(vocabulary, values);
      if (std::any_of(breaches.begin(), breaches.end(), [](const internal::Breach& b) {
            return b.constraint->severity == Severity::kError;
          })) {
        continue;
      }
      internal::Decider(data, c, values, what_if).Run(options);
      // The same dates and acts select the same rules, in the same order.
      const auto& after = what_if.verdicts();
      for (size_t i = 0; i < verdicts.size() && i < after.size(); ++i) {
        if (verdicts[i].truth == Truth::kUnknown && after[i].truth != Truth::kUnknown) decided[i] = true;
      }
    }
    Question question;
    question.fact = &law.vocabulary().fact(slot);
    question.member = member;
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (decided[i]) question.decides.push_back(RuleRef{verdicts[i].rule, verdicts[i].version});
    }
    if (question.decides.empty()) continue;  // no answer would change anything
    // Squared, so that an intimate question must decide nine times as much as a neutral
    // one to be asked before it.
    const int sensitivity = question.fact->sensitivity == 0 ? 3 : question.fact->sensitivity;
    question.score = static_cast<double>(question.decides.size()) / (sensitivity * sensitivity);
    questions.push_back(std::move(question));
  }
  std::stable_sort(questions.begin(), questions.end(), [](const Question& a, const Question& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.fact->sensitivity < b.fact->sensitivity;
  });
  return questions;
}

}  // namespace

Result<std::vector<Question>> NextQuestions(const Law& law, const Case& c, const EvaluationOptions& options) {
  return Rank(law, c, options, {});
}

Result<std::vector<Question>> IntakeQuestions(const Law& law, const Case& c, const EvaluationOptions& options,
                                              const IntakeScope& scope) {
  const auto& vocabulary = internal::DataOf(internal::DataOf(law).vocabulary);
  std::vector<int> ask_again;
  for (const auto& name : scope.ask_again) {
    if (auto slot = law.vocabulary().SlotOf(name)) ask_again.push_back(*slot);
  }
  auto ranked = Rank(law, c, options, ask_again);
  if (!ranked.ok()) return ranked.errors();
  // Whether the intake asks the fact at all: not a provider's internals (those wait for the
  // lawyer's follow-up), and only where its `asked_when` holds (a platform is involved).
  auto askable = [&](const FactDefinition& fact, int slot) {
    if (fact.intake == IntakeUse::kForLawyer && !scope.for_lawyer) return false;
    const int32_t when = static_cast<size_t>(slot) < vocabulary.asked_when.size() ? vocabulary.asked_when[slot] : -1;
    return when < 0 || internal::EvalNode(vocabulary.program, when, c.values(), nullptr) == Truth::kTrue;
  };
  std::vector<Question> questions;
  for (auto& q : ranked.value()) {
    if (askable(*q.fact, *law.vocabulary().SlotOf(q.fact->name))) questions.push_back(std::move(q));
  }
  // What the record needs though it decides no finding, and what was not known the last
  // time: asked after the questions that decide something in the same stage.
  for (int slot = 0; slot < law.vocabulary().size(); ++slot) {
    const FactDefinition& fact = law.vocabulary().fact(slot);
    const FactValue& value = c.values()[slot];
    if (fact.derived || value.known() || value.range()) continue;
    const bool again = Contains(ask_again, slot) && Contains(c.stated_unknown(), slot);
    if (fact.intake != IntakeUse::kBasic && !again) continue;
    if ((Contains(c.stated_unknown(), slot) && !again) || Contains(c.not_said(), slot)) continue;
    if (internal::NotApplicable(vocabulary, c.values(), slot) || !askable(fact, slot)) continue;
    if (std::any_of(questions.begin(), questions.end(),
                    [&](const Question& q) { return q.fact == &fact && q.member.empty(); })) {
      continue;
    }
    questions.push_back(Question{&fact, "", {}, 0});
  }
  // The facts not known the last time first (the user came back for them), then by stage.
  std::stable_sort(questions.begin(), questions.end(), [&](const Question& a, const Question& b) {
    const int slot_a = *law.vocabulary().SlotOf(a.fact->name), slot_b = *law.vocabulary().SlotOf(b.fact->name);
    const bool again_a = a.member.empty() && Contains(ask_again, slot_a) && Contains(c.stated_unknown(), slot_a);
    const bool again_b = b.member.empty() && Contains(ask_again, slot_b) && Contains(c.stated_unknown(), slot_b);
    if (again_a != again_b) return again_a;
    return a.fact->stage < b.fact->stage;
  });
  return questions;
}

}  // namespace ibsa
