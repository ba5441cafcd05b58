// A progress bar on standard error for long computations (Monte Carlo, a
// large asset file), drawn only when standard error is a terminal: nothing
// reaches a pipe, a file or a test's captured output.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace gpulca::cli {

class ProgressBar {
 public:
  // Draws on stderr iff isatty(stderr) and bars are not turned off.
  explicit ProgressBar(std::string label);
  // No bar is drawn from now on in this process (gpulca serve: its
  // requests' commands run on worker threads, and their bars would mix).
  static void TurnOff();
  // Draws on `out` iff `enabled` (for tests).
  ProgressBar(std::string label, bool enabled, std::FILE* out);
  ~ProgressBar();  // clears the line if one was drawn
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws the bar for `done` of `total`.
  void Update(std::uint64_t done, std::uint64_t total);
  // Writes `text` and a newline to the bar's stream, whether or not the bar
  // is drawn: the bar's line is cleared first and the bar drawn again after,
  // so that neither overwrites the other.
  void Message(const std::string& text);
  bool enabled() const { return enabled_; }

  // The line for `done` of `total` at `rate` per second (0: unknown), in
  // `width` cells of bar: "label [#####.....]  50%  500/1000  1.2k/s".
  static std::string Line(const std::string& label, std::uint64_t done, std::uint64_t total,
                          double rate, int width = 30);

 private:
  std::string label_;
  bool enabled_;
  std::FILE* out_;
  bool drawn_ = false;
  std::uint64_t done_ = 0, total_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace gpulca::cli
