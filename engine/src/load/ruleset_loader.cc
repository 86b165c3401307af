#include <algorithm>
#include <set>

#include "base/access.h"
#include "load/citations.h"
#include "load/law_data.h"
#include "load/rule_ids_in_texts.h"
#include "load/vocabulary_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa::internal {
namespace {

const std::vector<std::string> kKinds = {"offence", "obligation", "remedy",     "referral",
                                         "gap",     "definition", "state_duty"};
const std::vector<std::string> kStatuses = {"in_force", "proposed", "repealed"};

RuleKind KindFromName(const std::string& s) {
  if (s == "obligation") return RuleKind::kObligation;
  if (s == "remedy") return RuleKind::kRemedy;
  if (s == "referral") return RuleKind::kReferral;
  if (s == "gap") return RuleKind::kGap;
  if (s == "definition") return RuleKind::kDefinition;
  if (s == "state_duty") return RuleKind::kStateDuty;
  return RuleKind::kOffence;
}

VersionStatus StatusFromName(const std::string& s) {
  if (s == "proposed") return VersionStatus::kProposed;
  if (s == "repealed") return VersionStatus::kRepealed;
  return VersionStatus::kInForce;
}

class RulesetParser {
 public:
  RulesetParser(YamlReader& reader, LawData& law, std::vector<IdTokenAt>& id_tokens)
      : reader_(reader), law_(law), vocabulary_(DataOf(law.vocabulary)), id_tokens_(id_tokens),
        id_prefixes_(IdPrefixes(law)) {}

  void Parse(const YAML::Node& root) {
    if (!reader_.CheckMap(root, "ruleset",
                          {"format", "id", "jurisdiction", "instrument", "abbreviation", "title",
                           "in_force_from", "in_force_until", "status", "note", "gap_before", "sources",
                           "penalty_levels", "rules"},
                          {"format", "id", "jurisdiction", "instrument", "title", "in_force_from",
                           "status", "sources", "rules"})) {
      return;
    }
    RulesetVersion version;
    version.file = reader_.file();
    if (root["format"].IsDefined()) reader_.ReadChoice(root["format"], "format", {"ibsa.ruleset/1"});
    if (auto id = Str(root, "id")) version.id = *id;
    // One of the vocabulary's jurisdictions, or one that no case is in (EU), whose law
    // applies alongside each of them (Law::AppliesIn): a misspelt code must not become law
    // that applies everywhere.
    std::vector<std::string> jurisdictions = vocabulary_.jurisdictions;
    jurisdictions.insert(jurisdictions.end(), vocabulary_.applies_alongside.begin(),
                         vocabulary_.applies_alongside.end());
    if (root["jurisdiction"].IsDefined()) {
      if (auto j = reader_.ReadChoice(root["jurisdiction"], "jurisdiction", jurisdictions)) {
        version.jurisdiction = *j;
      }
    }
    if (auto instrument = Str(root, "instrument")) version.instrument = *instrument;
    if (root["abbreviation"].IsDefined()) {
      if (auto t = reader_.ReadLocalized(root["abbreviation"], "abbreviation")) version.abbreviation = *t;
    }
    if (root["title"].IsDefined()) {
      if (auto t = Text(root["title"], "title")) version.title = *t;
    }
    if (root["note"].IsDefined()) {
      if (auto t = Text(root["note"], "note")) version.note = *t;
    }
    if (root["in_force_from"].IsDefined()) {
      if (auto d = reader_.ReadDate(root["in_force_from"], "in_force_from")) {
        version.in_force_from = *d;
      }
    }
    const YAML::Node until = root["in_force_until"];
    if (until.IsDefined() && !until.IsNull() && !(until.IsScalar() && until.Scalar() == "open")) {
      version.in_force_until = reader_.ReadDate(until, "in_force_until");
      if (version.in_force_until && *version.in_force_until < version.in_force_from) {
        reader_.Error("E0205", until, "'in_force_until' is before 'in_force_from'");
      }
    }
    if (root["status"].IsDefined()) {
      if (auto s = reader_.ReadChoice(root["status"], "status", kStatuses)) {
        version.status = StatusFromName(*s);
        if (version.status == VersionStatus::kRepealed && !version.in_force_until) {
          reader_.Error("E0205", root["status"], "a repealed version needs 'in_force_until'");
        }
      }
    }
    if (auto gap = Str(root, "gap_before")) version.gap_before = *gap;
    if (root["sources"].IsDefined()) version.sources = Sources(root["sources"], "ruleset");
    // Read before the rules: a penalty written as a level takes its ranges from here.
    if (root["penalty_levels"].IsDefined()) {
      version.penalty_levels = ParsePenaltyLevels(root["penalty_levels"]);
    }
    levels_ = version.penalty_levels ? &*version.penalty_levels : nullptr;
    const int version_index = static_cast<int>(law_.versions.size());
    law_.first_rule.push_back(static_cast<int32_t>(law_.rules.size()));
    const YAML::Node rules = root["rules"];
    if (rules.IsDefined()) {
      if (!rules.IsSequence()) {
        reader_.Error("E0104", rules, "'rules' must be a list of rules");
      } else {
        std::set<std::string> ids;
        for (const auto& node : rules) {
          current_rule_ = static_cast<int>(version.rules.size());
          auto rule = ParseRule(node, version_index);
          if (!rule) continue;
          if (!ids.insert(rule->id).second) {
            reader_.Error("E0109", node["id"], "rule '" + rule->id + "' is defined twice in this file");
            law_.rules.pop_back();
            continue;
          }
          version.rules.push_back(std::move(*rule));
          law_.rules.back().rule = static_cast<int>(version.rules.size() - 1);
        }
      }
    }
    law_.versions.push_back(std::move(version));
    ResolveRuleReferences(version_index);
  }

 private:
  std::optional<std::string> Str(const YAML::Node& map, const std::string& key) {
    if (!map[key].IsDefined()) return std::nullopt;
    return reader_.ReadString(map[key], key);
  }

  // A text people read: where a token in it stands that may be a rule's id is kept, for
  // CiteRuleIds once every file is read.
  std::optional<LocalizedText> Text(const YAML::Node& node, std::string_view key) {
    auto text = reader_.ReadLocalized(node, key);
    if (text) LocateIdTokens(reader_, node, id_prefixes_, id_tokens_);
    return text;
  }

  std::vector<Source> Sources(const YAML::Node& node, const std::string& owner) {
    return ReadSources(reader_, node, owner);
  }

  void ReadCertainty(const YAML::Node& map, const std::string& owner, Certainty& certainty,
                     LocalizedText& reason, bool required) {
    if (!map["certainty"].IsDefined()) {
      if (required) reader_.Error("E0106", map, "missing key 'certainty' in " + owner,
                                  {"one of " + JoinQuoted(kCertaintyNames)});
      return;
    }
    if (auto c = internal::ReadCertainty(reader_, map["certainty"])) certainty = *c;
    // Users read the reason in their own language, like a title.
    if (map["certainty_reason"].IsDefined()) {
      if (auto t = Text(map["certainty_reason"], "certainty_reason")) reason = *t;
    }
    if (certainty != Certainty::kSettled && reason.empty()) {
      reader_.Error("E0205", map["certainty"],
                    owner + " is not settled but gives no 'certainty_reason'",
                    {"say why the law is unsettled or unverified: the output shows it"});
    }
  }

  std::optional<Range> ReadRange(const YAML::Node& node, const std::string& key) {
    if (!reader_.CheckMap(node, "'" + key + "'", {"min", "above", "max"}, {})) return std::nullopt;
    Range range;
    if (node["min"].IsDefined()) range.min = reader_.ReadInt(node["min"], key + ".min");
    if (node["above"].IsDefined()) {
      if (range.min) {
        reader_.Error("E0205", node["above"], "'" + key + "' gives both 'min' and 'above'",
                      {"'min' is the least value included, 'above' the value just below the range"});
      }
      range.min = reader_.ReadInt(node["above"], key + ".above");
      range.min_exclusive = true;
    }
    if (node["max"].IsDefined()) range.max = reader_.ReadInt(node["max"], key + ".max");
    if (range.min && range.max && *range.min > *range.max) {
      reader_.Error("E0205", node, "'" + key + "': min is above max");
    }
    return range;
  }

  std::optional<Penalty> ParsePenalty(const YAML::Node& node, const std::string& owner) {
    if (!reader_.CheckMap(node, "penalty of " + owner,
                          {"prison_months", "fine_eur", "accessory_fine_eur", "fine_multiplier",
                           "fine_category", "level", "combination", "note", "certainty",
                           "certainty_reason"},
                          {})) {
      return std::nullopt;
    }
    Penalty penalty;
    if (node["prison_months"].IsDefined()) {
      penalty.prison_months = ReadRange(node["prison_months"], "prison_months");
    }
    if (node["fine_eur"].IsDefined()) penalty.fine_eur = ReadRange(node["fine_eur"], "fine_eur");
    if (node["fine_multiplier"].IsDefined()) {
      if (auto n = reader_.ReadInt(node["fine_multiplier"], "fine_multiplier")) {
        penalty.fine_multiplier = static_cast<int>(*n);
      }
    }
    if (node["fine_category"].IsDefined()) {
      if (auto n = reader_.ReadInt(node["fine_category"], "fine_category")) {
        penalty.fine_category = static_cast<int>(*n);
      }
    }
    if (node["accessory_fine_eur"].IsDefined()) {
      penalty.accessory_fine_eur = ReadRange(node["accessory_fine_eur"], "accessory_fine_eur");
    }
    if (node["level"].IsDefined()) {
      if (auto n = reader_.ReadInt(node["level"], "level")) {
        penalty.level = static_cast<int>(*n);
        ApplyLevel(node["level"], penalty);
      }
    }
    if (node["combination"].IsDefined()) {
      if (auto c = reader_.ReadChoice(node["combination"], "combination", {"and", "or", "and_or"})) {
        penalty.combination = *c;
      }
    }
    if (node["note"].IsDefined()) {
      if (auto t = Text(node["note"], "note")) penalty.note = *t;
    }
    ReadCertainty(node, "penalty of " + owner, penalty.certainty, penalty.certainty_reason,
                  /*required=*/false);
    if (penalty.Unknown() && penalty.certainty == Certainty::kSettled) {
      reader_.Error("E0205", node, "penalty of " + owner + " encodes no prison term, fine or level",
                    {"when the penalty could not be verified, say so: certainty: unverified "
                     "with a certainty_reason"});
    }
    return penalty;
  }

  // The level table of a code that states penalties as levels (Belgian Book I arts
  // 36 and 52): declared once per version, so that a level means one thing.
  std::optional<PenaltyLevels> ParsePenaltyLevels(const YAML::Node& node) {
    if (!reader_.CheckMap(node, "'penalty_levels'", {"note", "minor_perpetrator", "sources", "levels"},
                          {"sources", "levels"})) {
      return std::nullopt;
    }
    PenaltyLevels table;
    if (node["note"].IsDefined()) {
      if (auto t = Text(node["note"], "note")) table.note = *t;
    }
    if (node["minor_perpetrator"].IsDefined()) {
      if (auto t = Text(node["minor_perpetrator"], "minor_perpetrator")) {
        table.minor_perpetrator = *t;
      }
    }
    table.sources = Sources(node["sources"], "penalty_levels");
    const YAML::Node levels = node["levels"];
    if (!levels.IsSequence() || levels.size() == 0) {
      reader_.Error("E0104", levels, "'levels' must be a non-empty list",
                    {"each level: {level: 3, prison_months: {above: 36, max: 60}, "
                     "accessory_fine_eur: {min: 200, max: 10000}}"});
      return table;
    }
    for (const auto& item : levels) {
      if (!reader_.CheckMap(item, "penalty level",
                            {"level", "prison_months", "fine_eur", "accessory_fine_eur"}, {"level"})) {
        continue;
      }
      PenaltyLevel level;
      if (auto n = reader_.ReadInt(item["level"], "level")) level.level = static_cast<int>(*n);
      if (table.Find(level.level) != nullptr) {
        reader_.Error("E0109", item["level"], "level " + std::to_string(level.level) + " is defined twice");
      }
      if (item["prison_months"].IsDefined()) level.prison_months = ReadRange(item["prison_months"], "prison_months");
      if (item["fine_eur"].IsDefined()) level.fine_eur = ReadRange(item["fine_eur"], "fine_eur");
      if (item["accessory_fine_eur"].IsDefined()) {
        level.accessory_fine_eur = ReadRange(item["accessory_fine_eur"], "accessory_fine_eur");
      }
      if (!level.prison_months && !level.fine_eur) {
        reader_.Error("E0205", item, "level " + std::to_string(level.level) + " gives neither a prison term nor a fine");
      }
      table.levels.push_back(level);
    }
    return table;
  }

  // A penalty written as a level takes the level's ranges; it may not restate them.
  void ApplyLevel(const YAML::Node& at, Penalty& penalty) {
    const PenaltyLevel* level = levels_ != nullptr ? levels_->Find(*penalty.level) : nullptr;
    if (level == nullptr) {
      std::string allowed;
      if (levels_ != nullptr) {
        for (const auto& l : levels_->levels) allowed += (allowed.empty() ? "" : ", ") + std::to_string(l.level);
      }
      reader_.Error("E0205", at, "level " + std::to_string(*penalty.level) + " is not in this version's 'penalty_levels'",
                    {levels_ == nullptr ? "declare the level table once at the top of the file: penalty_levels: {...}"
                                        : "levels declared: " + allowed});
      return;
    }
    if (penalty.prison_months || penalty.fine_eur || penalty.accessory_fine_eur) {
      reader_.Error("E0205", at, "a penalty given as a level may not also state its ranges",
                    {"the ranges come from 'penalty_levels'"});
      return;
    }
    penalty.prison_months = level->prison_months;
    penalty.fine_eur = level->fine_eur;
    penalty.accessory_fine_eur = level->accessory_fine_eur;
  }

  std::optional<Rule> ParseRule(const YAML::Node& node, int version_index) {
    if (!reader_.CheckMap(node, "rule",
                          {"id", "kind", "article", "title", "note", "acts", "replaces", "elements",
                           "aggravations", "penalty", "certainty", "certainty_reason", "sources"},
                          {"id", "kind", "article", "title", "elements", "certainty", "sources"})) {
      return std::nullopt;
    }
    Rule rule;
    rule.location = reader_.Locate(node);
    if (auto id = Str(node, "id")) rule.id = *id;
    const std::string owner = "rule '" + rule.id + "'";
    if (node["kind"].IsDefined()) {
      if (auto k = reader_.ReadChoice(node["kind"], "kind", kKinds)) rule.kind = KindFromName(*k);
    }
    if (auto a = Str(node, "article")) rule.article = *a;
    if (node["title"].IsDefined()) {
      if (auto t = Text(node["title"], "title")) rule.title = *t;
    }
    if (node["note"].IsDefined()) {
      if (auto t = Text(node["note"], "note")) rule.note = *t;
    }
    if (node["acts"].IsDefined()) {
      const FactDefinition& acts = vocabulary_.facts[vocabulary_.slots.at(std::string(kActsFact))];
      if (node["acts"].IsSequence()) {
        for (const auto& item : node["acts"]) {
          if (auto a = reader_.ReadChoice(item, "acts", acts.values)) rule.acts.push_back(*a);
        }
      } else {
        reader_.Error("E0104", node["acts"], "'acts' must be a list of act types",
                      {"allowed: " + JoinQuoted(acts.values)});
      }
    }
    if (node["replaces"].IsDefined()) {
      if (auto list = reader_.ReadStringList(node["replaces"], "replaces")) rule.replaces = *list;
    }
    ReadCertainty(node, owner, rule.certainty, rule.certainty_reason, /*required=*/true);
    if (node["sources"].IsDefined()) rule.sources = Sources(node["sources"], owner);
    if (node["penalty"].IsDefined()) {
      rule.penalty = ParsePenalty(node["penalty"], owner);
    } else if (rule.kind == RuleKind::kOffence) {
      reader_.Error("E0106", node, owner + " is an offence but has no 'penalty'",
                    {"when the penalty could not be verified: penalty: {certainty: unverified, "
                     "certainty_reason: ...}"});
    }

    CompiledRule compiled;
    compiled.version = version_index;
    const YAML::Node elements = node["elements"];
    if (elements.IsDefined()) {
      if (!elements.IsSequence() || elements.size() == 0) {
        reader_.Error("E0104", elements, "'elements' of " + owner + " must be a non-empty list");
      } else {
        std::set<std::string> ids;
        for (const auto& item : elements) {
          if (!reader_.CheckMap(item, "element", {"id", "label", "when", "sources"},
                                {"id", "label", "when"})) {
            continue;
          }
          Element element;
          element.location = reader_.Locate(item);
          if (auto id = Str(item, "id")) element.id = *id;
          if (!ids.insert(element.id).second) {
            reader_.Error("E0109", item["id"], "element '" + element.id + "' is defined twice in " + owner);
          }
          if (item["label"].IsDefined()) {
            if (auto t = Text(item["label"], "label")) element.label = *t;
          }
          if (item["sources"].IsDefined()) element.sources = Sources(item["sources"], "element");
          compiled.elements.push_back(Condition(item["when"]));
          rule.elements.push_back(std::move(element));
        }
      }
    }
    const YAML::Node aggravations = node["aggravations"];
    if (aggravations.IsDefined()) {
      if (!aggravations.IsSequence()) {
        reader_.Error("E0104", aggravations, "'aggravations' must be a list");
      } else {
        for (const auto& item : aggravations) {
          if (!reader_.CheckMap(item, "aggravation",
                                {"id", "article", "label", "when", "penalty", "certainty",
                                 "certainty_reason", "sources"},
                                {"id", "label", "when", "certainty", "sources"})) {
            continue;
          }
          Aggravation aggravation;
          aggravation.location = reader_.Locate(item);
          if (auto id = Str(item, "id")) aggravation.id = *id;
          if (auto a = Str(item, "article")) aggravation.article = *a;
          if (item["label"].IsDefined()) {
            if (auto t = Text(item["label"], "label")) aggravation.label = *t;
          }
          const std::string what = "aggravation '" + aggravation.id + "'";
          if (item["penalty"].IsDefined()) aggravation.penalty = ParsePenalty(item["penalty"], what);
          ReadCertainty(item, what, aggravation.certainty, aggravation.certainty_reason, true);
          if (item["sources"].IsDefined()) aggravation.sources = Sources(item["sources"], what);
          compiled.aggravations.push_back(Condition(item["when"]));
          rule.aggravations.push_back(std::move(aggravation));
        }
      }
    }
    law_.rules.push_back(std::move(compiled));
    return rule;
  }

  int32_t Condition(const YAML::Node& node) {
    if (!node.IsDefined()) return -1;
    const size_t before = refs_.size();
    int32_t root = ParseCondition(node, vocabulary_.Scope(), reader_, law_.program, &refs_);
    for (size_t i = before; i < refs_.size(); ++i) refs_[i].owner = current_rule_;
    return root;
  }

  void ResolveRuleReferences(int version_index) {
    const RulesetVersion& version = law_.versions[version_index];
    const int32_t first = law_.first_rule[version_index];
    std::vector<std::string> ids;
    for (const auto& rule : version.rules) ids.push_back(rule.id);
    for (const auto& ref : refs_) {
      auto it = std::find(ids.begin(), ids.end(), ref.rule_id);
      if (it == ids.end()) {
        reader_.Error("E0201", ref.yaml, "unknown rule '" + ref.rule_id + "'",
                      {DidYouMean(ref.rule_id, ids),
                       "a rule reference names a rule of the same ruleset file"});
        continue;
      }
      law_.program.nodes[ref.node].rule = first + static_cast<int32_t>(it - ids.begin());
    }
    if (reader_.ok()) CheckCycles(version_index);
  }

  // Rules that depend on themselves through references have no truth value.
  void CheckCycles(int version_index) {
    const RulesetVersion& version = law_.versions[version_index];
    const int32_t first = law_.first_rule[version_index];
    const size_t n = version.rules.size();
    std::vector<std::vector<int>> edges(n);
    std::vector<std::vector<const PendingRuleRef*>> edge_refs(n);
    for (const auto& ref : refs_) {
      const int from = ref.owner;
      const int to = law_.program.nodes[ref.node].rule - first;
      if (from < 0 || from >= static_cast<int>(n) || to < 0) continue;
      edges[from].push_back(to);
      edge_refs[from].push_back(&ref);
    }
    // Depth-first, with a stack of its own: a file may chain thousands of rules, one
    // naming the next, and that must not be thousands of nested calls.
    std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
    // How many rules deep each rule's references reach (0: it names none). Judging
    // recurses once per level, so the depth is bounded as nesting is (E0005).
    std::vector<int> depth(n, 0);
    std::vector<std::pair<int, size_t>> stack;  // a rule and the next of its edges to follow
    for (size_t start = 0; start < n; ++start) {
      if (state[start] != 0) continue;
      state[start] = 1;
      stack.emplace_back(static_cast<int>(start), 0);
      while (!stack.empty()) {
        const int r = stack.back().first;
        const size_t i = stack.back().second++;
        if (i == edges[r].size()) {
          state[r] = 2;
          stack.pop_back();
          if (!CheckDepth(version, edges[r], edge_refs[r], depth, r)) return;
          continue;
        }
        const int next = edges[r][i];
        if (state[next] == 1) {
          reader_.Error("E0202", edge_refs[r][i]->yaml,
                        "rule '" + version.rules[r].id + "' refers back to itself through rule '" +
                            version.rules[next].id + "'",
                        {"rule references must not form a cycle"});
          return;
        }
        if (state[next] == 0) {
          state[next] = 1;
          stack.emplace_back(next, 0);
        }
      }
    }
  }

  // Sets depth[r] from its references' depths (all done); E0207 when it is over the bound.
  bool CheckDepth(const RulesetVersion& version, const std::vector<int>& edges,
                  const std::vector<const PendingRuleRef*>& refs, std::vector<int>& depth, int r) {
    for (size_t e = 0; e < edges.size(); ++e) {
      if (depth[edges[e]] + 1 <= depth[r]) continue;
      depth[r] = depth[edges[e]] + 1;
      if (depth[r] > kMaxReferenceDepth) {
        reader_.Error("E0207", refs[e]->yaml,
                      "rule '" + version.rules[r].id + "' reaches more than " +
                          std::to_string(kMaxReferenceDepth) +
                          " rules deep through rule references (a rule naming a rule naming a rule ...)",
                      {"no law needs chains that long: name the facts, or shorten the chain"});
        return false;
      }
    }
    return true;
  }

  static constexpr int kMaxReferenceDepth = 64;

  YamlReader& reader_;
  LawData& law_;
  const VocabularyData& vocabulary_;
  std::vector<IdTokenAt>& id_tokens_;
  const std::vector<std::string> id_prefixes_;
  std::vector<PendingRuleRef> refs_;
  int current_rule_ = -1;
  // The level table of the version being read, while its rules are read.
  const PenaltyLevels* levels_ = nullptr;
};

}  // namespace

void ParseRulesetFile(const std::string& text, const std::string& file, LawData& law,
                      std::vector<Diagnostic>& diagnostics, std::vector<IdTokenAt>& id_tokens) {
  YamlReader reader(text, file);
  auto root = reader.Parse(kRulesetLimits);
  if (root) {
    RulesetParser parser(reader, law, id_tokens);
    try {
      parser.Parse(*root);
    } catch (const YAML::Exception& e) {
      reader.Error("E0003", SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                   "could not read this part of the ruleset: " + e.msg);
    }
  }
  for (auto& d : reader.TakeDiagnostics()) diagnostics.push_back(std::move(d));
}

}  // namespace ibsa::internal
