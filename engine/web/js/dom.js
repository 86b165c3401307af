// Helpers of the views: building elements, and the page's texts and typography in the
// language the user chose (i18n.js's functions bound to state.lang).
import * as i18n from './i18n.js';
import { state } from './state.js';

/** @typedef {import('./i18n.js').Texts} Texts */
/**
 * A field of a fact (fields.js): what to focus to answer it, and its question.
 * @typedef {HTMLElement & {focusTarget?: () => HTMLElement, legend?: HTMLElement}} FieldElement
 */
/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * @param {string} id
 * @returns {HTMLElement} the element (the page's own ids are always there)
 */
export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export const $input = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

/**
 * @template {keyof Texts} K
 * @param {K} key
 * @returns {Texts[K]}
 */
export const t = (key) => i18n.text(state.lang, key);

/** @param {number} n */
export const formatNumber = (n) => i18n.formatNumber(state.lang, n);
/** @param {string | undefined | null} iso */
export const formatDate = (iso) => i18n.formatDate(state.lang, iso);
/** @param {number} part @param {number} whole */
export const percent = (part, whole) => i18n.percent(state.lang, part, whole);
/** @param {string} quoted */
export const quote = (quoted) => i18n.quote(state.lang, quoted);
/** @param {string} label */
export const colon = (label) => i18n.colon(state.lang, label);

/**
 * An element with attributes and children: `class`, `text` (its text), `dataset`, `on…`
 * (a listener); `true` sets a boolean attribute, `undefined`, `null` and `false` omit one.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, v);
    }
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/**
 * Makes `children` the element children of `parent`, moving the nodes already there rather
 * than replacing them (a live region then announces only what changed).
 * @param {Element} parent
 * @param {Element[]} children
 */
export function reconcile(parent, children) {
  children.forEach((child, i) => {
    if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] || null);
  });
  while (parent.lastElementChild && parent.children.length > children.length) parent.lastElementChild.remove();
}

/**
 * @param {string} id
 * @param {(Node | string) | (Node | string)[]} parts
 * @param {boolean} [isError]
 */
export function setStatus(id, parts, isError = false) {
  const node = $(id);
  node.replaceChildren(...(Array.isArray(parts) ? parts : [parts]));
  node.classList.toggle('is-error', isError);
}

/**
 * Saves `content` as a file of the user's, from this page (nothing goes to the server).
 * @param {string} name
 * @param {string} type
 * @param {string} content
 */
export function downloadBlob(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
