// Internal: what a Letters handle holds (letters.yaml read), for the letters and the snapshot.
#ifndef IBSA_SRC_LETTER_LETTERS_DATA_H_
#define IBSA_SRC_LETTER_LETTERS_DATA_H_

#include <map>
#include <string>
#include <vector>

#include "ibsa/letters.h"

namespace ibsa::internal {

struct LettersData {
  std::map<std::string, LocalizedText> blanks;  // by slot name
  LocalizedText provision;
  std::map<std::string, SupervisoryAuthority> authorities;
  std::vector<LetterTemplate> kinds;
  // Member by member: the snapshot round-trip test compares the letters read back with the YAML's.
  friend bool operator==(const LettersData&, const LettersData&) = default;
};

// Whether `data` keeps what Letters::Parse ensures and WriteLetter relies on, for
// `jurisdictions` (the vocabulary's): a blank for exactly the slots that may be blank, an
// authority for exactly those jurisdictions, kinds declared once with at least one part,
// only known {slots}, and no child-abuse text that asks for the sender's name, e-mail or
// address. What a snapshot's reader checks: its bytes were not read from the YAML.
bool WellFormed(const LettersData& data, const std::vector<std::string>& jurisdictions);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LETTER_LETTERS_DATA_H_
