#include <algorithm>
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
  out += (d.severity == Severity::kWarning ? "warning[" : "error[") + d.code + "]: " + d.message + "\n";
  if (!d.excerpt.empty() && d.location.line > 0) {
    const std::string number = std::to_string(d.location.line);
    const std::string gutter(number.size(), ' ');
    // Long lines are shown as a window around the column, so that one error cannot
    // flood the terminal.
    constexpr int kWindow = 60;
    std::string line = d.excerpt;
    // A diagnostic renders whatever its place: a column past the end of the line is shown
    // at the end.
    int caret = std::clamp(d.location.column - 1, 0, static_cast<int>(line.size()));
    int span = std::max(1, d.span);
    if (static_cast<int>(line.size()) > 2 * kWindow + 40) {
      int start = std::max(0, caret - kWindow);
      int end = std::min<int>(line.size(), caret + kWindow);
      // Whole UTF-8 characters only: the window's edges move off continuation bytes.
      auto continuation = [&](int at) {
        return at < static_cast<int>(line.size()) && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80;
      };
      while (start > 0 && continuation(start)) --start;
      while (end > start && continuation(end)) --end;
      line = (start > 0 ? "..." : "") + line.substr(start, end - start) +
             (end < static_cast<int>(line.size()) ? "..." : "");
      caret = caret - start + (start > 0 ? 3 : 0);
      span = std::min(span, kWindow);
    }
    out += " " + number + " | " + line + "\n";
    out += " " + gutter + " | " + std::string(caret, ' ') + std::string(span, '^') + "\n";
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
