// File: server.h
// `ibsa serve`: the JSON API (api.h) and the intake page over HTTP, on the user's own
// machine. Binds to 127.0.0.1 unless told otherwise. Requests are bounded in size and
// time, connections in number; a POST to the API must be JSON from this server's own page
// (Content-Type, Origin); the log names method, path and status, never what a request said.
#ifndef IBSA_SERVER_H_
#define IBSA_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ibsa/api.h"
#include "ibsa/status.h"

namespace ibsa {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (see Server::port)
  // A request must arrive whole (request line, headers, body) within this many seconds of
  // its first byte (the first request of a connection: of the connection), and a response
  // be taken by the client within as many; an idle connection is closed after 5 s.
  int timeout_seconds = 10;
  // Connections served at once, each on a thread of its own; one more is answered 503 at
  // once, not queued behind slow or idle ones.
  int max_connections = 128;
  size_t max_header_bytes = 32 * 1024;  // request line and headers; over it, 431
  // Host names (of the Host header) answered besides this machine's loopback names and
  // the bound address; any other is refused (403), so that a web page elsewhere cannot
  // rebind its own name to this server's address.
  std::vector<std::string> allowed_hosts;
  // One line per request ("POST /api/evaluate 200 1.2 ms"); nothing when empty.
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  // `api` must outlive the Server.
  Server(const Api& api, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address and port; an error when it cannot (in use, no such address).
  Result<int> Bind();
  int port() const;
  // Serves until Stop(), on a pool of threads. REQUIRES: Bind() succeeded.
  void Listen();
  // Safe from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.0/8, ::1 and "localhost": where case content stays on this machine.
bool IsLoopback(const std::string& address);

}  // namespace ibsa

#endif  // IBSA_SERVER_H_
