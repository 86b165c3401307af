#include <string>

#include "ibsa/status.h"

namespace ibsa {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.location.file.empty()) {
    out += d.location.file;
    if (d.location.line > 0) {
      out += ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
    }
    out += ": ";
  }
  out += "error[" + d.code + "]: " + d.message + "\n";
  if (!d.excerpt.empty() && d.location.line > 0) {
    const std::string number = std::to_string(d.location.line);
    const std::string gutter(number.size(), ' ');
    out += " " + number + " | " + d.excerpt + "\n";
    out += " " + gutter + " | " + std::string(std::max(0, d.location.column - 1), ' ') +
           std::string(std::max(1, d.span), '^') + "\n";
  }
  for (const auto& line : d.help) out += "  = help: " + line + "\n";
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += FormatDiagnostic(d);
  return out;
}

}  // namespace ibsa
