// Audits raced against rebuilds, as procurement teams and a scheduled `db
// rebuild` would: every audit that says "recorded as audit N" is in the log
// afterwards, numbered 1..N without gaps or repeats, the chain verifies, and
// no process fails with "database is locked" or an I/O error. Before the
// rebuild rewrote the file in place (install.h), a rebuild renamed a new file
// over the one audits were being appended to: records were lost, numbers
// repeated, and audits failed on the replaced file.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <regex>
#include <set>
#include <string>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

constexpr int kTrials = 3;
constexpr int kAudits = 8;  // at once, with two rebuilds among them

}  // namespace

TEST_CASE("audits raced against rebuilds: none lost, none repeated, none failed",
          "[race][audit][cli][data]") {
  test::BundledDb db;
  const std::string dir = db.dir.path().string();
  const std::string order = test::BundledData() + "/examples/order-h100-cluster.toml";
  const std::string gpulca = fmt::format("env -u GPULCA_DB '{}' {}", GPULCA_BINARY, db.args);
  REQUIRE(db.Run("db build").exit_code == 0);
  for (int trial = 0; trial < kTrials; ++trial) {
    std::string script;
    for (int i = 0; i < kAudits; ++i) {
      script += fmt::format("({0} audit '{1}' > '{2}/a{3}-{4}.out' 2>&1; echo \"exit $?\" >> "
                            "'{2}/a{3}-{4}.out') &\n",
                            gpulca, order, dir, trial, i);
    }
    // The rebuilds land while audits compute and append (an audit of the
    // example order takes about 2 s alone, longer eight at a time).
    for (const char* delay : {"1.5", "3"}) {
      script += fmt::format("(sleep {0}; {1} db rebuild > '{2}/r{3}-{0}.out' 2>&1; echo \"exit $?\" "
                            ">> '{2}/r{3}-{0}.out') &\n",
                            delay, gpulca, dir, trial);
    }
    script += "wait\n";
    REQUIRE(test::RunShell(script).exit_code == 0);
  }
  std::set<long> said;
  const std::regex recorded("recorded as audit (\\d+)");
  for (int trial = 0; trial < kTrials; ++trial) {
    for (int i = 0; i < kAudits; ++i) {
      const std::string out = test::ReadAll(fmt::format("{}/a{}-{}.out", dir, trial, i));
      INFO(out);
      CHECK(out.find("exit 0") != std::string::npos);
      std::smatch m;
      REQUIRE(std::regex_search(out, m, recorded));
      CHECK(said.insert(std::stol(m[1])).second);  // no number given twice
    }
    for (const char* delay : {"1.5", "3"}) {
      const std::string out = test::ReadAll(fmt::format("{}/r{}-{}.out", dir, trial, delay));
      INFO(out);
      CHECK(out.find("exit 0") != std::string::npos);
    }
  }
  // Every audit said recorded is there: ids 1..24, and the chain verifies.
  REQUIRE(said.size() == kTrials * kAudits);
  CHECK(*said.begin() == 1);
  CHECK(*said.rbegin() == kTrials * kAudits);
  const auto list = db.Run("audit list");
  REQUIRE(list.exit_code == 0);
  const std::regex row("\\n *(\\d+)  \\d{4}-");
  long rows = 0;
  for (auto it = std::sregex_iterator(list.out.begin(), list.out.end(), row);
       it != std::sregex_iterator(); ++it) {
    ++rows;
  }
  CHECK(rows == kTrials * kAudits);
  const auto verify = db.Run(fmt::format("verify {}", kTrials * kAudits));
  INFO(verify.out);
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find(fmt::format("the chain is intact through record {}", kTrials * kAudits)) !=
        std::string::npos);
}
