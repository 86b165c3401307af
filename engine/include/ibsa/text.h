// File: text.h
// Text in the three working languages. Belgian law is official in Dutch and
// French; Dutch law has no official French text, so its French text describes
// rather than translates.
#ifndef IBSA_TEXT_H_
#define IBSA_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

namespace ibsa {

enum class Language { kNl, kFr, kEn };

std::optional<Language> ParseLanguage(std::string_view code);  // "nl", "fr", "en"
std::string_view LanguageCode(Language language);

struct LocalizedText {
  std::string nl;
  std::string fr;
  std::string en;

  // Falls back to English, then to any non-empty text, when a language is empty.
  const std::string& Get(Language language) const;
  bool empty() const { return nl.empty() && fr.empty() && en.empty(); }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

}  // namespace ibsa

#endif  // IBSA_TEXT_H_
