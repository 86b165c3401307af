// File: server.h
// `ibsa serve`: the JSON API (api.h) and the intake page over HTTP, on the user's own
// machine. Binds to 127.0.0.1 unless told otherwise. Request bodies are capped and
// requests time out; the log names method, path and status, never what a request said.
#ifndef IBSA_SERVER_H_
#define IBSA_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "ibsa/api.h"
#include "ibsa/status.h"

namespace ibsa {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (see Server::port)
  int timeout_seconds = 10;      // reading a request, writing a response
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
