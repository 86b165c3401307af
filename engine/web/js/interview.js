// The interview's logic, "one question at a time": which question comes next, what an
// answer, "don't know" and "back" record in the case. Pure functions over a session value
// (no DOM, no page state), the way `ibsa interview` asks: the best-ranked question of
// /api/next-questions that was not answered "don't know".
//
// The library's interview state machine is to replace this module through a stateless
// `POST /api/interview`: `nextQuestion` and `applyAnswer` are then the two functions that
// ask it instead of deciding here; interview-view.js only renders what they return.
import { clone, getFact } from './case.js';

/** @typedef {import('./case.js').Case} Case */
/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./i18n.js').Lang} Lang */
/**
 * A question of /api/next-questions: a fact to ask, or whether an act reported as uncertain
 * (`member`, an act of the set fact "acts") happened.
 * @typedef {{fact: string, member?: string | null, question: string, sensitivity: number, decides: string[]}} Question
 */
/**
 * One answer given, so that "back" can undo it: the fact's value before, and the act whose
 * "don't know" was recorded in `skipped`.
 * @typedef {{fact: string, member: string | null, before: any, skippedKey: string | null}} Answered
 */
/**
 * @typedef {{
 *   history: Answered[],
 *   skipped: Set<string>,
 *   pinned: {fact: string, member: string | null} | null,
 * }} Session
 * `skipped` holds "acts:publish" for each uncertain act answered "don't know" in this session;
 * `pinned` is the question shown instead of the best-ranked one (after "back", or a finding's
 * "ask now").
 */
/**
 * What an answer does: the session after it, and the fact it sets in the case (`value`
 * undefined removes it), or no change of the case.
 * @typedef {{session: Session, record: {fact: string, value: any} | null}} Step
 */
/**
 * @typedef {{kind: 'answer', question: Question, value: any}
 *         | {kind: 'dontKnow', question: Question}
 *         | {kind: 'back'}} Action
 */

/** @returns {Session} */
export function newSession() {
  return { history: [], skipped: new Set(), pinned: null };
}

/**
 * The question to ask now, or null when no other question would change a finding.
 * @param {Session} session
 * @param {{next_questions?: Question[]} | null} result the last answer of /api/next-questions
 * @param {Readonly<Case>} c
 * @param {ReadonlyMap<string, Fact>} factByName
 * @param {Lang} lang
 * @returns {Question | null}
 */
export function nextQuestion(session, result, c, factByName, lang) {
  const pinned = session.pinned;
  if (pinned) {
    const fact = factByName.get(pinned.fact);
    if (fact) {
      const fromApi = ((result && result.next_questions) || []).find(
        (q) => q.fact === pinned.fact && (q.member || null) === (pinned.member || null));
      return {
        fact: pinned.fact,
        member: pinned.member || null,
        question: fromApi ? fromApi.question : fact.question[lang],
        sensitivity: fact.sensitivity,
        decides: fromApi ? fromApi.decides : [],
      };
    }
  }
  if (!result) return null;
  for (const q of result.next_questions || []) {
    if (q.member) {
      if (session.skipped.has(`${q.fact}:${q.member}`)) continue;
    } else if (getFact(c, q.fact) === 'unknown') {
      continue; // answered "don't know": not asked again
    }
    return q;
  }
  return null;
}

/**
 * What an answer, "don't know" or "back" does to the session and the case. Null when the
 * answer is missing (nothing chosen yet), or when there is nothing to go back to.
 * @param {Session} session
 * @param {Readonly<Case>} c
 * @param {Action} action
 * @returns {Step | null}
 */
export function applyAnswer(session, c, action) {
  if (action.kind === 'back') {
    const history = session.history.slice();
    const last = history.pop();
    if (!last) return null;
    const skipped = new Set(session.skipped);
    if (last.skippedKey) skipped.delete(last.skippedKey);
    return {
      session: { history, skipped, pinned: { fact: last.fact, member: last.member } },
      record: { fact: last.fact, value: last.before },
    };
  }
  const q = action.question;
  const before = clone(getFact(c, q.fact));
  const skipped = new Set(session.skipped);
  let skippedKey = null;
  /** @type {Step['record']} */
  let record = null;
  if (q.member) {
    if (action.kind === 'dontKnow') {
      // The act stays uncertain in the case; only this session stops asking about it.
      skippedKey = `${q.fact}:${q.member}`;
      skipped.add(skippedKey);
    } else {
      if (action.value !== true && action.value !== false) return null;
      // Established: the act is kept and no longer uncertain; not established: it goes.
      const acts = Array.isArray(before) ? clone(before) : [];
      const kept = [];
      for (const item of acts) {
        if (item.type !== q.member) kept.push(item);
        else if (action.value) {
          delete item.certain;
          kept.push(item);
        }
      }
      record = { fact: q.fact, value: kept };
    }
  } else if (action.kind === 'dontKnow') {
    record = { fact: q.fact, value: 'unknown' };
  } else {
    if (action.value === undefined) return null;
    record = { fact: q.fact, value: action.value };
  }
  return {
    session: {
      history: [...session.history, { fact: q.fact, member: q.member || null, before, skippedKey }],
      skipped,
      pinned: null,
    },
    record,
  };
}

/**
 * The session told to ask about `fact` next (a finding's "ask now").
 * @param {Session} session
 * @param {string} fact
 * @returns {Session}
 */
export function pin(session, fact) {
  return { ...session, pinned: { fact, member: null } };
}
