// Case files: names, the JSON written, the sample case, when the user is asked first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { caseJson, downloadName, SAMPLE_CASE, wouldLoseAnswers } from '../../engine/web/js/files.js';
import { FACTS } from './fixtures.mjs';

test('a file is named after the case, in letters every file system takes', () => {
  // (An accent becomes a dash of its own: NFKD splits it from its letter. As the page did.)
  assert.equal(downloadName({ id: 'Dossier été 2025/03', date: '2025-03-01' }, 'fr', 'yaml'), 'Dossier-e-te-2025-03.yaml');
  assert.equal(downloadName({ id: '', date: '2025-03-01' }, 'fr', 'json'), 'entretien-2025-03-01.json');
  assert.equal(downloadName({ id: '///', date: '2025-03-01' }, 'en', 'nl.md'), 'case.nl.md');
  assert.equal(downloadName({ id: '../../etc/passwd' }, 'en', 'json'), '..-..-etc-passwd.json');
});

test('the JSON file is the case as the API reads it, with an id, ending in a newline', () => {
  const written = caseJson({ id: '', jurisdiction: 'NL', date: '2025-01-02', victim: { age: 'unknown' } }, 'nl');
  assert.ok(written.endsWith('}\n'));
  assert.deepEqual(JSON.parse(written), { id: 'intake-2025-01-02', jurisdiction: 'NL', date: '2025-01-02', victim: { age: 'unknown' } });
});

test('the user is asked before answers not downloaded are lost', () => {
  const answered = { id: '', jurisdiction: 'BE', date: '2025-01-01', victim: { age: 3 } };
  assert.equal(wouldLoseAnswers({ dirty: true, case: answered, facts: FACTS }), true);
  assert.equal(wouldLoseAnswers({ dirty: false, case: answered, facts: FACTS }), false);
  // Only the case section changed: no answer to lose.
  assert.equal(wouldLoseAnswers({ dirty: true, case: { id: 'x', jurisdiction: 'NL', date: '2025-01-01' }, facts: FACTS }), false);
});

test('the sample case is the demo case of cases/', () => {
  const yaml = readFileSync(new URL('../../cases/demo/be-ex-partner-undress-posted.yaml', import.meta.url), 'utf8');
  assert.match(yaml, new RegExp(`^id: ${SAMPLE_CASE.id}$`, 'm'));
  assert.match(yaml, new RegExp(`^date: ${SAMPLE_CASE.date}$`, 'm'));
  assert.match(yaml, new RegExp(`^title: "${SAMPLE_CASE.title}"$`, 'm'));
});
