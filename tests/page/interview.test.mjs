// The interview's logic: which question next, what an answer, "don't know" and "back" do.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { applyAnswer, newSession, nextQuestion, pin } from '../../engine/web/js/interview.js';
import { FACT_BY_NAME, question } from './fixtures.mjs';

const result = (...questions) => ({ language: 'en', next_questions: questions });

test('the best-ranked question is asked', () => {
  const r = result(question('image.technique'), question('victim.age'));
  assert.equal(nextQuestion(newSession(), r, {}, FACT_BY_NAME, 'en').fact, 'image.technique');
});

test('no result yet, or no question left: nothing to ask', () => {
  assert.equal(nextQuestion(newSession(), null, {}, FACT_BY_NAME, 'en'), null);
  assert.equal(nextQuestion(newSession(), result(), {}, FACT_BY_NAME, 'en'), null);
});

test('a fact answered "don\'t know" is not asked again', () => {
  const r = result(question('image.technique'), question('victim.age'));
  const c = { image: { technique: 'unknown' } };
  assert.equal(nextQuestion(newSession(), r, c, FACT_BY_NAME, 'en').fact, 'victim.age');
});

test('"don\'t know" records "unknown"; an answer records its value; no answer is no step', () => {
  const q = question('victim.age');
  let step = applyAnswer(newSession(), {}, { kind: 'dontKnow', question: q });
  assert.deepEqual(step.record, { fact: 'victim.age', value: 'unknown' });
  step = applyAnswer(newSession(), {}, { kind: 'answer', question: q, value: 31 });
  assert.deepEqual(step.record, { fact: 'victim.age', value: 31 });
  assert.deepEqual(step.session.history, [{ fact: 'victim.age', member: null, before: undefined, skippedKey: null }]);
  assert.equal(applyAnswer(newSession(), {}, { kind: 'answer', question: q, value: undefined }), null);
});

test('an uncertain act established stays without "certain: false"; one not established goes', () => {
  const c = { acts: [{ type: 'create' }, { type: 'publish', certain: false, date: '2025-01-02' }] };
  const q = question('acts', { member: 'publish' });
  let step = applyAnswer(newSession(), c, { kind: 'answer', question: q, value: true });
  assert.deepEqual(step.record.value, [{ type: 'create' }, { type: 'publish', date: '2025-01-02' }]);
  step = applyAnswer(newSession(), c, { kind: 'answer', question: q, value: false });
  assert.deepEqual(step.record.value, [{ type: 'create' }]);
  assert.equal(applyAnswer(newSession(), c, { kind: 'answer', question: q, value: undefined }), null);
  // The case given is not changed: the step says what to record.
  assert.equal(c.acts[1].certain, false);
});

test('"don\'t know" on an uncertain act skips it for the session, and back asks it again', () => {
  const c = { acts: [{ type: 'publish', certain: false }] };
  const q = question('acts', { member: 'publish' });
  const r = result(q, question('victim.age'));
  const step = applyAnswer(newSession(), c, { kind: 'dontKnow', question: q });
  assert.equal(step.record, null); // the act stays uncertain in the case
  assert.ok(step.session.skipped.has('acts:publish'));
  assert.equal(nextQuestion(step.session, r, c, FACT_BY_NAME, 'en').fact, 'victim.age');
  const back = applyAnswer(step.session, c, { kind: 'back' });
  assert.equal(back.session.skipped.has('acts:publish'), false);
  const again = nextQuestion(back.session, r, c, FACT_BY_NAME, 'en');
  assert.equal(again.fact, 'acts');
  assert.equal(again.member, 'publish');
});

test('back restores the value before the answer and asks that question again', () => {
  const c = { victim: { age: 20 } };
  const step = applyAnswer(newSession(), c, { kind: 'answer', question: question('victim.age'), value: 21 });
  const back = applyAnswer(step.session, { victim: { age: 21 } }, { kind: 'back' });
  assert.deepEqual(back.record, { fact: 'victim.age', value: 20 });
  assert.deepEqual(back.session.pinned, { fact: 'victim.age', member: null });
  assert.equal(back.session.history.length, 0);
  assert.equal(applyAnswer(back.session, c, { kind: 'back' }), null);
});

test('a pinned question is asked first, with the API\'s wording when it ranks it', () => {
  const r = result(question('image.technique'), question('victim.age', { question: 'How old was she?', decides: ['a', 'b'] }));
  const session = pin(newSession(), 'victim.age');
  const q = nextQuestion(session, r, {}, FACT_BY_NAME, 'en');
  assert.deepEqual(q, { fact: 'victim.age', member: null, question: 'How old was she?', sensitivity: 1, decides: ['a', 'b'] });
  const unranked = nextQuestion(pin(newSession(), 'victim.consent_sharing'), r, {}, FACT_BY_NAME, 'fr');
  assert.equal(unranked.question, 'fr Consent?');
  assert.deepEqual(unranked.decides, []);
  // An answer unpins it.
  assert.equal(applyAnswer(session, {}, { kind: 'answer', question: q, value: 3 }).session.pinned, null);
});
