// File: evidence.h
// What the law says of a case's evidence log (Case::evidence): which elements each item
// supports, which findings concern child sexual abuse material, and whether a file may be
// hashed for the case at all. A case's reader checks what it can without the law
// (CaseBuilder::AddEvidence); these need the law.
#ifndef IBSA_EVIDENCE_H_
#define IBSA_EVIDENCE_H_

#include <optional>
#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

// E0123 for each `supports` entry of `c`'s evidence that names no element of the law, at
// the entry: "RULE-ID.ELEMENT-ID" (an element of a rule of any version) or "ELEMENT-ID"
// (an element id some rule has). The help lists what is allowed: the rule's elements when
// the rule exists, the nearest names otherwise.
std::vector<Diagnostic> CheckEvidence(const Case& c, const Law& law);

// Whether `item` supports `element` of `rule`: it names "RULE-ID.ELEMENT-ID", or the bare
// element id.
bool Supports(const EvidenceItem& item, const Rule& rule, const Element& element);

// Whether `rule` concerns child sexual abuse material: an offence or a definition about an
// image's sexual content (its elements, or the rules they name, read `image.content`) that
// cannot hold when the image shows no minor and no one who appears to be one
// (`victim.minor` and `image.appears_minor` false, every other fact unknown). Read from the
// law's conditions, not from a list of articles.
bool ConcernsChildAbuseMaterial(const Law& law, const Rule& rule);

// "Report where the material is (its address) to the police or the hotline, not the file
// itself: ...", in `language`: said with every finding that concerns such material.
std::string ReportLocationNotFile(Language language);

// Why no file may be hashed for `c` (E0125), or nullopt when one may: the person shown is
// a minor or appears to be one, or a finding of `evaluation` (of `c`) that applies or may
// apply concerns child sexual abuse material. The message names the possession offences
// in force `today` in the case's jurisdiction (holding or copying the file is itself one)
// and says to record the address only.
std::optional<Diagnostic> RefuseFileHash(const Case& c, const Law& law, const Evaluation& evaluation, Date today);

// The SHA-256 of the file at `path` as 64 lowercase hexadecimal digits (what `sha256sum`
// prints), computed on this machine: the file is read in pieces, never copied, kept or
// sent. Errors: E0001 when it cannot be read or is not a regular file.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace ibsa

#endif  // IBSA_EVIDENCE_H_
