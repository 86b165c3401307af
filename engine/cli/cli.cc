#include "cli.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <utility>

namespace ibsa::cli {

std::string DefaultFolder(const char* name, const char* source_tree_folder) {
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec)) return name;
  return source_tree_folder;
}

void PrintErrors(const std::vector<Diagnostic>& errors) {
  std::cerr << FormatDiagnostics(errors);
  std::cerr << errors.size() << (errors.size() == 1 ? " error" : " errors") << "; no result.\n";
}

int LoadAndAssess(const Engine& engine, const std::string& case_file, const AssessOptions& options,
                  std::optional<Case>& c, std::optional<Assessment>& assessment) {
  auto loaded = Case::Load(case_file, engine.law().vocabulary());
  if (!loaded.ok()) {
    PrintErrors(loaded.errors());
    return kCaseError;
  }
  c.emplace(std::move(loaded).value());
  auto assessed = engine.Assess(*c, options);
  if (!assessed.ok()) {
    PrintErrors(assessed.errors());
    return assessed.errors().front().code == "E0123" ? kCaseError : kUsageError;
  }
  assessment.emplace(std::move(assessed).value());
  std::cerr << FormatDiagnostics(assessment->evaluation.warnings);
  return kOk;
}

std::optional<Engine> OpenEngine(const GlobalOptions& global, HarmsUse harms) {
  EngineOptions options;
  options.rulesets = global.rulesets;
  if (!global.no_snapshot) options.snapshot = SnapshotBesideExecutable();
  options.harms = harms;
  auto engine = Engine::Open(options);
  if (!engine.ok()) {
    PrintErrors(engine.errors());
    return std::nullopt;
  }
  return std::move(engine).value();
}

std::optional<Measured> Measure(GlobalOptions global, const CheckOptions& options) {
  if (!options.rulesets.empty()) global.rulesets = options.rulesets;
  auto engine = OpenEngine(global, HarmsUse::kIfDeclared);  // check reads the harms too
  if (!engine) return std::nullopt;
  std::vector<std::string> cases =
      options.cases.empty() ? std::vector<std::string>{DefaultFolder("cases", IBSA_DEFAULT_CASES)} : options.cases;
  Coverage coverage = MeasureCoverage(engine->law(), cases, engine->harms());
  return Measured{std::move(*engine), std::move(cases), std::move(coverage)};
}

bool ReadDateOption(const std::string& name, const std::string& text, std::optional<Date>& out) {
  if (text.empty()) return true;
  out = Date::Parse(text);
  if (!out) {
    std::cerr << "error[E0105]: " << name << " '" << text
              << "' is not a date\n  = help: write YYYY-MM-DD, e.g. 2025-03-14\n";
  }
  return out.has_value();
}

void KeepCaseDataInProcess() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

CLI::Validator FormatChoice(std::vector<Format> formats) {
  std::vector<std::string> names;
  for (const Format format : formats) names.emplace_back(FormatName(format));
  return CLI::IsMember(names);
}

const std::vector<std::string>& Jurisdictions(const GlobalOptions& global) {
  // Read once per folder: --jurisdiction and --vs both ask.
  static std::map<std::string, std::vector<std::string>> read;
  auto [it, inserted] = read.try_emplace(global.rulesets);
  if (inserted) {
    auto vocabulary = Vocabulary::Load((std::filesystem::path(global.rulesets) / "facts.yaml").string());
    if (vocabulary.ok()) it->second = vocabulary.value().jurisdictions();
  }
  return it->second;
}

namespace {

// CLI11's own choice, built when the value is checked or the help printed, so that its
// message and help are those of a fixed list ("--jurisdiction: FR not in {BE,NL}").
class JurisdictionValidator : public CLI::Validator {
 public:
  explicit JurisdictionValidator(const GlobalOptions& global) {
    desc_function_ = [&global] { return CLI::IsMember(Jurisdictions(global)).get_description(); };
    func_ = [&global](std::string& value) -> std::string {
      const auto& jurisdictions = Jurisdictions(global);
      if (jurisdictions.empty()) return "";
      return CLI::IsMember(jurisdictions)(value);
    };
  }
};

}  // namespace

CLI::Validator JurisdictionChoice(const GlobalOptions& global) { return JurisdictionValidator(global); }

namespace {

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

void DescribeJurisdictions(CLI::App& app, const GlobalOptions& global) {
  const auto& jurisdictions = Jurisdictions(global);
  std::string listed;
  for (size_t i = 0; i < jurisdictions.size(); ++i) {
    listed += (i == 0 ? "" : i + 1 == jurisdictions.size() ? " or " : ", ") + jurisdictions[i];
  }
  const std::string first = jurisdictions.empty() ? "" : jurisdictions.front();
  for (CLI::App* sub : app.get_subcommands({})) {
    for (CLI::Option* option : sub->get_options()) {
      option->description(
          Replace(Replace(option->get_description(), "{jurisdictions}", listed), "{first}", first));
    }
  }
}

}  // namespace ibsa::cli
