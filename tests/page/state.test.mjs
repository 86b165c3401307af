// The page's state changes only through named transitions.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';

import { applyAnswer, pin } from '../../engine/web/js/interview.js';
import {
  applyStep, noteCaseChanged, noteDownloaded, replaceCase, resetState, setError, setFact, setLanguage, setLaw, setMode,
  setResult, setSession, setView, state,
} from '../../engine/web/js/state.js';
import { FACTS, question } from './fixtures.mjs';

beforeEach(() => resetState('en'));

test('a page just opened: the intake, one question at a time, a Belgian case of today, nothing to lose', () => {
  assert.equal(state.view, 'intake');
  assert.equal(state.mode, 'one');
  assert.equal(state.case.jurisdiction, 'BE');
  assert.match(state.case.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(state.case.id, '');
  assert.equal(state.dirty, false);
  assert.equal(state.result, null);
  assert.deepEqual(state.session.history, []);
});

test('only the three languages can be chosen; choosing the current one changes nothing', () => {
  assert.equal(setLanguage('de'), false);
  assert.equal(state.lang, 'en');
  assert.equal(setLanguage('en'), false);
  assert.equal(setLanguage('fr'), true);
  assert.equal(state.lang, 'fr');
});

test('an unknown view shows the intake', () => {
  assert.equal(setView('policy'), 'policy');
  assert.equal(state.view, 'policy');
  assert.equal(setView('settings'), 'intake');
  assert.equal(state.view, 'intake');
});

test('the law loaded gives the facts by name', () => {
  setLaw(FACTS, [{ id: 'be.bill', jurisdiction: 'BE', status: 'proposed', in_force_from: '2027-01-01', title: { en: 'A bill' } }]);
  assert.equal(state.factByName.get('victim.age').type, 'int');
  assert.equal(state.rulesets.length, 1);
});

test('answers set and remove facts; a group goes with its last fact', () => {
  setFact('victim.age', 29);
  setFact('victim.minor', false);
  assert.deepEqual(state.case.victim, { age: 29, minor: false });
  setFact('victim.age', undefined);
  setFact('victim.minor', undefined);
  assert.equal('victim' in state.case, false);
  setFact('jurisdiction', 'NL');
  assert.equal(state.case.jurisdiction, 'NL');
});

test('a change of the user is recorded as not downloaded; a change of language is not', () => {
  noteCaseChanged({ record: false });
  assert.equal(state.dirty, false);
  assert.equal(state.caseStamp, 1);
  noteCaseChanged();
  assert.equal(state.dirty, true);
  assert.equal(state.caseStamp, 2);
  noteDownloaded();
  assert.equal(state.dirty, false);
});

test('a result clears the error; an error marks the findings stale and keeps the last result', () => {
  const result = { language: 'en', disclaimer: 'd', findings: [] };
  setResult(result);
  assert.equal(state.stale, false);
  const error = Object.assign(new Error('no'), { status: 422, field: '/case/victim/age', code: '', help: [] });
  setError(error);
  assert.equal(state.stale, true);
  assert.equal(state.error, error);
  assert.equal(state.result, result);
  setResult(result);
  assert.equal(state.error, null);
  assert.equal(state.stale, false);
});

test('another case: a new interview, nothing to lose, Belgian law when the file names none', () => {
  setSession(pin(state.session, 'victim.age'));
  noteCaseChanged();
  replaceCase({ id: 'x', date: '2025-01-01', victim: { age: 3 } });
  assert.equal(state.case.jurisdiction, 'BE');
  assert.equal(state.session.pinned, null);
  assert.equal(state.dirty, false);
});

test('changing how to ask forgets the question pinned', () => {
  setSession(pin(state.session, 'victim.age'));
  setMode('all');
  assert.equal(state.mode, 'all');
  assert.equal(state.session.pinned, null);
});

test('an interview step records its answer in the case and its session', () => {
  const step = applyAnswer(state.session, state.case, { kind: 'answer', question: question('victim.age'), value: 17 });
  applyStep(step);
  assert.equal(state.case.victim.age, 17);
  assert.equal(state.session.history.length, 1);
  applyStep(applyAnswer(state.session, state.case, { kind: 'back' }));
  assert.equal(state.case.victim, undefined);
  assert.deepEqual(state.session.pinned, { fact: 'victim.age', member: null });
});
