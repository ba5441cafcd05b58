// gpulca serve [--bind ADDR] [--port N] [--threads N] [--token-file FILE]
//   [--max-mc N] [--time-limit S] [--max-body MB]
//
// An HTTP server of the API (routes.h) and the web page: each request is
// the command line of its route, run in this process on the worker thread
// that took it, its output captured (cli/output.h). A response is what the
// command prints; a command's error is a 400 with its message. docs/serve.md.
#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/server/openapi.h"
#include "cli/server/routes.h"
#include "cli/usage_error.h"

namespace gpulca::cli {
extern const unsigned char kServePage[];  // cli/server/page.html, embedded by CMakeLists.txt
}

namespace gpulca::cli {
namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  std::string token_file;
  int max_mc = 20000;
  double time_limit = 120;
  double max_body_mb = 64;
};

// The bearer token of --token-file: refused when other users can read it.
std::string ReadToken(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) throw UsageError(fmt::format("--token-file {}: cannot be read", file));
  if (st.st_mode & (S_IROTH | S_IWOTH)) {
    throw UsageError(fmt::format("--token-file {}: other users of this machine can read it (mode "
                                 "{:o}): 'chmod 600 {}' and start again",
                                 file, st.st_mode & 0777, file));
  }
  std::ifstream in(file, std::ios::binary);
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.size() < 16) {
    throw UsageError(fmt::format("--token-file {}: the token is {} characters; write at least 16 "
                                 "(e.g. 'openssl rand -hex 32 > {}')", file, token.size(), file));
  }
  return token;
}

// Whether `given` is the token, in time that depends on neither: their
// SHA-256 digests compared with OpenSSL's constant-time comparison.
bool SameToken(const std::string& given, const std::string& token) {
  unsigned char a[SHA256_DIGEST_LENGTH], b[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(given.data()), given.size(), a);
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), b);
  return CRYPTO_memcmp(a, b, sizeof a) == 0;
}

// Cuts off connections that hold a worker without sending a request: a
// client that sends its headers a byte at a time (slow loris) keeps each of
// cpp-httplib's reads under its read timeout, so a connection has a limit
// as a whole. Once a second it looks at this process's connected sockets
// (/proc/self/fd); one whose peer has had no request in a handler for
// `limit` (since it was first seen, or since its last request ended) is
// shut down, and cpp-httplib's next read on it fails and closes it.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::seconds limit) : limit_(limit), thread_([this] { Run(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  // A request of the connection from `port` is in a handler / is done.
  void Begin(int port) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++busy_[port];
  }
  void End(int port) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--busy_[port] == 0) busy_.erase(port);
    last_done_[port] = std::chrono::steady_clock::now();
  }

 private:
  // The peer port of connected TCP socket `fd`, or -1.
  static int PeerPort(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) return -1;
    int listening = 0;
    socklen_t size = sizeof listening;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening) return -1;
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) return -1;
    if (peer.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&peer)->sin_port);
    if (peer.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&peer)->sin6_port);
    return -1;
  }

  void Run() {
    std::map<std::pair<int, int>, std::chrono::steady_clock::time_point> seen;  // (fd, port)
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) {
      const auto now = std::chrono::steady_clock::now();
      std::map<std::pair<int, int>, std::chrono::steady_clock::time_point> still;
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator("/proc/self/fd", ec)) {
        const int fd = std::atoi(entry.path().filename().c_str());
        const int port = PeerPort(fd);
        if (port < 0) continue;
        const auto key = std::make_pair(fd, port);
        const auto first = seen.count(key) ? seen[key] : now;
        still[key] = first;
        if (busy_.count(port)) continue;
        const auto done = last_done_.find(port);
        const auto idle_since = done == last_done_.end() ? first : std::max(first, done->second);
        if (now - idle_since > limit_) ::shutdown(fd, SHUT_RDWR);
      }
      seen.swap(still);
      for (auto it = last_done_.begin(); it != last_done_.end();) {
        it = now - it->second > 10 * limit_ ? last_done_.erase(it) : std::next(it);
      }
    }
  }

  std::chrono::seconds limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::map<int, int> busy_;
  std::map<int, std::chrono::steady_clock::time_point> last_done_;
  std::thread thread_;
};

void Json(httplib::Response& res, int status, const std::string& error) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", error}}.dump() + "\n", "application/json");
}

class Server {
 public:
  Server(const Context& context, const ServeOptions& o, std::string token)
      : context_(context), o_(o), token_(std::move(token)) {
    char pattern[] = "/tmp/gpulca-serve-XXXXXX";
    if (!::mkdtemp(pattern)) throw UsageError("serve: cannot make a temporary directory");
    scratch_ = pattern;
  }
  ~Server() {
    std::error_code ec;
    fs::remove_all(scratch_, ec);
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    // HEAD is GET without the body (RFC 9110 9.3.2; cpp-httplib drops the
    // body and hands HEAD to the GET handler).
    const std::string method = req.method == "HEAD" ? "GET" : req.method;
    if (method == "GET" && req.path == "/") {
      res.set_content(reinterpret_cast<const char*>(kServePage), "text/html; charset=utf-8");
      return;
    }
    if (method == "GET" && req.path == "/api/v1/openapi.json") {
      res.set_content(server::OpenApiJson(), "application/json");
      return;
    }
    const std::optional<server::Match> match = server::FindRoute(method, req.path);
    if (!match) {
      if (server::PathExists(req.path)) return Json(res, 405, fmt::format("{} {}: not allowed", req.method, req.path));
      return Json(res, 404, fmt::format("no route {} {} (GET /api/v1/openapi.json lists them)",
                                        req.method, req.path));
    }
    const server::Route& route = *match->route;
    if (route.write) {
      if (token_.empty()) {
        return Json(res, 403, "this server takes no writes: start it with --token-file");
      }
      const std::string auth = req.get_header_value("Authorization");
      if (auth.rfind("Bearer ", 0) != 0 || !SameToken(auth.substr(7), token_)) {
        res.set_header("WWW-Authenticate", "Bearer");
        return Json(res, 401, "a write needs the server's token: 'Authorization: Bearer TOKEN'");
      }
    }
    const std::string format = req.has_param("format") ? req.get_param_value("format") : route.formats.front();
    try {
      if (route.mc && req.has_param("mc")) {
        const std::string mc = req.get_param_value("mc");
        if (mc.find_first_not_of("0123456789") == std::string::npos && mc.size() < 10 &&
            std::stol(mc) > o_.max_mc) {
          throw UsageError(fmt::format("mc {}: this server runs at most {} Monte Carlo iterations "
                                       "a request (its --max-mc)", mc, o_.max_mc));
        }
      }
      Run(*match, req, format, res);
    } catch (const UsageError& e) {
      Json(res, 400, e.what());
    }
  }

 private:
  void Run(const server::Match& match, const httplib::Request& req, const std::string& format,
           httplib::Response& res) {
    const server::Route& route = *match.route;
    const std::string stem = (scratch_ / std::to_string(++files_)).string();
    std::string body_file, out_file;
    if (!route.body_suffix.empty()) {
      body_file = stem + route.body_suffix;
      std::ofstream(body_file, std::ios::binary) << req.body;
    }
    std::vector<std::string> args = {"gpulca", "--db=" + context_.DatabasePath(),
                                     "--data=" + context_.data_dir};
    for (std::string& a : server::CommandLine(match, req.params, format, body_file)) args.push_back(a);
    if (route.mc) args.push_back("--threads=1");  // the server's threads are its parallelism
    if (format == "xlsx") {
      out_file = stem + ".xlsx";
      args.push_back("--out=" + out_file);
    }
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::string out;
    CommandOutcome outcome;
    {
      std::unique_lock<std::mutex> lock(writes_, std::defer_lock);
      if (route.write) lock.lock();  // one write at a time, each in its transaction
      Context context = context_;
      CaptureOutput capture(&out);
      McShards::Get().SetDeadline(std::chrono::steady_clock::now() +
                                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(o_.time_limit)));
      outcome = RunCommandLine(context, static_cast<int>(argv.size()), argv.data(), false);
    }
    if (outcome.code == 0 && !out_file.empty()) {
      std::ifstream in(out_file, std::ios::binary);
      out.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    std::error_code ec;
    if (!body_file.empty()) fs::remove(body_file, ec);
    if (!out_file.empty()) fs::remove(out_file, ec);
    if (outcome.code == 0) {
      res.set_content(out, server::MediaType(format));
    } else {
      Json(res, outcome.code == 3 ? 500 : 400, outcome.error);
    }
  }

  const Context& context_;
  ServeOptions o_;
  std::string token_;
  fs::path scratch_;
  std::atomic<long> files_{0};
  std::mutex writes_;
};

void Serve(Context& context, const ServeOptions& o) {
  const std::string token = o.token_file.empty() ? "" : ReadToken(o.token_file);
  context.Open();  // built now, if it must be, not by the first requests at once
  ProgressBar::TurnOff();
  // SIGINT and SIGTERM are waited for by one thread, which stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Server handler(context, o, token);
  httplib::Server http;
  // cpp-httplib gives a connection its worker until it closes: workers are
  // connections, not cores (each command runs one Monte Carlo thread).
  const int threads = o.threads > 0 ? o.threads
                                    : static_cast<int>(std::max(16u, 4 * std::thread::hardware_concurrency()));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(static_cast<size_t>(o.max_body_mb * 1024 * 1024));
  http.set_read_timeout(10, 0);   // a client that sends too slowly is cut off
  http.set_write_timeout(10, 0);
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(5);
  // A connection may go 15 s without a request in a handler: above the
  // keep-alive timeout (5 s), so only a client that dawdles is cut off.
  Watchdog watchdog(std::chrono::seconds(15));
  const auto handle = [&handler, &watchdog](const httplib::Request& req, httplib::Response& res) {
    watchdog.Begin(req.remote_port);
    handler.Handle(req, res);
    watchdog.End(req.remote_port);
  };
  http.Get(".*", handle);
  http.Post(".*", handle);
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status == 413) Json(res, 413, "the body is larger than the server's --max-body");
    else if (res.body.empty()) Json(res, res.status, fmt::format("{} {}: {}", req.method, req.path, res.status));
  });
  const int port = o.port == 0 ? http.bind_to_any_port(o.bind)
                               : (http.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0) throw UsageError(fmt::format("serve: cannot listen on {}:{}", o.bind, o.port));
  std::thread stopper([&http, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    http.stop();
  });
  fmt::print("gpulca serve: listening on http://{}:{}/\n", o.bind, port);
  std::fflush(stdout);
  http.listen_after_bind();
  pthread_kill(stopper.native_handle(), SIGTERM);  // stopped otherwise: end the waiter
  stopper.join();
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("serve", "Serve the API (/api/v1) and the web page over HTTP "
                                          "(docs/serve.md)");
  auto o = std::make_shared<ServeOptions>();
  cmd->add_option("--bind", o->bind, "Address to listen on (default: loopback only)");
  cmd->add_option("--port", o->port, "Port (0: any free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads,
                  "Worker threads, each serving one connection at a time (default: 4 a core, at "
                  "least 16)")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--token-file", o->token_file,
                  "File holding the bearer token that writes (audits) need; not readable by "
                  "others. Without it, the server takes no writes");
  cmd->add_option("--max-mc", o->max_mc, "Most Monte Carlo iterations a request may ask for")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--time-limit", o->time_limit, "Seconds a request's Monte Carlo may run")
      ->check(CLI::Range(1.0, 86400.0));
  cmd->add_option("--max-body", o->max_body_mb, "Largest request body (an asset file), MB")
      ->check(CLI::Range(0.001, 4096.0));
  cmd->callback([&context, o] { Serve(context, *o); });
}

}  // namespace gpulca::cli
