#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <utility>

namespace gpulca::cli {

namespace {
std::atomic<bool> turned_off{false};
}  // namespace

void ProgressBar::TurnOff() { turned_off = true; }

ProgressBar::ProgressBar(std::string label)
    : ProgressBar(std::move(label), !turned_off && isatty(fileno(stderr)) != 0, stderr) {}

ProgressBar::ProgressBar(std::string label, bool enabled, std::FILE* out)
    : label_(std::move(label)), enabled_(enabled), out_(out),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) {
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
  }
}

std::string ProgressBar::Line(const std::string& label, std::uint64_t done, std::uint64_t total,
                              double rate, int width) {
  const double share =
      total > 0 ? std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0)
                : 0.0;
  const int filled = static_cast<int>(share * width);
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  std::string line = fmt::format("{} [{}] {:3.0f}%  {}/{}", label, bar, 100 * share, done, total);
  if (rate > 0) {
    line += rate >= 1000 ? fmt::format("  {:.1f}k/s", rate / 1000) : fmt::format("  {:.0f}/s", rate);
  }
  return line;
}

void ProgressBar::Update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  done_ = done;
  total_ = total;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  fmt::print(out_, "\r{}", Line(label_, done, total, rate));
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::Message(const std::string& text) {
  if (drawn_) std::fputs("\r\033[K", out_);
  fmt::print(out_, "{}\n", text);
  if (drawn_) Update(done_, total_);
}

}  // namespace gpulca::cli
