// Internal: how the engine reaches what its public handles (Law, Vocabulary, Harms, Actions,
// Letters, LimitationRules) keep private, so that the public headers show only the API.
#ifndef IBSA_SRC_BASE_ACCESS_H_
#define IBSA_SRC_BASE_ACCESS_H_

#include <memory>
#include <utility>

#include "ibsa/actions.h"
#include "ibsa/gaps.h"
#include "ibsa/letters.h"
#include "ibsa/law.h"
#include "ibsa/limitation.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

class Access {
 public:
  static const LawData& Data(const Law& law) { return *law.data_; }
  static const VocabularyData& Data(const Vocabulary& vocabulary) { return *vocabulary.data_; }
  static const HarmsData& Data(const Harms& harms) { return *harms.data_; }
  static const ActionsData& Data(const Actions& actions) { return *actions.data_; }
  static const LettersData& Data(const Letters& letters) { return *letters.data_; }
  static const LimitationData& Data(const LimitationRules& rules) { return *rules.data_; }
  static Law MakeLaw(std::shared_ptr<const LawData> data) { return Law(std::move(data)); }
  static Vocabulary MakeVocabulary(std::shared_ptr<const VocabularyData> data) {
    return Vocabulary(std::move(data));
  }
  static Harms MakeHarms(std::shared_ptr<const HarmsData> data) { return Harms(std::move(data)); }
  static Actions MakeActions(std::shared_ptr<const ActionsData> data) { return Actions(std::move(data)); }
  static Letters MakeLetters(std::shared_ptr<const LettersData> data) { return Letters(std::move(data)); }
  static LimitationRules MakeLimitation(std::shared_ptr<const LimitationData> data) {
    return LimitationRules(std::move(data));
  }
};

// What `handle` (a Law, Vocabulary, Harms, Actions, Letters or LimitationRules) holds.
template <typename Handle>
const auto& DataOf(const Handle& handle) {
  return Access::Data(handle);
}

}  // namespace ibsa::internal

#endif  // IBSA_SRC_BASE_ACCESS_H_
