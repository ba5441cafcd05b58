// Usage errors: the command line's own (an option with a bad value, options
// that do not go together), and the library's InvalidArgument said in the
// command line's words. `main` prints both and exits 2.
#pragma once

#include <string>

#include "lca/error.h"

namespace gpulca::cli {

// A command-line option with a bad value, or options that do not go together.
class UsageError : public Error {
 public:
  using Error::Error;
};

// The message of `e` on the command line. A value that an option sets is
// named by the option ("region XX: ..." becomes "--region XX: ..."); a
// parameter's message ends with the options that may have set it
// ("... (check --pue, --set and --params)"). Any other message is the
// library's.
std::string UsageMessage(const InvalidArgument& e);

}  // namespace gpulca::cli
