// The policy analysis without the DOM: the request a form asks for, and how the sweep's
// answer is put into the page's language. policy-view.js renders it.
//
// The sweep's constraints and changes arrive today as English phrases ("is one of a, b",
// "at least 18", "penalty changed (…)") that `describeConstraint` and `describeChange` read
// back. When /api/gaps and /api/diff give a structured `constraints` array (fact, operator,
// values), `describeConstraint` is the one function to switch to it.
import { formatDate, quote, text, today } from './i18n.js';
import { valueLabel } from './case.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./state.js').RulesetVersion} RulesetVersion */
/** @typedef {'gaps' | 'dates' | 'vs' | 'with'} Kind */
/**
 * What the form says: the country, the analysis, its dates and the proposal chosen.
 * @typedef {{jurisdiction: string, kind: Kind, date: string, from: string, to: string, with: string}} PolicyValues
 */
/**
 * A request of the form, or the field it still needs (with the text to say so).
 * @typedef {{path: '/api/gaps' | '/api/diff', body: Record<string, any>, date: string}
 *         | {missing: 'p-from' | 'p-to' | 'p-with', message: 'datesRequired' | 'proposalRequired'}} PolicyRequest
 */
/** @typedef {{fact: string, constraint: string}} Constraint */

/**
 * The proposals (bills) that can be added to the law of `jurisdiction`: its own and the EU's.
 * @param {readonly RulesetVersion[]} rulesets
 * @param {string} jurisdiction
 */
export function proposalsFor(rulesets, jurisdiction) {
  return rulesets.filter((v) => v.status === 'proposed' && (v.jurisdiction === jurisdiction || v.jurisdiction === 'EU'));
}

/** @param {string} jurisdiction */
export function otherCountry(jurisdiction) {
  return jurisdiction === 'BE' ? 'NL' : 'BE';
}

/**
 * The API request of the form. A proposal not yet in force on the chosen date is swept on the
 * date it would enter into force.
 * @param {PolicyValues} v
 * @param {readonly RulesetVersion[]} rulesets
 * @param {Lang} lang
 * @param {string} [now] today's date
 * @returns {PolicyRequest}
 */
export function policyRequest(v, rulesets, lang, now = today()) {
  /** @type {'/api/gaps' | '/api/diff'} */
  let path = '/api/gaps';
  /** @type {Record<string, any>} */
  const body = { jurisdiction: v.jurisdiction, lang };
  let date = v.date || now;
  const proposal = rulesets.find((r) => r.id === v.with);
  if ((v.kind === 'gaps' || v.kind === 'with') && proposal && proposal.in_force_from > date) date = proposal.in_force_from;
  if (v.kind === 'gaps') {
    body.date = date;
    if (v.with) body.with = [v.with];
  } else if (v.kind === 'dates') {
    if (!v.from || !v.to) return { missing: v.from ? 'p-to' : 'p-from', message: 'datesRequired' };
    path = '/api/diff';
    Object.assign(body, { from: v.from, to: v.to });
  } else if (v.kind === 'vs') {
    path = '/api/diff';
    Object.assign(body, { vs: otherCountry(v.jurisdiction), date });
  } else {
    if (!v.with) return { missing: 'p-with', message: 'proposalRequired' };
    path = '/api/diff';
    Object.assign(body, { with: [v.with], date });
  }
  return { path, body, date };
}

/**
 * The form field an API error is about ("/date" -> "p-date"), or null.
 * @param {string} pointer
 */
export function policyField(pointer) {
  return pointer === '/date' ? 'p-date' : pointer === '/from' ? 'p-from' : pointer === '/to' ? 'p-to' : pointer === '/with' ? 'p-with' : null;
}

/**
 * The two states of the law a diff compares, in `lang`.
 * @param {{kind: Kind, values: PolicyValues, date: string}} last the analysis run
 * @param {readonly RulesetVersion[]} rulesets
 * @param {Lang} lang
 * @returns {[string, string]}
 */
export function policySides(last, rulesets, lang) {
  /** @param {string} j */
  const law = (j) => /** @type {Record<string, string>} */ (text(lang, 'lawOf'))[j] || j;
  /** @param {string} d */
  const day = (d) => formatDate(lang, d);
  const side = text(lang, 'sideDate');
  const v = last.values;
  if (last.kind === 'dates') return [side(law(v.jurisdiction), day(v.from)), side(law(v.jurisdiction), day(v.to))];
  const left = side(law(v.jurisdiction), day(last.date));
  if (last.kind === 'vs') return [left, side(law(otherCountry(v.jurisdiction)), day(last.date))];
  const proposal = rulesets.find((r) => r.id === v.with);
  return [left, text(lang, 'sideWith')(law(v.jurisdiction), day(last.date), proposal ? quote(lang, proposal.title[lang]) : v.with)];
}

/**
 * A constraint of a pattern, shown with the fact's label and the values' labels in `lang`.
 * The sweep writes it as an English phrase over the fact's values ("is true", "has share",
 * "is one of a, b", "at least 18").
 * @param {Constraint} c
 * @param {Fact | undefined} fact the fact it constrains, from the vocabulary
 * @param {Lang} lang
 * @returns {{label: string, value: string}}
 */
export function describeConstraint(c, fact, lang) {
  const words = text(lang, 'c');
  const label = fact ? fact.label[lang] : c.fact;
  const phrase = c.constraint;
  /** @param {string} list */
  const values = (list) => list.split(', ').map((v) => (fact ? valueLabel(fact, v, lang) : v));
  /** @param {string[]} list */
  const join = (list) => list.join(` ${words.or} `);
  let value = phrase;
  let m;
  if (phrase === 'is true') value = words.yes;
  else if (phrase === 'is false') value = words.no;
  else if ((m = /^has not (.+)$/.exec(phrase))) value = words.not(values(m[1])[0]);
  else if ((m = /^has (.+)$/.exec(phrase))) value = values(m[1])[0];
  else if ((m = /^is one of (.+)$/.exec(phrase))) value = join(values(m[1]));
  else if ((m = /^is not (.+)$/.exec(phrase))) {
    // "is not a, b": the values left, when they are few, read better than a negation.
    const excluded = m[1].split(', ');
    const left = fact && fact.values ? fact.values.map((v) => v.value).filter((v) => !excluded.includes(v)) : [];
    value = fact && left.length && left.length <= 3 ? join(left.map((v) => valueLabel(fact, v, lang))) : words.other(join(values(m[1])));
  }
  else if ((m = /^is (.+)$/.exec(phrase))) value = values(m[1])[0];
  else if (fact && (fact.type === 'int' || fact.type === 'date')) {
    /** @param {string} x */
    const show = (x) => (fact.type === 'date' ? formatDate(lang, x) : x);
    value = phrase.split(' or ').map((piece) => {
      let p;
      if ((p = /^at least (.+)$/.exec(piece))) return words.atLeast(show(p[1]));
      if ((p = /^under (.+)$/.exec(piece))) return words.under(show(p[1]));
      if ((p = /^(.+) to (.+)$/.exec(piece))) return words.range(show(p[1]), show(p[2]));
      return show(piece);
    }).join(` ${words.or} `);
  }
  return { label, value };
}

/**
 * The heading of a change of a diff in `lang`, and its English detail ("penalty changed
 * (…)" keeps what changed). `left` and `right` name the two sides compared.
 * @param {string} change the diff's English phrase
 * @param {string} left
 * @param {string} right
 * @param {Lang} lang
 * @returns {{title: string, detail: string}}
 */
export function describeChange(change, left, right, lang) {
  const words = text(lang, 'changes');
  let title = change;
  let detail = '';
  if (change.startsWith('covered only on the left')) title = words.left(left, right);
  else if (change.startsWith('covered only on the right')) title = words.right(left, right);
  else if (change.startsWith('penalty changed')) {
    title = words.penalty;
    detail = change.replace(/^penalty changed \((.*)\)$/, '$1');
  } else if (change.startsWith('offence removed')) title = words.removed(left, right);
  else if (change.startsWith('no longer covered')) title = words.successor;
  else if (change.startsWith('newly covered')) title = words.newly;
  else if (change.startsWith('offence added')) title = words.added;
  return { title, detail };
}
