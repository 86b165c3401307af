#include "ibsa/engine.h"

#include <filesystem>
#include <utility>

#include "ibsa/evidence.h"
#include "ibsa/snapshot.h"
#include "ibsa/vocabulary.h"

namespace ibsa {
namespace {

bool IsReport(Format format) {
  switch (format) {
    case Format::kMarkdown:
    case Format::kHtml: return true;
    case Format::kText:
    case Format::kJson:
    case Format::kCsv: return false;
  }
  return false;
}

// The vocabulary and every ruleset of the folder: from the snapshot while it matches the
// folder's files, else from the YAML.
Result<Law> OpenLaw(const EngineOptions& options) {
  if (!options.snapshot.empty()) {
    // A snapshot that cannot be used is no error: it is a cache, and the YAML is the law.
    auto law = LoadSnapshot(options.snapshot, options.rulesets);
    if (law.ok()) return law;
  }
  const std::string facts = (std::filesystem::path(options.rulesets) / "facts.yaml").string();
  auto vocabulary = Vocabulary::Load(facts);
  if (!vocabulary.ok()) return vocabulary.errors();
  auto law = Law::Load(options.rulesets, vocabulary.value());
  if (!law.ok()) return law.errors();
  // Every output says which law answered.
  auto fingerprint = LawFingerprint(options.rulesets);
  if (!fingerprint.ok()) return fingerprint.errors();
  Law loaded = std::move(law).value();
  loaded.set_source(LawSource{options.rulesets, "", fingerprint.value()});
  return loaded;
}

}  // namespace

std::string SnapshotBesideExecutable() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path() / "ibsa.law").string();
}

Result<Engine> Engine::Open(const EngineOptions& options) {
  auto law = OpenLaw(options);
  if (!law.ok()) return law.errors();
  const auto harms_file = std::filesystem::path(options.rulesets) / "harms.yaml";
  switch (options.harms) {
    case HarmsUse::kNone: return Engine(std::move(law).value());
    case HarmsUse::kIfDeclared: {
      std::error_code ec;
      if (!std::filesystem::exists(harms_file, ec)) return Engine(std::move(law).value());
      break;
    }
    case HarmsUse::kRequired: break;
  }
  auto harms = Harms::Load(harms_file.string(), law.value());
  if (!harms.ok()) return harms.errors();
  return Engine(std::move(law).value(), std::move(harms).value());
}

Engine::Engine(Law law, std::optional<Harms> harms) : law_(std::move(law)), harms_(std::move(harms)) {}

Result<Assessment> Engine::Assess(const Case& c, const AssessOptions& options) const {
  // The evidence names elements of this law: a case's reader cannot check them.
  if (auto errors = CheckEvidence(c, law_); !errors.empty()) return errors;
  auto evaluation = Evaluate(law_, c, options.evaluation);
  if (!evaluation.ok()) return evaluation.errors();
  Assessment assessment{std::move(evaluation).value(), std::nullopt, {}};
  const bool report = IsReport(options.format);
  if (report || options.next_questions) {
    auto questions = NextQuestions(law_, c, options.evaluation);
    if (!questions.ok()) return questions.errors();
    assessment.questions = std::move(questions).value();
  }
  if (harms_) assessment.harms = HarmsOfCase(*harms_, c, assessment.evaluation);
  return assessment;
}

std::string Engine::Render(const Case& c, const Assessment& a, Format format, Language language) const {
  const std::vector<Question>* questions = a.questions ? &*a.questions : nullptr;
  switch (format) {
    case Format::kText: {
      std::string out = RenderText(a.evaluation, law_, language, a.harms, c.evidence());
      if (questions) out += RenderQuestionsText(*questions, language);
      return out;
    }
    case Format::kJson: return RenderJson(a.evaluation, law_, language, questions, a.harms, c.evidence());
    case Format::kMarkdown:
    case Format::kHtml:
      return RenderReport(a.evaluation, law_, c, questions ? *questions : std::vector<Question>{}, a.harms, format,
                          language);
    case Format::kCsv: break;  // no assessment is a table (REQUIRES)
  }
  return "";
}

}  // namespace ibsa
