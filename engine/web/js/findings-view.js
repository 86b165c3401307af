// The findings panel: what applies, what may apply and what would decide it, updated after
// every answer. Elements of findings that did not change are kept (see findingKey).
import { focusField, updateDecidesBadges } from './all-questions.js';
import { fieldOfPointer } from './case.js';
import { $, colon, el, formatDate, reconcile, t } from './dom.js';
import { articleText, byKind, certaintyText, findingKey, gapText, isPlain, partition, summaryText } from './findings.js';
import { showMode } from './case-view.js';
import { askInInterview } from './interview-view.js';
import { state } from './state.js';

/** @typedef {import('./findings.js').Finding} Finding */
/** @typedef {import('./dom.js').FieldElement} FieldElement */

/** key -> element, reused while unchanged @type {Map<string, HTMLElement>} */
const findingNodes = new Map();
/** The user opened or closed the list of possible findings: it stays as they left it. */
let possibleChosen = false;
let possibleOpen = false;

/** The page changed language: every finding is drawn anew. */
export function forgetFindings() {
  findingNodes.clear();
  $('findings-applies').replaceChildren();
  $('findings-possible').replaceChildren();
}

/** @param {Finding} f */
function buildFinding(f) {
  const item = el('li', { class: `finding status-${f.status} kind-${f.kind}`, dataset: { rule: f.rule, status: f.status, kind: f.kind } });
  const article = articleText(f);
  const plain = isPlain(f);
  item.append(el('p', { class: 'finding-title' },
    plain ? null : el('span', { class: `badge heading certainty-${f.certainty}`, text: f.heading }),
    plain ? null : ' ',
    article ? el('span', { class: 'article', text: article }) : null,
    article ? ' ' : null,
    el('span', { class: 'title', text: f.title })));
  const meta = el('p', { class: 'finding-meta' },
    el('span', { class: `badge certainty certainty-${f.certainty}`, text: certaintyText(f, state.lang) }),
    ' ',
    // A finding of several versions (a period across a change of the law) names each.
    el('span', { class: 'version' }, `${t('version')} `,
      el('code', { text: f.versions_text || (f.version ? f.version.id : '') })),
    f.jurisdiction === 'EU' ? el('span', { class: 'badge eu', text: 'EU' }) : null);
  item.append(meta);
  if (f.penalty && f.penalty.summary) {
    item.append(el('p', { class: 'penalty' }, el('span', { class: 'label', text: `${colon(t('penalty'))} ` }), f.penalty.summary));
  }
  if (f.status === 'possible' && f.missing && f.missing.length) {
    const p = el('p', { class: 'missing' }, el('span', { class: 'label', text: `${t('decidedBy')} ` }));
    f.missing.forEach((name, i) => {
      const fact = state.factByName.get(name);
      const label = fact ? fact.label[state.lang] : name;
      const button = el('button', { type: 'button', class: 'link-button fact-link', dataset: { goto: name }, text: label });
      button.setAttribute('aria-label', t('askNow')(label));
      button.addEventListener('click', () => askFact(name));
      if (i > 0) p.append(', ');
      p.append(button);
    });
    item.append(p);
  }
  if (f.certainty_reason) {
    item.append(el('details', { class: 'reason' }, el('summary', { text: t('why') }), el('p', { text: f.certainty_reason })));
  }
  if (f.sources && f.sources.length) {
    item.append(el('details', { class: 'sources' },
      el('summary', { text: t('sources')(f.sources.length) }),
      el('ul', null, f.sources.map((s) => el('li', null, s.url
        ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.title || s.url })
        : (s.title || ''))))));
  }
  return item;
}

/**
 * Goes to the answer an error is about.
 * @param {string} field
 */
function gotoError(field) {
  const target = field === 'date' ? $('case-date') : field === 'id' ? $('case-ref')
    : field === 'jurisdiction' ? /** @type {HTMLElement | null} */ (document.querySelector('input[name="jurisdiction"]')) : null;
  if (target) {
    target.focus();
    return;
  }
  /** @type {FieldElement | null} */
  const node = document.querySelector(`#${state.mode === 'all' ? 'all-mode' : 'one-mode'} [data-fact="${CSS.escape(field)}"]`);
  if (node && node.focusTarget) {
    node.scrollIntoView({ block: 'center' });
    node.focusTarget().focus();
  } else {
    // A value of the case that the interview does not show: only "all questions" has it.
    if (state.mode !== 'all') showMode('all');
    focusField(field);
  }
}

/**
 * "Ask now" on a fact that would decide a finding, in the mode the user is in: one question
 * at a time, the interview asks it next; in "all questions", its field.
 * @param {string} name
 */
function askFact(name) {
  if (state.mode === 'one') askInInterview(name);
  else focusField(name);
}

/**
 * @param {HTMLElement} container
 * @param {Finding[]} findings
 * @param {'applies' | 'possible'} status
 */
function renderFindingGroup(container, findings, status) {
  const wanted = [];
  for (const [kind, list] of byKind(findings)) {
    const headingKey = `h|${state.lang}|${status}|${kind}`;
    let heading = findingNodes.get(headingKey);
    if (!heading) {
      heading = el('h4', { class: 'kind-heading', text: /** @type {Record<string, string>} */ (t('kinds') || {})[kind] || kind });
      findingNodes.set(headingKey, heading);
    }
    const listKey = `l|${status}|${kind}`;
    let ul = findingNodes.get(listKey);
    if (!ul) {
      ul = el('ul', { class: 'finding-list', dataset: { status, kind } });
      findingNodes.set(listKey, ul);
    }
    const items = list.map((f) => {
      const key = findingKey(f, state.lang);
      let node = findingNodes.get(key);
      if (!node) {
        node = buildFinding(f);
        findingNodes.set(key, node);
      }
      node.dataset.used = '1';
      return node;
    });
    reconcile(ul, items);
    heading.dataset.used = '1';
    ul.dataset.used = '1';
    wanted.push(heading, ul);
  }
  reconcile(container, wanted);
}

export function renderFindings() {
  const result = state.result;
  $('disclaimer').textContent = result && result.language === state.lang ? result.disclaimer : t('tagline');
  const errorBox = $('findings-error');
  if (state.stale && state.error) {
    const field = state.error.status === 0 ? null : fieldOfPointer(state.error.field, state.factByName);
    const parts = [el('p', { text: state.error.status === 0 ? state.error.message : t('staleFindings') })];
    if (field) {
      parts.push(el('p', null, el('button', { type: 'button', class: 'link-button', text: t('gotoAnswer'), onclick: () => gotoError(field) })));
    }
    errorBox.replaceChildren(...parts);
    errorBox.hidden = false;
  } else {
    errorBox.hidden = true;
  }
  $('findings').classList.toggle('is-stale', !!state.stale);
  if (!result) return;
  for (const node of findingNodes.values()) delete node.dataset.used;
  const { applies, possible } = partition(result.findings);
  $('findings-summary').textContent = summaryText(result.findings, state.lang);
  // Which law answered, as every output says it: a copy of the law elsewhere shows here.
  $('law-source').textContent = result.law ? t('lawSource')(result.law.fingerprint) : '';
  $('findings').dataset.applies = String(applies.length);
  $('findings').dataset.possible = String(possible.length);

  const appliesRoot = $('findings-applies');
  let appliesHeading = appliesRoot.querySelector('h3');
  if (!appliesHeading) {
    appliesHeading = el('h3', { class: 'status-heading applies' });
    appliesRoot.append(appliesHeading, el('div', { class: 'groups' }));
  }
  appliesHeading.textContent = t('appliesHeading')(applies.length);
  appliesRoot.hidden = applies.length === 0;
  renderFindingGroup(/** @type {HTMLElement} */ (appliesRoot.querySelector('.groups')), applies, 'applies');

  const possibleRoot = $('findings-possible');
  let details = possibleRoot.querySelector('details');
  if (!details) {
    details = el('details', { class: 'possible-details' }, el('summary', null, el('h3', { class: 'status-heading possible' })), el('div', { class: 'groups' }));
    // Open while the list is short, until the user opens or closes it.
    const box = details;
    /** @type {HTMLElement} */ (box.querySelector('summary')).addEventListener('click', () => {
      possibleChosen = true;
      possibleOpen = !box.open; // the click toggles it
    });
    possibleRoot.append(details);
  }
  details.open = possibleChosen ? possibleOpen : possible.length <= 12;
  /** @type {HTMLElement} */ (details.querySelector('h3')).textContent = t('possibleHeading')(possible.length);
  possibleRoot.hidden = possible.length === 0;
  renderFindingGroup(/** @type {HTMLElement} */ (details.querySelector('.groups')), possible, 'possible');

  for (const [key, node] of findingNodes) if (!node.dataset.used) findingNodes.delete(key);

  const gaps = $('version-gaps');
  gaps.replaceChildren(...(result.version_gaps || []).map((g) => el('p', { class: 'notice' },
    t('versionGap')(g.instrument, g.jurisdiction, formatDate(g.date)))));
  renderLegalGaps(result.gaps || []);
  updateDecidesBadges();
}

/**
 * The case's legal gaps, as `ibsa evaluate` lists them: which harm, why nothing (or only an
 * unsettled reading) covers it, and its sources.
 * @param {import('./findings.js').LegalGap[]} gaps
 */
function renderLegalGaps(gaps) {
  const root = $('legal-gaps');
  root.hidden = gaps.length === 0;
  if (!gaps.length) {
    root.replaceChildren();
    return;
  }
  root.replaceChildren(el('h3', { class: 'status-heading gaps', text: t('legalGapsHeading') }),
    el('ul', { class: 'legal-gaps' }, ...gaps.map((g) => {
      const words = gapText(g, state.lang);
      return el('li', { class: `legal-gap gap-${g.status}`, dataset: { harm: g.harm, status: g.status } },
        el('p', { class: 'finding-title' },
          el('span', { class: `badge heading gap-${g.status}`, text: words.status }), ' ',
          el('span', { class: 'title', text: g.label })),
        el('p', { class: 'finding-reason', text: g.reason }),
        words.readings ? el('p', { class: 'finding-reason', text: words.readings }) : null,
        el('details', { class: 'sources' },
          el('summary', { text: t('sources')((g.sources || []).length) }),
          el('ul', null, (g.sources || []).map((src) => el('li', null, src.url
            ? el('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer', text: src.title || src.url })
            : src.title || '')))));
    })));
}
