#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace gpulca::cli {

ProgressBar::ProgressBar(std::string label)
    : ProgressBar(std::move(label), isatty(fileno(stderr)) != 0, stderr) {}

ProgressBar::ProgressBar(std::string label, bool enabled, std::FILE* out)
    : label_(std::move(label)), enabled_(enabled), out_(out),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) {
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
  }
}

std::string ProgressBar::Line(const std::string& label, int done, int total, double rate,
                              int width) {
  const double share = total > 0 ? std::clamp(static_cast<double>(done) / total, 0.0, 1.0) : 0.0;
  const int filled = static_cast<int>(share * width);
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  std::string line = fmt::format("{} [{}] {:3.0f}%  {}/{}", label, bar, 100 * share, done, total);
  if (rate > 0) {
    line += rate >= 1000 ? fmt::format("  {:.1f}k/s", rate / 1000) : fmt::format("  {:.0f}/s", rate);
  }
  return line;
}

void ProgressBar::Update(int done, int total) {
  if (!enabled_) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? done / seconds : 0.0;
  std::fputs(("\r" + Line(label_, done, total, rate)).c_str(), out_);
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace gpulca::cli
