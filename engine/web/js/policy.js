// The policy analysis without the DOM: the request a form asks for, and how the sweep's
// answer is put into the page's language. policy-view.js renders it.
//
// A pattern's constraints are shown from their data (fact, operator, values) with the
// vocabulary's labels, and a diff's change from its `kind`; the English phrases beside them
// are not read.
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
/** @typedef {{min?: number | string, max?: number | string}} Range */
/**
 * A constraint of a gap or diff pattern (docs/json-format.md): `op` "is" (bool: [true] or
 * [false]), "in" (enum: the values allowed), "has"/"has_not" (set: [member]), "in_ranges"
 * (int, date: inclusive ranges, an open end left out). `constraint` is the English phrase of
 * the text report, which the page does not read.
 * @typedef {{fact: string, constraint: string, op: 'is' | 'in' | 'has' | 'has_not' | 'in_ranges', values: any[]}} Constraint
 */

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
 * The settings each analysis starts from: today, no proposal, no earlier date.
 * @param {string} now today's date
 * @returns {Pick<PolicyValues, 'date' | 'from' | 'to' | 'with'>}
 */
export function defaultSettings(now) {
  return { date: now, from: '', to: now, with: '' };
}

/**
 * The form's values when the analysis changes from `values.kind` to `kind`: each analysis
 * keeps its own date(s) and proposal, so that a gap scan never inherits the bill and the date
 * of a comparison run before it. `saved` (kind -> settings) remembers the ones left; the
 * country is the subject of every analysis and stays.
 * @param {Map<Kind, Pick<PolicyValues, 'date' | 'from' | 'to' | 'with'>>} saved
 * @param {PolicyValues} values
 * @param {Kind} kind
 * @param {string} [now] today's date
 * @returns {PolicyValues}
 */
export function switchAnalysis(saved, values, kind, now = today()) {
  const { date, from, to, with: proposal } = values;
  saved.set(values.kind, { date, from, to, with: proposal });
  return { jurisdiction: values.jurisdiction, kind, ...(saved.get(kind) || defaultSettings(now)) };
}

/**
 * The API request of the form. A proposal is assessed as if in force on the chosen date (the
 * API says so in its answer): its own date, for a bill a placeholder, is not used.
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
  const date = v.date || now;
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
 * A constraint of a pattern, shown with the fact's label and the values' labels in `lang`,
 * from its data (docs/json-format.md, "Gap and diff patterns"); the English phrase beside it
 * is not read.
 * @param {Constraint} c
 * @param {Fact | undefined} fact the fact it constrains, from the vocabulary
 * @param {Lang} lang
 * @returns {{label: string, value: string}}
 */
export function describeConstraint(c, fact, lang) {
  const words = text(lang, 'c');
  const label = fact ? fact.label[lang] : c.fact;
  /** @param {string} v */
  const name = (v) => (fact ? valueLabel(fact, v, lang) : v);
  /** @param {string[]} list */
  const join = (list) => list.join(` ${words.or} `);
  let value = c.constraint; // an operator the page does not know yet: the sweep's phrase
  switch (c.op) {
    case 'is':
      value = c.values[0] ? words.yes : words.no;
      break;
    case 'has':
      value = name(c.values[0]);
      break;
    case 'has_not':
      value = words.not(name(c.values[0]));
      break;
    case 'in': {
      // Many values allowed read better as the few excluded: "other than photo".
      const allowed = /** @type {string[]} */ (c.values);
      const excluded = fact && fact.values ? fact.values.map((v) => v.value).filter((v) => !allowed.includes(v)) : [];
      value = allowed.length > 3 && excluded.length ? words.other(join(excluded.map(name))) : join(allowed.map(name));
      break;
    }
    case 'in_ranges': {
      const isDate = fact ? fact.type === 'date' : typeof c.values[0]?.min === 'string' || typeof c.values[0]?.max === 'string';
      /** @param {number | string} x */
      const show = (x) => (isDate ? formatDate(lang, String(x)) : String(x));
      // An upper bound is inclusive; "under" the next value is how the sweep says it.
      /** @param {number | string} x */
      const after = (x) => (typeof x === 'string' ? nextDay(x) : x + 1);
      value = join(/** @type {Range[]} */ (c.values).map((r) => {
        if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? show(r.min) : words.range(show(r.min), show(r.max));
        if (r.min !== undefined) return words.atLeast(show(r.min));
        if (r.max !== undefined) return words.under(show(after(r.max)));
        return '';
      }));
      break;
    }
  }
  return { label, value };
}

/**
 * The day after `date` (YYYY-MM-DD).
 * @param {string} date
 */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A change of a diff (docs/json-format.md): `kind` says what changed; `change` is the English
 * phrase of the text report, which the page does not read. A penalty change names the earlier
 * offence and both penalties, in the language asked for.
 * An offence continued under another article names the old and new numbers (`renumbering`);
 * a renumbering alone (same conduct, same penalty) changes no scenario.
 * @typedef {'covered_only_left' | 'covered_only_right' | 'penalty_changed' | 'offence_removed'
 *   | 'no_longer_covered' | 'newly_covered' | 'offence_added' | 'renumbered'} ChangeKind
 * @typedef {{kind: ChangeKind, change: string, rule: string | null,
 *   penalty?: {earlier_rule: string, before: string, after: string},
 *   renumbering?: {text: string}}} Change
 */

/**
 * The heading of a change of a diff in `lang`, and its detail (what the penalty was and is).
 * `left` and `right` name the two sides compared.
 * @param {Change} c
 * @param {string} left
 * @param {string} right
 * @param {Lang} lang
 * @returns {{title: string, detail: string}}
 */
export function describeChange(c, left, right, lang) {
  const words = text(lang, 'changes');
  const numbers = c.renumbering ? c.renumbering.text : '';
  switch (c.kind) {
    case 'covered_only_left': return { title: words.left(left, right), detail: '' };
    case 'covered_only_right': return { title: words.right(left, right), detail: '' };
    case 'penalty_changed': {
      const p = c.penalty;
      const penalty = p ? `${p.earlier_rule}: ${p.before} → ${c.rule}: ${p.after}` : '';
      return { title: words.penalty, detail: [penalty, numbers].filter(Boolean).join('; ') };
    }
    case 'offence_removed': return { title: words.removed(left, right), detail: '' };
    case 'no_longer_covered': return { title: words.successor, detail: numbers };
    case 'newly_covered': return { title: words.newly, detail: numbers };
    case 'offence_added': return { title: words.added, detail: '' };
    case 'renumbered': return { title: words.renumbered, detail: numbers };
  }
  return { title: c.change, detail: '' }; // a kind the page does not know yet: the sweep's phrase
}
