// The intake page of `ibsa serve`: a form over the JSON API (docs/api.md), as ES modules
// served by the binary itself (no build step; nothing loaded from elsewhere: the server's CSP
// forbids it). Case content lives only in this page's memory (state.js): it leaves the page
// only towards this server's /api/ and as files the user downloads.
//
// This module starts the page: the views, the language, and loading the vocabulary.
import { renderAllMode } from './all-questions.js';
import { api } from './api.js';
import { bindCaseSection, renderCaseSection } from './case-view.js';
import { $, el, t } from './dom.js';
import { caseChanged } from './evaluation.js';
import { bindFiles } from './files-view.js';
import { forgetFindings, renderFindings } from './findings-view.js';
import { forgetShownQuestion, renderInterview } from './interview-view.js';
import { bindPolicy, refreshPolicyLanguage, renderPolicyForm } from './policy-view.js';
import { bindReport, showReport } from './report.js';
import { setLanguage, setLaw, setView, state } from './state.js';

/**
 * @param {string} name
 * @param {{focus?: boolean}} [options]
 */
function showView(name, { focus = true } = {}) {
  const view = setView(name);
  for (const node of document.querySelectorAll('.view')) {
    const section = /** @type {HTMLElement} */ (node);
    section.hidden = section.dataset.view !== view;
  }
  for (const node of document.querySelectorAll('#views a')) {
    const a = /** @type {HTMLElement} */ (node);
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (view === 'report') showReport();
  if (focus) {
    const heading = view === 'intake' ? $('intake-title') : view === 'report' ? $('report-heading') : $('policy-heading');
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

/** The page's own texts (the data-i18n elements), in the language chosen. */
function renderChrome() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const element = /** @type {HTMLElement} */ (node);
    const value = t(/** @type {keyof import('./i18n.js').Texts} */ (element.dataset.i18n));
    if (typeof value === 'string') element.textContent = value;
  }
  for (const node of document.querySelectorAll('[data-i18n-aria]')) {
    const element = /** @type {HTMLElement} */ (node);
    element.setAttribute('aria-label', String(t(/** @type {keyof import('./i18n.js').Texts} */ (element.dataset.i18nAria))));
  }
  for (const node of document.querySelectorAll('.lang-button')) {
    const button = /** @type {HTMLElement} */ (node);
    button.setAttribute('aria-pressed', button.dataset.lang === state.lang ? 'true' : 'false');
  }
  document.title = `${t('appTitle')} — ibsa`;
  $('help-body').replaceChildren(...t('helpBody').map((p) => el('p', { text: p })));
  /** @type {HTMLIFrameElement} */ ($('report-frame')).title = t('reportTitle');
}

/** @param {string} lang */
function changeLanguage(lang) {
  if (!setLanguage(lang)) return;
  renderChrome();
  renderCaseSection();
  renderAllMode();
  forgetFindings();
  renderFindings();
  forgetShownQuestion();
  renderInterview({ force: true });
  renderPolicyForm();
  refreshPolicyLanguage();
  // Findings, questions and the report are re-fetched in the new language.
  caseChanged({ immediate: true, record: false });
  if (state.view === 'report') showReport();
}

async function init() {
  renderChrome();
  bindCaseSection();
  bindFiles();
  bindReport();
  bindPolicy();
  for (const node of document.querySelectorAll('.lang-button')) {
    const button = /** @type {HTMLElement} */ (node);
    button.addEventListener('click', () => changeLanguage(button.dataset.lang || ''));
  }
  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
  // In the report view, the browser's own print command prints the report itself.
  window.addEventListener('keydown', (e) => {
    const print = /** @type {HTMLButtonElement} */ ($('print-report'));
    if (state.view === 'report' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p' && !print.disabled) {
      e.preventDefault();
      print.click();
    }
  });
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#findings details')) {
      const details = /** @type {HTMLDetailsElement} */ (d);
      if (!details.open) {
        details.dataset.printOpened = '1';
        details.open = true;
      }
    }
  });
  window.addEventListener('afterprint', () => {
    for (const d of document.querySelectorAll('#findings details[data-print-opened]')) {
      const details = /** @type {HTMLDetailsElement} */ (d);
      details.open = false;
      delete details.dataset.printOpened;
    }
  });
  renderCaseSection();
  showView(location.hash.slice(1) || 'intake', { focus: false });
  try {
    const [facts, rulesets] = await Promise.all([api('/api/facts'), api('/api/rulesets')]);
    setLaw(facts.facts, rulesets.versions);
  } catch (e) {
    const box = $('load-error');
    box.textContent = `${t('loadError')} ${/** @type {Error} */ (e).message}`;
    box.hidden = false;
    return;
  }
  renderAllMode();
  renderPolicyForm();
  document.body.dataset.ready = 'true';
  caseChanged({ immediate: true, record: false });
}

// A module runs after the document is parsed (as a deferred script did).
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
