#include "ibsa/interview.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "ibsa/render.h"

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

// The items of a list answer: split at commas; an item that is no value is split at
// spaces too ("1 3", "share publish"), so that labels of several words still match.
std::optional<std::vector<std::string>> ListAnswer(const FactDefinition& fact, const std::string& answer,
                                                   std::string& refused) {
  std::vector<std::string> chosen;
  size_t start = 0;
  while (start <= answer.size()) {
    size_t comma = answer.find(',', start);
    if (comma == std::string::npos) comma = answer.size();
    const std::string item = Lower(answer.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    if (auto value = Value(fact, item)) {
      chosen.push_back(*value);
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
      chosen.push_back(*value);
    }
  }
  return chosen;
}

Diagnostic Refused(const std::string& message, const std::string& help) {
  return Diagnostic{"E0103", {}, message, {help}, "", 1};
}

// The YAML node of `fact` in a case document: `victim: {age: ...}` for victim.age.
YAML::Node FactNode(YAML::Node& document, const std::string& name) {
  const auto dot = name.find('.');
  if (dot == std::string::npos) return document[name];
  YAML::Node group = document[name.substr(0, dot)];
  return group[name.substr(dot + 1)];
}

}  // namespace

struct Interview::State {
  const Law* law = nullptr;
  EvaluationOptions options;
  std::vector<YAML::Node> history;  // case documents, the current one last
  std::optional<Case> current;
  std::optional<Evaluation> findings;
  std::optional<Question> question;
  // "fact:member" of an uncertain act answered "don't know" in this session. Any other
  // fact answered "don't know" is written as unknown, and NextQuestions does not ask it again.
  std::set<std::string> skipped;

  // Reads the current document as a case, then finds the findings and the next question.
  Status Refresh() {
    YAML::Emitter out;
    out << history.back();
    auto parsed = Case::Parse(out.c_str(), "interview", law->vocabulary());
    if (!parsed.ok()) return parsed.errors();
    current = std::move(parsed).value();
    auto evaluated = Evaluate(*law, *current, options);
    if (!evaluated.ok()) return evaluated.errors();
    findings = std::move(evaluated).value();
    auto ranked = NextQuestions(*law, *current, options);
    if (!ranked.ok()) return ranked.errors();
    question.reset();
    for (auto& q : ranked.value()) {
      const std::string key = q.fact->name + (q.member.empty() ? "" : ":" + q.member);
      if (skipped.count(key) == 0) {
        question = std::move(q);
        break;
      }
    }
    return Status::Ok();
  }

  // Applies a change to a copy of the current document; keeps it only if it reads back.
  template <typename Change>
  Status Apply(Change change) {
    history.push_back(YAML::Clone(history.back()));
    change(history.back());
    auto refreshed = Refresh();
    if (!refreshed.ok()) {
      history.pop_back();
      (void)Refresh();
    }
    return refreshed;
  }
};

Interview::Interview(std::unique_ptr<State> state) : state_(std::move(state)) {}
Interview::Interview(Interview&&) noexcept = default;
Interview& Interview::operator=(Interview&&) noexcept = default;
Interview::~Interview() = default;

Result<Interview> Interview::Start(const Law& law, const Case& start, EvaluationOptions options) {
  auto state = std::make_unique<State>();
  state->law = &law;
  state->options = std::move(options);
  state->history.push_back(YAML::Load(CaseToYaml(start, law.vocabulary())));
  if (auto refreshed = state->Refresh(); !refreshed.ok()) return refreshed.errors();
  return Interview(std::move(state));
}

const Case& Interview::current() const { return *state_->current; }
const Evaluation& Interview::findings() const { return *state_->findings; }
const std::optional<Question>& Interview::question() const { return state_->question; }

std::string Interview::AnswerHint(Language language) const {
  if (!state_->question) return "";
  const Question& q = *state_->question;
  const char* yes_no = language == Language::kNl ? "ja / nee" : language == Language::kFr ? "oui / non" : "yes / no";
  if (!q.member.empty() || q.fact->type == FactType::kBool) return yes_no;
  switch (q.fact->type) {
    case FactType::kInt:
      return language == Language::kNl ? "een getal" : language == Language::kFr ? "un nombre" : "a number";
    case FactType::kDate: return "YYYY-MM-DD";
    case FactType::kEnum:
    case FactType::kSet: {
      std::string hint;
      for (size_t i = 0; i < q.fact->values.size(); ++i) {
        hint += (i == 0 ? "" : "  ") + std::to_string(i + 1) + ": " + q.fact->ValueLabel(static_cast<int>(i), language);
      }
      if (q.fact->type == FactType::kSet) {
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

Status Interview::Answer(std::string_view text) {
  if (!state_->question) return Refused("no question is open", "the interview is over");
  const Question q = *state_->question;
  const FactDefinition& fact = *q.fact;
  const std::string answer = Lower(text);
  if (!q.member.empty()) {
    // An act reported as uncertain: yes makes it certain, no removes it.
    const auto yes = YesNo(answer);
    if (!yes) return Refused("'" + std::string(text) + "' is not yes or no", "answer yes or no (ja/nee, oui/non)");
    return state_->Apply([&](YAML::Node& document) {
      YAML::Node list = FactNode(document, fact.name);
      YAML::Node kept(YAML::NodeType::Sequence);
      for (const auto& item : list) {
        const bool this_one = item.IsMap() ? item["type"].Scalar() == q.member : item.Scalar() == q.member;
        if (!this_one) {
          kept.push_back(item);
        } else if (*yes) {
          YAML::Node certain = YAML::Clone(item);
          if (certain.IsMap()) certain.remove("certain");
          kept.push_back(certain);
        }
      }
      FactNode(document, fact.name) = kept;
    });
  }
  YAML::Node value;
  switch (fact.type) {
    case FactType::kBool: {
      const auto yes = YesNo(answer);
      if (!yes) return Refused("'" + std::string(text) + "' is not yes or no", "answer yes or no (ja/nee, oui/non)");
      value = *yes;
      break;
    }
    case FactType::kInt:
    case FactType::kDate:
      value = answer;  // checked by the case reader, with the fact's range
      break;
    case FactType::kEnum: {
      const auto chosen = Value(fact, answer);
      if (!chosen) return Refused("'" + std::string(text) + "' is not one of the values", "answer with a number or a name: " + AnswerHint(Language::kEn));
      value = *chosen;
      break;
    }
    case FactType::kSet: {
      value = YAML::Node(YAML::NodeType::Sequence);
      if (answer != "-") {
        std::string refused;
        auto chosen = ListAnswer(fact, answer, refused);
        if (!chosen) {
          return Refused("'" + refused + "' is not one of the values",
                         "answer with numbers or names separated by commas, or - for none");
        }
        for (const auto& v : *chosen) value.push_back(v);
      }
      break;
    }
  }
  return state_->Apply([&](YAML::Node& document) { FactNode(document, fact.name) = value; });
}

Status Interview::DontKnow() {
  if (!state_->question) return Refused("no question is open", "the interview is over");
  const Question q = *state_->question;
  if (!q.member.empty()) {
    // An uncertain act stays uncertain; only this session stops asking about it.
    state_->skipped.insert(q.fact->name + ":" + q.member);
    return state_->Refresh();
  }
  return state_->Apply([&](YAML::Node& document) { FactNode(document, q.fact->name) = "unknown"; });
}

bool Interview::Back() {
  if (state_->history.size() < 2) return false;
  state_->history.pop_back();
  state_->skipped.clear();
  (void)state_->Refresh();
  return true;
}

}  // namespace ibsa
