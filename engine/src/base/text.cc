#include "ibsa/text.h"

namespace ibsa {

std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "nl") return Language::kNl;
  if (code == "fr") return Language::kFr;
  if (code == "en") return Language::kEn;
  return std::nullopt;
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kNl: return "nl";
    case Language::kFr: return "fr";
    case Language::kEn: return "en";
  }
  return "en";
}

const std::string& LocalizedText::Get(Language language) const {
  const std::string& wanted = language == Language::kNl ? nl : language == Language::kFr ? fr : en;
  if (!wanted.empty()) return wanted;
  if (!en.empty()) return en;
  return !nl.empty() ? nl : fr;
}

}  // namespace ibsa
