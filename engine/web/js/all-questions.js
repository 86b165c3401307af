// "All questions": every fact a user can state, grouped, neutral questions first; each
// change applies at once.
import { getFact, groupOf } from './case.js';
import { $, el, t } from './dom.js';
import { caseChanged } from './evaluation.js';
import { buildField } from './fields.js';
import { setFact, state } from './state.js';

/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./dom.js').FieldElement} FieldElement */

/**
 * The facts by group ("victim", "acts"…): neutral groups first; within a group, neutral
 * questions first (a stable sort keeps the vocabulary's order among equals), and a derived
 * fact (victim.minor) right after the age it derives from.
 * @param {readonly Fact[]} facts
 * @returns {{name: string, list: Fact[], index: number, mean: number}[]}
 */
export function groupedFacts(facts) {
  /** @type {Map<string, Fact[]>} */
  const groups = new Map();
  for (const fact of facts) {
    const g = groupOf(fact.name);
    if (!groups.has(g)) groups.set(g, []);
    /** @type {Fact[]} */ (groups.get(g)).push(fact);
  }
  /** @param {Fact[]} list */
  const mean = (list) => {
    const asked = list.filter((f) => !f.derived);
    return asked.reduce((s, f) => s + f.sensitivity, 0) / Math.max(1, asked.length);
  };
  const ordered = [...groups.entries()].map(([name, list], index) => ({ name, list, index, mean: mean(list) }));
  ordered.sort((a, b) => a.mean - b.mean || a.index - b.index);
  for (const g of ordered) {
    const sorted = g.list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => Number(a.f.derived) - Number(b.f.derived) || a.f.sensitivity - b.f.sensitivity || a.i - b.i)
      .map((x) => x.f);
    // A derived fact (victim.minor) comes right after the age it derives from.
    const derived = sorted.filter((f) => f.derived);
    const base = sorted.findIndex((f) => f.name === `${g.name}.age`);
    if (base >= 0 && derived.length) {
      const rest = sorted.filter((f) => !f.derived);
      const at = rest.findIndex((f) => f.name === `${g.name}.age`) + 1;
      g.list = [...rest.slice(0, at), ...derived, ...rest.slice(at)];
    } else {
      g.list = sorted;
    }
  }
  return ordered;
}

/**
 * How many findings the answer to `name` can decide, by the last result.
 * @param {{next_questions?: import('./state.js').RankedQuestion[]} | null} result
 * @param {string} name
 */
export function decidesCount(result, name) {
  const questions = (result && result.next_questions) || [];
  const q = questions.find((x) => x.fact === name && !x.member);
  return q ? q.decides.length : 0;
}

export function renderAllMode() {
  const root = $('all-mode');
  const active = document.activeElement && root.contains(document.activeElement) ? document.activeElement : null;
  const activeField = active ? /** @type {HTMLElement | null} */ (active.closest('[data-fact]')) : null;
  const activeFact = activeField ? activeField.dataset.fact : null;
  root.replaceChildren();
  for (const group of groupedFacts(state.facts)) {
    const title = /** @type {Record<string, string>} */ (t('groups') || {})[group.name] || group.name;
    const section = el('fieldset', { class: 'fact-group', dataset: { group: group.name } });
    section.append(el('legend', { class: 'group-legend' }, el('span', { text: title })));
    for (const fact of group.list) {
      const hints = [];
      if (fact.derived) hints.push(t('derivedHint'));
      if (fact.sensitivity >= 3) hints.push(t('sensitivity3'));
      const n = decidesCount(state.result, fact.name);
      const field = buildField(fact, {
        mode: 'all',
        value: getFact(state.case, fact.name),
        hints,
        badge: n ? t('decidesShort')(n) : null,
        onChange: (v) => {
          setFact(fact.name, v);
          caseChanged();
        },
      });
      if (fact.derived) field.classList.add('derived');
      section.append(field);
    }
    root.append(section);
  }
  syncDerivedVisibility();
  if (activeFact) focusField(activeFact, false);
}

// A derived fact (victim.minor) is asked only while the fact it derives from (victim.age)
// is not a number, or when the case states it.
export function syncDerivedVisibility() {
  for (const field of document.querySelectorAll('#all-mode .fact-field.derived')) {
    const node = /** @type {HTMLElement} */ (field);
    const name = node.dataset.fact || '';
    const base = `${groupOf(name)}.age`;
    const baseValue = getFact(state.case, base);
    node.hidden = typeof baseValue === 'number' && getFact(state.case, name) === undefined;
  }
}

export function updateDecidesBadges() {
  for (const field of document.querySelectorAll('#all-mode .fact-field')) {
    const n = decidesCount(state.result, /** @type {HTMLElement} */ (field).dataset.fact || '');
    const legend = field.querySelector('legend, label');
    let badge = legend && legend.querySelector('.badge.decides');
    if (!n) {
      if (badge) badge.remove();
      continue;
    }
    if (!badge && legend) {
      badge = el('span', { class: 'badge decides' });
      legend.append(' ', badge);
    }
    if (badge) badge.textContent = t('decidesShort')(n);
  }
}

/**
 * Shows and focuses the field of `name` in "all questions"; false when there is none.
 * @param {string} name
 * @param {boolean} [scroll]
 */
export function focusField(name, scroll = true) {
  /** @type {FieldElement | null} */
  const field = document.querySelector(`#all-mode [data-fact="${CSS.escape(name)}"]`);
  if (!field) return false;
  field.hidden = false;
  const target = field.focusTarget ? field.focusTarget() : field.querySelector('input');
  if (target) {
    target.focus({ preventScroll: !scroll });
    if (scroll) field.scrollIntoView({ block: 'center' });
  }
  return true;
}
