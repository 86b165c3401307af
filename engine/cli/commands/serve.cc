// ibsa serve: the intake page and the JSON API (docs/api.md) on this machine.
#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli.h"
#include "ibsa/api.h"
#include "ibsa/server.h"

namespace ibsa::cli {
namespace {

struct ServeCommandOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int timeout = 10;
  int max_connections = 128;
  std::vector<std::string> allowed_hosts;
  bool quiet = false;
};

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options) {
  KeepCaseDataInProcess();
  // Without harms.yaml no answer lists harm-based gaps, as `evaluate` does.
  auto engine = OpenEngine(global, HarmsUse::kIfDeclared);
  if (!engine) return kLawError;
  const Api api(std::move(*engine));

  // SIGINT and SIGTERM are taken by one thread, which stops the server; the server's
  // threads inherit the mask and never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  ServeOptions serve;
  serve.bind = options.bind;
  serve.port = options.port;
  serve.timeout_seconds = options.timeout;
  serve.max_connections = options.max_connections;
  serve.allowed_hosts = options.allowed_hosts;
  std::mutex log_mutex;
  if (!options.quiet) {
    serve.log = [&log_mutex](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      std::cerr << line << "\n";
    };
  }
  Server server(api, serve);
  auto port = server.Bind();
  if (!port.ok()) {
    PrintErrors(port.errors());
    return kUsageError;
  }
  if (!IsLoopback(options.bind)) {
    std::cerr << "warning: listening on " << options.bind
              << ", not on this machine only: what is typed into the page crosses the network "
                 "unencrypted. Use --bind 127.0.0.1 unless the network is yours.\n";
  }
  const std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::cout << "ibsa: the intake page is at http://" << host << ":" << port.value()
            << "/ (Ctrl-C to stop). Nothing is stored on this machine.\n"
            << std::flush;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  server.Listen();
  kill(getpid(), SIGTERM);  // wakes the stopper when the server ended on its own
  stopper.join();
  return kOk;
}

}  // namespace

Command AddServe(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "serve the intake page and the JSON API (docs/api.md) on this machine");
  cmd->add_option("--port", options->port, "TCP port (default 8080; 0 for any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", options->bind, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--timeout", options->timeout,
                  "seconds to wait for a request to arrive or a response to be sent (default 10)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--max-connections", options->max_connections,
                  "connections served at once (default 128); one more is answered 503 at once")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--allow-host", options->allowed_hosts,
                  "also answer requests addressed to this host name (the Host header); repeatable");
  cmd->add_flag("--quiet", options->quiet, "do not log requests (the log never holds what a request said)");
  return {cmd, [&global, options] { return RunServe(global, *options); }};
}

}  // namespace ibsa::cli
