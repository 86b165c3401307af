// The findings as the page sorts and names them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { articleText, byKind, certaintyText, findingKey, gapText, isPlain, partition, summaryText } from '../../engine/web/js/findings.js';

const finding = (rule, extra = {}) => ({
  rule, status: 'applies', kind: 'offence', heading: 'APPLIES', title: `Title ${rule}`, certainty: 'settled',
  version: { id: `${rule}@v1` }, ...extra,
});

test('findings are grouped by kind of provision, offences first, each group in the result\'s order', () => {
  const groups = byKind([finding('a', { kind: 'gap' }), finding('b', { kind: 'remedy' }), finding('c'), finding('d', { kind: 'remedy' })]);
  assert.deepEqual(groups.map(([kind, list]) => [kind, list.map((f) => f.rule)]), [['offence', ['c']], ['remedy', ['b', 'd']], ['gap', ['a']]]);
});

test('a reading that is not settled is counted apart among those that apply', () => {
  const findings = [finding('a'), finding('b', { certainty: 'contested' }), finding('c', { status: 'possible' })];
  const { applies, possible, unsettled } = partition(findings);
  assert.deepEqual([applies.length, possible.length, unsettled.length], [2, 1, 1]);
  assert.equal(summaryText(findings, 'en'), '2 provisions apply (1 only on a contested or unverified reading); 1 possible.');
  assert.equal(summaryText(findings, 'nl'), '2 bepalingen van toepassing (1 enkel volgens een betwiste of niet geverifieerde lezing); 1 mogelijk.');
  assert.equal(summaryText([finding('a', { status: 'possible' })], 'fr'), 'Aucune disposition ne s\'applique pour l\'instant\u00a0; 1 possible.');
  assert.equal(summaryText([], 'en'), 'On these answers no provision applies or may apply.');
});

test('the engine\'s heading is shown only where it says more than "applies"', () => {
  assert.equal(isPlain(finding('a')), true);
  assert.equal(isPlain(finding('a', { certainty: 'likely' })), true);
  assert.equal(isPlain(finding('a', { certainty: 'unverified' })), false);
  assert.equal(isPlain(finding('a', { kind: 'definition' })), false);
  assert.equal(isPlain(finding('a', { kind: 'state_duty' })), false);
});

test('the article is cited as the engine cites it', () => {
  assert.equal(articleText(finding('a', { article: '417/10', instrument: 'Criminal Code' })), 'art. 417/10 Criminal Code');
  assert.equal(articleText(finding('a', { article: '252', citation: 'art. 252 Sr' })), 'art. 252 Sr');
  assert.equal(articleText(finding('a', { article: '-' })), '');
  assert.equal(articleText(finding('a')), '');
});

test('a finding\'s element is kept while what it shows is the same', () => {
  const f = finding('a', { missing: ['victim.age'] });
  assert.equal(findingKey(f, 'en'), findingKey({ ...f }, 'en'));
  assert.notEqual(findingKey(f, 'en'), findingKey(f, 'nl'));
  assert.notEqual(findingKey(f, 'en'), findingKey({ ...f, missing: ['victim.age', 'acts'] }, 'en'));
  assert.notEqual(findingKey(f, 'en'), findingKey({ ...f, penalty: { summary: '1 year' } }, 'en'));
  // A finding that comes to rest on a second version (a period across a change of the law) is redrawn.
  assert.notEqual(findingKey(f, 'en'), findingKey({ ...f, versions_text: 'nl.sr.2024-01-01 (to 2024-06-30) and nl.sr.2024-07-01 (from 2024-07-01)' }, 'en'));
});

test('the certainty badge, in each language', () => {
  assert.equal(certaintyText(finding('a', { certainty: 'contested' }), 'en'), 'Certainty: contested');
  assert.equal(certaintyText(finding('a', { certainty: 'likely' }), 'fr'), 'Certitude\u00a0: probable');
  assert.equal(certaintyText(finding('a', { certainty: 'new' }), 'nl'), 'Zekerheid: new');
});

test('a legal gap says its status and the unsettled readings it rests on, in the page\'s language', () => {
  const gap = {
    harm: 'harm.images-demanded', label: 'x', status: 'contested_only', holds: 'true', reason: 'r', sources: [],
    readings: [{ rule: 'be.sw.470.non-money', citation: 'art. 470 Sw.', certainty: 'contested' }],
  };
  assert.deepEqual(gapText(gap, 'en'), {
    status: 'Only on a contested or unverified reading',
    readings: 'Only on: art. 470 Sw. (contested)',
  });
  assert.equal(gapText(gap, 'nl').status, 'Alleen bij een betwiste of niet geverifieerde lezing');
  assert.equal(gapText({ ...gap, status: 'not_covered', readings: [] }, 'fr').status, 'Non couvert');
  assert.equal(gapText({ ...gap, status: 'not_covered', readings: [] }, 'fr').readings, '');
});
