// `ibsa serve` end to end: the real binary on loopback, spoken to over HTTP. The API's
// answers are the CLI's output byte for byte; errors are JSON; the page is served with
// nothing from elsewhere; the log holds no case content; SIGTERM stops it cleanly.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

extern char** environ;

namespace {

using json = nlohmann::json;

const std::string kRoot = IBSA_SOURCE_DIR;
const std::string kIbsa = IBSA_BINARY;
const std::string kDemo = kRoot + "/cases/demo/be-ex-partner-undress-posted.yaml";

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

// What the CLI prints for `ibsa ARGS`.
std::string Cli(const std::string& args) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((kIbsa + " " + args).c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  return out;
}

// `ibsa serve --port 0` in a child process; its stderr (the request log) goes to a file.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> extra = {}, std::string log = "/dev/null") {
    int out[2];
    EXPECT_EQ(pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> args = {kIbsa, "--rulesets", kRoot + "/rulesets", "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    EXPECT_EQ(posix_spawn(&pid_, kIbsa.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    // The first line says where it listens: "... http://127.0.0.1:PORT/ ...".
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    std::smatch m;
    if (std::regex_search(line, m, std::regex(R"(http://([0-9.]+):([0-9]+)/)"))) {
      host_ = m[1];
      port_ = std::stoi(m[2]);
    }
    EXPECT_GT(port_, 0) << "ibsa serve printed: " << line;
  }
  ~ServeProcess() {
    if (pid_ > 0) Stop();
  }
  // SIGTERM, then the exit status.
  int Stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  httplib::Client Client() const {
    httplib::Client client(host_, port_);
    client.set_read_timeout(30, 0);
    return client;
  }
  const std::string& host() const { return host_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string host_;
  int port_ = 0;
};

TEST(ServerTest, ListensOnLoopbackByDefault) {
  ServeProcess serve;
  EXPECT_EQ(serve.host(), "127.0.0.1");
}

// A crash of a process that holds what victims said writes no core file (issue 15).
TEST(ServerTest, DumpsNoCore) {
  ServeProcess serve;
  const std::string limits = ReadText("/proc/" + std::to_string(serve.pid()) + "/limits");
  EXPECT_TRUE(std::regex_search(limits, std::regex(R"(Max core file size +0 +0 )"))) << limits;
}

TEST(ServerTest, AnswersWithTheCliJsonByteForByte) {
  ServeProcess serve;
  auto client = serve.Client();
  const json body{{"case", ReadText(kDemo)}, {"assessed_on", "2026-11-21"}, {"lang", "fr"}};
  auto r = client.Post("/api/next-questions", body.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(r->body, Cli("evaluate --format json --next-questions --lang fr --assessed-on 2026-11-21 " + kDemo));

  r = client.Post("/api/report", json{{"case", ReadText(kDemo)}, {"assessed_on", "2026-11-21"}, {"format", "html"}}.dump(),
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, Cli("evaluate --format html --assessed-on 2026-11-21 " + kDemo));

  r = client.Post("/api/gaps", R"({"jurisdiction": "BE", "date": "2025-06-01"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, Cli("gaps --jurisdiction BE --date 2025-06-01 --format json"));

  r = client.Post("/api/diff", R"({"jurisdiction": "NL", "from": "2024-06-30", "to": "2024-07-01"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, Cli("diff --jurisdiction NL --from 2024-06-30 --to 2024-07-01 --format json"));
}

TEST(ServerTest, RefusesOversizedBodiesAndUnknownPathsInJson) {
  ServeProcess serve;
  auto client = serve.Client();
  auto r = client.Post("/api/evaluate", std::string(300 * 1024, ' '), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 413);

  r = client.Get("/api/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 404);

  r = client.Post("/api/evaluate", R"({"case": {"id": "x", "jurisdiction": "BE", "date": "2025-01-01", "victim": {"age": -1}}})",
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["error"]["field"], "/case/victim/age");
}

TEST(ServerTest, ServesThePageWithNothingFromElsewhere) {
  ServeProcess serve;
  auto client = serve.Client();
  for (const std::string path : {"/", "/app.js", "/app.css"}) {
    auto r = client.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    // No script, style, font or image from another server (an SVG namespace is no load).
    EXPECT_FALSE(std::regex_search(
        r->body, std::regex(R"(((src|href|action)\s*=\s*["']?(https?:)?//)|(url\(\s*["']?(https?:)?//)|@import|fetch\(\s*["'`]https?:)")))
        << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  }
  EXPECT_NE(client.Get("/")->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(client.Get("/app.js")->get_header_value("Content-Type").find("javascript"), std::string::npos);
}

TEST(ServerTest, RefusesRequestsAddressedToAnotherHostName) {
  ServeProcess serve;
  auto client = serve.Client();
  auto r = client.Get("/api/facts", {{"Host", "rebound.example:80"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = client.Get("/api/facts", {{"Host", "localhost:" + std::to_string(serve.port())}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServerTest, LogsNoCaseContentAndStopsCleanlyOnSigterm) {
  const std::string log = testing::TempDir() + "ibsa-serve-log.txt";
  ServeProcess serve({}, log);
  auto client = serve.Client();
  const std::string marker = "Marker-7f3a-case-content";
  auto r = client.Post("/api/evaluate",
                       json{{"case", {{"id", marker}, {"title", marker}, {"jurisdiction", "BE"}, {"date", "2025-01-01"}}}}.dump(),
                       "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = client.Post("/api/evaluate", json{{"case", {{"id", marker}, {"jurisdiction", "XX"}}}}.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  const int status = serve.Stop();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  const std::string written = ReadText(log);
  EXPECT_NE(written.find("POST /api/evaluate 200"), std::string::npos) << written;
  EXPECT_EQ(written.find(marker), std::string::npos) << written;
}

TEST(ServerTest, ClosesAConnectionWhoseRequestNeverArrives) {
  ServeProcess serve({"--timeout", "1"});
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(serve.port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string partial = "POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{\"case\"";
  ASSERT_EQ(send(s, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  // A bound for the test not to hang if the server never gives up, far above the timeout.
  timeval wait{30, 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buffer[4096];
  ssize_t n;
  std::string answer;
  while ((n = recv(s, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<size_t>(n));
  EXPECT_EQ(n, 0) << "the connection was not closed by the server";
  close(s);
}

}  // namespace
