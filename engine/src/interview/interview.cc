#include "ibsa/interview.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "case/named_ranges.h"
#include "ibsa/case_builder.h"
#include "ibsa/render.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace {

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto first = out.find_first_not_of(" \t\r\n");
  const auto last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}

std::optional<bool> YesNo(const std::string& answer) {
  static const std::set<std::string> kYes = {"y", "yes", "j", "ja", "o", "oui", "true"};
  static const std::set<std::string> kNo = {"n", "no", "nee", "non", "false"};
  if (kYes.count(answer) != 0) return true;
  if (kNo.count(answer) != 0) return false;
  return std::nullopt;
}

// A value of an enum or set fact, by its number (1-based), its name or its label in
// any of the three languages.
std::optional<std::string> Value(const FactDefinition& fact, const std::string& answer) {
  if (!answer.empty() && std::all_of(answer.begin(), answer.end(), ::isdigit) && answer.size() < 4) {
    const size_t n = std::stoul(answer);
    if (n >= 1 && n <= fact.values.size()) return fact.values[n - 1];
    return std::nullopt;
  }
  if (fact.ValueIndex(answer)) return answer;
  for (size_t i = 0; i < fact.value_labels.size(); ++i) {
    const LocalizedText& label = fact.value_labels[i];
    for (const std::string* text : {&label.nl, &label.fr, &label.en}) {
      if (Lower(*text) == answer) return fact.values[i];
    }
  }
  return std::nullopt;
}

// One item of a list answer and, for an act, what may follow its value: its date, and
// "?" when it is reported as possible, not established ("create 2025-03-10", "publish ?").
struct ListItem {
  std::string value;
  std::optional<DatePeriod> date;
  bool certain = true;
};

// The date and "?" at the end of an act's item, taken off it. Whether any was there.
bool TakeActDetails(std::string& item, ListItem& out) {
  bool found = false;
  auto trim = [&] { item = Lower(item); };
  if (!item.empty() && item.back() == '?') {
    item.pop_back();
    trim();
    out.certain = false;
    found = true;
  }
  const size_t space = item.rfind(' ');
  // A day, a month, a year, day first or not, or a range without spaces (2024-06..2024-07);
  // not "two weeks ago", which the date of the facts takes, confirmed.
  if (auto date = ParseDateAnswer(space == std::string::npos ? item : item.substr(space + 1), Date::Today());
      date && !date->approximate) {
    item = space == std::string::npos ? "" : item.substr(0, space);
    trim();
    out.date = date->period;
    found = true;
  }
  return found;
}

// The items of a list answer: split at commas; an item that is no value is split at
// spaces too ("1 3", "share publish"), so that labels of several words still match. An
// act's item may end with its date and "?" (TakeActDetails); it then names one value.
std::optional<std::vector<ListItem>> ListAnswer(const FactDefinition& fact, const std::string& answer,
                                                std::string& refused) {
  std::vector<ListItem> chosen;
  size_t start = 0;
  while (start <= answer.size()) {
    size_t comma = answer.find(',', start);
    if (comma == std::string::npos) comma = answer.size();
    std::string item = Lower(answer.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    const std::string said = item;
    ListItem one;
    if (fact.name == kActsFact && TakeActDetails(item, one)) {
      auto value = Value(fact, item);
      if (!value) {
        refused = said;
        return std::nullopt;
      }
      one.value = *value;
      chosen.push_back(std::move(one));
      continue;
    }
    if (auto value = Value(fact, item)) {
      chosen.push_back(ListItem{*value, std::nullopt, true});
      continue;
    }
    size_t word_start = 0;
    while (word_start <= item.size()) {
      size_t space = item.find(' ', word_start);
      if (space == std::string::npos) space = item.size();
      const std::string word = item.substr(word_start, space - word_start);
      word_start = space + 1;
      if (word.empty()) continue;
      auto value = Value(fact, word);
      if (!value) {
        refused = item;
        return std::nullopt;
      }
      chosen.push_back(ListItem{*value, std::nullopt, true});
    }
  }
  return chosen;
}

// How far "about 30" reaches on either side: an estimate of someone's age is rarely
// closer than a couple of years, and the officer sees the range to correct it.
constexpr int64_t kAbout = 2;

// The words for the ranges the vocabulary names (NamedRanges), as people say them: the
// one shown in each language, then the others also understood (lower case).
struct RangeWords {
  std::string_view word;  // the case file's word
  std::string_view nl, fr, en;
  std::vector<std::string_view> also;
  std::string_view In(Language language) const {
    return language == Language::kNl ? nl : language == Language::kFr ? fr : en;
  }
};
const std::vector<RangeWords>& SaidRangeWords() {
  static const std::vector<RangeWords> kWords = {
      {"minor", "minderjarig", "mineur", "minor", {"a minor", "minderjarige", "mineure"}},
      {"adult", "meerderjarig", "majeur", "adult", {"an adult", "meerderjarige", "volwassen", "majeure", "adulte"}},
      {"under_16", "onder de 16", "moins de 16 ans", "under 16", {"under_16", "onder 16", "jonger dan 16", "moins de 16"}},
  };
  return kWords;
}

// A whole number of at most three digits, the whole of `text`.
std::optional<int64_t> SmallNumber(std::string_view text) {
  if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  return std::stoll(std::string(text));
}

// An int answer as people give it: "16", "16-17", "16 ou 17" / "16 of 17" / "16 or 17",
// "ongeveer 30" / "environ 30" / "about 30" (30 - kAbout to 30 + kAbout), or a word for a
// range ("minderjarig"). `answer` is lower case and trimmed.
struct IntAnswer {
  int64_t low = 0, high = 0;
  std::string word;  // the case file's word, when a word was said
  bool about = false;  // an estimate: its range is cut to the fact's bounds
};
std::optional<IntAnswer> ReadIntAnswer(const std::string& answer) {
  if (auto n = SmallNumber(answer)) return IntAnswer{*n, *n, ""};
  for (const RangeWords& words : SaidRangeWords()) {
    bool said = answer == words.nl || answer == words.fr || answer == words.en;
    for (std::string_view also : words.also) said = said || answer == also;
    if (said) return IntAnswer{0, 0, std::string(words.word)};
  }
  for (std::string_view about : {"about ", "around ", "approximately ", "roughly ", "ongeveer ", "ong. ", "circa ",
                                 "ca. ", "rond ", "environ ", "à peu près ", "vers ", "~"}) {
    if (answer.rfind(about, 0) != 0) continue;
    std::string rest = Lower(answer.substr(about.size()));
    for (std::string_view unit : {" jaar", " ans", " an", " years", " year"}) {
      if (rest.size() > unit.size() && rest.compare(rest.size() - unit.size(), unit.size(), unit) == 0) {
        rest = rest.substr(0, rest.size() - unit.size());
      }
    }
    if (auto n = SmallNumber(rest)) return IntAnswer{*n - kAbout, *n + kAbout, "", true};
    return std::nullopt;
  }
  for (std::string_view joint : {"-", "–", " ou ", " of ", " or ", " à ", " tot ", " to "}) {
    const size_t at = answer.find(joint);
    if (at == std::string::npos) continue;
    auto low = SmallNumber(Lower(answer.substr(0, at)));
    auto high = SmallNumber(Lower(answer.substr(at + joint.size())));
    if (low && high && *low <= *high) return IntAnswer{*low, *high, ""};
    return std::nullopt;
  }
  return std::nullopt;
}

// What an int answer may be, in `language`: the forms ReadIntAnswer reads, with the words
// the fact's named ranges allow (none for a fact without them).
std::string IntForms(const FactDefinition& fact, const std::vector<internal::NamedRange>& named, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  std::string forms = nl   ? "een getal (16), twee getallen (16-17, 16 of 17), ongeveer een getal (ongeveer 30)"
                      : fr ? "un nombre (16), deux nombres (16-17, 16 ou 17), environ un nombre (environ 30)"
                           : "a number (16), two numbers (16-17, 16 or 17), about a number (about 30)";
  if (fact.min && fact.max) {
    forms += (nl ? " van " : fr ? " de " : " from ") + std::to_string(*fact.min) + (nl ? " tot " : fr ? " à " : " to ") +
             std::to_string(*fact.max);
  }
  std::string words;
  for (const internal::NamedRange& range : named) {
    for (const RangeWords& said : SaidRangeWords()) {
      if (said.word == range.word) words += (words.empty() ? "" : ", ") + std::string(said.In(language));
    }
  }
  if (!words.empty()) forms += (nl ? "; of: " : fr ? " ; ou : " : "; or: ") + words;
  return forms;
}

// A step about `fact` (and `member`, for an uncertain act); the caller says how it was taken.
InterviewStep StepAbout(std::string fact, std::string member = "") {
  InterviewStep step;
  step.fact = std::move(fact);
  step.member = std::move(member);
  return step;
}

Diagnostic Refused(const std::string& message, const std::string& help) {
  return Diagnostic{"E0103", {}, message, {help}, "", 1};
}

}  // namespace

// What the interview knows after each step: the case, the acts it no longer asks about,
// and what follows from them.
struct Snapshot {
  Case c;
  // "fact:member" of an uncertain act answered "don't know" in this interview. Any other
  // fact answered "don't know" is written as unknown, and NextQuestions does not ask it again.
  std::set<std::string> skipped;
  // Facts the case stated unknown when the interview started, offered again; one leaves
  // the list once it is answered, or "don't know" is said again.
  std::vector<std::string> ask_again;
  Evaluation findings;
  std::optional<Question> question;
};

struct Interview::State {
  const Law* law = nullptr;
  EvaluationOptions options;
  bool for_lawyer = false;
  std::vector<Snapshot> history;  // the start, then one per step; the current one last
  std::vector<InterviewStep> steps;

  // The findings and the next question of a case.
  Result<Snapshot> Assess(Case c, std::set<std::string> skipped, std::vector<std::string> ask_again) const {
    auto evaluated = Evaluate(*law, c, options);
    if (!evaluated.ok()) return evaluated.errors();
    // A fact offered again leaves the list once it is known, or once it is not asked (it
    // decides nothing now).
    std::erase_if(ask_again, [&](const std::string& name) {
      const int slot = *law->vocabulary().SlotOf(name);
      return std::find(c.stated_unknown().begin(), c.stated_unknown().end(), slot) == c.stated_unknown().end();
    });
    auto ranked = IntakeQuestions(*law, c, options, IntakeScope{for_lawyer, ask_again});
    if (!ranked.ok()) return ranked.errors();
    std::erase_if(ask_again, [&](const std::string& name) {
      return std::none_of(ranked.value().begin(), ranked.value().end(),
                          [&](const Question& q) { return q.fact->name == name && q.member.empty(); });
    });
    Snapshot next{std::move(c), std::move(skipped), std::move(ask_again), std::move(evaluated).value(), std::nullopt};
    for (auto& q : ranked.value()) {
      const std::string key = q.fact->name + (q.member.empty() ? "" : ":" + q.member);
      if (next.skipped.count(key) == 0) {
        next.question = std::move(q);
        break;
      }
    }
    return next;
  }

  // The acts answered replace the case's, each recorded as a case file's act is (the
  // terminal's words and the page's acts alike). Each is located at its position in the
  // list, so that a refused one can be named.
  Status Acts(const std::vector<ActAnswer>& acts, InterviewStep step) {
    CaseBuilder next = CaseBuilder::From(now().c, law->vocabulary());
    next.SetValues(kActsFact, {});
    for (size_t i = 0; i < acts.size(); ++i) {
      next.AddAct(acts[i].type, acts[i].date, acts[i].certain, SourceLocation{"", static_cast<int>(i) + 1, 1});
    }
    return Step(next, now().skipped, std::move(step));
  }

  // Takes a step whose case `builder` holds: kept only if the case is valid. A fact offered
  // again that the step answers "don't know" to again is not offered a third time.
  Status Step(const CaseBuilder& builder, std::set<std::string> skipped, InterviewStep step) {
    auto built = builder.Build();
    if (!built.ok()) return built.errors();
    std::vector<std::string> ask_again = now().ask_again;
    if (step.dont_know) std::erase(ask_again, step.fact);
    auto next = Assess(std::move(built).value(), std::move(skipped), std::move(ask_again));
    if (!next.ok()) return next.errors();
    history.push_back(std::move(next).value());
    steps.push_back(std::move(step));
    return Status::Ok();
  }

  const Snapshot& now() const { return history.back(); }
};

Interview::Interview(std::unique_ptr<State> state) : state_(std::move(state)) {}
Interview::Interview(Interview&&) noexcept = default;
Interview& Interview::operator=(Interview&&) noexcept = default;
Interview::~Interview() = default;

Result<Interview> Interview::Start(const Law& law, const Case& start, EvaluationOptions options, bool for_lawyer) {
  auto state = std::make_unique<State>();
  state->law = &law;
  state->options = std::move(options);
  state->for_lawyer = for_lawyer;
  // The case as it states itself, without what a file adds (its expectations).
  auto c = CaseBuilder::From(start, law.vocabulary()).Build();
  if (!c.ok()) return c.errors();
  // "Don't know" is not final: what nobody knew the last time is offered again.
  std::vector<std::string> ask_again;
  for (int slot : c.value().stated_unknown()) ask_again.push_back(law.vocabulary().fact(slot).name);
  auto first = state->Assess(std::move(c).value(), {}, std::move(ask_again));
  if (!first.ok()) return first.errors();
  state->history.push_back(std::move(first).value());
  return Interview(std::move(state));
}

const Case& Interview::current() const { return state_->now().c; }
const Evaluation& Interview::findings() const { return state_->now().findings; }
const std::optional<Question>& Interview::question() const { return state_->now().question; }
const std::vector<InterviewStep>& Interview::steps() const { return state_->steps; }
const std::vector<std::string>& Interview::asked_again() const { return state_->history.front().ask_again; }
bool Interview::AskingAgain() const {
  const auto& again = state_->now().ask_again;
  return question() && question()->member.empty() &&
         std::find(again.begin(), again.end(), question()->fact->name) != again.end();
}

std::string Interview::AnswerHint(Language language) const {
  if (!question()) return "";
  const Question& q = *question();
  const char* yes_no = language == Language::kNl ? "ja / nee" : language == Language::kFr ? "oui / non" : "yes / no";
  if (!q.member.empty() || q.fact->type == FactType::kBool) return yes_no;
  switch (q.fact->type) {
    case FactType::kInt: {
      std::string hint = language == Language::kNl   ? "een getal"
                         : language == Language::kFr ? "un nombre"
                                                     : "a number";
      const int slot = *state_->law->vocabulary().SlotOf(q.fact->name);
      const auto named = internal::NamedRanges(state_->law->vocabulary(), slot);
      if (named.empty()) return hint;
      // An age may be given as people know it (ReadIntAnswer).
      hint += language == Language::kNl   ? ", 16-17, ongeveer 30"
              : language == Language::kFr ? ", 16-17, environ 30"
                                          : ", 16-17, about 30";
      for (const internal::NamedRange& range : named) {
        for (const RangeWords& said : SaidRangeWords()) {
          if (said.word == range.word) hint += ", " + std::string(said.In(language));
        }
      }
      return hint;
    }
    case FactType::kDate: return "YYYY-MM-DD";
    case FactType::kEnum:
    case FactType::kSet: {
      std::string hint;
      for (size_t i = 0; i < q.fact->values.size(); ++i) {
        hint += (i == 0 ? "" : "  ") + std::to_string(i + 1) + ": " + q.fact->ValueLabel(static_cast<int>(i), language);
      }
      if (q.fact->name == kActsFact) {
        // An act's date, and whether it is established, are answered with it.
        hint += language == Language::kNl ? "  (meerdere: 1,3; geen: -; met datum: 1 2025-03-10; niet zeker: 5 ?)"
                : language == Language::kFr ? "  (plusieurs : 1,3 ; aucun : - ; avec sa date : 1 2025-03-10 ; pas établi : 5 ?)"
                                            : "  (several: 1,3; none: -; with its date: 1 2025-03-10; not established: 5 ?)";
      } else if (q.fact->type == FactType::kSet) {
        hint += language == Language::kNl ? "  (meerdere: 1,3; geen: -)"
                : language == Language::kFr ? "  (plusieurs : 1,3 ; aucun : -)"
                                            : "  (several: 1,3; none: -)";
      }
      return hint;
    }
    case FactType::kBool: return yes_no;
  }
  return yes_no;
}

Status Interview::Answer(std::string_view text, Language language) {
  if (!question()) return Refused("no question is open", "the interview is over");
  const Question q = *question();
  const FactDefinition& fact = *q.fact;
  const std::string answer = Lower(text);
  CaseBuilder next = CaseBuilder::From(current(), state_->law->vocabulary());
  InterviewStep step = StepAbout(fact.name, q.member);
  step.answer = std::string(text);
  if (!q.member.empty()) {
    // An act reported as uncertain: yes makes it certain, no removes it.
    const auto yes = YesNo(answer);
    if (!yes) return Refused("'" + std::string(text) + "' is not yes or no", "answer yes or no (ja/nee, oui/non)");
    if (*yes) {
      next.ConfirmActs(q.member);
    } else {
      next.DropActs(q.member);
    }
    return state_->Step(next, state_->now().skipped, step);
  }
  switch (fact.type) {
    case FactType::kBool: {
      const auto yes = YesNo(answer);
      if (!yes) return Refused("'" + std::string(text) + "' is not yes or no", "answer yes or no (ja/nee, oui/non)");
      next.SetBool(fact.name, *yes);
      break;
    }
    case FactType::kInt: {
      const int slot = *state_->law->vocabulary().SlotOf(fact.name);
      const auto named = internal::NamedRanges(state_->law->vocabulary(), slot);
      auto read = ReadIntAnswer(answer);
      if (read && read->about) {
        if (fact.min) read->low = std::max(read->low, *fact.min);
        if (fact.max) read->high = std::min(read->high, *fact.max);
      }
      const bool named_word = read && std::any_of(named.begin(), named.end(), [&](const internal::NamedRange& r) {
                                return r.word == read->word;
                              });
      const bool in_bounds = read && read->word.empty() && (!fact.min || read->low >= *fact.min) &&
                             (!fact.max || read->high <= *fact.max) && read->low <= read->high;
      if (!named_word && !in_bounds) {
        const bool nl = language == Language::kNl, fr = language == Language::kFr;
        // A number read but outside the fact's bounds is out of range, as in a case file.
        Diagnostic refused = Refused((nl   ? "'" + std::string(text) + "' is hier geen antwoord"
                        : fr ? "« " + std::string(text) + " » n'est pas une réponse possible ici"
                             : "'" + std::string(text) + "' is not an answer here"),
                       (nl ? "antwoord met " : fr ? "répondez par " : "answer with ") + IntForms(fact, named, language));
        if (read && read->word.empty()) refused.code = "E0107";
        return refused;
      }
      if (named_word) {
        next.SetNamedRange(fact.name, read->word);
      } else {
        next.SetRange(fact.name, read->low, read->high);
      }
      break;
    }
    case FactType::kDate:
      // A day written day first (06-10-2025) is that day; anything else is checked as a
      // case file's value.
      if (auto day = ParseDateAnswer(answer, Date::Today()); day && day->period.exact() && !day->period.range) {
        next.SetDay(fact.name, day->period.earliest);
      } else {
        next.SetWritten(fact.name, answer);
      }
      break;
    case FactType::kEnum: {
      const auto chosen = Value(fact, answer);
      if (!chosen) return Refused("'" + std::string(text) + "' is not one of the values", "answer with a number or a name: " + AnswerHint(Language::kEn));
      next.SetValue(fact.name, *chosen);
      break;
    }
    case FactType::kSet: {
      std::vector<ListItem> items;
      if (answer != "-") {
        std::string refused;
        auto values = ListAnswer(fact, answer, refused);
        if (!values) {
          return Refused("'" + refused + "' is not one of the values",
                         fact.name == kActsFact
                             ? "answer with numbers or names separated by commas, each followed by its date "
                               "(YYYY-MM-DD) when it is not the date of the facts and by ? when it is not "
                               "established, or - for none"
                             : "answer with numbers or names separated by commas, or - for none");
        }
        items = std::move(*values);
      }
      if (fact.name == kActsFact) {
        std::vector<ActAnswer> acts;
        for (auto& item : items) acts.push_back(ActAnswer{std::move(item.value), item.date, item.certain});
        return state_->Acts(acts, step);
      }
      std::vector<std::string> chosen;
      for (auto& item : items) chosen.push_back(std::move(item.value));
      next.SetValues(fact.name, chosen);
      break;
    }
  }
  return state_->Step(next, state_->now().skipped, step);
}

Status Interview::AnswerActs(const std::vector<ActAnswer>& acts) {
  const std::optional<Question>& q = question();
  if (!q || q->fact->name != kActsFact || !q->member.empty()) {
    return Refused(std::string(q ? "the question is '" + q->fact->name + (q->member.empty() ? "" : ":" + q->member) + "'"
                                 : "no question is open") +
                       ", not what was done",
                   "answer the acts only when they are asked");
  }
  InterviewStep step = StepAbout(q->fact->name);
  step.acts = acts;
  return state_->Acts(acts, std::move(step));
}

Status Interview::AskNow(std::string_view name) {
  const Vocabulary& vocabulary = state_->law->vocabulary();
  const auto slot = vocabulary.SlotOf(name);
  if (!slot) {
    Diagnostic unknown{"E0102", {}, "unknown fact '" + std::string(name) + "'", {}, "", 1};
    if (auto hint = internal::DidYouMean(name, vocabulary.Names()); !hint.empty()) unknown.help.push_back(hint);
    return unknown;
  }
  Snapshot asked = state_->now();
  // Its rank, when the interview would ask it too: how many findings it decides.
  auto ranked = NextQuestions(*state_->law, asked.c, state_->options);
  if (!ranked.ok()) return ranked.errors();
  asked.question = Question{&vocabulary.fact(*slot), "", {}, 0};
  for (auto& q : ranked.value()) {
    if (q.fact->name == name && q.member.empty()) asked.question = std::move(q);
  }
  state_->history.push_back(std::move(asked));
  InterviewStep step = StepAbout(std::string(name));
  step.ask = true;
  state_->steps.push_back(std::move(step));
  return Status::Ok();
}

Status Interview::DontKnow() {
  if (!question()) return Refused("no question is open", "the interview is over");
  const Question q = *question();
  InterviewStep step = StepAbout(q.fact->name, q.member);
  step.dont_know = true;
  std::set<std::string> skipped = state_->now().skipped;
  CaseBuilder next = CaseBuilder::From(current(), state_->law->vocabulary());
  if (!q.member.empty()) {
    // An uncertain act stays uncertain; only this interview stops asking about it.
    skipped.insert(q.fact->name + ":" + q.member);
  } else {
    next.SetUnknown(q.fact->name);
  }
  return state_->Step(next, std::move(skipped), step);
}

Status Interview::NotSaid() {
  if (!question()) return Refused("no question is open", "the interview is over");
  const Question q = *question();
  InterviewStep step = StepAbout(q.fact->name, q.member);
  step.not_said = true;
  std::set<std::string> skipped = state_->now().skipped;
  CaseBuilder next = CaseBuilder::From(current(), state_->law->vocabulary());
  if (!q.member.empty()) {
    // Whether an uncertain act took place: it stays uncertain, as with "don't know".
    skipped.insert(q.fact->name + ":" + q.member);
  } else {
    next.SetNotSaid(q.fact->name);
  }
  return state_->Step(next, std::move(skipped), step);
}

bool Interview::Back() {
  if (state_->steps.empty()) return false;
  state_->history.pop_back();
  state_->steps.pop_back();
  return true;
}

Status Interview::Take(const InterviewStep& step) {
  if (step.ask) return AskNow(step.fact);
  const std::optional<Question>& q = question();
  if (!q || q->fact->name != step.fact || q->member != step.member) {
    const std::string asked = !q ? "no question is open" : "the question is '" + q->fact->name + (q->member.empty() ? "" : ":" + q->member) + "'";
    return Refused("this step answers '" + step.fact + (step.member.empty() ? "" : ":" + step.member) + "', but " + asked,
                   "send the steps as the interview returned them");
  }
  if (step.dont_know) return DontKnow();
  if (step.not_said) return NotSaid();
  return step.acts ? AnswerActs(*step.acts) : Answer(step.answer);
}

}  // namespace ibsa
