// File: render.h
// Renderers: pure functions of an Evaluation and a language.
#ifndef IBSA_RENDER_H_
#define IBSA_RENDER_H_

#include <string>

#include "ibsa/evaluate.h"
#include "ibsa/law.h"
#include "ibsa/questions.h"
#include "ibsa/text.h"

namespace ibsa {

// The JSON format version. Keys are stable: add, never rename (docs/json-format.md).
inline constexpr const char* kResultFormat = "ibsa.result/1";

// For people: grouped by jurisdiction, each finding with its article, title,
// version in force, status, elements, penalty, certainty and sources, and the
// questions that would decide the possible findings.
std::string RenderText(const Evaluation& evaluation, const Law& law, Language language);

// For programs; documented in docs/json-format.md.
// With `next_questions`, the result also lists them under "next_questions".
std::string RenderJson(const Evaluation& evaluation, const Law& law, Language language,
                       const std::vector<Question>* next_questions = nullptr);

// The questions of NextQuestions as a text section: most useful first, each with its
// sensitivity and the findings its answer would decide.
std::string RenderQuestionsText(const std::vector<Question>& questions, Language language);

}  // namespace ibsa

#endif  // IBSA_RENDER_H_
