// File: ibsa.h
// The whole public API. Start here: load a Vocabulary, then the Law, then a Case,
// Evaluate it and render the Evaluation.
//
//   auto vocabulary = ibsa::Vocabulary::Load("rulesets/facts.yaml");
//   auto law = ibsa::Law::Load("rulesets", vocabulary.value());
//   auto c = ibsa::Case::Load("cases/demo/x.yaml", vocabulary.value());
//   auto evaluation = ibsa::Evaluate(law.value(), c.value(), {});
//   std::cout << ibsa::RenderText(evaluation.value(), law.value(), ibsa::Language::kEn);
#ifndef IBSA_IBSA_H_
#define IBSA_IBSA_H_

#include "ibsa/actions.h"
#include "ibsa/case.h"
#include "ibsa/case_builder.h"
#include "ibsa/case_file.h"
#include "ibsa/check.h"
#include "ibsa/date.h"
#include "ibsa/decide.h"
#include "ibsa/engine.h"
#include "ibsa/evaluate.h"
#include "ibsa/evidence.h"
#include "ibsa/gaps.h"
#include "ibsa/interview.h"
#include "ibsa/law.h"
#include "ibsa/letters.h"
#include "ibsa/limitation.h"
#include "ibsa/provenance.h"
#include "ibsa/questions.h"
#include "ibsa/render.h"
#include "ibsa/snapshot.h"
#include "ibsa/status.h"
#include "ibsa/suite.h"
#include "ibsa/text.h"
#include "ibsa/truth.h"
#include "ibsa/version.h"
#include "ibsa/vocabulary.h"

#endif  // IBSA_IBSA_H_
