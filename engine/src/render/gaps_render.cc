#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ibsa/gaps.h"
#include "ibsa/render.h"
#include "render/provenance_json.h"
#include "render/render_common.h"

namespace ibsa {
namespace {

using nlohmann::json;

// An exact count of combinations, for the machine-readable formats only.
std::string Number(double n) {
  std::ostringstream out;
  out.precision(0);
  out << std::fixed << n;
  return out.str();
}

// "{1} of {2}": each {n} replaced by the n-th argument.
std::string Fill(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9' && static_cast<size_t>(pattern[i + 1] - '1') < args.size()) {
      out += args[pattern[i + 1] - '1'];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// The words of gap and diff reports in one language: the patterns' conditions, the shares,
// the summary.
struct GapWording {
  const char* yes;
  const char* no;
  const char* not_value;   // "not {1}"
  const char* other_than;  // "other than {1}"
  const char* or_word;     // " or "
  const char* at_least;
  const char* under;
  const char* range;
  const char* any;             // a pattern with no condition
  const char* narrower;        // "{1} more conditions not shown: narrower than said"
  const char* more;            // "and {1} smaller or less usual ones ({2})"
  const char* example;         // "example {1}"
  const char* gaps_title;      // "Legal gaps: {1}"
  const char* on;
  const char* with;
  const char* law_swept;       // "Law swept: {1}."
  const char* none_encoded;
  const char* method;          // "{1}": how many facts
  const char* summary;         // the summary's heading
  const char* harm;
  const char* covered;
  const char* by_reading;
  const char* not_covered;
  const char* gap_line;        // "{1} of the combinations ... covered by no offence"
  const char* gap_none;
  const char* reading_line;    // "{1} more are covered only by ..."
  const char* patterns_follow;
  const char* of_harm;         // "{1} of it": a pattern's share of the harm
  const char* left;
  const char* right;
  const char* change_line;     // a change's share of the combinations
};

const GapWording& GapWordingFor(Language language) {
  static const GapWording nl{
      "ja", "nee", "niet {1}", "behalve {1}", " of ", "minstens {1}", "minder dan {1}", "{1} tot en met {2}",
      "(elke combinatie)", "nog {1} voorwaarde(n) niet getoond: smaller dan gezegd",
      "en {1} kleinere of minder gewone ({2})", "voorbeeld {1}", "Juridische lacunes: {1}", " op ", " met ",
      "Doorzochte wetgeving: {1}.", "niets gecodeerd",
      "Aandelen zijn aandelen van de combinaties van feiten die de voorwaarden tussen feiten toelaten ({1} feiten; "
      "leeftijden en data gesneden waar de wet een grens trekt): hoeveel van de mogelijke situaties een lacune beslaat, "
      "niet hoe vaak ze voorkomt.",
      "Samenvatting: aandeel van de combinaties van feiten waarin de schade zich voordoet", "schade", "gedekt",
      "alleen bij een betwiste of niet geverifieerde lezing", "niet gedekt",
      "{1} van de combinaties van feiten waarin ze zich voordoet, dekt geen enkel misdrijf",
      "Elke combinatie van feiten waarin ze zich voordoet, dekt een misdrijf.",
      "{1} is alleen gedekt bij een betwiste of niet geverifieerde lezing", "vooral:", "{1} ervan", "links",
      "rechts", "{1} van de combinaties van feiten"};
  static const GapWording fr{
      "oui", "non", "pas {1}", "autre que {1}", " ou ", "au moins {1}", "moins de {1}", "de {1} à {2}",
      "(toute combinaison)", "{1} autre(s) condition(s) non montrée(s) : plus étroit qu'énoncé",
      "et {1} plus petits ou moins habituels ({2})", "exemple {1}", "Lacunes juridiques : {1}", " au ", " avec ",
      "Droit parcouru : {1}.", "rien d'encodé",
      "Les parts sont des parts des combinaisons de faits que permettent les contraintes entre faits ({1} faits ; "
      "âges et dates coupés là où la loi trace une limite) : combien des situations possibles une lacune couvre, "
      "non combien de fois elle se produit.",
      "Résumé : part des combinaisons de faits où l'atteinte existe", "atteinte", "couvert",
      "seulement selon une lecture contestée ou non vérifiée", "non couvert",
      "{1} des combinaisons de faits où elle existe ne sont couvertes par aucune infraction",
      "Chaque combinaison de faits où elle existe est couverte par une infraction.",
      "{1} ne sont couvertes que selon une lecture contestée ou non vérifiée", "surtout :", "{1} de l'atteinte",
      "gauche", "droite", "{1} des combinaisons de faits"};
  static const GapWording en{
      "yes", "no", "not {1}", "other than {1}", " or ", "at least {1}", "under {1}", "{1} to {2}",
      "(any combination)", "{1} more condition(s) not shown: narrower than said",
      "and {1} smaller or less usual ones ({2})", "example {1}", "Legal gaps: {1}", " on ", " with ",
      "Law swept: {1}.", "none encoded",
      "Shares are of the combinations of facts that the constraints between facts allow ({1} facts; ages and dates "
      "cut where the law draws a line): how much of the possible situations a gap spans, not how often it happens.",
      "Summary: share of the combinations of facts in which the harm holds", "harm", "covered",
      "only on a contested or unverified reading", "not covered",
      "{1} of the combinations of facts in which it holds are covered by no offence",
      "Every combination of facts in which it holds is covered by an offence.",
      "{1} are covered only on a contested or unverified reading", "mainly:", "{1} of it", "left", "right",
      "{1} of the combinations of facts"};
  switch (language) {
    case Language::kNl: return nl;
    case Language::kFr: return fr;
    case Language::kEn: return en;
  }
  return en;  // not reached: the switch names every language
}

// "0.4%", "0,4 %" (fr), "< 0.1%": a share, never a count.
std::string Share(double part, double whole, Language language) {
  const double p = whole > 0 ? 100.0 * part / whole : 0;
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << (p > 0 && p < 0.05 ? 0.1 : p);
  std::string s = out.str();
  if (language != Language::kEn) std::replace(s.begin(), s.end(), '.', ',');
  if (p > 0 && p < 0.05) s = "< " + s;
  return s + (language == Language::kFr ? " %" : "%");
}

// A share as JSON reads it: a fraction, rounded to six places.
double Fraction(double part, double whole) { return whole > 0 ? std::round(part / whole * 1e6) / 1e6 : 0; }

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string s;
  for (const auto& x : items) s += (s.empty() ? "" : std::string(separator)) + x;
  return s;
}

// One condition in words: the fact's label and the values' labels, "Technique: fully
// generated or face swap"; a fact the vocabulary does not know reads as its name.
std::string ConditionWords(const Constraint& c, const Vocabulary& vocabulary, Language language) {
  const GapWording& w = GapWordingFor(language);
  const auto slot = vocabulary.SlotOf(c.fact);
  const FactDefinition* fact = slot ? &vocabulary.fact(*slot) : nullptr;
  const std::string label = fact && !fact->label.Get(language).empty() ? fact->label.Get(language) : c.fact;
  auto name = [&](const std::string& v) -> std::string {
    if (fact == nullptr) return v;
    const auto index = fact->ValueIndex(v);
    return index ? fact->ValueLabel(*index, language) : v;
  };
  auto names = [&](const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) out.push_back(name(v));
    return Join(out, w.or_word);
  };
  std::string value;
  switch (c.op) {
    case ConstraintOp::kIs: value = c.values.at(0) == "true" ? w.yes : w.no; break;
    case ConstraintOp::kHas: value = name(c.values.at(0)); break;
    case ConstraintOp::kHasNot: value = Fill(w.not_value, {name(c.values.at(0))}); break;
    case ConstraintOp::kIn: {
      // Many values allowed read better as the few excluded: "other than real recording".
      std::vector<std::string> excluded;
      if (fact != nullptr) {
        for (const auto& v : fact->values) {
          if (std::find(c.values.begin(), c.values.end(), v) == c.values.end()) excluded.push_back(v);
        }
      }
      value = c.values.size() > 2 && !excluded.empty() && excluded.size() < c.values.size()
                  ? Fill(w.other_than, {names(excluded)})
                  : names(c.values);
      break;
    }
    case ConstraintOp::kInRanges: {
      auto show = [&](int64_t v) {
        return c.type == FactType::kDate ? Date::FromDays(static_cast<int32_t>(v)).ToString() : std::to_string(v);
      };
      std::vector<std::string> pieces;
      for (const ValueRange& r : c.ranges) {
        pieces.push_back(r.min && r.max ? (*r.min == *r.max ? show(*r.min) : Fill(w.range, {show(*r.min), show(*r.max)}))
                         : r.min        ? Fill(w.at_least, {show(*r.min)})
                         : r.max        ? Fill(w.under, {show(*r.max + 1)})
                                        : std::string());
      }
      value = Join(pieces, w.or_word);
      break;
    }
  }
  return label + (language == Language::kFr ? " : " : ": ") + value;
}

// A pattern in words: its conditions, then, if it needs more, that it is narrower.
std::string PatternWords(const Pattern& p, const Vocabulary& vocabulary, Language language) {
  const GapWording& w = GapWordingFor(language);
  std::vector<std::string> words;
  const std::string colon = language == Language::kFr ? " : " : ": ";
  for (size_t i = 0; i < p.constraints.size(); ++i) {
    const Constraint& c = p.constraints[i];
    std::string one = ConditionWords(c, vocabulary, language);
    // The members of one set read as one condition: "Acts: made, not shared, not sold".
    if (i > 0 && p.constraints[i - 1].fact == c.fact && c.type == FactType::kSet) {
      words.back() += ", " + one.substr(one.find(colon) + colon.size());
      continue;
    }
    words.push_back(std::move(one));
  }
  std::string s = words.empty() ? w.any : Join(words, "; ");
  if (p.conditions_not_shown > 0) s += " (" + Fill(w.narrower, {std::to_string(p.conditions_not_shown)}) + ")";
  return s;
}

// The values a constraint allows, typed as the fact is: booleans, strings, or ranges of
// numbers or dates ({"min": 16, "max": 17}; an open end is left out).
json ConstraintValues(const Constraint& c) {
  json values = json::array();
  switch (c.op) {
    case ConstraintOp::kIs:
      for (const auto& v : c.values) values.push_back(v == "true");
      break;
    case ConstraintOp::kIn:
    case ConstraintOp::kHas:
    case ConstraintOp::kHasNot:
      for (const auto& v : c.values) values.push_back(v);
      break;
    case ConstraintOp::kInRanges:
      for (const ValueRange& r : c.ranges) {
        json range = json::object();
        auto bound = [&](int64_t v) -> json {
          if (c.type == FactType::kDate) return Date::FromDays(static_cast<int32_t>(v)).ToString();
          return v;
        };
        if (r.min) range["min"] = bound(*r.min);
        if (r.max) range["max"] = bound(*r.max);
        values.push_back(range);
      }
      break;
  }
  return values;
}

// `whole`: the combinations the pattern's share is of (the harm's, or the space's in a diff).
json PatternJson(const Pattern& p, double whole, const Vocabulary& vocabulary, Language language) {
  json constraints = json::array();
  for (const auto& c : p.constraints) {
    constraints.push_back({{"fact", c.fact},
                           {"text", ConditionWords(c, vocabulary, language)},
                           {"constraint", c.text},
                           {"op", ConstraintOpName(c.op)},
                           {"values", ConstraintValues(c)}});
  }
  return {{"text", PatternWords(p, vocabulary, language)},
          {"constraints", constraints},
          {"conditions_not_shown", p.conditions_not_shown},
          {"share", Fraction(p.scenarios, whole)},
          {"combinations", p.scenarios},
          {"usual_combinations", p.usual_scenarios},
          {"example", ExampleCaseFile(p, vocabulary)}};
}

json GroupJson(const std::vector<Pattern>& patterns, double combinations, size_t more, double more_combinations,
               double whole, const Vocabulary& vocabulary, Language language) {
  json list = json::array();
  for (const auto& p : patterns) list.push_back(PatternJson(p, whole, vocabulary, language));
  return {{"share", Fraction(combinations, whole)}, {"combinations", combinations}, {"patterns", list},
          {"more_patterns", more}, {"more_share", Fraction(more_combinations, whole)},
          {"more_combinations", more_combinations}};
}

json CountsJson(const HarmCoverageCounts& c) {
  return {{"combinations", c.harm}, {"covered", Fraction(c.covered, c.harm)},
          {"by_reading", Fraction(c.by_reading, c.harm)}, {"not_covered", Fraction(c.not_covered, c.harm)}};
}

HarmCoverageCounts CountsOf(const HarmGaps& h) {
  return {h.harm_scenarios, h.harm_scenarios - h.gap_scenarios - h.uncertain_scenarios, h.uncertain_scenarios,
          h.gap_scenarios};
}

std::string CsvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string WithText(const std::vector<std::string>& with) { return Join(with, ", "); }

// What a sweep with proposals assumes, in `language`: a bill's date is a placeholder, so it
// is read as if in force on the date asked, and the reader must know it.
std::string ProposalsNote(const std::vector<std::string>& with, Date date, Language language) {
  const bool one = with.size() == 1;
  const std::string d = date.ToString();
  switch (language) {
    case Language::kNl:
      return one ? "Het voorstel wordt beoordeeld alsof het op " + d + " van kracht was."
                 : "De voorstellen worden beoordeeld alsof ze op " + d + " van kracht waren.";
    case Language::kFr:
      return one ? "La proposition est évaluée comme si elle était en vigueur le " + d + "."
                 : "Les propositions sont évaluées comme si elles étaient en vigueur le " + d + ".";
    case Language::kEn:
      return one ? "The proposal is assessed as if it were in force on " + d + "."
                 : "The proposals are assessed as if they were in force on " + d + ".";
  }
  return "";  // not reached: the switch names every language
}

// The summary as a chart: per harm its label, then one bar per side (covered, covered only
// on a contested or unverified reading, not covered), as inline SVG with no external asset.
struct ChartRow {
  std::string label;
  std::vector<std::pair<std::string, HarmCoverageCounts>> bars;  // (side, counts); side "" alone
};
std::string SummarySvg(const std::vector<ChartRow>& rows, Language language) {
  const GapWording& w = GapWordingFor(language);
  constexpr int kWidth = 640, kBarX = 60, kBarWidth = 560, kBar = 12;
  const char* colours[3] = {"#2e7d32", "#f9a825", "#c62828"};
  std::string body;
  int y = 0;
  auto number = [](double v) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << v;
    return out.str();
  };
  for (const ChartRow& row : rows) {
    y += 16;
    body += "  <text x=\"0\" y=\"" + std::to_string(y) + "\" font-size=\"12\">" + internal::XmlEscaped(row.label) + "</text>\n";
    for (const auto& [side, c] : row.bars) {
      y += 4;
      if (!side.empty()) {
        body += "  <text x=\"0\" y=\"" + std::to_string(y + kBar - 2) + "\" font-size=\"10\">" + internal::XmlEscaped(side) + "</text>\n";
      }
      double x = kBarX;
      const double parts[3] = {c.covered, c.by_reading, c.not_covered};
      for (int i = 0; i < 3; ++i) {
        const double width = c.harm > 0 ? kBarWidth * parts[i] / c.harm : 0;
        if (width > 0) {
          body += "  <rect x=\"" + number(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + number(width) +
                  "\" height=\"" + std::to_string(kBar) + "\" fill=\"" + colours[i] + "\"/>\n";
        }
        x += width;
      }
      if (c.harm <= 0) {
        body += "  <rect x=\"" + std::to_string(kBarX) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                std::to_string(kBarWidth) + "\" height=\"" + std::to_string(kBar) + "\" fill=\"none\" stroke=\"#999\"/>\n";
      }
      y += kBar;
    }
  }
  y += 20;
  const char* names[3] = {w.covered, w.by_reading, w.not_covered};
  int x = 0;
  for (int i = 0; i < 3; ++i) {
    body += "  <rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y - 10) + "\" width=\"10\" height=\"10\" fill=\"" +
            colours[i] + "\"/><text x=\"" + std::to_string(x + 14) + "\" y=\"" + std::to_string(y) +
            "\" font-size=\"11\">" + internal::XmlEscaped(names[i]) + "</text>\n";
    x += i == 1 ? 300 : 120;
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(y + 6) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(y + 6) +
         "\" role=\"img\" aria-label=\"" + internal::XmlEscaped(w.summary) + "\">\n" + body + "</svg>\n";
}

std::string SharesText(const HarmCoverageCounts& c, Language language) {
  auto pad = [](std::string s) {
    size_t chars = 0;
    for (unsigned char ch : s) chars += (ch & 0xC0) != 0x80;
    return std::string(chars < 7 ? 7 - chars : 0, ' ') + s;
  };
  return pad(Share(c.covered, c.harm, language)) + " " + pad(Share(c.by_reading, c.harm, language)) + " " +
         pad(Share(c.not_covered, c.harm, language));
}

std::string SharesCells(const HarmCoverageCounts& c, Language language) {
  return Share(c.covered, c.harm, language) + " | " + Share(c.by_reading, c.harm, language) + " | " +
         Share(c.not_covered, c.harm, language);
}

// The patterns shown of one group: a numbered list (text) or a table (Markdown), then how
// many more were found. Shares are of `whole`.
void AppendPatterns(std::string& out, const std::vector<Pattern>& patterns, size_t more, double more_scenarios,
                    double whole, bool md, const Vocabulary& vocabulary, Language language) {
  const GapWording& w = GapWordingFor(language);
  if (md && !patterns.empty()) out += "\n| # | % | " + std::string(w.patterns_follow) + " | |\n|---|---|---|---|\n";
  for (size_t i = 0; i < patterns.size(); ++i) {
    const Pattern& p = patterns[i];
    const std::string id = p.example ? p.example->id() : "";
    out += md ? "| " + std::to_string(i + 1) + " | " + Share(p.scenarios, whole, language) + " | " +
                    PatternWords(p, vocabulary, language) + " | " + (id.empty() ? "" : "`" + id + "`") + " |\n"
              : "    " + std::to_string(i + 1) + ". (" + Share(p.scenarios, whole, language) + ") " +
                    PatternWords(p, vocabulary, language) + (id.empty() ? "" : " [" + Fill(w.example, {id}) + "]") + "\n";
  }
  if (more > 0) {
    out += (md ? "\n" : "    ") + Fill(w.more, {std::to_string(more), Share(more_scenarios, whole, language)}) + ".\n";
  }
}

}  // namespace

std::string ExampleCaseFile(const Pattern& pattern, const Vocabulary& vocabulary) {
  if (!pattern.example) return "";
  return "# Generated by ibsa: one scenario of the pattern; facts not listed do not matter.\n" +
         CaseToYaml(*pattern.example, vocabulary);
}

std::string_view DiffChangeKindName(DiffChangeKind kind) {
  switch (kind) {
    case DiffChangeKind::kCoveredOnlyLeft: return "covered_only_left";
    case DiffChangeKind::kCoveredOnlyRight: return "covered_only_right";
    case DiffChangeKind::kPenaltyChanged: return "penalty_changed";
    case DiffChangeKind::kOffenceRemoved: return "offence_removed";
    case DiffChangeKind::kNoLongerCovered: return "no_longer_covered";
    case DiffChangeKind::kNewlyCovered: return "newly_covered";
    case DiffChangeKind::kOffenceAdded: return "offence_added";
    case DiffChangeKind::kRenumbered: return "renumbered";
  }
  return "";  // not reached: the switch names every kind
}

std::string_view ConstraintOpName(ConstraintOp op) {
  switch (op) {
    case ConstraintOp::kIs: return "is";
    case ConstraintOp::kIn: return "in";
    case ConstraintOp::kHas: return "has";
    case ConstraintOp::kHasNot: return "has_not";
    case ConstraintOp::kInRanges: return "in_ranges";
  }
  return "is";  // not reached: the switch names every operator
}

namespace {

// The provenance of a gaps or diff report (provenance.h), after it: the text's block, or in
// Markdown one line of small print as the report's, what a reader quotes to have it reproduced.
std::string ProvenanceFooter(const Provenance* provenance, bool markdown, Language language) {
  if (provenance == nullptr) return "";
  if (!markdown) return RenderProvenanceText(*provenance, language);
  std::string line;
  for (const auto& item : internal::ProvenanceItems(*provenance, language)) {
    line += (line.empty() ? "" : " · ") + item.label + " " + item.value;
  }
  return "\n_" + internal::ProvenanceHeading(language) + ": " + line + "_\n";
}

}  // namespace

std::string RenderGaps(const GapReport& r, Format format, Language language, const Provenance* provenance) {
  const GapWording& w = GapWordingFor(language);
  const Vocabulary& vocabulary = *r.vocabulary;
  const std::string where = r.options.jurisdiction + w.on + r.options.date.ToString() +
                            (r.options.with.empty() ? "" : w.with + WithText(r.options.with));
  if (format == Format::kJson) {
    json summary = json::array();
    json harms = json::array();
    for (const auto& h : r.harms) {
      json row{{"harm", h.harm->id}, {"kind", h.harm->kind}, {"label", h.harm->label.Get(language)}};
      row.update(CountsJson(CountsOf(h)));
      summary.push_back(std::move(row));
      harms.push_back({{"harm", h.harm->id}, {"kind", h.harm->kind}, {"label", h.harm->label.Get(language)},
                       {"combinations", h.harm_scenarios},
                       {"not_covered", GroupJson(h.patterns, h.gap_scenarios, h.more_patterns, h.more_scenarios,
                                                 h.harm_scenarios, vocabulary, language)},
                       {"by_reading", GroupJson(h.uncertain_patterns, h.uncertain_scenarios, h.uncertain_more_patterns,
                                                h.uncertain_more_scenarios, h.harm_scenarios, vocabulary, language)}});
    }
    json versions = json::array();
    for (const auto* v : r.versions) versions.push_back(v->id);
    json out{{"format", "ibsa.gaps/2"}, {"jurisdiction", r.options.jurisdiction},
             {"date", r.options.date.ToString()}, {"with", r.options.with}, {"versions", versions},
             {"facts", r.facts}, {"combinations", r.space}, {"summary", summary}, {"harms", harms}};
    if (!r.options.with.empty()) {
      out["proposals_as_if_in_force_on"] = r.options.date.ToString();
      out["proposals_note"] = ProposalsNote(r.options.with, r.options.date, language);
    }
    if (provenance != nullptr) out["provenance"] = internal::ProvenanceJson(*provenance);
    return out.dump(2) + "\n";
  }
  if (format == Format::kCsv) {
    // With proposals, a last column says the date they are assumed in force on.
    const std::string as_if = r.options.with.empty() ? "" : "," + r.options.date.ToString();
    std::string out = std::string("jurisdiction,date,harm,kind,coverage,pattern,share,combinations,conditions,example") +
                      (as_if.empty() ? "" : ",proposals_as_if_in_force_on") + "\n";
    for (const auto& h : r.harms) {
      for (const auto* list : {&h.patterns, &h.uncertain_patterns}) {
        const std::string coverage = list == &h.patterns ? "none" : "uncertain";
        for (size_t i = 0; i < list->size(); ++i) {
          const Pattern& p = (*list)[i];
          out += r.options.jurisdiction + "," + r.options.date.ToString() + "," + h.harm->id + "," + h.harm->kind + "," +
                 coverage + "," + std::to_string(i + 1) + "," + std::to_string(Fraction(p.scenarios, h.harm_scenarios)) +
                 "," + Number(p.scenarios) + "," + CsvField(PatternWords(p, vocabulary, language)) +
                 "," + (p.example ? p.example->id() : "") + as_if + "\n";
        }
      }
    }
    return out;
  }
  const bool md = format == Format::kMarkdown;
  const std::string indent = md ? "" : "  ";
  std::string out = md ? "## " + Fill(w.gaps_title, {where}) + "\n\n" : Fill(w.gaps_title, {where}) + "\n";
  std::vector<std::string> versions;
  for (const auto* v : r.versions) versions.push_back(v->id);
  out += indent + Fill(w.law_swept, {versions.empty() ? w.none_encoded : Join(versions, ", ")}) + (md ? "\n\n" : "\n");
  out += indent + Fill(w.method, {std::to_string(r.facts.size())}) + "\n";
  if (!r.options.with.empty()) out += (md ? "\n" : indent) + ProposalsNote(r.options.with, r.options.date, language) + "\n";
  // The summary first.
  out += md ? "\n### " + std::string(w.summary) + "\n\n| " + w.harm + " | " + w.covered + " | " + w.by_reading + " | " +
                  w.not_covered + " |\n|---|---|---|---|\n"
            : "\n  " + std::string(w.summary) + " (" + w.covered + " / " + w.by_reading + " / " + w.not_covered + ")" +
                  (language == Language::kFr ? " :" : ":") + "\n";
  std::vector<ChartRow> chart;
  for (const auto& h : r.harms) {
    const HarmCoverageCounts c = CountsOf(h);
    out += md ? "| " + h.harm->label.Get(language) + " (`" + h.harm->id + "`) | " + SharesCells(c, language) + " |\n"
              : "  " + SharesText(c, language) + "  " + h.harm->label.Get(language) + " [" + h.harm->id + "]\n";
    chart.push_back({h.harm->label.Get(language), {{"", c}}});
  }
  if (md) out += "\n" + SummarySvg(chart, language);
  for (const auto& h : r.harms) {
    out += md ? "\n### " + h.harm->label.Get(language) + " (`" + h.harm->id + "`)\n\n"
              : "\n* " + h.harm->label.Get(language) + " [" + h.harm->id + "]\n";
    out += indent + (h.gap_scenarios > 0 ? Fill(w.gap_line, {Share(h.gap_scenarios, h.harm_scenarios, language)}) +
                                               (h.patterns.empty() ? "." : (language == Language::kFr ? " ; " : "; ") + std::string(w.patterns_follow))
                                         : std::string(w.gap_none)) +
           "\n";
    AppendPatterns(out, h.patterns, h.more_patterns, h.more_scenarios, h.harm_scenarios, md, vocabulary, language);
    if (h.uncertain_scenarios > 0) {
      out += (md ? "\n" : "  ") + Fill(w.reading_line, {Share(h.uncertain_scenarios, h.harm_scenarios, language)}) +
             (h.uncertain_patterns.empty() ? "." : (language == Language::kFr ? " ; " : "; ") + std::string(w.patterns_follow)) + "\n";
      AppendPatterns(out, h.uncertain_patterns, h.uncertain_more_patterns, h.uncertain_more_scenarios,
                     h.harm_scenarios, md, vocabulary, language);
    }
  }
  return out + ProvenanceFooter(provenance, md, language);
}

namespace {

// The words of a diff report in one language.
struct DiffWording {
  const char* on;            // "NL on 2024-07-01"
  const char* with;          // "... with nl.nrd.2099-01-01"
  const char* changes_from;  // "Changes from A (left) to B (right)"
  const char* left_to;
  const char* right_mark;
  const char* diff;          // the Markdown heading
  const char* no_changes;
  const char* article;
  // The phrases of the changes: their kind said, about the offence named before them.
  const char* covered_only_left;
  const char* covered_only_right;
  const char* penalty_changed;
  const char* offence_removed;
  const char* no_longer_covered;
  const char* newly_covered;
  const char* offence_added;
  const char* renumbered;  // "art. 139h Sr → art. 254ba Sr: same conduct, same penalty"
  const char* no_penalty;
  const char* penalty_unverified;
};

const DiffWording& DiffWordingFor(Language language) {
  static const DiffWording nl{" op ", " met ", "Wijzigingen van ", " (links) naar ", " (rechts)", "Verschil: ",
                              "Geen enkel scenario verandert.", "art. ",
                              "alleen links gedekt (geen misdrijf rechts)", "alleen rechts gedekt (geen misdrijf links)",
                              "straf gewijzigd", "misdrijf geschrapt: geen misdrijf rechts zet het voort",
                              "niet meer gedekt door de opvolger", "nieuw gedekt door dit misdrijf",
                              "misdrijf toegevoegd", "zelfde gedraging, zelfde straf", "geen", "niet geverifieerd"};
  static const DiffWording fr{" au ", " avec ", "Changements de ", " (gauche) à ", " (droite)", "Différence : ",
                              "Aucun scénario ne change.", "art. ",
                              "couvert seulement à gauche (aucune infraction à droite)",
                              "couvert seulement à droite (aucune infraction à gauche)", "peine modifiée",
                              "infraction supprimée : aucune infraction à droite ne la prolonge",
                              "n'est plus couvert par la disposition qui lui succède",
                              "nouvellement couvert par cette infraction", "infraction ajoutée",
                              "même comportement, même peine", "aucune",
                              "non vérifiée"};
  static const DiffWording en{" on ", " with ", "Changes from ", " (left) to ", " (right)", "Diff: ",
                              "No scenario changes.", "art. ",
                              "covered only on the left (no offence on the right)",
                              "covered only on the right (no offence on the left)", "penalty changed",
                              "offence removed: no offence on the right continues it",
                              "no longer covered by its successor", "newly covered by this offence", "offence added",
                              "same conduct, same penalty", "none", "not verified"};
  switch (language) {
    case Language::kNl: return nl;
    case Language::kFr: return fr;
    case Language::kEn: return en;
  }
  return en;  // not reached: the switch names every language
}

std::string PenaltyWords(const Rule& rule, const DiffWording& w, Language language) {
  if (!rule.penalty) return w.no_penalty;
  const std::string summary = internal::PenaltySummary(*rule.penalty, language);
  return summary.empty() ? w.penalty_unverified : summary;
}

// The old and new numbers of a renumbered offence, cited as the findings cite them:
// "art. 139h lid 1 sub a Sr → art. 254ba lid 1 sub a Sr".
std::string Renumbering(const DiffChange& c, Language language) {
  auto cite = [&](const std::vector<DiffOffence>& offences) {
    std::string out;
    for (const auto& o : offences) out += (out.empty() ? "" : ", ") + Citation(*o.rule, *o.version, language);
    return out;
  };
  return cite(c.renumbered_from) + " → " + cite(c.renumbered_to);
}

// What changed, in `language`: "penalty changed (nl.sr.240b: ... -> nl.sr.252: ...)", and
// for an offence under a new number, the old and new numbers.
std::string ChangePhrase(const DiffChange& c, Language language) {
  const DiffWording& w = DiffWordingFor(language);
  const std::string numbers =
      c.renumbered_from.empty() || c.kind == DiffChangeKind::kRenumbered ? "" : " (" + Renumbering(c, language) + ")";
  switch (c.kind) {
    case DiffChangeKind::kCoveredOnlyLeft: return w.covered_only_left;
    case DiffChangeKind::kCoveredOnlyRight: return w.covered_only_right;
    case DiffChangeKind::kPenaltyChanged:
      return std::string(w.penalty_changed) + " (" + c.earlier->id + ": " + PenaltyWords(*c.earlier, w, language) +
             " -> " + c.later->id + ": " + PenaltyWords(*c.later, w, language) + ")" + numbers;
    case DiffChangeKind::kOffenceRemoved: return w.offence_removed;
    case DiffChangeKind::kNoLongerCovered: return w.no_longer_covered + numbers;
    case DiffChangeKind::kNewlyCovered: return w.newly_covered + numbers;
    case DiffChangeKind::kOffenceAdded: return w.offence_added;
    case DiffChangeKind::kRenumbered: return Renumbering(c, language) + ": " + w.renumbered;
  }
  return "";  // not reached: the switch names every kind
}

}  // namespace

std::string RenderDiff(const DiffReport& r, Format format, Language language, const Provenance* provenance) {
  const DiffWording& w = DiffWordingFor(language);
  const GapWording& g = GapWordingFor(language);
  const Vocabulary& vocabulary = *r.vocabulary;
  auto side = [&](const DiffSide& s) {
    return s.jurisdiction + w.on + s.date.ToString() + (s.with.empty() ? "" : w.with + WithText(s.with));
  };
  if (format == Format::kJson) {
    json summary = json::array();
    for (const auto& h : r.harms) {
      summary.push_back({{"harm", h.harm->id}, {"kind", h.harm->kind}, {"label", h.harm->label.Get(language)},
                         {"left", CountsJson(h.left)}, {"right", CountsJson(h.right)}});
    }
    json changes = json::array();
    for (const auto& c : r.changes) {
      json patterns = json::array();
      for (const auto& p : c.patterns) patterns.push_back(PatternJson(p, r.space, vocabulary, language));
      // `change` stays the English phrase it always was; `kind` is what a program reads.
      json change{{"rule", c.rule.empty() ? json(nullptr) : json(c.rule)},
                  {"article", c.article.empty() ? json(nullptr) : json(c.article)},
                  {"kind", DiffChangeKindName(c.kind)},
                  {"change", ChangePhrase(c, Language::kEn)},
                  {"share", Fraction(c.scenarios, r.space)},
                  {"combinations", c.scenarios},
                  {"patterns", patterns},
                  {"more_patterns", c.more_patterns},
                  {"more_share", Fraction(c.more_scenarios, r.space)},
                  {"more_combinations", c.more_scenarios}};
      if (c.kind == DiffChangeKind::kPenaltyChanged) {
        change["penalty"] = {{"earlier_rule", c.earlier->id},
                             {"before", PenaltyWords(*c.earlier, w, language)},
                             {"after", PenaltyWords(*c.later, w, language)}};
      }
      if (!c.renumbered_from.empty()) {
        auto offences = [&](const std::vector<DiffOffence>& list) {
          json out = json::array();
          for (const auto& o : list) {
            out.push_back({{"rule", o.rule->id}, {"article", o.rule->article},
                           {"citation", Citation(*o.rule, *o.version, language)}});
          }
          return out;
        };
        change["renumbering"] = {{"from", offences(c.renumbered_from)}, {"to", offences(c.renumbered_to)},
                                 {"text", Renumbering(c, language)}};
      }
      changes.push_back(std::move(change));
    }
    // The sides stay in English words: programs compare them.
    auto side_en = [](const DiffSide& s) {
      return s.jurisdiction + " on " + s.date.ToString() + (s.with.empty() ? "" : " with " + WithText(s.with));
    };
    json out{{"format", "ibsa.diff/2"}, {"left", side_en(r.left)}, {"right", side_en(r.right)},
             {"facts", r.facts}, {"combinations", r.space}, {"summary", summary}, {"changes", changes}};
    if (!r.right.with.empty()) {
      out["proposals_as_if_in_force_on"] = r.right.date.ToString();
      out["proposals_note"] = ProposalsNote(r.right.with, r.right.date, language);
    }
    if (provenance != nullptr) out["provenance"] = internal::ProvenanceJson(*provenance);
    return out.dump(2) + "\n";
  }
  if (format == Format::kCsv) {
    // With proposals, a last column says the date they are assumed in force on.
    const std::string as_if = r.right.with.empty() ? "" : "," + r.right.date.ToString();
    std::string out = std::string("change,rule,pattern,share,combinations,conditions,example") +
                      (as_if.empty() ? "" : ",proposals_as_if_in_force_on") + "\n";
    for (const auto& c : r.changes) {
      // The English phrase, as `change` in JSON: a column programs compare.
      const std::string change = CsvField(ChangePhrase(c, Language::kEn)) + "," + c.rule + ",";
      // A renumbering changes no scenario: one row, no pattern, its scenarios those covered on both sides.
      if (c.kind == DiffChangeKind::kRenumbered) {
        out += change + "," + std::to_string(Fraction(c.scenarios, r.space)) + "," + Number(c.scenarios) + ",\"\"," + as_if + "\n";
      }
      for (size_t i = 0; i < c.patterns.size(); ++i) {
        const Pattern& p = c.patterns[i];
        out += change + std::to_string(i + 1) + "," +
               std::to_string(Fraction(p.scenarios, r.space)) + "," + Number(p.scenarios) + "," +
               CsvField(PatternWords(p, vocabulary, language)) + "," + (p.example ? p.example->id() : "") + as_if + "\n";
      }
    }
    return out;
  }
  const bool md = format == Format::kMarkdown;
  const std::string indent = md ? "" : "  ";
  std::string out = md ? "## " + std::string(w.diff) + side(r.left) + " → " + side(r.right) + "\n\n"
                       : w.changes_from + side(r.left) + w.left_to + side(r.right) + w.right_mark + "\n";
  out += indent + Fill(g.method, {std::to_string(r.facts.size())}) + "\n";
  if (!r.harms.empty()) {
    // The summary first: each harm's coverage on the left, then on the right.
    out += md ? "\n### " + std::string(g.summary) + "\n\n| " + g.harm + " | | " + g.covered + " | " + g.by_reading +
                    " | " + g.not_covered + " |\n|---|---|---|---|---|\n"
              : "\n  " + std::string(g.summary) + " (" + g.covered + " / " + g.by_reading + " / " + g.not_covered +
                    "), " + g.left + " → " + g.right + (language == Language::kFr ? " :" : ":") + "\n";
    std::vector<ChartRow> chart;
    for (const auto& h : r.harms) {
      const std::string label = h.harm->label.Get(language);
      out += md ? "| " + label + " (`" + h.harm->id + "`) | " + g.left + " | " + SharesCells(h.left, language) + " |\n| | " +
                      g.right + " | " + SharesCells(h.right, language) + " |\n"
                : "  " + SharesText(h.left, language) + "  →" + SharesText(h.right, language) + "  " + label + " [" +
                      h.harm->id + "]\n";
      chart.push_back({label, {{g.left, h.left}, {g.right, h.right}}});
    }
    if (md) out += "\n" + SummarySvg(chart, language);
  }
  if (!r.right.with.empty()) out += (md ? "\n" : "  ") + ProposalsNote(r.right.with, r.right.date, language) + "\n";
  if (r.changes.empty()) out += (md ? "\n" : "\n  ") + std::string(w.no_changes) + "\n";
  for (const auto& c : r.changes) {
    if (c.kind == DiffChangeKind::kRenumbered) {
      // No scenario changes: a count here would read as one that did.
      out += (md ? "\n### " : "\n* ") + c.rule + ": " + ChangePhrase(c, language) + "\n";
      continue;
    }
    const std::string head = (c.rule.empty() ? "" : c.rule + " (" + w.article + c.article + "): ") + ChangePhrase(c, language);
    const std::string share = Fill(g.change_line, {Share(c.scenarios, r.space, language)});
    out += md ? "\n### " + head + "\n\n" + share + (c.patterns.empty() ? "." : "; " + std::string(g.patterns_follow)) + "\n"
              : "\n* " + head + ": " + share + "\n";
    AppendPatterns(out, c.patterns, c.more_patterns, c.more_scenarios, r.space, md, vocabulary, language);
  }
  return out + ProvenanceFooter(provenance, md, language);
}

}  // namespace ibsa
