// The JSON API: reads a request body strictly (every key known, every type checked, the
// nesting bounded), assesses through the same Engine as the CLI and renders the same JSON.
#include "ibsa/api.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "case/case_object.h"
#include "ibsa/case.h"
#include "ibsa/engine.h"
#include "ibsa/evaluate.h"
#include "ibsa/interview.h"
#include "ibsa/letters.h"
#include "ibsa/questions.h"
#include "ibsa/render.h"
#include "ibsa/vocabulary.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// A request that cannot be answered. Thrown inside this file only and turned into an
// error response by Api::Handle, so that each check is one line where it belongs.
struct RequestError {
  int status;
  std::string message;
  std::string field;  // JSON pointer into the request body, "" for the body as a whole
  std::string code;   // the engine's diagnostic code, when it comes from one
  std::vector<std::string> help;
};

ApiResponse ErrorResponse(const RequestError& e) {
  ordered_json error{{"status", e.status}, {"message", e.message}, {"field", e.field}};
  if (!e.code.empty()) error["code"] = e.code;
  if (!e.help.empty()) error["help"] = e.help;
  // The message may quote the body (a JSON parse error does), which need not be UTF-8.
  return {e.status, "application/json",
          ordered_json{{"error", error}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

std::string EscapePointer(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Rejects nesting deeper than `max_depth` before any parser recurses into it.
void CheckNesting(std::string_view body, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        throw RequestError{400, "the request nests deeper than " + std::to_string(max_depth) + " levels", "", "", {}};
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      // Never below zero: stray closing brackets must not buy room for deeper nesting.
      --depth;
    }
  }
}

json ParseBody(std::string_view body, const ApiLimits& limits) {
  if (body.size() > limits.max_body_bytes) {
    throw RequestError{413, "the request body is over " + std::to_string(limits.max_body_bytes / 1024) + " KiB", "", "", {}};
  }
  CheckNesting(body, limits.max_depth);
  json parsed;
  try {
    parsed = json::parse(body);
  } catch (const json::exception& e) {
    // nlohmann's message carries the line and column of the error. A number too large
    // for a double (1e999) is an out_of_range, not a parse_error.
    std::string message = e.what();
    if (const auto at = message.find("parse error"); at != std::string::npos) message = message.substr(at);
    throw RequestError{400, "the request body is not JSON: " + message, "", "", {}};
  }
  if (!parsed.is_object()) throw RequestError{400, "the request body must be a JSON object", "", "", {}};
  return parsed;
}

// The keys of one request body: each known, each of the right type.
class Fields {
 public:
  Fields(const json& body, std::vector<std::string> allowed) : body_(body) {
    for (const auto& [key, value] : body.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::vector<std::string> help;
      if (auto hint = internal::DidYouMean(key, allowed); !hint.empty()) help.push_back(hint);
      help.push_back("allowed: " + internal::JoinQuoted(allowed));
      throw RequestError{400, "unknown key '" + key + "'", "/" + EscapePointer(key), "", help};
    }
  }

  bool Has(const std::string& key) const { return body_.contains(key) && !body_.at(key).is_null(); }
  const json& Raw(const std::string& key) const { return body_.at(key); }

  std::optional<std::string> String(const std::string& key) const {
    if (!Has(key)) return std::nullopt;
    const json& value = body_.at(key);
    if (!value.is_string()) throw RequestError{400, "'" + key + "' must be a string", "/" + key, "", {}};
    return value.get<std::string>();
  }

  std::string Choice(const std::string& key, const std::vector<std::string>& allowed, std::string fallback) const {
    auto value = String(key);
    if (!value) return fallback;
    if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return *value;
    std::vector<std::string> help;
    if (auto hint = internal::DidYouMean(*value, allowed); !hint.empty()) help.push_back(hint);
    help.push_back("allowed: " + internal::JoinQuoted(allowed));
    throw RequestError{422, "'" + key + "' is '" + *value + "'", "/" + key, "", help};
  }

  std::optional<Date> DateOf(const std::string& key) const {
    auto text = String(key);
    if (!text) return std::nullopt;
    auto date = Date::Parse(*text);
    if (!date) {
      throw RequestError{400, "'" + key + "' is not a date: '" + *text + "'", "/" + key, "E0105",
                         {"write YYYY-MM-DD, e.g. 2025-03-14"}};
    }
    return date;
  }

  bool Bool(const std::string& key) const {
    if (!Has(key)) return false;
    if (!body_.at(key).is_boolean()) throw RequestError{400, "'" + key + "' must be true or false", "/" + key, "", {}};
    return body_.at(key).get<bool>();
  }

  std::vector<std::string> Strings(const std::string& key) const {
    std::vector<std::string> out;
    if (!Has(key)) return out;
    const json& value = body_.at(key);
    if (!value.is_array()) throw RequestError{400, "'" + key + "' must be a list of strings", "/" + key, "", {}};
    for (size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) {
        throw RequestError{400, "'" + key + "' must be a list of strings", "/" + key + "/" + std::to_string(i), "", {}};
      }
      out.push_back(value[i].get<std::string>());
    }
    return out;
  }

  Language Lang() const { return *ParseLanguage(Choice("lang", {"nl", "fr", "en"}, "en")); }

 private:
  const json& body_;
};

// What every case-based endpoint reads: the case, the evaluation options and the language.
struct CaseRequest {
  Case c;
  EvaluationOptions options;
  Language language;
};

const std::vector<std::string> kCaseKeys = {"case", "as_of", "assessed_on", "with", "lang", "explain"};

Case ReadCase(const Fields& fields, const Vocabulary& vocabulary) {
  if (!fields.Has("case")) throw RequestError{400, "the request has no 'case'", "/case", "", {}};
  const json& value = fields.Raw("case");
  if (value.is_string()) {
    // YAML or JSON text, as in a case file: errors say line and column within it.
    auto c = Case::Parse(value.get<std::string>(), "case", vocabulary);
    if (c.ok()) return std::move(c).value();
    const Diagnostic& d = c.errors().front();
    throw RequestError{422, d.message + " (line " + std::to_string(d.location.line) + ", column " +
                                std::to_string(d.location.column) + ")",
                       "/case", d.code, d.help};
  }
  if (!value.is_object()) {
    throw RequestError{400, "'case' must be an object (the case) or a string (a YAML or JSON case file)", "/case", "", {}};
  }
  std::vector<std::string> fields_of_errors;
  auto c = internal::ReadCaseObject(value, vocabulary, "/case", &fields_of_errors);
  if (c.ok()) return std::move(c).value();
  const Diagnostic& d = c.errors().front();
  throw RequestError{422, d.message, fields_of_errors.front(), d.code, d.help};
}

CaseRequest ReadCaseRequest(const Fields& fields, const Vocabulary& vocabulary) {
  EvaluationOptions options;
  options.as_of = fields.DateOf("as_of");
  options.assessed_on = fields.DateOf("assessed_on");
  if (!options.assessed_on) options.assessed_on = Date::Today();
  options.with = fields.Strings("with");
  options.explain = fields.Bool("explain");
  const Language language = fields.Lang();
  return {ReadCase(fields, vocabulary), std::move(options), language};
}

// Who the plan is shown to (`reader`, of ReaderNames): the actions that turn to them are
// left out, as the terminal's --reader does (ForReader); absent, the plan is everyone's.
// Read before the case is assessed, so that a bad name costs no assessment.
std::optional<Actor> ReaderOf(const Fields& fields) {
  const std::string name = fields.Choice("reader", ReaderNames(), "");
  return name.empty() ? std::nullopt : ReaderNamed(name);
}

std::vector<Action> PlanFor(std::vector<Action> plan, std::optional<Actor> reader) {
  return reader ? ForReader(std::move(plan), *reader) : plan;
}

// The request field an engine error is about: E0301 and E0302 are about `with`, the
// proposals to overlay; E0303 about `assessed_on`; E0123 about the case's evidence log.
std::string FieldOf(const Diagnostic& d) {
  if (d.code == "E0303") return "/assessed_on";
  if (d.code == "E0123") return "/case/evidence";
  return d.code.rfind("E030", 0) == 0 ? "/with" : "";
}

// An engine error about a well-formed request (a date outside the law, a proposal that
// is not one): 422 with the engine's own words.
[[noreturn]] void ThrowEngineErrors(const std::vector<Diagnostic>& errors) {
  const Diagnostic& d = errors.front();
  throw RequestError{422, d.message, FieldOf(d), d.code, d.help};
}

Assessment AssessOrThrow(const Engine& engine, const CaseRequest& request, Format format, bool next_questions) {
  auto assessment = engine.Assess(request.c, {request.options, format, next_questions});
  if (!assessment.ok()) ThrowEngineErrors(assessment.errors());
  return std::move(assessment).value();
}

ApiResponse Json(std::string body) { return {200, "application/json", std::move(body)}; }

ordered_json Localized(const LocalizedText& text) {
  return {{"nl", text.Get(Language::kNl)}, {"fr", text.Get(Language::kFr)}, {"en", text.Get(Language::kEn)}};
}

std::string JurisdictionOf(const Fields& fields, const Law& law, const std::string& key, bool required) {
  auto value = fields.String(key);
  if (!value) {
    if (required) throw RequestError{400, "the request has no '" + key + "'", "/" + key, "", {}};
    return "";
  }
  const auto& allowed = law.vocabulary().jurisdictions();
  return fields.Choice(key, allowed, "");
}

// POST /api/interview: the interview of the library, kept by the client. The request
// gives the starting case, the steps taken so far (as the last answer returned them) and
// the action to take now; the answer is the new steps, the case, the question and the
// findings. Nothing is kept between requests.

// A nested object's keys, read as a request's: their errors are placed under `field`.
template <typename Read>
auto Nested(const std::string& field, Read read) {
  try {
    return read();
  } catch (RequestError& e) {
    e.field = field + e.field;
    throw;
  }
}

// The acts of an answer given act by act, as a case lists them: [{"type", "date"?,
// "certain"?}]. `field` is the list's place in the request.
std::vector<ActAnswer> ReadActs(const json& value, const std::string& field) {
  static const char* kShape = "{\"type\": \"share\", \"date\": \"2025-03-14\" (optional), \"certain\": false (optional)}";
  if (!value.is_array()) throw RequestError{400, "'acts' must be a list of acts", field, "", {std::string("each ") + kShape}};
  std::vector<ActAnswer> acts;
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string at = field + "/" + std::to_string(i);
    if (!value[i].is_object()) throw RequestError{400, "an act must be an object", at, "", {std::string("e.g. ") + kShape}};
    acts.push_back(Nested(at, [&] {
      const Fields act(value[i], {"type", "date", "certain"});
      auto type = act.String("type");
      if (!type) throw RequestError{400, "an act needs its 'type'", "/type", "", {}};
      return ActAnswer{*type, act.DateOf("date"), !act.Has("certain") || act.Bool("certain")};
    }));
  }
  return acts;
}

ordered_json ActsJson(const std::vector<ActAnswer>& acts) {
  ordered_json out = ordered_json::array();
  for (const ActAnswer& act : acts) {
    ordered_json one{{"type", act.type}};
    if (act.date) one["date"] = act.date->ToString();
    if (!act.certain) one["certain"] = false;
    out.push_back(std::move(one));
  }
  return out;
}

InterviewStep ReadStep(const json& value) {
  const Fields step(value, {"fact", "member", "answer", "acts", "dont_know", "not_said", "ask"});
  InterviewStep out;
  auto fact = step.String("fact");
  if (!fact) throw RequestError{400, "a step needs its 'fact'", "/fact", "", {}};
  out.fact = *fact;
  out.member = step.String("member").value_or("");
  out.dont_know = step.Bool("dont_know");
  out.not_said = step.Bool("not_said");
  out.ask = step.Bool("ask");
  auto answer = step.String("answer");
  if (step.Has("acts")) out.acts = ReadActs(step.Raw("acts"), "/acts");
  if (int{answer.has_value()} + int{out.acts.has_value()} + int{out.dont_know} + int{out.not_said} + int{out.ask} != 1) {
    throw RequestError{400,
                       "a step has one of an 'answer', its 'acts', \"dont_know\": true, \"not_said\": true or "
                       "\"ask\": true",
                       "", "", {}};
  }
  out.answer = answer.value_or("");
  return out;
}

InterviewStep StepOf(const json& value, const std::string& field) {
  if (!value.is_object()) throw RequestError{400, "a step must be an object", field, "", {}};
  return Nested(field, [&] { return ReadStep(value); });
}

ordered_json StepJson(const InterviewStep& step) {
  ordered_json out{{"fact", step.fact}};
  if (!step.member.empty()) out["member"] = step.member;
  if (step.ask) {
    out["ask"] = true;
  } else if (step.dont_know) {
    out["dont_know"] = true;
  } else if (step.not_said) {
    out["not_said"] = true;
  } else if (step.acts) {
    out["acts"] = ActsJson(*step.acts);
  } else {
    out["answer"] = step.answer;
  }
  return out;
}

ordered_json QuestionJson(const Interview& interview, Language language) {
  if (!interview.question()) return nullptr;
  const Question& q = *interview.question();
  const FactDefinition& f = *q.fact;
  ordered_json out{{"fact", f.name},
                   {"member", q.member.empty() ? json(nullptr) : json(q.member)},
                   {"type", q.member.empty() ? FactTypeName(f.type) : FactTypeName(FactType::kBool)},
                   {"text", f.question.Get(language).empty() ? f.label.Get(language) : f.question.Get(language)},
                   {"hint", interview.AnswerHint(language)},
                   {"why", f.why.Get(language)},
                   {"stage", IntakeStageName(f.stage)},
                   {"asked_again", interview.AskingAgain()},
                   {"sensitivity", f.sensitivity},
                   {"decides", q.decides.size()}};
  ordered_json choices = ordered_json::array();
  if (!q.member.empty() || f.type == FactType::kBool) {
    const bool nl = language == Language::kNl, fr = language == Language::kFr;
    choices.push_back({{"answer", "yes"}, {"label", nl ? "ja" : fr ? "oui" : "yes"}});
    choices.push_back({{"answer", "no"}, {"label", nl ? "nee" : fr ? "non" : "no"}});
  } else if (f.type == FactType::kEnum || f.type == FactType::kSet) {
    for (size_t i = 0; i < f.values.size(); ++i) {
      choices.push_back({{"answer", f.values[i]}, {"label", f.ValueLabel(static_cast<int>(i), language)}});
    }
  }
  out["choices"] = choices;
  if (!q.member.empty()) {
    const auto index = f.ValueIndex(q.member);
    out["member_label"] = index ? f.ValueLabel(*index, language) : q.member;
  }
  return out;
}

// The engine's words for a step or an action refused, at the request field it is about:
// an act refused is named by its place in `acts`, the list it was given in (the library
// locates it there); anything else is about `field` as a whole.
[[noreturn]] void ThrowRefused(const std::vector<Diagnostic>& errors, const std::string& field,
                               const std::string& acts = "") {
  const Diagnostic& d = errors.front();
  const int act = d.location.line - 1;
  throw RequestError{422, d.message, !acts.empty() && act >= 0 ? acts + "/" + std::to_string(act) + "/type" : field,
                     d.code, d.help};
}

// The findings' places in the result's `findings`, in the order that matters to the person
// in front of the officer (RankedForThePerson, as the terminal ends with them), without
// those of the rules whose actions turn to `reader` (RulesTurningTo), as the terminal's end.
ordered_json RankedJson(const Evaluation& evaluation, const Actions* actions, std::optional<Actor> reader) {
  const std::set<std::string> hidden =
      actions != nullptr && reader ? RulesTurningTo(*actions, *reader) : std::set<std::string>{};
  ordered_json out = ordered_json::array();
  for (const Finding* f : RankedForThePerson(evaluation)) {
    if (hidden.count(f->rule->id) == 0) out.push_back(f - evaluation.findings.data());
  }
  return out;
}

ApiResponse RunInterview(const Engine& engine, const json& request) {
  const Law& law = engine.law();
  std::vector<std::string> keys = kCaseKeys;
  keys.push_back("steps");
  keys.push_back("action");
  keys.push_back("for_lawyer");
  keys.push_back("reader");
  const Fields fields(request, keys);
  const std::optional<Actor> reader = ReaderOf(fields);
  const CaseRequest r = ReadCaseRequest(fields, law.vocabulary());
  auto started = Interview::Start(law, r.c, r.options, fields.Bool("for_lawyer"));
  if (!started.ok()) ThrowEngineErrors(started.errors());
  Interview& interview = started.value();
  if (fields.Has("steps")) {
    const json& steps = fields.Raw("steps");
    if (!steps.is_array()) throw RequestError{400, "'steps' must be a list of steps", "/steps", "", {}};
    for (size_t i = 0; i < steps.size(); ++i) {
      const std::string field = "/steps/" + std::to_string(i);
      const InterviewStep step = StepOf(steps[i], field);
      if (auto taken = interview.Take(step); !taken.ok()) {
        ThrowRefused(taken.errors(), field, step.acts ? field + "/acts" : "");
      }
    }
  }
  if (fields.Has("action")) {
    const json& action = fields.Raw("action");
    if (!action.is_object()) throw RequestError{400, "'action' must be an object", "/action", "", {}};
    struct Action {
      std::optional<std::string> answer;
      std::optional<std::vector<ActAnswer>> acts;
      std::optional<std::string> ask;
      bool dont_know, not_said, back;
    };
    const Action a = Nested("/action", [&] {
      const Fields what(action, {"answer", "acts", "dont_know", "not_said", "ask", "back"});
      Action read{what.String("answer"), std::nullopt,          what.String("ask"),
                  what.Bool("dont_know"), what.Bool("not_said"), what.Bool("back")};
      if (what.Has("acts")) read.acts = ReadActs(what.Raw("acts"), "/acts");
      if (int{read.answer.has_value()} + int{read.acts.has_value()} + int{read.ask.has_value()} + int{read.dont_know} +
              int{read.not_said} + int{read.back} != 1) {
        throw RequestError{400,
                           "an action is one of {\"answer\": \"...\"}, {\"acts\": [...]}, {\"dont_know\": true}, "
                           "{\"not_said\": true}, {\"ask\": \"fact\"}, {\"back\": true}",
                           "", "", {}};
      }
      return read;
    });
    if (a.back) {
      (void)interview.Back();  // with no step to undo, the state stays as it is
    } else if (a.ask) {
      if (auto asked = interview.AskNow(*a.ask); !asked.ok()) ThrowRefused(asked.errors(), "/action/ask");
    } else if (a.acts) {
      if (auto taken = interview.AnswerActs(*a.acts); !taken.ok()) {
        ThrowRefused(taken.errors(), "/action/acts", "/action/acts");
      }
    } else if (a.not_said) {
      if (auto taken = interview.NotSaid(); !taken.ok()) ThrowRefused(taken.errors(), "/action/not_said");
    } else if (auto taken = a.dont_know ? interview.DontKnow() : interview.Answer(*a.answer, r.language); !taken.ok()) {
      ThrowRefused(taken.errors(), a.dont_know ? "/action/dont_know" : "/action/answer");
    }
  }
  ordered_json steps = ordered_json::array();
  for (const auto& step : interview.steps()) steps.push_back(StepJson(step));
  ordered_json out{{"steps", steps},
                   {"asked_again", interview.asked_again()},
                   {"case", ordered_json::parse(CaseToJson(interview.current(), law.vocabulary()))},
                   {"question", QuestionJson(interview, r.language)}};
  // What to do now, as every output plans it: the page ends the interview with it.
  std::vector<Action> plan;
  if (engine.actions() != nullptr) {
    plan = PlanFor(PlanActions(*engine.actions(), interview.findings(), interview.current(), law.vocabulary()), reader);
  }
  out["findings"] = ordered_json::parse(RenderJson(interview.findings(), law, r.language, nullptr, {}, plan));
  out["ranked"] = RankedJson(interview.findings(), engine.actions(), reader);
  return Json(out.dump(2) + "\n");
}

}  // namespace

Api::Api(Engine engine, ApiLimits limits) : engine_(std::move(engine)), limits_(limits) {}

Api::Api(const Law& law, const Harms* harms, ApiLimits limits)
    : Api(Engine(law, harms ? std::optional<Harms>(*harms) : std::nullopt), limits) {}

ApiResponse Api::Error(int status, std::string_view message, std::string_view field) {
  return ErrorResponse({status, std::string(message), std::string(field), "", {}});
}

ApiResponse Api::Handle(std::string_view method, std::string_view path, std::string_view body) const {
  struct Endpoint {
    std::string_view path;
    std::string_view method;
  };
  static constexpr Endpoint kEndpoints[] = {
      {"/api/evaluate", "POST"}, {"/api/next-questions", "POST"}, {"/api/report", "POST"},
      {"/api/case", "POST"},     {"/api/gaps", "POST"},           {"/api/diff", "POST"},
      {"/api/rulesets", "GET"},  {"/api/facts", "GET"},      {"/api/interview", "POST"},
      {"/api/letter", "POST"},   {"/api/handover", "POST"},
  };
  const auto endpoint = std::find_if(std::begin(kEndpoints), std::end(kEndpoints),
                                     [&](const Endpoint& e) { return e.path == path; });
  try {
    const Law& law = engine_.law();
    if (endpoint == std::end(kEndpoints)) throw RequestError{404, "no such endpoint: " + std::string(path), "", "", {}};
    if (endpoint->method != method) {
      throw RequestError{405, std::string(path) + " takes " + std::string(endpoint->method), "", "", {}};
    }
    if (path == "/api/rulesets") {
      ordered_json versions = ordered_json::array();
      for (const auto& v : law.versions()) {
        versions.push_back({{"id", v.id},
                            {"jurisdiction", v.jurisdiction},
                            {"instrument", v.instrument},
                            {"title", Localized(v.title)},
                            {"in_force_from", v.in_force_from.ToString()},
                            {"in_force_until", v.in_force_until ? json(v.in_force_until->ToString()) : json(nullptr)},
                            {"status", VersionStatusName(v.status)},
                            {"rules", v.rules.size()}});
      }
      return Json(ordered_json{{"jurisdictions", law.vocabulary().jurisdictions()}, {"versions", versions}}.dump(2) + "\n");
    }
    if (path == "/api/facts") {
      const Vocabulary& vocabulary = law.vocabulary();
      ordered_json facts = ordered_json::array();
      for (int slot = 0; slot < vocabulary.size(); ++slot) {
        const FactDefinition& f = vocabulary.fact(slot);
        ordered_json fact{{"name", f.name},
                          {"type", FactTypeName(f.type)},
                          {"label", Localized(f.label)},
                          {"question", Localized(f.question)},
                          {"sensitivity", f.sensitivity},
                          {"derived", f.derived},
                          {"stage", IntakeStageName(f.stage)},
                          {"intake", f.intake == IntakeUse::kBasic       ? "basic"
                                     : f.intake == IntakeUse::kForLawyer ? "for_lawyer"
                                                                         : "decides"},
                          {"why", Localized(f.why)}};
        if (f.type == FactType::kEnum || f.type == FactType::kSet) {
          ordered_json values = ordered_json::array();
          for (size_t i = 0; i < f.values.size(); ++i) {
            values.push_back({{"value", f.values[i]},
                              {"label", {{"nl", f.ValueLabel(static_cast<int>(i), Language::kNl)},
                                         {"fr", f.ValueLabel(static_cast<int>(i), Language::kFr)},
                                         {"en", f.ValueLabel(static_cast<int>(i), Language::kEn)}}}});
          }
          fact["values"] = values;
        }
        if (f.min) fact["min"] = *f.min;
        if (f.max) fact["max"] = *f.max;
        facts.push_back(std::move(fact));
      }
      return Json(ordered_json{{"jurisdictions", vocabulary.jurisdictions()}, {"facts", facts}}.dump(2) + "\n");
    }

    const json request = ParseBody(body, limits_);
    if (path == "/api/evaluate" || path == "/api/next-questions") {
      const bool with_questions = path == "/api/next-questions";
      std::vector<std::string> keys = kCaseKeys;
      if (!with_questions) keys.push_back("next_questions");
      keys.push_back("reader");
      const Fields fields(request, keys);
      const std::optional<Actor> reader = ReaderOf(fields);
      const CaseRequest r = ReadCaseRequest(fields, law.vocabulary());
      Assessment assessment =
          AssessOrThrow(engine_, r, Format::kJson, with_questions || fields.Bool("next_questions"));
      if (reader) engine_.AddressTo(assessment, *reader);
      return Json(engine_.Render(r.c, assessment, Format::kJson, r.language));
    }
    // The report and the handover pack: the same request, one printable page or Markdown.
    if (path == "/api/report" || path == "/api/handover") {
      std::vector<std::string> keys = kCaseKeys;
      keys.push_back("format");
      keys.push_back("reader");
      const Fields fields(request, keys);
      const Format format = *ParseFormat(fields.Choice("format", {"html", "markdown"}, "html"));
      const std::optional<Actor> reader = ReaderOf(fields);
      const CaseRequest r = ReadCaseRequest(fields, law.vocabulary());
      Assessment assessment = AssessOrThrow(engine_, r, format, false);
      if (reader) engine_.AddressTo(assessment, *reader);
      return {200, format == Format::kHtml ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
              path == "/api/report" ? engine_.Render(r.c, assessment, format, r.language)
                                    : engine_.RenderHandover(r.c, assessment, format, r.language)};
    }
    if (path == "/api/letter") {
      // The sender's name, e-mail and address go into the answer only.
      std::vector<std::string> keys = kCaseKeys;
      for (const char* key : {"kind", "name", "email", "address", "to"}) keys.emplace_back(key);
      const Fields fields(request, keys);
      if (engine_.letters() == nullptr) throw RequestError{422, "no letters are declared (rulesets/letters.yaml)", "", "", {}};
      const std::string kind = fields.Choice("kind", engine_.letters()->KindNames(), "");
      if (kind.empty()) {
        throw RequestError{400, "the request has no 'kind'", "/kind", "",
                           {"allowed: " + internal::JoinQuoted(engine_.letters()->KindNames())}};
      }
      const CaseRequest r = ReadCaseRequest(fields, law.vocabulary());
      const Assessment assessment = AssessOrThrow(engine_, r, Format::kText, false);
      LetterInput input{&r.c, &assessment.evaluation, &law,
                        {fields.String("name").value_or(""), fields.String("email").value_or(""),
                         fields.String("address").value_or(""), fields.String("to").value_or("")},
                        r.options.assessed_on.value_or(Date::Today())};
      auto letter = WriteLetter(*engine_.letters(), kind, input, r.language);
      if (!letter.ok()) ThrowEngineErrors(letter.errors());
      return {200, "text/plain; charset=utf-8", letter.value()};
    }
    if (path == "/api/case") {
      const Fields fields(request, {"case"});
      const Case c = ReadCase(fields, law.vocabulary());
      ordered_json out{{"case", ordered_json::parse(CaseToJson(c, law.vocabulary()))},
                       {"yaml", CaseToYaml(c, law.vocabulary())}};
      return Json(out.dump(2) + "\n");
    }
    if (path == "/api/interview") return RunInterview(engine_, request);
    if (path == "/api/gaps") {
      const Fields fields(request, {"jurisdiction", "date", "with", "lang"});
      GapOptions options;
      options.jurisdiction = JurisdictionOf(fields, law, "jurisdiction", true);
      options.date = fields.DateOf("date").value_or(Date::Today());
      options.with = fields.Strings("with");
      const Language language = fields.Lang();
      if (!engine_.harms()) throw RequestError{422, "no harms are declared (rulesets/harms.yaml)", "", "", {}};
      auto report = FindGaps(law, *engine_.harms(), options);
      if (!report.ok()) ThrowEngineErrors(report.errors());
      const Provenance provenance = SweepProvenance(law, engine_.law_sha256(), report.value());
      return Json(RenderGaps(report.value(), Format::kJson, language, &provenance));
    }
    // /api/diff: two dates, two jurisdictions, or the law with and without proposals.
    const Fields fields(request, {"jurisdiction", "from", "to", "vs", "date", "with", "lang"});
    DiffSide left{JurisdictionOf(fields, law, "jurisdiction", true), Date::Today(), {}};
    DiffSide right = left;
    const auto from = fields.DateOf("from"), to = fields.DateOf("to"), date = fields.DateOf("date");
    const std::string vs = JurisdictionOf(fields, law, "vs", false);
    const auto with = fields.Strings("with");
    if (from.has_value() != to.has_value()) {
      throw RequestError{422, "a diff across dates needs both 'from' and 'to'", from ? "/to" : "/from", "", {}};
    }
    if (from) {
      left.date = *from;
      right.date = *to;
    } else {
      left.date = right.date = date.value_or(Date::Today());
    }
    if (!vs.empty()) right.jurisdiction = vs;
    right.with = with;
    if (vs.empty() && with.empty() && !from) {
      throw RequestError{422, "a diff needs two states of the law: 'from' and 'to', 'vs', or 'with'", "", "", {}};
    }
    const Language language = fields.Lang();
    auto report = Diff(law, left, right, engine_.harms());
    if (!report.ok()) ThrowEngineErrors(report.errors());
    const Provenance provenance = SweepProvenance(law, engine_.law_sha256(), report.value());
    return Json(RenderDiff(report.value(), Format::kJson, language, &provenance));
  } catch (const RequestError& e) {
    return ErrorResponse(e);
  } catch (const std::exception&) {
    // A defect, not a bad request; the request's content is not repeated anywhere.
    return ErrorResponse({500, "internal error", "", "", {}});
  }
}

}  // namespace ibsa
