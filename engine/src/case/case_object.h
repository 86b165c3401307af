// Internal: reading the case that an API request gives as a JSON object, with the checks
// of a case file and without writing it out as text.
#ifndef IBSA_SRC_CASE_CASE_OBJECT_H_
#define IBSA_SRC_CASE_CASE_OBJECT_H_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "ibsa/case.h"
#include "ibsa/vocabulary.h"

namespace ibsa::internal {

// The case, or its errors in the words of a case file's reader; `fields` then receives,
// for each error, the JSON pointer (under `base`, e.g. "/case") of the field it is about.
Result<Case> ReadCaseObject(const nlohmann::json& value, const Vocabulary& vocabulary, const std::string& base,
                            std::vector<std::string>* fields);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_CASE_CASE_OBJECT_H_
