#include "base/access.h"
#include "ibsa/snapshot.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <limits>
#include <type_traits>

#include "act/actions_data.h"
#include "base/file_io.h"
#include "engine/law_sha256.h"
#include "letter/letters_data.h"
#include "limitation/limitation_data.h"
#include "load/law_data.h"
#include "load/vocabulary_data.h"
#include "sweep/harms_data.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;
using internal::CompiledRule;
using internal::ActionsData;
using internal::HarmsData;
using internal::LimitationData;
using internal::LawData;
using internal::LettersData;
using internal::Node;
using internal::Program;
using internal::VocabularyData;

constexpr char kMagic[8] = {'I', 'B', 'S', 'A', 'L', 'A', 'W', '\0'};
// Raise when the layout below changes. The sizes of the structs written are part of the
// header too, so that a snapshot is read only by a build of the same layout and ABI (it
// is a local cache of native integers). That every field is written and read back is
// what tests/unit/snapshot_roundtrip_test.cc checks: the law read from a snapshot equals,
// member by member, the law read from the YAML.
constexpr uint32_t kFormatVersion = 12;

uint64_t LayoutFingerprint() {
  const uint64_t sizes[] = {sizeof(FactDefinition), sizeof(Rule), sizeof(RulesetVersion),
                            sizeof(Penalty), sizeof(Aggravation), sizeof(Element),
                            sizeof(Node), sizeof(CompiledRule), sizeof(Source),
                            sizeof(internal::FactConstraint), sizeof(Harm),
                            sizeof(LimitationProvision), sizeof(internal::Regime), sizeof(internal::Special),
                            sizeof(ActionClass), sizeof(ActionDeclaration), sizeof(DeadlineRule),
                            sizeof(LetterPart), sizeof(LetterTemplate), sizeof(SupervisoryAuthority)};
  uint64_t h = kFormatVersion;
  for (uint64_t s : sizes) h = h * 1000003 + s;
  return h;
}

// A 64-bit hash, eight bytes a step: any edit of a source file changes it (it detects
// change, it does not resist forgery; a snapshot is a local cache).
uint64_t Hash(std::string_view bytes) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  size_t i = 0;
  auto mix = [&](uint64_t word) {
    h = (h ^ word) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  };
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    mix(word);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  mix(tail);
  return h;
}

struct SourceFile {
  std::string name;  // relative to the folder
  uint64_t size = 0;
  uint64_t hash = 0;
};

std::string HarmsPath(const std::string& directory) { return (fs::path(directory) / "harms.yaml").string(); }

// Whether `directory` declares harms, as Engine::Open asks (HarmsUse::kIfDeclared).
bool HasHarms(const std::string& directory) {
  std::error_code ec;
  return fs::exists(HarmsPath(directory), ec);
}

// Every file a law of `directory` is compiled from: facts.yaml, then the rulesets, then
// harms.yaml when there is one (every evaluation lists the case's gaps from it, so a
// snapshot that holds them must go stale with it).
std::vector<std::string> CompiledPaths(const std::string& directory, std::vector<Diagnostic>& errors) {
  std::vector<std::string> paths = {(fs::path(directory) / "facts.yaml").string()};
  for (auto& path : internal::RulesetFiles(directory, errors)) paths.push_back(std::move(path));
  if (HasHarms(directory)) paths.push_back(HarmsPath(directory));
  return paths;
}

std::string ActionsPath(const std::string& directory) { return (fs::path(directory) / "actions.yaml").string(); }
std::string LettersPath(const std::string& directory) { return (fs::path(directory) / "letters.yaml").string(); }

bool SamePath(const std::string& a, const std::string& b) {
  return fs::path(a).lexically_normal() == fs::path(b).lexically_normal();
}

// What the fingerprint covers: the files of the law, of the harms and of the rulesets, then
// those that are law but not rulesets (the limitation periods, the actions and the letters,
// compiled too), then any other YAML file below the
// folder. Two outputs with one fingerprint were answered by the same law, and a snapshot
// stays current only while every file the law's SHA-256 covers (provenance.h) is unchanged:
// the SHA-256 it records is then the folder's.
std::vector<std::string> SourcePaths(const std::string& directory, std::vector<Diagnostic>& errors) {
  std::vector<std::string> paths = CompiledPaths(directory, errors);
  for (auto& path : internal::FilesReadBesideTheLaw(directory)) paths.push_back(std::move(path));
  const size_t listed = paths.size();
  std::vector<Diagnostic> reported;  // RulesetFiles has reported a folder that cannot be walked
  for (auto& path : internal::FindFiles(directory, {".yaml", ".yml"}, reported)) {
    const auto known = paths.begin() + static_cast<std::ptrdiff_t>(listed);
    if (std::none_of(paths.begin(), known, [&](const std::string& p) { return SamePath(p, path); })) {
      paths.push_back(std::move(path));
    }
  }
  return paths;
}

std::string Prefix(const std::string& directory) { return (fs::path(directory) / "").string(); }

// Writes values in a fixed little-endian-as-the-machine layout; file names under the
// compiled folder are written relative to it.
class Writer {
 public:
  // With `integers`, the offset of every integer written (counts and lengths included) is
  // appended to it: what the snapshot tests and fuzz target damage one at a time.
  explicit Writer(std::string prefix, std::vector<size_t>* integers = nullptr)
      : prefix_(std::move(prefix)), integers_(integers) {}

  template <typename T>
  void Int(T value) {
    static_assert(std::is_integral_v<T> || std::is_enum_v<T>);
    if (integers_ != nullptr) integers_->push_back(out_.size());
    const auto wide = static_cast<int64_t>(value);
    out_.append(reinterpret_cast<const char*>(&wide), sizeof wide);
  }
  void Str(const std::string& s) {
    Int(s.size());
    out_ += s;
  }
  void Path(const std::string& s) {
    const bool inside = !prefix_.empty() && s.compare(0, prefix_.size(), prefix_) == 0;
    Int(inside);
    Str(inside ? s.substr(prefix_.size()) : s);
  }
  void Text(const LocalizedText& t) { Str(t.nl), Str(t.fr), Str(t.en); }
  void Location(const SourceLocation& l) { Path(l.file), Int(l.line), Int(l.column); }
  void Date(const ibsa::Date& d) { Int(d.days_since_epoch()); }
  template <typename T, typename F>
  void List(const std::vector<T>& items, F each) {
    Int(items.size());
    for (const auto& item : items) each(item);
  }
  template <typename T, typename F>
  void Maybe(const std::optional<T>& value, F each) {
    Int(value.has_value());
    if (value) each(*value);
  }
  void Strs(const std::vector<std::string>& items) {
    List(items, [&](const std::string& s) { Str(s); });
  }
  void Sources(const std::vector<Source>& sources) {
    List(sources, [&](const Source& s) { Str(s.title), Str(s.url), Str(s.pinpoint), Text(s.titles); });
  }
  void Program(const internal::Program& p) {
    List(p.nodes, [&](const Node& n) {
      Int(n.op), Int(n.slot), Int(n.first), Int(n.count), Int(n.rule), Int(n.number);
      Int(n.mask);
    });
    List(p.children, [&](int32_t c) { Int(c); });
    List(p.locations, [&](const SourceLocation& l) { Location(l); });
  }
  void Range(const ibsa::Range& r) {
    Maybe(r.min, [&](int64_t v) { Int(v); });
    Maybe(r.max, [&](int64_t v) { Int(v); });
    Int(r.min_exclusive);
  }
  void PenaltyLevels(const ibsa::PenaltyLevels& t) {
    List(t.levels, [&](const PenaltyLevel& l) {
      Int(l.level);
      Maybe(l.prison_months, [&](const ibsa::Range& r) { Range(r); });
      Maybe(l.fine_eur, [&](const ibsa::Range& r) { Range(r); });
      Maybe(l.accessory_fine_eur, [&](const ibsa::Range& r) { Range(r); });
    });
    Text(t.note), Text(t.minor_perpetrator), Sources(t.sources);
  }
  void Penalty(const ibsa::Penalty& p) {
    Maybe(p.prison_months, [&](const ibsa::Range& r) { Range(r); });
    Maybe(p.fine_eur, [&](const ibsa::Range& r) { Range(r); });
    Maybe(p.fine_multiplier, [&](int v) { Int(v); });
    Maybe(p.fine_category, [&](int v) { Int(v); });
    Maybe(p.level, [&](int v) { Int(v); });
    Maybe(p.accessory_fine_eur, [&](const ibsa::Range& r) { Range(r); });
    Str(p.combination), Text(p.note), Int(p.certainty), Text(p.certainty_reason);
  }

  std::string& bytes() { return out_; }

 private:
  std::string prefix_;
  std::vector<size_t>* integers_;
  std::string out_;
};

// Whether `text` is well-formed UTF-8 (RFC 3629). Every text of a snapshot came from YAML
// the reader checked; one that is not was not written by `ibsa compile`, and would make the
// JSON renderer throw.
bool IsUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                                              : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0 || text.size() - i < length) return false;
    const auto second = static_cast<unsigned char>(length > 1 ? text[i + 1] : 0x80);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second > 0x8F)) {
      return false;
    }
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// Reads what Writer wrote; any read past the end, any impossible count and any text that
// is not UTF-8 marks the snapshot damaged and yields zeros from then on, so a damaged file
// never crashes.
class Reader {
 public:
  Reader(const std::string& bytes, size_t at, std::string prefix)
      : bytes_(bytes), at_(at), prefix_(std::move(prefix)) {}

  bool ok() const { return ok_; }

  int64_t Int() {
    int64_t v = 0;
    if (!ok_ || bytes_.size() - at_ < sizeof v) {
      ok_ = false;
      return 0;
    }
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  template <typename T>
  T As() {
    return static_cast<T>(Int());
  }
  size_t Count() {
    const int64_t n = Int();
    // Every item takes at least one byte: a larger count is damage, not a big law.
    if (n < 0 || static_cast<uint64_t>(n) > bytes_.size() - at_) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string Str() {
    const size_t n = Count();
    if (!ok_) return {};
    std::string s = bytes_.substr(at_, n);
    at_ += n;
    if (!IsUtf8(s)) {
      ok_ = false;
      return {};
    }
    return s;
  }
  std::string Path() {
    const bool inside = Int() != 0;
    std::string s = Str();
    return inside ? prefix_ + s : s;
  }
  LocalizedText Text() {
    LocalizedText t;
    t.nl = Str();
    t.fr = Str();
    t.en = Str();
    return t;
  }
  SourceLocation Location() {
    SourceLocation l;
    l.file = Path();
    l.line = As<int>();
    l.column = As<int>();
    return l;
  }
  ibsa::Date Date() { return ibsa::Date::FromDays(As<int32_t>()); }
  template <typename T, typename F>
  std::vector<T> List(F each) {
    std::vector<T> items(Count());
    for (auto& item : items) {
      if (!ok_) break;
      item = each();
    }
    return items;
  }
  template <typename T, typename F>
  std::optional<T> Maybe(F each) {
    if (Int() == 0) return std::nullopt;
    return each();
  }
  std::vector<std::string> Strs() {
    return List<std::string>([&] { return Str(); });
  }
  std::vector<Source> Sources() {
    return List<Source>([&] {
      Source s;
      s.title = Str();
      s.url = Str();
      s.pinpoint = Str();
      s.titles = Text();
      return s;
    });
  }
  internal::Program Program() {
    internal::Program p;
    p.nodes = List<Node>([&] {
      Node n;
      n.op = As<internal::Op>();
      n.slot = As<int32_t>();
      n.first = As<int32_t>();
      n.count = As<int32_t>();
      n.rule = As<int32_t>();
      n.number = Int();
      n.mask = As<uint64_t>();
      return n;
    });
    p.children = List<int32_t>([&] { return As<int32_t>(); });
    p.locations = List<SourceLocation>([&] { return Location(); });
    return p;
  }
  ibsa::Range Range() {
    ibsa::Range r;
    r.min = Maybe<int64_t>([&] { return Int(); });
    r.max = Maybe<int64_t>([&] { return Int(); });
    r.min_exclusive = Int() != 0;
    return r;
  }
  ibsa::PenaltyLevels PenaltyLevels() {
    ibsa::PenaltyLevels t;
    t.levels = List<PenaltyLevel>([&] {
      PenaltyLevel l;
      l.level = As<int>();
      l.prison_months = Maybe<ibsa::Range>([&] { return Range(); });
      l.fine_eur = Maybe<ibsa::Range>([&] { return Range(); });
      l.accessory_fine_eur = Maybe<ibsa::Range>([&] { return Range(); });
      return l;
    });
    t.note = Text();
    t.minor_perpetrator = Text();
    t.sources = Sources();
    return t;
  }
  ibsa::Penalty Penalty() {
    ibsa::Penalty p;
    p.prison_months = Maybe<ibsa::Range>([&] { return Range(); });
    p.fine_eur = Maybe<ibsa::Range>([&] { return Range(); });
    p.fine_multiplier = Maybe<int>([&] { return As<int>(); });
    p.fine_category = Maybe<int>([&] { return As<int>(); });
    p.level = Maybe<int>([&] { return As<int>(); });
    p.accessory_fine_eur = Maybe<ibsa::Range>([&] { return Range(); });
    p.combination = Str();
    p.note = Text();
    p.certainty = As<Certainty>();
    p.certainty_reason = Text();
    return p;
  }

 private:
  const std::string& bytes_;
  size_t at_;
  std::string prefix_;
  bool ok_ = true;
};

void WriteVocabulary(const VocabularyData& v, Writer& w) {
  w.Path(v.file);
  w.List(v.facts, [&](const FactDefinition& f) {
    w.Str(f.name), w.Int(f.type), w.Strs(f.values);
    w.List(f.value_labels, [&](const LocalizedText& t) { w.Text(t); });
    w.Maybe(f.min, [&](int64_t x) { w.Int(x); });
    w.Maybe(f.max, [&](int64_t x) { w.Int(x); });
    w.Text(f.label), w.Text(f.question), w.Int(f.derived), w.Int(f.sensitivity);
    w.Int(f.stage), w.Int(f.intake), w.Text(f.why), w.Int(f.asked_conditionally);
    w.Location(f.location);
  });
  w.Strs(v.jurisdictions);
  w.Strs(v.applies_alongside);
  w.Int(v.jurisdiction_names.size());
  for (const auto& [code, name] : v.jurisdiction_names) w.Str(code), w.Text(name);
  w.Program(v.program);
  w.List(v.derivations, [&](const internal::Derivation& d) { w.Int(d.slot), w.Int(d.root); });
  w.List(v.asked_when, [&](int32_t root) { w.Int(root); });
  w.List(v.constraints, [&](const internal::FactConstraint& c) {
    w.Str(c.id), w.Int(c.when), w.Int(c.then);
    w.List(c.not_applicable, [&](int slot) { w.Int(slot); });
    w.Int(c.severity), w.Text(c.reason), w.Sources(c.sources), w.Location(c.location);
  });
}

std::shared_ptr<VocabularyData> ReadVocabulary(Reader& r) {
  auto v = std::make_shared<VocabularyData>();
  v->file = r.Path();
  v->facts = r.List<FactDefinition>([&] {
    FactDefinition f;
    f.name = r.Str();
    f.type = r.As<FactType>();
    f.values = r.Strs();
    f.value_labels = r.List<LocalizedText>([&] { return r.Text(); });
    f.min = r.Maybe<int64_t>([&] { return r.Int(); });
    f.max = r.Maybe<int64_t>([&] { return r.Int(); });
    f.label = r.Text();
    f.question = r.Text();
    f.derived = r.Int() != 0;
    f.sensitivity = r.As<int>();
    f.stage = r.As<IntakeStage>();
    f.intake = r.As<IntakeUse>();
    f.why = r.Text();
    f.asked_conditionally = r.Int() != 0;
    f.location = r.Location();
    return f;
  });
  for (size_t i = 0; i < v->facts.size(); ++i) v->slots[v->facts[i].name] = static_cast<int>(i);
  v->jurisdictions = r.Strs();
  v->applies_alongside = r.Strs();
  for (size_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    std::string code = r.Str();
    v->jurisdiction_names.insert_or_assign(std::move(code), r.Text());
  }
  v->program = r.Program();
  v->derivations = r.List<internal::Derivation>([&] {
    internal::Derivation d;
    d.slot = r.As<int>();
    d.root = r.As<int32_t>();
    return d;
  });
  v->asked_when = r.List<int32_t>([&] { return r.As<int32_t>(); });
  v->constraints = r.List<internal::FactConstraint>([&] {
    internal::FactConstraint c;
    c.id = r.Str();
    c.when = r.As<int32_t>();
    c.then = r.As<int32_t>();
    c.not_applicable = r.List<int>([&] { return r.As<int>(); });
    c.severity = r.As<Severity>();
    c.reason = r.Text();
    c.sources = r.Sources();
    c.location = r.Location();
    return c;
  });
  return v;
}

void WriteRule(const Rule& rule, Writer& w) {
  w.Str(rule.id), w.Int(rule.kind), w.Str(rule.article), w.Text(rule.title), w.Text(rule.note);
  w.Strs(rule.acts), w.Strs(rule.replaces);
  w.List(rule.elements, [&](const Element& e) {
    w.Str(e.id), w.Text(e.label), w.Sources(e.sources), w.Location(e.location);
  });
  w.List(rule.aggravations, [&](const Aggravation& a) {
    w.Str(a.id), w.Str(a.article), w.Text(a.label);
    w.Maybe(a.penalty, [&](const Penalty& p) { w.Penalty(p); });
    w.Int(a.certainty), w.Text(a.certainty_reason), w.Sources(a.sources), w.Location(a.location);
  });
  w.Maybe(rule.penalty, [&](const Penalty& p) { w.Penalty(p); });
  w.Int(rule.certainty), w.Text(rule.certainty_reason), w.Sources(rule.sources);
  w.Location(rule.location);
}

Rule ReadRule(Reader& r) {
  Rule rule;
  rule.id = r.Str();
  rule.kind = r.As<RuleKind>();
  rule.article = r.Str();
  rule.title = r.Text();
  rule.note = r.Text();
  rule.acts = r.Strs();
  rule.replaces = r.Strs();
  rule.elements = r.List<Element>([&] {
    Element e;
    e.id = r.Str();
    e.label = r.Text();
    e.sources = r.Sources();
    e.location = r.Location();
    return e;
  });
  rule.aggravations = r.List<Aggravation>([&] {
    Aggravation a;
    a.id = r.Str();
    a.article = r.Str();
    a.label = r.Text();
    a.penalty = r.Maybe<Penalty>([&] { return r.Penalty(); });
    a.certainty = r.As<Certainty>();
    a.certainty_reason = r.Text();
    a.sources = r.Sources();
    a.location = r.Location();
    return a;
  });
  rule.penalty = r.Maybe<Penalty>([&] { return r.Penalty(); });
  rule.certainty = r.As<Certainty>();
  rule.certainty_reason = r.Text();
  rule.sources = r.Sources();
  rule.location = r.Location();
  return rule;
}

void WriteLaw(const LawData& law, Writer& w) {
  w.List(law.versions, [&](const RulesetVersion& v) {
    w.Str(v.id), w.Str(v.jurisdiction), w.Str(v.instrument), w.Text(v.abbreviation), w.Text(v.title);
    w.Date(v.in_force_from);
    w.Maybe(v.in_force_until, [&](const Date& d) { w.Date(d); });
    w.Int(v.status), w.Text(v.note), w.Str(v.gap_before), w.Sources(v.sources);
    w.Maybe(v.penalty_levels, [&](const PenaltyLevels& t) { w.PenaltyLevels(t); });
    w.List(v.rules, [&](const Rule& rule) { WriteRule(rule, w); });
    w.Path(v.file);
  });
  w.Program(law.program);
  auto indexes = [&](const std::vector<int32_t>& list) { w.List(list, [&](int32_t i) { w.Int(i); }); };
  w.List(law.rules, [&](const CompiledRule& c) {
    w.Int(c.version), w.Int(c.rule), indexes(c.elements), indexes(c.aggravations);
  });
  indexes(law.first_rule);
}

void ReadLaw(Reader& r, LawData& law) {
  law.versions = r.List<RulesetVersion>([&] {
    RulesetVersion v;
    v.id = r.Str();
    v.jurisdiction = r.Str();
    v.instrument = r.Str();
    v.abbreviation = r.Text();
    v.title = r.Text();
    v.in_force_from = r.Date();
    v.in_force_until = r.Maybe<Date>([&] { return r.Date(); });
    v.status = r.As<VersionStatus>();
    v.note = r.Text();
    v.gap_before = r.Str();
    v.sources = r.Sources();
    v.penalty_levels = r.Maybe<PenaltyLevels>([&] { return r.PenaltyLevels(); });
    v.rules = r.List<Rule>([&] { return ReadRule(r); });
    v.file = r.Path();
    return v;
  });
  law.program = r.Program();
  auto indexes = [&] { return r.List<int32_t>([&] { return r.As<int32_t>(); }); };
  law.rules = r.List<CompiledRule>([&] {
    CompiledRule c;
    c.version = r.As<int>();
    c.rule = r.As<int>();
    c.elements = indexes();
    c.aggravations = indexes();
    return c;
  });
  law.first_rule = indexes();
}

void WriteHarms(const HarmsData& harms, Writer& w) {
  w.List(harms.harms, [&](const Harm& h) {
    w.Str(h.id), w.Str(h.kind), w.Text(h.label), w.Sources(h.sources), w.Location(h.location);
  });
  w.Program(harms.program);
  w.List(harms.roots, [&](int32_t root) { w.Int(root); });
  w.Strs(harms.rule_ids);
}

std::shared_ptr<HarmsData> ReadHarms(Reader& r) {
  auto harms = std::make_shared<HarmsData>();
  harms->harms = r.List<Harm>([&] {
    Harm h;
    h.id = r.Str();
    h.kind = r.Str();
    h.label = r.Text();
    h.sources = r.Sources();
    h.location = r.Location();
    return h;
  });
  harms->program = r.Program();
  harms->roots = r.List<int32_t>([&] { return r.As<int32_t>(); });
  harms->rule_ids = r.Strs();
  return harms;
}

void WriteProvision(const LimitationProvision& p, Writer& w) {
  w.Str(p.id), w.Str(p.article), w.Text(p.instrument), w.Text(p.title), w.Text(p.caveat);
  w.Int(p.certainty), w.Text(p.certainty_reason), w.Sources(p.sources);
}

LimitationProvision ReadProvision(Reader& r) {
  LimitationProvision p;
  p.id = r.Str();
  p.article = r.Str();
  p.instrument = r.Text();
  p.title = r.Text();
  p.caveat = r.Text();
  p.certainty = r.As<Certainty>();
  p.certainty_reason = r.Text();
  p.sources = r.Sources();
  return p;
}

// The slots of victim.minor and victim.age are not written: they are the vocabulary's.
void WriteLimitation(const LimitationData& data, Writer& w) {
  w.List(data.jurisdictions, [&](const internal::JurisdictionLimitation& j) {
    w.Str(j.jurisdiction), w.Int(j.start_day_after);
    w.List(j.regimes, [&](const internal::Regime& g) {
      WriteProvision(g.provision, w);
      w.Date(g.from), w.Int(g.reaches_earlier_facts);
      w.List(g.bands, [&](const internal::PeriodBand& b) {
        w.Maybe(b.up_to_months, [&](int64_t x) { w.Int(x); });
        w.Maybe(b.years, [&](int x) { w.Int(x); });
        w.Maybe(b.certainty, [&](Certainty c) { w.Int(c); });
        w.Text(b.certainty_reason);
      });
      w.Maybe(g.without_prison_years, [&](int x) { w.Int(x); });
      w.Int(g.outer_factor), w.Strs(g.rules);
    });
    w.List(j.specials, [&](const internal::Special& x) {
      WriteProvision(x.provision, w);
      w.Strs(x.rules), w.Int(x.effect);
      w.Maybe(x.facts_from, [&](const Date& d) { w.Date(d); });
      w.Maybe(x.facts_until, [&](const Date& d) { w.Date(d); });
      w.Int(x.reaches_earlier_facts);
    });
    w.Path(j.file);
  });
}

std::shared_ptr<LimitationData> ReadLimitation(Reader& r, const VocabularyData& vocabulary) {
  auto data = std::make_shared<LimitationData>();
  data->jurisdictions = r.List<internal::JurisdictionLimitation>([&] {
    internal::JurisdictionLimitation j;
    j.jurisdiction = r.Str();
    j.start_day_after = r.Int() != 0;
    j.regimes = r.List<internal::Regime>([&] {
      internal::Regime g;
      g.provision = ReadProvision(r);
      g.from = r.Date();
      g.reaches_earlier_facts = r.Int() != 0;
      g.bands = r.List<internal::PeriodBand>([&] {
        internal::PeriodBand b;
        b.up_to_months = r.Maybe<int64_t>([&] { return r.Int(); });
        b.years = r.Maybe<int>([&] { return r.As<int>(); });
        b.certainty = r.Maybe<Certainty>([&] { return r.As<Certainty>(); });
        b.certainty_reason = r.Text();
        return b;
      });
      g.without_prison_years = r.Maybe<int>([&] { return r.As<int>(); });
      g.outer_factor = r.As<int>();
      g.rules = r.Strs();
      return g;
    });
    j.specials = r.List<internal::Special>([&] {
      internal::Special x;
      x.provision = ReadProvision(r);
      x.rules = r.Strs();
      x.effect = r.As<internal::Effect>();
      x.facts_from = r.Maybe<Date>([&] { return r.Date(); });
      x.facts_until = r.Maybe<Date>([&] { return r.Date(); });
      x.reaches_earlier_facts = r.Int() != 0;
      return x;
    });
    j.file = r.Path();
    return j;
  });
  // As LimitationRules::FromTexts finds them.
  auto slot = [&](const char* name) -> std::optional<int> {
    const auto it = vocabulary.slots.find(name);
    if (it == vocabulary.slots.end()) return std::nullopt;
    return it->second;
  };
  data->minor_slot = slot("victim.minor");
  data->age_slot = slot("victim.age");
  return data;
}

void WriteDeclaration(const ActionDeclaration& d, Writer& w) {
  w.Str(d.rule), w.Int(d.action_class), w.Int(d.by);
  w.Maybe(d.to, [&](Actor a) { w.Int(a); });
  w.Maybe(d.deadline, [&](const DeadlineRule& t) {
    w.Int(t.months), w.Str(t.from), w.Text(t.period), w.Sources(t.sources);
    w.Int(t.certainty), w.Text(t.certainty_reason);
  });
  w.Location(d.location);
}

ActionDeclaration ReadDeclaration(Reader& r) {
  ActionDeclaration d;
  d.rule = r.Str();
  d.action_class = r.As<int>();
  d.by = r.As<Actor>();
  d.to = r.Maybe<Actor>([&] { return r.As<Actor>(); });
  d.deadline = r.Maybe<DeadlineRule>([&] {
    DeadlineRule t;
    t.months = r.As<int>();
    t.from = r.Str();
    t.period = r.Text();
    t.sources = r.Sources();
    t.certainty = r.As<Certainty>();
    t.certainty_reason = r.Text();
    return t;
  });
  d.location = r.Location();
  return d;
}

void WriteActions(const ActionsData& data, Writer& w) {
  w.List(data.classes, [&](const ActionClass& c) { w.Str(c.id), w.Text(c.title); });
  w.List(data.declarations, [&](const ActionDeclaration& d) { WriteDeclaration(d, w); });
  w.Maybe(data.close_to_limitation, [&](const internal::CloseToLimitation& close) {
    w.Int(close.within_months);
    w.List(close.by_jurisdiction, [&](const auto& entry) { w.Str(entry.first), WriteDeclaration(entry.second, w); });
  });
}

std::shared_ptr<ActionsData> ReadActions(Reader& r) {
  auto data = std::make_shared<ActionsData>();
  data->classes = r.List<ActionClass>([&] {
    ActionClass c;
    c.id = r.Str();
    c.title = r.Text();
    return c;
  });
  data->declarations = r.List<ActionDeclaration>([&] { return ReadDeclaration(r); });
  data->close_to_limitation = r.Maybe<internal::CloseToLimitation>([&] {
    internal::CloseToLimitation close;
    close.within_months = r.As<int>();
    close.by_jurisdiction = r.List<std::pair<std::string, ActionDeclaration>>([&] {
      std::string jurisdiction = r.Str();
      return std::pair<std::string, ActionDeclaration>(std::move(jurisdiction), ReadDeclaration(r));
    });
    return close;
  });
  return data;
}

void WriteLetters(const LettersData& data, Writer& w) {
  w.Int(data.blanks.size());
  for (const auto& [slot, text] : data.blanks) w.Str(slot), w.Text(text);
  w.Text(data.provision);
  w.Int(data.authorities.size());
  for (const auto& [jurisdiction, authority] : data.authorities) {
    w.Str(jurisdiction), w.Text(authority.name), w.Sources(authority.sources);
  }
  w.List(data.kinds, [&](const LetterTemplate& letter) {
    w.Str(letter.kind), w.Text(letter.title), w.Sources(letter.sources);
    w.List(letter.parts, [&](const LetterPart& part) {
      w.Str(part.id), w.Str(part.element), w.Text(part.text), w.Text(part.child_abuse_material);
      w.Location(part.location);
    });
    w.Location(letter.location);
  });
}

std::shared_ptr<LettersData> ReadLetters(Reader& r) {
  auto data = std::make_shared<LettersData>();
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    std::string slot = r.Str();
    data->blanks[std::move(slot)] = r.Text();
  }
  data->provision = r.Text();
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    std::string jurisdiction = r.Str();
    SupervisoryAuthority authority;
    authority.name = r.Text();
    authority.sources = r.Sources();
    data->authorities[std::move(jurisdiction)] = std::move(authority);
  }
  data->kinds = r.List<LetterTemplate>([&] {
    LetterTemplate letter;
    letter.kind = r.Str();
    letter.title = r.Text();
    letter.sources = r.Sources();
    letter.parts = r.List<LetterPart>([&] {
      LetterPart part;
      part.id = r.Str();
      part.element = r.Str();
      part.text = r.Text();
      part.child_abuse_material = r.Text();
      part.location = r.Location();
      return part;
    });
    letter.location = r.Location();
    return letter;
  });
  return data;
}

// Everything after the header: the source files, the vocabulary, the law, the harms, the
// law's SHA-256, the limitation periods, the actions, the letters.
void WriteBody(const std::vector<SourceFile>& files, const CompiledLaw& compiled, Writer& w) {
  const Law& law = compiled.law;
  w.List(files, [&](const SourceFile& f) { w.Str(f.name), w.Int(f.size), w.Int(f.hash); });
  WriteVocabulary(internal::DataOf(law.vocabulary()), w);
  WriteLaw(internal::DataOf(law), w);
  w.Maybe(compiled.harms, [&](const Harms& harms) { WriteHarms(internal::DataOf(harms), w); });
  w.Str(compiled.law_sha256);
  w.Int(law.limitation() != nullptr);
  if (law.limitation() != nullptr) WriteLimitation(internal::DataOf(*law.limitation()), w);
  w.Maybe(compiled.actions, [&](const Actions& actions) { WriteActions(internal::DataOf(actions), w); });
  w.Maybe(compiled.letters, [&](const Letters& letters) { WriteLetters(internal::DataOf(letters), w); });
}

// Whether the rules' references to each other form no cycle, as the loader ensures:
// judging follows them, and around a cycle it would never stop. REQUIRES: the indexes
// are in range (Consistent checks them first).
bool RuleReferencesAcyclic(const LawData& law) {
  const Program& p = law.program;
  // Which rules each rule's conditions name; a subtree shared by several parents (which
  // only damage makes) is walked once per rule.
  std::vector<std::vector<int32_t>> names(law.rules.size());
  std::vector<size_t> walked_for(p.nodes.size(), law.rules.size());
  std::vector<int32_t> stack;
  for (size_t r = 0; r < law.rules.size(); ++r) {
    stack.assign(law.rules[r].elements.begin(), law.rules[r].elements.end());
    stack.insert(stack.end(), law.rules[r].aggravations.begin(), law.rules[r].aggravations.end());
    while (!stack.empty()) {
      const int32_t at = stack.back();
      stack.pop_back();
      if (walked_for[at] == r) continue;
      walked_for[at] = r;
      const Node& n = p.nodes[at];
      if (n.op == internal::Op::kRule) names[r].push_back(n.rule);
      if (n.op == internal::Op::kAll || n.op == internal::Op::kAny || n.op == internal::Op::kNot) {
        stack.insert(stack.end(), p.children.begin() + n.first, p.children.begin() + n.first + n.count);
      }
    }
  }
  // Rules named by no rule left are taken away until none is left, or a cycle is.
  std::vector<int32_t> named_by(law.rules.size(), 0);
  for (const auto& named : names) {
    for (int32_t rule : named) ++named_by[rule];
  }
  std::vector<int32_t> free;
  for (size_t r = 0; r < law.rules.size(); ++r) {
    if (named_by[r] == 0) free.push_back(static_cast<int32_t>(r));
  }
  size_t taken = 0;
  while (!free.empty()) {
    const int32_t r = free.back();
    free.pop_back();
    ++taken;
    for (int32_t rule : names[r]) {
      if (--named_by[rule] == 0) free.push_back(rule);
    }
  }
  return taken == law.rules.size();
}

// Indexes read from a file are checked before anything follows them: a damaged
// snapshot must fail here, not index out of bounds later.
bool Consistent(const VocabularyData& vocabulary, const LawData& law, const HarmsData* harms) {
  auto in_program = [](const Program& p, int32_t i) {
    return i >= 0 && static_cast<size_t>(i) < p.nodes.size();
  };
  auto program_ok = [&](const Program& p, size_t rules) {
    if (p.locations.size() != p.nodes.size()) return false;
    for (int32_t c : p.children) {
      if (!in_program(p, c)) return false;
    }
    for (size_t i = 0; i < p.nodes.size(); ++i) {
      const Node& n = p.nodes[i];
      if (static_cast<uint8_t>(n.op) > static_cast<uint8_t>(internal::Op::kRule)) return false;
      if (n.op == internal::Op::kAll || n.op == internal::Op::kAny || n.op == internal::Op::kNot) {
        // A negation has one operand; without it, judging would read past the node.
        if (n.first < 0 || n.count < 0 || (n.op == internal::Op::kNot && n.count != 1) ||
            static_cast<size_t>(n.first) + static_cast<size_t>(n.count) > p.children.size()) {
          return false;
        }
        // Children are compiled before their parent: this also rules out cycles.
        for (int32_t k = 0; k < n.count; ++k) {
          if (static_cast<size_t>(p.children[n.first + k]) >= i) return false;
        }
      } else if (n.op == internal::Op::kRule) {
        if (n.rule < 0 || static_cast<size_t>(n.rule) >= rules) return false;
      } else if (n.slot < 0 || static_cast<size_t>(n.slot) >= vocabulary.facts.size()) {
        return false;
      }
    }
    return true;
  };
  if (!program_ok(vocabulary.program, 0) || !program_ok(law.program, law.rules.size())) return false;
  if (harms != nullptr) {
    // A harm's rule references index its own list of rule ids, each a rule of the law (as
    // Harms::Parse ensures); each harm has its condition; its kind is one the reports know.
    if (!program_ok(harms->program, harms->rule_ids.size()) || harms->roots.size() != harms->harms.size()) {
      return false;
    }
    for (int32_t root : harms->roots) {
      if (!in_program(harms->program, root)) return false;
    }
    for (const auto& h : harms->harms) {
      if (h.kind != "harm" && h.kind != "transposition") return false;
    }
    for (const auto& id : harms->rule_ids) {
      const bool known = std::any_of(law.versions.begin(), law.versions.end(), [&](const RulesetVersion& v) {
        return std::any_of(v.rules.begin(), v.rules.end(), [&](const Rule& rule) { return rule.id == id; });
      });
      if (!known) return false;
    }
  }
  // Every jurisdiction is named, and nothing else is.
  if (vocabulary.jurisdiction_names.size() != vocabulary.jurisdictions.size() + vocabulary.applies_alongside.size()) {
    return false;
  }
  for (const auto* codes : {&vocabulary.jurisdictions, &vocabulary.applies_alongside}) {
    for (const auto& code : *codes) {
      if (vocabulary.jurisdiction_names.count(code) == 0) return false;
    }
  }
  for (const auto& d : vocabulary.derivations) {
    if (d.slot < 0 || static_cast<size_t>(d.slot) >= vocabulary.facts.size() ||
        !in_program(vocabulary.program, d.root)) {
      return false;
    }
  }
  for (const auto& c : vocabulary.constraints) {
    if (!in_program(vocabulary.program, c.when) || (c.then != -1 && !in_program(vocabulary.program, c.then)) ||
        (c.then == -1) == c.not_applicable.empty() ||
        (c.severity != Severity::kError && c.severity != Severity::kWarning)) {
      return false;
    }
    for (int slot : c.not_applicable) {
      if (slot < 0 || static_cast<size_t>(slot) >= vocabulary.facts.size()) return false;
    }
  }
  if (law.first_rule.size() != law.versions.size()) return false;
  int32_t global = 0;
  for (size_t v = 0; v < law.versions.size(); ++v) {
    if (law.first_rule[v] != global) return false;
    global += static_cast<int32_t>(law.versions[v].rules.size());
  }
  if (static_cast<size_t>(global) != law.rules.size()) return false;
  for (const auto& c : law.rules) {
    if (c.version < 0 || static_cast<size_t>(c.version) >= law.versions.size()) return false;
    const Rule* rule = c.rule >= 0 && static_cast<size_t>(c.rule) < law.versions[c.version].rules.size()
                           ? &law.versions[c.version].rules[c.rule]
                           : nullptr;
    if (rule == nullptr || c.elements.size() != rule->elements.size() ||
        c.aggravations.size() != rule->aggravations.size()) {
      return false;
    }
    for (int32_t root : c.elements) {
      if (!in_program(law.program, root)) return false;
    }
    for (int32_t root : c.aggravations) {
      if (!in_program(law.program, root)) return false;
    }
  }
  return RuleReferencesAcyclic(law);
}

bool IsCertainty(Certainty c) {
  return static_cast<int>(c) >= static_cast<int>(Certainty::kSettled) &&
         static_cast<int>(c) <= static_cast<int>(Certainty::kUnverified);
}

// What the loaders of limitation.yaml, actions.yaml and letters.yaml ensure and the time bars,
// the plan and the letters rely on: enums in range, an action's class among the classes, a
// deadline counted from a date fact over a bounded term, periods that count forward, letters
// as Letters::Parse leaves them (internal::WellFormed); and a SHA-256 that is one.
bool ConsistentBeside(const VocabularyData& vocabulary, const std::string& law_sha256, const LimitationData* limitation,
                      const ActionsData* actions, const LettersData* letters) {
  if (letters != nullptr && !internal::WellFormed(*letters, vocabulary.jurisdictions)) return false;
  if (!law_sha256.empty() &&
      (law_sha256.size() != 64 || law_sha256.find_first_not_of("0123456789abcdef") != std::string::npos)) {
    return false;
  }
  if (limitation != nullptr) {
    for (const auto& j : limitation->jurisdictions) {
      if (std::find(vocabulary.jurisdictions.begin(), vocabulary.jurisdictions.end(), j.jurisdiction) ==
          vocabulary.jurisdictions.end()) {
        return false;
      }
      for (const auto& g : j.regimes) {
        if (!IsCertainty(g.provision.certainty) || g.outer_factor < 1 || g.outer_factor > 100 ||
            (g.without_prison_years && (*g.without_prison_years < 0 || *g.without_prison_years > 1000))) {
          return false;
        }
        for (const auto& b : g.bands) {
          if ((b.years && (*b.years < 0 || *b.years > 1000)) || (b.certainty && !IsCertainty(*b.certainty))) {
            return false;
          }
        }
      }
      for (const auto& x : j.specials) {
        if (!IsCertainty(x.provision.certainty) ||
            (x.effect != internal::Effect::kNever && x.effect != internal::Effect::kStartAt18)) {
          return false;
        }
      }
    }
  }
  if (actions != nullptr) {
    std::vector<const ActionDeclaration*> declarations;
    for (const auto& d : actions->declarations) declarations.push_back(&d);
    if (const auto& close = actions->close_to_limitation) {
      // PlanActions gives each its finding's last day: it needs a deadline, said in words.
      if (close->within_months < 1 || close->within_months > 120) return false;
      for (const auto& [jurisdiction, d] : close->by_jurisdiction) {
        if (!d.deadline || d.deadline->months != 0) return false;
        declarations.push_back(&d);
      }
    }
    for (const ActionDeclaration* declaration : declarations) {
      const ActionDeclaration& d = *declaration;
      if (d.action_class < 0 || static_cast<size_t>(d.action_class) >= actions->classes.size() ||
          static_cast<int>(d.by) < static_cast<int>(Actor::kVictim) ||
          static_cast<int>(d.by) > static_cast<int>(Actor::kSupportService)) {
        return false;
      }
      if (!d.deadline) continue;
      const DeadlineRule& t = *d.deadline;
      if (!IsCertainty(t.certainty) || t.months < 0 || t.months > 1200 || t.from.empty() != (t.months == 0)) {
        return false;
      }
      if (!t.from.empty()) {
        const auto slot = vocabulary.slots.find(t.from);
        if (slot == vocabulary.slots.end() || vocabulary.facts[slot->second].type != FactType::kDate) return false;
      }
    }
  }
  return true;
}

// The bundled law compiles to under 2 MB; a file many times larger is not a snapshot.
constexpr size_t kMaxSnapshotBytes = size_t{64} << 20;

Diagnostic Refused(const std::string& path, const std::string& why) {
  return Diagnostic{"E0003", SourceLocation{path, 0, 0}, "snapshot not used: " + why, {}, "", 1};
}

// Reads every source file of `directory` and records its size and hash.
Result<std::vector<SourceFile>> Fingerprint(const std::string& directory,
                                            std::vector<std::pair<std::string, std::string>>* texts) {
  const std::string prefix = Prefix(directory);
  std::vector<SourceFile> files;
  std::vector<Diagnostic> errors;
  for (const auto& path : SourcePaths(directory, errors)) {
    Diagnostic error;
    auto text = internal::ReadFile(path, error);
    if (!text) {
      errors.push_back(error);
      continue;
    }
    const std::string name = path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path;
    files.push_back(SourceFile{name, text->size(), Hash(*text)});
    if (texts != nullptr) texts->emplace_back(path, std::move(*text));
  }
  if (!errors.empty()) return errors;
  return files;
}

std::string FingerprintText(const std::vector<SourceFile>& files) {
  std::string listing;
  for (const auto& f : files) listing += f.name + '\0' + std::to_string(f.size) + '\0' + std::to_string(f.hash) + '\n';
  static const char* const kDigits = "0123456789abcdef";
  uint64_t h = Hash(listing);
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) hex[i] = kDigits[h & 0xF];
  return hex;
}

}  // namespace

Result<std::string> LawFingerprint(const std::string& directory) {
  auto files = Fingerprint(directory, nullptr);
  if (!files.ok()) return files.errors();
  return FingerprintText(files.value());
}

Result<CompiledLaw> CompileSnapshot(const std::string& directory, const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    return Diagnostic{"E0001", SourceLocation{directory, 0, 0},
                      "not a directory of rulesets", {"pass --rulesets DIR"}, "", 1};
  }
  // The law is compiled from the very bytes that are hashed, so the snapshot can never
  // describe files other than the ones it was compiled from.
  std::vector<std::pair<std::string, std::string>> texts;
  auto files = Fingerprint(directory, &texts);
  if (!files.ok()) return files.errors();
  // The law's SHA-256, of the same bytes: a run with this snapshot need not read them again.
  const std::string prefix = Prefix(directory);
  std::vector<std::pair<std::string, std::string>> yaml;
  for (const auto& [file, text] : texts) {
    const auto extension = fs::path(file).extension();
    if (extension != ".yaml" && extension != ".yml") continue;
    yaml.emplace_back(file.compare(0, prefix.size(), prefix) == 0 ? file.substr(prefix.size()) : file, text);
  }
  const std::string law_sha256 = internal::LawSha256Of(std::move(yaml));
  // Of the files that are not rulesets, the limitation periods, the actions and the letters
  // are compiled; any other is only fingerprinted.
  const auto limitation_files = internal::LimitationFiles(directory);
  std::vector<std::pair<std::string, std::string>> limitation_texts;
  std::optional<std::pair<std::string, std::string>> actions_text;
  std::optional<std::pair<std::string, std::string>> letters_text;
  const auto compiled_paths = [&] {
    std::vector<Diagnostic> reported;  // Fingerprint has reported them
    return CompiledPaths(directory, reported);
  }();
  std::erase_if(texts, [&](auto& text) {
    if (std::find(limitation_files.begin(), limitation_files.end(), text.first) != limitation_files.end()) {
      limitation_texts.push_back(std::move(text));
      return true;
    }
    if (text.first == ActionsPath(directory)) {
      actions_text = std::move(text);
      return true;
    }
    if (text.first == LettersPath(directory)) {
      letters_text = std::move(text);
      return true;
    }
    return std::find(compiled_paths.begin(), compiled_paths.end(), text.first) == compiled_paths.end();
  });
  auto vocabulary = Vocabulary::Parse(texts.front().second, texts.front().first);
  if (!vocabulary.ok()) return vocabulary.errors();
  texts.erase(texts.begin());
  std::optional<std::pair<std::string, std::string>> harms_text;
  if (!texts.empty() && texts.back().first == HarmsPath(directory)) {
    harms_text = std::move(texts.back());
    texts.pop_back();
  }
  auto law = Law::FromTexts(texts, vocabulary.value());
  if (!law.ok()) return law.errors();
  if (auto uncovered = internal::UncoveredJurisdictions(law.value(), directory); !uncovered.empty()) {
    return uncovered;
  }
  CompiledLaw compiled{std::move(law).value(), std::nullopt, std::nullopt, std::nullopt, law_sha256};
  if (harms_text) {
    auto harms = Harms::Parse(harms_text->second, harms_text->first, compiled.law);
    if (!harms.ok()) return harms.errors();
    compiled.harms = std::move(harms).value();
  }
  auto limitation = LimitationRules::FromTexts(limitation_texts, compiled.law);
  if (!limitation.ok()) return limitation.errors();
  compiled.law.set_limitation(std::make_shared<const LimitationRules>(std::move(limitation).value()));
  if (actions_text) {
    auto actions = Actions::Parse(actions_text->second, actions_text->first, compiled.law);
    if (!actions.ok()) return actions.errors();
    compiled.actions = std::move(actions).value();
  }
  if (letters_text) {
    auto letters = Letters::Parse(letters_text->second, letters_text->first, compiled.law.vocabulary());
    if (!letters.ok()) return letters.errors();
    compiled.letters = std::move(letters).value();
  }

  Writer w(Prefix(directory));
  WriteBody(files.value(), compiled, w);
  w.bytes().insert(0, internal::SnapshotHeader(w.bytes()));

  // Written beside the target and renamed, so a reader never sees half a snapshot, and a
  // full disk leaves the previous one. Readable by all: it holds law, not cases.
  if (auto written = internal::WriteFileAtomically(path, w.bytes(), 0644); !written.ok()) {
    return written.errors();
  }
  return compiled;
}

Result<CompiledLaw> LoadSnapshot(const std::string& path, const std::string& directory) {
  // Only a regular file of a plausible size is read: a folder, a named pipe or a sparse
  // file of gigabytes in its place is refused before a byte is read (and the YAML used).
  Diagnostic unreadable;
  auto read = internal::ReadFile(path, unreadable, {kMaxSnapshotBytes, false});
  if (!read) return Refused(path, "cannot read it: " + unreadable.message);
  return internal::ReadSnapshot(*read, path, directory, true);
}

namespace internal {

std::string SnapshotHeader(std::string_view body) {
  // What it is, which layout, and a hash of the rest to detect damage.
  Writer header("");
  header.bytes().append(kMagic, sizeof kMagic);
  header.Int(LayoutFingerprint());
  header.Int(Hash(body));
  return std::move(header.bytes());
}

std::string SnapshotBody(const CompiledLaw& compiled, const std::string& directory, std::vector<size_t>* integers) {
  Writer w(Prefix(directory), integers);
  WriteBody({}, compiled, w);
  return std::move(w.bytes());
}

std::string SnapshotBody(const Law& law, const Harms* harms, const std::string& directory,
                         std::vector<size_t>* integers) {
  const CompiledLaw compiled{law, harms != nullptr ? std::optional<Harms>(*harms) : std::nullopt, std::nullopt,
                             std::nullopt, ""};
  return SnapshotBody(compiled, directory, integers);
}

Result<CompiledLaw> ReadSnapshot(const std::string& bytes, const std::string& path,
                                 const std::string& directory, bool compare_sources) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Refused(path, "not an ibsa snapshot");
  }
  constexpr size_t kHeader = sizeof kMagic + 2 * sizeof(int64_t);
  Reader r(bytes, sizeof kMagic, Prefix(directory));
  if (static_cast<uint64_t>(r.Int()) != LayoutFingerprint()) {
    return Refused(path, "written by another version of ibsa");
  }
  if (!r.ok() || static_cast<uint64_t>(r.Int()) != Hash(std::string_view(bytes).substr(kHeader))) {
    return Refused(path, "damaged");
  }
  const auto recorded = r.List<SourceFile>([&] {
    SourceFile f;
    f.name = r.Str();
    f.size = r.As<uint64_t>();
    f.hash = r.As<uint64_t>();
    return f;
  });
  if (!r.ok()) return Refused(path, "damaged");
  if (compare_sources) {
    auto current = Fingerprint(directory, nullptr);
    if (!current.ok()) return Refused(path, "the rulesets cannot be read");
    const auto& files = current.value();
    if (files.size() != recorded.size()) return Refused(path, "stale: the rulesets have changed");
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].name != recorded[i].name || files[i].size != recorded[i].size ||
          files[i].hash != recorded[i].hash) {
        return Refused(path, "stale: " + files[i].name + " has changed");
      }
    }
  }
  auto vocabulary = ReadVocabulary(r);
  auto law = std::make_shared<LawData>(Access::MakeVocabulary(vocabulary));
  ReadLaw(r, *law);
  std::shared_ptr<HarmsData> harms;
  if (r.Int() != 0) harms = ReadHarms(r);
  std::string law_sha256 = r.Str();
  std::shared_ptr<LimitationData> limitation;
  if (r.Int() != 0) limitation = ReadLimitation(r, *vocabulary);
  std::shared_ptr<ActionsData> actions;
  if (r.Int() != 0) actions = ReadActions(r);
  std::shared_ptr<LettersData> letters;
  if (r.Int() != 0) letters = ReadLetters(r);
  if (!r.ok() || !Consistent(*vocabulary, *law, harms.get()) ||
      !ConsistentBeside(*vocabulary, law_sha256, limitation.get(), actions.get(), letters.get())) {
    return Refused(path, "damaged");
  }
  internal::IndexLaw(*law);
  CompiledLaw result{Access::MakeLaw(std::move(law)), std::nullopt, std::nullopt, std::nullopt,
                     std::move(law_sha256)};
  if (harms) result.harms = Access::MakeHarms(std::move(harms));
  if (limitation) {
    result.law.set_limitation(std::make_shared<const LimitationRules>(Access::MakeLimitation(std::move(limitation))));
  }
  if (actions) result.actions = Access::MakeActions(std::move(actions));
  if (letters) result.letters = Access::MakeLetters(std::move(letters));
  // The files it was compiled from: those of `directory` when compared above.
  result.law.set_source(LawSource{directory, path, FingerprintText(recorded)});
  return result;
}

}  // namespace internal

}  // namespace ibsa
