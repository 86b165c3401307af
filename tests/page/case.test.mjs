// The case: facts by name, the id and file name it gets, the field of an API error.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answeredFacts, caseForApi, dateKindOf, dayOf, defaultId, fieldOfPointer, getFact, setFact, valueLabel } from '../../engine/web/js/case.js';
import { FACT_BY_NAME, FACTS } from './fixtures.mjs';

test('facts are read and written by name', () => {
  const c = { date: '2025-01-01' };
  setFact(c, 'acts', [{ type: 'share' }]);
  setFact(c, 'victim.age', 'unknown');
  assert.deepEqual(getFact(c, 'acts'), [{ type: 'share' }]);
  assert.equal(getFact(c, 'victim.age'), 'unknown');
  assert.equal(getFact(c, 'image.technique'), undefined);
  assert.deepEqual(answeredFacts(c, FACTS).map((f) => f.name), ['victim.age', 'acts']);
  setFact(c, 'acts', undefined);
  assert.equal('acts' in c, false);
});

test('a group that is not an object is replaced by one', () => {
  const c = { victim: 'unknown' };
  setFact(c, 'victim.age', 3);
  assert.deepEqual(c.victim, { age: 3 });
});

test('the case sent always has an id, in the page\'s language, and the case kept is not changed', () => {
  const c = { id: '', jurisdiction: 'BE', date: '2025-03-14' };
  assert.equal(caseForApi(c, 'fr').id, 'entretien-2025-03-14');
  assert.equal(c.id, '');
  assert.equal(caseForApi({ ...c, id: 'mine' }, 'en').id, 'mine');
  assert.equal(defaultId(c, 'nl'), 'intake-2025-03-14');
});

test('an API error\'s pointer names the field of the page', () => {
  assert.equal(fieldOfPointer('/case/victim/age', FACT_BY_NAME), 'victim.age');
  assert.equal(fieldOfPointer('/case/acts/0/type', FACT_BY_NAME), 'acts');
  assert.equal(fieldOfPointer('/case/date', FACT_BY_NAME), 'date');
  assert.equal(fieldOfPointer('/case/id', FACT_BY_NAME), 'id');
  assert.equal(fieldOfPointer('/case/victim/nickname', FACT_BY_NAME), null);
  assert.equal(fieldOfPointer('/lang', FACT_BY_NAME), null);
  assert.equal(fieldOfPointer('', FACT_BY_NAME), null);
  assert.equal(fieldOfPointer(undefined, FACT_BY_NAME), null);
});

test('a value is shown by its label in the language asked', () => {
  const technique = FACT_BY_NAME.get('image.technique');
  assert.equal(valueLabel(technique, 'undress', 'nl'), 'nl undress app');
  assert.equal(valueLabel(technique, 'sculpture', 'nl'), 'sculpture');
});

// A date as people know it (issue 14): how precisely the case gives it, and the days a
// month or a year begins and ends on, which the page's date inputs show for a range.
test('a case date is a day, a month, a year or a range', () => {
  assert.equal(dateKindOf('2024-06-20'), 'day');
  assert.equal(dateKindOf('2024-06'), 'month');
  assert.equal(dateKindOf('2024'), 'year');
  assert.equal(dateKindOf({ from: '2024-06', to: '2024-07' }), 'range');
  assert.equal(dateKindOf(undefined), 'day');
});

test('a month or a year begins and ends on its first and last day', () => {
  assert.equal(dayOf('2024-06', 'first'), '2024-06-01');
  assert.equal(dayOf('2024-07', 'last'), '2024-07-31');
  assert.equal(dayOf('2024-02', 'last'), '2024-02-29');
  assert.equal(dayOf('2023-02', 'last'), '2023-02-28');
  assert.equal(dayOf('2024', 'first'), '2024-01-01');
  assert.equal(dayOf('2024', 'last'), '2024-12-31');
  assert.equal(dayOf('2024-06-20', 'last'), '2024-06-20');
});

test('a case dated by a range is named by its first day', () => {
  assert.match(defaultId({ date: { from: '2024-06', to: '2024-07' } }, 'en'), /-2024-06$/);
});
