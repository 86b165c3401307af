// What the page knows, shared by its views: the language and view chosen, the vocabulary and
// rulesets of the server, the case being answered and the last answer of the API about it.
// Other modules read `state` and change it only through the functions below, so that every
// change of the case is one of a few named transitions. (A view's own bookkeeping, such as
// which question card is on screen, stays in the view's module.)
//
// Case content lives only in this page's memory: it is never written to localStorage,
// sessionStorage or a cookie.
import { newCase, setFact as setFactOf } from './case.js';
import { isLang, pickLanguage } from './i18n.js';
import { afterAnswer, caseOfAnswer, newSession } from './interview.js';
import { isReader } from './reader.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./case.js').Case} Case */
/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./interview.js').Session} Session */
/** @typedef {import('./api.js').ApiError} ApiError */
/** @typedef {'intake' | 'report' | 'policy'} View */
/** @typedef {'one' | 'all'} Mode */
/** @typedef {import('./reader.js').Reader} Reader */
/**
 * A version of a ruleset, as /api/rulesets lists it.
 * @typedef {{id: string, jurisdiction: string, status: string, in_force_from: string,
 *            title: Record<Lang, string>}} RulesetVersion
 */
/**
 * A question of /api/next-questions (the fact, and which findings its answer decides).
 * @typedef {{fact: string, member?: string | null, question: string, sensitivity: number, decides: string[]}} RankedQuestion
 */
/**
 * The answer of /api/next-questions, or of /api/evaluate (the interview's `findings`)
 * (docs/api.md); only what the page reads is typed.
 * @typedef {{
 *   language: string,
 *   disclaimer: string,
 *   findings: import('./findings.js').Finding[],
 *   next_questions?: RankedQuestion[],
 *   version_gaps?: {instrument: string, jurisdiction: string, date: string}[],
 *   gaps?: import('./findings.js').LegalGap[],
 *   actions?: PlannedAction[],
 *   law?: {fingerprint: string},
 * }} Result
 */
/**
 * An action of the plan (docs/json-format.md, "actions"), worded by the server as every
 * output words it; only what the page reads is typed.
 * @typedef {{id: string, class_title: string, plan_title: string, by_label: string,
 *   conditional: boolean, deadline: {brief: string} | null}} PlannedAction
 */

export const VIEWS = /** @type {const} */ (['intake', 'report', 'policy']);

function browserLanguages() {
  const nav = globalThis.navigator;
  return nav ? nav.languages || [nav.language || 'en'] : [];
}

const s = {
  /** @type {Lang} */
  lang: pickLanguage(browserLanguages()),
  /** @type {View} */
  view: 'intake',
  /** @type {Mode} */
  mode: 'one',
  /** Who uses the page ('' the victim or someone helping them): the plan is theirs. A setting
   *  like the language, kept in this page's memory only. @type {Reader} */
  reader: '',
  /** @type {Fact[]} */
  facts: [],
  /** @type {Map<string, Fact>} */
  factByName: new Map(),
  /** @type {RulesetVersion[]} */
  rulesets: [],
  case: newCase(),
  /** The last result of /api/next-questions that matched the case. @type {Result | null} */
  result: null,
  /** The last API error about the case. @type {ApiError | null} */
  error: null,
  /** The findings shown are of an earlier case than the one answered. */
  stale: false,
  /** Answers not yet downloaded. */
  dirty: false,
  /** Counts the changes of the case (and of its language): the report remembers which it shows. */
  caseStamp: 0,
  /** The interview: where it started, its steps, its question. @type {Session} */
  session: newSession(newCase()),
};

/** @typedef {typeof s} State */

/** @type {Readonly<State>} */
export const state = s;

// --- Reset for tests ---------------------------------------------------------------------

/** The state of a page just opened in `lang` (for tests). @param {Lang} [lang] */
export function resetState(lang = 'en') {
  Object.assign(s, {
    lang, view: 'intake', mode: 'one', reader: '', facts: [], factByName: new Map(), rulesets: [], case: newCase(),
    result: null, error: null, stale: false, dirty: false, caseStamp: 0,
  });
  s.session = newSession(s.case);
}

// --- The page --------------------------------------------------------------------------

/**
 * @param {string} lang
 * @returns {boolean} whether the language changed
 */
export function setLanguage(lang) {
  if (!isLang(lang) || lang === s.lang) return false;
  s.lang = lang;
  return true;
}

/**
 * @param {string} view
 * @returns {View} the view shown: the intake for an unknown name
 */
export function setView(view) {
  s.view = /** @type {readonly string[]} */ (VIEWS).includes(view) ? /** @type {View} */ (view) : 'intake';
  return s.view;
}

/** @param {Mode} mode */
export function setMode(mode) {
  s.mode = mode;
}

/**
 * Who uses the page: the plans asked for from now on leave out the actions that turn to them.
 * @param {string} reader '' (the victim or someone helping them), or a reader of READERS
 * @returns {boolean} whether it changed
 */
export function setReader(reader) {
  if (!isReader(reader) || reader === s.reader) return false;
  s.reader = reader;
  return true;
}

/**
 * The vocabulary and the rulesets of the server, once loaded.
 * @param {Fact[]} facts
 * @param {RulesetVersion[]} rulesets
 */
export function setLaw(facts, rulesets) {
  s.facts = facts;
  s.factByName = new Map(facts.map((f) => [f.name, f]));
  s.rulesets = rulesets;
}

// --- The case ----------------------------------------------------------------------------

/**
 * Another case altogether (a new one, or one opened): a new interview, nothing to download.
 * @param {Case} c
 */
export function replaceCase(c) {
  s.case = c;
  if (!s.case.jurisdiction) s.case.jurisdiction = 'BE';
  s.session = newSession(s.case);
  s.dirty = false;
}

/**
 * An answer outside the interview: a fact set, or removed with `undefined`. The case
 * section's jurisdiction, date and reference are facts of the case too ("jurisdiction",
 * "date", "id"). The interview starts again from the case so changed (its steps answered
 * another case); the question on screen stays until the new one comes.
 * @param {string} name
 * @param {any} value
 */
export function setFact(name, value) {
  setFactOf(s.case, name, value);
  s.session = { ...newSession(s.case), question: s.session.question };
}

/**
 * The case changed (or is to be asked about in another language): the findings shown are no
 * longer its. `record` says whether the user changed an answer that is not yet downloaded.
 * @param {{record?: boolean}} [options]
 */
export function noteCaseChanged({ record = true } = {}) {
  if (record) s.dirty = true;
  s.caseStamp += 1;
}

/** The case was downloaded as it is. */
export function noteDownloaded() {
  s.dirty = false;
}

/**
 * The API's answer about the latest case.
 * @param {Result} result
 */
export function setResult(result) {
  s.result = result;
  s.error = null;
  s.stale = false;
}

/**
 * The API refused the latest case, or could not be reached: the findings shown are stale.
 * @param {ApiError} error
 */
export function setError(error) {
  s.error = error;
  s.stale = true;
}

// --- The interview -----------------------------------------------------------------------

/**
 * An answer, "don't know" or "back" to send to the interview (until its answer comes).
 * @param {import('./interview.js').Action} action
 */
export function setInterviewAction(action) {
  s.session = { ...s.session, action };
}

/**
 * The interview's answer: its steps and question, and the case it is at.
 * @param {import('./interview.js').Answer} answer
 */
export function applyInterviewAnswer(answer) {
  s.session = afterAnswer(s.session, answer);
  s.case = caseOfAnswer(answer, s.session.start);
}

/**
 * "Ask now" on a fact that would decide a finding. The user stays in the mode they chose:
 * in "all questions" its field is shown (nothing changes here); one question at a time,
 * the interview is asked to put it now (an action like an answer, so that "back" undoes it
 * and the interview then goes on where it was), unless it is the question already open.
 * @param {string} name
 * @returns {boolean} whether an action now waits for the interview
 */
export function askNow(name) {
  if (s.mode !== 'one') return false;
  const open = s.session.question;
  if (open && open.fact === name && !open.member) return false;
  s.session = { ...s.session, action: { ask: name } };
  return true;
}

/** The interview refused its action (a wrong answer): the action is dropped, nothing else changes. */
export function dropInterviewAction() {
  s.session = { ...s.session, action: null };
}
