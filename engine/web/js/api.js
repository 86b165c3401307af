// The JSON API of `ibsa serve` (docs/api.md), as the page speaks to it: this server only,
// no cookie sent elsewhere, nothing cached. The request bodies are built here, so that what
// the page asks is testable without a server.
import { text } from './i18n.js';
import { withReader } from './reader.js';
import { state } from './state.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./case.js').Case} Case */
/** @typedef {{message?: string, status?: number, field?: string, code?: string, help?: string[]}} ErrorBody */
/** @typedef {import('./reader.js').Reader} Reader */

/** A refusal of the API (with the JSON pointer of the field it is about), or no server. */
export class ApiError extends Error {
  /**
   * @param {ErrorBody} error the `error` object of the API's answer
   * @param {number} status the HTTP status; 0 when the server could not be reached
   */
  constructor(error, status) {
    super(error.message || `HTTP ${status}`);
    this.status = error.status || status;
    this.field = error.field || '';
    this.code = error.code || '';
    /** @type {string[]} */
    this.help = error.help || [];
  }
}

/**
 * The fetch options of a request: GET without a body, POST with a JSON body.
 * @param {unknown} body
 * @param {AbortSignal} [signal]
 * @returns {RequestInit}
 */
export function requestInit(body, signal) {
  return {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
    credentials: 'same-origin',
  };
}

/**
 * @overload
 * @param {string} path
 * @param {unknown} [body]
 * @param {{signal?: AbortSignal, text?: false}} [options]
 * @returns {Promise<any>}
 */
/**
 * @overload
 * @param {string} path
 * @param {unknown} body
 * @param {{signal?: AbortSignal, text: true}} options
 * @returns {Promise<string>}
 */
/**
 * Asks the API; resolves to its JSON answer (or its text), rejects with an ApiError (or the
 * AbortError of `signal`). The page's own message, when the server cannot be reached, is in
 * the page's language.
 * @param {string} path
 * @param {unknown} [body]
 * @param {{signal?: AbortSignal, text?: boolean}} [options]
 * @returns {Promise<any>}
 */
export async function api(path, body, { signal, text: asText = false } = {}) {
  let response;
  try {
    response = await fetch(path, requestInit(body, signal));
  } catch (e) {
    if (/** @type {{name?: string}} */ (e).name === 'AbortError') throw e;
    throw new ApiError({ message: text(state.lang, 'networkError') }, 0);
  }
  if (!response.ok) {
    /** @type {ErrorBody} */
    let error = { message: `HTTP ${response.status}` };
    try {
      const parsed = await response.json();
      if (parsed && parsed.error) error = parsed.error;
    } catch (_) { /* not JSON */ }
    throw new ApiError(error, response.status);
  }
  return asText ? response.text() : response.json();
}

// --- The requests of the page ------------------------------------------------------------

/**
 * The findings and the questions to ask next, in `lang`, with the plan as `reader` reads it.
 * @param {Case} c the case as caseForApi gives it
 * @param {Lang} lang
 * @param {Reader} [reader]
 */
export function nextQuestionsRequest(c, lang, reader = '') {
  return { path: '/api/next-questions', body: withReader({ case: c, lang }, reader) };
}

/**
 * The report of the case, as HTML (shown and printed) or Markdown (downloaded), with the
 * plan as `reader` reads it.
 * @param {Case} c
 * @param {Lang} lang
 * @param {'html' | 'markdown'} format
 * @param {Reader} [reader]
 */
export function reportRequest(c, lang, format, reader = '') {
  return { path: '/api/report', body: withReader({ case: c, lang, format }, reader) };
}

/**
 * A letter written from the case (plain text, downloaded): the notice of art. 16 DSA or the
 * erasure request of art. 17 GDPR. The page sends no name or address: the letter keeps its
 * marked blanks "[...]", filled in by hand.
 * @param {Case} c
 * @param {Lang} lang
 * @param {'dsa-notice' | 'gdpr-erasure'} kind
 */
export function letterRequest(c, lang, kind) {
  return { path: '/api/letter', body: { case: c, lang, kind } };
}

/**
 * The handover pack for the police or the lawyer (one printable HTML page, downloaded),
 * with the plan as `reader` reads it.
 * @param {Case} c
 * @param {Lang} lang
 * @param {Reader} [reader]
 */
export function handoverRequest(c, lang, reader = '') {
  return { path: '/api/handover', body: withReader({ case: c, lang, format: 'html' }, reader) };
}

/**
 * The case checked by the server, from an object or from the text of a YAML or JSON file:
 * the answer holds it as `case` and as `yaml`.
 * @param {Case | string} c
 */
export function caseRequest(c) {
  return { path: '/api/case', body: { case: c } };
}
