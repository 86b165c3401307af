// Case files: what is downloaded, under which name, and when opening another case needs the
// user's word. Pure functions (no DOM); files-view.js binds them to the buttons. A file the
// user opens is checked by the server (/api/case), not here: the page and the CLI then
// refuse the same files with the same messages.
import { answeredFacts, caseForApi, fileBase } from './case.js';

/** @typedef {import('./case.js').Case} Case */
/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./i18n.js').Lang} Lang */

/** The fictitious sample case of the help section (cases/demo/be-ex-partner-undress-posted.yaml). */
export const SAMPLE_CASE = {
  id: 'demo-be-ex-partner-undress',
  title: 'Undress-app image of an adult posted by an ex-partner to humiliate her',
  jurisdiction: 'BE',
  date: '2025-03-14',
  victim: { real_person: true, age: 29, identifiable: true, consent_creation: false, consent_sharing: false },
  image: { technique: 'undress', content: 'nudity', realistic: true, appears_minor: false },
  acts: [{ type: 'create', date: '2025-03-10' }, { type: 'share' }],
  perpetrator: { age: 31, malicious: true, relationship: 'ex_partner' },
  service: { type: 'messaging', origin: 'user_upload' },
};

/**
 * The name of a downloaded file: "demo-be-ex-partner-undress.yaml", "intake-2025-03-14.nl.md".
 * @param {Readonly<Case>} c
 * @param {Lang} lang
 * @param {string} extension
 */
export function downloadName(c, lang, extension) {
  return `${fileBase(c, lang)}.${extension}`;
}

/**
 * The JSON case file, as the API reads it (the YAML one is written by the server).
 * @param {Readonly<Case>} c
 * @param {Lang} lang
 */
export function caseJson(c, lang) {
  return `${JSON.stringify(caseForApi(c, lang), null, 2)}\n`;
}

/**
 * Whether replacing the case would lose answers the user has not downloaded.
 * @param {{dirty: boolean, case: Readonly<Case>, facts: readonly Fact[]}} page
 */
export function wouldLoseAnswers(page) {
  return page.dirty && answeredFacts(page.case, page.facts).length > 0;
}
