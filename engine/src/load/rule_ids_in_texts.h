// Internal: a rule's id written in a text people read ("see be.sw.136.only-to-victim"). The
// id is the engine's name for a rule, which no lawyer or officer can read; the loader prints
// it as the rule's citation in each language ("art. 136 C. pén."), so that every output
// (text, JSON, reports, the API, the page) says the same, and refuses a token shaped like a
// rule's id that names none.
#ifndef IBSA_SRC_LOAD_RULE_IDS_IN_TEXTS_H_
#define IBSA_SRC_LOAD_RULE_IDS_IN_TEXTS_H_

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ibsa/status.h"
#include "load/law_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa::internal {

// Where a token that may be a rule's id stands in a ruleset file, found while the file is
// read: whether it names a rule is known only once every file is read, and the error must
// still point at the token.
struct IdTokenAt {
  std::string file;
  std::string text;      // the whole text, as read (one language)
  size_t at = 0;         // the token's offset in `text`
  SourceLocation where;  // the token in the file
  std::string excerpt;   // its line in the file
};

struct IdToken {
  size_t at = 0;
  size_t size = 0;
};

// "be.", "nl.", "eu.": the vocabulary's jurisdictions and those whose law applies alongside
// them, in lower case, as every id begins.
std::vector<std::string> IdPrefixes(const LawData& law);

// The tokens of `text` shaped like an id: a prefix, an instrument in lower-case letters, a
// dot, then lower-case letters, digits, dots, hyphens and underscores (a final dot ends the
// sentence, not the id). Not inside a word, a web address or a file path: the token must not
// follow a letter, a digit or one of "./:@_-". Cheap on a text without any prefix (a few
// finds), which most texts are.
std::vector<IdToken> IdTokens(std::string_view text, const std::vector<std::string>& prefixes);

// Records the tokens of the texts of `node` (a {nl, fr, en} map just read), with where each
// stands in the file.
void LocateIdTokens(const YamlReader& reader, const YAML::Node& node, const std::vector<std::string>& prefixes,
                    std::vector<IdTokenAt>& out);

// Once every file is read: in every text people read of every version (titles, notes,
// certainty reasons, element and aggravation labels, penalty notes, the level table's
// notes), each token that is exactly a rule's id becomes that rule's citation in the text's
// language (`Citation`, render.h; the rule's title where it has no article). The id is
// looked up in the text's own version, then in the other versions of its instrument (the
// latest first, bills last), then anywhere. A version's id (`eu.csad.2024-02-06`, what
// `--with` takes) stays as written. A token whose part after the instrument begins with a
// digit (an article) and that names no rule, or that has a version's shape and names no
// version, is error E0208 at the token (`located`), with what may stand there.
void CiteRuleIds(LawData& law, const std::vector<IdTokenAt>& located, std::vector<Diagnostic>& diagnostics);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_LOAD_RULE_IDS_IN_TEXTS_H_
