// The evidence log of a case (issue 13): each field checked where it is written, in YAML
// and in the API's JSON; written back by the case writer; its `supports` checked against
// the law; listed under the elements it supports in every output; and no file hashed for
// a case about a minor, whose findings say to report the location, not the file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "case/case_object.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

const Engine& Bundled() {
  static const Engine engine = [] {
    EngineOptions options;
    options.rulesets = std::string(IBSA_SOURCE_DIR) + "/rulesets";
    options.harms = HarmsUse::kNone;
    auto e = Engine::Open(options);
    if (!e.ok()) ADD_FAILURE() << FormatDiagnostics(e.errors());
    return std::move(e).value();
  }();
  return engine;
}
const Vocabulary& V() { return Bundled().law().vocabulary(); }

const char* kHead = R"(id: ev
jurisdiction: BE
date: 2025-03-14
victim: {real_person: true, age: 29, identifiable: true, consent_sharing: false}
image: {technique: undress, content: nudity, realistic: true, appears_minor: false}
acts: [share]
)";

Result<Case> Parse(const std::string& evidence) { return Case::Parse(std::string(kHead) + evidence, "c.yaml", V()); }

// The one error of `evidence`: its code and "line:column".
std::string Error(const std::string& evidence) {
  auto c = Parse(evidence);
  if (c.ok()) return "no error";
  const Diagnostic& d = c.errors().front();
  return d.code + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.message;
}

TEST(EvidenceTest, ReadsEveryField) {
  auto c = Parse(R"(evidence:
  - url: https://example.org/p/1
    service: "Example Messenger"
    account: "acc-1"
    seen_on: 2025-03-14
    captured_on: 2025-03-15
    sha256: FF65985FF1846A2177555DB9CE9C0113915E469084EDA0AF8B8626617E0A49E8
    supports: [be.sw.417-9.dissemination, naked_or_sexual]
    note: "Screenshot."
)");
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  ASSERT_EQ(c.value().evidence().size(), 1u);
  const EvidenceItem& item = c.value().evidence()[0];
  EXPECT_EQ(item.url, "https://example.org/p/1");
  EXPECT_EQ(item.service, "Example Messenger");
  EXPECT_EQ(item.account, "acc-1");
  EXPECT_EQ(item.seen_on, Date::Parse("2025-03-14"));
  EXPECT_EQ(item.captured_on, Date::Parse("2025-03-15"));
  EXPECT_EQ(item.sha256, "ff65985ff1846a2177555db9ce9c0113915e469084eda0af8b8626617e0a49e8");  // lowercase
  EXPECT_EQ(item.supports, (std::vector<std::string>{"be.sw.417-9.dissemination", "naked_or_sexual"}));
  ASSERT_EQ(item.supports_at.size(), 2u);
  EXPECT_EQ(item.supports_at[1].line, 14);
  EXPECT_EQ(item.supports_at[1].column, 43);
  EXPECT_EQ(item.note, "Screenshot.");
  EXPECT_TRUE(CheckEvidence(c.value(), Bundled().law()).empty());
}

TEST(EvidenceTest, EachFieldIsCheckedWhereItIsWritten) {
  EXPECT_EQ(Error("evidence: {url: https://example.org}\n").substr(0, 10), "E0104 7:11");
  EXPECT_EQ(Error("evidence:\n  - {url: https://example.org, seen: 2025-01-01}\n").substr(0, 10), "E0101 8:32");
  EXPECT_EQ(Error("evidence:\n  - url: example.org/p\n"),
            "E0120 8:10 evidence item 1, 'url': 'example.org/p' is not a web address");
  EXPECT_EQ(Error("evidence:\n  - url: \"https://example.org/a b\"\n").substr(0, 10), "E0120 8:10");
  EXPECT_EQ(Error("evidence:\n  - url: https://\n").substr(0, 10), "E0120 8:10");
  EXPECT_EQ(Error("evidence:\n  - {url: https://example.org}\n  - sha256: abc123\n"),
            "E0121 9:13 evidence item 2, 'sha256': must be 64 hexadecimal digits (0-9, a-f); it has 6 characters");
  EXPECT_EQ(Error("evidence:\n  - sha256: " + std::string(63, 'a') + "g\n").substr(0, 10), "E0121 8:13");
  EXPECT_EQ(Error("evidence:\n  - url: https://example.org\n    seen_on: 2999-01-01\n"),
            "E0122 9:14 evidence item 1, 'seen_on': 2999-01-01 is after today");
  EXPECT_EQ(Error("evidence:\n  - url: https://example.org\n    captured_on: 2999-01-01\n").substr(0, 11),
            "E0122 9:18 ");
  EXPECT_EQ(Error("evidence:\n  - url: https://example.org\n    seen_on: 2025-02-30\n").substr(0, 10), "E0105 9:14");
  EXPECT_EQ(Error("evidence:\n  - {service: x}\n"),
            "E0124 8:5 evidence item 1 says neither where the image was seen nor which file holds it");
  EXPECT_EQ(Error("evidence:\n  - {url: https://example.org, supports: be.sw.417-9.dissemination}\n").substr(0, 10),
            "E0104 8:42");
  EXPECT_EQ(Error("evidence:\n  - {url: https://example.org, note: \"a\\nb\"}\n").substr(0, 5), "E0002");
}

TEST(EvidenceTest, TheApiReadsTheSameKeyWithItsField) {
  nlohmann::json c = nlohmann::json::parse(R"({"id": "x", "jurisdiction": "BE", "date": "2025-03-14",
      "evidence": [{"url": "https://example.org"}, {"url": "ftp://example.org", "sha256": "12"}]})");
  std::vector<std::string> fields;
  auto read = internal::ReadCaseObject(c, V(), "/case", &fields);
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.errors().size(), 2u);
  EXPECT_EQ(read.errors()[0].code, "E0120");
  EXPECT_EQ(fields[0], "/case/evidence/1/url");
  EXPECT_EQ(read.errors()[1].code, "E0121");
  EXPECT_EQ(fields[1], "/case/evidence/1/sha256");
}

TEST(EvidenceTest, SupportsAreCheckedAgainstTheLaw) {
  auto c = Parse(R"(evidence:
  - url: https://example.org/p/1
    supports: [be.sw.417-9, be.sw.417-9.disemination, naked_or_sexal, be.sw.417-9.dissemination]
)");
  ASSERT_TRUE(c.ok());
  const auto errors = CheckEvidence(c.value(), Bundled().law());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].code, "E0123");
  EXPECT_EQ(errors[0].location.line, 9);
  EXPECT_EQ(errors[0].location.column, 16);
  EXPECT_EQ(errors[0].message, "evidence item 1, 'supports': 'be.sw.417-9' names no element of the law");
  EXPECT_NE(errors[0].help[0].find("is a rule; name one of its elements: 'real_person', 'image_of_person', "
                                   "'dissemination'"),
            std::string::npos)
      << errors[0].help[0];
  EXPECT_NE(errors[1].help[0].find("elements of 'be.sw.417-9': "), std::string::npos);
  EXPECT_NE(errors[2].help[0].find("did you mean"), std::string::npos) << errors[2].help[0];
  // And evaluating the case says so, as a case error.
  auto a = Bundled().Assess(c.value(), {});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.errors().front().code, "E0123");
}

TEST(EvidenceTest, WrittenAndReadBackInYamlAndJson) {
  auto c = Parse(R"(evidence:
  - url: https://example.org/p/1?x=1#y
    service: "Example: Messenger"
    account: "#acc"
    seen_on: 2025-03-14
    sha256: 0123456789012345678901234567890123456789012345678901234567890123
    supports: [be.sw.417-9.dissemination]
    note: "It's a 'note': with # and quotes \""
  - sha256: ff65985ff1846a2177555db9ce9c0113915e469084eda0af8b8626617e0a49e8
)");
  ASSERT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
  for (const std::string& text : {CaseToYaml(c.value(), V()), CaseToJson(c.value(), V())}) {
    auto back = Case::Parse(text, "w.yaml", V());
    ASSERT_TRUE(back.ok()) << text << FormatDiagnostics(back.errors());
    ASSERT_EQ(back.value().evidence().size(), 2u) << text;
    for (size_t i = 0; i < 2; ++i) {
      const EvidenceItem& a = c.value().evidence()[i];
      const EvidenceItem& b = back.value().evidence()[i];
      EXPECT_EQ(b.url, a.url);
      EXPECT_EQ(b.service, a.service);
      EXPECT_EQ(b.account, a.account);
      EXPECT_EQ(b.seen_on, a.seen_on);
      EXPECT_EQ(b.captured_on, a.captured_on);
      EXPECT_EQ(b.sha256, a.sha256) << text;
      EXPECT_EQ(b.supports, a.supports);
      EXPECT_EQ(b.note, a.note);
    }
  }
  // The builder carries it (the interview builds every answer from the case before).
  auto rebuilt = CaseBuilder::From(c.value(), V()).SetBool("victim.identifiable", false).Build();
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(rebuilt.value().evidence(), c.value().evidence());
}

TEST(EvidenceTest, BuilderChecksAnItemOfItsOwn) {
  CaseBuilder b(V());
  b.SetId("x").SetJurisdiction("BE").SetDate(*Date::Parse("2025-03-14"));
  EvidenceItem item;
  item.url = "javascript:alert(1)";
  b.AddEvidence(item, SourceLocation{"--url", 0, 0});
  auto built = b.Build();
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.errors().front().code, "E0120");
  EXPECT_EQ(built.errors().front().location.file, "--url");
}

// The findings about child sexual abuse material, read from the conditions.
TEST(EvidenceTest, WhichRulesConcernChildSexualAbuseMaterial) {
  const Law& law = Bundled().law();
  const auto concerns = [&](const char* id) {
    const Rule* rule = law.FindRule(id);
    EXPECT_NE(rule, nullptr) << id;
    return rule != nullptr && ConcernsChildAbuseMaterial(law, *rule);
  };
  for (const char* id : {"be.sw.417-43", "be.sw.417-44", "be.sw.417-46", "be.sw.417-47", "be.sw.170", "be.sw.173",
                         "be.sw.383bis.2", "nl.sr.252"}) {
    EXPECT_TRUE(concerns(id)) << id;
  }
  for (const char* id : {"be.sw.417-9", "be.sw.417-8.edited", "be.sw.417-10", "be.sw.135", "nl.sr.254ba.1b",
                         "eu.dsa.16", "be.referral.child-focus"}) {
    EXPECT_FALSE(concerns(id)) << id;
  }
}

const char* kMinor = R"(id: minor
jurisdiction: BE
date: 2025-03-14
victim: {real_person: true, age: 15, identifiable: true, consent_sharing: false}
image: {technique: undress, content: nudity, realistic: true}
acts: [share]
)";

TEST(EvidenceTest, NoFileIsHashedForACaseAboutAMinor) {
  const Law& law = Bundled().law();
  auto minor = Case::Parse(kMinor, "m.yaml", V());
  ASSERT_TRUE(minor.ok());
  const Date today = *Date::Parse("2026-12-03");
  auto e = Evaluate(law, minor.value(), {});
  ASSERT_TRUE(e.ok());
  auto refusal = RefuseFileHash(minor.value(), law, e.value(), today);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code, "E0125");
  EXPECT_NE(refusal->message.find("the person shown is a minor"), std::string::npos) << refusal->message;
  EXPECT_NE(refusal->message.find("[be.sw.173]"), std::string::npos) << refusal->message;  // in force today
  EXPECT_EQ(refusal->message.find("[be.sw.417-46]"), std::string::npos);
  // Age unknown: CSAM may be found, so no file either; an adult who does not look a minor: hashed.
  auto unknown = Case::Parse("id: u\njurisdiction: NL\ndate: 2025-03-14\nvictim: {real_person: true}\n"
                             "image: {technique: undress, content: nudity, realistic: true}\nacts: [share]\n",
                             "u.yaml", V());
  ASSERT_TRUE(unknown.ok());
  auto eu = Evaluate(law, unknown.value(), {});
  ASSERT_TRUE(eu.ok());
  auto maybe = RefuseFileHash(unknown.value(), law, eu.value(), today);
  ASSERT_TRUE(maybe.has_value());
  EXPECT_NE(maybe->message.find("findings concern child sexual abuse material"), std::string::npos);
  EXPECT_NE(maybe->message.find("[nl.sr.252]"), std::string::npos) << maybe->message;
  auto adult = Parse("");
  ASSERT_TRUE(adult.ok());
  auto ea = Evaluate(law, adult.value(), {});
  ASSERT_TRUE(ea.ok());
  EXPECT_FALSE(RefuseFileHash(adult.value(), law, ea.value(), today).has_value());
}

std::string Render(const Case& c, Format format, Language language) {
  AssessOptions options;
  options.format = format;
  options.evaluation.assessed_on = Date::Parse("2026-11-21");
  auto a = Bundled().Assess(c, options);
  EXPECT_TRUE(a.ok());
  return Bundled().Render(c, a.value(), format, language);
}

TEST(EvidenceTest, ReportsListTheEvidenceUnderTheElement) {
  auto c = Parse(R"(evidence:
  - url: https://example.org/p/1
    seen_on: 2025-03-14
    supports: [be.sw.417-9.dissemination]
  - sha256: ff65985ff1846a2177555db9ce9c0113915e469084eda0af8b8626617e0a49e8
    supports: [naked_or_sexual]
)");
  ASSERT_TRUE(c.ok());
  const std::string text = Render(c.value(), Format::kText, Language::kEn);
  const size_t finding = text.find("art. 417/9 Criminal Code: Non-consensual dissemination of sexual images");
  ASSERT_NE(finding, std::string::npos) << text;
  const size_t element = text.find("Showing, making accessible or disseminating", finding);
  const size_t under = text.find("        evidence #1: https://example.org/p/1 (seen 2025-03-14)", finding);
  ASSERT_NE(under, std::string::npos) << text;
  EXPECT_LT(element, under);
  EXPECT_NE(text.find("        evidence #2: SHA-256 ff65985ff1846a2177555db9ce9c0113915e469084eda0af8b8626617e0a49e8",
                      finding),
            std::string::npos);
  EXPECT_NE(text.find("\nEvidence (Where the image was seen"), std::string::npos);
  EXPECT_NE(text.find("  #1 https://example.org/p/1 (seen 2025-03-14)\n      supports: be.sw.417-9.dissemination"),
            std::string::npos);

  const auto json = nlohmann::json::parse(Render(c.value(), Format::kJson, Language::kEn));
  ASSERT_EQ(json["evidence"].size(), 2u);
  EXPECT_EQ(json["evidence"][0]["url"], "https://example.org/p/1");
  EXPECT_EQ(json["evidence"][1]["sha256"], "ff65985ff1846a2177555db9ce9c0113915e469084eda0af8b8626617e0a49e8");
  bool listed = false;
  for (const auto& f : json["findings"]) {
    if (f["rule"] != "be.sw.417-9") continue;
    for (const auto& e : f["elements"]) {
      if (e["id"] == "dissemination") listed = e["evidence"] == nlohmann::json::array({1});
      if (e["id"] == "real_person") {
        EXPECT_FALSE(e.contains("evidence"));
      }
      if (e["id"] == "naked_or_sexual") {
        EXPECT_EQ(e["evidence"], nlohmann::json::array({2}));
      }
    }
  }
  EXPECT_TRUE(listed);

  for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
    const std::string md = Render(c.value(), Format::kMarkdown, language);
    EXPECT_NE(md.find("#1 https\\://example.org/p/1"), std::string::npos) << md;
    const std::string html = Render(c.value(), Format::kHtml, language);
    EXPECT_NE(html.find("#2 SHA-256 ff65985f"), std::string::npos);
  }
  const std::string md = Render(c.value(), Format::kMarkdown, Language::kFr);
  EXPECT_NE(md.find("## Preuves"), std::string::npos) << md;
}

TEST(EvidenceTest, AChildAbuseFindingSaysToReportTheLocationNotTheFile) {
  auto minor = Case::Parse(kMinor, "m.yaml", V());
  ASSERT_TRUE(minor.ok());
  for (Language language : {Language::kNl, Language::kFr, Language::kEn}) {
    const std::string line = ReportLocationNotFile(language);
    const std::string text = Render(minor.value(), Format::kText, language);
    const size_t csam = text.find("417/44");
    ASSERT_NE(csam, std::string::npos);
    EXPECT_NE(text.find("    ! " + line, csam), std::string::npos) << text;
    EXPECT_NE(Render(minor.value(), Format::kMarkdown, language).find(line.substr(0, 30)), std::string::npos);
    const auto json = nlohmann::json::parse(Render(minor.value(), Format::kJson, language));
    for (const auto& f : json["findings"]) {
      const bool about_csam = f["rule"] == "be.sw.417-44" || f["rule"] == "be.sw.417-43";
      const bool has_notice = f.contains("report_location_not_file");
      if (f["rule"] == "be.sw.417-9" || about_csam) {
        EXPECT_EQ(has_notice, about_csam) << f["rule"];
      }
    }
  }
  EXPECT_NE(ReportLocationNotFile(Language::kNl).find("meld waar ze staan"), std::string::npos);
  EXPECT_NE(ReportLocationNotFile(Language::kFr).find("jamais le fichier"), std::string::npos);
  // An adult's case says nothing of it.
  auto adult = Parse("");
  ASSERT_TRUE(adult.ok());
  EXPECT_EQ(Render(adult.value(), Format::kText, Language::kEn).find(ReportLocationNotFile(Language::kEn)),
            std::string::npos);
}

}  // namespace
}  // namespace ibsa
