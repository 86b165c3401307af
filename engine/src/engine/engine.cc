#include "ibsa/engine.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "ibsa/evidence.h"
#include "ibsa/limitation.h"
#include "ibsa/snapshot.h"
#include "ibsa/version.h"
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

// The folder's limitation periods (limitation.yaml of each jurisdiction), which the snapshot
// does not hold: read from their YAML on every run.
Status AddLimitation(Law& law, const std::string& rulesets) {
  auto limitation = LimitationRules::Load(rulesets, law);
  if (!limitation.ok()) return limitation.errors();
  law.set_limitation(std::make_shared<const LimitationRules>(std::move(limitation).value()));
  return Status::Ok();
}

// The vocabulary and every ruleset of the folder, and its harms: from the snapshot while it
// matches the folder's files (harms.yaml among them), else from the YAML, where the harms
// are read as `options.harms` says. The limitation periods are added to either.
Result<CompiledLaw> ReadLaw(const EngineOptions& options) {
  if (!options.snapshot.empty()) {
    // A snapshot that cannot be used is no error: it is a cache, and the YAML is the law.
    auto compiled = LoadSnapshot(options.snapshot, options.rulesets);
    if (compiled.ok()) return compiled;
  }
  const std::string facts = (std::filesystem::path(options.rulesets) / "facts.yaml").string();
  auto vocabulary = Vocabulary::Load(facts);
  if (!vocabulary.ok()) return vocabulary.errors();
  auto law = Law::Load(options.rulesets, vocabulary.value());
  if (!law.ok()) return law.errors();
  // Every output says which law answered.
  auto fingerprint = LawFingerprint(options.rulesets);
  if (!fingerprint.ok()) return fingerprint.errors();
  CompiledLaw loaded{std::move(law).value(), std::nullopt};
  loaded.law.set_source(LawSource{options.rulesets, "", fingerprint.value()});
  const auto harms_file = std::filesystem::path(options.rulesets) / "harms.yaml";
  switch (options.harms) {
    case HarmsUse::kNone: return loaded;
    case HarmsUse::kIfDeclared: {
      std::error_code ec;
      if (!std::filesystem::exists(harms_file, ec)) return loaded;
      break;
    }
    case HarmsUse::kRequired: break;
  }
  auto harms = Harms::Load(harms_file.string(), loaded.law);
  if (!harms.ok()) return harms.errors();
  loaded.harms = std::move(harms).value();
  return loaded;
}

Result<CompiledLaw> OpenLaw(const EngineOptions& options) {
  auto compiled = ReadLaw(options);
  if (!compiled.ok()) return compiled.errors();
  if (auto added = AddLimitation(compiled.value().law, options.rulesets); !added.ok()) return added.errors();
  return compiled;
}

// What an output says about how it was made (provenance.h), from the evaluation it ends.
Provenance ProvenanceOf(const Evaluation& e, const Case& c, const Law& law, const std::string& law_sha256) {
  Provenance p;
  p.version = std::string(Version());
  p.commit = std::string(GitCommit());
  p.law_sha256 = law_sha256;
  if (law.source() != nullptr) p.law_fingerprint = law.source()->fingerprint;
  // The versions the report lists as the law applied: those of the findings, and those
  // in force on the assessment date that lex mitior compared them with.
  for (const Finding& f : e.findings) {
    p.versions.push_back(f.version->id);
    if (f.lex_mitior && f.lex_mitior->later_version != nullptr) p.versions.push_back(f.lex_mitior->later_version->id);
  }
  std::sort(p.versions.begin(), p.versions.end());
  p.versions.erase(std::unique(p.versions.begin(), p.versions.end()), p.versions.end());
  p.facts_date = e.date;
  p.as_of = e.options.as_of;
  p.with = e.options.with;
  p.assessed_on = e.options.assessed_on;
  p.case_sha256 = c.sha256();
  return p;
}

// The folder's actions.yaml, when it has one.
Result<std::optional<Actions>> OpenActions(const EngineOptions& options, const Law& law) {
  const auto file = std::filesystem::path(options.rulesets) / "actions.yaml";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::optional<Actions>();
  auto actions = Actions::Load(file.string(), law);
  if (!actions.ok()) return actions.errors();
  return std::optional<Actions>(std::move(actions).value());
}

// The folder's letters.yaml, when it has one.
Result<std::optional<Letters>> OpenLetters(const EngineOptions& options, const Law& law) {
  const auto file = std::filesystem::path(options.rulesets) / "letters.yaml";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::optional<Letters>();
  auto letters = Letters::Load(file.string(), law.vocabulary());
  if (!letters.ok()) return letters.errors();
  return std::optional<Letters>(std::move(letters).value());
}

}  // namespace

std::string SnapshotBesideExecutable() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path() / "ibsa.law").string();
}


Result<Engine> Engine::Open(const EngineOptions& options) {
  auto compiled = OpenLaw(options);
  if (!compiled.ok()) return compiled.errors();
  CompiledLaw& opened = compiled.value();
  // Of the files as they are now, whether the law came from them or from a snapshot that
  // matches them: a person checks the provenance against the YAML, never the cache.
  auto law_sha256 = LawSha256(options.rulesets);
  if (!law_sha256.ok()) return law_sha256.errors();
  switch (options.harms) {
    case HarmsUse::kNone: opened.harms.reset(); break;
    case HarmsUse::kIfDeclared: break;  // a snapshot holds harms exactly when the folder has them
    case HarmsUse::kRequired:
      // Only a folder without harms.yaml leaves them out: the error is the one reading it gives.
      if (!opened.harms) {
        auto harms = Harms::Load((std::filesystem::path(options.rulesets) / "harms.yaml").string(), opened.law);
        if (!harms.ok()) return harms.errors();
        opened.harms = std::move(harms).value();
      }
      break;
  }
  auto actions = OpenActions(options, opened.law);
  if (!actions.ok()) return actions.errors();
  auto letters = OpenLetters(options, opened.law);
  if (!letters.ok()) return letters.errors();
  Engine engine(std::move(opened.law), std::move(opened.harms), std::move(actions).value(),
                std::move(letters).value());
  engine.law_sha256_ = std::move(law_sha256).value();
  return engine;
}

Engine::Engine(Law law, std::optional<Harms> harms, std::optional<Actions> actions, std::optional<Letters> letters)
    : law_(std::move(law)), harms_(std::move(harms)), actions_(std::move(actions)), letters_(std::move(letters)) {}

Result<Assessment> Engine::Assess(const Case& c, const AssessOptions& options) const {
  // The evidence names elements of this law: a case's reader cannot check them.
  if (auto errors = CheckEvidence(c, law_); !errors.empty()) return errors;
  auto evaluation = Evaluate(law_, c, options.evaluation);
  if (!evaluation.ok()) return evaluation.errors();
  Assessment assessment{std::move(evaluation).value(), std::nullopt, {}, {}, {}};
  const bool report = IsReport(options.format);
  if (report || options.next_questions) {
    auto questions = NextQuestions(law_, c, options.evaluation);
    if (!questions.ok()) return questions.errors();
    assessment.questions = std::move(questions).value();
  }
  if (harms_) assessment.harms = HarmsOfCase(*harms_, c, assessment.evaluation);
  if (actions_) assessment.actions = PlanActions(*actions_, assessment.evaluation, c, law_.vocabulary());
  assessment.provenance = ProvenanceOf(assessment.evaluation, c, law_, law_sha256_);
  return assessment;
}

std::string Engine::Render(const Case& c, const Assessment& a, Format format, Language language) const {
  const std::vector<Question>* questions = a.questions ? &*a.questions : nullptr;
  switch (format) {
    case Format::kText: {
      std::string out = RenderText(a.evaluation, law_, language, a.harms, a.actions, c.evidence());
      if (questions) out += RenderQuestionsText(*questions, language);
      return out + RenderProvenanceText(a.provenance, language);
    }
    case Format::kJson:
      return RenderJson(a.evaluation, law_, language, questions, a.harms, a.actions, c.evidence(), &a.provenance);
    case Format::kMarkdown:
    case Format::kHtml:
      return RenderReport(a.evaluation, law_, c, questions ? *questions : std::vector<Question>{}, a.harms, format,
                          language, a.actions, &a.provenance);
    case Format::kCsv: break;  // no assessment is a table (REQUIRES)
  }
  return "";
}

std::string Engine::RenderHandover(const Case& c, const Assessment& a, Format format, Language language) const {
  return ibsa::RenderHandover(a.evaluation, law_, c, a.questions ? *a.questions : std::vector<Question>{}, a.actions,
                              format, language, &a.provenance);
}

}  // namespace ibsa
