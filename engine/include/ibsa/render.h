// File: render.h
// Renderers: pure functions of an Evaluation and a language.
#ifndef IBSA_RENDER_H_
#define IBSA_RENDER_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "ibsa/actions.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"
#include "ibsa/provenance.h"
#include "ibsa/questions.h"
#include "ibsa/text.h"

namespace ibsa {

// Every output format, for every output (an evaluation, a report, gaps, a diff). Each
// output accepts the formats its command lists (docs/cli.md): an evaluation text, json,
// markdown or html (the last two a report); gaps and diffs text, json, markdown or csv.
enum class Format { kText, kJson, kMarkdown, kHtml, kCsv };
// "text", "json", "markdown", "html", "csv"; nullopt for any other name.
std::optional<Format> ParseFormat(std::string_view name);
std::string_view FormatName(Format format);

// The JSON format version. Keys are stable: add, never rename (docs/json-format.md).
inline constexpr const char* kResultFormat = "ibsa.result/1";

// For people: grouped by jurisdiction, each finding with its article, title,
// version in force, status, elements, penalty, certainty and sources, and the
// questions that would decide the possible findings.
// "Decision support, not legal advice ...", in `language`: every output starts with it.
std::string Disclaimer(Language language);

// A finding's heading as every output shows it: "APPLIES" or "POSSIBLE", or, where that
// would say more than the law does, "CONTESTED" / "UNVERIFIED" (a reading that is not
// settled), "MET" (a definition), "DUTY OF THE STATE" (a directive's duty).
std::string FindingHeading(const Finding& finding, Language language);

// The action plan as the text output opens with it: a heading, then each action numbered
// from 1 with its class, who takes it, why and by when; "no action yet" when empty.
std::string RenderActionPlanText(const std::vector<Action>& actions, const Law& law, Language language);

// The findings in the order that matters to the person in front of the officer: those that
// apply and are settled (or likely), then those that apply but are contested or
// unverified, then those that may apply; within each, offences, obligations, remedies and
// next steps before definitions, the Member State's duties and gaps; else in the
// evaluation's order.
std::vector<const Finding*> RankedForThePerson(const Evaluation& evaluation);

// "art. 417/9 C. pén." in French, "art. 417/9 Sw." in Dutch: the article as the user's
// language cites it; "" for a rule without an article (a referral: its title says it).
std::string Citation(const Rule& rule, const RulesetVersion& version, Language language);

// "Law: FOLDER (fingerprint ...; compiled snapshot ... | read from the YAML files)": which
// law answered, as every output says it; "" for a law built in memory.
std::string LawLine(const Law& law, Language language);

// `harms` (HarmsOfCase of the same evaluation) fills the legal gaps, as in a report: the
// harms the facts meet that no settled offence covers, why, and their sources. `actions`
// (PlanActions of the same evaluation), when there are any, open it, before the findings.
// `evidence` (the case's log) is listed under the elements it supports, and as an index.
std::string RenderText(const Evaluation& evaluation, const Law& law, Language language,
                       const std::vector<CaseHarm>& harms = {}, const std::vector<Action>& actions = {},
                       const std::vector<EvidenceItem>& evidence = {});

// A case's evidence log as the text output lists it after the findings: a heading, then
// each item numbered from 1 with where it was seen, the dates, the hash and what it
// supports; "" for an empty log (`ibsa evidence list`).
std::string RenderEvidenceText(const std::vector<EvidenceItem>& evidence, Language language);

// For programs; documented in docs/json-format.md.
// With `next_questions`, the result also lists them under "next_questions". "gaps" lists
// the legal gaps of `harms` (HarmsOfCase of the same evaluation), as the text and reports do;
// it is empty when no harms were read. "actions" lists the plan of `actions` (PlanActions of
// the same evaluation). "evidence" lists `evidence` (the case's log), and each element the
// items that support it. With `provenance`, the result says under "provenance" how it was made.
std::string RenderJson(const Evaluation& evaluation, const Law& law, Language language,
                       const std::vector<Question>* next_questions = nullptr,
                       const std::vector<CaseHarm>& harms = {}, const std::vector<Action>& actions = {},
                       const std::vector<EvidenceItem>& evidence = {}, const Provenance* provenance = nullptr);

// The text output's last block: how it was made (ibsa, the law's hashes, the versions
// applied, the dates, the case's hash), to reproduce and check it later.
std::string RenderProvenanceText(const Provenance& provenance, Language language);

// The questions of NextQuestions as a text section: most useful first, each with its
// sensitivity and the findings its answer would decide.
std::string RenderQuestionsText(const std::vector<Question>& questions, Language language);

// A report for a lawyer or a prosecutor: the facts as given and those still unknown, the
// versions applied, per finding its elements (met, not met, unknown) with sources, the
// aggravating circumstances, penalty, certainty and why, lex mitior, then the questions
// still open, the legal gaps, the next steps and referrals, the case's evidence (an index,
// and under each element the items that support it), and that it is decision support, not
// legal advice. HTML is one self-contained printable page (no external
// assets); Markdown says the same. REQUIRES: format is markdown or html.
// `harms` (HarmsOfCase) fills the legal gaps: harms the facts meet that no settled
// offence covers. `actions` (PlanActions), when there are any, come first, after the
// case's heading. With `provenance`, the report ends with it in small print. The findings of
// the rules in `not_for_reader` (Assessment::not_for_reader) are left out.
std::string RenderReport(const Evaluation& evaluation, const Law& law, const Case& c,
                         const std::vector<Question>& questions, const std::vector<CaseHarm>& harms,
                         Format format, Language language, const std::vector<Action>& actions = {},
                         const Provenance* provenance = nullptr, const std::set<std::string>& not_for_reader = {});

// The handover pack for the police officer or the lawyer who takes a case over, in one
// printable page set: the action plan (with why and by when), the facts as given, per
// finding that applies or may apply (offences, obligations, remedies) its version,
// certainty, limitation and elements met and still open with the evidence under them, the
// evidence index, the questions still open, and provenance in small print. HTML is one
// self-contained page printed on A4 like the report; Markdown says the same.
// REQUIRES: format is markdown or html. `questions` (NextQuestions) order the open
// questions; `actions` (PlanActions) fill the plan.
std::string RenderHandover(const Evaluation& evaluation, const Law& law, const Case& c,
                           const std::vector<Question>& questions, const std::vector<Action>& actions, Format format,
                           Language language, const Provenance* provenance = nullptr);

// The sweeps' reports (gaps.h) as text, json, markdown or csv. REQUIRES: format is not html.
// With `provenance` (SweepProvenance), the text, Markdown and JSON end with it, as an
// evaluation's do; CSV never carries it.
std::string RenderGaps(const GapReport& report, Format format, Language language,
                       const Provenance* provenance = nullptr);
std::string RenderDiff(const DiffReport& report, Format format, Language language,
                       const Provenance* provenance = nullptr);

}  // namespace ibsa

#endif  // IBSA_RENDER_H_
