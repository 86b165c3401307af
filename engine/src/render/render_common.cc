#include "render/render_common.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "ibsa/render.h"

namespace ibsa::internal {
namespace {

const Wording kNl = {
    "ibsa: beslissingsondersteuning, geen juridisch advies. Controleer elke bevinding aan de bronnen.",
    "Zaak", "datum van de feiten", "recht zoals geldend op", "met voorstellen",
    "VAN TOEPASSING", "MOGELIJK", "Versie", "in werking", "tot", "open", "voor handeling",
    "datum van de zaak", "Zekerheid", "Bestanddelen", "Verzwarende omstandigheden", "Straf",
    "straf niet geverifieerd", "Toelichting", "Bronnen", "Te beslissen door", "Nog te stellen vragen",
    "Geen bepaling is van toepassing of mogelijk op grond van de gegeven feiten.",
    "Geen gecodeerde versie", "geen versie in werking op", "gecodeerd", "geen versie gecodeerd",
    "Niet van toepassing (--explain)", "niet vervuld", "gevangenisstraf", "maanden", "jaar", "jaar",
    "geldboete", "opdeciemen", "geldboete van de categorie", "strafniveau", "en", "of", "en/of",
    "vervuld", "niet vervuld", "onbekend",
    "Wetsvoorstel, geen geldend recht: alleen getoond omdat het met --with is gevraagd.", "Steunt op"};

const Wording kFr = {
    "ibsa : aide à la décision, pas un avis juridique. Vérifiez chaque résultat dans les sources.",
    "Affaire", "date des faits", "droit en vigueur au", "avec propositions",
    "S'APPLIQUE", "POSSIBLE", "Version", "en vigueur", "au", "ouverte", "pour l'acte",
    "date de l'affaire", "Certitude", "Éléments constitutifs", "Circonstances aggravantes", "Peine",
    "peine non vérifiée", "Note", "Sources", "À trancher par", "Questions à poser",
    "Aucune disposition ne s'applique ni n'est possible au vu des faits donnés.",
    "Aucune version encodée", "aucune version en vigueur le", "encodées", "aucune version encodée",
    "Ne s'applique pas (--explain)", "non rempli", "emprisonnement", "mois", "an", "ans",
    "amende", "décimes additionnels", "amende de la catégorie", "niveau de peine", "et", "ou", "et/ou",
    "rempli", "non rempli", "inconnu",
    "Proposition de loi, pas du droit en vigueur : affichée seulement parce que --with la demande.", "Repose sur"};

const Wording kEn = {
    "ibsa: decision support, not legal advice. Check every finding against its sources.",
    "Case", "date of the facts", "law as in force on", "with proposals",
    "APPLIES", "POSSIBLE", "Version", "in force", "to", "open", "for act",
    "case date", "Certainty", "Elements", "Aggravating circumstances", "Penalty",
    "penalty not verified", "Note", "Sources", "To decide it", "Questions still to ask",
    "No provision applies or may apply on the facts given.",
    "No encoded version", "no version in force on", "encoded", "no version encoded",
    "Not applying (--explain)", "not met", "prison", "months", "year", "years",
    "fine", "surcharge multiplier", "fine of category", "penalty level", "and", "or", "and/or",
    "met", "not met", "unknown",
    "A bill, not law in force: shown only because --with asked for it.", "Rests on"};

// Digits grouped as each language writes amounts: 10,000 / 10.000 / 10 000.
std::string Thousands(int64_t n, Language language) {
  const char* separator = language == Language::kNl ? "." : language == Language::kFr ? " " : ",";
  // Negated as unsigned: -n overflows for the least int64_t (a damaged snapshot's amount).
  std::string digits = std::to_string(n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string Duration(int64_t months, const Wording& w) {
  if (months == 12) return std::string("1 ") + w.year;
  if (months % 12 == 0) return std::to_string(months / 12) + " " + w.years;
  return std::to_string(months) + " " + w.months;
}

std::string RangeText(const Range& r, const Wording& w, bool money, Language language) {
  auto one = [&](int64_t v) {
    if (!money) return Duration(v, w);
    return language == Language::kEn ? "EUR " + Thousands(v, language) : Thousands(v, language) + " EUR";
  };
  if (r.min && r.max && r.min_exclusive) {
    // "de plus de 3 ans à 5 ans", "meer dan 3 jaar tot 5 jaar", "more than 3 years to 5 years".
    if (language == Language::kFr) return "de plus de " + one(*r.min) + " à " + one(*r.max);
    if (language == Language::kNl) return "van meer dan " + one(*r.min) + " tot " + one(*r.max);
    return "more than " + one(*r.min) + " to " + one(*r.max);
  }
  if (r.min && r.max) {
    // "de 6 mois à 5 ans" in French; "6 maanden tot 5 jaar", "6 months to 5 years".
    if (language == Language::kFr) return "de " + one(*r.min) + " à " + one(*r.max);
    return one(*r.min) + " " + w.to + " " + one(*r.max);
  }
  if (r.max) return "max. " + one(*r.max);
  if (r.min) return "min. " + one(*r.min);
  return "";
}

// "niveau 3 : emprisonnement de plus de 3 ans à 5 ans ; amende accessoire de 200 EUR à
// 10 000 EUR": a level with the ranges its code gives it (Belgian Book I arts 36, 52).
std::string LevelSummary(const Penalty& p, Language language) {
  const Wording& w = WordingFor(language);
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  std::string out = LevelName(*p.level, language) + (fr ? " : " : ": ");
  std::string parts;
  auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : fr ? " ; " : "; ") + part; };
  // Dutch says "van 200 EUR tot 10.000 EUR" as it says "van meer dan 3 jaar tot 5 jaar".
  auto range = [&](const Range& r, bool money) {
    return (nl && !r.min_exclusive && r.min && r.max ? "van " : "") + RangeText(r, w, money, language);
  };
  if (p.prison_months) add(std::string(w.prison) + " " + range(*p.prison_months, false));
  if (p.fine_eur) add(std::string(w.fine) + " " + range(*p.fine_eur, true));
  if (p.accessory_fine_eur) {
    add(std::string(nl ? "bijkomende geldboete" : fr ? "amende accessoire" : "accessory fine") + " " +
        range(*p.accessory_fine_eur, true));
  }
  return out + parts;
}

}  // namespace

const Wording& WordingFor(Language language) {
  switch (language) {
    case Language::kNl: return kNl;
    case Language::kFr: return kFr;
    case Language::kEn: return kEn;
  }
  return kEn;
}

std::string XmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string TruthWord(Truth truth, const Wording& w) {
  switch (truth) {
    case Truth::kTrue: return w.met;
    case Truth::kFalse: return w.not_met;
    case Truth::kUnknown: return w.unknown;
  }
  return "";
}

std::string CertaintyWord(Certainty certainty, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  switch (certainty) {
    // French agrees with "certitude" (feminine), the word it follows.
    case Certainty::kSettled: return nl ? "vaststaand" : fr ? "établie" : "settled";
    case Certainty::kLikely: return nl ? "waarschijnlijk" : fr ? "probable" : "likely";
    case Certainty::kContested: return nl ? "betwist" : fr ? "contestée" : "contested";
    case Certainty::kUnverified: return nl ? "niet geverifieerd" : fr ? "non vérifiée" : "unverified";
  }
  return "";
}

std::string CertaintyReason(const Finding& finding, Language language) {
  const FindingVersion& from = finding.certainty_from;
  if (from.rule == nullptr) return finding.rule->certainty_reason.Get(language);
  const std::string cited = Citation(*from.rule, *from.version, language);
  std::string reason = std::string(WordingFor(language).rests_on) + " " + (cited.empty() ? from.rule->title.Get(language) : cited);
  if (!from.rule->certainty_reason.empty()) reason += ": " + from.rule->certainty_reason.Get(language);
  return reason;
}

std::string KindWord(RuleKind kind, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  switch (kind) {
    case RuleKind::kOffence: return nl ? "misdrijf" : fr ? "infraction" : "offence";
    case RuleKind::kObligation: return nl ? "verplichting" : fr ? "obligation" : "obligation";
    case RuleKind::kRemedy: return nl ? "rechtsmiddel" : fr ? "recours" : "remedy";
    case RuleKind::kReferral: return nl ? "doorverwijzing" : fr ? "orientation" : "referral";
    case RuleKind::kGap: return nl ? "leemte" : fr ? "lacune" : "gap";
    case RuleKind::kDefinition: return nl ? "begrip" : fr ? "notion" : "definition";
    case RuleKind::kStateDuty:
      return nl ? "verplichting van de lidstaat" : fr ? "obligation de l'État membre" : "duty of the Member State";
  }
  return "";
}

std::string LexMitiorLead(Language language) {
  switch (language) {
    case Language::kNl: return "Mildste wet (beoordeeld op";
    case Language::kFr: return "Loi la plus douce (appréciée au";
    case Language::kEn: return "Lex mitior (assessed on";
  }
  return "";
}

std::string SuccessorArticles(const LexMitior& lm) {
  // Several rules of the later version may read one article (art. 252 Sr under each of its
  // variants): the reader is told the article once.
  std::vector<std::string> articles;
  for (const Rule* successor : lm.successors) {
    const bool numbered = !successor->article.empty() && std::isdigit(static_cast<unsigned char>(successor->article[0]));
    std::string article = (numbered ? "art. " : "") + successor->article;
    if (std::find(articles.begin(), articles.end(), article) == articles.end()) articles.push_back(std::move(article));
  }
  std::string out;
  for (const auto& a : articles) out += (out.empty() ? "" : ", ") + a;
  return out;
}

std::string FavourableWord(Favourable favourable, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  switch (favourable) {
    case Favourable::kEarlier:
      return nl ? "gunstiger: de wet ten tijde van de feiten" : fr ? "plus favorable : la loi au moment des faits"
                                                               : "more favourable: the law at the time of the act";
    case Favourable::kLater:
      return nl ? "gunstiger: de wet op de datum van beoordeling" : fr ? "plus favorable : la loi à la date d'appréciation"
                                                                  : "more favourable: the law at the assessment date";
    case Favourable::kSame:
      return nl ? "geen verschil in straf" : fr ? "pas de différence de peine" : "no difference in penalty";
    case Favourable::kUndetermined:
      return nl ? "niet bepaald; vergelijk zelf" : fr ? "non déterminé ; à comparer soi-même" : "undetermined; compare by hand";
  }
  return "";
}

std::string BasisWord(ComparisonBasis basis, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  switch (basis) {
    case ComparisonBasis::kNotCoveredLater:
      return nl ? "de bestanddelen van de latere bepaling zijn niet vervuld" : fr ? "les éléments de la disposition ultérieure ne sont pas réunis"
                                                                                : "the later provision's elements are not met";
    case ComparisonBasis::kNoSuccessor:
      return nl ? "geen bepaling van de latere versie zet deze voort" : fr ? "aucune disposition de la version ultérieure ne la prolonge"
                                                                       : "no provision of the later version continues this one";
    case ComparisonBasis::kNoLaterVersion:
      return nl ? "geen versie gecodeerd voor de datum van beoordeling" : fr ? "aucune version encodée pour la date d'appréciation"
                                                                         : "no version is encoded for the assessment date";
    case ComparisonBasis::kSuccessorUnknown:
      return nl ? "of de latere bepaling vervuld is, hangt af van onbekende feiten" : fr ? "l'application de la disposition ultérieure dépend de faits inconnus"
                                                                                     : "whether the later provision is met depends on unknown facts";
    case ComparisonBasis::kPenaltyUnverified:
      return nl ? "een te vergelijken straf is niet geverifieerd" : fr ? "une peine à comparer n'est pas vérifiée"
                                                                   : "a penalty to compare is not verified";
    case ComparisonBasis::kMaximumPrison:
      return nl ? "maximale gevangenisstraf" : fr ? "maximum de l'emprisonnement" : "maximum prison term";
    case ComparisonBasis::kMinimumPrison:
      return nl ? "minimale gevangenisstraf" : fr ? "minimum de l'emprisonnement" : "minimum prison term";
    case ComparisonBasis::kMaximumFine:
      return nl ? "maximale geldboete" : fr ? "maximum de l'amende" : "maximum fine";
    case ComparisonBasis::kLevel:
      return nl ? "strafniveau" : fr ? "niveau de peine" : "penalty level";
    case ComparisonBasis::kSamePenalty:
      return nl ? "dezelfde straf" : fr ? "même peine" : "same penalty";
    case ComparisonBasis::kProvisionUnverified:
      return nl ? "een te vergelijken bepaling is niet geverifieerd" : fr ? "une disposition à comparer n'est pas vérifiée"
                                                                     : "a provision to compare is not verified";
  }
  return "";
}

namespace {

const char* const kMonthsNl[] = {"januari", "februari", "maart", "april", "mei", "juni",
                                 "juli", "augustus", "september", "oktober", "november", "december"};
const char* const kMonthsFr[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                 "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsEn[] = {"January", "February", "March", "April", "May", "June",
                                 "July", "August", "September", "October", "November", "December"};

std::string MonthName(int month, Language language) {
  const char* const* names = language == Language::kNl ? kMonthsNl : language == Language::kFr ? kMonthsFr : kMonthsEn;
  return names[month - 1];
}

// One end of a period, at the precision it was given.
std::string PeriodEndText(Date day, DatePrecision precision, Language language) {
  switch (precision) {
    case DatePrecision::kDay: return DayText(day, language);
    case DatePrecision::kMonth: return MonthName(day.month(), language) + " " + std::to_string(day.year());
    case DatePrecision::kYear: return std::to_string(day.year());
  }
  return day.ToString();
}

}  // namespace

std::string DayText(Date day, Language language) {
  const std::string number = language == Language::kFr && day.day() == 1 ? "1er" : std::to_string(day.day());
  return number + " " + MonthName(day.month(), language) + " " + std::to_string(day.year());
}

std::string PeriodText(const DatePeriod& period, Language language) {
  if (period.exact() && period.from_precision == DatePrecision::kDay) return period.earliest.ToString();
  const std::string from = PeriodEndText(period.earliest, period.from_precision, language);
  if (!period.range) return from;
  if (period.from_precision == DatePrecision::kMonth && period.to_precision == DatePrecision::kMonth &&
      period.earliest.year() == period.latest.year()) {
    return MonthName(period.earliest.month(), language) + "–" + MonthName(period.latest.month(), language) + " " +
           std::to_string(period.latest.year());
  }
  return from + " – " + PeriodEndText(period.latest, period.to_precision, language);
}

std::string DayDecidesLine(const Finding& finding, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  const RulesetVersion& v = *finding.version;
  std::string when = v.in_force_until ? (nl   ? "van " + DayText(v.in_force_from, language) + " tot en met " +
                                                     DayText(*v.in_force_until, language)
                                         : fr ? "du " + DayText(v.in_force_from, language) + " au " +
                                                    DayText(*v.in_force_until, language)
                                              : "from " + DayText(v.in_force_from, language) + " to " +
                                                    DayText(*v.in_force_until, language))
                                      : (nl ? "vanaf " : fr ? "à partir du " : "from ") + DayText(v.in_force_from, language);
  // The first date that selected it (a finding of several acts lists them all above).
  const std::string given = finding.anchors.empty() ? "" : PeriodText(finding.anchors.front().period, language);
  return nl   ? "De dag beslist: deze versie geldt " + when + "; de opgegeven datum is " + given + "."
         : fr ? "Le jour décide : cette version est en vigueur " + when + " ; la date donnée est " + given + "."
              : "The day decides: this version is in force " + when + "; the date given is " + given + ".";
}

std::string DayFactLabel(const std::string& name, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  if (name == kDateOfFactsName) return nl ? "de dag van de feiten" : fr ? "le jour des faits" : "the day of the facts";
  const std::string act = name.size() > 10 ? name.substr(5, name.size() - 10) : name;  // acts.X.date
  return nl ? "de dag van de handeling '" + act + "'" : fr ? "le jour de l'acte « " + act + " »" : "the day of the act '" + act + "'";
}

std::string DayFactText(const std::string& name, const Evaluation& evaluation, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  // Which date it is, and the period given.
  std::string which;
  std::optional<DatePeriod> period;
  const std::string act = name == kDateOfFactsName ? "" : name.substr(5, name.size() - 10);  // acts.X.date
  for (const Finding& f : evaluation.findings) {
    if (std::find(f.missing.begin(), f.missing.end(), name) == f.missing.end()) continue;
    for (const Anchor& a : f.anchors) {
      if (act.empty() || a.act == act) period = act.empty() ? evaluation.period : a.period;
    }
  }
  which = DayFactLabel(name, language);
  which[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(which[0])));
  if (period) which += " (" + PeriodText(*period, language) + ")";
  // The versions it chooses between, in the order they came into force, each with the
  // provisions whose finding it decides.
  std::vector<const RulesetVersion*> versions;
  for (const Finding& f : evaluation.findings) {
    if (!f.day_decides || std::find(f.missing.begin(), f.missing.end(), name) == f.missing.end()) continue;
    if (std::find(versions.begin(), versions.end(), f.version) == versions.end()) versions.push_back(f.version);
  }
  std::stable_sort(versions.begin(), versions.end(), [](const RulesetVersion* a, const RulesetVersion* b) {
    return a->in_force_from < b->in_force_from;
  });
  std::string out = which + (nl ? " beslist" : fr ? " décide" : " decides");
  std::string parts;
  for (const RulesetVersion* v : versions) {
    std::vector<std::string> cites;
    for (const Finding& f : evaluation.findings) {
      if (f.version != v || !f.day_decides || std::find(f.missing.begin(), f.missing.end(), name) == f.missing.end()) continue;
      const std::string cite = f.rule->article.empty() || f.rule->article == "-" ? f.rule->title.Get(language)
                                                                                 : Citation(*f.rule, *v, language);
      if (std::find(cites.begin(), cites.end(), cite) == cites.end()) cites.push_back(cite);
    }
    std::string when;
    if (period && v->in_force_from <= period->earliest && v->in_force_until) {
      when = (nl ? "vóór " : fr ? "avant le " : "before ") + DayText(v->in_force_until->AddDays(1), language);
    } else {
      when = (nl ? "vanaf " : fr ? "à partir du " : "from ") + DayText(v->in_force_from, language);
      if (period && v->in_force_until && *v->in_force_until < period->latest) {
        when += (nl ? " tot en met " : fr ? " au " : " to ") + DayText(*v->in_force_until, language);
      }
    }
    std::string list;
    for (const auto& c : cites) list += (list.empty() ? "" : ", ") + c;
    parts += (parts.empty() ? "" : fr ? " ; " : "; ") + when + (fr ? " : " : ": ") + list;
  }
  return out + (parts.empty() ? "" : (fr ? " : " : ": ") + parts);
}

std::string VersionsText(const Finding& finding, Language language, bool titles) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  const std::vector<FindingVersion> versions = VersionsOf(finding);
  std::string out;
  for (size_t i = 0; i < versions.size(); ++i) {
    const RulesetVersion& v = *versions[i].version;
    const std::string from = v.in_force_from.ToString();
    const std::string until = v.in_force_until ? v.in_force_until->ToString() : "";
    // The first version is read up to its end, the last from its start: the period's own
    // days are in the date line beside it.
    std::string when;
    if (i == 0 && !until.empty()) {
      when = (nl ? "tot en met " : fr ? "jusqu'au " : "to ") + until;
    } else if (i + 1 < versions.size() && !until.empty()) {
      when = nl ? "van " + from + " tot en met " + until : fr ? "du " + from + " au " + until : "from " + from + " to " + until;
    } else {
      when = (nl ? "vanaf " : fr ? "à partir du " : "from ") + from;
    }
    if (i > 0) out += i + 1 < versions.size() ? ", " : nl ? " en " : fr ? " et " : " and ";
    out += (titles ? v.title.Get(language) : v.id) + " (" + when + ")";
  }
  return out;
}

namespace {

void AddSourcesOnce(std::vector<Source>& out, const std::vector<Source>& sources) {
  for (const Source& s : sources) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
}

// An element or aggravation of a finding that rests on several versions: its sources in each
// of them (the part of the same id), each source once.
template <typename Part>
std::vector<Source> PartSources(const Finding& finding, const Part& part, const std::vector<Part> Rule::*parts) {
  if (finding.versions.empty()) return part.sources;
  std::vector<Source> out;
  for (const FindingVersion& v : finding.versions) {
    for (const Part& p : v.rule->*parts) {
      if (p.id == part.id) AddSourcesOnce(out, p.sources);
    }
  }
  return out;
}

}  // namespace

std::vector<Source> FindingSources(const Finding& finding) {
  if (finding.versions.empty()) return finding.rule->sources;
  std::vector<Source> out;
  for (const FindingVersion& v : finding.versions) AddSourcesOnce(out, v.rule->sources);
  return out;
}

std::vector<Source> ElementSources(const Finding& finding, const Element& element) {
  return PartSources(finding, element, &Rule::elements);
}

std::vector<Source> AggravationSources(const Finding& finding, const Aggravation& aggravation) {
  return PartSources(finding, aggravation, &Rule::aggravations);
}

std::string InForceText(const RulesetVersion& version, Language language) {
  const std::string from = version.in_force_from.ToString();
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  if (!version.in_force_until) {
    return nl ? "in werking sinds " + from : fr ? "en vigueur depuis le " + from : "in force since " + from;
  }
  const std::string until = version.in_force_until->ToString();
  return nl ? "in werking van " + from + " tot " + until
            : fr ? "en vigueur du " + from + " au " + until : "in force from " + from + " to " + until;
}

std::string KindHeading(RuleKind kind, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  switch (kind) {
    case RuleKind::kOffence: return nl ? "Misdrijven" : fr ? "Infractions" : "Offences";
    case RuleKind::kDefinition: return nl ? "Begrippen" : fr ? "Notions" : "Definitions";
    case RuleKind::kObligation: return nl ? "Verplichtingen" : fr ? "Obligations" : "Obligations";
    case RuleKind::kRemedy: return nl ? "Rechtsmiddelen" : fr ? "Recours" : "Remedies";
    case RuleKind::kReferral:
      return nl ? "Doorverwijzing en volgende stappen" : fr ? "Orientation et prochaines étapes"
                                                           : "Referrals and next steps";
    case RuleKind::kGap: return nl ? "Leemtes" : fr ? "Lacunes" : "Gaps";
    case RuleKind::kStateDuty:
      return nl ? "Verplichtingen van de lidstaat (richtlijnen)" : fr ? "Obligations de l'État membre (directives)"
                                                                   : "Duties of the Member State (directives)";
  }
  return "";
}

std::string FindingHeading(const Finding& finding, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  const bool applies = finding.status == FindingStatus::kApplies;
  const std::string possible = WordingFor(language).possible;
  // What the finding is, when "applies" would say more than the law does.
  std::string what;
  switch (finding.rule->kind) {
    case RuleKind::kDefinition: what = nl ? "VERVULD" : fr ? "REMPLIE" : "MET"; break;
    case RuleKind::kStateDuty:
      what = nl ? "PLICHT VAN DE LIDSTAAT" : fr ? "OBLIGATION DE L'ÉTAT" : "DUTY OF THE STATE";
      break;
    case RuleKind::kOffence:
    case RuleKind::kObligation:
    case RuleKind::kRemedy:
    case RuleKind::kReferral:
    case RuleKind::kGap:
      break;
  }
  std::string reading;
  switch (finding.certainty) {
    case Certainty::kContested: reading = nl ? "BETWIST" : fr ? "CONTESTÉ" : "CONTESTED"; break;
    case Certainty::kUnverified: reading = nl ? "NIET GEVERIFIEERD" : fr ? "NON VÉRIFIÉ" : "UNVERIFIED"; break;
    case Certainty::kSettled:
    case Certainty::kLikely:
      break;
  }
  std::string heading = applies ? (what.empty() ? std::string(WordingFor(language).applies) : what) : possible;
  if (!reading.empty()) heading = applies && what.empty() ? reading : heading + ", " + reading;
  return heading;
}

std::vector<std::string> LevelNotes(const Finding& finding, const Evaluation& evaluation, Language language,
                                    bool with_table_note) {
  std::vector<std::string> notes;
  const auto& table = finding.version->penalty_levels;
  bool has_level = finding.rule->penalty && finding.rule->penalty->level;
  for (const auto& a : finding.aggravations) {
    has_level = has_level || (a.aggravation->penalty && a.aggravation->penalty->level);
  }
  if (!table || !has_level) return notes;
  if (with_table_note && !table->note.empty()) notes.push_back(table->note.Get(language));
  if (evaluation.perpetrator_minor == Truth::kTrue && !table->minor_perpetrator.empty()) {
    notes.push_back(table->minor_perpetrator.Get(language));
  }
  return notes;
}

std::string LawLine(const Law& law, Language language) {
  const LawSource* source = law.source();
  if (source == nullptr) return "";
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  std::string out = std::string(nl ? "Recht: " : fr ? "Droit : " : "Law: ") + source->folder + " (" +
                    (nl ? "vingerafdruk " : fr ? "empreinte " : "fingerprint ") + source->fingerprint + (fr ? " ; " : "; ");
  if (source->snapshot.empty()) {
    out += nl ? "gelezen uit de YAML-bestanden" : fr ? "lu dans les fichiers YAML" : "read from the YAML files";
  } else {
    out += std::string(nl ? "gecompileerde snapshot " : fr ? "instantané compilé " : "compiled snapshot ") + source->snapshot;
  }
  return out + ")";
}

std::vector<ProvenanceItem> ProvenanceItems(const Provenance& p, Language language) {
  const bool nl = language == Language::kNl, fr = language == Language::kFr;
  const Wording& w = WordingFor(language);
  auto join = [](const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
  };
  std::vector<ProvenanceItem> items;
  items.push_back({"ibsa", p.version + " (" +
                               (p.commit.empty() ? std::string(nl ? "commit onbekend" : fr ? "commit inconnu" : "unknown commit")
                                                 : "git " + p.commit) +
                               ")"});
  if (!p.law_sha256.empty()) {
    items.push_back({nl ? "sha256 van het recht" : fr ? "sha256 du droit" : "law sha256",
                     p.law_sha256 + (p.law_fingerprint.empty()
                                         ? ""
                                         : std::string(nl ? " (vingerafdruk " : fr ? " (empreinte " : " (fingerprint ") +
                                               p.law_fingerprint + ")")});
  }
  items.push_back({nl ? "toegepaste versies" : fr ? "versions appliquées" : "versions applied",
                   p.versions.empty() ? std::string(nl ? "geen" : fr ? "aucune" : "none") : join(p.versions)});
  items.push_back({w.date_of_facts, p.facts_period ? PeriodText(*p.facts_period, language) : p.facts_date.ToString()});
  if (p.compared_with) {
    items.push_back({nl ? "vergeleken met het recht op" : fr ? "comparé au droit du" : "compared with the law of",
                     p.compared_with->ToString()});
  }
  if (p.as_of) items.push_back({w.as_of, p.as_of->ToString()});
  if (!p.with.empty()) items.push_back({w.with_proposals, join(p.with)});
  if (p.assessed_on) items.push_back({nl ? "beoordeeld op" : fr ? "évalué le" : "assessed on", p.assessed_on->ToString()});
  if (!p.case_sha256.empty()) {
    items.push_back({nl ? "sha256 van de zaak" : fr ? "sha256 de l'affaire" : "case sha256", p.case_sha256});
  }
  return items;
}

std::string ProvenanceHeading(Language language) {
  switch (language) {
    case Language::kNl: return "Herkomst (om deze uitvoer te reproduceren en te controleren)";
    case Language::kFr: return "Provenance (pour reproduire et vérifier ce résultat)";
    case Language::kEn: return "Provenance (to reproduce and check this output)";
  }
  return "";
}

std::string LevelName(int level, Language language) {
  return (language == Language::kNl ? "strafniveau " : language == Language::kFr ? "niveau " : "level ") + std::to_string(level);
}

std::string PenaltySummary(const Penalty& p, Language language) {
  const Wording& w = WordingFor(language);
  if (p.level) return LevelSummary(p, language);
  std::string prison, fine;
  if (p.prison_months) prison = std::string(w.prison) + " " + RangeText(*p.prison_months, w, false, language);
  if (p.fine_eur) {
    fine = std::string(w.fine) + " " + RangeText(*p.fine_eur, w, true, language);
    if (p.fine_multiplier) {
      Range multiplied;
      if (p.fine_eur->min) multiplied.min = *p.fine_eur->min * *p.fine_multiplier;
      if (p.fine_eur->max) multiplied.max = *p.fine_eur->max * *p.fine_multiplier;
      fine += " (" + std::string(w.surcharge) + " x" + std::to_string(*p.fine_multiplier) + ": " +
              RangeText(multiplied, w, true, language) + ")";
    }
  } else if (p.fine_category) {
    fine = std::string(w.fine_category) + " " + std::to_string(*p.fine_category);
  }
  std::string joiner = p.combination == "or" ? w.or_word : p.combination == "and_or" ? w.and_or : w.and_word;
  std::string out = prison;
  if (!fine.empty()) out += (out.empty() ? "" : " " + joiner + " ") + fine;
  return out;
}

}  // namespace ibsa::internal

namespace ibsa {

// The names are FormatName's: a new format is named in its switch only, which the
// compiler points at.
std::optional<Format> ParseFormat(std::string_view name) {
  for (int i = 0;; ++i) {
    const auto format = static_cast<Format>(i);
    const std::string_view format_name = FormatName(format);
    if (format_name.empty()) return std::nullopt;  // past the last format
    if (format_name == name) return format;
  }
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kJson: return "json";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
    case Format::kCsv: return "csv";
  }
  return "";
}

}  // namespace ibsa
