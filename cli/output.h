// Where the commands' output goes: standard output, or, on a thread that
// captures it, a string (gpulca serve runs commands on its worker threads
// and answers with what they wrote).
#pragma once

#include <string>
#include <string_view>

namespace gpulca::cli {

// Writes `text` to this thread's capture, else to standard output.
void Print(std::string_view text);

// While it lives, Print on this thread appends to `*into`.
class CaptureOutput {
 public:
  explicit CaptureOutput(std::string* into);
  ~CaptureOutput();
  CaptureOutput(const CaptureOutput&) = delete;
  CaptureOutput& operator=(const CaptureOutput&) = delete;

 private:
  std::string* previous_;
};

}  // namespace gpulca::cli
