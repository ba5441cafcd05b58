// gpulca serve end to end: a server on a free loopback port, every route of
// its OpenAPI document answered byte for byte as the CLI prints the same
// command, the document against the route table, and what it refuses.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "cli/server/openapi.h"
#include "cli/server/routes.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;
namespace server = gpulca::cli::server;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// `gpulca --db DB serve --port 0 ARGS` in a child process; the port read
// from its first line; stopped (SIGTERM) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const test::BundledDb& db, const std::vector<std::string>& args) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> all = {GPULCA_BINARY, "--db", (db.dir.path() / "bundled.db").string(),
                                      "--data", test::BundledData(), "serve", "--port", "0"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::unsetenv("GPULCA_DB");
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    INFO(line);
    const size_t colon = line.rfind(':');
    REQUIRE(line.rfind("gpulca serve: listening on http://127.0.0.1:", 0) == 0);
    port = std::stoi(line.substr(colon + 1));
  }
  ~ServeProcess() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  int port = 0;

 private:
  pid_t pid_ = -1;
};

// The CLI's standard output for `args` on the database, standard error dropped.
std::string Cli(const test::BundledDb& db, const std::string& args) {
  const test::CommandResult r = test::RunShell("{ env -u GPULCA_DB '" GPULCA_BINARY "' " + db.args +
                                               args + " 2>/dev/null; }");
  INFO(args);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string Example(const std::string& name) { return test::BundledData() + "/examples/" + name; }

std::string Read(const std::string& path) { return test::ReadAll(path); }

}  // namespace

TEST_CASE("serve: every route answers what the CLI prints for the same command",
          "[cli][serve]") {
  test::BundledDb db;
  Cli(db, "list gpus");  // builds the database before the server starts
  test::TempDir dir;
  const auto token = dir.Write("token", "0123456789abcdef0123456789abcdef\n");
  std::filesystem::permissions(token, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  ServeProcess server(db, {"--token-file", token.string()});
  httplib::Client client("127.0.0.1", server.port);
  client.set_read_timeout(120, 0);

  // Each route of the document: a request and the command line it stands for.
  struct Case {
    std::string method, target, body, cli;
  };
  const std::string order = Example("order-h100-cluster.toml");
  const std::string workload = Example("workload-gpt3-training.toml");
  const std::string assets =
      dir.Write("assets.csv", "product,count,region,deployed,retired,utilization\n"
                              "nvidia-h100-sxm5,512,US,2023-03-15,,0.7\n"
                              "amd-mi300x,64,SE,2024-01-01,2027-01-01,0.55\n")
          .string();
  std::vector<Case> cases = {
      {"GET", "/api/v1/gpus", "", "list gpus --format json"},
      {"GET", "/api/v1/sources", "", "list sources --format json"},
      {"GET", "/api/v1/gpus/nvidia-h100-sxm5/report?region=SE&lifetime_years=4&mc=300&seed=7",
       "", "report nvidia-h100-sxm5 --region SE --lifetime-years 4 --mc 300 --seed 7 --format json"},
      {"GET", "/api/v1/compare?gpu=nvidia-h100-sxm5&gpu=amd-mi300x&per=gpu-hour&format=csv", "",
       "compare nvidia-h100-sxm5 amd-mi300x --per gpu-hour --format csv"},
      {"GET", "/api/v1/chip?area=814&node=n5&mc=500", "", "chip --area 814 --node n5 --mc 500 --format json"},
      {"GET", "/api/v1/fleet?year=2023&format=md", "", "fleet --year 2023 --format md"},
      {"POST", "/api/v1/fleet/assets?format=json", Read(assets), "fleet --assets '" + assets + "' --format json"},
      {"POST", "/api/v1/workload", Read(workload), "workload '" + workload + "' --format json"},
      {"GET", "/api/v1/validate?format=csv", "", "validate --format csv"},
      {"POST", "/api/v1/audits?format=json", Read(order), ""},
      {"GET", "/api/v1/audits", "", "audit list"},
      {"GET", "/api/v1/audits/1?format=json", "", "audit show 1 --format json"},
      {"GET", "/api/v1/audits/1/verify", "", "verify 1"},
  };
  const json doc = json::parse(client.Get("/api/v1/openapi.json")->body);
  for (const auto& entry : doc.at("paths").items()) {
    const std::string path = entry.key();
    for (const auto& [method, op] : entry.value().items()) {
      INFO(method << " " << path);
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const bool covered = std::any_of(cases.begin(), cases.end(), [&](const Case& c) {
        const std::string target = c.target.substr(0, c.target.find('?'));
        return c.method == upper && server::FindRoute(upper, target) &&
               server::FindRoute(upper, target)->route->path == path;
      });
      CHECK(covered);
    }
  }
  for (const Case& c : cases) {
    INFO(c.method << " " << c.target);
    httplib::Headers headers = {{"Authorization", "Bearer 0123456789abcdef0123456789abcdef"}};
    const httplib::Result r = c.method == "GET" ? client.Get(c.target.c_str(), headers)
                                                : client.Post(c.target.c_str(), headers, c.body, "text/plain");
    REQUIRE(r);
    INFO(r->body.substr(0, 500));
    REQUIRE(r->status == 200);
    if (c.cli.empty()) {
      // The audit just recorded: what `audit show` prints of it.
      const json audit = json::parse(r->body);
      CHECK(r->body == Cli(db, "audit show 1 --format json"));
      CHECK(audit.dump().find("\"id\":1") != std::string::npos);
      CHECK(r->get_header_value("Content-Type") == "application/json");
    } else {
      CHECK(r->body == Cli(db, c.cli));
    }
  }
  // xlsx: the bytes of the file the CLI writes.
  const auto x = client.Get("/api/v1/gpus/nvidia-h100-sxm5/report?format=xlsx");
  REQUIRE(x);
  CHECK(x->status == 200);
  CHECK(x->get_header_value("Content-Type") ==
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(x->body.substr(0, 2) == "PK");
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK_THAT(page->body, Contains("<!DOCTYPE html>"));
  // HEAD: GET's status and headers, no body.
  for (const char* path : {"/", "/api/v1/openapi.json", "/api/v1/gpus"}) {
    INFO(path);
    const auto head = client.Head(path);
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Type") == client.Get(path)->get_header_value("Content-Type"));
  }
  const auto missing = client.Head("/api/v1/nothing");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("serve: the OpenAPI document has every route of the table, and only them",
          "[cli][serve]") {
  const json doc = json::parse(server::OpenApiJson());
  CHECK(doc.at("openapi") == "3.0.3");
  size_t operations = 0;
  for (const auto& [path, methods] : doc.at("paths").items()) operations += methods.size();
  CHECK(operations == server::Routes().size());
  for (const server::Route& r : server::Routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    INFO(r.method << " " << r.path);
    REQUIRE(doc.at("paths").contains(r.path));
    const json& op = doc.at("paths").at(r.path).at(method);
    std::vector<std::string> names;
    for (const json& p : op.at("parameters")) names.push_back(p.at("name"));
    for (const server::Param& p : r.params) {
      CHECK(std::find(names.begin(), names.end(), p.name) != names.end());
    }
    CHECK(std::find(names.begin(), names.end(), "format") != names.end());
    CHECK(op.at("responses").contains("400"));
    CHECK(op.contains("requestBody") == !r.body_suffix.empty());
    CHECK(op.contains("security") == r.write);
  }
}

TEST_CASE("serve: bad requests get the CLI's message and a 4xx, never a crash", "[cli][serve]") {
  test::BundledDb db;
  Cli(db, "list gpus");
  ServeProcess server(db, {"--max-mc", "1000", "--max-body", "0.01"});
  httplib::Client client("127.0.0.1", server.port);
  const auto status = [&](const std::string& target, int want, const std::string& says) {
    const auto r = client.Get(target.c_str());
    REQUIRE(r);
    INFO(target << " -> " << r->status << " " << r->body);
    CHECK(r->status == want);
    CHECK_THAT(r->body, Contains(says));
    if (want != 200) CHECK(r->get_header_value("Content-Type") == "application/json");
  };
  status("/api/v1/gpus/nvidia-h900/report", 400, "is not a GPU in the catalogue");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?pue=nan", 400, "--pue");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?region=--db=/etc/passwd", 400, "region");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?mc=5000", 400, "at most 1000");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?bogus=1", 400, "unknown parameter 'bogus'");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?format=exe", 400, "format 'exe'");
  status("/api/v1/gpus/nvidia-h100-sxm5/report?boundary=a&boundary=b", 400, "given 2 times");
  status("/api/v1/compare?gpu=-x", 400, "is not an id");
  status("/api/v1/chip?node=n5", 400, "missing parameter 'area'");
  status("/api/v1/nothing", 404, "no route");
  status("/../../etc/passwd", 404, "no route");
  status("/api/v1/gpus/..%2f..%2fetc/report", 404, "no route");
  const auto post = client.Post("/api/v1/gpus", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status == 405);
  // Writes: refused without --token-file.
  const auto audit = client.Post("/api/v1/audits", "[order]\n", "application/toml");
  REQUIRE(audit);
  CHECK(audit->status == 403);
  // A body over --max-body (10 kB).
  const auto big = client.Post("/api/v1/workload", std::string(20000, 'x'), "application/toml");
  REQUIRE(big);
  CHECK(big->status == 413);
  // A malformed workload: the reader's message, at its line.
  const auto bad = client.Post("/api/v1/workload", "[workload]\nid = \"w\"\ncount = 0\n", "application/toml");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK_THAT(bad->body, Contains("'count' is 0"));
  // The server still answers.
  status("/api/v1/gpus?format=text", 200, "");
}

TEST_CASE("serve: tokens, writes and the time limit", "[cli][serve]") {
  test::BundledDb db;
  Cli(db, "list gpus");
  test::TempDir dir;
  const auto open = dir.Write("open-token", "0123456789abcdef0123456789abcdef\n");
  std::filesystem::permissions(open, std::filesystem::perms::owner_read | std::filesystem::perms::others_read);
  const test::CommandResult refused = db.Run("serve --port 0 --token-file '" + open.string() + "'");
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.out, Contains("other users of this machine can read it") && Contains("chmod 600"));

  const auto token = dir.Write("token", "0123456789abcdef0123456789abcdef\n");
  std::filesystem::permissions(token, std::filesystem::perms::owner_read);
  ServeProcess server(db, {"--token-file", token.string(), "--time-limit", "1", "--max-mc", "10000000"});
  httplib::Client client("127.0.0.1", server.port);
  client.set_read_timeout(60, 0);
  const std::string order = test::ReadAll(Example("order-h100-cluster.toml"));
  const auto none = client.Post("/api/v1/audits", order, "application/toml");
  REQUIRE(none);
  CHECK(none->status == 401);
  const auto wrong = client.Post("/api/v1/audits", {{"Authorization", "Bearer 0123456789abcdef0123456789abcdee"}},
                                 order, "application/toml");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  // Four writers at once: four records, a chain that verifies.
  std::vector<std::thread> writers;
  std::vector<int> statuses(4, 0);
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      httplib::Client c("127.0.0.1", server.port);
      c.set_read_timeout(120, 0);
      const auto r = c.Post("/api/v1/audits?format=json",
                            {{"Authorization", "Bearer 0123456789abcdef0123456789abcdef"}}, order,
                            "application/toml");
      statuses[w] = r ? r->status : -1;
    });
  }
  for (auto& t : writers) t.join();
  CHECK(statuses == std::vector<int>(4, 200));
  for (int id = 1; id <= 4; ++id) {
    const auto v = client.Get(("/api/v1/audits/" + std::to_string(id) + "/verify").c_str());
    REQUIRE(v);
    INFO(v->body);
    CHECK(v->status == 200);
    CHECK_THAT(v->body, Contains("verified: the chain is intact through record " + std::to_string(id)));
  }
  // A Monte Carlo run past the time limit stops, and says so.
  const auto t0 = std::chrono::steady_clock::now();
  const auto slow = client.Get("/api/v1/chip?area=814&node=n5&mc=10000000");
  REQUIRE(slow);
  CHECK(slow->status == 400);
  CHECK_THAT(slow->body, Contains("time limit"));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
}
