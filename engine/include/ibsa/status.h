// File: status.h
// Located diagnostics, and the Status and Result<T> types that every fallible public
// function returns. No exception crosses the public API: yaml-cpp, nlohmann and CLI11
// exceptions are caught inside the library or in main and become Diagnostics.
#ifndef IBSA_STATUS_H_
#define IBSA_STATUS_H_

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ibsa {

// A place in an input file. Lines and columns are 1-based (yaml-cpp's marks are
// 0-based and are converted on the way in); 0 means "not known".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// An error stops the command (no result); a warning is said and the command goes on.
enum class Severity { kError, kWarning };

// One problem found in a case file, a ruleset, the vocabulary or the command
// line. `code` is stable (see docs/errors.md); `message` names the fact, key or
// rule; `help` lines say what is allowed ("did you mean ...", "allowed: ...").
struct Diagnostic {
  std::string code;
  SourceLocation location;
  std::string message;
  std::vector<std::string> help;
  // The offending source line and how many columns to underline, when known.
  std::string excerpt;
  int span = 1;
  Severity severity = Severity::kError;
};

// GNU style: "file:line:col: error[E0102]: message" (or "warning[W0001]: ..."), then the source line with the
// span underlined, then each help line.
std::string FormatDiagnostic(const Diagnostic& diagnostic);
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);

// Either a value or the (non-empty) list of errors that prevented it.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(std::vector<Diagnostic> errors) : data_(std::move(errors)) {}  // NOLINT
  Result(Diagnostic error) : data_(std::vector<Diagnostic>{std::move(error)}) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  // REQUIRES: !ok()
  const std::vector<Diagnostic>& errors() const {
    return std::get<std::vector<Diagnostic>>(data_);
  }

 private:
  std::variant<T, std::vector<Diagnostic>> data_;
};

// Success, or the (non-empty) list of errors of a step that yields no value (saving a
// file, answering a question).
class [[nodiscard]] Status {
 public:
  static Status Ok() { return Status(); }
  Status(std::vector<Diagnostic> errors) : errors_(std::move(errors)) {}  // NOLINT: implicit by design
  Status(Diagnostic error) : errors_{std::move(error)} {}                // NOLINT

  bool ok() const { return errors_.empty(); }
  // REQUIRES: !ok()
  const std::vector<Diagnostic>& errors() const { return errors_; }

 private:
  Status() = default;
  std::vector<Diagnostic> errors_;
};

}  // namespace ibsa

#endif  // IBSA_STATUS_H_
