// The HTTP layer of `ibsa serve`: cpp-httplib parses requests and writes responses, Api
// decides what they mean, and the intake page is served from the files compiled into the
// binary. The connections themselves are ours (Connection, ConnectionPool): cpp-httplib
// 0.11 bounds each read, not a whole request, and gives each connection a thread from a
// small pool, so a few slow or idle clients could hold every thread (issue 15).
#include "ibsa/server.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "server/web_assets.h"

namespace ibsa {
namespace {

using Clock = std::chrono::steady_clock;

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

// A text for the log, which a terminal shows: every byte but printable ASCII as %XX, so
// that a path can neither hold a terminal escape nor bytes that are not UTF-8.
std::string Printable(std::string_view text, size_t max) {
  std::string out;
  for (char c : text.substr(0, max)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F) {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", byte);
      out += hex;
    }
  }
  return text.size() > max ? out + "..." : out;
}

// ---- One connection ------------------------------------------------------------------

// Why a connection's request could not be read, for the answer and its wording.
enum class Failure { kNone, kTooSlow, kHeadersTooLarge };

// What the request handlers of one connection tell its loop; one per thread, since a
// connection is served by one thread from accept to close.
struct ConnectionState {
  bool close_after = false;  // the body was not read (a refusal), or the request is ambiguous
  Failure failure = Failure::kNone;
  Clock::time_point started;  // of the current request, for the log
};
thread_local ConnectionState* current_connection = nullptr;

// A socket as cpp-httplib's Stream, with the bounds cpp-httplib 0.11 lacks: a request
// (from its first byte, or from the connection's start) must arrive whole within a
// deadline, its request line and headers within a byte limit, and a response must be
// taken by the client within a deadline too. Reads are buffered, and what is read past
// one request stays for the next: pipelined requests are answered in turn.
class Connection final : public httplib::Stream {
 public:
  Connection(int socket, std::chrono::seconds timeout, size_t max_header_bytes, ConnectionState& state)
      : socket_(socket), timeout_(timeout), max_header_bytes_(max_header_bytes), state_(state) {}

  // Waits, until `deadline`, for the first byte of a request.
  enum class Wait { kRequest, kNothingYet, kClosed };
  Wait WaitForRequest(Clock::time_point deadline) {
    if (begin_ < end_) return Wait::kRequest;
    const ssize_t got = Fill(deadline);
    if (got > 0) return Wait::kRequest;
    return got < 0 && timed_out_ ? Wait::kNothingYet : Wait::kClosed;
  }
  // A request begins: it must be in within the timeout.
  void StartRequest() {
    deadline_ = Clock::now() + timeout_;
    header_bytes_ = 0;
    in_headers_ = true;
    line_start_ = true;
    writing_ = false;
  }
  Failure failure() const { return state_.failure; }

  bool is_readable() const override { return begin_ < end_ || Poll(POLLIN, deadline_); }
  bool is_writable() const override { return Poll(POLLOUT, writing_ ? write_deadline_ : Clock::now() + timeout_); }

  ssize_t read(char* out, size_t size) override {
    if (begin_ == end_) {
      if (state_.failure != Failure::kNone) return -1;
      const ssize_t got = Fill(deadline_);
      if (got <= 0) {
        if (got < 0) state_.failure = Failure::kTooSlow;
        return got;
      }
    }
    size_t n = std::min(size, end_ - begin_);
    if (in_headers_) n = CountHeaders(n);
    if (n == 0) return -1;
    std::copy(buffer_ + begin_, buffer_ + begin_ + n, out);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* data, size_t size) override {
    if (!writing_) {
      writing_ = true;
      write_deadline_ = Clock::now() + timeout_;
    }
    size_t sent = 0;
    while (sent < size) {
      if (!Poll(POLLOUT, write_deadline_)) return -1;
      const ssize_t n = ::send(socket_, data + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        return -1;
      }
      sent += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(sent);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(::getsockname, ip, port);
  }
  socket_t socket() const override { return socket_; }

 private:
  // Reads what the socket holds into the buffer, waiting until `deadline`; the bytes read,
  // 0 at the end of the stream, -1 on an error or when the deadline passed.
  ssize_t Fill(Clock::time_point deadline) {
    if (begin_ == end_) begin_ = end_ = 0;
    if (end_ == sizeof buffer_) {
      std::copy(buffer_ + begin_, buffer_ + end_, buffer_);
      end_ -= begin_;
      begin_ = 0;
    }
    timed_out_ = !Poll(POLLIN, deadline);
    if (timed_out_) return -1;
    ssize_t got;
    do {
      got = ::recv(socket_, buffer_ + end_, sizeof buffer_ - end_, 0);
    } while (got < 0 && errno == EINTR);
    if (got > 0) end_ += static_cast<size_t>(got);
    return got;
  }

  // Of the next `n` buffered bytes, how many may be read while the headers are not over;
  // 0 when the request line and headers are longer than allowed.
  size_t CountHeaders(size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const char c = buffer_[begin_ + i];
      if (++header_bytes_ > max_header_bytes_) {
        state_.failure = Failure::kHeadersTooLarge;
        return i;
      }
      if (c == '\n') {
        if (line_start_) {  // an empty line: the headers are over
          in_headers_ = false;
          return i + 1;
        }
        line_start_ = true;
      } else if (c != '\r') {
        line_start_ = false;
      }
    }
    return n;
  }

  bool Poll(short events, Clock::time_point deadline) const {
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{socket_, events, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 60'000)));
      if (ready > 0) return true;
      if (ready < 0 && errno != EINTR) return false;
    }
  }

  template <typename Get>
  void Address(Get get, std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ip.clear();
    port = 0;
    if (get(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  const int socket_;
  const std::chrono::seconds timeout_;
  const size_t max_header_bytes_;
  char buffer_[16384];
  size_t begin_ = 0, end_ = 0;
  Clock::time_point deadline_ = Clock::now();
  Clock::time_point write_deadline_ = Clock::now();
  bool writing_ = false;
  size_t header_bytes_ = 0;
  bool in_headers_ = true;
  bool line_start_ = true;
  bool timed_out_ = false;  // the last Fill waited until its deadline
  ConnectionState& state_;
};

// ---- Threads -------------------------------------------------------------------------

// Runs each connection on a thread of its own from a pool of `capacity` (started as
// needed). A connection beyond that is refused at once, on a thread kept for refusals,
// instead of waiting in a queue behind connections that may be slow or idle: every
// connection that is taken has a thread from its first byte.
class ConnectionPool final : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(size_t capacity) : capacity_(capacity) {}
  ~ConnectionPool() override { shutdown(); }

  void enqueue(std::function<void()> task) override {
    std::unique_lock<std::mutex> lock(mutex_);
    if (busy_ + tasks_.size() >= capacity_) {
      refusals_.push_back(std::move(task));
      if (!refuser_.joinable()) refuser_ = std::thread([this] { Work(refusals_, true); });
    } else {
      tasks_.push_back(std::move(task));
      if (tasks_.size() > idle_ && threads_.size() < capacity_) threads_.emplace_back([this] { Work(tasks_, false); });
    }
    lock.unlock();
    ready_.notify_all();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
    if (refuser_.joinable()) refuser_.join();
  }

  // Read by the connection's own code: a connection run on the refuser is refused.
  static bool Refusing() { return refusing_; }

 private:
  void Work(std::deque<std::function<void()>>& queue, bool refuser) {
    refusing_ = refuser;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (!refuser) ++idle_;
      ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
      if (!refuser) --idle_;
      if (queue.empty()) return;  // stopping
      auto task = std::move(queue.front());
      queue.pop_front();
      if (!refuser) ++busy_;
      lock.unlock();
      task();
      lock.lock();
      if (!refuser) --busy_;
    }
  }

  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_, refusals_;
  std::vector<std::thread> threads_;
  std::thread refuser_;
  size_t busy_ = 0, idle_ = 0;
  bool stopping_ = false;
  static thread_local bool refusing_;
};
thread_local bool ConnectionPool::refusing_ = false;

// cpp-httplib's server with our connection loop (process_and_close_socket is a private
// virtual function of httplib::Server; overriding it is allowed, and process_request,
// which parses one request and answers it, is protected).
class HttpServer final : public httplib::Server {
 public:
  struct Limits {
    std::chrono::seconds timeout{10};
    std::chrono::seconds keep_alive{5};
    size_t max_header_bytes = 32 * 1024;
    int requests_per_connection = 100;
  };
  explicit HttpServer(Limits limits) : limits_(limits) {}

  // Stops listening, also when listening has not begun: httplib::Server::stop() does nothing
  // until then, so a SIGTERM right after the start was lost and the server listened for
  // ever. A listening socket that is shut down makes accept() fail, now or later.
  void StopListening() {
    const socket_t listening = svr_sock_;
    if (listening != INVALID_SOCKET) ::shutdown(listening, SHUT_RDWR);
    stop();
  }

 private:
  bool process_and_close_socket(socket_t socket) override {
    if (ConnectionPool::Refusing()) {
      Refuse(socket);
    } else {
      Serve(socket);
    }
    ::shutdown(socket, SHUT_RDWR);
    ::close(socket);
    return true;
  }

  void Serve(int socket) {
    ConnectionState state;
    Connection connection(socket, limits_.timeout, limits_.max_header_bytes, state);
    current_connection = &state;
    // The first request must begin within the timeout, the next ones within keep-alive.
    Clock::time_point idle_until = Clock::now() + limits_.timeout;
    for (int served = 0; served < limits_.requests_per_connection; ++served) {
      if (!WaitForRequest(connection, idle_until)) break;
      connection.StartRequest();
      state.started = Clock::now();
      bool closed = false;
      const bool last = served + 1 == limits_.requests_per_connection;
      if (!process_request(connection, last, closed, nullptr)) break;
      if (closed || state.close_after || connection.failure() != Failure::kNone) break;
      idle_until = Clock::now() + limits_.keep_alive;
    }
    current_connection = nullptr;
  }

  // Waits for a request, in slices, so that a server told to stop does not wait for idle
  // connections to end.
  bool WaitForRequest(Connection& connection, Clock::time_point until) const {
    for (;;) {
      if (svr_sock_ == INVALID_SOCKET) return false;
      const auto slice = std::min(until, Clock::now() + std::chrono::milliseconds(200));
      const Connection::Wait wait = connection.WaitForRequest(slice);
      if (wait != Connection::Wait::kNothingYet) return wait == Connection::Wait::kRequest;
      if (Clock::now() >= until) return false;
    }
  }

  // Too many connections at once: said in one write without waiting, then closed.
  static void Refuse(int socket) {
    const std::string body = Api::Error(503, "too many connections at once; try again in a moment").body;
    const std::string response = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                 "Cache-Control: no-store\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n" + body;
    [[maybe_unused]] const ssize_t sent = ::send(socket, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  }

  Limits limits_;
};

// SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, with which a second
// `ibsa serve` on the same port starts too and the two share the requests.
void OnlyReuseAddress(socket_t socket) {
  const int yes = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
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

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
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
  HttpServer http;
  int port = 0;

  Impl(const Api& a, ServeOptions o)
      : api(a),
        options(std::move(o)),
        http(HttpServer::Limits{std::chrono::seconds(options.timeout_seconds), std::chrono::seconds(5),
                                options.max_header_bytes, 100}) {}

  // The names this server answers to: this machine's loopback names, the address it is
  // bound to, and those the user allowed. A web page elsewhere that rebinds its own domain
  // name to this machine's address is refused, whatever the address.
  bool AllowedHost(const std::string& host) const {
    const std::string name = HostName(host);
    if (IsLoopback(name) || (name == options.bind && name != "0.0.0.0" && name != "::")) return true;
    return std::find(options.allowed_hosts.begin(), options.allowed_hosts.end(), name) != options.allowed_hosts.end();
  }

  // Checked before the body is read; a refusal closes the connection after its answer.
  std::optional<ApiResponse> Refusal(const httplib::Request& request) const {
    const std::string host = request.get_header_value("Host");
    if (request.has_header("Host") && !AllowedHost(host)) {
      return Api::Error(403, "this server answers only requests addressed to " +
                                 std::string(IsLoopback(options.bind) ? "localhost" : "the names it was given (--allow-host)"));
    }
    // A page of another site may send requests here (it cannot read the answers, but it
    // could make the server work): a browser names that site in Origin.
    if (request.has_header("Origin") && request.get_header_value("Origin") != "http://" + host) {
      return Api::Error(403, "requests from another site are refused");
    }
    // Two lengths, or a length and chunks: the request could be read in two ways.
    if (request.get_header_value_count("Content-Length") > 1 ||
        (request.has_header("Content-Length") && request.has_header("Transfer-Encoding"))) {
      return Api::Error(400, "the request gives its length twice; send one Content-Length");
    }
    // A form or plain text is what a page elsewhere can send without asking: the API reads JSON.
    const bool has_body = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (has_body && request.path.rfind("/api/", 0) == 0) {
      const std::string type = Lower(request.get_header_value("Content-Type"));
      if (type.substr(0, type.find(';')) != "application/json") {
        return Api::Error(415, "send the request body as JSON, with Content-Type: application/json");
      }
    }
    return std::nullopt;
  }

  void Answer(const httplib::Request& request, httplib::Response& response) const {
    if (request.path.rfind("/api/", 0) == 0) {
      Send(response, api.Handle(request.method, request.path, request.body));
    } else if (const internal::WebAsset* asset = FindAsset(request.path);
               asset && (request.method == "GET" || request.method == "HEAD")) {
      response.status = 200;
      response.set_content(reinterpret_cast<const char*>(asset->data), asset->size,
                           std::string(ContentTypeOf(asset->path)).c_str());
    } else {
      Send(response, Api::Error(404, "no such page: " + Printable(request.path, 100)));
    }
  }

  void Log(const httplib::Request& request, const httplib::Response& response) const {
    if (!options.log || current_connection == nullptr) return;
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - current_connection->started).count();
    char line[512];
    // The path only: a query string could carry what a user typed.
    std::snprintf(line, sizeof line, "%s %s %d %.1f ms", Printable(request.method, 16).c_str(),
                  Printable(request.path, 100).c_str(), response.status, ms);
    options.log(line);
  }

  static void Send(httplib::Response& response, const ApiResponse& answer) {
    response.status = answer.status;
    response.set_content(answer.body, answer.content_type.c_str());
  }
};

Server::Server(const Api& api, ServeOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {
  HttpServer& http = impl_->http;
  http.new_task_queue = [capacity = impl_->options.max_connections] {
    return new ConnectionPool(static_cast<size_t>(std::max(1, capacity)));
  };
  http.set_socket_options(OnlyReuseAddress);
  http.set_payload_max_length(api.limits().max_body_bytes);
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
  Impl* impl = impl_.get();
  http.set_pre_routing_handler([impl](const httplib::Request& request, httplib::Response& response) {
    // No partial content: a Range header would cut a JSON answer short.
    const_cast<httplib::Request&>(request).ranges.clear();
    auto refusal = impl->Refusal(request);
    if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
    Impl::Send(response, *refusal);
    response.set_header("Connection", "close");
    if (current_connection != nullptr) current_connection->close_after = true;
    return httplib::Server::HandlerResponse::Handled;
  });
  auto handler = [impl](const httplib::Request& request, httplib::Response& response) {
    impl->Answer(request, response);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.Options(".*", handler);
  http.set_logger([impl](const httplib::Request& request, const httplib::Response& response) {
    impl->Log(request, response);
  });
  // What the library refuses itself (an oversized body, a malformed request) is answered
  // in the API's error format too, with the reason the connection knows.
  http.set_error_handler([cap = api.limits().max_body_bytes,
                          header_cap = impl_->options.max_header_bytes](const httplib::Request&, httplib::Response& response) {
    if (current_connection != nullptr && current_connection->failure != Failure::kNone) {
      response.body.clear();
      response.status = current_connection->failure == Failure::kTooSlow ? 408 : 431;
    }
    if (!response.body.empty()) return;
    // The library's own refusals may leave a body unread: nothing more is read from there.
    if (current_connection != nullptr) current_connection->close_after = true;
    const ApiResponse answer = Api::Error(
        response.status, response.status == 413   ? "the request body is over " + std::to_string(cap / 1024) + " KiB"
                         : response.status == 431 ? "the request's headers are over " + std::to_string(header_cap / 1024) + " KiB"
                                                  : RefusalMessage(response.status));
    response.set_content(answer.body, answer.content_type.c_str());
  });
}

Server::~Server() = default;

Result<int> Server::Bind() {
  const std::string& bind = impl_->options.bind;
  const int port = bind.empty() ? -1
                   : impl_->options.port == 0
                       ? impl_->http.bind_to_any_port(bind)
                       : (impl_->http.bind_to_port(bind, impl_->options.port) ? impl_->options.port : -1);
  if (port < 0) {
    Diagnostic d;
    d.code = "E0401";
    d.message = "cannot listen on " + (bind.empty() ? std::string("an empty address") : bind) + ":" +
                std::to_string(impl_->options.port);
    d.help = {"is another program using the port? try --port 0 for any free port",
              "the address must belong to this machine, e.g. 127.0.0.1"};
    return d;
  }
  impl_->port = port;
  return port;
}

int Server::port() const { return impl_->port; }

void Server::Listen() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.StopListening(); }

}  // namespace ibsa
