// The case as the API reads it (docs/api.md): a fact not answered is absent, a fact not
// known is the string "unknown". Facts are named as the vocabulary names them ("victim.age",
// "acts"). Pure functions: no DOM, no page state.
import { text, today } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {Record<Lang, string>} Translated */
/**
 * A fact of the vocabulary, as /api/facts lists it.
 * @typedef {{
 *   name: string,
 *   type: 'bool' | 'enum' | 'set' | 'int' | 'date',
 *   label: Translated,
 *   question: Translated,
 *   values?: {value: string, label: Translated}[],
 *   sensitivity: number,
 *   derived?: boolean,
 *   stage?: 'event' | 'person' | 'image' | 'platform' | '',
 *   intake?: 'decides' | 'basic' | 'for_lawyer',
 *   why?: Translated,
 *   min?: number,
 *   max?: number,
 * }} Fact
 */
/** @typedef {{type: string, date?: string, certain?: boolean}} Act */
/**
 * A date as people know it: a day, a month ("2024-06"), a year ("2024") or two days between
 * which it happened (docs/case-format.md).
 * @typedef {string | {from: string, to: string}} CaseDate
 */
/** @typedef {{id?: string, jurisdiction?: string, date?: CaseDate, [group: string]: any}} Case */

/** @param {string} [date] */
export function newCase(date = today()) {
  /** @type {Case} */
  const fresh = { id: '', jurisdiction: 'BE', date };
  return fresh;
}

/**
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function clone(value) {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/**
 * "victim.age" -> ["victim", "age"]
 * @param {string} name
 * @returns {[string, string]}
 */
export function splitName(name) {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** @param {string} name */
export function groupOf(name) {
  return name.includes('.') ? splitName(name)[0] : name;
}

/**
 * @param {Readonly<Case>} c
 * @param {string} name
 * @returns {any}
 */
export function getFact(c, name) {
  if (!name.includes('.')) return c[name];
  const [group, key] = splitName(name);
  const g = c[group];
  return g && typeof g === 'object' ? g[key] : undefined;
}

/**
 * Sets a fact of `c` in place; `undefined` removes it (and its group when it was the last).
 * @param {Case} c
 * @param {string} name
 * @param {any} value
 */
export function setFact(c, name, value) {
  if (!name.includes('.')) {
    if (value === undefined) delete c[name];
    else c[name] = value;
    return;
  }
  const [group, key] = splitName(name);
  if (value === undefined) {
    if (c[group]) {
      delete c[group][key];
      if (Object.keys(c[group]).length === 0) delete c[group];
    }
  } else {
    if (!c[group] || typeof c[group] !== 'object') c[group] = {};
    c[group][key] = value;
  }
}

/**
 * @param {Readonly<Case>} c
 * @param {readonly Fact[]} facts
 */
export function answeredFacts(c, facts) {
  return facts.filter((f) => getFact(c, f.name) !== undefined);
}

/**
 * The id of a case the user gave none: "intake-2025-03-14".
 * @param {Readonly<Case>} c
 * @param {Lang} lang
 */
export function defaultId(c, lang) {
  const date = c.date && typeof c.date === 'object' ? c.date.from : c.date;
  return `${text(lang, 'untitledCase')}-${date || today()}`;
}

/**
 * The case as sent to the API and downloaded: an id is always given.
 * @param {Readonly<Case>} c
 * @param {Lang} lang
 * @returns {Case}
 */
export function caseForApi(c, lang) {
  const copy = clone(/** @type {Case} */ (c));
  if (!copy.id) copy.id = defaultId(c, lang);
  return copy;
}

/**
 * The name of a downloaded file, without its extension: the case's id in letters a file
 * system takes everywhere.
 * @param {Readonly<Case>} c
 * @param {Lang} lang
 */
export function fileBase(c, lang) {
  const id = (c.id || defaultId(c, lang)).normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'case';
}

/**
 * The label of a value of an enum or set fact in `lang`; the value itself when unknown.
 * @param {Fact} fact
 * @param {string} value
 * @param {Lang} lang
 */
export function valueLabel(fact, value, lang) {
  const v = (fact.values || []).find((x) => x.value === value);
  return v ? v.label[lang] : value;
}

/**
 * The field an API error is about, from its JSON pointer: "/case/victim/age" -> "victim.age";
 * "/case/acts/0/type" -> "acts"; "/case/date" -> "date"; null when no field of the page.
 * @param {string | undefined} pointer
 * @param {ReadonlyMap<string, Fact>} factByName
 * @returns {string | null}
 */
export function fieldOfPointer(pointer, factByName) {
  const parts = (pointer || '').split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'case' || parts.length < 2) return null;
  if (parts.length >= 3 && factByName.has(`${parts[1]}.${parts[2]}`)) return `${parts[1]}.${parts[2]}`;
  if (factByName.has(parts[1])) return parts[1];
  if (['date', 'jurisdiction', 'id'].includes(parts[1])) return parts[1];
  return null;
}

/** @typedef {'day' | 'month' | 'year' | 'range'} DateKind */

/**
 * How precisely a case's date is known, from how the case gives it: a day (2024-06-20), a
 * month (2024-06), a year (2024) or a range ({from, to}); docs/case-format.md.
 * @param {CaseDate | undefined} date
 * @returns {DateKind}
 */
export function dateKindOf(date) {
  if (date && typeof date === 'object') return 'range';
  if (/^\d{4}$/.test(String(date ?? ''))) return 'year';
  if (/^\d{4}-\d{2}$/.test(String(date ?? ''))) return 'month';
  return 'day';
}

/**
 * The first or last day of a day, a month or a year as a case writes it: "2024-07" -> "2024-07-31".
 * @param {string} text
 * @param {'first' | 'last'} end
 */
export function dayOf(text, end) {
  if (/^\d{4}$/.test(text)) return end === 'first' ? `${text}-01-01` : `${text}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (!month) return text;
  if (end === 'first') return `${text}-01`;
  const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${text}-${String(last).padStart(2, '0')}`;
}
