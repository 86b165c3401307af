// What the law says of a case's evidence log (ibsa/evidence.h).
#include "ibsa/evidence.h"

#include <algorithm>
#include <set>

#include "base/access.h"
#include "base/fact_encoding.h"
#include "base/sha256.h"
#include "expr/condition.h"
#include "expr/operators.h"
#include "ibsa/render.h"
#include "load/law_data.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace {

// Facts of the vocabulary (rulesets/facts.yaml, a public contract) that make an image child
// sexual abuse material in every encoded law: who or what it shows, and its content.
constexpr const char* kMinorFacts[] = {"victim.minor", "image.appears_minor"};
constexpr const char* kContentFact = "image.content";
// The act of holding the material: the possession offences are the rules about it.
constexpr const char* kPossessAct = "possess";

// The global index of `rule` (LawData::rules), or -1.
int GlobalIndex(const internal::LawData& data, const Rule& rule) {
  for (size_t g = 0; g < data.rules.size(); ++g) {
    const internal::CompiledRule& compiled = data.rules[g];
    if (&data.versions[compiled.version].rules[compiled.rule] == &rule) return static_cast<int>(g);
  }
  return -1;
}

// The fact slots the conditions under `node` read, following rule references.
void ReadSlots(const internal::LawData& data, int32_t node, std::set<int>& slots, std::set<int>& rules_seen) {
  const internal::Node& n = data.program.nodes[node];
  if (n.op == internal::Op::kRule) {
    if (n.rule < 0 || !rules_seen.insert(n.rule).second) return;
    for (int32_t root : data.rules[n.rule].elements) ReadSlots(data, root, slots, rules_seen);
    return;
  }
  if (internal::IsFactTest(n.op)) {
    slots.insert(n.slot);
    return;
  }
  for (int32_t i = 0; i < n.count; ++i) ReadSlots(data, data.program.children[n.first + i], slots, rules_seen);
}

// A rule's truth on `values` (its elements' conjunction), following rule references.
class ProbeOracle : public internal::RuleOracle {
 public:
  ProbeOracle(const internal::LawData& data, const std::vector<FactValue>& values) : data_(data), values_(values) {}
  Truth RuleTruth(int32_t rule) const override {
    Truth all = Truth::kTrue;
    for (int32_t root : data_.rules[rule].elements) all = And(all, internal::EvalNode(data_.program, root, values_, this));
    return all;
  }

 private:
  const internal::LawData& data_;
  const std::vector<FactValue>& values_;
};

Truth RuleTruth(const internal::LawData& data, int rule, const std::vector<FactValue>& values) {
  return ProbeOracle(data, values).RuleTruth(rule);
}

// Every name a `supports` entry may give: RULE-ID.ELEMENT-ID and ELEMENT-ID.
std::vector<std::string> QualifiedElements(const Law& law) {
  std::set<std::string> names;
  for (const auto& version : law.versions()) {
    for (const auto& rule : version.rules) {
      for (const auto& element : rule.elements) {
        names.insert(rule.id + "." + element.id);
        names.insert(element.id);
      }
    }
  }
  return {names.begin(), names.end()};
}

// The elements of every version's rule `id`, by id, in order of first appearance.
std::vector<std::string> ElementsOf(const Law& law, const std::string& id) {
  std::vector<std::string> elements;
  for (const auto& version : law.versions()) {
    for (const auto& rule : version.rules) {
      if (rule.id != id) continue;
      for (const auto& element : rule.elements) {
        if (std::find(elements.begin(), elements.end(), element.id) == elements.end()) elements.push_back(element.id);
      }
    }
  }
  return elements;
}

bool AnyRuleHasElement(const Law& law, const std::string& element_id) {
  for (const auto& version : law.versions()) {
    for (const auto& rule : version.rules) {
      for (const auto& element : rule.elements) {
        if (element.id == element_id) return true;
      }
    }
  }
  return false;
}

std::string CiteRule(const Rule& rule, const RulesetVersion& version) {
  const std::string citation = Citation(rule, version, Language::kEn);
  return (citation.empty() ? rule.title.en : citation) + " [" + rule.id + "]";
}

}  // namespace

std::vector<Diagnostic> CheckEvidence(const Case& c, const Law& law) {
  std::vector<Diagnostic> errors;
  std::vector<std::string> qualified;  // filled when first needed
  for (size_t i = 0; i < c.evidence().size(); ++i) {
    const EvidenceItem& item = c.evidence()[i];
    for (size_t s = 0; s < item.supports.size(); ++s) {
      const std::string& name = item.supports[s];
      const size_t dot = name.rfind('.');
      if (dot == std::string::npos ? AnyRuleHasElement(law, name)
                                   : [&] {
                                       const auto elements = ElementsOf(law, name.substr(0, dot));
                                       return std::find(elements.begin(), elements.end(), name.substr(dot + 1)) !=
                                              elements.end();
                                     }()) {
        continue;
      }
      Diagnostic d{"E0123", s < item.supports_at.size() ? item.supports_at[s] : item.location,
                   "evidence item " + std::to_string(i + 1) + ", 'supports': '" + name + "' names no element of the law",
                   {}, "", 1};
      if (law.FindRule(name) != nullptr) {
        d.help.push_back("'" + name + "' is a rule; name one of its elements: " +
                         internal::JoinQuoted(ElementsOf(law, name)) + " (e.g. '" + name + "." +
                         ElementsOf(law, name).front() + "')");
      } else if (dot != std::string::npos && law.FindRule(name.substr(0, dot)) != nullptr) {
        d.help.push_back("elements of '" + name.substr(0, dot) + "': " +
                         internal::JoinQuoted(ElementsOf(law, name.substr(0, dot))));
      } else {
        if (qualified.empty()) qualified = QualifiedElements(law);
        d.help.push_back(internal::DidYouMean(name, qualified));
      }
      d.help.push_back("allowed: RULE-ID.ELEMENT-ID (an element of that rule, as `ibsa evaluate --format json` lists "
                       "them), or ELEMENT-ID (that element in every rule that has it)");
      d.help.erase(std::remove(d.help.begin(), d.help.end(), std::string()), d.help.end());
      errors.push_back(std::move(d));
    }
  }
  return errors;
}

bool Supports(const EvidenceItem& item, const Rule& rule, const Element& element) {
  for (const std::string& name : item.supports) {
    if (name == element.id) return true;
    if (name.size() == rule.id.size() + 1 + element.id.size() && name.compare(0, rule.id.size(), rule.id) == 0 &&
        name[rule.id.size()] == '.' && name.compare(rule.id.size() + 1, std::string::npos, element.id) == 0) {
      return true;
    }
  }
  return false;
}

bool ConcernsChildAbuseMaterial(const Law& law, const Rule& rule) {
  if (rule.kind != RuleKind::kOffence && rule.kind != RuleKind::kDefinition) return false;
  const internal::LawData& data = internal::DataOf(law);
  const int g = GlobalIndex(data, rule);
  if (g < 0) return false;
  const Vocabulary& vocabulary = law.vocabulary();
  // About an image's sexual content: grooming, say, needs a minor but no image.
  std::set<int> slots, rules_seen{g};
  for (int32_t root : data.rules[g].elements) ReadSlots(data, root, slots, rules_seen);
  const auto content = vocabulary.SlotOf(kContentFact);
  if (!content || slots.count(*content) == 0) return false;
  // And it cannot hold when the image shows no minor and no one who appears to be one,
  // whatever else is so (every other fact unknown: Kleene's false is false for all of them).
  // Non-consensual sharing reads the age too, for consent, but holds for an adult.
  std::vector<FactValue> values(static_cast<size_t>(vocabulary.size()));
  for (const char* fact : kMinorFacts) {
    if (auto slot = vocabulary.SlotOf(fact)) values[*slot] = internal::MakeFactValue({.known = true, .number = 0});
  }
  return RuleTruth(data, g, values) == Truth::kFalse;
}

std::string ReportLocationNotFile(Language language) {
  switch (language) {
    case Language::kNl:
      return "Beelden van seksueel misbruik van minderjarigen: meld waar ze staan (het webadres) bij de politie of "
             "een meldpunt, nooit het bestand zelf; bewaar, kopieer of verstuur het niet, ook niet als bewijs: het "
             "bezit ervan kan zelf strafbaar zijn.";
    case Language::kFr:
      return "Images d'abus sexuels de mineurs : signalez où elles se trouvent (l'adresse web) à la police ou à un "
             "point de contact, jamais le fichier lui-même ; ne le conservez, ne le copiez ni ne l'envoyez, pas même "
             "comme preuve : sa détention peut être en soi une infraction.";
    case Language::kEn:
      return "Child sexual abuse material: report where it is (the web address) to the police or a hotline, never "
             "the file itself; do not keep, copy or send it, not even as evidence: holding it can itself be an "
             "offence.";
  }
  return "";
}

std::optional<Diagnostic> RefuseFileHash(const Case& c, const Law& law, const Evaluation& evaluation, Date today) {
  std::string reason;
  for (const char* fact : kMinorFacts) {
    const auto slot = law.vocabulary().SlotOf(fact);
    if (slot && c.values()[*slot].boolean() == true) {
      reason = std::string("the case states that the person shown ") +
               (std::string(fact) == "victim.minor" ? "is a minor" : "appears to be a minor") + " ('" + fact + "')";
      break;
    }
  }
  if (reason.empty()) {
    std::string findings;
    for (const Finding& f : evaluation.findings) {
      if (!ConcernsChildAbuseMaterial(law, *f.rule)) continue;
      findings += (findings.empty() ? "" : ", ") + CiteRule(*f.rule, *f.version) + " " +
                  std::string(FindingStatusName(f.status));
    }
    if (!findings.empty()) reason = "its findings concern child sexual abuse material: " + findings;
  }
  if (reason.empty()) return std::nullopt;
  std::vector<std::string> offences;
  for (const RulesetVersion& version : law.versions()) {
    if (version.jurisdiction != c.jurisdiction() || version.status == VersionStatus::kProposed ||
        !version.InForceOn(today)) {
      continue;
    }
    for (const Rule& rule : version.rules) {
      if (rule.kind != RuleKind::kOffence ||
          std::find(rule.acts.begin(), rule.acts.end(), kPossessAct) == rule.acts.end() ||
          !ConcernsChildAbuseMaterial(law, rule)) {
        continue;
      }
      offences.push_back(CiteRule(rule, version));
    }
  }
  std::string offence_text;
  for (const auto& o : offences) offence_text += (offence_text.empty() ? "" : "; ") + o;
  Diagnostic d{"E0125", SourceLocation{c.file(), 0, 0},
               "no file is hashed for this case: " + reason +
                   ". Holding or copying such material can itself be an offence" +
                   (offence_text.empty() ? "" : " (" + offence_text + ")") +
                   ": report where it is, not the file",
               {"record the address only: ibsa evidence add CASE --url URL [--seen-on DATE]",
                "the file was not read: nothing was hashed or stored",
                "if the person shown is an adult, state it in the case (the age, and that the image does not "
                "appear to show a minor) and try again"},
               "",
               1};
  return d;
}

Result<std::string> Sha256OfFile(const std::string& path) {
  Diagnostic error;
  auto hash = internal::Sha256HexOfFile(path, error);
  if (!hash) return error;
  return *hash;
}

}  // namespace ibsa
