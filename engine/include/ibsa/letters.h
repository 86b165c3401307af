// File: letters.h
// Letters and notices written from a case and its findings: the notice to a hosting
// service of art. 16 DSA and the erasure request of art. 17 GDPR, in nl, fr and en. Their
// texts are data (rulesets/letters.yaml, docs/ruleset-format.md "Letters"), read once with
// the law. What ibsa must not keep (the sender's name, address and e-mail) is typed in
// when a letter is written (LetterFill) and goes only into the letter's text: no case file
// holds it and nothing logs it; what is not typed in is left as a marked blank "[...]".
#ifndef IBSA_LETTERS_H_
#define IBSA_LETTERS_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/date.h"
#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/status.h"
#include "ibsa/text.h"

namespace ibsa {

namespace internal {
struct LettersData;
class Access;
}  // namespace internal

// One part of a letter, in the letter's order.
struct LetterPart {
  std::string id;
  // The element of the law this part is ("16(2)(a)" of art. 16 DSA), when it is one.
  std::string element;
  LocalizedText text;
  // Its text instead when a finding concerns child sexual abuse material (art. 16(2)(c)
  // DSA asks no name then); empty: the same text.
  LocalizedText child_abuse_material;
  SourceLocation location;
  friend bool operator==(const LetterPart&, const LetterPart&) = default;
};

struct LetterTemplate {
  std::string kind;  // "dsa-notice", "gdpr-erasure": what `--kind` names
  LocalizedText title;
  std::vector<Source> sources;
  std::vector<LetterPart> parts;
  SourceLocation location;
  friend bool operator==(const LetterTemplate&, const LetterTemplate&) = default;
};

// The supervisory authority a data subject turns to (art. 77 GDPR) in one jurisdiction.
struct SupervisoryAuthority {
  LocalizedText name;  // with its address and its page
  std::vector<Source> sources;
  friend bool operator==(const SupervisoryAuthority&, const SupervisoryAuthority&) = default;
};

// What the user types in when a letter is written; never stored. Empty: a marked blank.
struct LetterFill {
  std::string name;
  std::string email;
  std::string address;
  std::string recipient;  // default: the services of the case's evidence log
};

// What a letter is written from: the case, its evaluation, the law, what was typed in and
// the letter's date.
struct LetterInput {
  const Case* c = nullptr;
  const Evaluation* evaluation = nullptr;
  const Law* law = nullptr;
  LetterFill fill;
  Date date = Date::FromDays(0);
};

class Letters {
 public:
  // rulesets/letters.yaml. Errors (located): unknown keys (E0101), a missing key (E0106),
  // a {slot} that is not one of the slots the text may use, a blank missing for a slot, a
  // jurisdiction of the vocabulary without its authority, a kind declared twice, a
  // child-abuse text that asks for the name or e-mail (E0205).
  static Result<Letters> Load(const std::string& path, const Vocabulary& vocabulary);
  static Result<Letters> Parse(const std::string& text, const std::string& file, const Vocabulary& vocabulary);

  const std::vector<LetterTemplate>& kinds() const;
  // nullptr for a kind the file does not declare.
  const LetterTemplate* Find(std::string_view kind) const;
  // The kinds' names, in the file's order: what `--kind` accepts.
  std::vector<std::string> KindNames() const;
  const SupervisoryAuthority* Authority(std::string_view jurisdiction) const;

 private:
  friend class internal::Access;
  friend Result<std::string> WriteLetter(const Letters&, std::string_view, const LetterInput&, Language);
  explicit Letters(std::shared_ptr<const internal::LettersData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::LettersData> data_;
};

// The letter of `kind` for `input`, in `language`: its parts in order, each slot filled or
// left as its marked blank. {provisions} lists the offence findings (applies or possible)
// with their heading, citation and the date from which the text applied was in force;
// {locations} the urls of the evidence log. Where a finding that applies or may apply
// concerns child sexual abuse material (ConcernsChildAbuseMaterial), each part with a
// `child_abuse_material` text uses it instead (such a text may not ask for the name, the
// e-mail or the address: checked when the file is read). Errors: E0103 for a kind the letters do not declare (the help lists
// them).
Result<std::string> WriteLetter(const Letters& letters, std::string_view kind, const LetterInput& input,
                                Language language);

// Whether a finding of `evaluation` that applies or may apply concerns child sexual abuse
// material: then a notice asks for no name (art. 16(2)(c) DSA).
bool AnyChildAbuseMaterial(const Evaluation& evaluation, const Law& law);

}  // namespace ibsa

#endif  // IBSA_LETTERS_H_
