// The case file panel: download (made in the page, or by /api/case for YAML), open a file
// (checked by /api/case), a new case, the sample case.
import { renderAllMode } from './all-questions.js';
import { api, caseRequest } from './api.js';
import { caseForApi, newCase } from './case.js';
import { renderCaseSection } from './case-view.js';
import { $, $input, downloadBlob, el, setStatus, t } from './dom.js';
import { errorContent } from './errors.js';
import { caseChanged } from './evaluation.js';
import { caseJson, downloadName, SAMPLE_CASE, wouldLoseAnswers } from './files.js';
import { forgetShownQuestion, renderInterview, setAwaitingQuestion } from './interview-view.js';
import { noteDownloaded, replaceCase, state } from './state.js';

/** @typedef {import('./api.js').ApiError} ApiError */

/** @param {'json' | 'yaml'} format */
async function downloadCase(format) {
  const name = downloadName(state.case, state.lang, format);
  try {
    if (format === 'json') {
      downloadBlob(name, 'application/json', caseJson(state.case, state.lang));
    } else {
      const request = caseRequest(caseForApi(state.case, state.lang));
      const answer = await api(request.path, request.body);
      downloadBlob(name, 'application/yaml', answer.yaml);
    }
    noteDownloaded();
    setStatus('upload-status', t('downloaded')(name));
  } catch (e) {
    setStatus('upload-status', [el('span', { text: `${t('caseNotAccepted')} ` }), ...errorContent(/** @type {ApiError} */ (e))], true);
  }
}

/** Whether the current case may be replaced: nothing to lose, or the user says so. */
export function confirmDiscard() {
  return !wouldLoseAnswers(state) || window.confirm(t('confirmDiscard'));
}

/**
 * Opens a case (an object, or the text of a YAML or JSON file) once the server has checked it.
 * @param {import('./case.js').Case | string} caseValue
 * @param {string} fileName
 */
export async function loadCase(caseValue, fileName) {
  const request = caseRequest(caseValue);
  const answer = await api(request.path, request.body);
  replaceCase(answer.case);
  forgetShownQuestion();
  renderCaseSection();
  if (state.mode === 'all') renderAllMode();
  caseChanged({ immediate: true, record: false });
  setAwaitingQuestion(false);
  renderInterview({ force: true });
  setStatus('upload-status', t('opened')(fileName));
}

export function bindFiles() {
  $('download-json').addEventListener('click', () => downloadCase('json'));
  $('download-yaml').addEventListener('click', () => downloadCase('yaml'));
  const upload = $input('upload');
  upload.addEventListener('change', async () => {
    const file = upload.files && upload.files[0];
    if (!file) return;
    if (!confirmDiscard()) {
      upload.value = '';
      return;
    }
    try {
      const content = await file.text();
      await loadCase(content, file.name);
    } catch (e) {
      setStatus('upload-status', [el('span', { text: `${t('fileNotAccepted')(file.name)} ` }), ...errorContent(/** @type {ApiError} */ (e))], true);
    }
    upload.value = '';
  });
  $('new-case').addEventListener('click', () => {
    if (!confirmDiscard()) return;
    replaceCase(newCase());
    forgetShownQuestion();
    renderCaseSection();
    renderAllMode();
    caseChanged({ immediate: true, record: false });
    renderInterview({ force: true });
    setStatus('upload-status', '');
    $('case-date').focus();
  });
  $('load-example').addEventListener('click', async (e) => {
    e.preventDefault();
    if (!confirmDiscard()) return;
    try {
      await loadCase(SAMPLE_CASE, 'demo-be-ex-partner-undress');
      $('questions-heading').scrollIntoView({ block: 'start' });
    } catch (err) {
      setStatus('upload-status', errorContent(/** @type {ApiError} */ (err)), true);
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (wouldLoseAnswers(state)) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
}
