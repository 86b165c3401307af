// "One question at a time", as the library's interview asks it (POST /api/interview,
// docs/api.md): which question comes next, and what an answer, "don't know" and "back"
// record, is decided by the server, the same interview as `ibsa interview` in a terminal.
// The page keeps only what the stateless endpoint needs: the case the interview started
// from and the steps taken since. Pure functions: no DOM, no page state.
import { withReader } from './reader.js';
import { clone } from './case.js';
import { articleText } from './findings.js';
import { colon } from './i18n.js';

/** @typedef {import('./case.js').Case} Case */
/** @typedef {import('./i18n.js').Lang} Lang */
/**
 * The question of /api/interview: a fact to ask, or (`member`) whether an act reported as
 * uncertain happened. `decides` is how many findings its answer decides; `choices` the
 * answers of a yes/no, enum or set question with their labels in the language asked.
 * @typedef {{
 *   fact: string,
 *   member: string | null,
 *   type: 'bool' | 'enum' | 'set' | 'int' | 'date',
 *   text: string,
 *   hint: string,
 *   why: string,
 *   stage: 'event' | 'person' | 'image' | 'platform' | '',
 *   asked_again: boolean,
 *   sensitivity: number,
 *   decides: number,
 *   choices: {answer: string, label: string}[],
 *   member_label?: string,
 * }} Question
 */
/** @typedef {import('./case.js').Act} Act */
/**
 * A step the interview took, as the server returns it and is sent back: an answer in words,
 * the acts answered act by act, "don't know", "prefer not to say", or a question the user
 * chose to be asked now.
 * @typedef {{fact: string, member?: string, answer: string} | {fact: string, acts: Act[]}
 *   | {fact: string, member?: string, dont_know: true} | {fact: string, member?: string, not_said: true}
 *   | {fact: string, ask: true}} Step
 */
/**
 * What the page asks the interview to do: answer the question (in words, or the acts act by
 * act, each with its date and whether it is established), "don't know", "prefer not to say",
 * ask a fact now (out of the interview's order), or undo the last step.
 * @typedef {{answer: string} | {acts: Act[]} | {dont_know: true} | {not_said: true} | {ask: string} | {back: true}} Action
 */
/**
 * What the page keeps of the interview: the case it started from, the steps taken since,
 * the question of the last answer (null: none left; undefined: not asked yet), the
 * action sent and not yet answered (sent again when its request is superseded, until an
 * answer takes it), and the findings' order that matters to the person (`ranked`).
 * @typedef {{start: Case, steps: Step[], question: Question | null | undefined, action: Action | null,
 *   ranked: number[]}} Session
 */
/**
 * The answer of /api/interview: `asked_again` names the facts the starting case stated
 * unknown that the interview offers again, first; `ranked` the places of `findings.findings`
 * in the order that matters to the person in front of the officer (the library's, as the
 * terminal ends with them).
 * @typedef {{steps: Step[], asked_again: string[], case: Case, question: Question | null,
 *   findings: import('./state.js').Result, ranked?: number[]}} Answer
 */

/**
 * An interview starting from `c` (a copy: later changes of the page's case are not its).
 * @param {Readonly<Case>} c
 * @returns {Session}
 */
export function newSession(c) {
  return { start: clone(/** @type {Case} */ (c)), steps: [], question: undefined, action: null, ranked: [] };
}

/**
 * The request of the interview after `session.action` (or its state, without one), with
 * the plan of its end as `reader` reads it.
 * @param {Session} session
 * @param {Case} start the starting case as caseForApi gives it
 * @param {Lang} lang
 * @param {import('./reader.js').Reader} [reader]
 */
export function interviewRequest(session, start, lang, reader = '') {
  /** @type {{case: Case, steps: Step[], lang: Lang, action?: Action}} */
  const body = { case: start, steps: session.steps, lang };
  if (session.action) body.action = session.action;
  return { path: '/api/interview', body: withReader(body, reader) };
}

/**
 * The answer to send for the value a question's field gives: the words the terminal takes
 * ("yes", a value's name, names separated by commas or "-" for none, a number, a date).
 * Null when nothing is chosen yet.
 * @param {Question} q
 * @param {any} value what the field gives: a boolean, a value's name, a list of acts or
 *   names, a number, a date
 * @returns {string | null}
 */
export function answerText(q, value) {
  if (value === undefined || value === null || value === '' || value === 'unknown') return null;
  if (q.member || q.type === 'bool') return value === true ? 'yes' : value === false ? 'no' : null;
  switch (q.type) {
    case 'set': {
      if (!Array.isArray(value)) return null;
      const names = value.map((item) => (typeof item === 'string' ? item : item.type));
      return names.length ? names.join(',') : '-';
    }
    case 'int':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'enum':
    case 'date':
      return String(value);
  }
  return null;
}

/**
 * Whether `q` is the question of the acts (not whether one uncertain act happened): it is
 * answered act by act, each act with its date and whether it is established.
 * @param {Question} q
 */
export function asksActs(q) {
  return q.fact === 'acts' && !q.member && q.type === 'set';
}

/**
 * The action that answers `q` with the value its field gives: for the question of the acts,
 * the acts as the case lists them (type; date only when given; `certain: false` only when
 * not established); otherwise the words of answerText. Null when nothing is chosen yet.
 * @param {Question} q
 * @param {any} value
 * @returns {Action | null}
 */
export function answerAction(q, value) {
  if (asksActs(q)) {
    if (!Array.isArray(value)) return null;
    return {
      acts: value.map((/** @type {Act | string} */ item) => {
        if (typeof item === 'string') return { type: item };
        /** @type {Act} */
        const act = { type: item.type };
        if (item.date) act.date = item.date;
        if (item.certain === false) act.certain = false;
        return act;
      }),
    };
  }
  const answer = answerText(q, value);
  return answer === null ? null : { answer };
}

/**
 * The session after the server's answer: its steps and question, no action waiting.
 * @param {Session} session
 * @param {Answer} answer
 * @returns {Session}
 */
export function afterAnswer(session, answer) {
  return { start: session.start, steps: answer.steps, question: answer.question, action: null, ranked: answer.ranked || [] };
}

/**
 * The case the interview is at, as the page keeps it: the reference the user gave none stays
 * empty (the request gave the case a default one).
 * @param {Answer} answer
 * @param {Readonly<Case>} start the page's starting case
 * @returns {Case}
 */
export function caseOfAnswer(answer, start) {
  const c = clone(answer.case);
  if (!start.id) c.id = '';
  return c;
}

/**
 * The field of the case an error about the action is about: a refused answer is the
 * question's (so that it is shown next to its field, as a refused value of the case is); a
 * refused act keeps its place in the list. Other errors keep their field.
 * @param {string} field the error's JSON pointer
 * @param {Question | null | undefined} q the question answered
 * @returns {string}
 */
export function errorField(field, q) {
  if (!q || !field.startsWith('/action')) return field;
  const base = `/case/${q.fact.split('.').map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  // An act refused is named by its place in the list, as in the case ("/case/acts/1/type").
  const act = /^\/action\/acts(\/.+)$/.exec(field);
  return act ? base + act[1] : base;
}

/**
 * What the interview's end shows, from the server's result only (no plan or order of its
 * own): the action plan as every output words it (its class, its title with "IF …" where it
 * is conditional, who, the deadline as the report's first page says it), then each finding
 * on one line with how it stands, in the order of `ranked`; colons as the result's language
 * writes them.
 * @param {import('./state.js').Result} result
 * @param {readonly number[]} ranked
 */
export function interviewEnd(result, ranked) {
  const lang = /** @type {Lang} */ (result.language);
  const plan = (result.actions || []).map((a) => ({
    title: `${colon(lang, a.class_title)} ${a.plan_title}`,
    who: a.by_label,
    deadline: a.deadline ? a.deadline.brief : '',
  }));
  const findings = ranked.map((i) => {
    const f = result.findings[i];
    const article = articleText(f);
    return { rule: f.rule, status: f.status, line: `${colon(lang, f.heading)} ${article ? `${article}, ` : ''}${f.title}` };
  });
  return { plan, findings };
}
