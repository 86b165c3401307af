// "One question at a time": the question card, with Next, "Don't know" and Back. Which
// question, and what an answer records, is the library's interview (POST /api/interview,
// asked by evaluation.js); this module shows its question, keeps the answer being given (a
// draft until "Next") and sends it as the interview's action.
import { answeredFacts, getFact, valueLabel } from './case.js';
import { $, el, t } from './dom.js';
import { caseChanged } from './evaluation.js';
import { buildField } from './fields.js';
import { answerAction, interviewEnd } from './interview.js';
import { askNow, setInterviewAction, state } from './state.js';

/** @typedef {import('./interview.js').Question} Question */
/** @typedef {import('./dom.js').FieldElement} FieldElement */

/** The interview's answer before "Next". @type {any} */
let draft;
/** What the card on screen shows (questionKey), and its question ("fact:member"). */
/** @type {string | null} */
let shownQuestion = null;
/** @type {string | null} */
let shownFact = null;
/** An answer was given: the next question is awaited (the buttons wait, focus follows). */
let awaitingQuestion = false;

/**
 * What the question card shows: a new key re-renders it (a new question, or the same
 * question in another language).
 * @param {Question | null} q
 */
function questionKey(q) {
  const lang = state.result ? state.result.language : state.lang;
  return q ? `${q.fact}:${q.member || ''}:${lang}:${state.lang}` : `none:${state.lang}`;
}

/** Another case, or the page in another language: the card is drawn anew. */
export function forgetShownQuestion() {
  shownQuestion = null;
}

/** @param {boolean} awaiting */
export function setAwaitingQuestion(awaiting) {
  awaitingQuestion = awaiting;
}

/** @param {{force?: boolean}} [options] */
export function renderInterview({ force = false } = {}) {
  const root = $('one-mode');
  if (state.mode !== 'one') return;
  if ((!state.result && !state.error) || state.session.question === undefined) {
    root.replaceChildren(el('p', { class: 'hint', text: t('interviewWaiting') }));
    return;
  }
  const q = state.session.question || null;
  const key = questionKey(q);
  const wasAwaiting = awaitingQuestion;
  if (!force && key === shownQuestion && root.firstChild) {
    updateProgress();
    if (wasAwaiting) {
      awaitingQuestion = false;
      setInterviewButtonsDisabled(false);
    }
    return;
  }
  const sameQuestion = q && shownFact === `${q.fact}:${q.member || ''}` && !wasAwaiting;
  shownQuestion = key;
  shownFact = q ? `${q.fact}:${q.member || ''}` : null;
  awaitingQuestion = false;
  const card = el('div', { class: 'question-card' });
  const progress = el('p', { class: 'progress', id: 'interview-progress' });
  card.append(progress);
  if (!q) {
    card.append(el('p', { class: 'interview-done', tabindex: '-1', id: 'interview-done', text: t('interviewDone') }));
    if (state.result) card.append(...endOfInterview(state.result));
    const backButton = el('button', { type: 'button', id: 'q-back', text: t('back'), disabled: state.session.steps.length === 0 });
    backButton.addEventListener('click', goBack);
    card.append(el('div', { class: 'toolbar' }, backButton));
    root.replaceChildren(card);
    updateProgress();
    if (wasAwaiting) $('interview-done').focus();
    return;
  }
  const fact = /** @type {import('./case.js').Fact} */ (state.factByName.get(q.fact));
  const hints = [];
  // Why it is asked, one line a person at the desk can say; first, before what it decides.
  if (q.why) hints.push(t('whyAsked')(q.why));
  if (q.asked_again) hints.push(t('askedAgain'));
  if (q.decides) hints.push(t('decides')(q.decides));
  if (q.sensitivity === 2) hints.push(t('sensitivity2'));
  if (q.sensitivity >= 3) hints.push(t('sensitivity3'));
  let current = getFact(state.case, q.fact);
  if (q.member) current = undefined;
  if (current === 'unknown') current = undefined;
  if (sameQuestion) current = draft; // re-rendered in another language: keep the draft
  draft = current;
  const field = buildField(fact, {
    mode: 'one',
    member: q.member,
    question: q.member ? t('memberQuestion')(valueLabel(fact, q.member, state.lang)) : q.text,
    value: current,
    hints,
    onChange: (v) => {
      draft = v;
      $('q-missing').hidden = true;
    },
  });
  field.dataset.member = q.member || '';
  field.classList.add('current-question');
  card.dataset.question = q.fact;
  card.dataset.member = q.member || '';
  card.append(field);
  const missing = el('p', { class: 'field-error', id: 'q-missing', role: 'alert', hidden: true, text: t('chooseAnswer') });
  const next = el('button', { type: 'button', class: 'primary', id: 'q-next', text: t('next') });
  const dontKnow = el('button', { type: 'button', id: 'q-unknown', text: t('dontKnow') });
  const notSaid = el('button', { type: 'button', id: 'q-not-said', text: t('notSaid') });
  const back = el('button', { type: 'button', id: 'q-back', text: t('back'), disabled: state.session.steps.length === 0 });
  next.addEventListener('click', () => answerCurrent(q, false));
  dontKnow.addEventListener('click', () => answerCurrent(q, true));
  notSaid.addEventListener('click', () => {
    if (!awaitingQuestion) send({ not_said: true });
  });
  back.addEventListener('click', goBack);
  card.append(missing, el('div', { class: 'toolbar question-actions' }, next, dontKnow, notSaid, back));
  // Enter in a number or date field answers, as in a form.
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && /** @type {Element} */ (e.target).matches('input[type="number"], input[type="date"]')) {
      e.preventDefault();
      answerCurrent(q, false);
    }
  });
  root.replaceChildren(card);
  updateProgress();
  if (wasAwaiting && field.legend) field.legend.focus();
}

/**
 * What to do now, then what matters most: the plan short (what, who, by when), the findings
 * one line each with how they stand, in the server's order.
 * @param {import('./state.js').Result} result
 */
function endOfInterview(result) {
  const end = interviewEnd(result, state.session.ranked);
  const plan = el('section', { class: 'interview-end', id: 'interview-plan' },
    el('h3', { text: t('planHeading') }),
    end.plan.length
      ? el('ol', { class: 'plan' }, end.plan.map((a) => el('li', null,
        el('span', { class: 'plan-title', text: a.title }),
        el('span', { class: 'plan-meta', text: ` — ${a.who}${a.deadline ? ` · ${a.deadline}` : ''}` }))))
      : el('p', { class: 'hint', text: t('planNone') }));
  const ranked = el('section', { class: 'interview-end', id: 'interview-ranked' },
    el('h3', { text: t('rankedHeading') }),
    end.findings.length
      ? el('ul', { class: 'ranked' }, end.findings.map((f) => el('li', { class: `status-${f.status}`, dataset: { rule: f.rule, status: f.status }, text: f.line })))
      : el('p', { class: 'hint', text: t('noFindings') }));
  return [plan, ranked];
}

/** @param {boolean} disabled */
function setInterviewButtonsDisabled(disabled) {
  for (const id of ['q-next', 'q-unknown', 'q-not-said', 'q-back']) {
    const b = /** @type {HTMLButtonElement | null} */ (document.getElementById(id));
    if (b) b.disabled = disabled || (id === 'q-back' && state.session.steps.length === 0);
  }
}

export function updateProgress() {
  const p = document.getElementById('interview-progress');
  if (p) p.textContent = t('answered')(answeredFacts(state.case, state.facts).length);
}

/**
 * @param {Question} q
 * @param {boolean} dontKnow
 */
function answerCurrent(q, dontKnow) {
  if (awaitingQuestion) return;
  const action = dontKnow ? { dont_know: /** @type {const} */ (true) } : answerAction(q, draft);
  if (action === null) {
    showMissingAnswer();
    return;
  }
  send(action);
}

/**
 * "Ask now" (a fact that would decide a finding), one question at a time: the interview
 * asks it next, and its card takes the focus when it comes; the question already open
 * takes the focus at once.
 * @param {string} name
 */
export function askInInterview(name) {
  if (awaitingQuestion) return;
  if (askNow(name)) {
    wait();
    return;
  }
  /** @type {FieldElement | null} */
  const card = document.querySelector('#one-mode .current-question');
  if (card && card.legend) {
    card.scrollIntoView({ block: 'center' });
    card.legend.focus();
  }
}

/**
 * Sends an action to the interview; the buttons wait for its answer.
 * @param {import('./interview.js').Action} action
 */
function send(action) {
  setInterviewAction(action);
  wait();
}

/** The action waiting is sent; the buttons wait for its answer. */
function wait() {
  awaitingQuestion = true;
  setInterviewButtonsDisabled(true);
  caseChanged({ immediate: true });
}

function showMissingAnswer() {
  const m = $('q-missing');
  m.hidden = false;
  /** @type {FieldElement | null} */
  const card = document.querySelector('#one-mode .current-question');
  if (card && card.focusTarget) card.focusTarget().focus();
}

function goBack() {
  if (awaitingQuestion || state.session.steps.length === 0) return;
  send({ back: true });
}
