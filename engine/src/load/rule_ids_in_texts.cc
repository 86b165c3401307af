#include "load/rule_ids_in_texts.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "ibsa/render.h"
#include "load/vocabulary_data.h"

namespace ibsa::internal {
namespace {

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }
bool IdChar(char c) { return Lower(c) || Digit(c) || c == '.' || c == '-' || c == '_'; }
// A token after one of these is part of a word, a web address, an e-mail or a file path.
bool Joined(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/' || c == ':' || c == '@' ||
         c == '_' || c == '-';
}

// The part after "<jurisdiction>.<instrument>.": an article ("136", "5-1-ba.use.private")
// begins with a digit; a version's id is a date.
std::string_view AfterInstrument(std::string_view token) {
  const size_t first = token.find('.');
  const size_t second = token.find('.', first + 1);
  return second == std::string_view::npos ? std::string_view() : token.substr(second + 1);
}

bool DateShaped(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!Digit(s[i])) return false;
  }
  return true;
}

// Every text of a version that people read, with where its owner stands (for an error
// that the file's reading did not locate). The abbreviation is left out: citations are
// made of it.
template <typename F>
void ForEachText(RulesetVersion& version, F&& visit) {
  const SourceLocation file{version.file, 0, 0};
  visit(version.title, file);
  visit(version.note, file);
  if (version.penalty_levels) {
    visit(version.penalty_levels->note, file);
    visit(version.penalty_levels->minor_perpetrator, file);
  }
  auto penalty = [&](std::optional<Penalty>& p, const SourceLocation& where) {
    if (!p) return;
    visit(p->note, where);
    visit(p->certainty_reason, where);
  };
  for (Rule& rule : version.rules) {
    visit(rule.title, rule.location);
    visit(rule.note, rule.location);
    visit(rule.certainty_reason, rule.location);
    penalty(rule.penalty, rule.location);
    for (Element& e : rule.elements) visit(e.label, e.location);
    for (Aggravation& a : rule.aggravations) {
      visit(a.label, a.location);
      visit(a.certainty_reason, a.location);
      penalty(a.penalty, a.location);
    }
  }
}

// The rules of the law by id, each id's versions in the order a reference prefers them
// when not in its own version: the versions that are law, latest first, then bills.
class RuleIndex {
 public:
  explicit RuleIndex(const LawData& law) : law_(law) {
    std::vector<int> order(law.versions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const RulesetVersion& x = law.versions[a];
      const RulesetVersion& y = law.versions[b];
      const bool x_bill = x.status == VersionStatus::kProposed;
      const bool y_bill = y.status == VersionStatus::kProposed;
      if (x_bill != y_bill) return y_bill;
      return y.in_force_from < x.in_force_from;
    });
    for (int v : order) {
      versions_.insert(law.versions[v].id);
      const auto& rules = law.versions[v].rules;
      for (int r = 0; r < static_cast<int>(rules.size()); ++r) rules_[rules[r].id].push_back({v, r});
    }
  }

  // The rule `id` names, read from the text of version `owner`; nullptr for none.
  std::pair<const RulesetVersion*, const Rule*> Find(std::string_view id, int owner) const {
    const auto it = rules_.find(std::string(id));
    if (it == rules_.end()) return {nullptr, nullptr};
    const RulesetVersion& mine = law_.versions[owner];
    const std::pair<int, int>* chosen = &it->second.front();
    for (const auto& at : it->second) {
      if (at.first == owner) {
        chosen = &at;
        break;
      }
    }
    if (chosen->first != owner) {
      for (const auto& at : it->second) {
        const RulesetVersion& v = law_.versions[at.first];
        if (v.jurisdiction == mine.jurisdiction && v.instrument == mine.instrument) {
          chosen = &at;
          break;
        }
      }
    }
    const RulesetVersion& v = law_.versions[chosen->first];
    return {&v, &v.rules[chosen->second]};
  }

  bool IsVersion(std::string_view id) const { return versions_.count(std::string(id)) > 0; }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, at] : rules_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

 private:
  const LawData& law_;
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> rules_;
  std::unordered_set<std::string> versions_;
};

}  // namespace

std::vector<std::string> IdPrefixes(const LawData& law) {
  const VocabularyData& vocabulary = DataOf(law.vocabulary);
  std::vector<std::string> prefixes;
  for (const auto* list : {&vocabulary.jurisdictions, &vocabulary.applies_alongside}) {
    for (std::string j : *list) {
      std::transform(j.begin(), j.end(), j.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      prefixes.push_back(j + ".");
    }
  }
  return prefixes;
}

std::vector<IdToken> IdTokens(std::string_view text, const std::vector<std::string>& prefixes) {
  std::vector<IdToken> tokens;
  for (const std::string& prefix : prefixes) {
    for (size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
      if (at > 0 && Joined(text[at - 1])) continue;
      size_t end = at + prefix.size();
      const size_t instrument = end;
      while (end < text.size() && Lower(text[end])) ++end;
      if (end == instrument || end + 1 >= text.size() || text[end] != '.' || !IdChar(text[end + 1]) ||
          text[end + 1] == '.') {
        continue;
      }
      while (end < text.size() && IdChar(text[end])) ++end;
      while (text[end - 1] == '.' || text[end - 1] == '-') --end;
      tokens.push_back({at, end - at});
    }
  }
  if (prefixes.size() > 1) {
    std::sort(tokens.begin(), tokens.end(), [](const IdToken& a, const IdToken& b) { return a.at < b.at; });
  }
  return tokens;
}

void LocateIdTokens(const YamlReader& reader, const YAML::Node& node, const std::vector<std::string>& prefixes,
                    std::vector<IdTokenAt>& out) {
  if (!node.IsMap()) return;
  for (const char* language : {"nl", "fr", "en"}) {
    const YAML::Node value = node[language];
    if (!value.IsDefined() || !value.IsScalar()) continue;
    const std::string& text = value.Scalar();
    const auto tokens = IdTokens(text, prefixes);
    if (tokens.empty() || value.Mark().is_null()) continue;
    // A token holds no space or quote, so YAML's folding and quoting leave it whole: the
    // n-th in the text is the n-th in the file after the text's start. Lines are counted
    // from there, which YAML located, not from the file's start.
    const std::string& file = reader.text();
    size_t from = static_cast<size_t>(value.Mark().pos);
    int line = value.Mark().line + 1;
    for (const IdToken& token : tokens) {
      const std::string_view id(text.data() + token.at, token.size);
      const size_t in_file = file.find(id, from);
      IdTokenAt located{reader.file(), text, token.at, reader.Locate(value), ""};
      if (in_file != std::string::npos) {
        line += static_cast<int>(std::count(file.begin() + from, file.begin() + in_file, '\n'));
        const size_t line_start = file.rfind('\n', in_file) + 1;  // npos + 1 is 0
        located.where = SourceLocation{reader.file(), line, static_cast<int>(in_file - line_start) + 1};
        from = in_file + id.size();
      }
      located.excerpt = reader.LineAt(located.where.line);
      out.push_back(std::move(located));
    }
  }
}

void CiteRuleIds(LawData& law, const std::vector<IdTokenAt>& located, std::vector<Diagnostic>& diagnostics) {
  const std::vector<std::string> prefixes = IdPrefixes(law);
  std::optional<RuleIndex> index;  // built only when a text holds a token
  for (int v = 0; v < static_cast<int>(law.versions.size()); ++v) {
    RulesetVersion& version = law.versions[v];
    ForEachText(version, [&](LocalizedText& text, const SourceLocation& owner) {
      for (auto [language, s] : {std::pair{Language::kNl, &text.nl}, std::pair{Language::kFr, &text.fr},
                                 std::pair{Language::kEn, &text.en}}) {
        const auto tokens = IdTokens(*s, prefixes);
        if (tokens.empty()) continue;
        if (!index) index.emplace(law);
        std::string cited;
        size_t done = 0;
        for (const IdToken& token : tokens) {
          const std::string_view id(s->data() + token.at, token.size);
          const auto [in, rule] = index->Find(id, v);
          if (rule == nullptr) {
            const std::string_view article = AfterInstrument(id);
            const bool dated = DateShaped(article);
            if ((dated && !index->IsVersion(id)) || (!dated && !article.empty() && Digit(article[0]))) {
              Diagnostic d{"E0208", owner, "'" + std::string(id) + "' names no " + (dated ? "version" : "rule") +
                                               " of the law", {}, "", static_cast<int>(id.size())};
              for (const IdTokenAt& at : located) {
                if (at.at == token.at && at.file == version.file && at.text == *s) {
                  d.location = at.where;
                  d.excerpt = at.excerpt;
                  break;
                }
              }
              if (std::string hint = dated ? "" : DidYouMean(id, index->Ids()); !hint.empty()) {
                d.help.push_back(std::move(hint));
              }
              d.help.push_back(
                  "a rule's id in a text people read is printed as the rule's citation in the reader's language "
                  "(be.sw.136 as 'art. 136 C. pén.'), a version's id as written: name a rule or a version of "
                  "the law, or cite the article in words");
              diagnostics.push_back(std::move(d));
            }
            continue;
          }
          // A rule without an article ("?": its place in the code was not found) is named
          // by its title.
          std::string citation = rule->article == "?" ? "" : Citation(*rule, *in, language);
          if (citation.empty()) citation = rule->title.Get(language);
          cited.append(*s, done, token.at - done);
          cited += citation;
          done = token.at + token.size;
          // "Sw." ends the sentence too: "... art. 136 Sw." and not "Sw..".
          if (citation.back() == '.' && done < s->size() && (*s)[done] == '.') ++done;
        }
        if (done == 0) continue;
        cited.append(*s, done);
        *s = std::move(cited);
      }
    });
  }
}

}  // namespace ibsa::internal
