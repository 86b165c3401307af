#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ibsa/gaps.h"
#include "ibsa/render.h"

namespace ibsa {
namespace {

using nlohmann::json;

std::string Number(double n) {
  std::ostringstream out;
  out.precision(0);
  out << std::fixed << n;
  return out.str();
}

std::string Percent(double part, double whole) {
  if (whole <= 0) return "0%";
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << 100.0 * part / whole << "%";
  return out.str();
}

std::string ConstraintsText(const Pattern& p) {
  std::string s;
  for (const auto& c : p.constraints) s += (s.empty() ? "" : "; ") + c.fact + " " + c.text;
  return s.empty() ? "(any scenario)" : s;
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

json PatternJson(const Pattern& p) {
  json constraints = json::array();
  for (const auto& c : p.constraints) {
    constraints.push_back({{"fact", c.fact},
                           {"constraint", c.text},
                           {"op", ConstraintOpName(c.op)},
                           {"values", ConstraintValues(c)}});
  }
  return {{"constraints", constraints}, {"scenarios", p.scenarios}, {"example", p.example}};
}

std::string CsvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string WithText(const std::vector<std::string>& with) {
  std::string s;
  for (const auto& w : with) s += (s.empty() ? "" : ", ") + w;
  return s;
}

// At most this many patterns per group in text and Markdown; JSON and CSV list all.
constexpr size_t kShownPatterns = 12;

// The patterns as a numbered list (text) or table (Markdown), at most kShownPatterns.
void AppendPatterns(std::string& out, const std::vector<Pattern>& patterns, bool md) {
  if (md && !patterns.empty()) out += "\n| # | scenarios | pattern |\n|---|---|---|\n";
  for (size_t i = 0; i < patterns.size() && i < kShownPatterns; ++i) {
    const Pattern& p = patterns[i];
    out += md ? "| " + std::to_string(i + 1) + " | " + Number(p.scenarios) + " | " + ConstraintsText(p) + " |\n"
              : "    " + std::to_string(i + 1) + ". (" + Number(p.scenarios) + ") " + ConstraintsText(p) + "\n";
  }
  if (patterns.size() > kShownPatterns) {
    out += (md ? "\n" : "    ") + std::string("(+") + std::to_string(patterns.size() - kShownPatterns) +
           " smaller patterns; --format json or csv lists them all)\n";
  }
}

}  // namespace

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

std::string RenderGaps(const GapReport& r, Format format, Language language) {
  const std::string where = r.options.jurisdiction + " on " + r.options.date.ToString() +
                            (r.options.with.empty() ? "" : " with " + WithText(r.options.with));
  if (format == Format::kJson) {
    json harms = json::array();
    for (const auto& h : r.harms) {
      json patterns = json::array();
      for (const auto& p : h.patterns) patterns.push_back(PatternJson(p));
      json uncertain = json::array();
      for (const auto& p : h.uncertain_patterns) uncertain.push_back(PatternJson(p));
      harms.push_back({{"harm", h.harm->id}, {"kind", h.harm->kind}, {"label", h.harm->label.Get(language)},
                       {"harm_scenarios", h.harm_scenarios}, {"gap_scenarios", h.gap_scenarios},
                       {"patterns", patterns}, {"uncertain_scenarios", h.uncertain_scenarios},
                       {"uncertain_patterns", uncertain}});
    }
    json versions = json::array();
    for (const auto* v : r.versions) versions.push_back(v->id);
    return json{{"format", "ibsa.gaps/1"}, {"jurisdiction", r.options.jurisdiction},
                {"date", r.options.date.ToString()}, {"with", r.options.with}, {"versions", versions},
                {"facts", r.facts}, {"space", r.space}, {"harms", harms}}
               .dump(2) + "\n";
  }
  if (format == Format::kCsv) {
    std::string out = "jurisdiction,date,harm,kind,coverage,pattern,scenarios,constraints\n";
    for (const auto& h : r.harms) {
      for (const auto* list : {&h.patterns, &h.uncertain_patterns}) {
        const std::string coverage = list == &h.patterns ? "none" : "uncertain";
        for (size_t i = 0; i < list->size(); ++i) {
          out += r.options.jurisdiction + "," + r.options.date.ToString() + "," + h.harm->id + "," + h.harm->kind + "," +
                 coverage + "," + std::to_string(i + 1) + "," + Number((*list)[i].scenarios) + "," +
                 CsvField(ConstraintsText((*list)[i])) + "\n";
        }
      }
    }
    return out;
  }
  const bool md = format == Format::kMarkdown;
  std::string out;
  out += md ? "## Gaps: " + where + "\n\n" : "Legal gaps: " + where + "\n";
  std::string versions;
  for (const auto* v : r.versions) versions += (versions.empty() ? "" : ", ") + v->id;
  out += (md ? "" : "  ") + std::string("Law swept: ") + (versions.empty() ? "none encoded" : versions) + ". " +
         Number(r.space) + " scenarios over " + std::to_string(r.facts.size()) +
         " facts (every combination of known values; ages and dates by the thresholds the law uses).\n";
  for (const auto& h : r.harms) {
    out += md ? "\n### " + h.harm->label.Get(language) + " (`" + h.harm->id + "`)\n\n"
              : "\n* " + h.harm->label.Get(language) + " [" + h.harm->id + "]\n";
    out += (md ? "" : "  ") + Number(h.gap_scenarios) + " of " + Number(h.harm_scenarios) +
           " scenarios in which it holds are covered by no offence (" + Percent(h.gap_scenarios, h.harm_scenarios) + ")" +
           (h.patterns.empty() ? "." : ", in " + std::to_string(h.patterns.size()) + " pattern(s):") + "\n";
    AppendPatterns(out, h.patterns, md);
    if (h.uncertain_scenarios > 0) {
      out += (md ? "\n" : "  ") + Number(h.uncertain_scenarios) +
             " more are covered only by a contested or unverified reading" +
             (h.uncertain_patterns.empty() ? "." : ":") + "\n";
      AppendPatterns(out, h.uncertain_patterns, md);
    }
  }
  return out;
}

std::string RenderDiff(const DiffReport& r, Format format, Language language) {
  (void)language;
  auto side = [](const DiffSide& s) {
    return s.jurisdiction + " on " + s.date.ToString() + (s.with.empty() ? "" : " with " + WithText(s.with));
  };
  if (format == Format::kJson) {
    json changes = json::array();
    for (const auto& c : r.changes) {
      json patterns = json::array();
      for (const auto& p : c.patterns) patterns.push_back(PatternJson(p));
      changes.push_back({{"rule", c.rule.empty() ? json(nullptr) : json(c.rule)},
                         {"article", c.article.empty() ? json(nullptr) : json(c.article)},
                         {"change", c.what}, {"scenarios", c.scenarios}, {"patterns", patterns}});
    }
    return json{{"format", "ibsa.diff/1"}, {"left", side(r.left)}, {"right", side(r.right)},
                {"facts", r.facts}, {"space", r.space}, {"changes", changes}}
               .dump(2) + "\n";
  }
  if (format == Format::kCsv) {
    std::string out = "change,rule,pattern,scenarios,constraints\n";
    for (const auto& c : r.changes) {
      for (size_t i = 0; i < c.patterns.size(); ++i) {
        out += CsvField(c.what) + "," + c.rule + "," + std::to_string(i + 1) + "," + Number(c.patterns[i].scenarios) +
               "," + CsvField(ConstraintsText(c.patterns[i])) + "\n";
      }
    }
    return out;
  }
  const bool md = format == Format::kMarkdown;
  std::string out = md ? "## Diff: " + side(r.left) + " → " + side(r.right) + "\n\n"
                       : "Changes from " + side(r.left) + " (left) to " + side(r.right) + " (right)\n";
  out += (md ? "" : "  ") + Number(r.space) + " scenarios over " + std::to_string(r.facts.size()) + " facts.\n";
  if (r.changes.empty()) out += (md ? "\n" : "  ") + std::string("No scenario changes.\n");
  for (const auto& c : r.changes) {
    const std::string head = (c.rule.empty() ? "" : c.rule + " (art. " + c.article + "): ") + c.what;
    out += md ? "\n### " + head + "\n\n" + Number(c.scenarios) + " scenarios.\n"
              : "\n* " + head + ": " + Number(c.scenarios) + " scenarios\n";
    AppendPatterns(out, c.patterns, md);
  }
  return out;
}

}  // namespace ibsa
