// One question at a time: the page asks the library's interview (POST /api/interview) and
// keeps only its starting case and steps; these tests check what it sends and how it reads
// the answer, with fetch stubbed.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { api } from '../../engine/web/js/api.js';
import { caseForApi } from '../../engine/web/js/case.js';
import {
  afterAnswer, answerAction, answerText, asksActs, caseOfAnswer, errorField, interviewEnd, interviewRequest, newSession,
} from '../../engine/web/js/interview.js';
import { applyInterviewAnswer, askNow, resetState, setFact, setInterviewAction, setMode, state } from '../../engine/web/js/state.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  resetState('en');
});

const q = (fact, type, extra = {}) => ({ fact, member: null, type, text: `Q ${fact}?`, hint: '', sensitivity: 0, decides: 1, choices: [], ...extra });

test('the request: the starting case, the steps as the server gave them, and the action waiting', () => {
  const start = { id: '', jurisdiction: 'BE', date: '2025-10-06' };
  const session = newSession(start);
  assert.deepEqual(interviewRequest(session, caseForApi(session.start, 'en'), 'fr'),
    { path: '/api/interview', body: { case: { id: 'intake-2025-10-06', jurisdiction: 'BE', date: '2025-10-06' }, steps: [], lang: 'fr' } });
  const steps = [{ fact: 'acts', answer: 'share' }, { fact: 'service.type', dont_know: true }];
  const later = { ...session, steps, action: { back: true } };
  assert.deepEqual(interviewRequest(later, start, 'nl').body, { case: start, steps, lang: 'nl', action: { back: true } });
  // Who reads the plan of the interview's end, when the page is told.
  assert.deepEqual(interviewRequest(later, start, 'fr', 'police').body, { case: start, steps, lang: 'fr', action: { back: true }, reader: 'police' });
  assert.equal('reader' in interviewRequest(later, start, 'fr', '').body, false);
  // The starting case is a copy: answers given later are not in it.
  start.date = '2020-01-01';
  assert.equal(session.start.date, '2025-10-06');
});

test('an answer is sent as the words the terminal takes; nothing chosen is no answer', () => {
  assert.equal(answerText(q('image.realistic', 'bool'), true), 'yes');
  assert.equal(answerText(q('image.realistic', 'bool'), false), 'no');
  assert.equal(answerText(q('acts', 'bool', { member: 'publish' }), false), 'no');
  assert.equal(answerText(q('image.technique', 'enum'), 'undress'), 'undress');
  assert.equal(answerText(q('acts', 'set'), [{ type: 'create', date: '2025-03-10' }, { type: 'share' }]), 'create,share');
  assert.equal(answerText(q('acts', 'set'), []), '-');
  assert.equal(answerText(q('victim.age', 'int'), 31), '31');
  assert.equal(answerText(q('offence_date', 'date'), '2025-03-10'), '2025-03-10');
  for (const [type, value] of [['bool', undefined], ['enum', undefined], ['set', undefined], ['int', Number.NaN], ['date', ''], ['int', 'unknown']]) {
    assert.equal(answerText(q('x', /** @type {any} */ (type)), value), null, `${type} ${String(value)}`);
  }
});

test('the acts are answered act by act: each with its date and whether it is established', () => {
  const acts = q('acts', 'set');
  assert.equal(asksActs(acts), true);
  assert.equal(asksActs(q('acts', 'bool', { member: 'publish' })), false, 'whether one uncertain act happened is yes or no');
  assert.deepEqual(answerAction(acts, [{ type: 'create', date: '2025-03-10' }, { type: 'share', date: '', certain: true }, { type: 'publish', certain: false }]),
    { acts: [{ type: 'create', date: '2025-03-10' }, { type: 'share' }, { type: 'publish', certain: false }] });
  assert.deepEqual(answerAction(acts, []), { acts: [] }, 'none of these');
  assert.equal(answerAction(acts, undefined), null, 'nothing chosen yet');
  assert.deepEqual(answerAction(q('acts', 'bool', { member: 'publish' }), true), { answer: 'yes' });
  assert.deepEqual(answerAction(q('victim.age', 'int'), 31), { answer: '31' });
  assert.equal(answerAction(q('victim.age', 'int'), undefined), null);
});

test('the answer read: its steps and question, the case it is at without the request\'s default reference', () => {
  const session = { ...newSession({ id: '', jurisdiction: 'BE' }), action: { answer: 'share' } };
  const question = q('service.type', 'enum');
  const answer = { steps: [{ fact: 'acts', answer: 'share' }], case: { id: 'intake-2025-10-06', jurisdiction: 'BE', acts: [{ type: 'share' }] }, question, findings: { language: 'en', disclaimer: '', findings: [] } };
  const after = afterAnswer(session, answer);
  assert.deepEqual(after.steps, answer.steps);
  assert.equal(after.question, question);
  assert.equal(after.action, null);
  assert.equal(after.start, session.start);
  assert.deepEqual(caseOfAnswer(answer, session.start), { id: '', jurisdiction: 'BE', acts: [{ type: 'share' }] });
  assert.equal(caseOfAnswer(answer, { id: 'mine' }).id, 'intake-2025-10-06');
  assert.equal(afterAnswer(session, { ...answer, question: null }).question, null, 'no question left: the interview is over');
});

test('the end: the plan as the server words it, then each finding on one line in the server\'s order', () => {
  const session = afterAnswer(newSession({ id: '', jurisdiction: 'BE' }), {
    steps: [], asked_again: [], case: { id: '', jurisdiction: 'BE' }, question: null,
    findings: { language: 'fr', disclaimer: '', findings: [] }, ranked: [1, 0],
  });
  assert.deepEqual(session.ranked, [1, 0], 'the order is kept with the session');
  assert.deepEqual(afterAnswer(session, { steps: [], asked_again: [], case: { id: '' }, question: null, findings: { language: 'fr', disclaimer: '', findings: [] } }).ranked, [],
    'an answer without an order keeps none of the last');
  const result = {
    language: 'fr', disclaimer: '',
    findings: [
      { rule: 'be.ref.csam', status: 'possible', kind: 'referral', heading: 'POSSIBLE', title: 'Orientation', certainty: 'settled', article: '-' },
      { rule: 'be.sw.417-10', status: 'applies', kind: 'offence', heading: "S'APPLIQUE", title: 'Diffusion', certainty: 'likely', article: '417/10', citation: 'art. 417/10 C. pén.' },
    ],
    actions: [
      { id: 'be.sw.417-10', class_title: 'Urgent', plan_title: 'SI … Diffusion', by_label: 'la victime', conditional: true, deadline: { brief: 'dernier jour 2026-02-18' } },
      { id: 'x', class_title: 'Ensuite', plan_title: 'Orientation', by_label: 'la police', conditional: false, deadline: null },
    ],
  };
  const end = interviewEnd(/** @type {any} */ (result), session.ranked);
  assert.deepEqual(end.plan, [
    { title: 'Urgent\u00a0: SI … Diffusion', who: 'la victime', deadline: 'dernier jour 2026-02-18' },
    { title: 'Ensuite\u00a0: Orientation', who: 'la police', deadline: '' },
  ]);
  assert.deepEqual(end.findings, [
    { rule: 'be.sw.417-10', status: 'applies', line: "S'APPLIQUE\u00a0: art. 417/10 C. pén., Diffusion" },
    { rule: 'be.ref.csam', status: 'possible', line: 'POSSIBLE\u00a0: Orientation' },
  ]);
  assert.equal(interviewEnd(/** @type {any} */ ({ ...result, language: 'en' }), [0]).findings[0].line, 'POSSIBLE: Orientation',
    'an English colon');
  assert.deepEqual(interviewEnd({ language: 'fr', disclaimer: '', findings: [] }, []), { plan: [], findings: [] });
});

test('a refused answer is shown at the question\'s field', () => {
  assert.equal(errorField('/action/answer', q('victim.age', 'int')), '/case/victim/age');
  assert.equal(errorField('/action/answer', q('acts', 'bool', { member: 'publish' })), '/case/acts');
  assert.equal(errorField('/steps/2', q('victim.age', 'int')), '/steps/2');
  assert.equal(errorField('/case/date', q('victim.age', 'int')), '/case/date');
  assert.equal(errorField('/action/acts/1/date', q('acts', 'set')), '/case/acts/1/date', 'a refused act keeps its place');
  assert.equal(errorField('/action/acts', q('acts', 'set')), '/case/acts');
});

test('"ask now" keeps one question at a time: the interview is asked the fact next (stubbed fetch)', async () => {
  applyInterviewAnswer({ steps: [{ fact: 'acts', answer: 'share' }], case: { id: 'intake', jurisdiction: 'BE', acts: [{ type: 'share' }] },
    question: q('image.technique', 'enum'), findings: /** @type {any} */ ({ findings: [] }) });
  assert.equal(askNow('victim.age'), true);
  assert.equal(state.mode, 'one', 'the page stays one question at a time');
  /** @type {any[]} */
  const sent = [];
  globalThis.fetch = /** @type {any} */ (async (/** @type {string} */ path, /** @type {RequestInit} */ init) => {
    sent.push(JSON.parse(String(init.body)));
    return { ok: true, status: 200, json: async () => ({
      steps: [{ fact: 'acts', answer: 'share' }, { fact: 'victim.age', ask: true }], case: { id: 'intake', jurisdiction: 'BE', acts: [{ type: 'share' }] },
      question: q('victim.age', 'int'), findings: { findings: [] } }) };
  });
  const request = interviewRequest(state.session, caseForApi(state.session.start, state.lang), state.lang);
  applyInterviewAnswer(await api(request.path, request.body));
  assert.deepEqual(sent[0].action, { ask: 'victim.age' });
  assert.deepEqual(sent[0].steps, [{ fact: 'acts', answer: 'share' }], 'the interview goes on from where it was');
  assert.equal(state.session.question.fact, 'victim.age');
  assert.equal(state.session.steps.length, 2, 'asking is a step, which back undoes');
  // The question already open is not asked again; "all questions" shows the field instead.
  assert.equal(askNow('victim.age'), false);
  assert.equal(state.session.action, null);
  setMode('all');
  assert.equal(askNow('image.technique'), false);
  assert.equal(state.mode, 'all');
  assert.equal(state.session.action, null);
});

test('back after "don\'t know" on an uncertain act is sent to the server like any step (stubbed fetch)', async () => {
  setFact('acts', [{ type: 'publish', certain: false }]);
  const act = q('acts', 'bool', { member: 'publish', member_label: 'published' });
  const dontKnow = [{ fact: 'acts', member: 'publish', dont_know: true }];
  /** @type {any[]} */
  const sent = [];
  const replies = [
    { steps: dontKnow, case: { id: 'intake', jurisdiction: 'BE', acts: [{ type: 'publish', certain: false }] }, question: q('victim.age', 'int'), findings: { findings: [] } },
    { steps: [], case: { id: 'intake', jurisdiction: 'BE', acts: [{ type: 'publish', certain: false }] }, question: act, findings: { findings: [] } },
  ];
  globalThis.fetch = /** @type {any} */ (async (/** @type {string} */ path, /** @type {RequestInit} */ init) => {
    sent.push({ path, body: JSON.parse(String(init.body)) });
    return { ok: true, status: 200, json: async () => replies[sent.length - 1] };
  });
  for (const action of [{ dont_know: true }, { back: true }]) {
    setInterviewAction(/** @type {any} */ (action));
    const request = interviewRequest(state.session, caseForApi(state.session.start, state.lang), state.lang);
    applyInterviewAnswer(await api(request.path, request.body));
  }
  assert.deepEqual(sent.map((r) => r.path), ['/api/interview', '/api/interview']);
  assert.deepEqual(sent[0].body.steps, []);
  assert.deepEqual(sent[0].body.action, { dont_know: true });
  assert.deepEqual(sent[0].body.case.acts, [{ type: 'publish', certain: false }]);
  assert.deepEqual(sent[1].body.steps, dontKnow, 'the steps sent back are the server\'s');
  assert.deepEqual(sent[1].body.action, { back: true });
  assert.deepEqual(sent[1].body.case, sent[0].body.case, 'the starting case does not move');
  assert.equal(state.session.question, act, 'back asks the act again');
  assert.deepEqual(state.session.steps, []);
  assert.equal(state.session.action, null);
});
