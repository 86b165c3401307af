#include "ibsa/check.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "base/access.h"
#include "check/suite_internal.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"
#include "sweep/harms_data.h"
#include "sweep/sweep.h"

namespace ibsa {
namespace {

using internal::LawData;

int GlobalIndex(const LawData& data, const Rule& rule) {
  for (size_t v = 0; v < data.versions.size(); ++v) {
    const auto& rules = data.versions[v].rules;
    if (!rules.empty() && &rule >= &rules.front() && &rule <= &rules.back()) {
      return data.first_rule[v] + static_cast<int>(&rule - &rules.front());
    }
  }
  return -1;
}

// The dates on which the case's instruments are judged: the case date and each act's.
std::vector<Date> AnchorDates(const Case& c) {
  std::vector<Date> dates = {c.date()};
  for (const auto& act : c.acts()) dates.push_back(act.date);
  return dates;
}

std::string Relative(const std::string& file, const std::string& base) {
  if (base.empty()) return file;
  std::error_code ec;
  auto relative = std::filesystem::relative(file, base, ec);
  if (ec || relative.empty() || relative.string().rfind("..", 0) == 0) return file;
  return relative.generic_string();
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

// The numbers an EU act is cited by ("2016/679", "2011/93"), in the order they occur.
std::vector<std::string> ActNumbers(const std::string& title) {
  static const std::regex kNumber("\\b(19|20)\\d\\d/\\d+\\b");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(title.begin(), title.end(), kNumber); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

// C014: a source's title given per language must cite the same act in each language: every
// act number of the English title appears in the Dutch and French ones given.
void CheckSourceTitles(const std::vector<Source>& sources, const SourceLocation& where, const std::string& owner,
                       std::vector<CheckProblem>& problems) {
  for (const Source& s : sources) {
    if (s.titles.empty()) continue;
    for (const auto& [code, title] : {std::pair{"nl", &s.titles.nl}, std::pair{"fr", &s.titles.fr}}) {
      if (title->empty()) continue;
      for (const std::string& number : ActNumbers(s.title)) {
        if (title->find(number) != std::string::npos) continue;
        problems.push_back({"C014", where,
                            "the " + std::string(code) + " title of a source of " + owner + " ('" + *title +
                                "') does not cite " + number + ", as its English title does ('" + s.title +
                                "'): each language's title names the same act"});
      }
    }
  }
}

}  // namespace

namespace {

// Per global rule, whether it can fire, over the sweep's scenario space of `rules` (the
// facts they read, through the rules they name and the derivations of derived facts): a
// rule can fire exactly when some valid scenario meets it.
std::vector<bool> Firing(const LawData& data, const std::vector<int32_t>& rules) {
  std::vector<internal::Root> roots;
  for (int32_t rule : rules) {
    for (int32_t root : data.rules[rule].elements) roots.push_back({&data.program, root});
  }
  internal::ScenarioSpace space(data, roots,
                                [](const internal::Program* program, int32_t node) { return program->nodes[node].rule; });
  std::vector<bool> fires;
  for (int32_t rule : rules) {
    fires.push_back(space.bdd().And(space.RuleBdd(rule), space.Structural()) != internal::Bdd::kFalse);
  }
  return fires;
}

// A rule (or a harm) against the vocabulary's constraints, over a space that also holds
// every fact their conditions read: C012 when it can fire only outside them, C011 for each
// not-applicable fact it reads where the constraints make it not applicable (the sweep
// fixes such a fact to one value there, which is sound only if nothing tells its values
// apart).
void CheckAgainstConstraints(const LawData& data, std::vector<internal::Root> roots,
                             const internal::RuleResolver& resolve,
                             const std::function<internal::Bdd::Ref(internal::ScenarioSpace&)>& compile,
                             const std::string& name, const SourceLocation& where, std::vector<CheckProblem>& problems) {
  const internal::VocabularyData& vocabulary = internal::DataOf(data.vocabulary);
  for (const auto& c : vocabulary.constraints) {
    roots.push_back({&vocabulary.program, c.when});
    if (c.then >= 0) roots.push_back({&vocabulary.program, c.then});
  }
  internal::ScenarioSpace space(data, roots, resolve);
  internal::Bdd& bdd = space.bdd();
  const internal::Bdd::Ref f = compile(space);
  if (bdd.And(f, space.Structural()) == internal::Bdd::kFalse) return;  // C003 says it
  if (bdd.And(f, space.Valid()) == internal::Bdd::kFalse) {
    problems.push_back({"C012", where, name + " can apply only where the vocabulary's constraints say the facts "
                                              "cannot be (no combination inside them meets it)"});
    return;
  }
  for (const auto& na : space.NotApplicableFacts()) {
    const internal::Bdd::Ref within = bdd.And(bdd.And(na.when, space.Structural()), space.Implications());
    if (!space.DependsOn(f, na.slot, within)) continue;
    problems.push_back({"C011", where, name + " reads '" + vocabulary.facts[na.slot].name + "' where constraint '" +
                                           na.constraint->id + "' makes it not applicable (" +
                                           internal::ConditionWords(vocabulary, vocabulary.program, na.constraint->when) +
                                           "); say in its condition what holds there instead"});
  }
}

void CheckRuleAgainstConstraints(const LawData& data, int32_t rule, const std::string& name,
                                 const SourceLocation& where, std::vector<CheckProblem>& problems) {
  std::vector<internal::Root> roots;
  for (int32_t root : data.rules[rule].elements) roots.push_back({&data.program, root});
  CheckAgainstConstraints(
      data, std::move(roots), [](const internal::Program* program, int32_t node) { return program->nodes[node].rule; },
      [rule](internal::ScenarioSpace& space) { return space.RuleBdd(rule); }, name, where, problems);
}

// The rule a harm names by id, for checking the harm against the constraints: the version
// of it that came into force last (bills left out). A harm is swept with the version in
// force on the date swept; which one does not change whether the facts it reads can be
// meaningful together.
int32_t LatestRuleNamed(const LawData& data, const std::string& id) {
  int32_t found = -1;
  std::optional<Date> from;
  for (size_t v = 0; v < data.versions.size(); ++v) {
    const RulesetVersion& version = data.versions[v];
    if (version.status == VersionStatus::kProposed || (from && version.in_force_from < *from)) continue;
    for (size_t r = 0; r < version.rules.size(); ++r) {
      if (version.rules[r].id != id) continue;
      found = data.first_rule[v] + static_cast<int32_t>(r);
      from = version.in_force_from;
    }
  }
  return found;
}

}  // namespace

std::vector<CheckProblem> CheckHarms(const Law& law, const Harms& harms) {
  const LawData& data = internal::DataOf(law);
  const internal::HarmsData& h = internal::DataOf(harms);
  std::vector<CheckProblem> problems;
  auto resolve = [&](const internal::Program* program, int32_t node) -> int32_t {
    if (program == &h.program) return LatestRuleNamed(data, h.rule_ids[h.program.nodes[node].rule]);
    return program->nodes[node].rule;
  };
  for (size_t i = 0; i < h.harms.size(); ++i) {
    if (h.roots[i] < 0) continue;
    const int32_t root = h.roots[i];
    CheckAgainstConstraints(
        data, {{&h.program, root}}, resolve,
        [&](internal::ScenarioSpace& space) { return space.Compile(h.program, root); },
        "harm '" + h.harms[i].id + "'", h.harms[i].location, problems);
  }
  for (const auto& harm : h.harms) CheckSourceTitles(harm.sources, harm.location, "harm '" + harm.id + "'", problems);
  return problems;
}

bool CanFire(const Law& law, const Rule& rule) {
  const int index = GlobalIndex(internal::DataOf(law), rule);
  return index >= 0 && Firing(internal::DataOf(law), {index})[0];
}

Coverage MeasureCoverage(const Law& law, const std::vector<std::string>& case_paths, const Harms* harms) {
  const LawData& data = internal::DataOf(law);
  Coverage coverage;
  std::map<const Rule*, size_t> index;
  for (const auto& version : data.versions) {
    for (const auto& rule : version.rules) {
      index[&rule] = coverage.rules.size();
      coverage.rules.push_back(RuleCoverage{&version, &rule, {}, {}, {}});
    }
  }
  for (const auto& path : case_paths) {
    std::vector<Diagnostic> unreadable;
    for (const auto& file : internal::FindCaseFiles(path, unreadable)) {
      internal::CaseRun run = internal::RunCase(law, harms, file, {});
      coverage.suite.cases.push_back(run.report);
      if (!run.evaluation) continue;
      auto dates = AnchorDates(*run.c);
      const Expectations& expect = *run.c->expectations();
      if (expect.as_of) dates = {*expect.as_of};
      for (const auto& result : run.results) {
        if (!result.failure.empty() || !result.aggravation.empty()) continue;
        if (result.status) {
          if (result.finding == nullptr) continue;
          // A finding of several versions (a period across a change of the law) shows the
          // rule of each.
          for (const FindingVersion& v : VersionsOf(*result.finding)) {
            RuleCoverage& entry = coverage.rules[index[v.rule]];
            auto& list = *result.status == FindingStatus::kApplies ? entry.applies : entry.possible;
            if (std::find(list.begin(), list.end(), file) == list.end()) list.push_back(file);
          }
          continue;
        }
        // Absent: every version that would have judged the case on one of its dates.
        for (const auto& version : data.versions) {
          if (version.status == VersionStatus::kProposed &&
              std::find(expect.with.begin(), expect.with.end(), version.id) == expect.with.end()) {
            continue;
          }
          if (!law.AppliesIn(version.jurisdiction, run.c->jurisdiction())) continue;
          const bool judged = std::any_of(dates.begin(), dates.end(),
                                          [&](Date d) { return version.InForceOn(d); });
          if (!judged) continue;
          for (const auto& rule : version.rules) {
            if (rule.id != result.rule) continue;
            auto& list = coverage.rules[index[&rule]].absent;
            if (std::find(list.begin(), list.end(), file) == list.end()) list.push_back(file);
          }
        }
      }
    }
    for (auto& error : unreadable) {
      CaseReport report;
      report.file = error.location.file;
      report.errors.push_back(std::move(error));
      coverage.suite.cases.push_back(std::move(report));
    }
  }
  return coverage;
}

namespace {

// The first reference to the project's research files or their scenario numbers in a
// text users read ("be-law.md", "the brief", "S25", "scenario 8"), if any.
std::optional<std::string> ResearchReference(const std::string& text) {
  // The regular expression is slow (it ran on every text of the law for most of the time
  // of `ibsa check`); it runs only on texts that hold a piece every alternative needs.
  std::string lower(text.size(), ' ');
  std::transform(text.begin(), text.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  bool candidate = lower.find(".md") != std::string::npos || lower.find("shared/legal") != std::string::npos ||
                   lower.find("the brief") != std::string::npos || lower.find("scenario ") != std::string::npos;
  for (size_t i = 0; !candidate && i + 1 < lower.size(); ++i) {
    candidate = lower[i] == 's' && std::isdigit(static_cast<unsigned char>(lower[i + 1]));
  }
  if (!candidate) return std::nullopt;
  static const std::regex pattern(
      R"((\b[a-z]{2}-(law|law-verify|new-code|eu-updates)\.md\b|shared/legal|\bthe brief\b|\bS[0-9]{1,2}\b|\bscenario [0-9]+))",
      std::regex::icase);
  std::smatch match;
  if (std::regex_search(text, match, pattern)) return match.str();
  return std::nullopt;
}

}  // namespace

std::vector<CheckProblem> CheckLaw(const Law& law, const Coverage& coverage) {
  std::vector<CheckProblem> problems;
  // The questions asked of a victim are ordered by how intrusive they are: every fact
  // must say so.
  const Vocabulary& vocabulary = law.vocabulary();
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    if (fact.sensitivity == 0) {
      problems.push_back({"C007", fact.location,
                          "fact '" + fact.name + "' declares no sensitivity (1 neutral, 2 personal, 3 intimate)"});
    }
    // An intake asks by stage; a derived fact is asked through its inputs.
    if (!fact.derived && fact.stage == IntakeStage::kUndeclared) {
      problems.push_back({"C013", fact.location,
                          "fact '" + fact.name + "' declares no intake stage (event, person, image, platform)"});
    }
  }
  // Officers, victims and lawyers read the same law in Dutch, French or English: every
  // text they see must exist in all three (a note may be absent, but not half there).
  auto translated = [&](const LocalizedText& text, const SourceLocation& where, const std::string& what,
                        bool optional) {
    if (optional && text.empty()) return;
    std::string missing;
    if (text.nl.empty()) missing += " nl";
    if (text.fr.empty()) missing += " fr";
    if (text.en.empty()) missing += " en";
    if (!missing.empty()) problems.push_back({"C008", where, what + " has no text in:" + missing});
    // Users read the law, not the project's research: provenance belongs in the legal notes.
    for (const std::string* t : {&text.nl, &text.fr, &text.en}) {
      if (auto reference = ResearchReference(*t)) {
        problems.push_back({"C009", where, what + " refers to the project's research ('" + *reference +
                                               "'); cite the law or the source itself, and keep provenance in "
                                               "docs/legal-notes/"});
        break;
      }
    }
  };
  for (int slot = 0; slot < vocabulary.size(); ++slot) {
    const FactDefinition& fact = vocabulary.fact(slot);
    translated(fact.label, fact.location, "the label of fact '" + fact.name + "'", false);
    translated(fact.question, fact.location, "the question of fact '" + fact.name + "'", false);
    // Every question an intake may ask says why it is asked, in the user's language.
    if (!fact.derived) translated(fact.why, fact.location, "the why-line of fact '" + fact.name + "'", false);
    for (size_t i = 0; i < fact.values.size(); ++i) {
      translated(i < fact.value_labels.size() ? fact.value_labels[i] : LocalizedText{}, fact.location,
                 "value '" + fact.values[i] + "' of fact '" + fact.name + "'", false);
    }
  }
  for (const auto& version : law.versions()) {
    translated(version.title, SourceLocation{version.file, 0, 0}, "the title of " + version.id, false);
    translated(version.note, SourceLocation{version.file, 0, 0}, "the note of " + version.id, true);
    translated(version.abbreviation, SourceLocation{version.file, 0, 0}, "the abbreviation of " + version.id, true);
    for (const auto& rule : version.rules) {
      const std::string name = "rule '" + rule.id + "' (" + version.id + ")";
      translated(rule.title, rule.location, "the title of " + name, false);
      translated(rule.note, rule.location, "the note of " + name, true);
      for (const auto& e : rule.elements) translated(e.label, e.location, "element '" + e.id + "' of " + name, false);
      for (const auto& a : rule.aggravations) {
        translated(a.label, a.location, "aggravation '" + a.id + "' of " + name, false);
      }
      translated(rule.certainty_reason, rule.location, "the certainty reason of " + name, true);
      for (const auto& a : rule.aggravations) {
        translated(a.certainty_reason, a.location, "the certainty reason of aggravation '" + a.id + "' of " + name, true);
        if (a.penalty) {
          translated(a.penalty->note, a.location, "the penalty note of aggravation '" + a.id + "' of " + name, true);
          translated(a.penalty->certainty_reason, a.location,
                     "the penalty's certainty reason of aggravation '" + a.id + "' of " + name, true);
        }
      }
      if (rule.penalty) {
        translated(rule.penalty->note, rule.location, "the penalty note of " + name, true);
        translated(rule.penalty->certainty_reason, rule.location, "the penalty's certainty reason of " + name, true);
      }
    }
    if (version.penalty_levels) {
      const SourceLocation where{version.file, 0, 0};
      translated(version.penalty_levels->note, where, "the penalty levels' note of " + version.id, true);
      translated(version.penalty_levels->minor_perpetrator, where,
                 "the penalty levels' minor-perpetrator text of " + version.id, true);
    }
  }
  for (const auto& version : law.versions()) {
    for (const auto& rule : version.rules) {
      const std::string name = "rule '" + rule.id + "' (" + version.id + ")";
      CheckSourceTitles(rule.sources, rule.location, name, problems);
      for (const auto& e : rule.elements) CheckSourceTitles(e.sources, e.location, "element '" + e.id + "' of " + name, problems);
      for (const auto& a : rule.aggravations) {
        CheckSourceTitles(a.sources, a.location, "aggravation '" + a.id + "' of " + name, problems);
      }
    }
  }
  // A lawyer cites the statute, not a commentary: a reading presented as settled or likely
  // starts from the primary text. Bills and referrals have no statute text to cite.
  for (const auto& version : law.versions()) {
    if (version.status == VersionStatus::kProposed) continue;
    for (const auto& rule : version.rules) {
      if (rule.kind == RuleKind::kReferral || rule.sources.empty()) continue;
      if (rule.certainty != Certainty::kSettled && rule.certainty != Certainty::kLikely) continue;
      if (!rule.sources.front().Official()) {
        problems.push_back({"C010", rule.location,
                            "rule '" + rule.id + "' (" + version.id + ") is " + std::string(CertaintyName(rule.certainty)) +
                                " but its first source is not the primary text on an official portal (" +
                                rule.sources.front().url + "); cite the statute or judgment first (ELI, EUR-Lex, "
                                "wetten.overheid.nl, ECLI), then commentaries"});
      }
    }
  }
  const auto& versions = law.versions();
  for (const auto& c : coverage.suite.cases) {
    if (!c.errors.empty()) {
      problems.push_back({"C006", c.errors.front().location,
                          "case cannot be run: " + c.errors.front().message});
    } else if (!c.failures.empty()) {
      problems.push_back({"C006", SourceLocation{c.file, 0, 0},
                          "case does not meet its expectations: " + c.failures.front()});
    }
  }
  std::vector<int32_t> all_rules;
  for (const auto& entry : coverage.rules) all_rules.push_back(GlobalIndex(internal::DataOf(law), *entry.rule));
  // A space per rule: each diagram orders only the facts its rule reads, so none grows
  // with the size of the law.
  std::vector<bool> fires;
  for (int32_t rule : all_rules) fires.push_back(rule >= 0 && Firing(internal::DataOf(law), {rule})[0]);
  for (size_t i = 0; i < coverage.rules.size(); ++i) {
    const RuleCoverage& entry = coverage.rules[i];
    const std::string name = "rule '" + entry.rule->id + "' (" + entry.version->id + ")";
    if (!fires[i]) {
      problems.push_back({"C003", entry.rule->location,
                          name + " can never apply: no combination of facts meets all its elements"});
    } else if (all_rules[i] >= 0) {
      // The rule as a whole: every element, over one space with the constraints' facts.
      CheckRuleAgainstConstraints(internal::DataOf(law), all_rules[i], name, entry.rule->location, problems);
    }
    if (entry.applies.empty()) {
      problems.push_back({"C001", entry.rule->location, name + " is not shown applying by any case"});
    }
    if (entry.absent.empty()) {
      problems.push_back({"C002", entry.rule->location, name + " is not shown absent by any case"});
    }
    for (const auto& replaced : entry.rule->replaces) {
      if (law.FindRule(replaced) == nullptr) {
        problems.push_back({"C005", entry.rule->location,
                            name + " replaces '" + replaced + "', which no version defines"});
      }
    }
  }
  // Holes: consecutive versions of one instrument that leave days uncovered.
  std::map<std::pair<std::string, std::string>, std::vector<const RulesetVersion*>> by_instrument;
  for (const auto& v : versions) {
    if (v.status != VersionStatus::kProposed) by_instrument[{v.jurisdiction, v.instrument}].push_back(&v);
  }
  for (auto& [key, list] : by_instrument) {
    std::sort(list.begin(), list.end(), [](const RulesetVersion* a, const RulesetVersion* b) {
      return a->in_force_from < b->in_force_from;
    });
    for (size_t i = 1; i < list.size(); ++i) {
      const RulesetVersion& before = *list[i - 1];
      const RulesetVersion& after = *list[i];
      if (before.in_force_until && before.in_force_until->AddDays(1) < after.in_force_from &&
          after.gap_before.empty()) {
        problems.push_back({"C004", SourceLocation{after.file, 1, 1},
                            "no version of " + key.first + " " + key.second + " covers " +
                                before.in_force_until->AddDays(1).ToString() + " to " +
                                after.in_force_from.AddDays(-1).ToString() +
                                "; explain it with 'gap_before' or add a version"});
      }
    }
  }
  return problems;
}

std::string RenderCoverageMarkdown(const Coverage& coverage, const std::string& relative_to) {
  std::string out =
      "# Coverage of the law by the case suite\n\n"
      "Generated by `ibsa coverage --format markdown` from `rulesets/` and `cases/`; do not edit by "
      "hand (CI fails when it is stale). For each version of each instrument: its rules and the "
      "cases that show them applying, possible (a fact unknown) or absent.\n";
  const RulesetVersion* current = nullptr;
  for (const auto& entry : coverage.rules) {
    if (entry.version != current) {
      current = entry.version;
      out += "\n## " + current->jurisdiction + " " + current->instrument + ": " + current->id + "\n\n";
      out += Escape(current->title.en) + ". In force " + current->in_force_from.ToString() + " to " +
             (current->in_force_until ? current->in_force_until->ToString() : std::string("open")) +
             " (" + std::string(VersionStatusName(current->status)) + "). File: `" +
             Relative(current->file, relative_to) + "`\n\n";
      out += "| article | rule | kind | certainty | applies in | possible in | absent in |\n";
      out += "|---|---|---|---|---|---|---|\n";
    }
    // At most a few cases per cell, so that the table stays readable as the suite grows.
    constexpr size_t kShown = 5;
    auto cases = [&](const std::vector<std::string>& files) {
      std::string cell;
      for (size_t i = 0; i < files.size() && i < kShown; ++i) {
        cell += (cell.empty() ? "" : "<br>") + ("`" + Relative(files[i], relative_to) + "`");
      }
      if (files.size() > kShown) cell += "<br>(+" + std::to_string(files.size() - kShown) + " more)";
      return cell.empty() ? std::string("–") : cell;
    };
    out += "| " + Escape(entry.rule->article) + " | `" + entry.rule->id + "` | " +
           std::string(RuleKindName(entry.rule->kind)) + " | " +
           std::string(CertaintyName(entry.rule->certainty)) + " | " + cases(entry.applies) + " | " +
           cases(entry.possible) + " | " + cases(entry.absent) + " |\n";
  }
  return out;
}

}  // namespace ibsa
