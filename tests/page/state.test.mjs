// The page's state changes only through named transitions.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';

import {
  applyInterviewAnswer, dropInterviewAction, noteCaseChanged, noteDownloaded, replaceCase, resetState, setError, setFact,
  setInterviewAction, setLanguage, setLaw, setMode, setReader, setResult, setView, state,
} from '../../engine/web/js/state.js';
import { FACTS } from './fixtures.mjs';

beforeEach(() => resetState('en'));

test('a page just opened: the intake, one question at a time, a Belgian case of today, nothing to lose', () => {
  assert.equal(state.view, 'intake');
  assert.equal(state.mode, 'one');
  assert.equal(state.case.jurisdiction, 'BE');
  assert.match(state.case.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(state.case.id, '');
  assert.equal(state.dirty, false);
  assert.equal(state.result, null);
  assert.deepEqual(state.session.steps, []);
  assert.deepEqual(state.session.start, state.case);
});

test('only the three languages can be chosen; choosing the current one changes nothing', () => {
  assert.equal(setLanguage('de'), false);
  assert.equal(state.lang, 'en');
  assert.equal(setLanguage('en'), false);
  assert.equal(setLanguage('fr'), true);
  assert.equal(state.lang, 'fr');
});

test('who uses the page: everyone at first, one of the API\'s readers, kept like the language across another case', () => {
  assert.equal(state.reader, '');
  assert.equal(setReader('officer'), false);
  assert.equal(state.reader, '');
  assert.equal(setReader('police'), true);
  assert.equal(setReader('police'), false);
  replaceCase({ id: '', jurisdiction: 'NL', date: '2025-01-01' });
  assert.equal(state.reader, 'police');
  // A setting, not a fact: the case knows nothing of it, and nothing is stored.
  assert.equal('reader' in state.case, false);
  assert.equal(setReader(''), true);
  assert.equal(state.reader, '');
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

const QUESTION = { fact: 'victim.age', member: null, type: 'int', text: 'How old?', hint: 'a number', sensitivity: 1, decides: 2, choices: [] };
const interviewAnswer = (c, steps, question = QUESTION) => ({ steps, case: c, question, findings: { language: 'en', disclaimer: '', findings: [] } });

test('another case: a new interview from it, nothing to lose, Belgian law when the file names none', () => {
  applyInterviewAnswer(interviewAnswer({ id: 'intake-x', jurisdiction: 'BE', victim: { age: 3 } }, [{ fact: 'victim.age', answer: '3' }]));
  noteCaseChanged();
  replaceCase({ id: 'x', date: '2025-01-01', victim: { age: 3 } });
  assert.equal(state.case.jurisdiction, 'BE');
  assert.deepEqual(state.session.steps, []);
  assert.deepEqual(state.session.start, state.case);
  assert.equal(state.session.question, undefined);
  assert.equal(state.dirty, false);
});

test('the interview\'s answer gives the case, its steps and its question; the action sent is done', () => {
  setInterviewAction({ answer: '17' });
  assert.deepEqual(state.session.action, { answer: '17' });
  const start = state.session.start;
  applyInterviewAnswer(interviewAnswer({ id: 'intake-2025-01-01', jurisdiction: 'BE', victim: { age: 17 } }, [{ fact: 'victim.age', answer: '17' }]));
  assert.equal(state.case.victim.age, 17);
  assert.equal(state.case.id, '', 'the default reference of the request is not the user\'s');
  assert.deepEqual(state.session.steps, [{ fact: 'victim.age', answer: '17' }]);
  assert.equal(state.session.question, QUESTION);
  assert.equal(state.session.action, null);
  assert.equal(state.session.start, start, 'the interview still starts where it started');
  setInterviewAction({ answer: '200' });
  dropInterviewAction();
  assert.equal(state.session.action, null);
  assert.deepEqual(state.session.steps, [{ fact: 'victim.age', answer: '17' }]);
});

test('an answer outside the interview starts it again from the case so changed, the question kept on screen', () => {
  applyInterviewAnswer(interviewAnswer({ jurisdiction: 'BE', victim: { age: 17 } }, [{ fact: 'victim.age', answer: '17' }]));
  setInterviewAction({ dont_know: true });
  setFact('date', '2025-02-03');
  assert.deepEqual(state.session.steps, []);
  assert.equal(state.session.action, null);
  assert.equal(state.session.start.date, '2025-02-03');
  assert.equal(state.session.start.victim.age, 17);
  assert.equal(state.session.question, QUESTION);
  // The start is a copy: later changes of the page's case are not the interview's.
  state.case.victim.age = 18;
  assert.equal(state.session.start.victim.age, 17);
  setMode('all');
  assert.equal(state.mode, 'all');
  assert.equal(state.session.start.date, '2025-02-03');
});
