#include "cli/output.h"

#include <fmt/format.h>

namespace gpulca::cli {
namespace {

thread_local std::string* capture = nullptr;

}  // namespace

void Print(std::string_view text) {
  if (capture) {
    capture->append(text);
  } else {
    fmt::print("{}", text);
  }
}

CaptureOutput::CaptureOutput(std::string* into) : previous_(capture) { capture = into; }

CaptureOutput::~CaptureOutput() { capture = previous_; }

}  // namespace gpulca::cli
