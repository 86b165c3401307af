// The case section of the intake: who uses the page, jurisdiction, date, reference, and how to ask.
import { renderAllMode } from './all-questions.js';
import { dateKindOf, dayOf, defaultId } from './case.js';
import { $, $input } from './dom.js';
import { caseChanged } from './evaluation.js';
import { today } from './i18n.js';
import { renderInterview } from './interview-view.js';
import { setFact, setMode, setReader, state } from './state.js';

/** @param {string} name */
function radios(name) {
  return /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(`input[name="${name}"]`));
}

export function renderCaseSection() {
  for (const input of radios('reader')) input.checked = input.value === state.reader;
  for (const input of radios('jurisdiction')) input.checked = input.value === state.case.jurisdiction;
  renderDate(state.case.date);
  $input('case-ref').value = state.case.id || '';
  $input('case-ref').placeholder = defaultId(state.case, state.lang);
  for (const input of radios('mode')) input.checked = input.value === state.mode;
  $('one-mode').hidden = state.mode !== 'one';
  $('all-mode').hidden = state.mode !== 'all';
}

export function bindCaseSection() {
  // Who uses the page: a setting, not a fact of the case (it is not in the case file); the
  // plan is asked for again as that reader reads it (the report too, when next shown).
  for (const input of radios('reader')) {
    input.addEventListener('change', () => {
      if (input.checked && setReader(input.value)) caseChanged({ immediate: true, record: false });
    });
  }
  for (const input of radios('jurisdiction')) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      setFact('jurisdiction', input.value);
      caseChanged();
    });
  }
  const onDate = () => {
    setFact('date', dateOfInputs());
    $input('case-ref').placeholder = defaultId(state.case, state.lang);
    caseChanged();
  };
  for (const id of ['case-date', 'case-month', 'case-year', 'case-date-to']) {
    $input(id).addEventListener('change', onDate);
    $input(id).addEventListener('input', onDate);
  }
  const kind = /** @type {HTMLSelectElement} */ ($('case-date-kind'));
  kind.addEventListener('change', () => {
    // The date as far as the new precision can hold it: the month or year of the day given.
    const from = dateOfInputs();
    const first = typeof from === 'object' ? from.from : from || '';
    showDateInputs(/** @type {DateKind} */ (kind.value));
    $input('case-date').value = first.length === 10 ? first : '';
    $input('case-month').value = first.slice(0, 7).length === 7 ? first.slice(0, 7) : '';
    $input('case-year').value = first.slice(0, 4);
    onDate();
  });
  $('case-ref').addEventListener('input', () => {
    setFact('id', $input('case-ref').value.trim());
    caseChanged();
  });
  for (const input of radios('mode')) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      showMode(input.value === 'all' ? 'all' : 'one');
    });
  }
}

/**
 * Asks one question at a time, or all questions. Each asks the API its own way (the
 * interview, or the ranked questions), so the case is asked about again.
 * @param {import('./state.js').Mode} mode
 */
export function showMode(mode) {
  setMode(mode);
  renderCaseSection();
  if (state.mode === 'all') renderAllMode();
  else renderInterview({ force: true });
  caseChanged({ immediate: true, record: false });
}

/** @typedef {import('./case.js').DateKind} DateKind */

/** @param {DateKind} kind */
function showDateInputs(kind) {
  /** @type {HTMLSelectElement} */ ($('case-date-kind')).value = kind;
  $input('case-date').hidden = kind !== 'day' && kind !== 'range';
  $input('case-month').hidden = kind !== 'month';
  $input('case-year').hidden = kind !== 'year';
  $('case-date-to-part').hidden = kind !== 'range';
}

/** @param {import('./case.js').CaseDate | undefined} date */
function renderDate(date) {
  const kind = dateKindOf(date);
  showDateInputs(kind);
  const from = date && typeof date === 'object' ? date.from : String(date ?? '');
  // A range's ends may be months or years ({from: 2024-06, to: 2024-07}): shown as the days
  // they begin and end on, which say the same.
  $input('case-date').value = kind === 'range' ? dayOf(from, 'first') : kind === 'day' ? from : '';
  $input('case-month').value = kind === 'month' ? from : '';
  $input('case-year').value = kind === 'year' ? from : '';
  $input('case-date-to').value = date && typeof date === 'object' ? dayOf(date.to, 'last') : '';
  $input('case-date').max = today();
  $input('case-date-to').max = today();
  $input('case-month').max = today().slice(0, 7);
  $input('case-year').max = today().slice(0, 4);
}

/**
 * The date of the facts as the inputs give it, as a case file writes it; undefined while
 * nothing is filled in (the API then says the date is missing, at the field).
 * @returns {import('./case.js').CaseDate | undefined}
 */
function dateOfInputs() {
  const kind = /** @type {DateKind} */ (/** @type {HTMLSelectElement} */ ($('case-date-kind')).value);
  const value = (/** @type {string} */ id) => $input(id).value.trim() || undefined;
  if (kind === 'month') return value('case-month');
  if (kind === 'year') return value('case-year');
  if (kind === 'range') {
    const from = value('case-date');
    const to = value('case-date-to');
    return from && to ? { from, to } : from;
  }
  return value('case-date');
}
