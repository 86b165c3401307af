// The findings of a result, as the page sorts and names them: pure functions (no DOM), which
// findings-view.js renders.
import { colon, text } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/**
 * A finding of the result (docs/json-format.md); only what the page reads is typed.
 * @typedef {{
 *   rule: string,
 *   status: 'applies' | 'possible',
 *   kind: string,
 *   heading: string,
 *   title: string,
 *   certainty: string,
 *   certainty_reason?: string,
 *   jurisdiction?: string,
 *   article?: string,
 *   citation?: string,
 *   instrument?: string,
 *   version?: {id: string},
 *   versions_text?: string,
 *   penalty?: {summary?: string},
 *   missing?: string[],
 *   sources?: {title?: string, url?: string}[],
 * }} Finding
 */

/** The order of the kinds of provision within "applies" and within "possible". */
export const KIND_ORDER = ['offence', 'remedy', 'referral', 'obligation', 'definition', 'state_duty', 'gap'];

/**
 * What a finding's element shows: an element is reused while its key is the same, so that
 * the live region announces only what changed.
 * @param {Finding} f
 * @param {Lang} lang
 */
export function findingKey(f, lang) {
  return [lang, f.rule, f.status, f.heading, f.version && f.version.id, f.versions_text || '', f.certainty, (f.missing || []).join(','),
    f.penalty ? f.penalty.summary : '', f.title].join('|');
}

/**
 * "art. 417/10 Criminal Code", or nothing for a provision without an article.
 * @param {Finding} f
 */
export function articleText(f) {
  if (!f.article || f.article === '-') return '';
  return f.citation || `art. ${f.article} ${f.instrument}`;
}

/**
 * Whether the group's "applies" / "possible" says all, or the engine's heading says more: a
 * contested or unverified reading, a definition met, a duty of the Member State.
 * @param {Finding} f
 */
export function isPlain(f) {
  return (f.certainty === 'settled' || f.certainty === 'likely') && (f.kind !== 'definition' && f.kind !== 'state_duty');
}

/**
 * The findings by kind of provision, in KIND_ORDER, each in the result's order.
 * @param {readonly Finding[]} findings
 * @returns {[string, Finding[]][]}
 */
export function byKind(findings) {
  /** @type {Map<string, Finding[]>} */
  const groups = new Map();
  for (const f of findings) {
    if (!groups.has(f.kind)) groups.set(f.kind, []);
    /** @type {Finding[]} */ (groups.get(f.kind)).push(f);
  }
  return [...groups.entries()].sort(([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
}

/**
 * The findings that apply and those that may apply. A reading that is not settled is counted
 * apart (`unsettled`, among `applies`): its heading says CONTESTED, not "applies".
 * @param {readonly Finding[]} findings
 */
export function partition(findings) {
  const applies = findings.filter((f) => f.status === 'applies');
  const possible = findings.filter((f) => f.status === 'possible');
  const unsettled = applies.filter((f) => f.certainty === 'contested' || f.certainty === 'unverified');
  return { applies, possible, unsettled };
}

/**
 * The line above the findings: how many apply and how many may.
 * @param {readonly Finding[]} findings
 * @param {Lang} lang
 */
export function summaryText(findings, lang) {
  if (!findings.length) return text(lang, 'noFindings');
  const { applies, possible, unsettled } = partition(findings);
  return text(lang, 'summary')(applies.length, possible.length, unsettled.length);
}

/**
 * A finding's certainty as its badge says it: "Certainty: contested".
 * @param {Finding} f
 * @param {Lang} lang
 */
export function certaintyText(f, lang) {
  const words = /** @type {Record<string, string>} */ (text(lang, 'certaintyWords'));
  return `${colon(lang, text(lang, 'certainty'))} ${words[f.certainty] || f.certainty}`;
}

/**
 * A legal gap of the result (docs/json-format.md, "gaps"): a harm the facts meet that no settled
 * offence covers; label and reason come in the result's language.
 * @typedef {{
 *   harm: string,
 *   label: string,
 *   status: 'not_covered' | 'contested_only' | 'possibly_covered',
 *   holds: 'true' | 'unknown',
 *   reason: string,
 *   readings: {rule: string, citation: string, certainty: string}[],
 *   sources: {title?: string, url?: string}[],
 * }} LegalGap
 */

/**
 * A gap's status as its badge says it, and what it rests on: "Only on: art. 470 Sw. (contested)".
 * @param {LegalGap} gap
 * @param {Lang} lang
 */
export function gapText(gap, lang) {
  const statuses = /** @type {Record<string, string>} */ (text(lang, 'gapStatus'));
  const certainty = /** @type {Record<string, string>} */ (text(lang, 'certaintyWords'));
  const readings = (gap.readings || []).map((r) => `${r.citation} (${certainty[r.certainty] || r.certainty})`);
  return {
    status: statuses[gap.status] || gap.status,
    readings: readings.length ? `${colon(lang, text(lang, 'gapOnlyOn'))} ${readings.join('; ')}` : '',
  };
}
