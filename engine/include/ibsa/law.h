// File: law.h
// The law as loaded from rulesets/: one RulesetVersion per YAML file (one version
// of one instrument), each with its rules. Conditions are compiled once, at load,
// into an immutable program; a Law is safe to share between threads.
#ifndef IBSA_LAW_H_
#define IBSA_LAW_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ibsa/date.h"
#include "ibsa/status.h"
#include "ibsa/text.h"
#include "ibsa/vocabulary.h"

namespace ibsa {

class LimitationRules;  // ibsa/limitation.h

namespace internal {
struct LawData;
class Access;
}  // namespace internal

// kDefinition: a legal concept other rules refer to (e.g. what counts as child
// sexual abuse material); reported so that a lawyer sees why it is met.
// kStateDuty: what a directive obliges the Member State to do (criminalise, ensure
// removal); shown apart, since no person or company is bound by it.
enum class RuleKind { kOffence, kObligation, kRemedy, kReferral, kGap, kDefinition, kStateDuty };
enum class Certainty { kSettled, kLikely, kContested, kUnverified };
enum class VersionStatus { kInForce, kProposed, kRepealed };

std::string_view RuleKindName(RuleKind kind);
std::string_view CertaintyName(Certainty certainty);
std::string_view VersionStatusName(VersionStatus status);

// Each struct of the law compares member by member, so that the snapshot's round-trip test
// (tests/unit/snapshot_roundtrip_test.cc) sees any field the snapshot does not carry.
// Whether `url` is on a portal where the law itself is published (Source::Official).
bool OfficialAddress(std::string_view url);

struct Source {
  // The document as published. An EU act is published in every official language, so its
  // title may also be given per language (`titles`); `title` is then the English one.
  std::string title;
  std::string url;
  std::string pinpoint;  // page, paragraph or recital, when the source is long
  LocalizedText titles;  // empty, or the languages the act's title was read in
  // The title a reader of `language` is shown: the act's title in that language where one
  // was given, else `title` (a statute or judgment is cited in its own language).
  const std::string& Title(Language language) const;
  // Published where the law itself is, with a stable identifier: the Belgian Official Journal
  // and Justel (ELI), EUR-Lex (ELI, CELEX), wetten.overheid.nl and the Dutch official
  // publications, the courts' own databases (ECLI), the Belgian parliament's documents.
  // Everything else (a commentary, a press article, an authority's guidance) is secondary.
  bool Official() const { return OfficialAddress(url); }
  friend bool operator==(const Source&, const Source&) = default;
};

struct Range {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  // "More than min" (Belgian levels: "plus de 3 ans à 5 ans"), written `above:`.
  bool min_exclusive = false;
  friend bool operator==(const Range&, const Range&) = default;
};

// A penalty as the statute states it. Fields the statute does not use are empty.
// When nothing is known the penalty carries only a certainty and its reason.
struct Penalty {
  std::optional<Range> prison_months;
  std::optional<Range> fine_eur;
  // Belgian "opdeciemen / décimes additionnels": the statutory fine is multiplied
  // by this factor for facts since 2017 (8). Empty when not applicable.
  std::optional<int> fine_multiplier;
  std::optional<int> fine_category;  // Dutch fine category (art. 23 Sr)
  // Belgian new Criminal Code penalty level; the ranges above are then filled in
  // from the version's PenaltyLevels.
  std::optional<int> level;
  // A fine the judge may add to the principal penalty (Belgian levels 2-8, Book I art. 52).
  std::optional<Range> accessory_fine_eur;
  std::string combination;           // "and", "or", "and_or" (prison and fine)
  LocalizedText note;
  Certainty certainty = Certainty::kSettled;
  LocalizedText certainty_reason;
  // True when neither a prison term, a fine nor a level is encoded.
  bool Unknown() const {
    return !prison_months && !fine_eur && !fine_category && !level;
  }
  friend bool operator==(const Penalty&, const Penalty&) = default;
};

// A named condition of a rule: the legal test, one part at a time.
struct Element {
  std::string id;
  LocalizedText label;
  std::vector<Source> sources;
  SourceLocation location;
  friend bool operator==(const Element&, const Element&) = default;
};

// A circumstance that raises the penalty when it holds on top of the elements.
struct Aggravation {
  std::string id;
  std::string article;  // may be empty when it is in the rule's own article
  LocalizedText label;
  std::optional<Penalty> penalty;
  Certainty certainty = Certainty::kSettled;
  LocalizedText certainty_reason;
  std::vector<Source> sources;
  SourceLocation location;
  friend bool operator==(const Aggravation&, const Aggravation&) = default;
};

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kOffence;
  std::string article;  // as the law writes it: "417/8", "254ba", "50(4)"
  LocalizedText title;
  LocalizedText note;
  // The act types this rule is about: their dates select the version in force.
  std::vector<std::string> acts;
  // Rules of earlier versions (of this or another instrument) that this rule
  // continues, e.g. 417/9 (2022) replaces 371/1 §1 2° (2020): used to compare the
  // law at the time of the act with the law at the time of assessment (lex mitior).
  std::vector<std::string> replaces;
  std::vector<Element> elements;
  std::vector<Aggravation> aggravations;
  std::optional<Penalty> penalty;
  Certainty certainty = Certainty::kSettled;
  LocalizedText certainty_reason;
  std::vector<Source> sources;
  SourceLocation location;
  friend bool operator==(const Rule&, const Rule&) = default;
};

// One penalty level of a code that states penalties as levels (the Belgian new
// Criminal Code, Book I arts 36 and 52).
struct PenaltyLevel {
  int level = 0;
  std::optional<Range> prison_months;
  std::optional<Range> fine_eur;            // a fine as the principal penalty
  std::optional<Range> accessory_fine_eur;  // a fine the judge may add
  friend bool operator==(const PenaltyLevel&, const PenaltyLevel&) = default;
};

struct PenaltyLevels {
  std::vector<PenaltyLevel> levels;
  LocalizedText note;               // shown with every penalty stated as a level
  LocalizedText minor_perpetrator;  // shown where the perpetrator is a minor
  std::vector<Source> sources;

  const PenaltyLevel* Find(int level) const {
    for (const auto& l : levels) {
      if (l.level == level) return &l;
    }
    return nullptr;
  }
  friend bool operator==(const PenaltyLevels&, const PenaltyLevels&) = default;
};

// One version of one instrument, from one ruleset file.
struct RulesetVersion {
  std::string id;            // "be.sw.2022-06-01"
  // A jurisdiction of the vocabulary (BE, NL), or one whose law applies alongside them (EU).
  std::string jurisdiction;
  std::string instrument;    // Sw, Sr, DSA, AIA, ...: the code that identifies it
  // How each language cites it after an article: "Sw." / "C. pén." / "CC", "AVG" / "RGPD" /
  // "GDPR". Empty: the instrument code.
  LocalizedText abbreviation;
  LocalizedText title;
  Date in_force_from = Date::FromDays(0);
  std::optional<Date> in_force_until;  // inclusive; empty = open
  VersionStatus status = VersionStatus::kInForce;
  LocalizedText note;
  // Why no version of this instrument covers the days just before this one, when
  // none does (e.g. the law had no such provision then). `ibsa check` reports an
  // unexplained hole.
  std::string gap_before;
  std::vector<Source> sources;
  // Present when this version's penalties are written as levels.
  std::optional<PenaltyLevels> penalty_levels;
  std::vector<Rule> rules;
  std::string file;

  bool InForceOn(Date date) const {
    return in_force_from <= date && (!in_force_until || date <= *in_force_until);
  }
  friend bool operator==(const RulesetVersion&, const RulesetVersion&) = default;
};

// Where a law was read from, so that every output can say which law answered (a
// ./rulesets folder in the working directory replaces the bundled law, for instance).
struct LawSource {
  std::string folder;       // the rulesets folder
  std::string snapshot;     // the compiled snapshot used; empty when the YAML was read
  std::string fingerprint;  // LawFingerprint of the folder: its files by name, size and content
};

class Law {
 public:
  // Loads every ruleset file (*.yaml, *.yml) below `directory`, except the
  // vocabulary file facts.yaml, and checks them together: unknown facts and
  // values, undefined rule references, reference cycles, overlapping versions.
  static Result<Law> Load(const std::string& directory, const Vocabulary& vocabulary);
  // Builds a Law from (file name, text) pairs; for tests and embedding.
  static Result<Law> FromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                               const Vocabulary& vocabulary);

  const Vocabulary& vocabulary() const;
  // All versions, ordered by jurisdiction, instrument and in_force_from.
  const std::vector<RulesetVersion>& versions() const;
  const RulesetVersion* FindVersion(std::string_view id) const;
  // Any version defining this rule id, or nullptr.
  const Rule* FindRule(std::string_view id) const;

  // The version of (jurisdiction, instrument) in force on `date`: a proposed
  // version named in `with` wins within its dates; otherwise the non-proposed
  // version whose dates contain `date`. nullptr when none is in force: there is
  // no fall-through to an earlier (repealed) or later version.
  const RulesetVersion* VersionInForce(std::string_view jurisdiction,
                                       std::string_view instrument, Date date,
                                       const std::vector<std::string>& with) const;

  // Whether the law of `version_jurisdiction` judges a case of `case_jurisdiction`: its
  // own, or one that no case is in (not among the vocabulary's jurisdictions, as EU),
  // whose law applies alongside each case's own.
  bool AppliesIn(std::string_view version_jurisdiction, std::string_view case_jurisdiction) const;

  // Where this law was read from; nullptr for a law built from texts in memory. Set
  // once by whoever loaded it (LoadSnapshot does), before the law is shared.
  const LawSource* source() const { return source_.get(); }
  void set_source(LawSource source) { source_ = std::make_shared<const LawSource>(std::move(source)); }
  // The limitation periods of the folder's <jurisdiction>/limitation.yaml files, which Evaluate
  // attaches to offence findings; nullptr when none were read. Set once, as the source.
  const LimitationRules* limitation() const { return limitation_.get(); }
  void set_limitation(std::shared_ptr<const LimitationRules> rules) { limitation_ = std::move(rules); }


 private:
  friend class internal::Access;
  explicit Law(std::shared_ptr<const internal::LawData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::LawData> data_;
  std::shared_ptr<const LawSource> source_;
  std::shared_ptr<const LimitationRules> limitation_;
};

}  // namespace ibsa

#endif  // IBSA_LAW_H_
