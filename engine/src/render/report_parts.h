// Internal: the parts of a printable output that the report and the handover pack share
// (render_report.cc, render_handover.cc): their words, the case in a sentence, the facts as
// given, the action plan, the evidence, the facts still unknown, the provenance and the
// page footer. Written once, so that the two say the same in the same words.
#ifndef IBSA_SRC_RENDER_REPORT_PARTS_H_
#define IBSA_SRC_RENDER_REPORT_PARTS_H_

#include <string>
#include <vector>

#include "ibsa/actions.h"
#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/provenance.h"
#include "ibsa/questions.h"
#include "ibsa/text.h"
#include "render/report_document.h"

namespace ibsa::internal {

// The words of the report beyond those the text output already has.
struct ReportWording {
  const char* title;
  const char* not_advice;
  const char* facts_given;
  const char* none;
  const char* fact;
  const char* value;
  const char* law_applied;
  const char* findings;
  const char* element;
  const char* element_plural;  // "Elements": a compact finding's elements, on one line
  const char* status;
  const char* still_to_decide;
  const char* legal_gaps;
  const char* no_gaps;
  const char* yes;
  const char* no;
  const char* lex_mitior;
  const char* not_encoded;
  const char* harms_hint;       // what the gaps listed are: said above them, where there are any
  const char* in_brief;         // the first page's heading
  const char* applies_firm;     // what applies on a settled or likely reading
  const char* applies_contested;
  const char* nothing_applies;
  const char* still_unknown;    // one list, one count: the facts that would decide a finding
  const char* decides;
  const char* no_question;      // a missing fact no question asks yet: its answer alone decides nothing
  const char* annex;
  const char* sources_annex;
  const char* page_date;        // the footer's date: "assessed on"
  // The first page lists the first few facts still unknown (the best-ranked questions); the
  // whole list, with the same count, follows the findings.
  const char* others_before;  // "The other " 8 " are listed after the findings."
  const char* others_after;
  // After the findings, the facts still unknown that the first page did not list.
  const char* first_before;  // "The first " 5 " are on the first page."
  const char* first_after;
  // The version most findings of a section read, said once above them.
  const char* version_of_all;
  // A source at the address of an earlier one: "[5] Code pénal, art. 133 (same address as [1])".
  const char* same_address;
  // "Certainty: likely, reason: see art. 136 Sw." (the reason said under an earlier finding).
  const char* reason_given_under;
  // "Aggravating circumstances: as under art. 136 Sw." (the same circumstances, judged the same).
  const char* as_under;
};

const ReportWording& ReportWordingFor(Language language);

std::string FactValueText(const FactDefinition& fact, const FactValue& value, const Case& c,
                          const ReportWording& r, Language language);

// "APPLIES: art. 417/9 Sw., title": a finding's heading in a report.
std::string FindingTitle(const Finding& f, Language language);

// Fact names as the reader knows them: their labels.
std::string FactLabels(const std::vector<std::string>& names, const Vocabulary& vocabulary, Language language);

// A finding as the first page names it: its citation (or, without an article, its title).
std::string ShortName(const Finding& f, Language language);

// What a finding needs of the case's evidence log.
struct EvidenceContext {
  const Law& law;
  const std::vector<EvidenceItem>& evidence;
};

// Under a finding's heading, when it concerns child sexual abuse material.
void AddChildAbuseMaterialNotice(Document& d, const Finding& f, const EvidenceContext& ev, Language language);
// After a finding's elements: per element, the items that support it.
void AddElementEvidence(Document& d, const Finding& f, const EvidenceContext& ev, Language language);
// The index of the log, numbered as the findings cite it.
void AddEvidenceIndex(Document& d, const std::vector<EvidenceItem>& evidence, Language language);

// The facts still unknown, one list with one meaning: every fact a finding misses, each once,
// in the order the questions ask them (neutral before intrusive), with the question the
// intake asks and the provisions its answer would decide. A fact no question asks yet (its
// answer alone changes no finding until another fact is known, as whether a deepfake was
// labelled matters only once the deployer is known to be professional) is listed too, after
// them, so that the count is that of the facts the findings miss.
// A provision that is an action of the plan is named by its number there ("Action 2"): its
// title is in the plan already.
std::vector<std::string> StillUnknown(const Evaluation& e, const std::vector<Question>& questions,
                                      const std::vector<Action>& actions, const Vocabulary& vocabulary,
                                      Language language, const ReportWording& r);

// The case in a sentence: its title, the jurisdiction, the date of the facts, and the dates
// and proposals the assessment was made with.
std::string CaseSentence(const Evaluation& e, const Law& law, Language language);

// The facts the case gives (derived facts left out), as a table under a heading.
void AddFactsGiven(Document& d, const Case& c, const Vocabulary& vocabulary, Language language);

// The action plan as a numbered table under its heading (`level`): the action, who takes it,
// with `with_why` the findings it follows from, and the deadline.
void AddActionPlan(Document& d, const std::vector<Action>& actions, const Law& law, Language language, int level,
                   bool with_why);

// The plan's deadlines with how sure they are and their sources, numbered as in the plan,
// where a plan without its "why" column (the report's first page) gave them in brief.
void AddDeadlinesInFull(Document& d, const std::vector<Action>& actions, const Law& law, Language language);

// How the output was made, in small print on one line; nothing without a provenance.
void AddProvenance(Document& d, const Provenance* provenance, Language language);

// What every printed page carries: the ibsa version and the date of the assessment (that of
// the lex mitior comparison and the deadlines), or today's when none was given.
std::string PageFooter(const Evaluation& e, Language language);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_REPORT_PARTS_H_
