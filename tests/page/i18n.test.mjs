// The page's texts: every key in nl, fr and en, of the same shape, none empty; and the
// typography of each language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { colon, formatDate, formatNumber, percent, pickLanguage, quote, text, TEXTS } from '../../engine/web/js/i18n.js';

const LANGS = ['nl', 'fr', 'en'];

// Each text, called with sample arguments when it is a function: [path, value].
function* leaves(value, path) {
  if (typeof value === 'function') {
    for (const args of [[0, 1, 2], [1, 1, 1], [2, 5, 1], ['BE', 'NL', 'x']]) yield [`${path}(${args})`, value(...args)];
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* leaves(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, `${path}.${k}`);
  } else {
    yield [path, value];
  }
}

// The keys of a text tree, with each key's kind: "groups.acts:string", "answered:function".
function shape(value, path = '') {
  if (Array.isArray(value)) return [`${path}:array${value.length}`, ...value.flatMap((v, i) => shape(v, `${path}[${i}]`))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof value}`];
}

test('nl, fr and en have the same keys, of the same kinds', () => {
  const english = shape(TEXTS.en).sort();
  for (const lang of ['nl', 'fr']) assert.deepEqual(shape(TEXTS[lang]).sort(), english, lang);
});

test('no text is empty, in any language', () => {
  for (const lang of LANGS) {
    for (const [path, value] of leaves(TEXTS[lang], lang)) {
      assert.equal(typeof value, 'string', path);
      assert.notEqual(value.trim(), '', path);
      assert.doesNotMatch(value, /undefined|\[object/, path);
    }
  }
});

test('every data-i18n key of index.html is a text of the page', () => {
  const html = readFileSync(new URL('../../engine/web/index.html', import.meta.url), 'utf8');
  const keys = [...html.matchAll(/data-i18n(?:-aria)?="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(keys.length > 40);
  for (const key of keys) {
    for (const lang of LANGS) assert.equal(typeof TEXTS[lang][key], 'string', `${lang}.${key}`);
  }
});

// Two texts still have an ordinary space before the colon: the page is to show what it
// showed before it was split into modules (fix them in a change of their own).
const ORDINARY_SPACE_BEFORE_COLON = ['fr.appTitle', 'fr.lawSource(0,1,2)', 'fr.lawSource(1,1,1)', 'fr.lawSource(2,5,1)', 'fr.lawSource(BE,NL,x)'];

test('French texts put a no-break space before : ; ? !', () => {
  for (const [path, value] of leaves(TEXTS.fr, 'fr')) {
    if (ORDINARY_SPACE_BEFORE_COLON.includes(path)) continue;
    assert.doesNotMatch(value, / [:;?!]/, path);
  }
});

test('a text missing in a language falls back to English', () => {
  const saved = TEXTS.nl.print;
  delete TEXTS.nl.print;
  try {
    assert.equal(text('nl', 'print'), 'Print');
  } finally {
    TEXTS.nl.print = saved;
  }
  assert.equal(text('nl', 'print'), 'Afdrukken');
});

test('the first preferred language the page speaks is chosen, else English', () => {
  assert.equal(pickLanguage(['de-DE', 'fr-BE', 'nl']), 'fr');
  assert.equal(pickLanguage(['NL-be']), 'nl');
  assert.equal(pickLanguage(['de', 'es']), 'en');
  assert.equal(pickLanguage([]), 'en');
});

test('dates, numbers and quotations in each language', () => {
  assert.equal(formatDate('fr', '2025-03-01'), '1er mars 2025');
  assert.equal(formatDate('nl', '2025-03-14'), '14 maart 2025');
  assert.equal(formatDate('en', '2025-03-14'), '14 March 2025');
  assert.equal(formatDate('en', 'not a date'), 'not a date');
  assert.equal(formatDate('en', undefined), '');
  assert.equal(formatNumber('nl', 12345), '12.345');
  assert.equal(formatNumber('en', 12345.6), '12,346');
  assert.equal(percent('en', 1, 8), '12.5%');
  assert.equal(percent('en', 1, 0), '0 %');
  assert.equal(quote('fr', 'x'), '«\u00a0x\u00a0»');
  assert.equal(quote('nl', 'x'), '‘x’');
  assert.equal(quote('en', 'x'), '“x”');
  assert.equal(colon('fr', 'Peine'), 'Peine\u00a0:');
  assert.equal(colon('en', 'Penalty'), 'Penalty:');
});
