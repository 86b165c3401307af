// The lawyer's report: self-contained HTML, the same content in Markdown, every section
// present, in each language.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

struct Rendered {
  std::string markdown, html;
  std::set<std::string> missing;  // every fact a finding of the evaluation misses
};

const Vocabulary& BundledVocabulary() {
  static const Vocabulary* vocabulary =
      new Vocabulary(Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml").value());
  return *vocabulary;
}

Rendered Render(const std::string& case_file, Language language) {
  const std::string root = IBSA_SOURCE_DIR;
  const Vocabulary* vocabulary = &BundledVocabulary();
  static const Result<Law>* law = new Result<Law>(Law::Load(root + "/rulesets", *vocabulary));
  auto c = Case::Load(root + "/" + case_file, *vocabulary);
  EvaluationOptions options;
  options.assessed_on = *Date::Parse("2026-11-21");
  auto e = Evaluate(law->value(), c.value(), options);
  auto q = NextQuestions(law->value(), c.value(), options);
  static const Result<Harms>* harms = new Result<Harms>(Harms::Load(root + "/rulesets/harms.yaml", law->value()));
  const auto met = HarmsOfCase(harms->value(), c.value(), e.value());
  std::set<std::string> missing;
  for (const auto& f : e.value().findings) missing.insert(f.missing.begin(), f.missing.end());
  return {RenderReport(e.value(), law->value(), c.value(), q.value(), met, Format::kMarkdown, language),
          RenderReport(e.value(), law->value(), c.value(), q.value(), met, Format::kHtml, language),
          std::move(missing)};
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportTest, HtmlIsOneSelfContainedPage) {
  const Rendered r = Render("tests/data/partial_classmate_app.yaml", Language::kFr);
  EXPECT_EQ(r.html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(r.html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_EQ(r.html.find("<script"), std::string::npos);
  EXPECT_EQ(r.html.find("<link"), std::string::npos);
  EXPECT_EQ(r.html.find("<img"), std::string::npos);
  EXPECT_EQ(r.html.find("@import"), std::string::npos);
  EXPECT_EQ(r.html.find("url("), std::string::npos);
  EXPECT_NE(r.html.find("@media print"), std::string::npos);
  // Only links to the sources, written out.
  EXPECT_EQ(Count(r.html, "<a href=\"http"), Count(r.html, "<a "));
}

TEST(ReportTest, MarkdownAndHtmlSayTheSame) {
  for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
    const Rendered r = Render("cases/demo/be-ex-partner-undress-posted.yaml", language);
    EXPECT_EQ(Count(r.markdown, "\n### "), Count(r.html, "<h3"));
    EXPECT_EQ(Count(r.markdown, "\n## "), Count(r.html, "<h2"));
    EXPECT_EQ(Count(r.markdown, "<https://"), Count(r.html, "<a href=\"https://"));
  }
}

TEST(ReportTest, EverySectionInEachLanguage) {
  const std::vector<std::pair<Language, std::vector<std::string>>> sections = {
      {Language::kEn, {"In brief", "Still unknown (", "Facts as given", "Law applied", "Offences",
                       "Legal gaps", "Referrals and next steps", "Sources cited", "not legal advice"}},
      {Language::kNl, {"In het kort", "Nog onbekend (", "Feiten zoals gegeven", "Toegepast recht", "Misdrijven",
                       "Leemtes in het recht", "Doorverwijzing en volgende stappen", "Aangehaalde bronnen",
                       "geen juridisch advies"}},
      {Language::kFr, {"En bref", "Encore inconnu (", "Faits tels que donnés", "Droit appliqué", "Infractions",
                       "Lacunes du droit", "Orientation et prochaines étapes", "Sources citées",
                       "non un avis juridique"}},
  };
  for (const auto& [language, words] : sections) {
    const Rendered r = Render("tests/data/partial_classmate_app.yaml", language);
    for (const auto& word : words) EXPECT_NE(r.markdown.find(word), std::string::npos) << word;
  }
}

// The report as the engine renders it: with the action plan and the provenance.
std::string EngineReport(const std::string& case_file, Format format, Language language) {
  const std::string root = IBSA_SOURCE_DIR;
  EngineOptions open;
  open.rulesets = root + "/rulesets";
  static const Result<Engine>* engine = new Result<Engine>(Engine::Open(open));
  EXPECT_TRUE(engine->ok()) << FormatDiagnostics(engine->errors());
  auto c = Case::Load(root + "/" + case_file, engine->value().law().vocabulary());
  EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.format = format;
  options.evaluation.assessed_on = *Date::Parse("2026-11-21");
  auto a = engine->value().Assess(c.value(), options);
  EXPECT_TRUE(a.ok());
  return engine->value().Render(c.value(), a.value(), format, language);
}

// A Belgian minor's image shared in a class group: eight offences of the new Code, referrals,
// the Member State's duties and more facts unknown than the first page holds.
const std::string kClassGroup = "cases/be/2026/d26-30-action-plan-undress-minor-class-group.yaml";

const std::vector<std::string> kTypicalCases = {
    "cases/demo/be-ex-partner-undress-posted.yaml",
    kClassGroup,
    "cases/nl/p2-2024-onwards/nl-p2-s15-sextortion-with-deepfake-money.yaml",
    "tests/data/partial_classmate_app.yaml",
};

// The lines of `markdown` between the heading that starts with `heading` and the next heading
// or page break.
std::vector<std::string> Section(const std::string& markdown, const std::string& heading) {
  std::vector<std::string> lines;
  const size_t at = markdown.find("\n" + heading);
  if (at == std::string::npos) return lines;
  size_t line = markdown.find('\n', at + 1);
  while (line != std::string::npos) {
    const size_t end = markdown.find('\n', line + 1);
    const std::string text = markdown.substr(line + 1, end == std::string::npos ? std::string::npos : end - line - 1);
    if (text.rfind("#", 0) == 0 || text == "---") break;
    if (!text.empty()) lines.push_back(text);
    line = end;
  }
  return lines;
}

TEST(ReportTest, TheFirstPageSaysWhatAppliesWhatToDoAndWhatIsUnknownBeforeTheFindings) {
  const std::vector<std::pair<Language, std::vector<std::string>>> order = {
      {Language::kEn, {"\n# ", "\n## In brief", "\n### Applies", "\n### Action plan", "\n### Still unknown (",
                       "\n---\n", "\n## Facts as given", "\n## Offences", "\n## Legal gaps",
                       "\n## Annex: Law applied", "\n## Annex: Sources cited"}},
      {Language::kFr, {"\n# ", "\n## En bref", "\n### S'applique", "\n### Plan d'action", "\n### Encore inconnu (",
                       "\n---\n", "\n## Faits tels que donnés", "\n## Infractions", "\n## Lacunes du droit",
                       "\n## Annexe: Droit appliqué", "\n## Annexe: Sources citées"}},
      {Language::kNl, {"\n# ", "\n## In het kort", "\n### Van toepassing", "\n### Actieplan", "\n### Nog onbekend (",
                       "\n---\n", "\n## Feiten zoals gegeven", "\n## Misdrijven", "\n## Leemtes in het recht",
                       "\n## Bijlage: Toegepast recht", "\n## Bijlage: Aangehaalde bronnen"}},
  };
  for (const auto& [language, headings] : order) {
    const std::string md = "\n" + EngineReport(kTypicalCases[0], Format::kMarkdown, language);
    size_t previous = 0;
    for (const auto& heading : headings) {
      const size_t at = md.find(heading);
      ASSERT_NE(at, std::string::npos) << heading;
      if (heading != headings.front()) {
        EXPECT_GT(at, previous) << heading << " comes too early";
      }
      previous = at;
    }
    // One first page: a single page break, and the findings only after it.
    EXPECT_EQ(Count(md, "\n---\n"), 1u);
  }
}

// The first page lists the first five facts still unknown (six when six are), under the count
// of them all, and says where the others are; the others, under the same count, follow the
// findings, and each fact is listed once.
TEST(ReportTest, WhatIsStillUnknownIsCountedOnceAndListedOnce) {
  bool some_case_had_more = false;
  for (const auto& file : kTypicalCases) {
    for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
      const std::string md = "\n" + EngineReport(file, Format::kMarkdown, language);
      const std::string name = language == Language::kNl ? "Nog onbekend (" : language == Language::kFr ? "Encore inconnu (" : "Still unknown (";
      const size_t at = md.find("\n### " + name);
      ASSERT_NE(at, std::string::npos) << file;
      const int count = std::stoi(md.substr(at + 5 + name.size()));
      const auto first_page = Section(md, "### " + name);
      size_t items = 0;
      for (const auto& line : first_page) items += line.rfind("- ", 0) == 0 ? 1 : 0;
      // All of them when only one would be left over.
      EXPECT_EQ(items, count <= 6 ? static_cast<size_t>(count) : 5u) << file;
      // "none" only when nothing is unknown.
      EXPECT_EQ(count == 0, items == 0 && first_page.size() == 1) << file;
      const size_t full = md.find("\n## " + name);
      if (count > 6) {
        some_case_had_more = true;
        ASSERT_NE(full, std::string::npos) << file;
        EXPECT_GT(full, md.find("\n---\n")) << file << ": the others follow the first page";
        EXPECT_EQ(std::stoi(md.substr(full + 4 + name.size())), count) << file;
        std::set<std::string> listed;
        for (const auto& line : first_page) {
          if (line.rfind("- ", 0) == 0) listed.insert(line);
        }
        for (const auto& line : Section(md, "## " + name)) {
          if (line.rfind("- ", 0) == 0) {
            EXPECT_TRUE(listed.insert(line).second) << file << ": listed twice: " << line;
          }
        }
        EXPECT_EQ(listed.size(), static_cast<size_t>(count)) << file;
        // The first page says how many more there are.
        EXPECT_NE(first_page.back().find(std::to_string(count - 5)), std::string::npos) << file;
        EXPECT_NE(first_page.back().rfind("- ", 0), 0u) << file;
      } else {
        EXPECT_EQ(full, std::string::npos) << file << ": listed in full on the first page already";
      }
      // No other section counts or lists unknown facts or open questions.
      for (const char* other : {"Questions still open", "Facts still unknown", "Questions encore ouvertes",
                                "Faits encore inconnus", "Open vragen", "Nog onbekende feiten"}) {
        EXPECT_EQ(md.find(other), std::string::npos) << other;
      }
    }
  }
  EXPECT_TRUE(some_case_had_more) << "no typical case has more than five facts still unknown: the test proves nothing";
}

TEST(ReportTest, StillUnknownHasEveryFactAFindingMisses) {
  const Vocabulary* vocabulary = &BundledVocabulary();
  for (const auto& file : kTypicalCases) {
    const Rendered r = Render(file, Language::kEn);
    const std::set<std::string>& missing = r.missing;
    const std::string counted = "Still unknown (" + std::to_string(missing.size()) + ")";
    EXPECT_EQ(r.markdown.find("### " + counted), r.markdown.find("### Still unknown (")) << file;
    // The first page's share and, when it could not hold them all, the others after the findings.
    auto lines = Section("\n" + r.markdown, "### Still unknown (");
    if (r.markdown.find("\n## Still unknown (") != std::string::npos) {
      const auto others = Section("\n" + r.markdown, "## Still unknown (");
      lines.insert(lines.end(), others.begin(), others.end());
    }
    for (const auto& name : missing) {
      const FactDefinition& fact = vocabulary->fact(*vocabulary->SlotOf(name));
      bool listed = false;
      for (const auto& line : lines) {
        listed = listed || line.find(fact.label.Get(Language::kEn)) != std::string::npos ||
                 (!fact.question.Get(Language::kEn).empty() && line.find(fact.question.Get(Language::kEn)) != std::string::npos);
      }
      EXPECT_TRUE(listed) << file << ": " << name;
    }
  }
}

// What a minor perpetrator's penalty becomes holds for every offence of the new Belgian Code:
// said once, above the offences, not under each (it took four lines per offence); and a
// definition lists its elements on one line, in the annex.
TEST(ReportTest, WhatHoldsForEveryOffenceIsSaidOnceAndSmallFindingsAreCompact) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const size_t note = md.find("> The perpetrator was a minor");
  ASSERT_NE(note, std::string::npos) << md;
  EXPECT_EQ(Count(md, "The perpetrator was a minor"), 1u);
  EXPECT_GT(note, md.find("\n## Offences")) << "above the offences";
  EXPECT_LT(note, md.find("\n### ", md.find("\n## Offences"))) << "above the first offence";
  // A definition's elements: one line, no table; definitions follow in the annex.
  const size_t definitions = md.find("\n## Annex: Definitions");
  ASSERT_NE(definitions, std::string::npos) << md;
  EXPECT_GT(definitions, md.find("\n## Legal gaps")) << "after the findings, in the annex";
  EXPECT_LT(definitions, md.find("\n## Annex: Law applied"));
  EXPECT_EQ(md.find("\n## Definitions"), std::string::npos) << "not among the findings";
  const size_t next = md.find("\n## ", definitions + 1);
  const std::string section = md.substr(definitions, next - definitions);
  EXPECT_EQ(section.find("| Element |"), std::string::npos) << section;
  EXPECT_EQ(section.find("\n### "), std::string::npos) << "one paragraph each, no heading: " << section;
  EXPECT_NE(section.find(". Elements: "), std::string::npos) << section;
}

// An offence's elements and aggravating circumstances are lines with their status first, not
// tables (a table's narrow first column wrapped each element over many lines); the facts as
// given are two to a row; the warning about child sexual abuse material is given once.
TEST(ReportTest, ElementsAreLinesFactsTwoToARowAndTheMaterialWarningOnce) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  EXPECT_EQ(md.find("| Element |"), std::string::npos) << md;
  EXPECT_EQ(md.find("| Aggravating"), std::string::npos) << md;
  const size_t offence = md.find("\n### ", md.find("\n## Offences"));
  const size_t elements = md.find("\nElements\n\n- [met] ", offence);
  ASSERT_NE(elements, std::string::npos) << md.substr(offence, 3000);
  EXPECT_LT(elements, md.find("\n### ", offence + 1)) << "under the first offence";
  EXPECT_NE(md.find("- [unknown] "), std::string::npos);
  EXPECT_NE(md.find("| Fact | Value | Fact | Value |"), std::string::npos);
  EXPECT_EQ(Count(md, "never the file itself"), 1u) << md;
}

// What ibsa cannot see about the limitation is said once above the offences when two offences
// or more would say it (art. 72 Sr under each Dutch offence; the seizing of a trial court under
// the four Belgian offences here that are not imprescriptible), and stays under the one finding
// that alone says it (art. 442bis Sw. beside two offences under the interruption of old art. 22).
TEST(ReportTest, ALimitationCaveatCommonToEveryOffenceIsSaidOnce) {
  const std::string nl = EngineReport("cases/nl/p2-2024-onwards/nl-p2-s15-sextortion-with-deepfake-money.yaml",
                                      Format::kMarkdown, Language::kEn);
  const std::string caveat = "Every act of prosecution interrupts limitation";
  EXPECT_EQ(Count(nl, caveat), 1u) << nl;
  const size_t offences = nl.find("\n## Offences");
  EXPECT_GT(nl.find("> " + caveat), offences);
  EXPECT_LT(nl.find("> " + caveat), nl.find("\n### ", offences)) << "above the first offence";
  const std::string court = "stops running once a trial court is seized";
  const std::string be = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  EXPECT_EQ(Count(be, court), 1u) << be;
  const size_t be_offences = be.find("\n## Offences");
  EXPECT_GT(be.find(court), be_offences);
  EXPECT_LT(be.find(court), be.find("\n### ", be_offences)) << "above the first offence";
  const std::string alone =
      EngineReport("cases/be/2022/c22-consent-fifteen-and-seventeen-kept.yaml", Format::kMarkdown, Language::kEn);
  ASSERT_EQ(Count(alone, court), 1u) << alone;
  const size_t at = alone.find(court);
  const size_t line = alone.rfind('\n', at) + 1;
  EXPECT_EQ(alone.compare(line, 4, "-   "), 0) << "under the finding, not hoisted: " << alone.substr(line, 120);
  EXPECT_EQ(alone.rfind("\n### ", at), alone.rfind("\n### POSSIBLE: art. 442bis", at));
  EXPECT_LT(alone.find("> An act of investigation or prosecution within the period interrupts"), alone.find("\n### APPLIES"))
      << "said by two offences: above them";
}

// What a section's findings share is said once: the version most of them read with the act
// that chose it (above the section; a finding that reads another still names its own), a
// certainty reason already given under another finding (arts. 136 and 137 C. pén. rest on one
// reading), a penalty level already stated in full, and a source's address already given.
TEST(ReportTest, WhatTheFindingsShareIsSaidOnce) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const size_t offences = md.find("\n## Offences");
  const size_t obligations = md.find("\n## Obligations");
  ASSERT_LT(offences, obligations) << md;
  const std::string section = md.substr(offences, obligations - offences);
  const std::string code = "New Criminal Code (Laws of 29 February 2024, Books I and II) (in force since 2026-04-08)";
  // Read for the making, the sharing or the case's date, all the same day: the line above
  // says it for all of them, naming the day rather than one act.
  EXPECT_EQ(Count(section, "Version, where a finding below names no other: " + code + "; date of the facts 2026-10-06"), 1u)
      << section;
  EXPECT_EQ(Count(section, "Version: " + code), 0u) << section;
  // Chosen by another day (the making, four days before the sharing), the version is named.
  const std::string demo = EngineReport("cases/demo/be-ex-partner-undress-posted.yaml", Format::kMarkdown, Language::kEn);
  const size_t demo_offences = demo.find("\n## Offences");
  const std::string demo_section = demo.substr(demo_offences, demo.find("\n## ", demo_offences + 1) - demo_offences);
  EXPECT_EQ(Count(demo_section, "Version, where a finding below names no other: "), 1u) << demo_section;
  EXPECT_EQ(Count(demo_section, "(in force from 2022-06-01 to 2026-04-07); for act shared (2025-03-14)"), 1u) << demo_section;
  EXPECT_EQ(Count(demo_section, "- Version: Criminal Code (sexual criminal law reform, Law of 21 March 2022) (in force from "
                                "2022-06-01 to 2026-04-07); for act made (2025-03-10)"), 1u) << demo_section;
  // Arts. 187 and 137 after art. 136, on its reading: the reason points back.
  EXPECT_EQ(Count(md, "Certainty: likely, reason: see art. 136 Criminal Code"), 2u) << md;
  EXPECT_EQ(Count(md, "the broad term 'content' of a 'naked person'"), 1u);
  // Level 4 in full once, then by its name.
  EXPECT_EQ(Count(section, "Penalty: level 4: prison"), 1u) << section;
  EXPECT_GT(Count(section, "Penalty: level 4\n"), 1u) << section;
  // Ten articles of the Code at one Justel address: given once; the article not twice.
  EXPECT_EQ(Count(md, "<https://www.ejustice.just.fgov.be/eli/loi/2024/02/29/2024002088/justel>"), 1u) << md;
  EXPECT_NE(md.find("art. 137 (loi du 29 février 2024, Justel, ELI) (same address as [1])"), std::string::npos) << md;
  EXPECT_EQ(md.find("Justel, ELI), art. 137"), std::string::npos) << md;
}

// The facts still unknown after the findings are those the first page did not list, under the
// whole list's count; a referral that applies is written as what to do (its note), not as a
// statute (version, certainty, elements, all met); a duty of the Member State in the annex is
// named with its sources, and its certainty where the reading is unsettled.
TEST(ReportTest, TheAnnexAndTheReferralsSayWhatTheReaderActsOn) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const std::string first = "Did the perpetrator act with intent to harm?";
  EXPECT_EQ(Count(md, first), 1u) << md;
  const size_t later = md.find("\n## Still unknown (13)\n\nThe first 5 are on the first page.\n");
  ASSERT_NE(later, std::string::npos) << md;
  EXPECT_LT(md.find(first), later);
  EXPECT_NE(md.find("Were the person's name, address or account attached to the image?", later), std::string::npos);
  const size_t police = md.find("- APPLIES: Report to the police. Note: ");
  ASSERT_NE(police, std::string::npos) << md;
  const std::string referral = md.substr(police, md.find('\n', police) - police);
  EXPECT_EQ(referral.find("Elements:"), std::string::npos) << referral;
  EXPECT_EQ(referral.find("Certainty:"), std::string::npos) << referral;
  EXPECT_NE(md.find("- APPLIES: Juvenile perpetrator: youth protection and youth justice, not the adult penalties. "
                    "Certainty: likely."),
            std::string::npos)
      << "a likely referral keeps its certainty";
  const size_t duties = md.find("\n## Annex: Duties of the Member State");
  const std::string annex = md.substr(duties, md.find("\n## Annex: Law applied") - duties);
  EXPECT_NE(annex.find("- DUTY OF THE STATE: art. 5(6) Directive 2011/93/EU, Member States must criminalise: producing "
                       "child pornography. Sources: ["),
            std::string::npos)
      << annex;
  EXPECT_NE(annex.find("(contested). Certainty: contested. Whether a closed group is 'the public' is not settled"),
            std::string::npos)
      << annex;
  EXPECT_EQ(annex.find("Version:"), std::string::npos) << annex;
  EXPECT_EQ(annex.find("Elements:"), std::string::npos) << annex;
}

// The text of the finding between its heading and the next heading.
std::string FindingText(const std::string& markdown, const std::string& heading) {
  const size_t at = markdown.find("\n### " + heading);
  if (at == std::string::npos) return "";
  return markdown.substr(at, markdown.find("\n## ", at + 1) < markdown.find("\n### ", at + 1)
                                 ? markdown.find("\n## ", at + 1) - at
                                 : markdown.find("\n### ", at + 1) - at);
}

// A finding that may apply says what decides it and what it would mean, shorter than one that
// applies: its certainty only where the reading is not settled, its met elements on one line
// (its note stays: calumny is prosecuted only on complaint); the aggravating circumstances another finding already listed, judged the same way,
// are pointed to (arts. 136 and 137 C. pén. share arts. 142 to 149).
TEST(ReportTest, AFindingThatMayApplyIsWrittenShorterThanOneThatApplies) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const std::string applies = FindingText(md, "APPLIES: art. 171 Criminal Code");
  ASSERT_FALSE(applies.empty()) << md;
  EXPECT_NE(applies.find("\n- Note: "), std::string::npos) << applies;
  EXPECT_NE(applies.find("\n- Certainty: likely. Rests on art. 170 Criminal Code: "), std::string::npos)
      << "settled, but CSAM on the nudity reading of art. 170: " << applies;
  EXPECT_EQ(Count(applies, "\n- [met] "), 3u) << "one line each: " << applies;
  const std::string possible = FindingText(md, "POSSIBLE: art. 240 Criminal Code");
  ASSERT_FALSE(possible.empty()) << md;
  EXPECT_NE(possible.find("\n- Note: "), std::string::npos) << possible;
  EXPECT_NE(possible.find("\n- Certainty: likely. "), std::string::npos) << "not settled: said " << possible;
  EXPECT_EQ(Count(possible, "\n- [met] "), 1u) << "on one line: " << possible;
  EXPECT_NE(possible.find("(recognisable, or name or account attached); In public (art. 79, 22°)"), std::string::npos)
      << possible;
  EXPECT_LT(possible.find("\n- [unknown] "), possible.find("\n- [met] ")) << "what decides it first";
  const std::string grooming = FindingText(md, "POSSIBLE: art. 151 Criminal Code");
  EXPECT_EQ(grooming.find("Certainty:"), std::string::npos) << "settled: not said " << grooming;
  EXPECT_NE(grooming.find("\n- Penalty: level 3"), std::string::npos) << grooming;
  const std::string malicious = FindingText(md, "POSSIBLE: art. 137 Criminal Code");
  EXPECT_NE(malicious.find("\nAggravating circumstances: as under art. 136 Criminal Code\n"), std::string::npos)
      << malicious;
  EXPECT_EQ(malicious.find("(art. 143)"), std::string::npos) << malicious;
  EXPECT_NE(FindingText(md, "APPLIES: art. 136 Criminal Code").find("(art. 143) — Penalty: level 5"), std::string::npos);
}

// Where no reading knows the period (a level-1 offence of the new Belgian Code: art. 21 of the
// Preliminary Title still speaks of crimes and délits), the report says the period is not known
// and does not say the offence may be time-barred, six weeks after the facts.
TEST(ReportTest, AnUnknownLimitationPeriodIsNotAPossibleTimeBar) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const std::string refusing = FindingText(md, "POSSIBLE: art. 187 Criminal Code");
  ASSERT_FALSE(refusing.empty()) << md;
  EXPECT_NE(refusing.find("\n- Limitation: period not known (art. 21 Prel. T. CCP) [unverified]\n"), std::string::npos)
      << refusing;
  EXPECT_EQ(md.find("may be time-barred"), std::string::npos) << md;
  EXPECT_NE(md.find("Limitation: not time-barred on 2026-11-21"), std::string::npos) << "a known period keeps its state";
}

// The annex explains without repeating: a definition shows why it is met (its elements, and its
// certainty where unsettled) without the version its finding already names or a note; a
// referral names no version (guidance, not law). A gap section that finds none says so in one
// line, and no report names ibsa's own files. Where the provenance line gives the law's
// fingerprint, the annex does not give it again with a path on this machine.
TEST(ReportTest, TheAnnexAndTheGapsSayWhatTheLawyerChecks) {
  const std::string md = EngineReport(kClassGroup, Format::kMarkdown, Language::kEn);
  const size_t definitions = md.find("\n## Annex: Definitions");
  ASSERT_NE(definitions, std::string::npos) << md;
  const std::string annex = md.substr(definitions, md.find("\n## ", definitions + 1) - definitions);
  EXPECT_EQ(annex.find("Version"), std::string::npos) << annex;
  EXPECT_EQ(annex.find("Note:"), std::string::npos) << annex;
  EXPECT_NE(annex.find("- MET: art. 170 Criminal Code, "), std::string::npos) << annex;
  EXPECT_NE(annex.find(". Certainty: likely. "), std::string::npos) << "art. 170's nudity reading: " << annex;
  EXPECT_EQ(annex.find("Certainty: settled"), std::string::npos) << annex;
  const size_t referrals = md.find("\n## Referrals and next steps");
  ASSERT_NE(referrals, std::string::npos) << md;
  const std::string next_steps = md.substr(referrals, md.find("\n## ", referrals + 1) - referrals);
  EXPECT_EQ(next_steps.find("Version"), std::string::npos) << next_steps;
  for (const std::string& file : kTypicalCases) {
    for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
      const std::string report = EngineReport(file, Format::kMarkdown, language);
      EXPECT_EQ(report.find("rulesets/"), std::string::npos) << file;
      EXPECT_EQ(report.find("docs/"), std::string::npos) << file;
      EXPECT_EQ(report.find("ibsa.law"), std::string::npos) << file;
      EXPECT_EQ(report.find(IBSA_SOURCE_DIR), std::string::npos) << file << ": a path on this machine";
    }
  }
  const std::string gaps = md.substr(md.find("\n## Legal gaps"));
  EXPECT_EQ(gaps.rfind("\n## Legal gaps\n\nNo legal gap found for these facts.\n\n## ", 0), 0u) << gaps.substr(0, 300);
  // Where there are gaps, what they are is said above them.
  const std::string kept =
      EngineReport("cases/be/2026/d26-30-adult-synthetic-lookalike-made-and-kept.yaml", Format::kMarkdown, Language::kEn);
  EXPECT_NE(kept.find("\n## Legal gaps\n\nWhat these facts do that no settled offence covers, provisions that name a gap "
                      "in the law, and dates the encoded law does not cover:\n\n- Sexual image of an identifiable real "
                      "person made without consent: "),
            std::string::npos)
      << kept;
}

// Printed, a commentary's or a press article's address shows its site and keeps the rest in the
// link; the law's own addresses (ELI, EUR-Lex, ECLI) print in full.
TEST(ReportTest, PrintedSourcesShowTheLawsAddressesInFullAndACommentarysSite) {
  const std::string html = EngineReport(kClassGroup, Format::kHtml, Language::kFr);
  EXPECT_NE(html.find("ul.sources .path { display: none; }"), std::string::npos);
  EXPECT_NE(html.find(">https://www.ejustice.just.fgov.be/eli/loi/2024/02/29/2024002088/justel</a>"), std::string::npos)
      << html;
  EXPECT_NE(html.find(">https://www.police.be<span class=\"path\">/5338/questions/documentations/le-voyeurisme</span></a>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("eur-lex.europa.eu<span"), std::string::npos) << html;
}

// Lex mitior names the later version's articles once each: art. 240b Sr is followed by four
// rules of art. 252 Sr (its variants), which the reader was told as "art. 252, art. 252, ...".
TEST(ReportTest, LexMitiorNamesEachLaterArticleOnce) {
  for (Format format : {Format::kText, Format::kMarkdown}) {
    const std::string out = EngineReport("cases/nl/boundaries/nl-b-2024-06-30-last-day-240b-139h.yaml", format,
                                         Language::kEn);
    EXPECT_NE(out.find("(art. 252)"), std::string::npos) << out;
    EXPECT_EQ(out.find("art. 252, art. 252"), std::string::npos) << out;
  }
}

// A time bar counted from the victim's 18th birthday (art. 71, 3° Sr) is known from the age only
// within a year: the output says the date of birth decides, and with facts dated as a period,
// that the day of the facts and the date of birth decide (not the day alone).
TEST(ReportTest, AStartAtMajoritySaysTheDateOfBirthDecides) {
  const std::string day = EngineReport("cases/nl/boundaries/nl-b-2024-06-30-last-day-240b-139h.yaml", Format::kText,
                                       Language::kEn);
  EXPECT_NE(day.find("12 years from between 2026-07-02 / 2027-07-01 (the victim's date of birth decides)"),
            std::string::npos) << day;
  const std::string period = EngineReport(
      "cases/nl/dates/nl-d-2024-06-07-month-range-across-wet-seksuele-misdrijven.yaml", Format::kText, Language::kEn);
  EXPECT_NE(period.find("(the day of the facts and the victim's date of birth decide)"), std::string::npos) << period;
  // The ordinary period across the same months: the day alone decides.
  EXPECT_NE(period.find("2030-06-02 / 2030-08-01 (the day of the facts decides)"), std::string::npos) << period;
}

// An age given as people know it is a fact as given, in the facts table, as it was given.
TEST(ReportTest, AnAgeGivenAsARangeIsAmongTheFactsGiven) {
  EXPECT_EQ(Count(Render("cases/be/2026/d26-32-undress-sixteen-or-seventeen.yaml", Language::kEn).markdown,
                  "| Age of the person shown | 16–17 |"), 1u);
  EXPECT_EQ(Count(Render("cases/be/2026/d26-33-undress-minor-age-unknown.yaml", Language::kFr).markdown,
                  "| Âge de la personne représentée | ≤ 17 |"), 1u);
}

TEST(ReportTest, EveryPrintedPageIsA4WithTheVersionTheDateAndItsNumber) {
  const std::string html = EngineReport(kTypicalCases[0], Format::kHtml, Language::kFr);
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(html.find("@bottom-left { content: \"ibsa " + std::string(Version()) + " · évalué le 2026-11-21\""),
            std::string::npos);
  EXPECT_NE(html.find("counter(page) \" / \" counter(pages)"), std::string::npos);
  // The first page ends in a page break, once.
  EXPECT_EQ(Count(html, "<hr class=\"page-end\">"), 1u);
  EXPECT_NE(html.find("hr.page-end { break-after: page;"), std::string::npos);
}

TEST(ReportTest, EverySourceCitedIsInTheAnnexOnceAndEveryAnnexEntryIsCited) {
  for (const auto& file : kTypicalCases) {
    const std::string md = "\n" + EngineReport(file, Format::kMarkdown, Language::kNl);
    const size_t annex = md.find("\n## Bijlage: Aangehaalde bronnen");
    ASSERT_NE(annex, std::string::npos) << file;
    const std::string body = md.substr(0, annex), tail = md.substr(annex);
    const std::regex ref(R"(\[(\d+)\])");
    std::set<int> cited;
    for (auto it = std::sregex_iterator(body.begin(), body.end(), ref); it != std::sregex_iterator(); ++it) {
      cited.insert(std::stoi((*it)[1]));
    }
    ASSERT_FALSE(cited.empty()) << file;
    std::vector<std::string> entries;  // the list; the disclaimer and provenance follow it
    for (const auto& line : Section(tail, "## Bijlage: Aangehaalde bronnen")) {
      if (line.rfind("- ", 0) == 0) entries.push_back(line);
    }
    ASSERT_EQ(entries.size(), cited.size()) << file;
    int n = 0;
    for (const auto& entry : entries) {
      ++n;
      EXPECT_EQ(entry.rfind("- [" + std::to_string(n) + "] ", 0), 0u) << entry;
      EXPECT_TRUE(cited.count(n)) << file << ": [" << n << "] is not cited";
    }
  }
}

}  // namespace
}  // namespace ibsa
