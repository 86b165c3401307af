// The findings follow the answers: after each change of the case the API is asked again,
// debounced, and the latest request wins (an earlier one still in flight is aborted). One
// question at a time asks the interview (/api/interview, with the action waiting, which a
// request superseded leaves waiting for the next); all questions ask /api/next-questions.
import { updateProgress, renderInterview } from './interview-view.js';
import { api, nextQuestionsRequest } from './api.js';
import { errorField, interviewRequest } from './interview.js';
import { syncDerivedVisibility } from './all-questions.js';
import { caseForApi } from './case.js';
import { $ } from './dom.js';
import { clearFieldErrors, showCaseError } from './errors.js';
import { renderFindings } from './findings-view.js';
import {
  applyInterviewAnswer, dropInterviewAction, noteCaseChanged, setError, setResult, state,
} from './state.js';

/** @typedef {import('./api.js').ApiError} ApiError */

const DEBOUNCE_MS = 200;

let timer = 0;
let seq = 0;
/** The request in flight. @type {AbortController | null} */
let pending = null;

/**
 * The case changed: the findings are marked busy and asked for again, after a pause in
 * typing (`immediate` for a change that is one click, such as an interview answer).
 * `record` says whether the change is the user's (and not yet downloaded).
 * @param {{immediate?: boolean, record?: boolean}} [options]
 */
export function caseChanged({ immediate = false, record = true } = {}) {
  noteCaseChanged({ record });
  markBusy(true);
  clearTimeout(timer);
  timer = setTimeout(evaluate, immediate ? 0 : DEBOUNCE_MS);
  syncDerivedVisibility();
  updateProgress();
}

/** @param {boolean} busy */
function markBusy(busy) {
  const panel = $('findings');
  panel.setAttribute('aria-busy', busy ? 'true' : 'false');
  panel.classList.toggle('is-busy', busy);
}

async function evaluate() {
  if (pending) pending.abort();
  const controller = new AbortController();
  pending = controller;
  const mine = ++seq;
  const interviewing = state.mode === 'one';
  const session = state.session;
  const request = interviewing
    ? interviewRequest(session, caseForApi(session.start, state.lang), state.lang, state.reader)
    : nextQuestionsRequest(caseForApi(state.case, state.lang), state.lang, state.reader);
  try {
    const answer = await api(request.path, request.body, { signal: controller.signal });
    if (mine !== seq) return;
    if (interviewing) {
      applyInterviewAnswer(answer);
      setResult(answer.findings);
    } else {
      setResult(answer);
    }
  } catch (e) {
    if (/** @type {{name?: string}} */ (e).name === 'AbortError' || mine !== seq) return;
    const error = /** @type {ApiError} */ (e);
    if (interviewing && session.action && error.field.startsWith('/action')) {
      // A wrong answer: the interview stays where it was; the error is shown at the question.
      dropInterviewAction();
      error.field = errorField(error.field, session.question);
    }
    setError(error);
  }
  pending = null;
  clearFieldErrors();
  if (state.error) showCaseError(state.error);
  renderFindings();
  renderInterview();
  markBusy(false);
  $('findings').dataset.updates = String(Number($('findings').dataset.updates || 0) + 1);
}
