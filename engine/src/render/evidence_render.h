// Internal: the case's evidence log in the outputs (text, JSON, reports): its words in nl,
// fr and en, which items support an element, and how one item reads. Kept apart from the
// renderers so that each shows the log the same way.
#ifndef IBSA_SRC_RENDER_EVIDENCE_RENDER_H_
#define IBSA_SRC_RENDER_EVIDENCE_RENDER_H_

#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/law.h"
#include "ibsa/text.h"

namespace ibsa::internal {

struct EvidenceWording {
  const char* heading;      // "Evidence"
  const char* intro;        // what the index holds, and that no file is stored
  const char* evidence;     // before the items under an element
  const char* seen;
  const char* captured;
  const char* service;
  const char* account;
  const char* supports;
  const char* note;
};
const EvidenceWording& EvidenceWordingFor(Language language);

// The indexes (0-based) of the items of `evidence` that support `element` of `rule`.
std::vector<size_t> EvidenceFor(const std::vector<EvidenceItem>& evidence, const Rule& rule, const Element& element);

// "#2" for the item of index 1: how every output numbers the items.
std::string EvidenceNumber(size_t index);

// One item in a line: where it was seen (or its file's hash), the service and account,
// the dates, the hash. `escape` marks case text for a report (identity for text).
std::string EvidenceSummary(const EvidenceItem& item, Language language,
                            std::string (*escape)(const std::string&) = nullptr);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_EVIDENCE_RENDER_H_
