// Internal: wording shared by the renderers.
#ifndef IBSA_SRC_RENDER_RENDER_COMMON_H_
#define IBSA_SRC_RENDER_RENDER_COMMON_H_

#include <string>
#include <vector>

#include "ibsa/actions.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/provenance.h"
#include "ibsa/text.h"

namespace ibsa::internal {

// The user-interface words of one language (the legal texts come from rulesets).
struct Wording {
  const char* disclaimer;
  const char* case_word;
  const char* date_of_facts;
  const char* as_of;
  const char* with_proposals;
  const char* applies;
  const char* possible;
  const char* version;
  const char* in_force;
  const char* to;
  const char* open;
  const char* for_act;
  const char* case_date;
  const char* certainty;
  const char* elements;
  const char* aggravations;
  const char* penalty;
  const char* penalty_unknown;
  const char* note;
  const char* sources;
  const char* to_decide;
  const char* questions;
  const char* no_findings;
  const char* version_gaps;
  const char* no_version;
  const char* encoded;
  const char* none_encoded;
  const char* not_met_heading;
  const char* first_failed;
  const char* prison;
  const char* months;
  const char* year;
  const char* years;
  const char* fine;
  const char* surcharge;
  const char* fine_category;
  const char* level;
  const char* and_word;
  const char* or_word;
  const char* and_or;
  const char* met;
  const char* not_met;
  const char* unknown;
  const char* proposed_warning;
  const char* rests_on;  // "Rests on art. 170 Criminal Code: <its reason>" (Finding::certainty_from)
};

const Wording& WordingFor(Language language);

// The action plan as every output words it (render_actions.cc): one entry per action,
// in the plan's order.
struct ActionText {
  std::string id;            // the rule's id
  std::string action_class;  // the urgency class, in the language
  std::string title;         // "IF ...: " prefixed where the action is conditional
  std::string who;
  std::string why;           // the findings it follows from: heading, citation, title
  std::string deadline;      // "" without one; the date (and "PASSED") where it is known
  // The same without the certainty's reason and the sources: what a plan on one page shows
  // (the report's first page), the full text being given after the findings.
  std::string deadline_brief;
  bool passed = false;
};
struct ActionPlanWording {
  const char* heading;      // "Action plan"
  const char* none;         // when no action follows from the findings
  const char* number;
  const char* action;
  const char* who;
  const char* why;
  const char* deadline;
  const char* same_as;      // "as no." 6: the deadline of the row above, not repeated
  const char* deadlines_in_full;  // after the findings: each deadline with its sources
};
const ActionPlanWording& ActionPlanWordingFor(Language language);
std::vector<ActionText> ActionTexts(const std::vector<Action>& actions, const Law& law, Language language);
// `text` escaped for HTML and SVG: & < > and ".
std::string XmlEscaped(const std::string& text);

// "met", "not met", "unknown" in the wording's language.
std::string TruthWord(Truth truth, const Wording& w);
std::string CertaintyWord(Certainty certainty, Language language);
// Why a finding is as sure as it is: its rule's certainty reason, or, where it rests on a
// less sure reading of another rule, that rule's citation and reason ("Rests on art. 170
// Criminal Code: …"). Empty for a settled finding without a reason.
std::string CertaintyReason(const Finding& finding, Language language);
std::string KindWord(RuleKind kind, Language language);
// The heading of a group of findings of one kind ("Offences", "Next steps", ...).
std::string KindHeading(RuleKind kind, Language language);
// Lex mitior wording: the line's lead-in, who is favoured, and on what basis.
std::string LexMitiorLead(Language language);
// The later version's articles that lex mitior compared with, each once: "art. 252".
std::string SuccessorArticles(const LexMitior& lm);
std::string FavourableWord(Favourable favourable, Language language);
std::string BasisWord(ComparisonBasis basis, Language language);

// The heading of a finding: "APPLIES" or "POSSIBLE", or what it is when that would
// say more than the law does: "CONTESTED" or "UNVERIFIED" for a reading that is not
// settled, "MET" for a definition, "DUTY OF THE STATE" for a directive's duty.
std::string FindingHeading(const Finding& finding, Language language);

// What a finding whose penalty is a level must say with it: the level table's note
// (`with_table_note`; people read it once per version instead), and the minor-perpetrator
// rule where the case's perpetrator is a minor.
std::vector<std::string> LevelNotes(const Finding& finding, const Evaluation& evaluation, Language language,
                                    bool with_table_note);

// "Law: /path/rulesets (fingerprint 0123456789abcdef; compiled snapshot /path/ibsa.law)":
// which law answered; "" for a law built in memory.
std::string LawLine(const Law& law, Language language);

// One line of an output's provenance: ("law sha256", "0123... (fingerprint ...)").
struct ProvenanceItem {
  std::string label;
  std::string value;
};
// The provenance in `language`, in the order every output gives it: ibsa and its commit,
// the law's hashes, the versions applied, the dates, the case's hash; what is not known
// (a law or case built in memory, no assessment date) is left out.
std::vector<ProvenanceItem> ProvenanceItems(const Provenance& provenance, Language language);
// "Provenance (to reproduce and check this output)": the text footer's heading.
std::string ProvenanceHeading(Language language);

// A day as people write it: "1 July 2024", "1 juillet 2024", "1 juli 2024".
std::string DayText(Date day, Language language);
// A date of the facts or of an act as it was given: a day as YYYY-MM-DD (as every output
// has always printed it), "June 2024", "2024", "June–July 2024", "20 June – 10 July 2024".
std::string PeriodText(const DatePeriod& period, Language language);
// The line a finding whose day decides (Finding::day_decides) carries: when its version is
// in force, and the dates given.
std::string DayDecidesLine(const Finding& finding, Language language);
// The short name of a date of Finding::missing: "the day of the facts", "the day of the
// act 'share'".
std::string DayFactLabel(const std::string& name, Language language);
// What the unknown date `name` of Finding::missing ("date", "acts.share.date") decides, for
// the lists of what is still unknown: "The day of the facts (June–July 2024) decides:
// before 1 July 2024: art. 139h Sr; from 1 July 2024: art. 254ba Sr".
std::string DayFactText(const std::string& name, const Evaluation& evaluation, Language language);

// "in force from 2022-06-01 to 2026-04-07", "in force since 2020-07-01".
std::string InForceText(const RulesetVersion& version, Language language);

// The versions a finding of several rests on (Finding::versions), each with the days of the
// period it covers: "nl.sr.2024-01-01 (to 2024-06-30) and nl.sr.2024-07-01 (from 2024-07-01)";
// with `titles`, each version's title instead of its id.
std::string VersionsText(const Finding& finding, Language language, bool titles);
// What a finding cites: its rule's sources, or, for a finding of several versions, those of
// each version's rule, each once, in the order of the versions.
std::vector<Source> FindingSources(const Finding& finding);
// The same for one of its elements and of its aggravations (by id).
std::vector<Source> ElementSources(const Finding& finding, const Element& element);
std::vector<Source> AggravationSources(const Finding& finding, const Aggravation& aggravation);

// "niveau 3", "strafniveau 3": a penalty level by its name, as the summary starts.
std::string LevelName(int level, Language language);

// "6 months to 5 years and fine EUR 200 to 10,000 (x8 ...)"; "" when unknown.
std::string PenaltySummary(const Penalty& penalty, Language language);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_RENDER_COMMON_H_
