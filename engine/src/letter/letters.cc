// Letters and notices: rulesets/letters.yaml read and checked, and one letter written from a
// case, its findings and what the user typed in.
#include "ibsa/letters.h"

#include <algorithm>
#include <array>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "base/file_io.h"
#include "ibsa/evidence.h"
#include "ibsa/render.h"
#include "letter/letters_data.h"
#include "load/citations.h"
#include "yaml/yaml_reader.h"

namespace ibsa {
namespace internal {

// What a letter's text may name in braces, filled in WriteLetter.
enum class Slot { kRecipient, kDate, kProvisions, kLocations, kName, kEmail, kAddress, kAuthority };
constexpr std::array<Slot, 8> kSlots = {Slot::kRecipient, Slot::kProvisions, Slot::kLocations, Slot::kName,
                                        Slot::kEmail,     Slot::kAddress,    Slot::kDate,      Slot::kAuthority};

std::string_view SlotName(Slot slot) {
  switch (slot) {
    case Slot::kRecipient: return "recipient";
    case Slot::kDate: return "date";
    case Slot::kProvisions: return "provisions";
    case Slot::kLocations: return "locations";
    case Slot::kName: return "name";
    case Slot::kEmail: return "email";
    case Slot::kAddress: return "address";
    case Slot::kAuthority: return "authority";
  }
  return "";
}

// Whether a slot can be left empty, and so needs a marked blank: the date and the authority
// are always known.
bool MayBeBlank(Slot slot) {
  switch (slot) {
    case Slot::kRecipient:
    case Slot::kProvisions:
    case Slot::kLocations:
    case Slot::kName:
    case Slot::kEmail:
    case Slot::kAddress: return true;
    case Slot::kDate:
    case Slot::kAuthority: return false;
  }
  return false;
}

// The sender's own data: what a child-abuse text may not ask for.
bool IdentifiesSender(Slot slot) { return slot == Slot::kName || slot == Slot::kEmail || slot == Slot::kAddress; }

namespace {

constexpr InputLimits kLettersLimits{"letters file", std::size_t{1} << 20, kMaxNestingDepth, kMaxAliasNodes};

const std::vector<std::string> kProvisionSlots = {"heading", "citation", "title", "from"};

std::vector<std::string> SlotNames() {
  std::vector<std::string> names;
  for (Slot s : kSlots) names.emplace_back(SlotName(s));
  return names;
}

// The {names} a text uses, in order.
std::vector<std::string> NamesIn(const std::string& text) {
  std::vector<std::string> names;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

// E0205 for each {name} of `text` not in `allowed`.
void CheckSlots(YamlReader& reader, const YAML::Node& node, const LocalizedText& text,
                const std::vector<std::string>& allowed, std::string_view what) {
  for (const std::string* t : {&text.nl, &text.fr, &text.en}) {
    for (const auto& name : NamesIn(*t)) {
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      std::vector<std::string> help;
      if (auto hint = DidYouMean(name, allowed); !hint.empty()) help.push_back(hint);
      help.push_back(std::string(what) + " may use " + JoinQuoted(allowed));
      reader.Error("E0205", node, "'{" + name + "}' is not a slot of " + std::string(what), help);
    }
  }
}

std::optional<LetterPart> ReadPart(YamlReader& reader, const YAML::Node& node) {
  if (!reader.CheckMap(node, "letter part", {"id", "element", "text", "child_abuse_material"}, {"id", "text"})) {
    return std::nullopt;
  }
  LetterPart part;
  part.location = reader.Locate(node);
  if (auto id = reader.ReadString(node["id"], "id")) part.id = *id;
  if (node["element"].IsDefined()) {
    if (auto element = reader.ReadString(node["element"], "element")) part.element = *element;
  }
  const auto slots = SlotNames();
  if (auto text = reader.ReadLocalized(node["text"], "text")) {
    part.text = *text;
    CheckSlots(reader, node["text"], part.text, slots, "a letter's text");
  }
  if (node["child_abuse_material"].IsDefined()) {
    if (auto text = reader.ReadLocalized(node["child_abuse_material"], "child_abuse_material")) {
      part.child_abuse_material = *text;
      CheckSlots(reader, node["child_abuse_material"], *text, slots, "a letter's text");
      for (const std::string* t : {&text->nl, &text->fr, &text->en}) {
        for (const auto& name : NamesIn(*t)) {
          for (Slot s : kSlots) {
            if (SlotName(s) != name || !IdentifiesSender(s)) continue;
            reader.Error("E0205", node["child_abuse_material"],
                         "part '" + part.id + "': a text for child sexual abuse material asks for '{" + name + "}'",
                         {"art. 16(2)(c) DSA asks for no name or e-mail address where the content concerns the "
                          "offences of arts 3 to 7 of Directive 2011/93/EU: leave the sender out"});
          }
        }
      }
    }
  }
  return part;
}

void ReadKinds(YamlReader& reader, const YAML::Node& list, LettersData& data) {
  if (!list.IsSequence()) {
    reader.Error("E0104", list, "'letters' must be a list");
    return;
  }
  for (const auto& node : list) {
    if (!reader.CheckMap(node, "letter", {"kind", "title", "sources", "parts"}, {"kind", "title", "sources", "parts"})) {
      continue;
    }
    LetterTemplate letter;
    letter.location = reader.Locate(node);
    if (auto kind = reader.ReadString(node["kind"], "kind")) letter.kind = *kind;
    for (const auto& other : data.kinds) {
      if (other.kind == letter.kind) reader.Error("E0205", node["kind"], "letter '" + letter.kind + "' is declared twice");
    }
    if (auto title = reader.ReadLocalized(node["title"], "title")) letter.title = *title;
    letter.sources = ReadSources(reader, node["sources"], "letter '" + letter.kind + "'");
    const YAML::Node parts = node["parts"];
    if (!parts.IsSequence() || parts.size() == 0) {
      reader.Error("E0104", parts, "'parts' of letter '" + letter.kind + "' must be a list of at least one part");
    } else {
      for (const auto& p : parts) {
        if (auto part = ReadPart(reader, p)) letter.parts.push_back(std::move(*part));
      }
    }
    data.kinds.push_back(std::move(letter));
  }
}

}  // namespace

bool WellFormed(const LettersData& data, const std::vector<std::string>& jurisdictions) {
  std::vector<std::string> blank_slots;
  for (Slot s : kSlots) {
    if (MayBeBlank(s)) blank_slots.emplace_back(SlotName(s));
  }
  std::sort(blank_slots.begin(), blank_slots.end());
  std::vector<std::string> blanks, authorities;
  for (const auto& [slot, text] : data.blanks) blanks.push_back(slot);
  for (const auto& [jurisdiction, authority] : data.authorities) authorities.push_back(jurisdiction);
  std::vector<std::string> sorted_jurisdictions = jurisdictions;
  std::sort(sorted_jurisdictions.begin(), sorted_jurisdictions.end());
  if (blanks != blank_slots || authorities != sorted_jurisdictions) return false;
  const auto only = [](const LocalizedText& text, const std::vector<std::string>& allowed) {
    for (const std::string* t : {&text.nl, &text.fr, &text.en}) {
      for (const auto& name : NamesIn(*t)) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return false;
      }
    }
    return true;
  };
  if (!only(data.provision, kProvisionSlots)) return false;
  const auto slots = SlotNames();
  std::vector<std::string> not_identifying;
  for (Slot s : kSlots) {
    if (!IdentifiesSender(s)) not_identifying.emplace_back(SlotName(s));
  }
  for (size_t k = 0; k < data.kinds.size(); ++k) {
    const LetterTemplate& letter = data.kinds[k];
    if (letter.parts.empty()) return false;
    for (size_t other = 0; other < k; ++other) {
      if (data.kinds[other].kind == letter.kind) return false;
    }
    for (const LetterPart& part : letter.parts) {
      if (!only(part.text, slots) || !only(part.child_abuse_material, not_identifying)) return false;
    }
  }
  return true;
}

}  // namespace internal

Result<Letters> Letters::Load(const std::string& path, const Vocabulary& vocabulary) {
  Diagnostic error;
  auto text = internal::ReadFile(path, error);
  if (!text) return error;
  return Parse(*text, path, vocabulary);
}

Result<Letters> Letters::Parse(const std::string& text, const std::string& file, const Vocabulary& vocabulary) {
  internal::YamlReader reader(text, file);
  auto root = reader.Parse(internal::kLettersLimits);
  if (!root) return reader.TakeDiagnostics();
  auto data = std::make_shared<internal::LettersData>();
  try {
    const std::vector<std::string> keys = {"format", "blanks", "provision", "authorities", "letters"};
    if (reader.CheckMap(*root, "letters file", keys, keys)) {
      reader.ReadChoice((*root)["format"], "format", {"ibsa.letters/1"});
      std::vector<std::string> blank_slots;
      for (internal::Slot s : internal::kSlots) {
        if (internal::MayBeBlank(s)) blank_slots.emplace_back(internal::SlotName(s));
      }
      const YAML::Node blanks = (*root)["blanks"];
      if (reader.CheckMap(blanks, "blanks", blank_slots, blank_slots)) {
        for (const auto& slot : blank_slots) {
          if (auto t = reader.ReadLocalized(blanks[slot], slot)) data->blanks[slot] = *t;
        }
      }
      if (auto line = reader.ReadLocalized((*root)["provision"], "provision")) {
        data->provision = *line;
        internal::CheckSlots(reader, (*root)["provision"], *line, internal::kProvisionSlots, "a provision line");
      }
      const YAML::Node authorities = (*root)["authorities"];
      const auto& jurisdictions = vocabulary.jurisdictions();
      if (reader.CheckMap(authorities, "authorities", jurisdictions, jurisdictions)) {
        for (const auto& j : jurisdictions) {
          const YAML::Node a = authorities[j];
          if (!reader.CheckMap(a, "authority", {"name", "sources"}, {"name", "sources"})) continue;
          SupervisoryAuthority authority;
          if (auto name = reader.ReadLocalized(a["name"], "name")) authority.name = *name;
          authority.sources = internal::ReadSources(reader, a["sources"], "the authority of " + j);
          data->authorities[j] = std::move(authority);
        }
      }
      internal::ReadKinds(reader, (*root)["letters"], *data);
    }
  } catch (const YAML::Exception& e) {
    reader.Error("E0003", SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                 "could not read this part of the letters file: " + e.msg);
  }
  if (!reader.ok()) return reader.TakeDiagnostics();
  return Letters(std::move(data));
}

const std::vector<LetterTemplate>& Letters::kinds() const { return data_->kinds; }

const LetterTemplate* Letters::Find(std::string_view kind) const {
  for (const auto& k : data_->kinds) {
    if (k.kind == kind) return &k;
  }
  return nullptr;
}

std::vector<std::string> Letters::KindNames() const {
  std::vector<std::string> names;
  for (const auto& k : data_->kinds) names.push_back(k.kind);
  return names;
}

const SupervisoryAuthority* Letters::Authority(std::string_view jurisdiction) const {
  auto it = data_->authorities.find(std::string(jurisdiction));
  return it == data_->authorities.end() ? nullptr : &it->second;
}

bool AnyChildAbuseMaterial(const Evaluation& evaluation, const Law& law) {
  return std::any_of(evaluation.findings.begin(), evaluation.findings.end(),
                     [&](const Finding& f) { return ConcernsChildAbuseMaterial(law, *f.rule); });
}

namespace {

// `text` with each {name} replaced by value(name).
template <typename Value>
std::string Fill(const std::string& text, Value value) {
  std::string out;
  size_t at = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', at)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out += text.substr(at, open - at);
    out += value(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out + text.substr(at);
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

Result<std::string> WriteLetter(const Letters& letters, std::string_view kind, const LetterInput& input,
                                Language language) {
  const LetterTemplate* letter = letters.Find(kind);
  if (letter == nullptr) {
    return Diagnostic{"E0103", SourceLocation{}, "'" + std::string(kind) + "' is not a kind of letter",
                      {"allowed: " + internal::JoinQuoted(letters.KindNames())}, "", 1};
  }
  const internal::LettersData& data = *letters.data_;
  const Case& c = *input.c;
  const Evaluation& evaluation = *input.evaluation;
  const bool child_abuse = AnyChildAbuseMaterial(evaluation, *input.law);

  std::vector<std::string> provisions;
  for (const Finding& f : evaluation.findings) {
    if (f.rule->kind != RuleKind::kOffence) continue;
    provisions.push_back(Fill(data.provision.Get(language), [&](const std::string& name) -> std::string {
      if (name == "heading") return FindingHeading(f, language);
      if (name == "citation") return Citation(*f.rule, *f.version, language);
      if (name == "title") return f.rule->title.Get(language);
      return f.version->in_force_from.ToString();  // "from": the only other name the loader lets through
    }));
  }
  std::vector<std::string> locations, services;
  for (const auto& item : c.evidence()) {
    if (!item.url.empty()) locations.push_back("- " + item.url + (item.service.empty() ? "" : " (" + item.service + ")"));
    if (!item.service.empty() && std::find(services.begin(), services.end(), item.service) == services.end()) {
      services.push_back(item.service);
    }
  }
  std::string recipient = input.fill.recipient;
  if (recipient.empty()) {
    for (const auto& s : services) recipient += (recipient.empty() ? "" : ", ") + s;
  }
  const SupervisoryAuthority* authority = letters.Authority(c.jurisdiction());
  auto value = [&](internal::Slot slot) -> std::string {
    switch (slot) {
      case internal::Slot::kRecipient: return recipient;
      case internal::Slot::kDate: return input.date.ToString();
      case internal::Slot::kProvisions: return Lines(provisions);
      case internal::Slot::kLocations: return Lines(locations);
      case internal::Slot::kName: return input.fill.name;
      case internal::Slot::kEmail: return input.fill.email;
      case internal::Slot::kAddress: return input.fill.address;
      case internal::Slot::kAuthority: return authority ? authority->name.Get(language) : std::string();
    }
    return "";
  };
  std::string out;
  for (const LetterPart& part : letter->parts) {
    const LocalizedText& text =
        child_abuse && !part.child_abuse_material.empty() ? part.child_abuse_material : part.text;
    std::string filled = Fill(text.Get(language), [&](const std::string& name) -> std::string {
      for (internal::Slot s : internal::kSlots) {
        if (internal::SlotName(s) != name) continue;
        std::string v = value(s);
        if (v.empty() && internal::MayBeBlank(s)) v = data.blanks.at(name).Get(language);
        return v;
      }
      return "";
    });
    out += (out.empty() ? "" : "\n\n") + filled;
  }
  return out + "\n";
}

}  // namespace ibsa
