// The one error hierarchy of gpulca. Every module throws a subclass of
// gpulca::Error; third-party exceptions are converted at the boundary of the
// module that owns the library. `main` catches Error and maps it to an exit
// code. Messages say where (file:line, flow id, process id) and why.
// Header only and below every library (docs/architecture.md): the engine,
// the graph and the inventory all throw these.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace gpulca {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Input files that do not parse or do not validate (TOML, CSV, JSON-LD).
class InputError : public Error {
 public:
  using Error::Error;
};

// A unit that is unknown, or that does not fit the flow's dimension.
class UnitError : public Error {
 public:
  using Error::Error;
};

// A formula that does not parse, names an unknown parameter, is circular,
// or evaluates to a number that is not finite. what() says where and why;
// reason() says why alone ("evaluates to inf", muparser's complaint), for a
// caller that reports the place itself.
class FormulaError : public Error {
 public:
  using Error::Error;
  FormulaError(const std::string& what, std::string reason)
      : Error(what), reason_(std::move(reason)) {}
  // The reason given, else the whole message.
  std::string reason() const { return reason_.empty() ? what() : reason_; }

 private:
  std::string reason_;
};

// A lookup of an id that the database does not hold (flow, process, GPU…).
class NotFound : public Error {
 public:
  using Error::Error;
};

// The store could not be read or written.
class StoreError : public Error {
 public:
  using Error::Error;
};

// A database file written by another schema version.
class SchemaMismatch : public StoreError {
 public:
  using StoreError::StoreError;
};

// A database of another schema version that holds data added after its
// build: rebuilding it from its sources replays them (RebuildDatabase).
class SchemaMismatchWithAdditions : public SchemaMismatch {
 public:
  using SchemaMismatch::SchemaMismatch;
};

// The product system cannot be built: missing or ambiguous provider.
class LinkError : public Error {
 public:
  using Error::Error;
};

// The technosphere cannot be solved: singular, or a loop that diverges.
class SolveError : public Error {
 public:
  using Error::Error;
};

// A recorded audit that no longer verifies: a broken hash chain, or results
// that do not reproduce.
class VerificationError : public Error {
 public:
  using Error::Error;
};

// A value outside its domain, given by the caller: a die area that is not
// positive, a name that is none of the choices, a parameter whose value
// (after overrides) breaks its rule. The message says what is wrong in the
// library's words and begins with argument(), the name of the value at fault
// as the library's interface calls it ("region", "parameter pue"), so that a
// front end can name the option that set it; argument() is empty when no
// single value is at fault.
class InvalidArgument : public Error {
 public:
  explicit InvalidArgument(const std::string& message) : Error(message) {}
  InvalidArgument(std::string argument, const std::string& message)
      : Error(message), argument_(std::move(argument)) {}
  const std::string& argument() const { return argument_; }

 private:
  std::string argument_;
};

}  // namespace gpulca
