// The HTTP layer of `ibsa serve`: cpp-httplib moves the bytes, Api decides what they
// mean, and the intake page is served from the files compiled into the binary.
#include "ibsa/server.h"

#include <httplib.h>

#include <arpa/inet.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "web_assets.h"

namespace ibsa {
namespace {

std::string_view ContentTypeOf(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

const internal::WebAsset* FindAsset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (size_t i = 0; i < internal::kWebAssetCount; ++i) {
    if (internal::kWebAssets[i].path == path) return &internal::kWebAssets[i];
  }
  return nullptr;
}

// The host part of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "::1".
std::string HostName(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    const auto end = header.find(']');
    return end == std::string::npos ? header : header.substr(1, end - 1);
  }
  return header.substr(0, header.find(':'));
}

std::string RefusalMessage(int status) {
  switch (status) {
    case 400: return "the request is not valid HTTP";
    case 404: return "no such page";
    case 408: return "the request took too long to arrive";
    case 414: return "the address is too long";
    default: return "the request was refused (HTTP " + std::to_string(status) + ")";
  }
}

}  // namespace

bool IsLoopback(const std::string& address) {
  if (address == "localhost" || address == "::1") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return false;
}

struct Server::Impl {
  const Api& api;
  ServeOptions options;
  httplib::Server http;
  int port = 0;

  Impl(const Api& a, ServeOptions o) : api(a), options(std::move(o)) {}

  void Answer(const httplib::Request& request, httplib::Response& response) const {
    const auto started = std::chrono::steady_clock::now();
    // Bound to loopback, answer only requests addressed to this machine by name: a web
    // page elsewhere that rebinds its own domain name to 127.0.0.1 cannot use the API.
    if (IsLoopback(options.bind) && request.has_header("Host") && !IsLoopback(HostName(request.get_header_value("Host")))) {
      Send(response, Api::Error(403, "this server answers only requests addressed to localhost"));
    } else if (request.path.rfind("/api/", 0) == 0) {
      Send(response, api.Handle(request.method, request.path, request.body));
    } else if (const internal::WebAsset* asset = FindAsset(request.path); asset && request.method == "GET") {
      response.set_content(reinterpret_cast<const char*>(asset->data), asset->size,
                           std::string(ContentTypeOf(asset->path)).c_str());
    } else {
      Send(response, Api::Error(404, "no such page: " + request.path));
    }
    if (options.log) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      char line[256];
      // The path only: a query string could carry what a user typed.
      std::snprintf(line, sizeof line, "%s %.100s %d %.1f ms", request.method.c_str(), request.path.c_str(),
                    response.status, ms);
      options.log(line);
    }
  }

  static void Send(httplib::Response& response, const ApiResponse& answer) {
    response.status = answer.status;
    response.set_content(answer.body, answer.content_type.c_str());
  }
};

Server::Server(const Api& api, ServeOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(api.limits().max_body_bytes);
  http.set_read_timeout(impl_->options.timeout_seconds, 0);
  http.set_write_timeout(impl_->options.timeout_seconds, 0);
  http.set_keep_alive_timeout(5);
  // Headers and body go out in separate writes; without this, Nagle's algorithm and the
  // client's delayed ACK hold each response back about 40 ms.
  http.set_tcp_nodelay(true);
  // Case content is never cached by a browser or a proxy; the page loads nothing from
  // elsewhere and runs no inline script.
  http.set_default_headers({
      {"Cache-Control", "no-store"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'"},
  });
  auto handler = [impl = impl_.get()](const httplib::Request& request, httplib::Response& response) {
    impl->Answer(request, response);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.Options(".*", handler);
  // What the library refuses itself (an oversized body, a malformed request) is answered
  // in the API's error format too.
  http.set_error_handler([cap = api.limits().max_body_bytes](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    const ApiResponse answer = Api::Error(
        response.status, response.status == 413 ? "the request body is over " + std::to_string(cap / 1024) + " KiB"
                                                : RefusalMessage(response.status));
    response.set_content(answer.body, answer.content_type.c_str());
  });
}

Server::~Server() = default;

Result<int> Server::Bind() {
  const std::string& bind = impl_->options.bind;
  const int port = impl_->options.port == 0 ? impl_->http.bind_to_any_port(bind)
                                            : (impl_->http.bind_to_port(bind, impl_->options.port) ? impl_->options.port : -1);
  if (port < 0) {
    Diagnostic d;
    d.code = "E0401";
    d.message = "cannot listen on " + bind + ":" + std::to_string(impl_->options.port);
    d.help = {"is another program using the port? try --port 0 for any free port",
              "the address must belong to this machine, e.g. 127.0.0.1"};
    return d;
  }
  impl_->port = port;
  return port;
}

int Server::port() const { return impl_->port; }

void Server::Listen() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace ibsa
