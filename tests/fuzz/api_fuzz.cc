// Fuzz target: a request to the JSON API of `ibsa serve` (ibsa::Api, docs/api.md). The
// first byte picks the endpoint, the rest is the body. Whatever the body, the answer is
// one of the documented statuses and, when it says it is JSON, it is JSON; an error is
// {"error": {"status": ...}} with the response's own status.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "ibsa/api.h"

namespace ibsa::fuzz {
namespace {

struct Endpoint {
  std::string_view method;
  std::string_view path;
};

// The gaps and diff sweeps take 0.1 to 0.3 s each: one selector byte each, so that the
// fuzzer spends its time on the fast endpoints.
Endpoint Select(uint8_t selector) {
  static constexpr Endpoint kFast[] = {{"POST", "/api/evaluate"},
                                       {"POST", "/api/next-questions"},
                                       {"POST", "/api/report"},
                                       {"POST", "/api/case"}};
  switch (selector) {
    case 255: return {"POST", "/api/gaps"};
    case 254: return {"POST", "/api/diff"};
    case 253: return {"GET", "/api/evaluate"};  // a wrong method: 405
    case 252: return {"POST", "/api/no-such-endpoint"};  // 404
    default: return kFast[selector % 4];
  }
}

const Api& BundledApi() {
  static const Harms* harms = new Harms(ValueOrFail(
      Harms::Load(std::string(kRulesets) + "/harms.yaml", BundledLaw()), "the bundled harms"));
  static const Api* api = new Api(BundledLaw(), harms);
  return *api;
}

bool Documented(int status) {
  for (int allowed : {200, 400, 404, 405, 413, 422}) {
    if (status == allowed) return true;
  }
  return false;
}

void CheckResponse(const Endpoint& endpoint, const ApiResponse& response) {
  const std::string request = std::string(endpoint.method) + " " + std::string(endpoint.path);
  if (!Documented(response.status)) {
    Fail(request + " answered status " + std::to_string(response.status) + ":\n" + response.body);
  }
  if (response.content_type != "application/json") return;
  const auto json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) Fail(request + " answered JSON that does not parse:\n" + response.body);
  if (response.status == 200) return;
  const bool shaped = json.is_object() && json.contains("error") && json["error"].is_object() &&
                      json["error"].value("status", 0) == response.status;
  if (!shaped) Fail(request + " answered an error of another shape:\n" + response.body);
}

}  // namespace
}  // namespace ibsa::fuzz

// The bundled law and harms are loaded before the first input, outside libFuzzer's
// per-input timeout (the first input timed out on a busy machine while they loaded).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ibsa::fuzz::BundledApi();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ibsa::fuzz;
  if (size == 0) return 0;
  const Endpoint endpoint = Select(data[0]);
  // Past the 256 KiB body limit (413), so that the limit is reached too.
  const std::string body = Expand(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), 270 << 10);
  CheckResponse(endpoint, BundledApi().Handle(endpoint.method, endpoint.path, body));
  return 0;
}
