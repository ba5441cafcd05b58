#include "inventory/model/bounded_read.h"

#include <fmt/format.h>

#include <fstream>

#include "lca/error.h"

namespace gpulca::inventory {

std::string ReadFileBounded(const std::string& path, size_t limit, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", path));
  std::string data;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    data.append(buffer, static_cast<size_t>(in.gcount()));
    if (data.size() > limit) {
      throw InputError(fmt::format("{}: more than {} MB, where {} is far smaller; not read", path,
                                   limit >> 20, what));
    }
  }
  if (in.bad()) throw InputError(fmt::format("{}: cannot be read", path));
  return data;
}

}  // namespace gpulca::inventory
