// The case section of the intake: jurisdiction, date, reference, and how to ask.
import { renderAllMode } from './all-questions.js';
import { defaultId } from './case.js';
import { $, $input } from './dom.js';
import { caseChanged } from './evaluation.js';
import { today } from './i18n.js';
import { renderInterview } from './interview-view.js';
import { setFact, setMode, state } from './state.js';

/** @param {string} name */
function radios(name) {
  return /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(`input[name="${name}"]`));
}

export function renderCaseSection() {
  for (const input of radios('jurisdiction')) input.checked = input.value === state.case.jurisdiction;
  $input('case-date').value = state.case.date || '';
  $input('case-date').max = today();
  $input('case-ref').value = state.case.id || '';
  $input('case-ref').placeholder = defaultId(state.case, state.lang);
  for (const input of radios('mode')) input.checked = input.value === state.mode;
  $('one-mode').hidden = state.mode !== 'one';
  $('all-mode').hidden = state.mode !== 'all';
}

export function bindCaseSection() {
  for (const input of radios('jurisdiction')) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      setFact('jurisdiction', input.value);
      caseChanged();
    });
  }
  const date = $input('case-date');
  const onDate = () => {
    setFact('date', date.value);
    $input('case-ref').placeholder = defaultId(state.case, state.lang);
    caseChanged();
  };
  date.addEventListener('change', onDate);
  date.addEventListener('input', onDate);
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
