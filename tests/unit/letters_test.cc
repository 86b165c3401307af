// Letters and notices: rulesets/letters.yaml holds every element of art. 16(2) DSA and of the
// erasure request; a letter fills them from the case, leaves marked blanks for what was not
// typed in, and asks for no name where a finding concerns child sexual abuse material
// (art. 16(2)(c) DSA); the file's errors are located.
#include "ibsa/letters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ibsa/api.h"
#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const std::string kRoot = IBSA_SOURCE_DIR;

const Engine& TheEngine() { return testing::BundledEngine(HarmsUse::kNone); }

// The letter of `kind` for the case file `file`, dated 2026-11-21.
std::string Write(const std::string& file, const char* kind, Language language, LetterFill fill = {}) {
  const Engine& engine = TheEngine();
  auto c = Case::Load(kRoot + "/" + file, engine.law().vocabulary());
  EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  AssessOptions options;
  options.evaluation.assessed_on = *Date::Parse("2026-11-21");
  auto a = engine.Assess(c.value(), options);
  EXPECT_TRUE(a.ok());
  LetterInput input{&c.value(), &a.value().evaluation, &engine.law(), fill, *Date::Parse("2026-11-21")};
  auto letter = WriteLetter(*engine.letters(), kind, input, language);
  EXPECT_TRUE(letter.ok()) << FormatDiagnostics(letter.errors());
  return letter.ok() ? letter.value() : "";
}

std::vector<std::string> ElementsOf(const char* kind) {
  std::vector<std::string> elements;
  for (const auto& part : TheEngine().letters()->Find(kind)->parts) {
    if (!part.element.empty()) elements.push_back(part.element);
  }
  return elements;
}

const LetterPart* PartOf(const char* kind, const std::string& element) {
  for (const auto& part : TheEngine().letters()->Find(kind)->parts) {
    if (part.element == element) return &part;
  }
  return nullptr;
}

// Art. 16(2) DSA: a notice contains (a) the explanation of why the content is illegal, (b) its
// exact electronic location, (c) the notifier's name and e-mail address, except for the
// offences of arts 3 to 7 of Directive 2011/93/EU, and (d) the bona fide statement.
TEST(LettersTest, TheNoticeHoldsEveryElementOfArticle16Paragraph2) {
  ASSERT_NE(TheEngine().letters(), nullptr);
  ASSERT_NE(TheEngine().letters()->Find("dsa-notice"), nullptr);
  const auto elements = ElementsOf("dsa-notice");
  for (const char* element : {"16(2)(a)", "16(2)(b)", "16(2)(c)", "16(2)(d)"}) {
    EXPECT_NE(std::find(elements.begin(), elements.end(), element), elements.end()) << element;
  }
  for (const char* element : {"16(2)(a)", "16(2)(b)", "16(2)(c)", "16(2)(d)"}) {
    ASSERT_NE(PartOf("dsa-notice", element), nullptr) << element;
  }
  // Each element with the slot it is filled from, and, in each language, the words of the law.
  EXPECT_NE(PartOf("dsa-notice", "16(2)(a)")->text.en.find("{provisions}"), std::string::npos);
  EXPECT_NE(PartOf("dsa-notice", "16(2)(b)")->text.en.find("{locations}"), std::string::npos);
  for (const char* slot : {"{name}", "{email}"}) {
    EXPECT_NE(PartOf("dsa-notice", "16(2)(c)")->text.en.find(slot), std::string::npos) << slot;
  }
  EXPECT_FALSE(PartOf("dsa-notice", "16(2)(c)")->child_abuse_material.empty());
  const LetterPart* statement = PartOf("dsa-notice", "16(2)(d)");
  EXPECT_NE(statement->text.en.find("bona fide belief"), std::string::npos);
  EXPECT_NE(statement->text.nl.find("te goeder trouw"), std::string::npos);
  EXPECT_NE(statement->text.fr.find("de bonne foi"), std::string::npos);
}

// Art. 17(1) (with grounds (c) and (d)), 17(2), 12(3) and 77 GDPR.
TEST(LettersTest, TheErasureRequestHoldsItsGroundsDeadlineAndAuthority) {
  const auto elements = ElementsOf("gdpr-erasure");
  for (const char* element : {"17(1)", "17(1)(c)(d)", "17(2)", "12(3)", "77"}) {
    EXPECT_NE(std::find(elements.begin(), elements.end(), element), elements.end()) << element;
  }
  const std::string nl = Write("cases/demo/be-ex-partner-undress-evidence.yaml", "gdpr-erasure", Language::kNl);
  EXPECT_NE(nl.find("Gegevensbeschermingsautoriteit (GBA)"), std::string::npos) << nl;
  EXPECT_NE(nl.find("artikel 17, lid 1, AVG"), std::string::npos);
  const std::string fr = Write("cases/demo/be-ex-partner-undress-evidence.yaml", "gdpr-erasure", Language::kFr);
  EXPECT_NE(fr.find("Autorité de protection des données (APD)"), std::string::npos) << fr;
  EXPECT_NE(fr.find("RGPD"), std::string::npos);
}

TEST(LettersTest, TheNoticeIsFilledFromTheFindingsAndTheEvidenceLog) {
  const std::string letter = Write("cases/demo/be-ex-partner-undress-evidence.yaml", "dsa-notice", Language::kEn,
                                   {"A. Person", "a.person@example.org", "", ""});
  EXPECT_NE(letter.find("- https://example.org/groups/1234/messages/5678 (Example Messenger)"), std::string::npos)
      << letter;
  EXPECT_NE(letter.find("To: Example Messenger"), std::string::npos);
  EXPECT_NE(letter.find("art. 417/9 Criminal Code"), std::string::npos);
  EXPECT_NE(letter.find("Name: A. Person"), std::string::npos);
  EXPECT_NE(letter.find("E-mail address: a.person@example.org"), std::string::npos);
  EXPECT_EQ(letter.find("[your name]"), std::string::npos);
}

TEST(LettersTest, WhatWasNotTypedInIsAMarkedBlank) {
  // The demo without an evidence log: no url, no service.
  const std::string letter = Write("cases/demo/be-ex-partner-undress-posted.yaml", "dsa-notice", Language::kEn);
  for (const char* blank : {"[your name]", "[your e-mail address]", "[name of the service]", "[the exact URL"}) {
    EXPECT_NE(letter.find(blank), std::string::npos) << blank << "\n" << letter;
  }
}

TEST(LettersTest, ANoticeOfChildSexualAbuseMaterialAsksForNoName) {
  const std::string letter = Write("tests/data/letter_child_abuse.yaml", "dsa-notice", Language::kEn,
                                   {"A. Person", "a.person@example.org", "", ""});
  EXPECT_NE(letter.find("Articles 3 to 7 of Directive 2011/93/EU"), std::string::npos) << letter;
  EXPECT_EQ(letter.find("A. Person"), std::string::npos) << letter;
  EXPECT_EQ(letter.find("a.person@example.org"), std::string::npos);
  EXPECT_EQ(letter.find("[your name]"), std::string::npos);
  EXPECT_EQ(letter.find("Name:"), std::string::npos);
  EXPECT_NE(letter.find("https://example.org/groups/class-3b/messages/42"), std::string::npos);
}

TEST(LettersTest, AnUnknownKindIsRefusedWithTheKindsAllowed) {
  const Engine& engine = TheEngine();
  auto c = Case::Load(kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml", engine.law().vocabulary());
  auto a = engine.Assess(c.value(), {});
  LetterInput input{&c.value(), &a.value().evaluation, &engine.law(), {}, *Date::Parse("2026-11-21")};
  auto letter = WriteLetter(*engine.letters(), "dsa-notise", input, Language::kEn);
  ASSERT_FALSE(letter.ok());
  EXPECT_EQ(letter.errors().front().code, "E0103");
  EXPECT_NE(letter.errors().front().help.front().find("'dsa-notice'"), std::string::npos);
}

// POST /api/letter answers the CLI's letter, as text; the sender's data only in the answer.
TEST(LettersTest, TheApiWritesTheSameLetter) {
  EngineOptions options;
  options.rulesets = kRoot + "/rulesets";
  options.harms = HarmsUse::kNone;
  Api api(std::move(Engine::Open(options)).value());
  const std::string body =
      R"({"case": {"id": "x", "jurisdiction": "NL", "date": "2025-03-14", "victim": {"real_person": true, "age": 29}},
          "kind": "gdpr-erasure", "lang": "en", "assessed_on": "2026-11-21", "name": "A. Person"})";
  const ApiResponse r = api.Handle("POST", "/api/letter", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/plain; charset=utf-8");
  EXPECT_NE(r.body.find("Date: 2026-11-21"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("Autoriteit Persoonsgegevens"), std::string::npos);
  EXPECT_NE(r.body.find("A. Person"), std::string::npos);
  EXPECT_NE(r.body.find("[your e-mail address]"), std::string::npos);
  const ApiResponse wrong = api.Handle("POST", "/api/letter", R"({"case": {"id": "x"}, "kind": "letter"})");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("dsa-notice"), std::string::npos) << wrong.body;
  EXPECT_EQ(api.Handle("POST", "/api/letter", R"({"case": {"id": "x"}})").status, 400);
}

// A minimal letters file, with `part` as the letter's one part.
std::string File(const std::string& part) {
  return R"(format: ibsa.letters/1
blanks:
  recipient: {nl: a, fr: a, en: a}
  provisions: {nl: a, fr: a, en: a}
  locations: {nl: a, fr: a, en: a}
  name: {nl: a, fr: a, en: a}
  email: {nl: a, fr: a, en: a}
  address: {nl: a, fr: a, en: a}
provision: {nl: "{citation}", fr: "{citation}", en: "{citation}"}
authorities:
  BE: {name: {nl: a, fr: a, en: a}, sources: [{title: t, url: "https://example.org/"}]}
  NL: {name: {nl: a, fr: a, en: a}, sources: [{title: t, url: "https://example.org/"}]}
letters:
  - kind: k
    title: {nl: a, fr: a, en: a}
    sources: [{title: t, url: "https://example.org/"}]
    parts:
)" + part;
}

TEST(LettersTest, ErrorsInTheFileAreLocated) {
  const Vocabulary& vocabulary = TheEngine().law().vocabulary();
  EXPECT_TRUE(Letters::Parse(File("      - {id: p, text: {nl: \"{name}\", fr: a, en: a}}\n"), "l.yaml", vocabulary).ok());
  auto unknown = Letters::Parse(File("      - {id: p, text: {nl: \"{nmae}\", fr: a, en: a}}\n"), "l.yaml", vocabulary);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.errors().front().code, "E0205");
  EXPECT_EQ(unknown.errors().front().location.line, 18);  // the part
  EXPECT_NE(unknown.errors().front().message.find("'{nmae}'"), std::string::npos);
  auto asks = Letters::Parse(
      File("      - {id: p, text: {nl: a, fr: a, en: a}, child_abuse_material: {nl: \"{email}\", fr: a, en: a}}\n"),
      "l.yaml", vocabulary);
  ASSERT_FALSE(asks.ok());
  EXPECT_NE(asks.errors().front().message.find("asks for '{email}'"), std::string::npos);
  std::string no_nl = File("      - {id: p, text: {nl: a, fr: a, en: a}}\n");
  no_nl.replace(no_nl.find("  NL: "), no_nl.find("letters:") - no_nl.find("  NL: "), "");
  auto missing = Letters::Parse(no_nl, "l.yaml", vocabulary);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors().front().code, "E0106");
}

}  // namespace
}  // namespace ibsa
