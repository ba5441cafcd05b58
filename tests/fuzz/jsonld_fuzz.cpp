// The JSON-LD import (jsonld_check.h) of an export held in the input as
// text: lines "@@ PATH" begin each file ("@@ processes/p1.json"); text
// before the first such line is the file processes/input.json, so that an
// input without one is a single process.
#include <cstddef>
#include <cstdint>
#include <map>

#include "lca/error.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/jsonld_check.h"

namespace {

using namespace gpulca;

class TextArchive : public inventory::JsonldArchive {
 public:
  explicit TextArchive(const std::string& text) {
    std::string path = "processes/input.json";
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      if (text.compare(at, 3, "@@ ") == 0) {
        path = text.substr(at + 3, end - at - 3);
      } else {
        files_[path].append(text, at, end - at).push_back('\n');
      }
      at = end + 1;
    }
    for (const auto& [p, content] : files_) paths_.push_back(p);
  }
  const std::vector<std::string>& Paths() const override { return paths_; }
  std::string Read(const std::string& path) const override { return files_.at(path); }
  const std::string& Name() const override { return name_; }

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> paths_;
  std::string name_ = "fuzz-export";
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    fuzz::ImportChecked(TextArchive(fuzz::Text(data, size)));
  } catch (const Error&) {
  }
  return 0;
}
