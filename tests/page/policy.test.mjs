// The policy analysis: the request of the form, the sweep's constraints and changes in the page's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  describeChange, describeConstraint, policyField, policyRequest, policySides, proposalsFor, switchAnalysis,
} from '../../engine/web/js/policy.js';
import { FACT_BY_NAME } from './fixtures.mjs';

const RULESETS = [
  { id: 'be.sw.v3', jurisdiction: 'BE', status: 'in_force', in_force_from: '2022-01-01', title: { en: 'Criminal Code' } },
  { id: 'be.bill.2027', jurisdiction: 'BE', status: 'proposed', in_force_from: '2027-01-01', title: { en: 'Bill', nl: 'Wetsvoorstel', fr: 'Projet' } },
  { id: 'eu.proposal', jurisdiction: 'EU', status: 'proposed', in_force_from: '2026-01-01', title: { en: 'EU proposal' } },
  { id: 'nl.bill', jurisdiction: 'NL', status: 'proposed', in_force_from: '2026-07-01', title: { en: 'NL bill' } },
];
const form = (extra) => ({ jurisdiction: 'BE', kind: 'gaps', date: '2025-06-01', from: '', to: '', with: '', ...extra });

test('the proposals of a country are its own and the EU\'s', () => {
  assert.deepEqual(proposalsFor(RULESETS, 'BE').map((r) => r.id), ['be.bill.2027', 'eu.proposal']);
  assert.deepEqual(proposalsFor(RULESETS, 'NL').map((r) => r.id), ['eu.proposal', 'nl.bill']);
});

test('gaps on a date, with a proposal assessed on the chosen date, not its own', () => {
  assert.deepEqual(policyRequest(form(), RULESETS, 'nl'),
    { path: '/api/gaps', body: { jurisdiction: 'BE', lang: 'nl', date: '2025-06-01' }, date: '2025-06-01' });
  assert.deepEqual(policyRequest(form({ with: 'be.bill.2027' }), RULESETS, 'en'),
    { path: '/api/gaps', body: { jurisdiction: 'BE', lang: 'en', date: '2025-06-01', with: ['be.bill.2027'] }, date: '2025-06-01' });
  assert.equal(policyRequest(form({ date: '' }), RULESETS, 'en', '2030-02-03').body.date, '2030-02-03');
});

test('changes between two dates need both', () => {
  assert.deepEqual(policyRequest(form({ kind: 'dates', from: '2024-06-30', to: '2024-07-01' }), RULESETS, 'en'),
    { path: '/api/diff', body: { jurisdiction: 'BE', lang: 'en', from: '2024-06-30', to: '2024-07-01' }, date: '2025-06-01' });
  assert.deepEqual(policyRequest(form({ kind: 'dates', to: '2024-07-01' }), RULESETS, 'en'), { missing: 'p-from', message: 'datesRequired' });
  assert.deepEqual(policyRequest(form({ kind: 'dates', from: '2024-07-01' }), RULESETS, 'en'), { missing: 'p-to', message: 'datesRequired' });
});

test('the other country, and the law with a proposal (which is needed)', () => {
  assert.deepEqual(policyRequest(form({ kind: 'vs', jurisdiction: 'NL' }), RULESETS, 'fr').body,
    { jurisdiction: 'NL', lang: 'fr', vs: 'BE', date: '2025-06-01' });
  assert.deepEqual(policyRequest(form({ kind: 'with', with: 'eu.proposal' }), RULESETS, 'en').body,
    { jurisdiction: 'BE', lang: 'en', with: ['eu.proposal'], date: '2025-06-01' });
  assert.deepEqual(policyRequest(form({ kind: 'with' }), RULESETS, 'en'), { missing: 'p-with', message: 'proposalRequired' });
});

test('each analysis starts from its own settings: a gap scan after a bill comparison has no bill and today', () => {
  const saved = new Map();
  const compared = form({ kind: 'with', jurisdiction: 'NL', date: '2026-03-01', with: 'nl.bill' });
  const gaps = switchAnalysis(saved, compared, 'gaps', '2026-12-03');
  assert.deepEqual(gaps, { jurisdiction: 'NL', kind: 'gaps', date: '2026-12-03', from: '', to: '2026-12-03', with: '' });
  assert.deepEqual(policyRequest(gaps, RULESETS, 'en').body, { jurisdiction: 'NL', lang: 'en', date: '2026-12-03' });
  // Back to the comparison: its bill and date are as they were left; the gap scan's too.
  const again = switchAnalysis(saved, { ...gaps, date: '2025-01-01' }, 'with', '2026-12-03');
  assert.deepEqual(again, compared);
  assert.equal(switchAnalysis(saved, again, 'gaps', '2026-12-03').date, '2025-01-01');
});

test('an API error names the form field it is about', () => {
  assert.equal(policyField('/date'), 'p-date');
  assert.equal(policyField('/with'), 'p-with');
  assert.equal(policyField('/jurisdiction'), null);
});

test('the sides of a diff, in the page\'s language', () => {
  assert.deepEqual(policySides({ kind: 'dates', values: form({ from: '2024-06-30', to: '2024-07-01' }), date: '2025-06-01' }, RULESETS, 'en'),
    ['Belgian law on 30 June 2024', 'Belgian law on 1 July 2024']);
  assert.deepEqual(policySides({ kind: 'vs', values: form({ jurisdiction: 'NL' }), date: '2025-06-01' }, RULESETS, 'nl'),
    ['Nederlands recht op 1 juni 2025', 'Belgisch recht op 1 juni 2025']);
  assert.deepEqual(policySides({ kind: 'with', values: form({ with: 'be.bill.2027' }), date: '2027-01-01' }, RULESETS, 'fr'),
    ['le droit belge au 1er janvier 2027', 'le droit belge au 1er janvier 2027 avec la proposition «\u00a0Projet\u00a0»']);
});

// Each constraint as the API gives it; the phrase is deliberately not the one the sweep
// writes, so that a test passes only when the page reads the data.
const describe = (fact, op, values, lang = 'en') =>
  describeConstraint({ fact, constraint: 'not read', op, values }, FACT_BY_NAME.get(fact), lang);

test('constraints on yes/no, set and enum facts are shown with the labels of the values', () => {
  assert.deepEqual(describe('image.realistic', 'is', [true]), { label: 'Realistic', value: 'yes' });
  assert.deepEqual(describe('image.realistic', 'is', [false], 'fr'), { label: 'fr Realistic', value: 'non' });
  assert.equal(describe('acts', 'has', ['share']).value, 'shared');
  assert.equal(describe('acts', 'has_not', ['publish'], 'nl').value, 'niet nl published');
  assert.equal(describe('image.technique', 'in', ['undress']).value, 'undress app');
  assert.equal(describe('image.technique', 'in', ['photo', 'deepfake']).value, 'photo or deepfake');
});

test('many enum values allowed read as the few excluded', () => {
  assert.equal(describe('image.technique', 'in', ['deepfake', 'drawing', 'other']).value, 'deepfake or drawing or other');
  assert.equal(describe('image.technique', 'in', ['undress', 'deepfake', 'drawing', 'other']).value, 'other than photo');
  assert.equal(describe('image.technique', 'in', ['undress', 'deepfake', 'drawing', 'other'], 'fr').value, 'autre que fr photo');
});

test('ranges of numbers and dates, inclusive, an open end left out', () => {
  assert.equal(describe('victim.age', 'in_ranges', [{ min: 18 }]).value, 'at least 18');
  assert.equal(describe('victim.age', 'in_ranges', [{ max: 15 }, { min: 18, max: 20 }], 'nl').value, 'minder dan 16 of 18 tot en met 20');
  assert.equal(describe('victim.age', 'in_ranges', [{ min: 16, max: 17 }, { min: 21 }], 'fr').value, 'de 16 à 17 ou au moins 21');
  assert.equal(describe('offence_date', 'in_ranges', [{ min: '2024-07-01' }], 'fr').value, 'au moins 1er juillet 2024');
  assert.equal(describe('offence_date', 'in_ranges', [{ max: '2024-06-30' }]).value, 'under 1 July 2024');
  assert.equal(describe('offence_date', 'in_ranges', [{ max: '2024-12-31' }], 'nl').value, 'minder dan 1 januari 2025');
  assert.equal(describe('victim.age', 'in_ranges', [{ min: 17, max: 17 }]).value, '17');
});

test('a constraint on a fact the page does not know is shown with the values as the API gives them', () => {
  assert.deepEqual(describeConstraint({ fact: 'x.y', constraint: 'is one of a, b', op: 'in', values: ['a', 'b'] }, undefined, 'en'),
    { label: 'x.y', value: 'a or b' });
  assert.deepEqual(describeConstraint({ fact: 'x.y', constraint: 'at least 3', op: 'in_ranges', values: [{ min: 3 }] }, undefined, 'nl'),
    { label: 'x.y', value: 'minstens 3' });
});

test('the changes of a diff, named in the page\'s language from their kind, not their phrase', () => {
  /** @param {import('../../engine/web/js/policy.js').ChangeKind} kind @param {any} [more] */
  const change = (kind, more = {}) => ({ kind, change: 'an English phrase the page does not read', rule: 'r2', ...more });
  assert.deepEqual(describeChange(change('covered_only_left'), 'A', 'B', 'en'), { title: 'Covered only under A: no offence under B', detail: '' });
  assert.deepEqual(describeChange(change('covered_only_right'), 'A', 'B', 'en'), { title: 'Covered only under B: no offence under A', detail: '' });
  assert.deepEqual(describeChange(change('penalty_changed', { penalty: { earlier_rule: 'r1', before: '1 jaar', after: '2 jaar' } }), 'A', 'B', 'nl'),
    { title: 'Straf gewijzigd', detail: 'r1: 1 jaar → r2: 2 jaar' });
  assert.equal(describeChange(change('offence_removed'), 'A', 'B', 'en').title, 'Offence removed: nothing under B continues it');
  assert.equal(describeChange(change('no_longer_covered'), 'A', 'B', 'en').title, 'No longer covered by its successor');
  assert.equal(describeChange(change('newly_covered'), 'A', 'B', 'en').title, 'Newly covered by this offence');
  assert.equal(describeChange(change('offence_added'), 'A', 'B', 'fr').title, 'Infraction ajoutée');
  const numbers = { renumbering: { text: 'art. 139h Sr → art. 254ba Sr' } };
  assert.deepEqual(describeChange(change('renumbered', numbers), 'A', 'B', 'nl'),
    { title: 'Vernummerd: zelfde gedraging, zelfde straf', detail: 'art. 139h Sr → art. 254ba Sr' });
  assert.equal(describeChange(change('newly_covered', numbers), 'A', 'B', 'en').detail, 'art. 139h Sr → art. 254ba Sr');
  assert.equal(describeChange(change('penalty_changed', { ...numbers, penalty: { earlier_rule: 'r1', before: '1', after: '2' } }), 'A', 'B', 'en').detail,
    'r1: 1 → r2: 2; art. 139h Sr → art. 254ba Sr');
  // A kind the page does not know yet: the sweep's phrase.
  assert.equal(describeChange(/** @type {any} */ ({ kind: 'scope_split', change: 'something new', rule: null }), 'A', 'B', 'en').title, 'something new');
});
