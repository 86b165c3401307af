// The report view: rendered by the API in the page's language, shown from a Blob URL in a
// sandboxed frame, printed from there; its Markdown download; and the letters (the DSA notice,
// the GDPR erasure request) as text downloads; the handover pack as a printable HTML download.
import { api, handoverRequest, letterRequest, reportRequest } from './api.js';
import { caseForApi } from './case.js';
import { $, downloadBlob, el, setStatus, t } from './dom.js';
import { errorContent } from './errors.js';
import { downloadName } from './files.js';
import { state } from './state.js';

/** @typedef {import('./api.js').ApiError} ApiError */

/** The report shown: its Blob URL, and for which case and language ("caseStamp|lang"). */
let shown = { url: /** @type {string | null} */ (null), stamp: /** @type {string | null} */ (null) };

export async function showReport() {
  const stamp = `${state.caseStamp}|${state.lang}`;
  const frame = /** @type {HTMLIFrameElement} */ ($('report-frame'));
  const print = /** @type {HTMLButtonElement} */ ($('print-report'));
  frame.title = t('reportTitle');
  if (shown.stamp === stamp && shown.url) return;
  setStatus('report-status', t('reportLoading'));
  print.disabled = true;
  try {
    const request = reportRequest(caseForApi(state.case, state.lang), state.lang, 'html', state.reader);
    const html = await api(request.path, request.body, { text: true });
    if (shown.url) URL.revokeObjectURL(shown.url);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    shown = { url, stamp };
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = url;
    });
    /** @type {HTMLAnchorElement} */ ($('report-tab')).href = url;
    print.disabled = false;
    setStatus('report-status', t('reportReady'));
    $('view-report').dataset.ready = stamp;
  } catch (e) {
    setStatus('report-status', [el('span', { text: `${t('caseNotAccepted')} ` }), ...errorContent(/** @type {ApiError} */ (e))], true);
  }
}

export function bindReport() {
  $('print-report').addEventListener('click', () => {
    const w = /** @type {HTMLIFrameElement} */ ($('report-frame')).contentWindow;
    if (w) {
      w.focus();
      w.print();
    }
  });
  $('download-markdown').addEventListener('click', async () => {
    try {
      const request = reportRequest(caseForApi(state.case, state.lang), state.lang, 'markdown', state.reader);
      const md = await api(request.path, request.body, { text: true });
      const name = downloadName(state.case, state.lang, `${state.lang}.md`);
      downloadBlob(name, 'text/markdown', md);
      setStatus('report-status', t('downloaded')(name));
    } catch (e) {
      setStatus('report-status', errorContent(/** @type {ApiError} */ (e)), true);
    }
  });
  $('download-handover').addEventListener('click', async () => {
    try {
      const request = handoverRequest(caseForApi(state.case, state.lang), state.lang, state.reader);
      const html = await api(request.path, request.body, { text: true });
      const name = downloadName(state.case, state.lang, `handover.${state.lang}.html`);
      downloadBlob(name, 'text/html', html);
      setStatus('report-status', t('downloaded')(name));
    } catch (e) {
      setStatus('report-status', errorContent(/** @type {ApiError} */ (e)), true);
    }
  });
  for (const [id, kind] of /** @type {const} */ ([['download-dsa-notice', 'dsa-notice'], ['download-gdpr-erasure', 'gdpr-erasure']])) {
    $(id).addEventListener('click', async () => {
      try {
        const request = letterRequest(caseForApi(state.case, state.lang), state.lang, kind);
        const text = await api(request.path, request.body, { text: true });
        const name = downloadName(state.case, state.lang, `${kind}.${state.lang}.txt`);
        downloadBlob(name, 'text/plain', text);
        setStatus('report-status', t('downloaded')(name));
      } catch (e) {
        setStatus('report-status', errorContent(/** @type {ApiError} */ (e)), true);
      }
    });
  }
}
