// "All questions": the order of the groups and of the questions in each.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { decidesCount, groupedFacts } from '../../engine/web/js/all-questions.js';
import { FACTS } from './fixtures.mjs';

test('neutral groups first, neutral questions first, a derived fact right after the age', () => {
  const groups = groupedFacts(FACTS).map((g) => [g.name, g.list.map((f) => f.name)]);
  assert.deepEqual(groups, [
    ['image', ['image.technique', 'image.realistic']],
    ['offence_date', ['offence_date']],
    ['acts', ['acts']],
    ['victim', ['victim.age', 'victim.minor', 'victim.consent_sharing']],
  ]);
});

test('how many findings an answer can decide, by the last result', () => {
  const result = { next_questions: [{ fact: 'acts', member: 'publish', decides: ['a'] }, { fact: 'victim.age', decides: ['a', 'b'] }] };
  assert.equal(decidesCount(result, 'victim.age'), 2);
  assert.equal(decidesCount(result, 'acts'), 0);
  assert.equal(decidesCount(null, 'victim.age'), 0);
});
