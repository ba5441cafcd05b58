// The fleet asset benchmark's two tools, in one small program:
//   gpulca_bench_fleet generate FILE [ROWS] [SEED]
//       writes an asset file of ROWS rows (default 3,850,000: a year of
//       TechInsights shipments, one GPU per row) over the catalogue, a few
//       regions and utilisations in steps of 0.05; 0.5% of rows are retired.
//   gpulca_bench_fleet time COMMAND ARGS...
//       runs COMMAND and prints its wall time and maximum resident set size
//       (wait4's rusage), the figures docs/performance.md records.
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

int Generate(const char* path, long rows, unsigned seed) {
  const std::vector<std::string> gpus = {
      "nvidia-h100-sxm5", "nvidia-h100-sxm5", "nvidia-h100-sxm5", "nvidia-a100-sxm4-80gb",
      "nvidia-a100-sxm4-80gb", "nvidia-l40s", "nvidia-h100-pcie", "nvidia-h200", "nvidia-b200",
      "amd-mi300x", "amd-mi250x", "intel-gaudi2", "intel-max-1550"};
  const std::vector<std::string> regions = {"US", "US", "US", "EU", "CN", "TW", "JP", "SG", "US-ERCOT"};
  std::FILE* out = std::fopen(path, "wb");
  if (!out) {
    std::perror(path);
    return 1;
  }
  std::mt19937_64 rng(seed);
  std::fputs("product,count,region,deployed,retired,utilization\n", out);
  for (long i = 0; i < rows; ++i) {
    const std::string& gpu = gpus[rng() % gpus.size()];
    const std::string& region = regions[rng() % regions.size()];
    const int year = 2020 + static_cast<int>(rng() % 5), month = 1 + static_cast<int>(rng() % 12);
    const int day = 1 + static_cast<int>(rng() % 28);
    const int u = 5 * static_cast<int>(rng() % 21);  // percent, steps of 5
    if (rng() % 200 == 0) {
      std::fprintf(out, "%s,1,%s,%04d-%02d-%02d,%04d-%02d-%02d,%d.%02d\n", gpu.c_str(), region.c_str(), year,
                   month, day, year + 2, month, day, u / 100, u % 100);
    } else {
      std::fprintf(out, "%s,1,%s,%04d-%02d-%02d,,%d.%02d\n", gpu.c_str(), region.c_str(), year, month, day,
                   u / 100, u % 100);
    }
  }
  return std::fclose(out) == 0 ? 0 : 1;
}

int Time(char** argv) {
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    return 1;
  }
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout)) _exit(127);
    execvp(argv[0], argv);
    std::perror(argv[0]);
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 1;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double user = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  const double sys = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  std::printf("wall %.2f s, user %.2f s, system %.2f s, max RSS %.1f MiB, exit %d\n", wall, user, sys,
              usage.ru_maxrss / 1024.0, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc >= 3) {
    const long rows = argc > 3 ? std::atol(argv[3]) : 3850000;
    const unsigned seed = argc > 4 ? static_cast<unsigned>(std::atol(argv[4])) : 42u;
    return Generate(argv[2], rows, seed);
  }
  if (mode == "time" && argc >= 3) return Time(argv + 2);
  std::fprintf(stderr, "usage: gpulca_bench_fleet generate FILE [ROWS] [SEED]\n"
                       "       gpulca_bench_fleet time COMMAND ARGS...\n");
  return 2;
}
