#include "render/evidence_render.h"

#include "ibsa/evidence.h"

namespace ibsa::internal {

const EvidenceWording& EvidenceWordingFor(Language language) {
  static const EvidenceWording kEn = {
      "Evidence",
      "Where the image was seen, and the SHA-256 of each file the user holds (computed on this machine; the "
      "files themselves are not copied or stored)",
      "evidence", "seen", "captured", "service", "account", "supports", "note"};
  static const EvidenceWording kNl = {
      "Bewijs",
      "Waar het beeld werd gezien, en de SHA-256 van elk bestand dat de gebruiker bewaart (op deze computer "
      "berekend; de bestanden zelf worden niet gekopieerd of bewaard)",
      "bewijs", "gezien", "vastgelegd", "dienst", "account", "ondersteunt", "opmerking"};
  static const EvidenceWording kFr = {
      "Preuves",
      "Où l'image a été vue, et l'empreinte SHA-256 de chaque fichier que l'utilisateur détient (calculée sur "
      "cet ordinateur ; les fichiers eux-mêmes ne sont ni copiés ni conservés)",
      "preuve", "vue le", "capturée le", "service", "compte", "étaye", "note"};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

std::vector<size_t> EvidenceFor(const std::vector<EvidenceItem>& evidence, const Rule& rule, const Element& element) {
  std::vector<size_t> items;
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (Supports(evidence[i], rule, element)) items.push_back(i);
  }
  return items;
}

std::string EvidenceNumber(size_t index) { return "#" + std::to_string(index + 1); }

std::string EvidenceSummary(const EvidenceItem& item, Language language, std::string (*escape)(const std::string&)) {
  const EvidenceWording& w = EvidenceWordingFor(language);
  const auto text = [&](const std::string& s) { return escape ? escape(s) : s; };
  std::string out = item.url.empty() ? "SHA-256 " + item.sha256 : text(item.url);
  std::string details;
  const auto add = [&](const std::string& part) { details += (details.empty() ? "" : "; ") + part; };
  if (!item.service.empty()) add(std::string(w.service) + " " + text(item.service));
  if (!item.account.empty()) add(std::string(w.account) + " " + text(item.account));
  if (item.seen_on) add(std::string(w.seen) + " " + item.seen_on->ToString());
  if (item.captured_on) add(std::string(w.captured) + " " + item.captured_on->ToString());
  if (!item.url.empty() && !item.sha256.empty()) add("SHA-256 " + item.sha256);
  if (!item.note.empty()) add(std::string(w.note) + ": " + text(item.note));
  if (!details.empty()) out += " (" + details + ")";
  return out;
}

}  // namespace ibsa::internal
