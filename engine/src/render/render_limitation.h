// Internal: the "Limitation" part of every output, in one place for text, the reports and
// JSON (its wording) so that they say the same.
#ifndef IBSA_SRC_RENDER_RENDER_LIMITATION_H_
#define IBSA_SRC_RENDER_RENDER_LIMITATION_H_

#include <string>
#include <vector>

#include "ibsa/limitation.h"
#include "ibsa/text.h"

namespace ibsa::internal {

// The headline ("Limitation: TIME-BARRED on 2026-11-21: 5 years from ..."), then one line
// per reading of an unknown fact when more than one, then what ibsa cannot see.
std::vector<std::string> LimitationLines(const LimitationOutcome& outcome, Language language);
// What ibsa cannot see about the limitation (acts of prosecution, a court seized), once per
// provision; LimitationLines ends with these, indented.
std::vector<std::string> LimitationCaveats(const LimitationOutcome& outcome, Language language);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_RENDER_LIMITATION_H_
