// The page's languages and the typography of each: which texts, how numbers, dates and
// quotations are written. Pure functions of the language, so that they can be tested without
// a browser; dom.js binds them to the language the user chose.
import en from './i18n/en.js';
import fr from './i18n/fr.js';
import nl from './i18n/nl.js';

/** @typedef {import('./i18n/en.js').Texts} Texts */
/** @typedef {'nl' | 'fr' | 'en'} Lang */

const NB = '\u00a0';

/** @type {Record<Lang, Texts>} */
export const TEXTS = { nl, fr, en };

/** @type {Record<Lang, string>} */
export const LOCALES = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/**
 * @param {unknown} lang
 * @returns {lang is Lang}
 */
export function isLang(lang) {
  return typeof lang === 'string' && Object.prototype.hasOwnProperty.call(TEXTS, lang);
}

/**
 * The first of the browser's preferred languages the page speaks, else English.
 * @param {readonly string[]} languages navigator.languages
 * @returns {Lang}
 */
export function pickLanguage(languages) {
  for (const l of languages) {
    const code = String(l).slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'en';
}

/**
 * A text of the page; English where the language lacks it.
 * @template {keyof Texts} K
 * @param {Lang} lang
 * @param {K} key
 * @returns {Texts[K]}
 */
export function text(lang, key) {
  const value = TEXTS[lang][key];
  return value === undefined ? en[key] : value;
}

/**
 * @param {Lang} lang
 * @param {number} n
 */
export function formatNumber(lang, n) {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
}

/**
 * A date of the law or of the case ("2025-03-01"), written out ("1er mars 2025"); anything
 * else as it is.
 * @param {Lang} lang
 * @param {string | undefined | null} iso
 */
export function formatDate(lang, iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  const [y, m, d] = iso.split('-').map(Number);
  const written = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return lang === 'fr' ? written.replace(/^1 /, '1er ') : written;
}

/**
 * @param {Lang} lang
 * @param {number} part
 * @param {number} whole
 */
export function percent(lang, part, whole) {
  if (!whole) return '0 %';
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

/**
 * @param {Lang} lang
 * @param {string} quoted
 */
export function quote(lang, quoted) {
  return lang === 'fr' ? `«${NB}${quoted}${NB}»` : lang === 'nl' ? `‘${quoted}’` : `“${quoted}”`;
}

/**
 * "Label:" with French typography.
 * @param {Lang} lang
 * @param {string} label
 */
export function colon(lang, label) {
  return lang === 'fr' ? `${label}${NB}:` : `${label}:`;
}

/** Today in the user's time zone, as the date inputs write it. */
export function today() {
  const d = new Date();
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
