// gpulca_bench_serve: load and fault checks of a running `gpulca serve` on
// loopback (bench/run_serve starts one and runs this against it):
//   (a) load: REQUESTS report requests over CONNECTIONS concurrent
//       keep-alive connections: p50, p99 and max latency, requests per
//       second, errors (any status but 200, or a body unlike the first);
//   (b) writers: WRITERS threads each posting POSTS audits at once, then
//       `verify` of every record: records made, chains that verify;
//   (c) a client that sends a Monte Carlo request and disconnects at once,
//       then one that closes half-way through its headers: the server
//       answers the next request;
//   (d) slow loris: a client sending its headers one byte a second; the
//       server cuts it off (its read timeout) and answers others meanwhile.
//   gpulca_bench_serve --port P --token T --order FILE [--requests N]
//     [--connections C] [--writers W] [--posts K]
// Bounded in count and time; prints a RESULT line; exits 1 when any check
// fails.
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 0;
  std::string token, order;
  int requests = 5000, connections = 16, writers = 8, posts = 4;
};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t at = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[at];
}

// A raw loopback socket to the server, or -1.
int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

bool Alive(int port) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30, 0);
  const auto r = c.Get("/api/v1/gpus");
  return r && r->status == 200;
}

bool Load(const Options& o) {
  const std::string target = "/api/v1/gpus/nvidia-h100-sxm5/report?region=SE";
  std::string expected;
  {
    httplib::Client c("127.0.0.1", o.port);
    const auto r = c.Get(target.c_str());
    if (!r || r->status != 200) return false;
    expected = r->body;
  }
  std::atomic<int> next{0}, errors{0};
  std::vector<std::vector<double>> latencies(static_cast<size_t>(o.connections));
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < o.connections; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", o.port);
      c.set_keep_alive(true);
      c.set_read_timeout(60, 0);
      while (next.fetch_add(1) < o.requests) {
        const auto t0 = Clock::now();
        const auto r = c.Get(target.c_str());
        latencies[static_cast<size_t>(t)].push_back(Ms(Clock::now() - t0));
        if (!r || r->status != 200 || r->body != expected) ++errors;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (const auto& v : latencies) all.insert(all.end(), v.begin(), v.end());
  std::printf("(a) load: %d report requests, %d connections: %.1f requests/s; latency p50 %.1f ms, "
              "p99 %.1f ms, max %.1f ms; errors %d\n",
              o.requests, o.connections, o.requests / seconds, Percentile(all, 0.5),
              Percentile(all, 0.99), Percentile(all, 1.0), errors.load());
  return errors == 0;
}

bool Writers(const Options& o) {
  std::ifstream in(o.order, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  std::atomic<int> failed{0};
  std::mutex ids_mutex;
  std::vector<long> ids;
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < o.writers; ++w) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", o.port);
      c.set_read_timeout(120, 0);
      for (int k = 0; k < o.posts; ++k) {
        const auto r = c.Post("/api/v1/audits?format=json",
                              {{"Authorization", "Bearer " + o.token}}, body.str(), "application/toml");
        if (!r || r->status != 200) {
          ++failed;
          continue;
        }
        const nlohmann::json j = nlohmann::json::parse(r->body, nullptr, false);
        if (j.is_discarded() || !j.contains("record") || !j["record"].contains("id")) {
          ++failed;
          continue;
        }
        std::lock_guard<std::mutex> lock(ids_mutex);
        ids.push_back(j["record"]["id"].get<long>());
      }
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(ids.begin(), ids.end());
  const bool distinct = std::adjacent_find(ids.begin(), ids.end()) == ids.end();
  int broken = 0;
  httplib::Client c("127.0.0.1", o.port);
  c.set_read_timeout(120, 0);
  for (long id : ids) {
    const auto r = c.Get(("/api/v1/audits/" + std::to_string(id) + "/verify").c_str());
    if (!r || r->status != 200 || r->body.find("verified: the chain is intact") == std::string::npos) {
      ++broken;
    }
  }
  std::printf("(b) writers: %d x %d audit posts in %.1f s: %zu records, distinct ids %s, failed "
              "posts %d; verify of every record: broken chains %d\n",
              o.writers, o.posts, seconds, ids.size(), distinct ? "yes" : "NO", failed.load(), broken);
  return failed == 0 && broken == 0 && distinct &&
         ids.size() == static_cast<size_t>(o.writers * o.posts);
}

bool Disconnects(const Options& o) {
  const int a = Connect(o.port);
  const std::string request =
      "GET /api/v1/gpus/nvidia-h100-sxm5/report?mc=20000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  if (a < 0 || ::send(a, request.data(), request.size(), MSG_NOSIGNAL) < 0) return false;
  ::close(a);  // gone before the answer
  const int b = Connect(o.port);
  const std::string half = "GET /api/v1/gpus HTTP/1.1\r\nHost: 127.";
  if (b < 0 || ::send(b, half.data(), half.size(), MSG_NOSIGNAL) < 0) return false;
  ::close(b);  // gone half-way through its headers
  const bool alive = Alive(o.port);
  std::printf("(c) clients that disconnect mid-request: the server answers the next: %s\n",
              alive ? "yes" : "NO");
  return alive;
}

bool SlowLoris(const Options& o) {
  const int fd = Connect(o.port);
  if (fd < 0) return false;
  const std::string request = "GET /api/v1/gpus HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  const auto start = Clock::now();
  bool cut = false, others = true;
  timeval timeout{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  for (size_t i = 0; i < 40 && !cut; ++i) {
    const char c = request[std::min(i, request.size() - 1)];
    if (::send(fd, &c, 1, MSG_NOSIGNAL) < 0) cut = true;
    char buffer[256];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);  // waits up to 1 s
    if (n == 0) cut = true;  // the server closed the connection
    if (i == 3) others = Alive(o.port);
  }
  ::close(fd);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("(d) slow loris, one byte a second: cut off after %.0f s: %s; other requests "
              "answered meanwhile: %s\n",
              seconds, cut ? "yes" : "NO (still open after 40 s)", others ? "yes" : "NO");
  return cut && others;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") o.port = std::atoi(v.c_str());
    else if (k == "--token") o.token = v;
    else if (k == "--order") o.order = v;
    else if (k == "--requests") o.requests = std::atoi(v.c_str());
    else if (k == "--connections") o.connections = std::atoi(v.c_str());
    else if (k == "--writers") o.writers = std::atoi(v.c_str());
    else if (k == "--posts") o.posts = std::atoi(v.c_str());
    else {
      std::fprintf(stderr, "gpulca_bench_serve: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (o.port <= 0 || o.token.empty() || o.order.empty()) {
    std::fprintf(stderr, "usage: gpulca_bench_serve --port P --token T --order FILE [--requests N] "
                         "[--connections C] [--writers W] [--posts K]\n");
    return 2;
  }
  const bool load = Load(o), writers = Writers(o), disconnects = Disconnects(o), loris = SlowLoris(o);
  const bool ok = load && writers && disconnects && loris;
  std::printf("RESULT serve load=%s writers=%s disconnects=%s slow_loris=%s\n", load ? "ok" : "FAIL",
              writers ? "ok" : "FAIL", disconnects ? "ok" : "FAIL", loris ? "ok" : "FAIL");
  return ok ? 0 : 1;
}
