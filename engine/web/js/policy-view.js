// The policy analysis view: the form, and the gaps or changes the sweep finds, as patterns.
import { api } from './api.js';
import { clone } from './case.js';
import { $, $input, el, formatDate, percent, t } from './dom.js';
import { errorContent } from './errors.js';
import { confirmDiscard, loadCase } from './files-view.js';
import { today } from './i18n.js';
import {
  describeChange, describeConstraint, policyField, policyRequest, policySides, proposalsFor, switchAnalysis,
} from './policy.js';
import { state } from './state.js';

/** @typedef {import('./api.js').ApiError} ApiError */
/** @typedef {import('./policy.js').PolicyValues} PolicyValues */
/**
 * A pattern of combinations of facts: the conditions they share (at most eight; more are
 * counted), their share, an example case.
 * @typedef {{share: number, constraints: import('./policy.js').Constraint[], conditions_not_shown?: number, example?: string}} Pattern
 */
/**
 * The last analysis run, to render it again in another language.
 * @typedef {{kind: PolicyValues['kind'], data: any, body: Record<string, any>, path: string, values: PolicyValues, date: string}} Analysis
 */

/** @type {Analysis | null} */
let lastPolicy = null;

/** The settings of the analyses left, each restored when its analysis is chosen again. */
/** @type {Map<PolicyValues['kind'], Pick<PolicyValues, 'date' | 'from' | 'to' | 'with'>>} */
const savedSettings = new Map();
/** The analysis the form shows the settings of. */
/** @type {PolicyValues['kind']} */
let formKind = 'gaps';

/** @returns {PolicyValues} */
function policyValues() {
  const form = $('policy-form');
  /** @param {string} name */
  const checked = (name) => /** @type {HTMLInputElement} */ (form.querySelector(`input[name="${name}"]:checked`)).value;
  return {
    jurisdiction: checked('p-jurisdiction'),
    kind: /** @type {PolicyValues['kind']} */ (checked('p-kind')),
    date: $input('p-date').value,
    from: $input('p-from').value,
    to: $input('p-to').value,
    with: /** @type {HTMLSelectElement} */ ($('p-with')).value,
  };
}

export function renderPolicyForm() {
  const v = policyValues();
  $('p-date-field').hidden = v.kind === 'dates';
  $('p-from-field').hidden = v.kind !== 'dates';
  $('p-to-field').hidden = v.kind !== 'dates';
  $('p-with-field').hidden = v.kind === 'dates' || v.kind === 'vs';
  const select = /** @type {HTMLSelectElement} */ ($('p-with'));
  const chosen = select.value;
  const options = [el('option', { value: '', text: t('proposalNone') })];
  for (const p of proposalsFor(state.rulesets, v.jurisdiction)) {
    options.push(el('option', { value: p.id, text: `${p.title[state.lang]} (${p.id})` }));
  }
  select.replaceChildren(...options);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  const proposal = state.rulesets.find((r) => r.id === select.value);
  $('p-with-hint').textContent = proposal ? t('proposalHint')(formatDate(proposal.in_force_from)) : '';
}

export function bindPolicy() {
  const form = $('policy-form');
  form.addEventListener('change', (e) => {
    const target = /** @type {HTMLInputElement} */ (e.target);
    if (target.name === 'p-kind') showSettings(/** @type {PolicyValues['kind']} */ (target.value));
    if (target.name === 'p-jurisdiction' || target.name === 'p-kind' || target.id === 'p-with') renderPolicyForm();
  });
  formKind = policyValues().kind;
  $input('p-date').value = today();
  $input('p-from').value = '';
  $input('p-to').value = today();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    runPolicy();
  });
}

/**
 * Puts the settings of analysis `kind` in the form, keeping those of the one left.
 * @param {PolicyValues['kind']} kind
 */
function showSettings(kind) {
  const next = switchAnalysis(savedSettings, { ...policyValues(), kind: formKind }, kind);
  formKind = kind;
  $input('p-date').value = next.date;
  $input('p-from').value = next.from;
  $input('p-to').value = next.to;
  // renderPolicyForm, which follows, keeps the proposal only if the country has it.
  /** @type {HTMLSelectElement} */ ($('p-with')).value = next.with;
}

/**
 * @param {string} id
 * @param {string} message
 */
function policyFieldError(id, message) {
  const node = $(`${id}-error`);
  node.textContent = message;
  node.hidden = !message;
  const input = $(id);
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

async function runPolicy() {
  const v = policyValues();
  for (const id of ['p-date', 'p-from', 'p-to', 'p-with']) policyFieldError(id, '');
  $('policy-error').hidden = true;
  const request = policyRequest(v, state.rulesets, state.lang);
  if ('missing' in request) {
    policyFieldError(request.missing, t(request.message));
    $(request.missing).focus();
    return;
  }
  const { path, body, date } = request;
  const run = /** @type {HTMLButtonElement} */ ($('p-run'));
  const results = $('policy-results');
  run.disabled = true;
  results.setAttribute('aria-busy', 'true');
  $('p-busy').replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', t('busy'));
  $('view-policy').dataset.state = 'busy';
  try {
    const data = await api(path, body);
    lastPolicy = { kind: v.kind, data, body: clone(body), path, values: v, date };
    renderPolicyResult();
    $('view-policy').dataset.state = 'done';
    $('policy-results-heading').focus({ preventScroll: true });
    $('policy-results').scrollIntoView({ block: 'start' });
  } catch (e) {
    const error = /** @type {ApiError} */ (e);
    const field = policyField(error.field);
    if (field) policyFieldError(field, `${error.message}${error.help.length ? ` (${error.help.join('; ')})` : ''}`);
    const box = $('policy-error');
    box.replaceChildren(...errorContent(error));
    box.hidden = false;
    $('view-policy').dataset.state = 'error';
  } finally {
    run.disabled = false;
    results.setAttribute('aria-busy', 'false');
    $('p-busy').textContent = '';
  }
}

/** A sweep's result names harms in the language it was asked in: ask again in the new one. */
export async function refreshPolicyLanguage() {
  const last = lastPolicy;
  if (!last) return;
  renderPolicyResult();
  try {
    const data = await api(last.path, { ...last.body, lang: state.lang });
    if (lastPolicy !== last) return;
    last.data = data;
    last.body.lang = state.lang;
    renderPolicyResult();
  } catch (_) { /* keep the result in the language it has */ }
}

/**
 * The patterns the sweep shows (at most five), then how many more it found.
 * @param {{patterns: Pattern[], more_patterns?: number, more_share?: number}} group
 * @param {string} prefix
 */
function renderPatterns(group, prefix) {
  /**
   * @param {Pattern} p
   * @param {number} i
   */
  const item = (p, i) => el('li', { class: 'pattern' },
    el('p', { class: 'pattern-count', text: t('pattern')(i + 1, percent(p.share, 1)) }),
    el('ul', { class: 'constraints' }, p.constraints.map((c) => {
      const d = describeConstraint(c, state.factByName.get(c.fact), state.lang);
      return el('li', { dataset: { fact: c.fact } }, el('span', { class: 'c-fact', text: d.label }), el('span', { class: 'c-value', text: d.value }));
    })),
    p.conditions_not_shown ? el('p', { class: 'hint', text: t('narrower')(p.conditions_not_shown) }) : null,
    p.example ? el('details', { class: 'example' },
      el('summary', { text: t('example') }),
      el('pre', { text: p.example, tabindex: '0', 'aria-label': t('example') }), // scrolls: reachable by keyboard
      el('button', { type: 'button', text: t('openExample'), onclick: () => openExample(/** @type {string} */ (p.example)) })) : null);
  /** @type {HTMLElement[]} */
  const parts = [el('ol', { class: 'patterns' }, group.patterns.map(item))];
  if (group.more_patterns) parts.push(el('p', { class: 'hint more-patterns', text: t('morePatterns')(group.more_patterns, percent(group.more_share || 0, 1)) }));
  return el('div', { class: `pattern-block patterns-${prefix}` }, parts);
}

/**
 * The summary first: per harm, the shares covered, covered only on a contested or unverified
 * reading, and not covered, as a table with a bar in each row (one per side for a diff).
 * @param {any[]} rows the JSON's `summary`
 * @param {boolean} sides whether each row has `left` and `right`
 */
function renderSummary(rows, sides) {
  const [harm, covered, byReading, notCovered] = /** @type {string[]} */ (t('summaryColumns'));
  /** @param {any} c */
  const bar = (c) => el('span', { class: 'coverage-bar', 'aria-hidden': 'true' },
    ...[['covered', c.covered], ['by-reading', c.by_reading], ['not-covered', c.not_covered]].map(([k, v]) =>
      el('span', { class: `part ${k}`, style: `width: ${(100 * Number(v)).toFixed(2)}%` })));
  /** @param {any} c */
  const cells = (c) => [el('td', { text: percent(c.covered, 1) }), el('td', { text: percent(c.by_reading, 1) }),
    el('td', { text: percent(c.not_covered, 1) }), el('td', null, bar(c))];
  // The side and bar columns have no words: empty data cells, not empty headers.
  const head = el('tr', null, el('th', { text: harm }), sides ? el('td') : null, el('th', { text: covered }),
    el('th', { text: byReading }), el('th', { text: notCovered }), el('td'));
  const body = [];
  for (const r of rows) {
    if (!sides) {
      body.push(el('tr', { dataset: { harm: r.harm } }, el('th', { scope: 'row', text: r.label }), ...cells(r)));
      continue;
    }
    const [l, rr] = /** @type {string[]} */ (t('sides'));
    body.push(el('tr', { dataset: { harm: r.harm } }, el('th', { scope: 'row', rowspan: '2', text: r.label }), el('td', { text: l }), ...cells(r.left)));
    body.push(el('tr', null, el('td', { text: rr }), ...cells(r.right)));
  }
  return el('table', { class: 'coverage-summary' }, el('caption', { text: t('summaryTitle') }), el('thead', null, head), el('tbody', null, ...body));
}

/**
 * Opens a pattern's example case in the intake.
 * @param {string} yaml
 */
async function openExample(yaml) {
  if (!confirmDiscard()) return;
  try {
    await loadCase(yaml, t('example'));
    location.hash = '#intake';
  } catch (e) {
    const box = $('policy-error');
    box.replaceChildren(...errorContent(/** @type {ApiError} */ (e)));
    box.hidden = false;
  }
}

function renderPolicyResult() {
  const out = $('policy-output');
  const last = lastPolicy;
  if (!last) return;
  const d = last.data;
  const parts = [];
  if (last.path === '/api/gaps') {
    parts.push(el('h3', { text: t('gapsTitle')(d.jurisdiction, formatDate(d.date)) }));
    parts.push(el('p', { class: 'hint' }, el('strong', { text: `${t('lawSwept')} ` }), (d.versions || []).concat(d.with || []).join(', ')));
    parts.push(el('p', { class: 'hint', text: t('space')((d.facts || []).length) }));
    if (d.summary) parts.push(renderSummary(d.summary, false));
    if (d.proposals_note) parts.push(el('p', { class: 'notice proposals-note', text: d.proposals_note }));
    for (const h of d.harms) {
      const section = el('section', { class: `harm kind-${h.kind}`, dataset: { harm: h.harm } });
      section.append(el('h4', null, el('span', { class: `badge harm-kind kind-${h.kind}`, text: /** @type {Record<string, string>} */ (t('harmKind') || {})[h.kind] || h.kind }), ' ', h.label));
      const gap = h.not_covered;
      section.append(el('p', { class: 'harm-numbers' }, gap.combinations > 0 ? t('gapLine')(percent(gap.share, 1)) : t('noGap')));
      if (gap.patterns.length) section.append(el('h5', { text: t('notCovered') }), renderPatterns(gap, 'gap'));
      const uncertain = h.by_reading;
      if (uncertain.combinations > 0) {
        section.append(el('p', { class: 'harm-numbers uncertain', text: t('uncertainLine')(percent(uncertain.share, 1)) }));
        if (uncertain.patterns.length) section.append(el('h5', { text: t('uncertainOnly') }), renderPatterns(uncertain, 'uncertain'));
      }
      parts.push(section);
    }
  } else {
    const [l, r] = policySides(last, state.rulesets, state.lang);
    // Headings of changes name the sides briefly when the long names are long.
    const [sl, sr] = last.kind === 'with' ? t('shortSides') : [l, r];
    parts.push(el('h3', { text: t('diffTitle')(l, r) }));
    parts.push(el('p', { class: 'hint', text: t('space')((d.facts || []).length) }));
    if (d.summary && d.summary.length) parts.push(renderSummary(d.summary, true));
    if (d.proposals_note) parts.push(el('p', { class: 'notice proposals-note', text: d.proposals_note }));
    if (!d.changes.length) parts.push(el('p', { class: 'notice', text: t('noChanges') }));
    for (const c of d.changes) {
      const { title, detail } = describeChange(c, sl, sr, state.lang);
      const section = el('section', { class: 'change', dataset: { rule: c.rule || '' } });
      section.append(el('h4', null, title, c.rule ? el('span', { class: 'rule-id' }, ' — ', c.article ? `art. ${c.article} ` : '', el('code', { text: c.rule })) : null));
      if (detail) section.append(el('p', { class: 'hint', text: detail }));
      // A renumbering changes no scenario: a share would read as one that did.
      if (c.kind !== 'renumbered') section.append(el('p', { class: 'harm-numbers', text: t('changeScenarios')(percent(c.share, 1)) }));
      if (c.patterns.length) section.append(renderPatterns(c, 'change'));
      parts.push(section);
    }
  }
  out.replaceChildren(...parts);
}
