// What the libFuzzer targets (tests/fuzz/*_fuzz.cpp, docs/reliability.md,
// "Fuzzing") share. A target feeds one reader its input and catches
// gpulca::Error, the reader's refusal of bad input; anything else is a
// finding: another exception, a crash, a leak or a sanitizer report, and a
// broken promise that a target checks with Finding().
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "inventory/model/model.h"

namespace gpulca::fuzz {

// Reports `what` on stderr and aborts, so that libFuzzer keeps the input.
[[noreturn]] void Finding(const std::string& what);

// The promise of Validate() (inventory/model/validate.h) for an inventory
// it found no problem in: every number is finite, written and converted
// (an amount times its unit factor), and every reference amount is above 0.
void RequireFinite(const inventory::Inventory& inventory);

// A directory of this process's own under /dev/shm (else the temporary
// directory), for readers that take a path; removed when the process exits.
const std::filesystem::path& ScratchDir();

// The input as text.
inline std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace gpulca::fuzz
