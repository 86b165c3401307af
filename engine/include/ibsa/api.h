// File: api.h
// The JSON API of `ibsa serve`, without the HTTP: one request in, one response out.
// The server (server.h) only moves bytes; everything a request means is decided here,
// so that the tests and the fuzzer reach every branch without a socket.
//
//   ibsa::Api api(ibsa::Engine::Open({.rulesets = "rulesets"}).value());
//   ibsa::ApiResponse r = api.Handle("POST", "/api/evaluate", R"({"case": {...}})");
//
// Endpoints and bodies are documented in docs/api.md. Results are the CLI's JSON for the
// same case, byte for byte. Errors are JSON:
//   {"error": {"status": 422, "message": "...", "field": "/case/victim/age",
//              "code": "E0103", "help": ["allowed: ..."]}}
// 400: the body is not JSON, too deeply nested, or a request key or type is wrong;
// 404: no such endpoint; 405: wrong method; 413: the body is over the cap;
// 422: well-formed, but the case or an option is not valid for the law.
//
// Nothing a request contains is kept or logged. An Api is safe to call from many threads.
#ifndef IBSA_API_H_
#define IBSA_API_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ibsa/engine.h"
#include "ibsa/gaps.h"
#include "ibsa/law.h"

namespace ibsa {

struct ApiLimits {
  size_t max_body_bytes = 256 * 1024;
  int max_depth = 32;  // JSON nesting; a case needs 4
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class Api {
 public:
  // Without harms, /api/gaps answers 422 and reports list no harm-based gaps (as the CLI
  // does when harms.yaml is missing).
  explicit Api(Engine engine, ApiLimits limits = {});
  // The same over a law (and harms) in memory; the Api keeps what it needs of them.
  Api(const Law& law, const Harms* harms, ApiLimits limits = {});

  ApiResponse Handle(std::string_view method, std::string_view path, std::string_view body) const;

  // An error response in the API's format, for what the HTTP layer refuses itself
  // (an oversized body, a timeout).
  static ApiResponse Error(int status, std::string_view message, std::string_view field = "");

  const ApiLimits& limits() const { return limits_; }

 private:
  Engine engine_;
  ApiLimits limits_;
};

}  // namespace ibsa

#endif  // IBSA_API_H_
