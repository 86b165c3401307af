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

// The vocabulary and every ruleset of the folder, its harms (as `options.harms` says), its
// limitation periods, actions and letters, from the YAML, and the law's SHA-256 of its files.
Result<CompiledLaw> ReadYaml(const EngineOptions& options) {
  const std::string facts = (std::filesystem::path(options.rulesets) / "facts.yaml").string();
  auto vocabulary = Vocabulary::Load(facts);
  if (!vocabulary.ok()) return vocabulary.errors();
  auto law = Law::Load(options.rulesets, vocabulary.value());
  if (!law.ok()) return law.errors();
  // Every output says which law answered.
  auto fingerprint = LawFingerprint(options.rulesets);
  if (!fingerprint.ok()) return fingerprint.errors();
  CompiledLaw loaded{std::move(law).value(), std::nullopt, std::nullopt, std::nullopt, ""};
  loaded.law.set_source(LawSource{options.rulesets, "", fingerprint.value()});
  const auto harms_file = std::filesystem::path(options.rulesets) / "harms.yaml";
  bool read_harms = true;
  switch (options.harms) {
    case HarmsUse::kNone: read_harms = false; break;
    case HarmsUse::kIfDeclared: {
      std::error_code ec;
      read_harms = std::filesystem::exists(harms_file, ec);
      break;
    }
    case HarmsUse::kRequired: break;
  }
  if (read_harms) {
    auto harms = Harms::Load(harms_file.string(), loaded.law);
    if (!harms.ok()) return harms.errors();
    loaded.harms = std::move(harms).value();
  }
  auto limitation = LimitationRules::Load(options.rulesets, loaded.law);
  if (!limitation.ok()) return limitation.errors();
  loaded.law.set_limitation(std::make_shared<const LimitationRules>(std::move(limitation).value()));
  auto actions = OpenActions(options, loaded.law);
  if (!actions.ok()) return actions.errors();
  loaded.actions = std::move(actions).value();
  auto letters = OpenLetters(options, loaded.law);
  if (!letters.ok()) return letters.errors();
  loaded.letters = std::move(letters).value();
  auto law_sha256 = LawSha256(options.rulesets);
  if (!law_sha256.ok()) return law_sha256.errors();
  loaded.law_sha256 = std::move(law_sha256).value();
  return loaded;
}

// All the folder holds, from the snapshot while it matches the folder's files, else from the
// YAML. The snapshot's SHA-256 is the files' as they are now: it is used only while every
// YAML file of the folder has the size and content it recorded (a person checks the
// provenance against the YAML, never the cache).
Result<CompiledLaw> OpenLaw(const EngineOptions& options) {
  if (!options.snapshot.empty()) {
    // A snapshot that cannot be used is no error: it is a cache, and the YAML is the law.
    auto compiled = LoadSnapshot(options.snapshot, options.rulesets);
    if (compiled.ok() && !compiled.value().law_sha256.empty()) return compiled;
  }
  return ReadYaml(options);
}

// The day the person entitled to complain learned of the offence (victim.learned_on; art. 66(1)
// Sr counts the complaint term from it) can be neither after the assessment (E0126: the term
// would be counted from a day to come, and its last day shown too late) nor, without a warning,
// before the first act of the case (W0004: no one learns of an offence before it is committed;
// a victim may well learn of the first act before a later one, so the first act is the bound,
// and only a warning, because the last day then shown is early, never too late, and the date
// of the facts may be approximate). The case says where the fact is only by its name.
std::vector<Diagnostic> CheckLearnedOn(const Case& c, const Vocabulary& vocabulary, std::optional<Date> assessed_on,
                                       std::vector<Diagnostic>& warnings) {
  constexpr const char* kFact = "victim.learned_on";
  const auto slot = vocabulary.SlotOf(kFact);
  if (!slot || static_cast<size_t>(*slot) >= c.values().size()) return {};
  const std::optional<Date> learned_on = c.values()[static_cast<size_t>(*slot)].date();
  if (!learned_on) return {};
  const SourceLocation where{c.file(), 0, 0};
  const Date assessment = assessed_on.value_or(Date::Today());
  if (*learned_on > assessment) {
    return {Diagnostic{"E0126", where,
                       std::string("'") + kFact + "' is " + learned_on->ToString() + ", after the date of the assessment, " +
                           assessment.ToString(),
                       {"allowed: a day up to the assessment date (--assessed-on, default today); the complaint term "
                        "counts from the day the offence became known, which cannot be still to come"},
                       "", 1}};
  }
  Date first_act = c.date();
  for (const Act& act : c.acts()) first_act = std::min(first_act, act.date);
  if (*learned_on < first_act) {
    Diagnostic d{"W0004", where,
                 std::string("'") + kFact + "' is " + learned_on->ToString() + ", before the first act of the case, " +
                     first_act.ToString(),
                 {"no one learns of an offence before it is committed: check both dates; the complaint deadline is "
                  "counted from this day, so it is shown early rather than late"},
                 "", 1};
    d.severity = Severity::kWarning;
    warnings.push_back(std::move(d));
  }
  return {};
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
    for (const FindingVersion& v : VersionsOf(f)) p.versions.push_back(v.version->id);
    if (f.lex_mitior && f.lex_mitior->later_version != nullptr) p.versions.push_back(f.lex_mitior->later_version->id);
  }
  std::sort(p.versions.begin(), p.versions.end());
  p.versions.erase(std::unique(p.versions.begin(), p.versions.end()), p.versions.end());
  p.facts_date = e.date;
  if (!e.period.exact()) p.facts_period = e.period;
  p.as_of = e.options.as_of;
  p.with = e.options.with;
  p.assessed_on = e.options.assessed_on;
  p.case_sha256 = c.sha256();
  return p;
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
  Engine engine(std::move(opened.law), std::move(opened.harms), std::move(opened.actions),
                std::move(opened.letters));
  engine.law_sha256_ = std::move(opened.law_sha256);
  return engine;
}

Engine::Engine(Law law, std::optional<Harms> harms, std::optional<Actions> actions, std::optional<Letters> letters)
    : law_(std::move(law)), harms_(std::move(harms)), actions_(std::move(actions)), letters_(std::move(letters)) {}

Result<Assessment> Engine::Assess(const Case& c, const AssessOptions& options) const {
  // The evidence names elements of this law: a case's reader cannot check them.
  if (auto errors = CheckEvidence(c, law_); !errors.empty()) return errors;
  std::vector<Diagnostic> warnings;
  if (auto errors = CheckLearnedOn(c, law_.vocabulary(), options.evaluation.assessed_on, warnings); !errors.empty()) {
    return errors;
  }
  auto evaluation = Evaluate(law_, c, options.evaluation);
  if (!evaluation.ok()) return evaluation.errors();
  for (auto& warning : warnings) evaluation.value().warnings.push_back(std::move(warning));
  Assessment assessment{std::move(evaluation).value(), std::nullopt, {}, {}, {}, {}};
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
                          language, a.actions, &a.provenance, a.not_for_reader);
    case Format::kCsv: break;  // no assessment is a table (REQUIRES)
  }
  return "";
}

void Engine::AddressTo(Assessment& assessment, Actor reader) const {
  assessment.actions = ForReader(std::move(assessment.actions), reader);
  if (actions_) assessment.not_for_reader = RulesTurningTo(*actions_, reader);
}

std::string Engine::RenderHandover(const Case& c, const Assessment& a, Format format, Language language) const {
  return ibsa::RenderHandover(a.evaluation, law_, c, a.questions ? *a.questions : std::vector<Question>{}, a.actions,
                              format, language, &a.provenance);
}

}  // namespace ibsa
