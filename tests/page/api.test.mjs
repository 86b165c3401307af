// What the page asks the API, and how it reads a refusal.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { api, ApiError, caseRequest, handoverRequest, letterRequest, nextQuestionsRequest, reportRequest, requestInit } from '../../engine/web/js/api.js';
import { resetState, setLanguage } from '../../engine/web/js/state.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  resetState('en');
});

test('a GET has no body; a POST sends JSON; nothing is cached or sent to another site', () => {
  assert.deepEqual(requestInit(undefined), {
    method: 'GET', headers: {}, body: undefined, signal: undefined, cache: 'no-store', credentials: 'same-origin',
  });
  const signal = new AbortController().signal;
  const init = requestInit({ case: { id: 'x' }, lang: 'fr' }, signal);
  assert.equal(init.method, 'POST');
  assert.deepEqual(init.headers, { 'Content-Type': 'application/json' });
  assert.equal(init.body, '{"case":{"id":"x"},"lang":"fr"}');
  assert.equal(init.signal, signal);
});

test('the requests of the page', () => {
  const c = { id: 'x', jurisdiction: 'BE', date: '2025-01-01' };
  assert.deepEqual(nextQuestionsRequest(c, 'nl'), { path: '/api/next-questions', body: { case: c, lang: 'nl' } });
  assert.deepEqual(reportRequest(c, 'fr', 'markdown'), { path: '/api/report', body: { case: c, lang: 'fr', format: 'markdown' } });
  assert.deepEqual(caseRequest('id: x\n'), { path: '/api/case', body: { case: 'id: x\n' } });
});

test('every request that returns a plan says who reads it; for everyone, no reader is sent', () => {
  const c = { id: 'x', jurisdiction: 'BE', date: '2025-01-01' };
  assert.deepEqual(nextQuestionsRequest(c, 'fr', 'police').body, { case: c, lang: 'fr', reader: 'police' });
  assert.deepEqual(reportRequest(c, 'fr', 'html', 'lawyer').body, { case: c, lang: 'fr', format: 'html', reader: 'lawyer' });
  assert.deepEqual(handoverRequest(c, 'nl', 'support').body, { case: c, lang: 'nl', format: 'html', reader: 'support' });
  for (const request of [nextQuestionsRequest(c, 'fr', ''), reportRequest(c, 'fr', 'html', ''), handoverRequest(c, 'fr', '')]) {
    assert.equal('reader' in request.body, false, request.path);
  }
  // A letter has no plan: it is not asked for by reader.
  assert.equal(letterRequest.length, 3);
});

test('a letter is asked for by kind and language, and carries no name or address of the sender', () => {
  const c = { id: 'x', jurisdiction: 'BE', date: '2025-01-01' };
  assert.deepEqual(letterRequest(c, 'nl', 'dsa-notice'), { path: '/api/letter', body: { case: c, lang: 'nl', kind: 'dsa-notice' } });
  assert.deepEqual(Object.keys(letterRequest(c, 'fr', 'gdpr-erasure').body).sort(), ['case', 'kind', 'lang']);
});

test('the handover pack is asked for as one printable HTML page in the page\'s language', () => {
  const c = { id: 'x', jurisdiction: 'BE', date: '2025-01-01' };
  assert.deepEqual(handoverRequest(c, 'fr'), { path: '/api/handover', body: { case: c, lang: 'fr', format: 'html' } });
});

test('an answer is read as JSON, or as text when asked', async () => {
  const asked = [];
  globalThis.fetch = async (path, init) => {
    asked.push([path, init.method]);
    return new Response('{"facts": []}', { status: 200 });
  };
  assert.deepEqual(await api('/api/facts'), { facts: [] });
  assert.equal(await api('/api/report', { case: {} }, { text: true }), '{"facts": []}');
  assert.deepEqual(asked, [['/api/facts', 'GET'], ['/api/report', 'POST']]);
});

test('a refusal becomes an ApiError with the field, code and help of the API\'s error', async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({
    error: { status: 422, code: 'E0103', message: "'victim.age': -1 is below 0", field: '/case/victim/age', help: ['an age'] },
  }), { status: 422 });
  await assert.rejects(api('/api/next-questions', {}), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 422);
    assert.equal(e.code, 'E0103');
    assert.equal(e.field, '/case/victim/age');
    assert.deepEqual(e.help, ['an age']);
    assert.equal(e.message, "'victim.age': -1 is below 0");
    return true;
  });
});

test('a refusal that is not JSON keeps its HTTP status', async () => {
  globalThis.fetch = async () => new Response('busy', { status: 503 });
  await assert.rejects(api('/api/facts'), { status: 503, message: 'HTTP 503', field: '', code: '' });
});

test('no server: status 0 and the page\'s own message, in its language', async () => {
  globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
  setLanguage('nl');
  await assert.rejects(api('/api/facts'), { status: 0, message: 'De ibsa-server is niet bereikbaar. Draait ‘ibsa serve’ nog?' });
});

test('an aborted request is not an error of the API', async () => {
  globalThis.fetch = async () => { throw new DOMException('aborted', 'AbortError'); };
  await assert.rejects(api('/api/facts'), (e) => e.name === 'AbortError' && !(e instanceof ApiError));
});
