#include "ibsa/law.h"

#include <algorithm>
#include <filesystem>

#include "base/access.h"
#include "base/file_io.h"
#include "load/law_data.h"
#include "load/proposals.h"
#include "load/rule_ids_in_texts.h"
#include "yaml/yaml_reader.h"

namespace ibsa {

const std::string& Source::Title(Language language) const {
  const std::string& given = language == Language::kNl ? titles.nl : language == Language::kFr ? titles.fr : titles.en;
  return given.empty() ? title : given;
}

bool OfficialAddress(std::string_view url) {
  static const char* const kPortals[] = {
      "https://www.ejustice.just.fgov.be/", "https://eur-lex.europa.eu/",   "https://wetten.overheid.nl/",
      "https://zoek.officielebekendmakingen.nl/", "https://uitspraken.rechtspraak.nl/",
      "https://curia.europa.eu/",         "https://juportal.be/",         "https://www.dekamer.be/",
      "https://www.lachambre.be/"};
  for (const char* portal : kPortals) {
    if (url.starts_with(portal)) return true;
  }
  return false;
}

std::string_view RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kOffence: return "offence";
    case RuleKind::kObligation: return "obligation";
    case RuleKind::kRemedy: return "remedy";
    case RuleKind::kReferral: return "referral";
    case RuleKind::kGap: return "gap";
    case RuleKind::kDefinition: return "definition";
    case RuleKind::kStateDuty: return "state_duty";
  }
  return "offence";
}

std::string_view CertaintyName(Certainty certainty) {
  switch (certainty) {
    case Certainty::kSettled: return "settled";
    case Certainty::kLikely: return "likely";
    case Certainty::kContested: return "contested";
    case Certainty::kUnverified: return "unverified";
  }
  return "unverified";
}

std::string_view VersionStatusName(VersionStatus status) {
  switch (status) {
    case VersionStatus::kInForce: return "in_force";
    case VersionStatus::kProposed: return "proposed";
    case VersionStatus::kRepealed: return "repealed";
  }
  return "in_force";
}

namespace {

bool Overlap(const RulesetVersion& a, const RulesetVersion& b) {
  const bool a_ends_before_b = a.in_force_until && *a.in_force_until < b.in_force_from;
  const bool b_ends_before_a = b.in_force_until && *b.in_force_until < a.in_force_from;
  return !a_ends_before_b && !b_ends_before_a;
}

std::string Period(const RulesetVersion& v) {
  return v.in_force_from.ToString() + " to " +
         (v.in_force_until ? v.in_force_until->ToString() : std::string("open"));
}

// Checks what no single file can: unique version ids, and that the versions of
// one instrument that are law (not bills) never overlap in time.
void CheckAcrossFiles(const internal::LawData& law, std::vector<Diagnostic>& diagnostics) {
  const auto& versions = law.versions;
  for (size_t i = 0; i < versions.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const RulesetVersion& a = versions[j];
      const RulesetVersion& b = versions[i];
      if (a.id == b.id) {
        diagnostics.push_back(Diagnostic{"E0109", SourceLocation{b.file, 0, 0},
                                         "ruleset id '" + b.id + "' is also used by " + a.file,
                                         {}, "", 1});
        continue;
      }
      if (a.jurisdiction != b.jurisdiction || a.instrument != b.instrument) continue;
      if (a.status == VersionStatus::kProposed || b.status == VersionStatus::kProposed) continue;
      if (Overlap(a, b)) {
        diagnostics.push_back(Diagnostic{
            "E0203", SourceLocation{b.file, 0, 0},
            "versions of " + b.jurisdiction + " " + b.instrument + " overlap in time: '" + b.id +
                "' (" + Period(b) + ") and '" + a.id + "' (" + Period(a) + ", " + a.file + ")",
            {"a date must select at most one version: end the earlier one the day before the "
             "later one starts"},
            "", 1});
      }
    }
  }
}

Result<Law> Finish(std::shared_ptr<internal::LawData> data, std::vector<Diagnostic> diagnostics);

}  // namespace

Result<Law> Law::FromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                           const Vocabulary& vocabulary) {
  auto data = std::make_shared<internal::LawData>(vocabulary);
  std::vector<Diagnostic> diagnostics;
  std::vector<internal::IdTokenAt> id_tokens;
  for (const auto& [file, text] : files) {
    internal::ParseRulesetFile(text, file, *data, diagnostics, id_tokens);
  }
  if (diagnostics.empty()) internal::CiteRuleIds(*data, id_tokens, diagnostics);
  return Finish(std::move(data), std::move(diagnostics));
}

namespace internal {

std::vector<std::string> RulesetFiles(const std::string& directory, std::vector<Diagnostic>& errors) {
  std::vector<std::string> paths;
  for (auto& path : FindFiles(directory, {".yaml", ".yml"}, errors)) {
    // The vocabulary, the harms, the actions, the letters and the limitation periods are
    // not rulesets.
    const auto name = std::filesystem::path(path).filename();
    if (name == "facts.yaml" || name == "harms.yaml" || name == "actions.yaml" || name == "letters.yaml" ||
        name == "limitation.yaml") continue;
    paths.push_back(std::move(path));
  }
  return paths;
}

std::vector<std::string> LimitationFiles(const std::string& directory) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const auto path = entry.path() / "limitation.yaml";
    if (entry.is_directory(ec) && std::filesystem::exists(path, ec)) paths.push_back(path.string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string> FilesReadBesideTheLaw(const std::string& directory) {
  std::vector<std::string> paths = LimitationFiles(directory);
  std::error_code ec;
  const auto actions = std::filesystem::path(directory) / "actions.yaml";
  if (std::filesystem::exists(actions, ec)) paths.push_back(actions.string());
  const auto letters = std::filesystem::path(directory) / "letters.yaml";
  if (std::filesystem::exists(letters, ec)) paths.push_back(letters.string());
  return paths;
}

std::vector<Diagnostic> UncoveredJurisdictions(const Law& law, const std::string& directory) {
  std::vector<Diagnostic> errors;
  for (const auto& jurisdiction : law.vocabulary().jurisdictions()) {
    const bool covered = std::any_of(law.versions().begin(), law.versions().end(),
                                     [&](const RulesetVersion& v) { return v.jurisdiction == jurisdiction; });
    if (covered) continue;
    errors.push_back(Diagnostic{
        "E0206", SourceLocation{directory, 0, 0},
        "no ruleset of " + jurisdiction + " in this folder: a case of " + jurisdiction +
            " would be judged by EU law alone",
        {"the vocabulary (facts.yaml) declares the jurisdictions " +
         JoinQuoted(law.vocabulary().jurisdictions()) +
         "; each needs its ruleset files here, in folders that can be read"},
        "", 1});
  }
  return errors;
}

}  // namespace internal

Result<Law> Law::Load(const std::string& directory, const Vocabulary& vocabulary) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return Diagnostic{"E0001", SourceLocation{directory, 0, 0},
                      "not a directory of rulesets", {"pass --rulesets DIR"}, "", 1};
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<Diagnostic> diagnostics;
  for (const auto& path : internal::RulesetFiles(directory, diagnostics)) {
    Diagnostic error;
    if (auto text = internal::ReadFile(path, error)) {
      files.emplace_back(path, std::move(*text));
    } else {
      diagnostics.push_back(error);
    }
  }
  if (!diagnostics.empty()) return diagnostics;
  auto law = FromTexts(files, vocabulary);
  if (!law.ok()) return law;
  if (auto uncovered = internal::UncoveredJurisdictions(law.value(), directory); !uncovered.empty()) {
    return uncovered;
  }
  return law;
}

namespace {

Result<Law> Finish(std::shared_ptr<internal::LawData> data, std::vector<Diagnostic> diagnostics) {
  if (diagnostics.empty()) CheckAcrossFiles(*data, diagnostics);
  if (!diagnostics.empty()) return diagnostics;
  internal::IndexLaw(*data);
  return internal::Access::MakeLaw(std::move(data));
}

}  // namespace


const Vocabulary& Law::vocabulary() const { return data_->vocabulary; }
const std::vector<RulesetVersion>& Law::versions() const { return data_->versions; }

const RulesetVersion* Law::FindVersion(std::string_view id) const {
  for (const auto& v : data_->versions) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

const Rule* Law::FindRule(std::string_view id) const {
  for (const auto& v : data_->versions) {
    for (const auto& r : v.rules) {
      if (r.id == id) return &r;
    }
  }
  return nullptr;
}

bool Law::AppliesIn(std::string_view version_jurisdiction, std::string_view case_jurisdiction) const {
  if (version_jurisdiction == case_jurisdiction) return true;
  const auto& alongside = data_->alongside;
  return std::find(alongside.begin(), alongside.end(), version_jurisdiction) != alongside.end();
}

const RulesetVersion* Law::VersionInForce(std::string_view jurisdiction,
                                          std::string_view instrument, Date date,
                                          const std::vector<std::string>& with) const {
  const internal::LawData& law = *data_;
  for (const auto& index : law.instruments) {
    if (index.jurisdiction != jurisdiction || index.instrument != instrument) continue;
    std::vector<uint8_t> overlaid(law.versions.size(), 0);
    for (int v : index.versions) {
      overlaid[v] = std::find(with.begin(), with.end(), law.versions[v].id) != with.end();
    }
    const int v = internal::VersionInForce(law, index, date, overlaid);
    return v < 0 ? nullptr : &law.versions[v];
  }
  return nullptr;
}

namespace internal {

Status CheckProposals(const Law& law, const std::vector<std::string>& with, std::string_view jurisdiction) {
  std::vector<std::string> proposed;
  for (const auto& version : law.versions()) {
    if (version.status == VersionStatus::kProposed) proposed.push_back(version.id);
  }
  std::vector<Diagnostic> errors;
  for (const auto& id : with) {
    const RulesetVersion* v = law.FindVersion(id);
    if (v == nullptr) {
      std::vector<std::string> help;
      if (std::string hint = DidYouMean(id, proposed); !hint.empty()) help.push_back(std::move(hint));
      help.push_back(proposed.empty() ? "no proposed version is loaded"
                                      : "proposed versions: " + JoinQuoted(proposed));
      errors.push_back(Diagnostic{"E0301", {}, "--with '" + id + "': no ruleset version has this id", help, "", 1});
    } else if (v->status != VersionStatus::kProposed) {
      errors.push_back(Diagnostic{
          "E0302", {}, "--with '" + id + "': this version is not a proposal",
          {"versions in force apply by their dates; --with only overlays proposed versions"},
          "", 1});
    } else if (!law.AppliesIn(v->jurisdiction, jurisdiction)) {
      // Overlaid on another country's law it would change nothing: a silent no-op reads as
      // "this bill changes nothing".
      std::vector<std::string> here;
      for (const auto& version : law.versions()) {
        if (version.status == VersionStatus::kProposed && law.AppliesIn(version.jurisdiction, jurisdiction)) {
          here.push_back(version.id);
        }
      }
      errors.push_back(Diagnostic{
          "E0304", {},
          "--with '" + id + "': this is a proposal of " + v->jurisdiction + " law, not of " + std::string(jurisdiction),
          {here.empty() ? "no proposal of " + std::string(jurisdiction) + " law is loaded"
                        : "proposals of " + std::string(jurisdiction) + " law: " + JoinQuoted(here)},
          "", 1});
    }
  }
  if (!errors.empty()) return errors;
  return Status::Ok();
}

}  // namespace internal

}  // namespace ibsa
