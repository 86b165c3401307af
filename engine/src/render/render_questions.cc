#include <string>

#include "ibsa/render.h"

namespace ibsa {
namespace {

struct QuestionWording {
  const char* heading;
  const char* decides;
  const char* none;
  const char* levels[4];  // by sensitivity; 0: not declared
};

const QuestionWording& WordingFor(Language language) {
  static const QuestionWording kEn = {
      "Questions to ask next (neutral before intrusive; each changes at least one finding)",
      "would decide", "No question left whose answer would change a finding.",
      {"sensitivity not declared", "neutral", "personal", "intimate"}};
  static const QuestionWording kNl = {
      "Vragen om nog te stellen (neutrale voor ingrijpende; elk verandert minstens één bevinding)",
      "beslist over", "Geen vraag meer waarvan het antwoord een bevinding verandert.",
      {"gevoeligheid niet opgegeven", "neutraal", "persoonlijk", "intiem"}};
  static const QuestionWording kFr = {
      "Questions à poser ensuite (neutres avant intrusives ; chacune change au moins un constat)",
      "tranche", "Plus aucune question dont la réponse changerait un constat.",
      {"sensibilité non déclarée", "neutre", "personnelle", "intime"}};
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

}  // namespace

std::string RenderQuestionsText(const std::vector<Question>& questions, Language language) {
  const QuestionWording& w = WordingFor(language);
  std::string out = std::string("\n== ") + w.heading + " ==\n\n";
  if (questions.empty()) return out + "  " + w.none + "\n";
  int n = 0;
  for (const auto& q : questions) {
    const std::string& text = q.fact->question.Get(language).empty() ? q.fact->label.Get(language)
                                                                     : q.fact->question.Get(language);
    out += "  " + std::to_string(++n) + ". " + text;
    if (!q.member.empty()) out += " [" + q.member + "]";
    const int level = q.fact->sensitivity >= 0 && q.fact->sensitivity <= 3 ? q.fact->sensitivity : 0;
    out += "\n     (" + q.fact->name + (q.member.empty() ? "" : ": " + q.member) + "; " + w.levels[level] +
           ") " + w.decides + ": ";
    for (size_t i = 0; i < q.decides.size(); ++i) {
      if (i > 0) out += ", ";
      out += q.decides[i].rule->id;
    }
    out += "\n";
  }
  return out;
}

}  // namespace ibsa
