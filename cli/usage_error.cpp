#include "cli/usage_error.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>

namespace gpulca::cli {
namespace {

// The options that set a value the library names (InvalidArgument::argument()).
constexpr std::pair<std::string_view, std::string_view> kOptions[] = {
    {"region", "--region"},
    {"fab region", "--fab-region"},
    {"node", "--node"},
    {"functional unit", "--per"},
    {"query_wh", "--query-wh"},
    {"queries_per_hour", "--queries-per-hour"},
    {"one-at-a-time parameter", "--oat"},
    {"override", "--set"},
    {"iterations", "--mc"},
    {"threads", "--threads"},
    {"parameter pue", "--pue"},
    {"parameter utilization", "--utilization"},
    {"parameter lifetime_years", "--lifetime-years"},
    {"supersedes", "--supersedes"},
};

std::string_view OptionOf(std::string_view argument) {
  for (const auto& [name, option] : kOptions) {
    if (name == argument) return option;
  }
  return {};
}

}  // namespace

std::string UsageMessage(const InvalidArgument& e) {
  const std::string_view argument = e.argument(), what = e.what();
  const std::string_view option = OptionOf(argument);
  if (argument.substr(0, 10) == "parameter ") {
    // Any parameter may come from --set or --params; some have an option too.
    return fmt::format("{} (check {}{}--set and --params)", what, option,
                       option.empty() ? "" : ", ");
  }
  if (!option.empty() && what.substr(0, argument.size()) == argument) {
    return fmt::format("{}{}", option, what.substr(argument.size()));
  }
  return std::string(what);
}

}  // namespace gpulca::cli
