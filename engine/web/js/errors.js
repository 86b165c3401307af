// The API's refusals, shown next to the field they are about.
import { fieldOfPointer } from './case.js';
import { $, el, t } from './dom.js';
import { state } from './state.js';

/** @typedef {import('./api.js').ApiError} ApiError */

/**
 * An error's message and help. The API's messages are in English (a network error is the
 * page's own, in its language).
 * @param {ApiError} error
 * @param {string} [local] what the page says itself, in its language, before the message
 * @returns {HTMLElement[]}
 */
export function errorContent(error, local) {
  const lang = error.status === 0 ? undefined : 'en';
  const parts = [];
  if (local) parts.push(el('span', { class: 'error-local', text: `${local} ` }));
  parts.push(el('span', { class: 'error-message', lang, text: error.message }));
  if (error.help && error.help.length) {
    parts.push(el('ul', { class: 'error-help', lang }, error.help.map((h) => el('li', { text: h }))));
  }
  return parts;
}

/**
 * What the page can say itself, in its language, about a refused answer.
 * @param {string | null} field
 */
function localHint(field) {
  const fact = field ? state.factByName.get(field) : undefined;
  if (!fact || fact.type !== 'int') return '';
  return t('intRange')(fact.min ?? 0, fact.max ?? 999);
}

export function clearFieldErrors() {
  for (const node of document.querySelectorAll('#view-intake .field-error')) {
    const p = /** @type {HTMLElement} */ (node);
    p.hidden = true;
    p.textContent = '';
  }
  for (const node of document.querySelectorAll('#view-intake [aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('#view-intake .has-error')) node.classList.remove('has-error');
  $('case-error').hidden = true;
  $('case-error').textContent = '';
}

/** @param {ApiError} error */
export function showCaseError(error) {
  const field = fieldOfPointer(error.field, state.factByName);
  /** @type {HTMLElement[]} */
  const targets = [];
  if (field === 'date') targets.push($('case-date-error'));
  else if (field === 'id') targets.push($('case-ref-error'));
  else if (field) {
    for (const node of document.querySelectorAll(`#view-intake [data-fact="${CSS.escape(field)}"] > .field-error, #view-intake [data-fact="${CSS.escape(field)}"] > fieldset > .field-error`)) {
      targets.push(/** @type {HTMLElement} */ (node));
    }
  }
  for (const target of targets) {
    target.replaceChildren(el('span', { class: 'error-lead', text: `${t('notAccepted')} ` }), ...errorContent(error, localHint(field)));
    target.hidden = false;
    const container = target.closest('[data-fact]');
    if (container) {
      container.classList.add('has-error');
      for (const input of container.querySelectorAll('input, select')) input.setAttribute('aria-invalid', 'true');
    }
  }
  // Shown in the questions too when no field it names is on screen (a fact of "all
  // questions" while one question at a time is asked).
  if (!targets.some((target) => !target.parentElement?.closest('[hidden]'))) {
    const box = $('case-error');
    box.replaceChildren(el('span', { class: 'error-lead', text: `${t('caseNotAccepted')} ` }), ...errorContent(error));
    box.hidden = false;
  }
}
