// File: engine.h
// The pipeline in one object: an Engine is opened once from a folder of rulesets (or
// the compiled snapshot of one), and assesses cases. The CLI, the JSON API and the
// interview all go through it, so that what a result holds and how a law folder is read
// are decided here only.
//
//   auto engine = ibsa::Engine::Open({.rulesets = "rulesets"});
//   auto c = ibsa::Case::Load("cases/demo/x.yaml", engine.value().law().vocabulary());
//   auto assessment = engine.value().Assess(c.value(), {.format = ibsa::Format::kHtml});
//   std::cout << engine.value().Render(c.value(), assessment.value(), ibsa::Format::kHtml,
//                                      ibsa::Language::kEn);
#ifndef IBSA_ENGINE_H_
#define IBSA_ENGINE_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ibsa/actions.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/letters.h"
#include "ibsa/provenance.h"
#include "ibsa/questions.h"
#include "ibsa/render.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

// Whether an Engine reads the folder's harms.yaml (the harms that `gaps` sweeps for and
// that a report lists as legal gaps).
enum class HarmsUse {
  kNone,        // not read; reports list no harm-based gaps
  kIfDeclared,  // read when the folder has one; an invalid one is an error
  kRequired,    // read; a folder without one is an error
};

// ibsa.law beside the running executable, where the build writes the bundled law's
// snapshot; "" when the executable's path cannot be read.
std::string SnapshotBesideExecutable();

struct EngineOptions {
  // The folder with facts.yaml, the ruleset files and, optionally, harms.yaml.
  std::string rulesets;
  // A compiled snapshot (`ibsa compile`) used instead of the YAML while it matches the
  // folder's files; when it is missing or stale the YAML is read. Default "": the YAML.
  std::string snapshot;
  // Default: harms.yaml is read when the folder has one.
  HarmsUse harms = HarmsUse::kIfDeclared;
};

struct AssessOptions {
  EvaluationOptions evaluation;
  // What the assessment will be rendered as. A report (markdown, html) always lists the
  // questions still open. Default: text.
  Format format = Format::kText;
  // Also rank the questions for text and json. Default: false.
  bool next_questions = false;
};

// Everything an output of one case says: the evaluation (findings, version gaps,
// warnings), the questions still open, and the harms the facts meet.
struct Assessment {
  Evaluation evaluation;
  // Ranked when asked for, and always for a report; empty otherwise.
  std::optional<std::vector<Question>> questions;
  // The harms the case's facts meet (HarmsOfCase), which every format lists as the case's
  // legal gaps where no settled offence covers them; empty for an Engine without harms.
  // Points into the Engine.
  std::vector<CaseHarm> harms;
  // The action plan (PlanActions), which every output opens with; empty for an Engine
  // without actions (a folder without actions.yaml). Points into the Engine and the
  // evaluation: move the Assessment, do not copy it.
  std::vector<Action> actions;
  // How this assessment was made (ibsa, law, versions, dates, case hash): every format
  // ends with it.
  Provenance provenance;
  // The rules whose actions turn to the person the outputs are shown to (RulesTurningTo;
  // set by Engine::AddressTo): the report leaves their findings out, as the plan leaves out
  // their actions (no "report to the police" in the officer's report). Empty: everyone's.
  std::set<std::string> not_for_reader;
};

class Engine {
 public:
  // Reads the law of `options.rulesets` (errors as Vocabulary::Load, Law::Load and
  // LawFingerprint report them), its harms as `options.harms` says, its actions
  // (actions.yaml, when the folder has one; errors as Actions::Load) and its letters
  // (letters.yaml, when the folder has one; errors as Letters::Load). The law's
  // LawSource says which folder and which snapshot answered.
  static Result<Engine> Open(const EngineOptions& options);
  // An Engine over a law (and harms) already in memory: for tests and embedding.
  explicit Engine(Law law, std::optional<Harms> harms = std::nullopt, std::optional<Actions> actions = std::nullopt,
                  std::optional<Letters> letters = std::nullopt);

  const Law& law() const { return law_; }
  // nullptr when the folder's harms were not read (HarmsUse, or no harms.yaml).
  const Harms* harms() const { return harms_ ? &*harms_ : nullptr; }
  // nullptr when the folder declares no actions (actions.yaml).
  const Actions* actions() const { return actions_ ? &*actions_ : nullptr; }
  // nullptr when the folder declares no letters (letters.yaml).
  const Letters* letters() const { return letters_ ? &*letters_ : nullptr; }
  // LawSha256 of the folder the law was opened from; "" for an Engine over a law in memory.
  const std::string& law_sha256() const { return law_sha256_; }

  // Evaluates `c` and adds what `options.format` needs. Errors: an evidence item that
  // supports no element of the law (E0123, CheckEvidence), then as Evaluate and
  // NextQuestions (a date outside the law, a `with` id that is not a proposal).
  // Safe to call from many threads.
  Result<Assessment> Assess(const Case& c, const AssessOptions& options) const;

  // Shows `assessment` to `reader`: its plan without the actions that turn to the reader
  // (ForReader), and its report without the findings of their rules (not_for_reader).
  void AddressTo(Assessment& assessment, Actor reader) const;

  // `assessment` (of `c`) in `format`: text (and the questions, when ranked), json,
  // or a report (markdown, html). REQUIRES: format is not csv.
  std::string Render(const Case& c, const Assessment& assessment, Format format, Language language) const;
  // The handover pack of `assessment` (of `c`; assessed for markdown or html, so that its
  // questions are ranked), in markdown or html (RenderHandover). REQUIRES: format is one of them.
  std::string RenderHandover(const Case& c, const Assessment& assessment, Format format, Language language) const;

 private:
  Law law_;
  std::optional<Harms> harms_;
  std::optional<Actions> actions_;
  std::optional<Letters> letters_;
  std::string law_sha256_;
};

}  // namespace ibsa

#endif  // IBSA_ENGINE_H_
