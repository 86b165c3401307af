// Who uses the page, as the API names the readers of a plan (`reader`, docs/api.md): the
// server leaves out the actions that turn to the reader (no "report to the police" in the
// plan shown to a police officer); the page only says who it is. Pure: no DOM, no page state.

/**
 * '' is the victim or someone helping them: the whole plan, and no `reader` sent.
 * @typedef {'' | 'police' | 'lawyer' | 'support'} Reader
 */

/** The readers the API knows, besides '' (everyone), in the order the page offers them. */
export const READERS = /** @type {const} */ (['police', 'lawyer', 'support']);

/**
 * @param {unknown} reader
 * @returns {reader is Reader}
 */
export function isReader(reader) {
  return reader === '' || (/** @type {readonly unknown[]} */ (READERS)).includes(reader);
}

/**
 * `body` with the reader of the plan it asks for; unchanged for everyone ('').
 * @template {object} T
 * @param {T} body
 * @param {Reader} reader
 * @returns {T & {reader?: Reader}}
 */
export function withReader(body, reader) {
  return reader ? Object.assign({}, body, { reader }) : body;
}
