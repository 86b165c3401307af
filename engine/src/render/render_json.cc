#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <memory>

#include "ibsa/evidence.h"
#include "ibsa/render.h"
#include "render/case_gaps.h"
#include "render/evidence_render.h"
#include "render/provenance_json.h"
#include "render/render_common.h"
#include "render/render_limitation.h"

namespace ibsa {
namespace {

using nlohmann::json;

// Where nlohmann's writer puts the text: json::dump's own string adapter appends each
// piece through std::string::append, which GCC calls out of line; a response is some
// thousands of pieces. The same writer (serializer) with the same settings as dump(2),
// into a buffer that grows by doubling.
class TextWriter final : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  void write_character(char c) override {
    if (size_ == text_.size()) Grow(1);
    text_[size_++] = c;
  }
  void write_characters(const char* s, std::size_t length) override {
    if (text_.size() - size_ < length) Grow(length);
    std::memcpy(text_.data() + size_, s, length);
    size_ += length;
  }
  std::string Take() {
    text_.resize(size_);
    return std::move(text_);
  }

 private:
  void Grow(std::size_t length) { text_.resize(std::max(2 * text_.size(), size_ + length)); }
  std::string text_ = std::string(std::size_t{1} << 16, '\0');
  std::size_t size_ = 0;
};

// json::dump(2) followed by a newline, byte for byte.
std::string Dump(const json& out) {
  auto writer = std::make_shared<TextWriter>();
  nlohmann::detail::serializer<json> serializer(writer, ' ', json::error_handler_t::strict);
  serializer.dump(out, /*pretty_print=*/true, /*ensure_ascii=*/false, /*indent_step=*/2);
  writer->write_character('\n');
  return writer->Take();
}

json LocalizedJson(const LocalizedText& text, Language language) {
  return text.empty() ? json(nullptr) : json(text.Get(language));
}

// A finding's certainty reason (internal::CertaintyReason), null when there is none.
json CertaintyReasonJson(const Finding& f, Language language) {
  const std::string reason = internal::CertaintyReason(f, language);
  return reason.empty() ? json(nullptr) : json(reason);
}

json SourcesJson(const std::vector<Source>& sources, Language language) {
  json out = json::array();
  for (const auto& s : sources) {
    json source = {{"title", s.Title(language)}, {"url", s.url}};
    if (!s.pinpoint.empty()) source["pinpoint"] = s.pinpoint;
    out.push_back(std::move(source));
  }
  return out;
}

json RangeJson(const std::optional<Range>& range) {
  if (!range) return nullptr;
  json out = json::object();
  out["min"] = range->min ? json(*range->min) : json(nullptr);
  out["max"] = range->max ? json(*range->max) : json(nullptr);
  if (range->min_exclusive) out["min_exclusive"] = true;
  return out;
}

json PenaltyJson(const std::optional<Penalty>& penalty, Language language) {
  if (!penalty) return nullptr;
  const Penalty& p = *penalty;
  json out = json::object();
  out["prison_months"] = RangeJson(p.prison_months);
  out["fine_eur"] = RangeJson(p.fine_eur);
  out["fine_multiplier"] = p.fine_multiplier ? json(*p.fine_multiplier) : json(nullptr);
  out["fine_category"] = p.fine_category ? json(*p.fine_category) : json(nullptr);
  out["level"] = p.level ? json(*p.level) : json(nullptr);
  out["combination"] = p.combination.empty() ? json(nullptr) : json(p.combination);
  out["summary"] = internal::PenaltySummary(p, language);
  out["note"] = LocalizedJson(p.note, language);
  out["certainty"] = CertaintyName(p.certainty);
  out["accessory_fine_eur"] = RangeJson(p.accessory_fine_eur);
  out["certainty_reason"] = LocalizedJson(p.certainty_reason, language);
  return out;
}

// A date given as a period (a month, a year, a range), as the case gives it and as its
// first and last day; present only then.
json PeriodJson(const DatePeriod& period) {
  json out = {{"from", period.FromText()}, {"to", period.ToText()},
              {"earliest", period.earliest.ToString()}, {"latest", period.latest.ToString()}};
  return out;
}

json AnchorJson(const Anchor& anchor) {
  json out = {{"act", anchor.act.empty() ? json(nullptr) : json(anchor.act)},
              {"date", anchor.date.ToString()},
              {"as_of", anchor.as_of}};
  if (!anchor.period.exact() || anchor.period.range) out["period"] = PeriodJson(anchor.period);
  return out;
}

json VersionJson(const RulesetVersion& v, Language language) {
  return {{"id", v.id},
          {"note", LocalizedJson(v.note, language)},
          {"in_force_from", v.in_force_from.ToString()},
          {"in_force_until", v.in_force_until ? json(v.in_force_until->ToString()) : json(nullptr)},
          {"status", VersionStatusName(v.status)}};
}

json LexMitiorJson(const std::optional<LexMitior>& lex_mitior, Language language) {
  if (!lex_mitior) return nullptr;
  const LexMitior& lm = *lex_mitior;
  json successors = json::array();
  for (const Rule* s : lm.successors) successors.push_back({{"rule", s->id}, {"article", s->article}});
  return {{"assessed_on", lm.assessed_on.ToString()},
          {"later_version", lm.later_version ? json(VersionJson(*lm.later_version, language)) : json(nullptr)},
          {"successors", std::move(successors)},
          {"successor_status", TruthName(lm.successor_truth)},
          {"favourable", FavourableName(lm.favourable)},
          {"basis", ComparisonBasisName(lm.basis)}};
}

json OptionalDate(const std::optional<Date>& date) { return date ? json(date->ToString()) : json(nullptr); }

// When prosecution becomes time-barred (docs/json-format.md#limitation).
json LimitationJson(const std::optional<LimitationOutcome>& outcome, Language language) {
  if (!outcome) return nullptr;
  json scenarios = json::array();
  for (const auto& s : outcome->scenarios) {
    json provisions = json::array();
    for (const auto* p : s.provisions) {
      provisions.push_back({{"id", p->id},
                            {"citation", "art. " + p->article + " " + p->instrument.Get(language)},
                            {"title", p->title.Get(language)},
                            {"certainty", CertaintyName(p->certainty)},
                            {"certainty_reason", LocalizedJson(p->certainty_reason, language)},
                            {"caveat", LocalizedJson(p->caveat, language)},
                            {"sources", SourcesJson(p->sources, language)}});
    }
    scenarios.push_back({{"assumed", s.assumed_fact.empty() ? json(nullptr) : json::object({{s.assumed_fact, s.assumed_value}})},
                         {"known", s.known},
                         {"lapses", !s.known ? json(nullptr) : json(s.period_years.has_value())},
                         {"period_years", s.period_years ? json(*s.period_years) : json(nullptr)},
                         {"starts_on", OptionalDate(s.starts_on)},
                         {"starts_on_latest", OptionalDate(s.starts_on_latest)},
                         {"barred_from", OptionalDate(s.barred_from)},
                         {"barred_from_latest", OptionalDate(s.barred_from_latest)},
                         {"may_never_lapse", s.may_never_lapse},
                         {"certainty", CertaintyName(s.certainty)},
                         {"provisions", std::move(provisions)}});
    // Facts dated as a period whose first and last days give different time bars.
    if (s.day_decides || !s.on_last_day.empty()) {
      scenarios.back()["day_decides"] = s.day_decides;
      scenarios.back()["barred_from_last_day"] = OptionalDate(s.barred_from_last_day);
    }
  }
  return {{"assessed_on", OptionalDate(outcome->assessed_on)},
          {"lapsed", outcome->lapsed == Truth::kUnknown ? json(nullptr) : json(outcome->lapsed == Truth::kTrue)},
          {"ends_within_months", outcome->ends_within_months ? json(*outcome->ends_within_months) : json(nullptr)},
          {"decided_by", outcome->decided_by},
          {"certainty", CertaintyName(outcome->certainty)},
          {"scenarios", std::move(scenarios)},
          {"text", internal::LimitationLines(*outcome, language)}};
}

// --- The evidence log (evidence_render.h) ---------------------------------------------------

// The case's evidence log, each item numbered from 1 as the other outputs number it.
json EvidenceJson(const std::vector<EvidenceItem>& evidence) {
  json items = json::array();
  for (size_t i = 0; i < evidence.size(); ++i) {
    const EvidenceItem& item = evidence[i];
    const auto text = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    items.push_back({{"number", i + 1},
                     {"url", text(item.url)},
                     {"service", text(item.service)},
                     {"account", text(item.account)},
                     {"seen_on", item.seen_on ? json(item.seen_on->ToString()) : json(nullptr)},
                     {"captured_on", item.captured_on ? json(item.captured_on->ToString()) : json(nullptr)},
                     {"sha256", text(item.sha256)},
                     {"supports", item.supports},
                     {"note", text(item.note)}});
  }
  return items;
}

// What a finding's element carries of the log: the numbers of the items that support it,
// only when some do (a case without evidence reads as before).
void AddElementEvidence(json& element, const Finding& f, const ElementOutcome& e,
                        const std::vector<EvidenceItem>& evidence) {
  const auto items = internal::EvidenceFor(evidence, *f.rule, *e.element);
  if (items.empty()) return;
  json numbers = json::array();
  for (size_t i : items) numbers.push_back(i + 1);
  element["evidence"] = std::move(numbers);
}

// A finding about child sexual abuse material says to report the location, not the file.
void AddChildAbuseMaterialNotice(json& finding, const Finding& f, const Law& law, Language language) {
  if (ConcernsChildAbuseMaterial(law, *f.rule)) finding["report_location_not_file"] = ReportLocationNotFile(language);
}

// ---------------------------------------------------------------------------------------------

json FindingJson(const Finding& f, const Evaluation& evaluation, const Law& law,
                 const std::vector<EvidenceItem>& evidence, Language language) {
  const Rule& rule = *f.rule;
  json elements = json::array();
  for (const auto& e : f.elements) {
    json element = {{"id", e.element->id},
                    {"label", e.element->label.Get(language)},
                    {"status", TruthName(e.truth)},
                    {"missing", e.missing},
                    {"sources", SourcesJson(internal::ElementSources(f, *e.element), language)}};
    AddElementEvidence(element, f, e, evidence);
    elements.push_back(std::move(element));
  }
  json aggravations = json::array();
  for (const auto& a : f.aggravations) {
    const Aggravation& agg = *a.aggravation;
    aggravations.push_back({{"id", agg.id},
                            {"label", agg.label.Get(language)},
                            {"article", agg.article.empty() ? json(nullptr) : json(agg.article)},
                            {"status", TruthName(a.truth)},
                            {"missing", a.missing},
                            {"penalty", PenaltyJson(agg.penalty, language)},
                            {"certainty", CertaintyName(agg.certainty)},
                            {"certainty_reason", LocalizedJson(agg.certainty_reason, language)},
                            {"sources", SourcesJson(internal::AggravationSources(f, agg), language)}});
  }
  json anchors = json::array();
  for (const auto& anchor : f.anchors) anchors.push_back(AnchorJson(anchor));
  json finding = {{"rule", rule.id},
          {"kind", RuleKindName(rule.kind)},
          {"status", FindingStatusName(f.status)},
          // Applies or may apply only on a reading that is not settled: the heading says so.
          {"contested", f.certainty == Certainty::kContested},
          {"heading", internal::FindingHeading(f, language)},
          {"jurisdiction", f.version->jurisdiction},
          {"instrument", f.version->instrument},
          {"citation", Citation(rule, *f.version, language).empty() ? json(nullptr)
                                                                     : json(Citation(rule, *f.version, language))},
          {"article", rule.article},
          {"title", rule.title.Get(language)},
          {"version", VersionJson(*f.version, language)},
          {"dates", std::move(anchors)},
          {"certainty", CertaintyName(f.certainty)},
          {"certainty_reason", CertaintyReasonJson(f, language)},
          {"certainty_from", f.certainty_from.rule == nullptr ? json(nullptr) : json(f.certainty_from.rule->id)},
          {"elements", std::move(elements)},
          {"aggravations", std::move(aggravations)},
          {"missing", f.missing},
          {"penalty", PenaltyJson(rule.penalty, language)},
          {"lex_mitior", LexMitiorJson(f.lex_mitior, language)},
          {"limitation", LimitationJson(f.limitation, language)},
          {"level_notes", internal::LevelNotes(f, evaluation, language, /*with_table_note=*/true)},
          {"note", LocalizedJson(rule.note, language)},
          {"sources", SourcesJson(internal::FindingSources(f), language)}};
  // A finding that stands for several versions (Finding::versions): each of them; "version"
  // stays the first.
  if (!f.versions.empty()) {
    json versions = json::array();
    for (const FindingVersion& v : f.versions) versions.push_back(VersionJson(*v.version, language));
    finding["versions"] = std::move(versions);
    finding["versions_text"] = internal::VersionsText(f, language, /*titles=*/false);
  }
  if (f.day_decides) finding["day_decides"] = internal::DayDecidesLine(f, language);
  AddChildAbuseMaterialNotice(finding, f, law, language);
  return finding;
}

// The plan, each action with the findings it follows from and its deadline; the same words
// as the text's (ActionTexts) beside the structured values.
json ActionsJson(const std::vector<Action>& actions, const Law& law, Language language) {
  json out = json::array();
  const auto texts = internal::ActionTexts(actions, law, language);
  for (size_t i = 0; i < actions.size(); ++i) {
    const Action& a = actions[i];
    json why = json::array();
    for (const Finding* f : a.why) {
      why.push_back({{"rule", f->rule->id},
                     {"version", f->version->id},
                     {"status", std::string(FindingStatusName(f->status))},
                     {"heading", FindingHeading(*f, language)},
                     {"title", LocalizedJson(f->rule->title, language)},
                     {"missing", f->missing}});
      if (!f->versions.empty()) {
        json versions = json::array();
        for (const FindingVersion& v : f->versions) versions.push_back(v.version->id);
        why.back()["versions"] = std::move(versions);
      }
    }
    json deadline = nullptr;
    if (a.deadline) {
      const DeadlineRule& rule = *a.deadline->rule;
      deadline = {{"period", LocalizedJson(rule.period, language)},
                  {"months", rule.from.empty() ? json(nullptr) : json(rule.months)},
                  {"from", rule.from.empty() ? json(nullptr) : json(rule.from)},
                  {"last_day", a.deadline->last_day ? json(a.deadline->last_day->ToString()) : json(nullptr)},
                  {"passed", a.deadline->passed},
                  {"certainty", std::string(CertaintyName(rule.certainty))},
                  {"certainty_reason", LocalizedJson(rule.certainty_reason, language)},
                  {"sources", SourcesJson(rule.sources, language)},
                  {"text", texts[i].deadline},
                  {"brief", texts[i].deadline_brief}};
    }
    out.push_back({{"id", a.why.front()->rule->id},
                   {"class", a.action_class->id},
                   {"class_title", texts[i].action_class},
                   {"title", LocalizedJson(a.why.front()->rule->title, language)},
                   {"plan_title", texts[i].title},
                   {"by", std::string(ActorName(a.declaration->by))},
                   {"by_label", texts[i].who},
                   {"conditional", a.conditional},
                   {"why", std::move(why)},
                   {"deadline", std::move(deadline)}});
  }
  return out;
}

}  // namespace

std::string RenderJson(const Evaluation& evaluation, const Law& law, Language language,
                       const std::vector<Question>* next_questions, const std::vector<CaseHarm>& harms,
                       const std::vector<Action>& actions, const std::vector<EvidenceItem>& evidence,
                       const Provenance* provenance) {
  json findings = json::array();
  for (const auto& f : evaluation.findings) findings.push_back(FindingJson(f, evaluation, law, evidence, language));
  json questions = json::array();
  std::vector<std::string> asked;
  for (const auto& f : evaluation.findings) {
    for (const auto& fact : f.missing) {
      if (std::find(asked.begin(), asked.end(), fact) != asked.end()) continue;
      asked.push_back(fact);
      if (IsDayFact(fact)) {
        questions.push_back({{"fact", fact}, {"question", internal::DayFactText(fact, evaluation, language)}});
        continue;
      }
      auto slot = law.vocabulary().SlotOf(fact);
      questions.push_back({{"fact", fact},
                           {"question", slot ? LocalizedJson(law.vocabulary().fact(*slot).question, language)
                                             : json(nullptr)}});
    }
  }
  json gaps = json::array();
  for (const auto& gap : evaluation.version_gaps) {
    json known = json::array();
    for (const auto* v : gap.known_versions) known.push_back(VersionJson(*v, language));
    gaps.push_back({{"jurisdiction", gap.jurisdiction},
                    {"instrument", gap.instrument},
                    {"date", AnchorJson(gap.anchor)},
                    {"known_versions", std::move(known)}});
  }
  json legal_gaps = json::array();
  for (const auto& gap : internal::CaseGaps(harms, evaluation, language)) {
    const Harm& harm = *gap.harm->harm;
    json readings = json::array();
    for (const Finding* f : gap.readings) {
      readings.push_back({{"rule", f->rule->id},
                          {"version", f->version->id},
                          {"citation", Citation(*f->rule, *f->version, language)},
                          {"certainty", std::string(CertaintyName(f->certainty))},
                          {"certainty_reason", CertaintyReasonJson(*f, language)}});
    }
    legal_gaps.push_back({{"harm", harm.id},
                          {"kind", harm.kind},
                          {"label", LocalizedJson(harm.label, language)},
                          {"holds", gap.harm->holds == Truth::kTrue ? "true" : "unknown"},
                          {"status", std::string(gap.status)},
                          {"reason", gap.reason},
                          {"readings", std::move(readings)},
                          {"sources", SourcesJson(harm.sources, language)}});
  }
  json out = {
      {"actions", ActionsJson(actions, law, language)},
      {"format", kResultFormat},
      {"disclaimer", internal::WordingFor(language).disclaimer},
      {"language", std::string(LanguageCode(language))},
      {"case", {{"id", evaluation.case_id},
                {"title", evaluation.case_title.empty() ? json(nullptr) : json(evaluation.case_title)},
                {"jurisdiction", evaluation.jurisdiction},
                {"date", evaluation.date.ToString()}}},
      {"as_of", evaluation.options.as_of ? json(evaluation.options.as_of->ToString()) : json(nullptr)},
      {"assessed_on", evaluation.options.assessed_on ? json(evaluation.options.assessed_on->ToString()) : json(nullptr)},
      {"with", evaluation.options.with},
      {"law", law.source() == nullptr ? json(nullptr)
                                      : json({{"folder", law.source()->folder},
                                              {"snapshot", law.source()->snapshot.empty() ? json(nullptr) : json(law.source()->snapshot)},
                                              {"fingerprint", law.source()->fingerprint}})},
      {"findings", std::move(findings)},
      {"questions", std::move(questions)},
      {"gaps", std::move(legal_gaps)},
      {"version_gaps", std::move(gaps)},
      {"evidence", EvidenceJson(evidence)},
  };
  if (!evaluation.period.exact() || evaluation.period.range) {
    out["case"]["period"] = PeriodJson(evaluation.period);
    out["case"]["date_text"] = internal::PeriodText(evaluation.period, language);
  }
  if (next_questions != nullptr) {
    json ranked = json::array();
    for (const auto& q : *next_questions) {
      json decides = json::array();
      for (const auto& ref : q.decides) decides.push_back({{"rule", ref.rule->id}, {"version", ref.version->id}});
      ranked.push_back({{"fact", q.fact->name},
                        {"member", q.member.empty() ? json(nullptr) : json(q.member)},
                        {"question", LocalizedJson(q.fact->question, language)},
                        {"sensitivity", q.fact->sensitivity},
                        {"score", q.score},
                        {"decides", std::move(decides)}});
    }
    out["next_questions"] = std::move(ranked);
  }
  if (evaluation.options.explain) {
    json not_met = json::array();
    for (const auto& n : evaluation.not_met) {
      not_met.push_back({{"rule", n.rule->id},
                         {"article", n.rule->article},
                         {"version", n.version->id},
                         {"failed_element", n.failed ? json(n.failed->id) : json(nullptr)}});
    }
    out["not_met"] = std::move(not_met);
  }
  if (!evaluation.warnings.empty()) {
    json warnings = json::array();
    for (const auto& w : evaluation.warnings) {
      warnings.push_back({{"code", w.code}, {"message", w.message}});
    }
    out["warnings"] = std::move(warnings);
  }
  if (provenance != nullptr) out["provenance"] = internal::ProvenanceJson(*provenance);
  return Dump(out);
}

namespace internal {

json ProvenanceJson(const Provenance& p) {
  auto date = [](const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); };
  auto text = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json out = {{"ibsa_version", p.version},
              {"ibsa_commit", text(p.commit)},
              {"law_sha256", text(p.law_sha256)},
              {"law_fingerprint", text(p.law_fingerprint)},
              {"versions", p.versions},
              {"date", p.facts_date.ToString()},
              {"as_of", date(p.as_of)},
              {"with", p.with},
              {"assessed_on", date(p.assessed_on)},
              {"case_sha256", text(p.case_sha256)}};
  // Only a diff across dates has a second date: the key is left out of every other output.
  if (p.compared_with) out["compared_with"] = p.compared_with->ToString();
  // The date of the facts given as a period: as given, beside its first day ("date").
  if (p.facts_period) out["period"] = PeriodJson(*p.facts_period);
  return out;
}

}  // namespace internal

}  // namespace ibsa
