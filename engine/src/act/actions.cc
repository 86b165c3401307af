// The action plan: rulesets/actions.yaml read and checked, and the plan of one evaluation.
#include "ibsa/actions.h"

#include <algorithm>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "act/actions_data.h"
#include "base/access.h"
#include "base/file_io.h"
#include "load/citations.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace internal {

namespace {

constexpr InputLimits kActionsLimits{"actions file", std::size_t{1} << 20, kMaxNestingDepth, kMaxAliasNodes};

std::optional<DeadlineRule> ReadDeadline(YamlReader& reader, const YAML::Node& node, const Vocabulary& vocabulary) {
  if (!reader.CheckMap(node, "deadline", {"months", "from", "period", "sources", "certainty", "certainty_reason"},
                       {"period", "sources"})) {
    return std::nullopt;
  }
  DeadlineRule deadline;
  if (auto period = reader.ReadLocalized(node["period"], "period")) deadline.period = *period;
  deadline.sources = ReadSources(reader, node["sources"], "a deadline");
  if (node["months"].IsDefined() != node["from"].IsDefined()) {
    reader.Error("E0205", node, "a deadline has both 'months' and 'from', or neither",
                 {"a period counted from a date fact names both; a period said only in words names neither"});
  }
  if (node["months"].IsDefined()) {
    if (auto months = reader.ReadInt(node["months"], "months")) {
      if (*months < 1 || *months > 1200) {
        reader.Error("E0205", node["months"], "'months' must be between 1 and 1200");
      } else {
        deadline.months = static_cast<int>(*months);
      }
    }
  }
  if (node["from"].IsDefined()) {
    if (auto from = reader.ReadString(node["from"], "from")) {
      auto slot = vocabulary.SlotOf(*from);
      if (!slot || vocabulary.fact(*slot).type != FactType::kDate) {
        reader.Error("E0205", node["from"], "'" + *from + "' is not a date fact of the vocabulary",
                     {"a deadline counts from a fact of type date in rulesets/facts.yaml"});
      } else {
        deadline.from = *from;
      }
    }
  }
  if (node["certainty"].IsDefined()) {
    if (auto c = ReadCertainty(reader, node["certainty"])) deadline.certainty = *c;
  }
  if (node["certainty_reason"].IsDefined()) {
    if (auto reason = reader.ReadLocalized(node["certainty_reason"], "certainty_reason")) deadline.certainty_reason = *reason;
  }
  if (deadline.certainty != Certainty::kSettled && deadline.certainty_reason.empty()) {
    reader.Error("E0205", node, "a deadline that is not settled gives no 'certainty_reason'");
  }
  return deadline;
}

// `close_to_limitation`: {within_months, class, by, period, sources: {BE: [...], NL: [...]}}.
std::optional<CloseToLimitation> ReadCloseToLimitation(YamlReader& reader, const YAML::Node& node,
                                                       const std::vector<std::string>& class_ids,
                                                       const std::vector<std::string>& actors, const Vocabulary& vocabulary) {
  if (!reader.CheckMap(node, "close_to_limitation", {"within_months", "class", "by", "period", "sources"},
                       {"within_months", "class", "by", "period", "sources"})) {
    return std::nullopt;
  }
  CloseToLimitation close;
  if (auto months = reader.ReadInt(node["within_months"], "within_months")) {
    if (*months < 1 || *months > 120) {
      reader.Error("E0205", node["within_months"], "'within_months' must be between 1 and 120");
    } else {
      close.within_months = static_cast<int>(*months);
    }
  }
  ActionDeclaration d;
  d.location = reader.Locate(node);
  if (auto c = reader.ReadChoice(node["class"], "class", class_ids)) {
    d.action_class = static_cast<int>(std::find(class_ids.begin(), class_ids.end(), *c) - class_ids.begin());
  }
  if (auto by = reader.ReadChoice(node["by"], "by", actors)) {
    d.by = static_cast<Actor>(std::find(actors.begin(), actors.end(), *by) - actors.begin());
  }
  DeadlineRule deadline;
  if (auto period = reader.ReadLocalized(node["period"], "period")) deadline.period = *period;
  const YAML::Node sources = node["sources"];
  if (!sources.IsMap() || sources.size() == 0) {
    reader.Error("E0205", sources, "'sources' must name, for each jurisdiction, the provisions of its limitation periods",
                 {"sources: {BE: [{title: ..., url: ...}], NL: [...]}"});
    return close;
  }
  const auto& known = vocabulary.jurisdictions();
  for (const auto& entry : sources) {
    const std::string jurisdiction = entry.first.as<std::string>();
    if (std::find(known.begin(), known.end(), jurisdiction) == known.end()) {
      reader.Error("E0205", entry.first, "'" + jurisdiction + "' is not a jurisdiction of the vocabulary",
                   {"one of " + JoinQuoted(known)});
      continue;
    }
    ActionDeclaration of = d;
    of.deadline = deadline;
    of.deadline->sources = ReadSources(reader, entry.second, "close_to_limitation of " + jurisdiction);
    close.by_jurisdiction.emplace_back(jurisdiction, std::move(of));
  }
  return close;
}

}  // namespace
}  // namespace internal

std::string_view ActorName(Actor actor) {
  switch (actor) {
    case Actor::kVictim: return "victim";
    case Actor::kParent: return "parent";
    case Actor::kPolice: return "police";
    case Actor::kLawyer: return "lawyer";
    case Actor::kSupportService: return "support_service";
  }
  return "";
}

std::vector<Action> ForReader(std::vector<Action> actions, Actor reader) {
  std::erase_if(actions, [reader](const Action& a) { return a.declaration->to == reader; });
  return actions;
}

std::set<std::string> RulesTurningTo(const Actions& actions, Actor reader) {
  std::set<std::string> rules;
  for (const auto& d : actions.declarations()) {
    if (d.to == reader) rules.insert(d.rule);
  }
  return rules;
}

const std::vector<std::string>& ReaderNames() {
  static const std::vector<std::string> names = {"police", "lawyer", "support"};
  return names;
}

std::optional<Actor> ReaderNamed(std::string_view name) {
  if (name == "police") return Actor::kPolice;
  if (name == "lawyer") return Actor::kLawyer;
  if (name == "support") return Actor::kSupportService;
  return std::nullopt;
}

std::string ActorLabel(Actor actor, Language language) {
  auto pick = [language](const char* nl, const char* fr, const char* en) {
    switch (language) {
      case Language::kNl: return std::string(nl);
      case Language::kFr: return std::string(fr);
      case Language::kEn: return std::string(en);
    }
    return std::string(en);
  };
  switch (actor) {
    case Actor::kVictim: return pick("het slachtoffer", "la victime", "the victim");
    case Actor::kParent: return pick("een ouder of de wettelijke vertegenwoordiger", "un parent ou le représentant légal",
                                     "a parent or the legal representative");
    case Actor::kPolice: return pick("de politie", "la police", "the police");
    case Actor::kLawyer: return pick("de advocaat", "l'avocat", "the lawyer");
    case Actor::kSupportService: return pick("een hulpdienst", "un service d'aide", "a support service");
  }
  return "";
}

Result<Actions> Actions::Load(const std::string& path, const Law& law) {
  Diagnostic error;
  auto text = internal::ReadFile(path, error);
  if (!text) return error;
  return Parse(*text, path, law);
}

Result<Actions> Actions::Parse(const std::string& text, const std::string& file, const Law& law) {
  internal::YamlReader reader(text, file);
  auto root = reader.Parse(internal::kActionsLimits);
  if (!root) return reader.TakeDiagnostics();
  auto data = std::make_shared<internal::ActionsData>();
  std::vector<std::string> class_ids;
  std::vector<std::string> rule_ids;
  for (const auto& v : law.versions()) {
    for (const auto& r : v.rules) {
      if (std::find(rule_ids.begin(), rule_ids.end(), r.id) == rule_ids.end()) rule_ids.push_back(r.id);
    }
  }
  const std::vector<std::string> actors = {"victim", "parent", "police", "lawyer", "support_service"};
  try {
    if (reader.CheckMap(*root, "actions file", {"format", "classes", "actions", "close_to_limitation"},
                        {"format", "classes", "actions"})) {
      reader.ReadChoice((*root)["format"], "format", {"ibsa.actions/1"});
      const YAML::Node classes = (*root)["classes"];
      if (!classes.IsSequence()) reader.Error("E0104", classes, "'classes' must be a list, most urgent first");
      for (const auto& node : classes.IsSequence() ? classes : YAML::Node()) {
        if (!reader.CheckMap(node, "action class", {"id", "title"}, {"id", "title"})) continue;
        ActionClass c;
        if (auto id = reader.ReadString(node["id"], "id")) c.id = *id;
        if (auto title = reader.ReadLocalized(node["title"], "title")) c.title = *title;
        if (std::find(class_ids.begin(), class_ids.end(), c.id) != class_ids.end()) {
          reader.Error("E0205", node["id"], "action class '" + c.id + "' is declared twice");
        }
        class_ids.push_back(c.id);
        data->classes.push_back(std::move(c));
      }
      const YAML::Node list = (*root)["actions"];
      if (!list.IsSequence()) reader.Error("E0104", list, "'actions' must be a list");
      std::vector<std::string> declared;
      for (const auto& node : list.IsSequence() ? list : YAML::Node()) {
        if (!reader.CheckMap(node, "action", {"rule", "class", "by", "to", "deadline"}, {"rule", "class", "by"})) continue;
        ActionDeclaration d;
        d.location = reader.Locate(node);
        if (auto rule = reader.ReadString(node["rule"], "rule")) {
          if (std::find(rule_ids.begin(), rule_ids.end(), *rule) == rule_ids.end()) {
            reader.Error("E0201", node["rule"], "unknown rule '" + *rule + "'", {internal::DidYouMean(*rule, rule_ids)});
          } else if (std::find(declared.begin(), declared.end(), *rule) != declared.end()) {
            reader.Error("E0205", node["rule"], "rule '" + *rule + "' has two actions", {"declare one action per rule"});
          }
          declared.push_back(*rule);
          d.rule = *rule;
        }
        if (auto c = reader.ReadChoice(node["class"], "class", class_ids)) {
          d.action_class = static_cast<int>(std::find(class_ids.begin(), class_ids.end(), *c) - class_ids.begin());
        }
        if (auto by = reader.ReadChoice(node["by"], "by", actors)) {
          d.by = static_cast<Actor>(std::find(actors.begin(), actors.end(), *by) - actors.begin());
        }
        if (node["to"].IsDefined()) {
          if (auto to = reader.ReadChoice(node["to"], "to", actors)) {
            d.to = static_cast<Actor>(std::find(actors.begin(), actors.end(), *to) - actors.begin());
          }
        }
        if (node["deadline"].IsDefined()) d.deadline = internal::ReadDeadline(reader, node["deadline"], law.vocabulary());
        data->declarations.push_back(std::move(d));
      }
      if ((*root)["close_to_limitation"].IsDefined()) {
        data->close_to_limitation = internal::ReadCloseToLimitation(reader, (*root)["close_to_limitation"], class_ids,
                                                                    actors, law.vocabulary());
      }
    }
  } catch (const YAML::Exception& e) {
    reader.Error("E0003", SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                 "could not read this part of the actions file: " + e.msg);
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  // Stable within a class: the file's order.
  std::stable_sort(data->declarations.begin(), data->declarations.end(),
                   [](const ActionDeclaration& a, const ActionDeclaration& b) { return a.action_class < b.action_class; });
  return Actions(std::move(data));
}

const std::vector<ActionClass>& Actions::classes() const { return data_->classes; }
const std::vector<ActionDeclaration>& Actions::declarations() const { return data_->declarations; }

Date LastDayOfTerm(Date start, int months) {
  // Civil-from-days and back (H. Hinnant's algorithms), to add calendar months.
  const std::string s = start.ToString();
  int y = std::stoi(s.substr(0, 4));
  int m = std::stoi(s.substr(5, 2));
  int d = std::stoi(s.substr(8, 2));
  const int total = (m - 1) + months;
  y += total / 12;
  m = total % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  d = std::min(d, last);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return *Date::Parse(buffer);
}

std::vector<Action> PlanActions(const Actions& actions, const Evaluation& evaluation, const Case& c,
                                const Vocabulary& vocabulary) {
  std::vector<Action> plan;
  for (const auto& declaration : actions.declarations()) {
    Action action;
    action.declaration = &declaration;
    action.action_class = &actions.classes()[static_cast<size_t>(declaration.action_class)];
    bool all_possible = true;
    for (const auto& f : evaluation.findings) {
      if (f.rule->id != declaration.rule) continue;
      action.why.push_back(&f);
      if (f.status == FindingStatus::kApplies) all_possible = false;
    }
    if (action.why.empty()) continue;
    action.conditional = all_possible;
    if (declaration.deadline) {
      Deadline deadline;
      deadline.rule = &*declaration.deadline;
      if (!deadline.rule->from.empty()) {
        auto slot = vocabulary.SlotOf(deadline.rule->from);
        if (slot && static_cast<size_t>(*slot) < c.values().size()) {
          if (auto start = c.values()[static_cast<size_t>(*slot)].date()) {
            deadline.last_day = LastDayOfTerm(*start, deadline.rule->months);
            deadline.passed = evaluation.options.assessed_on && *deadline.last_day < *evaluation.options.assessed_on;
          }
        }
      }
      action.deadline = deadline;
    }
    plan.push_back(std::move(action));
  }
  if (const auto& close = internal::DataOf(actions).close_to_limitation) {
    for (const auto& f : evaluation.findings) {
      // Not yet time-barred on the assessment date, and may be from a day less than
      // `within_months` whole months after it (LimitationOutcome::ends_within_months).
      if (!f.limitation || !f.limitation->ends_within_months || *f.limitation->ends_within_months >= close->within_months) {
        continue;
      }
      const auto of = std::find_if(close->by_jurisdiction.begin(), close->by_jurisdiction.end(),
                                   [&](const auto& entry) { return entry.first == f.version->jurisdiction; });
      if (of == close->by_jurisdiction.end()) continue;
      std::optional<Date> earliest;
      for (const auto& s : f.limitation->scenarios) {
        if (s.barred_from) earliest = earliest ? std::min(*earliest, *s.barred_from) : *s.barred_from;
      }
      if (!earliest) continue;
      Action action;
      action.declaration = &of->second;
      action.action_class = &actions.classes()[static_cast<size_t>(of->second.action_class)];
      action.why.push_back(&f);
      action.conditional = f.status != FindingStatus::kApplies;
      // The day before the earliest day prosecution may be time-barred.
      action.deadline = Deadline{&*of->second.deadline, earliest->AddDays(-1), false};
      plan.push_back(std::move(action));
    }
    // In the order of the classes; within one, the declared actions first, then by finding.
    std::stable_sort(plan.begin(), plan.end(), [](const Action& a, const Action& b) {
      return a.declaration->action_class < b.declaration->action_class;
    });
  }
  return plan;
}

}  // namespace ibsa
