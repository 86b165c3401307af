// The JSON API without HTTP: the same results as the library calls the CLI makes, for
// every bundled case; strict request reading; errors that name the field.
#include "ibsa/api.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/sha256.h"
#include "bundled_cases.h"
#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

using json = nlohmann::json;

const std::string kRoot = IBSA_SOURCE_DIR;

struct Bundled {
  Law law;
  Harms harms;
};

const Bundled& TheLaw() {
  static const Bundled* bundled = [] {
    auto vocabulary = Vocabulary::Load(kRoot + "/rulesets/facts.yaml");
    auto law = Law::Load(kRoot + "/rulesets", vocabulary.value());
    auto harms = Harms::Load(kRoot + "/rulesets/harms.yaml", law.value());
    return new Bundled{std::move(law).value(), std::move(harms).value()};
  }();
  return *bundled;
}

const Api& TheApi() {
  static const Api* api = new Api(TheLaw().law, &TheLaw().harms);
  return *api;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

json Post(const std::string& path, const json& body, int expected_status = 200) {
  const ApiResponse r = TheApi().Handle("POST", path, body.dump());
  EXPECT_EQ(r.status, expected_status) << path << ": " << r.body;
  return json::parse(r.body);
}

const Date kAssessedOn = *Date::Parse("2026-11-21");

// What `ibsa evaluate --format json --next-questions` prints for the file, provenance
// included (the law in memory has no folder, so no law hashes).
std::string CliJson(const std::string& file, Language language) {
  auto c = Case::Load(file, TheLaw().law.vocabulary());
  EvaluationOptions options;
  options.assessed_on = kAssessedOn;
  if (c.value().expectations()) {
    options.with = c.value().expectations()->with;
    options.as_of = c.value().expectations()->as_of;
  }
  auto evaluation = Evaluate(TheLaw().law, c.value(), options);
  auto questions = NextQuestions(TheLaw().law, c.value(), options);
  const auto harms = HarmsOfCase(TheLaw().harms, c.value(), evaluation.value());
  const Engine engine(TheLaw().law, TheLaw().harms);
  const Provenance provenance = engine.Assess(c.value(), {options, Format::kJson, true}).value().provenance;
  return RenderJson(evaluation.value(), TheLaw().law, language, &questions.value(), harms, {}, c.value().evidence(), &provenance);
}

// The provenance Assess gives `c` assessed on kAssessedOn, as the API must end with.
Provenance ProvenanceOf(const Case& c) {
  AssessOptions options;
  options.evaluation.assessed_on = kAssessedOn;
  return Engine(TheLaw().law, TheLaw().harms).Assess(c, options).value().provenance;
}

TEST(ApiTest, AnswersAsTheCliDoesForEveryBundledCaseGivenAsTextOrAsObject) {
  const auto files = testing::BundledCaseFiles();
  ASSERT_GT(files.size(), testing::Sampled(200));
  for (const auto& file : files) {
    const std::string text = ReadText(file);
    auto c = Case::Load(file, TheLaw().law.vocabulary());
    ASSERT_TRUE(c.ok()) << file;
    json request{{"case", text}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}};
    if (c.value().expectations()) {
      request["with"] = c.value().expectations()->with;
      if (c.value().expectations()->as_of) request["as_of"] = c.value().expectations()->as_of->ToString();
    }
    const std::string expected = CliJson(file, Language::kFr);
    EXPECT_EQ(TheApi().Handle("POST", "/api/next-questions", request.dump()).body, expected) << file;
    // The same case as the JSON object the page holds (CaseToJson): the same answer but for
    // the case's hash, which is of the object as received (compact, keys sorted).
    request["case"] = json::parse(CaseToJson(c.value(), TheLaw().law.vocabulary()));
    json answer = json::parse(TheApi().Handle("POST", "/api/next-questions", request.dump()).body);
    json expected_answer = json::parse(expected);
    EXPECT_EQ(answer["provenance"]["case_sha256"], internal::Sha256Hex(request["case"].dump())) << file;
    EXPECT_NE(answer["provenance"]["case_sha256"], expected_answer["provenance"]["case_sha256"]) << file;
    answer["provenance"].erase("case_sha256");
    expected_answer["provenance"].erase("case_sha256");
    EXPECT_EQ(answer, expected_answer) << file;
  }
}

TEST(ApiTest, EvaluateWithoutQuestionsIsTheCliJson) {
  const std::string file = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";
  auto c = Case::Load(file, TheLaw().law.vocabulary());
  EvaluationOptions options;
  options.assessed_on = kAssessedOn;
  const auto e = Evaluate(TheLaw().law, c.value(), options);
  const Provenance provenance = ProvenanceOf(c.value());
  const std::string expected = RenderJson(e.value(), TheLaw().law, Language::kEn, nullptr,
                                          HarmsOfCase(TheLaw().harms, c.value(), e.value()), {}, c.value().evidence(), &provenance);
  const ApiResponse r = TheApi().Handle(
      "POST", "/api/evaluate", json{{"case", ReadText(file)}, {"assessed_on", "2026-11-21"}}.dump());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, expected);
}

TEST(ApiTest, ReportIsTheCliReport) {
  const std::string file = kRoot + "/tests/data/partial_classmate_app.yaml";
  auto c = Case::Load(file, TheLaw().law.vocabulary());
  EvaluationOptions options;
  options.assessed_on = kAssessedOn;
  auto e = Evaluate(TheLaw().law, c.value(), options);
  auto q = NextQuestions(TheLaw().law, c.value(), options);
  const auto harms = HarmsOfCase(TheLaw().harms, c.value(), e.value());
  const Provenance provenance = ProvenanceOf(c.value());
  for (const auto& [format, style] : {std::pair{"html", Format::kHtml}, std::pair{"markdown", Format::kMarkdown}}) {
    const ApiResponse r = TheApi().Handle(
        "POST", "/api/report",
        json{{"case", ReadText(file)}, {"assessed_on", "2026-11-21"}, {"lang", "nl"}, {"format", format}}.dump());
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type.rfind(std::string("text/") + (style == Format::kHtml ? "html" : "markdown"), 0), 0u);
    EXPECT_EQ(r.body, RenderReport(e.value(), TheLaw().law, c.value(), q.value(), harms, style, Language::kNl,
                                   {}, &provenance));
  }
}

// The case's hash in the provenance is of what the request gave: the string's bytes (as
// sha256sum gives them for the file), or the object as `jq -jcS .case` writes it
// (docs/json-format.md).
// A case object whose date is a range across 1 July 2024 (the Dutch Sexual Offences Act):
// read by the same builder as a file, both versions judged, the day named as what decides.
TEST(ApiTest, ACaseObjectMayGiveItsDateAsARange) {
  auto c = Case::Load(kRoot + "/cases/nl/dates/nl-d-2024-06-07-month-range-across-wet-seksuele-misdrijven.yaml",
                      TheLaw().law.vocabulary());
  ASSERT_TRUE(c.ok());
  json object = json::parse(CaseToJson(c.value(), TheLaw().law.vocabulary()));
  EXPECT_EQ(object["date"], json({{"from", "2024-06"}, {"to", "2024-07"}}));
  const json answer = Post("/api/evaluate", json{{"case", object}, {"assessed_on", "2026-11-21"}, {"lang", "nl"}});
  ASSERT_TRUE(answer.is_object()) << answer.dump().substr(0, 300);
  ASSERT_TRUE(answer["case"].is_object()) << answer.dump().substr(0, 300);
  EXPECT_EQ(answer["case"]["period"]["earliest"], "2024-06-01");
  EXPECT_EQ(answer["case"]["period"]["latest"], "2024-07-31");
  int day_decides = 0;
  for (const auto& f : answer["findings"]) {
    if (f["rule"] != "nl.sr.139h.1a" && f["rule"] != "nl.sr.254ba.1a") continue;
    EXPECT_EQ(f["status"], "possible") << f["rule"];
    EXPECT_TRUE(f.contains("day_decides")) << f["rule"];
    EXPECT_NE(std::find(f["missing"].begin(), f["missing"].end(), "date"), f["missing"].end()) << f["rule"];
    ++day_decides;
  }
  EXPECT_EQ(day_decides, 2);
  // A range that ends before it begins is refused, naming the field.
  object["date"] = json({{"from", "2024-07"}, {"to", "2024-06"}});
  const json refused = Post("/api/evaluate", json{{"case", object}}, 422);
  EXPECT_NE(refused.dump().find("/case/date/to"), std::string::npos) << refused.dump();
}

TEST(ApiTest, EvaluateAndReportEndWithTheProvenanceOfTheCaseAsReceived) {
  const std::string file = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";
  const std::string text = ReadText(file);
  const std::string file_sha256 = internal::Sha256Hex(text);
  json request{{"case", text}, {"assessed_on", "2026-11-21"}};
  const json answer = Post("/api/evaluate", request);
  EXPECT_EQ(answer["provenance"]["case_sha256"], file_sha256);
  EXPECT_EQ(answer["provenance"]["assessed_on"], "2026-11-21");
  EXPECT_EQ(answer["provenance"]["date"], "2025-03-14");
  EXPECT_EQ(answer["provenance"]["ibsa_version"], std::string(Version()));
  EXPECT_TRUE(std::find(answer["provenance"]["versions"].begin(), answer["provenance"]["versions"].end(),
                        "be.sw.2022-06-01") != answer["provenance"]["versions"].end());
  request["format"] = "markdown";
  const ApiResponse report = TheApi().Handle("POST", "/api/report", request.dump());
  EXPECT_NE(report.body.find("case sha256 " + file_sha256 + "\n"), std::string::npos);

  // As an object, written out with another order of keys and spaces than jq's.
  auto c = Case::Load(file, TheLaw().law.vocabulary());
  const json object = json::parse(CaseToJson(c.value(), TheLaw().law.vocabulary()));
  const std::string body = "{\"assessed_on\": \"2026-11-21\",\n \"case\": " + object.dump(3) + "}";
  const ApiResponse r = TheApi().Handle("POST", "/api/evaluate", body);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string received = (std::filesystem::temp_directory_path() / "ibsa-api-test-request.json").string();
  std::ofstream(received) << body;
  std::string jq;
  if (FILE* pipe = ::popen(("jq -jcS .case '" + received + "' | sha256sum").c_str(), "r")) {
    char buffer[65] = {};
    if (std::fread(buffer, 1, 64, pipe) == 64) jq = buffer;
    ::pclose(pipe);
  }
  std::filesystem::remove(received);
  EXPECT_EQ(json::parse(r.body)["provenance"]["case_sha256"], jq);
  EXPECT_NE(jq, file_sha256);
}

TEST(ApiTest, HandoverPackIsOnePrintablePageOrMarkdownInTheLanguageAsked) {
  const std::string file = kRoot + "/cases/demo/be-ex-partner-undress-evidence.yaml";
  json request{{"case", ReadText(file)}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}};
  const ApiResponse html = TheApi().Handle("POST", "/api/handover", request.dump());
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(html.body.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  EXPECT_NE(html.body.find("@page { size: A4;"), std::string::npos);
  request["format"] = "markdown";
  const ApiResponse md = TheApi().Handle("POST", "/api/handover", request.dump());
  ASSERT_EQ(md.status, 200) << md.body;
  EXPECT_EQ(md.content_type, "text/markdown; charset=utf-8");
  EXPECT_EQ(md.body.rfind("# Dossier de transmission: demo-be-ex-partner-undress-evidence", 0), 0u) << md.body.substr(0, 200);
  EXPECT_NE(md.body.find("## Éléments réunis et encore ouverts"), std::string::npos);
  request["format"] = "text";
  EXPECT_EQ(TheApi().Handle("POST", "/api/handover", request.dump()).status, 422);
}

TEST(ApiTest, CaseIsNormalisedToJsonAndYamlThatReadBackTheSame) {
  const std::string file = kRoot + "/tests/data/partial_classmate_app.yaml";
  const json r = Post("/api/case", {{"case", ReadText(file)}});
  auto original = Case::Load(file, TheLaw().law.vocabulary());
  EXPECT_EQ(r["yaml"], CaseToYaml(original.value(), TheLaw().law.vocabulary()));
  const json again = Post("/api/case", {{"case", r["case"]}});
  EXPECT_EQ(again, r);
}

TEST(ApiTest, AnUnknownFactNamesItsFieldAndSuggestsTheRightOne) {
  const json r = Post("/api/evaluate",
                      {{"case", {{"id", "x"}, {"jurisdiction", "BE"}, {"date", "2025-01-01"}, {"victim", {{"agee", 15}}}}}},
                      422);
  EXPECT_EQ(r["error"]["status"], 422);
  EXPECT_EQ(r["error"]["field"], "/case/victim/agee");
  EXPECT_EQ(r["error"]["code"], "E0102");
  EXPECT_EQ(r["error"]["help"][0], "did you mean 'victim.age'?");
}

TEST(ApiTest, AFactTheConstraintsExcludeNamesItsFieldAndTheConstraint) {
  json r = Post("/api/evaluate",
                {{"case", {{"id", "x"}, {"jurisdiction", "BE"}, {"date", "2025-01-01"},
                           {"victim", {{"real_person", false}, {"age", 15}}}}}},
                422);
  EXPECT_EQ(r["error"]["field"], "/case/victim/age");
  EXPECT_EQ(r["error"]["code"], "E0113");
  EXPECT_NE(r["error"]["message"].get<std::string>().find("'no-person-no-identity'"), std::string::npos);
  EXPECT_NE(r["error"]["help"][0].get<std::string>().find("does not exist"), std::string::npos);
  // A warning constraint: evaluated, with the warning.
  r = Post("/api/evaluate",
           {{"case", {{"id", "x"}, {"jurisdiction", "NL"}, {"date", "2025-01-01"},
                      {"victim", {{"real_person", false}}},
                      {"image", {{"technique", "synthetic"}, {"resembles_real_person", true}}}}}});
  ASSERT_TRUE(r.contains("warnings")) << r.dump();
  EXPECT_EQ(r["warnings"][0]["code"], "W0003");
}

TEST(ApiTest, AWrongValueInAListNamesTheItem) {
  const json r = Post("/api/evaluate",
                      {{"case",
                        {{"id", "x"}, {"jurisdiction", "BE"}, {"date", "2025-01-01"},
                         {"acts", json::array({{{"type", "create"}}, {{"type", "shar"}, {"date", "2025-02-01"}}})}}}},
                      422);
  EXPECT_EQ(r["error"]["field"], "/case/acts/1/type");
  EXPECT_EQ(r["error"]["help"][0], "did you mean 'share'?");
}

TEST(ApiTest, AnOutOfRangeAgeAndAMissingKeyAreReported) {
  json r = Post("/api/evaluate",
                {{"case", {{"id", "x"}, {"jurisdiction", "BE"}, {"date", "2025-01-01"}, {"victim", {{"age", 130}}}}}}, 422);
  EXPECT_EQ(r["error"]["field"], "/case/victim/age");
  EXPECT_EQ(r["error"]["code"], "E0107");
  r = Post("/api/evaluate", {{"case", {{"id", "x"}, {"jurisdiction", "BE"}}}}, 422);
  EXPECT_EQ(r["error"]["code"], "E0106");
  EXPECT_EQ(r["error"]["field"], "/case");
  EXPECT_NE(r["error"]["message"].get<std::string>().find("date"), std::string::npos);
  // An act without its type: the act is named, not the case.
  r = Post("/api/evaluate",
           {{"case", {{"id", "x"}, {"jurisdiction", "BE"}, {"date", "2025-01-01"},
                      {"acts", json::array({{{"type", "create"}}, {{"date", "2025-02-01"}}})}}}},
           422);
  EXPECT_EQ(r["error"]["code"], "E0106");
  EXPECT_EQ(r["error"]["field"], "/case/acts/1");
}

TEST(ApiTest, ACaseGivenAsTextIsLocatedByLineAndColumn) {
  const json r = Post("/api/evaluate", {{"case", "id: x\njurisdiction: BE\ndate: 2025-01-01\nvictim:\n  age: old\n"}}, 422);
  EXPECT_EQ(r["error"]["field"], "/case");
  EXPECT_NE(r["error"]["message"].get<std::string>().find("(line 5, column 8)"), std::string::npos) << r;
}

TEST(ApiTest, RequestKeysAndTypesAreChecked) {
  json r = Post("/api/evaluate", {{"cas", json::object()}}, 400);
  EXPECT_EQ(r["error"]["field"], "/cas");
  EXPECT_EQ(r["error"]["help"][0], "did you mean 'case'?");
  r = Post("/api/evaluate", {{"case", 5}}, 400);
  EXPECT_EQ(r["error"]["field"], "/case");
  r = Post("/api/evaluate", json::object(), 400);
  EXPECT_EQ(r["error"]["field"], "/case");
  r = Post("/api/evaluate", {{"case", "id: x"}, {"with", "nl.bill"}}, 400);
  EXPECT_EQ(r["error"]["field"], "/with");
  r = Post("/api/evaluate", {{"case", "id: x"}, {"as_of", "2025-02-30"}}, 400);
  EXPECT_EQ(r["error"]["field"], "/as_of");
  r = Post("/api/evaluate", {{"case", "id: x"}, {"lang", "de"}}, 422);
  EXPECT_EQ(r["error"]["field"], "/lang");
  r = Post("/api/evaluate", {{"case", "id: x"}, {"explain", "yes"}}, 400);
  EXPECT_EQ(r["error"]["field"], "/explain");
}

TEST(ApiTest, AnUnknownProposalIsRefusedWithTheProposalsAllowed) {
  const std::string file = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";
  const json r = Post("/api/evaluate", {{"case", ReadText(file)}, {"with", {"nl.bill.2099"}}}, 422);
  EXPECT_EQ(r["error"]["field"], "/with");
  EXPECT_EQ(r["error"]["code"], "E0301");
}

TEST(ApiTest, MalformedDeepOrOversizedBodiesAreRefusedBeforeParsing) {
  ApiResponse r = TheApi().Handle("POST", "/api/evaluate", "{\"case\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(json::parse(r.body)["error"]["message"].get<std::string>().find("not JSON"), std::string::npos);
  r = TheApi().Handle("POST", "/api/evaluate", "[1, 2]");
  EXPECT_EQ(r.status, 400);
  r = TheApi().Handle("POST", "/api/evaluate", std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("deeper than 32"), std::string::npos);
  r = TheApi().Handle("POST", "/api/evaluate", std::string(100, ']') + std::string(40, '['));
  EXPECT_NE(r.body.find("deeper than 32"), std::string::npos);
  // Not UTF-8, or a number beyond a double: a 400 that names the problem, not a crash or a 500.
  r = TheApi().Handle("POST", "/api/evaluate", "{\"case\": \"\xff\xfe\"}");
  EXPECT_EQ(r.status, 400);
  EXPECT_NO_THROW(json::parse(r.body));
  r = TheApi().Handle("POST", "/api/evaluate", "{\"case\": 21e382}");
  EXPECT_EQ(r.status, 400);
  // Brackets inside strings are text, not nesting.
  r = TheApi().Handle("POST", "/api/evaluate", json{{"case", std::string(1000, '[')}}.dump());
  EXPECT_EQ(r.status, 422);
  r = TheApi().Handle("POST", "/api/evaluate", std::string(300 * 1024, ' '));
  EXPECT_EQ(r.status, 413);
}

TEST(ApiTest, UnknownPathsAndWrongMethodsAreRefused) {
  EXPECT_EQ(TheApi().Handle("GET", "/api/nothing", "").status, 404);
  EXPECT_EQ(TheApi().Handle("GET", "/api/evaluate", "").status, 405);
  EXPECT_EQ(TheApi().Handle("POST", "/api/facts", "{}").status, 405);
}

TEST(ApiTest, FactsListTheVocabularyWithQuestionsAndValueLabels) {
  const ApiResponse r = TheApi().Handle("GET", "/api/facts", "");
  ASSERT_EQ(r.status, 200);
  const json facts = json::parse(r.body);
  EXPECT_EQ(facts["jurisdictions"], json({"BE", "NL"}));
  ASSERT_EQ(facts["facts"].size(), static_cast<size_t>(TheLaw().law.vocabulary().size()));
  bool saw_acts = false;
  for (const auto& f : facts["facts"]) {
    EXPECT_GE(f["sensitivity"].get<int>(), 1) << f["name"];
    if (f["name"] == "acts") {
      saw_acts = true;
      EXPECT_EQ(f["type"], "set");
      EXPECT_EQ(f["values"][3]["value"], "share");
      EXPECT_FALSE(f["values"][3]["label"]["fr"].get<std::string>().empty());
    }
  }
  EXPECT_TRUE(saw_acts);
}

TEST(ApiTest, RulesetsListEveryVersionWithItsDatesAndStatus) {
  const json r = json::parse(TheApi().Handle("GET", "/api/rulesets", "").body);
  ASSERT_EQ(r["versions"].size(), TheLaw().law.versions().size());
  bool saw_proposal = false;
  for (const auto& v : r["versions"]) {
    EXPECT_FALSE(v["in_force_from"].get<std::string>().empty());
    saw_proposal = saw_proposal || v["status"] == "proposed";
  }
  EXPECT_TRUE(saw_proposal);
}

TEST(ApiTest, GapsAndDiffAreTheCliSweeps) {
  // The sweeps end with their provenance (the same bytes as the CLI's: server_test.cc), which
  // names the engine's law: compared apart.
  json gaps = Post("/api/gaps", {{"jurisdiction", "BE"}, {"date", "2025-06-01"}});
  EXPECT_EQ(gaps["provenance"]["date"], "2025-06-01");
  EXPECT_TRUE(gaps["provenance"]["case_sha256"].is_null());
  EXPECT_FALSE(gaps["provenance"]["versions"].empty());
  gaps.erase("provenance");
  auto report = FindGaps(TheLaw().law, TheLaw().harms, {"BE", *Date::Parse("2025-06-01"), {}});
  EXPECT_EQ(gaps, json::parse(RenderGaps(report.value(), Format::kJson, Language::kEn)));

  json diff = Post("/api/diff", {{"jurisdiction", "NL"}, {"from", "2024-06-30"}, {"to", "2024-07-01"}});
  EXPECT_EQ(diff["provenance"]["date"], "2024-06-30");
  EXPECT_EQ(diff["provenance"]["compared_with"], "2024-07-01");
  diff.erase("provenance");
  auto changed = Diff(TheLaw().law, {"NL", *Date::Parse("2024-06-30"), {}}, {"NL", *Date::Parse("2024-07-01"), {}},
                      &TheLaw().harms);
  EXPECT_EQ(diff, json::parse(RenderDiff(changed.value(), Format::kJson, Language::kEn)));

  // A change says its kind; `change` stays the English phrase in any language, and a penalty
  // change gives both penalties in the language asked for, so the page parses no phrase.
  const json fr = Post("/api/diff", {{"jurisdiction", "NL"}, {"from", "2024-06-30"}, {"to", "2024-07-01"}, {"lang", "fr"}});
  bool penalty_seen = false;
  for (const json& c : fr["changes"]) {
    ASSERT_TRUE(c["kind"].is_string()) << c.dump();
    if (c["rule"] != "nl.sr.252") continue;
    penalty_seen = true;
    EXPECT_EQ(c["kind"], "penalty_changed");
    EXPECT_EQ(c["change"].get<std::string>().rfind("penalty changed (nl.sr.240b: ", 0), 0u) << c.dump();
    EXPECT_EQ(c["penalty"]["earlier_rule"], "nl.sr.240b");
    EXPECT_EQ(c["penalty"]["before"], "emprisonnement max. 4 ans et/ou amende de la catégorie 5");
    EXPECT_EQ(c["penalty"]["after"], "emprisonnement max. 6 ans et/ou amende de la catégorie 5");
  }
  EXPECT_TRUE(penalty_seen);
  // A pattern's example is a case file the page opens as it is.
  const json& pattern = diff["changes"][0]["patterns"][0];
  const json opened = Post("/api/case", {{"case", pattern["example"]}});
  EXPECT_EQ(opened["case"]["id"], "diff-covered-only-on-the-right--no-offence-on-the-left--1");

  json r = Post("/api/diff", {{"jurisdiction", "NL"}}, 422);
  EXPECT_NE(r["error"]["message"].get<std::string>().find("two states"), std::string::npos);
  r = Post("/api/diff", {{"jurisdiction", "NL"}, {"from", "2024-06-30"}}, 422);
  EXPECT_EQ(r["error"]["field"], "/to");
  r = Post("/api/gaps", {{"jurisdiction", "FR"}}, 422);
  EXPECT_EQ(r["error"]["field"], "/jurisdiction");
  r = Post("/api/gaps", json::object(), 400);
  EXPECT_EQ(r["error"]["field"], "/jurisdiction");
}

// Issue 12: 139h became 254ba on 1 July 2024 with the same conduct and penalty; the diff names it.
TEST(ApiTest, TheDutchJuly2024DiffNamesTheRenumbering) {
  const json nl = Post("/api/diff", {{"jurisdiction", "NL"}, {"from", "2024-06-30"}, {"to", "2024-07-01"}, {"lang", "nl"}});
  bool renumbered = false;
  for (const json& c : nl["changes"]) {
    if (c["rule"] != "nl.sr.254ba.1a") continue;
    renumbered = true;
    EXPECT_EQ(c["kind"], "renumbered") << c.dump();
    EXPECT_EQ(c["renumbering"]["text"], "art. 139h lid 1 sub a Sr → art. 254ba lid 1 sub a Sr") << c.dump();
    EXPECT_EQ(c["renumbering"]["from"][0]["rule"], "nl.sr.139h.1a");
  }
  EXPECT_TRUE(renumbered) << nl.dump(1);
}

// `with` is checked as on the command line (one check, in the library): an unknown id names
// the known proposals, another country's proposal is refused, and a bill is assessed on the
// date asked, which the answer says.
TEST(ApiTest, ProposalsAreCheckedAndAssessedOnTheDateAsked) {
  json r = Post("/api/diff", {{"jurisdiction", "NL"}, {"with", {"bogus"}}}, 422);
  EXPECT_EQ(r["error"]["code"], "E0301");
  EXPECT_EQ(r["error"]["field"], "/with");
  EXPECT_NE(r["error"]["help"].dump().find("nl.nrd.2099-01-01"), std::string::npos) << r.dump();
  r = Post("/api/gaps", {{"jurisdiction", "BE"}, {"with", {"nl.nrd.2099-01-01"}}}, 422);
  EXPECT_EQ(r["error"]["code"], "E0304");
  EXPECT_EQ(r["error"]["field"], "/with");
  const json bill = Post("/api/diff", {{"jurisdiction", "NL"}, {"date", "2026-11-21"}, {"with", {"nl.nrd.2099-01-01"}}, {"lang", "fr"}});
  EXPECT_EQ(bill["proposals_as_if_in_force_on"], "2026-11-21");
  EXPECT_EQ(bill["proposals_note"], "La proposition est évaluée comme si elle était en vigueur le 2026-11-21.");
  EXPECT_FALSE(bill["changes"].empty());
}

// The interview through the API: the client keeps only the steps, and each answer is the
// library's interview after one action.
TEST(ApiTest, InterviewStepByStep) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  json r = Post("/api/interview", {{"case", start}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"], json::array());
  EXPECT_EQ(r["case"], start);
  ASSERT_TRUE(r["question"].is_object());
  EXPECT_EQ(r["question"]["fact"], "acts");
  EXPECT_TRUE(r["findings"].contains("findings"));
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"answer", "share"}}},
                              {"assessed_on", "2026-11-21"}});
  ASSERT_EQ(r["steps"].size(), 1u);
  EXPECT_EQ(r["steps"][0], (json{{"fact", "acts"}, {"answer", "share"}}));
  EXPECT_EQ(r["case"]["acts"], json::array({json{{"type", "share"}}}));
  const json asked = r["question"];
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"dont_know", true}}},
                              {"assessed_on", "2026-11-21"}});
  ASSERT_EQ(r["steps"].size(), 2u);
  EXPECT_EQ(r["steps"][1], (json{{"fact", asked["fact"]}, {"dont_know", true}}));
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"back", true}}},
                              {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"].size(), 1u);
  EXPECT_EQ(r["question"], asked);
  // The same state for the same steps, whoever sends them.
  EXPECT_EQ(Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"assessed_on", "2026-11-21"}}), r);
}

// The intake through the API (issue 14): each question says why it is asked and its stage;
// "prefer not to say" is a step of its own, written apart in the case; what the starting
// case states unknown is offered again, first; the lawyer's follow-up asks what the desk
// does not.
TEST(ApiTest, InterviewSaysWhyKeepsNotSaidApartAndOffersDontKnowsAgain) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  json r = Post("/api/interview", {{"case", start}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}});
  ASSERT_TRUE(r["question"].is_object());
  EXPECT_EQ(r["question"]["stage"], "event");
  EXPECT_EQ(r["question"]["why"],
            "Ce qui a été fait (réalisé, partagé, menacé...) détermine les infractions à examiner.");
  EXPECT_EQ(r["question"]["asked_again"], false);
  EXPECT_EQ(r["asked_again"], json::array());
  r = Post("/api/interview", {{"case", start}, {"action", {{"not_said", true}}}, {"assessed_on", "2026-11-21"}});
  ASSERT_EQ(r["steps"].size(), 1u);
  EXPECT_EQ(r["steps"][0], (json{{"fact", "acts"}, {"not_said", true}}));
  EXPECT_EQ(r["case"]["not_said"], json::array({"acts"}));
  EXPECT_NE(r["question"]["fact"], "acts");
  // Resumed from a case that states the relationship unknown: offered again, first.
  json resumed = start;
  resumed["acts"] = json::array({json{{"type", "share"}}});
  resumed["perpetrator"] = {{"relationship", "unknown"}};
  r = Post("/api/interview", {{"case", resumed}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["asked_again"], json::array({"perpetrator.relationship"}));
  EXPECT_EQ(r["question"]["fact"], "perpetrator.relationship");
  EXPECT_EQ(r["question"]["asked_again"], true);
  // The facts list their stage, use at the desk and why-line.
  const json facts = json::parse(TheApi().Handle("GET", "/api/facts", "").body)["facts"];
  const auto small = std::find_if(facts.begin(), facts.end(), [](const json& f) { return f["name"] == "service.micro_or_small"; });
  ASSERT_NE(small, facts.end());
  EXPECT_EQ((*small)["stage"], "platform");
  EXPECT_EQ((*small)["intake"], "for_lawyer");
  EXPECT_FALSE((*small)["why"]["nl"].get<std::string>().empty());
}

TEST(ApiTest, InterviewBackUndoesADontKnowOnAnUncertainAct) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"},
                   {"victim", {{"real_person", true}}},
                   {"acts", {{{"type", "share"}}, {{"type", "publish"}, {"certain", false}}}}};
  json r = Post("/api/interview", {{"case", start}, {"assessed_on", "2026-11-21"}});
  // Answer until the uncertain act is asked about.
  for (int i = 0; i < 20 && r["question"].is_object() && r["question"]["member"].is_null(); ++i) {
    r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"dont_know", true}}},
                                {"assessed_on", "2026-11-21"}});
  }
  ASSERT_TRUE(r["question"].is_object());
  ASSERT_EQ(r["question"]["member"], "publish");
  EXPECT_EQ(r["question"]["choices"][0]["answer"], "yes");
  const json before = r;
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"dont_know", true}}},
                              {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"].size(), before["steps"].size() + 1);
  EXPECT_NE(r["question"], before["question"]);
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"back", true}}},
                              {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r, before);
}

TEST(ApiTest, InterviewErrorsNameTheStepOrTheAction) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  json r = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "victim.age"}, {"answer", "15"}}}}}, 422);
  EXPECT_EQ(r["error"]["field"], "/steps/0");
  EXPECT_EQ(r["error"]["code"], "E0103");
  r = Post("/api/interview", {{"case", start}, {"action", {{"answer", "sing"}}}}, 422);
  EXPECT_EQ(r["error"]["field"], "/action/answer");
  EXPECT_EQ(r["error"]["message"], "'sing' is not one of the values");
  r = Post("/api/interview", {{"case", start}, {"action", {{"answer", "1"}, {"back", true}}}}, 400);
  EXPECT_EQ(r["error"]["field"], "/action");
  r = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "acts"}}}}}, 400);
  EXPECT_EQ(r["error"]["field"], "/steps/0");
  r = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "acts"}, {"anwser", "1"}}}}}, 400);
  EXPECT_EQ(r["error"]["field"], "/steps/0/anwser");
  // Back with no step to undo: the state as it is.
  r = Post("/api/interview", {{"case", start}, {"action", {{"back", true}}}});
  EXPECT_EQ(r["steps"], json::array());
}

// The acts answered act by act: each with its date and whether it is established, in the
// step returned, in the case, and taken again from the steps; back undoes them.
TEST(ApiTest, InterviewTakesTheActsActByAct) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  const json acts = json::array({json{{"type", "share"}, {"date", "2025-10-01"}}, json{{"type", "publish"}, {"certain", false}}});
  json r = Post("/api/interview", {{"case", start}, {"action", {{"acts", acts}}}, {"assessed_on", "2026-11-21"}});
  ASSERT_EQ(r["steps"].size(), 1u);
  EXPECT_EQ(r["steps"][0], (json{{"fact", "acts"}, {"acts", acts}}));
  EXPECT_EQ(r["case"]["acts"], acts);
  // The same state for the same steps; the act not established is asked about in its turn.
  EXPECT_EQ(Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"assessed_on", "2026-11-21"}}), r);
  const json after_acts = r;
  for (int i = 0; i < 20 && r["question"].is_object() && r["question"]["member"].is_null(); ++i) {
    r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"dont_know", true}}},
                                {"assessed_on", "2026-11-21"}});
  }
  ASSERT_TRUE(r["question"].is_object());
  EXPECT_EQ(r["question"]["member"], "publish");
  // Back undoes the acts like any step.
  r = after_acts;
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"back", true}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"], json::array());
  EXPECT_EQ(r["case"], start);
  EXPECT_EQ(r["question"]["fact"], "acts");
  // None done.
  r = Post("/api/interview", {{"case", start}, {"action", {{"acts", json::array()}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["case"]["acts"], json::array());
}

TEST(ApiTest, InterviewActErrorsNameTheActAndItsKey) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  const json share{{"type", "share"}};
  auto refused = [&](const json& acts, int status) {
    return Post("/api/interview", {{"case", start}, {"action", {{"acts", acts}}}}, status)["error"];
  };
  EXPECT_EQ(refused("share", 400)["field"], "/action/acts");
  EXPECT_EQ(refused(json::array({share, "publish"}), 400)["field"], "/action/acts/1");
  EXPECT_EQ(refused(json::array({json{{"date", "2025-10-01"}}}), 400)["field"], "/action/acts/0/type");
  EXPECT_EQ(refused(json::array({json{{"type", 3}}}), 400)["field"], "/action/acts/0/type");
  json e = refused(json::array({share, json{{"type", "publish"}, {"date", "1 Oct"}}}), 400);
  EXPECT_EQ(e["field"], "/action/acts/1/date");
  EXPECT_EQ(e["code"], "E0105");
  EXPECT_EQ(refused(json::array({json{{"type", "share"}, {"certain", "no"}}}), 400)["field"], "/action/acts/0/certain");
  e = refused(json::array({json{{"type", "share"}, {"when", "2025-10-01"}}}), 400);
  EXPECT_EQ(e["field"], "/action/acts/0/when");
  // What the acts mean is the library's: a type that is no act, an act listed twice.
  e = refused(json::array({share, json{{"type", "shar"}}}), 422);
  EXPECT_EQ(e["field"], "/action/acts/1/type");
  EXPECT_EQ(e["code"], "E0103");
  e = refused(json::array({share, json{{"type", "publish"}}, share}), 422);
  EXPECT_EQ(e["field"], "/action/acts/2/type");
  EXPECT_EQ(e["code"], "E0109");
  // In a step sent back, under the step.
  e = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "acts"}, {"acts", {share, json{{"type", "shar"}}}}}}}}, 422)["error"];
  EXPECT_EQ(e["field"], "/steps/0/acts/1/type");
  e = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "acts"}, {"acts", {share}}, {"answer", "share"}}}}}, 400)["error"];
  EXPECT_EQ(e["field"], "/steps/0");
  // Acts when another question is open.
  e = Post("/api/interview", {{"case", start}, {"steps", {{{"fact", "acts"}, {"answer", "share"}}}}, {"action", {{"acts", {share}}}}}, 422)["error"];
  EXPECT_EQ(e["field"], "/action/acts");
  EXPECT_EQ(e["code"], "E0103");
}

// "Ask now": a fact asked out of the interview's order is a step; the interview then goes
// on where it was, and back undoes the answer, then the asking.
TEST(ApiTest, InterviewAsksAFactNow) {
  const json start{{"id", "intake"}, {"jurisdiction", "BE"}, {"date", "2025-10-06"}};
  json r = Post("/api/interview", {{"case", start}, {"assessed_on", "2026-11-21"}});
  const json first = r["question"];
  ASSERT_EQ(first["fact"], "acts");
  r = Post("/api/interview", {{"case", start}, {"action", {{"ask", "victim.age"}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"], json::array({json{{"fact", "victim.age"}, {"ask", true}}}));
  EXPECT_EQ(r["question"]["fact"], "victim.age");
  EXPECT_EQ(r["question"]["type"], "int");
  const json asked = r;
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"answer", "15"}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["case"]["victim"]["age"], 15);
  EXPECT_EQ(r["question"]["fact"], "acts");
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"back", true}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r, asked);
  r = Post("/api/interview", {{"case", start}, {"steps", r["steps"]}, {"action", {{"back", true}}}, {"assessed_on", "2026-11-21"}});
  EXPECT_EQ(r["steps"], json::array());
  EXPECT_EQ(r["question"], first);
  json e = Post("/api/interview", {{"case", start}, {"action", {{"ask", "victim.agee"}}}}, 422)["error"];
  EXPECT_EQ(e["field"], "/action/ask");
  EXPECT_EQ(e["code"], "E0102");
}

// The API as `ibsa serve` opens it (Engine::Open on the folder, with actions.yaml) opens
// every evaluation with the action plan, as the CLI does.
TEST(ApiTest, TheServedApiOpensWithTheActionPlan) {
  EngineOptions options;
  options.rulesets = kRoot + "/rulesets";
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok());
  const Api api(std::move(engine).value());
  const std::string file = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";
  const json answer = json::parse(
      api.Handle("POST", "/api/evaluate", json{{"case", ReadText(file)}, {"assessed_on", "2026-11-21"}}.dump())
          .body);
  ASSERT_TRUE(answer.contains("actions"));
  ASSERT_FALSE(answer["actions"].empty());
  EXPECT_EQ(answer.begin().key(), "actions");
}


// Who reads the plan (issue 14): the plan shown to a police officer does not tell them to
// report to the police (ForReader, `to:` in actions.yaml), on every endpoint that returns a
// plan; without a reader it is everyone's, as before; a reader the API does not know is
// refused at its field, with the readers allowed.
TEST(ApiTest, ThePlanLeavesOutWhatTurnsToItsReader) {
  EngineOptions options;
  options.rulesets = kRoot + "/rulesets";
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok());
  const Api api(std::move(engine).value());
  auto post = [&](const std::string& path, const json& body, int status) {
    const ApiResponse r = api.Handle("POST", path, body.dump());
    EXPECT_EQ(r.status, status) << path << " " << body.value("reader", json()).dump() << ": " << r.body;
    return r.body;
  };
  auto ids = [](const json& actions) {
    std::vector<std::string> out;
    for (const json& a : actions) out.push_back(a["id"].get<std::string>());
    return out;
  };
  const std::string kPolice = "be.referral.police";
  auto has = [&](const std::vector<std::string>& plan) { return std::find(plan.begin(), plan.end(), kPolice) != plan.end(); };
  json body{{"case", ReadText(kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml")},
            {"assessed_on", "2026-11-21"},
            {"lang", "fr"}};
  for (const std::string path : {"/api/evaluate", "/api/next-questions", "/api/interview"}) {
    auto plan = [&](const json& b) {
      const json answer = json::parse(post(path, b, 200));
      return ids(path == "/api/interview" ? answer["findings"]["actions"] : answer["actions"]);
    };
    body.erase("reader");
    const std::vector<std::string> everyone = plan(body);
    EXPECT_TRUE(has(everyone)) << path;
    body["reader"] = "police";
    std::vector<std::string> police = plan(body);
    EXPECT_FALSE(has(police)) << path;
    EXPECT_EQ(police.size() + 1, everyone.size()) << path;
    body["reader"] = "lawyer";
    EXPECT_EQ(plan(body), everyone) << path;
  }
  // The end of the interview ranks the findings the reader is shown: not the referral that
  // turns to the police, for the officer, as the terminal ends.
  auto ranked_rules = [&](const json& b) {
    const json answer = json::parse(post("/api/interview", b, 200));
    std::vector<std::string> rules;
    for (const json& i : answer["ranked"]) rules.push_back(answer["findings"]["findings"].at(i.get<size_t>())["rule"]);
    return rules;
  };
  body.erase("reader");
  const std::vector<std::string> ranked_everyone = ranked_rules(body);
  EXPECT_TRUE(has(ranked_everyone));
  body["reader"] = "police";
  const std::vector<std::string> ranked_police = ranked_rules(body);
  EXPECT_FALSE(has(ranked_police));
  EXPECT_EQ(ranked_police.size() + 1, ranked_everyone.size());
  // The report, as the page shows it: neither its plan (the first page) nor its referrals
  // tell the officer to report to the police; a referral is what to do, not law a lawyer
  // cites, and the handover pack, for whoever takes the case over, keeps it.
  body["format"] = "markdown";
  body.erase("reader");
  const std::string kPlanRow = "Plainte: Porter plainte à la police";
  const std::string kReferral = "S'APPLIQUE: Porter plainte à la police.";
  const std::string everyones = post("/api/report", body, 200);
  EXPECT_NE(everyones.find(kPlanRow), std::string::npos);
  EXPECT_NE(everyones.find(kReferral), std::string::npos) << everyones;
  EXPECT_NE(post("/api/handover", body, 200).find("Porter plainte à la police"), std::string::npos);
  body["reader"] = "police";
  const std::string officers = post("/api/report", body, 200);
  EXPECT_EQ(officers.find(kPlanRow), std::string::npos);
  EXPECT_EQ(officers.find(kReferral), std::string::npos) << officers;
  EXPECT_NE(officers.find("S'APPLIQUE: Conserver les preuves"), std::string::npos) << "the other referrals stay";
  body["reader"] = "support";
  EXPECT_NE(post("/api/report", body, 200).find(kReferral), std::string::npos);

  body.erase("format");
  body["reader"] = "polic";
  for (const std::string path : {"/api/evaluate", "/api/next-questions", "/api/interview", "/api/report", "/api/handover"}) {
    const json e = json::parse(post(path, body, 422))["error"];
    EXPECT_EQ(e["field"], "/reader") << path;
    EXPECT_EQ(e["message"], "'reader' is 'polic'") << path;
    ASSERT_FALSE(e["help"].empty()) << path;
    EXPECT_EQ(e["help"].back(), "allowed: 'police', 'lawyer', 'support'") << path;
  }
  body["reader"] = 1;
  EXPECT_EQ(json::parse(post("/api/evaluate", body, 400))["error"]["field"], "/reader");
  // A letter has no plan: it takes no reader.
  body["kind"] = "dsa-notice";
  body["reader"] = "police";
  EXPECT_EQ(json::parse(post("/api/letter", body, 400))["error"]["field"], "/reader");
}

// The interview's end through the API (issue 14): what to do now is the plan every output
// gives for the case the interview is at, and `ranked` orders the findings as the terminal
// ends with them (RankedForThePerson), each finding once.
TEST(ApiTest, TheInterviewEndsWithThePlanAndTheRankedFindings) {
  EngineOptions options;
  options.rulesets = kRoot + "/rulesets";
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok());
  const Api api(std::move(engine).value());
  auto post = [&](const json& body) { return json::parse(api.Handle("POST", "/api/interview", body.dump()).body); };
  const json start = ReadText(kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml");
  json r = post({{"case", start}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}});
  for (int i = 0; i < 80 && r["question"].is_object(); ++i) {
    r = post({{"case", start}, {"steps", r["steps"]}, {"action", {{"dont_know", true}}}, {"assessed_on", "2026-11-21"},
              {"lang", "fr"}});
  }
  ASSERT_TRUE(r["question"].is_null()) << r.dump();
  const json evaluated = json::parse(
      api.Handle("POST", "/api/evaluate", json{{"case", r["case"]}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}}.dump())
          .body);
  ASSERT_FALSE(evaluated["actions"].empty());
  EXPECT_EQ(r["findings"]["actions"], evaluated["actions"]);
  const json& action = r["findings"]["actions"][0];
  EXPECT_FALSE(action["plan_title"].get<std::string>().empty());

  auto c = Case::Parse(r["case"].dump(), "interview.json", TheLaw().law.vocabulary());
  ASSERT_TRUE(c.ok());
  EvaluationOptions eval_options;
  eval_options.assessed_on = kAssessedOn;
  auto evaluation = Evaluate(TheLaw().law, c.value(), eval_options);
  ASSERT_TRUE(evaluation.ok());
  std::vector<std::string> expected, got;
  for (const Finding* f : RankedForThePerson(evaluation.value())) expected.push_back(f->rule->id + "@" + f->version->id);
  const json& findings = r["findings"]["findings"];
  ASSERT_EQ(r["ranked"].size(), findings.size());
  for (const json& i : r["ranked"]) {
    const json& f = findings.at(i.get<size_t>());
    got.push_back(f["rule"].get<std::string>() + "@" + f["version"]["id"].get<std::string>());
  }
  EXPECT_EQ(got, expected);
  // Not the result's own order: the ranking is there to change it.
  std::vector<std::string> in_order;
  for (const json& f : findings) in_order.push_back(f["rule"].get<std::string>() + "@" + f["version"]["id"].get<std::string>());
  EXPECT_NE(got, in_order);
}

}  // namespace
}  // namespace ibsa
