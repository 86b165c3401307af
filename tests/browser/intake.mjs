// End-to-end test of the intake page served by `ibsa serve`, in Debian's headless Chromium
// driven by playwright-core. Run by tests/browser/run.sh, which starts the server:
//
//   node intake.mjs IBSA_BINARY BASE_URL OUTPUT_DIR CASE_FILE
//
// It fills in CASE_FILE (the demo deepnude case) through the form as a user would, checks
// the findings as they change, compares them with `ibsa evaluate` of the same file, switches
// languages, opens the report, runs a gap scan and a diff, checks keyboard use and the
// downloads, and writes screenshots to OUTPUT_DIR. Prints "browser: all checks passed".
// Every wait is for a condition, never a fixed time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [ibsa, baseUrl, outDir, caseFile] = process.argv.slice(2);
if (!ibsa || !baseUrl || !outDir || !caseFile) {
  console.error('usage: node intake.mjs IBSA_BINARY BASE_URL OUTPUT_DIR CASE_FILE');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const started = Date.now();
// How long a step may wait for the page. Not a speed check: under ASan on a busy 2-core
// machine the policy sweep alone has taken 15 s.
const TIMEOUT = 60000;

let step = 'start';
function ok(message) {
  console.log(`ok - ${message}`);
}
function check(condition, message, detail) {
  if (!condition) {
    const extra = detail === undefined ? '' : `\n  ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
    throw new Error(`${message}${extra}`);
  }
  ok(message);
}
function sameSet(a, b) {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
function diffSets(a, b) {
  const x = new Set(a);
  const y = new Set(b);
  return { onlyPage: [...x].filter((v) => !y.has(v)), onlyCli: [...y].filter((v) => !x.has(v)) };
}

// --- What the CLI says about a case file --------------------------------------------------
function cliEvaluate(file, lang) {
  const out = execFileSync(ibsa, ['evaluate', '--format', 'json', '--lang', lang, file], { encoding: 'utf8' });
  return JSON.parse(out);
}
function ruleStatuses(result) {
  return result.findings.map((f) => `${f.rule}|${f.status}`);
}

// --- The demo case, read from its file through the API (the page's own normaliser) --------
async function apiJson(pathname, body) {
  const response = await fetch(new URL(pathname, baseUrl), body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
let demo;
let vocabulary;
let expectedFr;
try {
  demo = (await apiJson('/api/case', { case: readFileSync(caseFile, 'utf8') })).case;
  vocabulary = (await apiJson('/api/facts')).facts;
  expectedFr = cliEvaluate(caseFile, 'fr');
} catch (e) {
  console.error(`browser: FAILED before the browser started: ${e.message}`);
  process.exit(1);
}
const factOf = new Map(vocabulary.map((f) => [f.name, f]));
// The demo's answers by fact name ("victim.age" -> 29, "acts" -> [...]).
const answers = new Map();
for (const [key, value] of Object.entries(demo)) {
  if (key === 'acts') answers.set('acts', value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (factOf.has(`${key}.${k}`)) answers.set(`${key}.${k}`, v);
  }
}
const FR = { yes: 'Oui', no: 'Non', dontKnow: 'Je ne sais pas', next: 'Suivant', back: 'Retour' };
const label = (fact, value, lang = 'fr') => factOf.get(fact).values.find((v) => v.value === value).label[lang];


// --- The browser --------------------------------------------------------------------------
const args = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
let browser = null;
let failed = false;
try {
  step = 'launching chromium';
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-GB' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The refused age (below) is a 422 on purpose; any other failed request is an error.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 422/.test(m.text())) pageErrors.push(m.text()); });

  const findings = page.locator('#findings');
  // The findings are current when no change is pending (aria-busy is set in the same event
  // handler that records a change, so it is already "true" when an action returns).
  const settled = () => page.waitForSelector('#findings[aria-busy="false"]', { state: 'attached' });
  const shown = async () => page.$$eval('#findings [data-rule]', (nodes) => nodes.map((n) => `${n.dataset.rule}|${n.dataset.status}`));
  const appliesCount = async () => Number(await findings.getAttribute('data-applies'));
  // axe-core's automated accessibility rules (WCAG 2.x A/AA: names, labels, contrast, ARIA).
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  const axeCheck = async (what, openDetails = 'details') => {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async (selector) => {
      const closed = [...document.querySelectorAll(selector)].filter((d) => !d.open);
      for (const d of closed) d.open = true; // check what they hide too
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      for (const d of closed) d.open = false;
      return r.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
    }, openDetails);
    check(violations.length === 0, `axe-core finds no accessibility violation: ${what}`, violations);
  };

  // ---------------------------------------------------------------- 6. keyboard (fresh page)
  step = 'keyboard';
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]');
  await settled();
  await page.waitForSelector('#one-mode .current-question');
  const focusInfo = () => page.evaluate(() => {
    const a = document.activeElement;
    const style = getComputedStyle(a);
    return {
      id: a.id, cls: a.className, tag: a.tagName, lang: a.dataset ? a.dataset.lang || null : null,
      inQuestion: !!a.closest('#one-mode .current-question'),
      visible: a.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      skip: a.classList.contains('skip-link'),
      box: (() => { const r = a.getBoundingClientRect(); return { top: r.top, height: r.height }; })(),
    };
  });
  const visited = [];
  let reachedLang = null;
  let reachedQuestion = null;
  for (let i = 0; i < 40 && !reachedQuestion; i++) {
    await page.keyboard.press('Tab');
    const info = await focusInfo();
    visited.push(info.id || info.cls || info.tag);
    if (i === 0) {
      check(info.skip && info.box.top >= 0 && info.box.height > 0, 'the first Tab reaches the skip link, shown on focus', info);
    }
    if (info.cls.includes('lang-button') && !reachedLang) reachedLang = info;
    if (info.inQuestion) reachedQuestion = info;
  }
  check(reachedLang && reachedLang.visible, 'Tab reaches the language switch, with a visible focus ring', visited);
  check(reachedQuestion && reachedQuestion.visible, 'Tab reaches the first question, with a visible focus ring', visited);
  await page.screenshot({ path: path.join(outDir, '00-keyboard-focus.png') });
  const langIndex = visited.findIndex((v) => String(v).includes('lang-button'));
  const questionIndex = visited.length - 1;
  check(langIndex > 0 && langIndex < questionIndex, 'focus order: skip link, language switch, ..., first question', visited);
  // Switch the language with the keyboard alone: Shift+Tab back to "Français", Enter.
  for (let i = 0; i < 40; i++) {
    const lang = await page.evaluate(() => document.activeElement.dataset.lang || null);
    if (lang === 'fr') break;
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');

  // ---------------------------------------------------------------- 1. French, the case
  step = 'french';
  await page.waitForSelector('html[lang="fr"]');
  await settled();
  await page.waitForFunction(() => document.querySelector('#findings-heading').textContent === 'Constats');
  check(await page.locator('#questions-heading').textContent() === 'Questions'
    && await page.locator('nav#views a[data-view="policy"]').textContent() === 'Analyse législative',
  'the page is in French (html lang, headings, navigation)');
  const intake = page.locator('#view-intake');
  await intake.getByLabel('Belgique', { exact: true }).check();
  await page.locator('#case-date').fill(demo.date);
  await settled();

  const statusHistory = []; // [{answer, applies, shown}]
  const record = async (what) => {
    await settled();
    statusHistory.push({ what, applies: await appliesCount(), shown: new Set(await shown()) });
  };
  await record('start');

  // ---------------------------------------------------------------- 1. one question at a time
  step = 'interview';
  check(await intake.getByLabel('Une question à la fois').isChecked(), '"one question at a time" is the first mode');
  const card = page.locator('#one-mode .current-question');
  const next = page.getByRole('button', { name: FR.next, exact: true });

  // Answers the question on screen with the demo's value (as a user would: labels, clicks),
  // the acts with their dates in both ways of asking.
  async function fill(field, fact, value) {
    const def = factOf.get(fact);
    if (fact === 'acts') {
      for (const act of value) {
        const name = label('acts', act.type);
        await field.getByRole('checkbox', { name, exact: true }).check();
        if (act.date) {
          await field.locator('.act-row').filter({ has: page.getByRole('checkbox', { name, exact: true }) })
            .locator('input[type="date"]').fill(act.date);
        }
      }
    } else if (def.type === 'bool') {
      await field.getByRole('radio', { name: value ? FR.yes : FR.no, exact: true }).check();
    } else if (def.type === 'enum') {
      await field.getByRole('radio', { name: label(fact, value), exact: true }).check();
    } else if (def.type === 'int') {
      await field.getByRole('spinbutton').fill(String(value));
    } else {
      await field.locator('input[type="date"]').fill(value);
    }
  }

  let dontKnowFact = null;
  let backChecked = false;
  const asked = [];
  for (let i = 0; i < 25 && !dontKnowFact; i++) {
    await settled();
    const fact = await card.getAttribute('data-fact');
    const member = await card.getAttribute('data-member');
    asked.push(fact);
    // The question has the focus after an answer, so that a keyboard user goes on from it.
    if (i > 0) {
      const focused = await page.evaluate(() => !!document.activeElement.closest('#one-mode .current-question'));
      check(focused, `after an answer the next question (${fact}) has the focus`);
    }
    if (!member && answers.has(fact)) {
      await fill(card, fact, answers.get(fact));
      await next.click();
      await record(`interview ${fact}`);
      if (i === 1 && !backChecked) {
        // Back: the last answer is undone and its question is asked again.
        await page.getByRole('button', { name: FR.back, exact: true }).click();
        await settled();
        check(await card.getAttribute('data-fact') === fact, `"Retour" asks ${fact} again`);
        await fill(card, fact, answers.get(fact));
        await next.click();
        await record(`interview ${fact} again`);
        backChecked = true;
      }
    } else {
      dontKnowFact = fact;
      await page.getByRole('button', { name: FR.dontKnow, exact: true }).click();
      await record(`interview ${fact}: don't know`);
      const after = await card.getAttribute('data-fact').catch(() => null);
      check(after !== fact, `after "Je ne sais pas", ${fact} is not asked again`);
    }
  }
  check(asked.length >= 3 && backChecked, `answered ${asked.length - 1} questions one at a time (${asked.join(', ')})`);
  check(dontKnowFact !== null, `answered "Je ne sais pas" to ${dontKnowFact}`);

  // "Ask now" on a fact that would decide a finding: asked within the interview (the mode
  // stays), which then goes on where it was: back undoes the asking.
  step = 'ask now';
  await settled();
  const asking = () => page.evaluate(() => document.querySelector('#one-mode .current-question')?.dataset.fact ?? null);
  const interviewAt = await asking();
  const goto = await page.$$eval('#findings .fact-link', (buttons, current) => {
    const button = buttons.find((b) => b.dataset.goto !== current);
    if (!button) return null;
    for (let d = button.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    return button.dataset.goto;
  }, interviewAt);
  check(goto !== null, 'a possible finding offers to ask a fact that would decide it');
  await page.locator(`#findings .fact-link[data-goto="${goto}"]`).first().click();
  await settled();
  await page.waitForFunction((f) => document.querySelector('#one-mode .current-question')?.dataset.fact === f, goto);
  check(await intake.getByLabel('Une question à la fois').isChecked() && await page.locator('#one-mode').isVisible()
    && await page.locator('#all-mode').isHidden(), `"ask now" on ${goto} asks it within the interview, one question at a time`);
  check(await page.evaluate(() => !!document.activeElement.closest('#one-mode .current-question')), 'the question asked now has the focus');
  await page.getByRole('button', { name: FR.back, exact: true }).click();
  await settled();
  check(await asking() === interviewAt, `back returns to where the interview was (${interviewAt})`);
  await page.screenshot({ path: path.join(outDir, '01-intake-fr-one-question.png') });
  await axeCheck('intake, one question at a time');

  // ---------------------------------------------------------------- 1. all questions
  step = 'all questions';
  await intake.getByLabel('Toutes les questions').check();
  await page.waitForSelector('#all-mode [data-fact="victim.age"]');
  const datedAct = answers.get('acts').find((a) => a.date);
  const actDate = await page.locator('#all-mode [data-fact="acts"] .act-row')
    .filter({ has: page.getByRole('checkbox', { name: label('acts', datedAct.type), exact: true }) })
    .locator('input[type="date"]').inputValue();
  check(actDate === datedAct.date, `the date of the act "${datedAct.type}" given in the interview is the case's (${actDate})`);
  check(await page.locator(`#all-mode [data-fact="${dontKnowFact}"] input:checked`).count() > 0,
    `"all questions" shows the interview's "Je ne sais pas" for ${dontKnowFact}`);
  const order = await page.$$eval('#all-mode .fact-group', (groups) => groups.map((g) => g.dataset.group));
  check(order[0] === 'acts' && order.indexOf('image') > order.indexOf('perpetrator'), `groups neutral first: ${order.join(', ')}`);
  for (const [fact, value] of answers) {
    const field = page.locator(`#all-mode [data-fact="${fact}"]`);
    await fill(field, fact, value);
    await record(`all ${fact}`);
  }

  // ---------------------------------------------------------------- 2. the findings changed
  step = 'findings change';
  const first = statusHistory[0];
  const last = statusHistory[statusHistory.length - 1];
  let increases = 0;
  for (let i = 1; i < statusHistory.length; i++) if (statusHistory[i].applies > statusHistory[i - 1].applies) increases++;
  check(last.applies > first.applies && increases >= 2,
    `the count of applicable findings grew as answers were given (${statusHistory.map((h) => h.applies).join(' → ')})`);
  const becameApplicable = [...last.shown].filter((s) => s.endsWith('|applies'))
    .map((s) => s.split('|')[0])
    .filter((rule) => statusHistory.some((h) => h.shown.has(`${rule}|possible`)));
  check(becameApplicable.length > 0, `possible findings became applicable: ${becameApplicable.join(', ')}`);
  const where = statusHistory.find((h) => h.shown.has('be.sw.417-9|possible'));
  check(where !== undefined && last.shown.has('be.sw.417-9|applies'),
    `art. 417/9 Sw went from possible (after "${where && where.what}") to applies`);

  // ---------------------------------------------------------------- 3. same findings as the CLI
  step = 'compare with the CLI';
  const pageFr = await shown();
  const expected = ruleStatuses(expectedFr);
  check(sameSet(pageFr, expected), `the page shows the same ${pageFr.length} (rule, status) as ibsa evaluate --lang fr`, diffSets(pageFr, expected));
  const title417 = await page.locator('#findings [data-rule="be.sw.417-10"] .title').textContent();
  check(title417 === expectedFr.findings.find((f) => f.rule === 'be.sw.417-10').title, `a finding's title is the French one: "${title417}"`);
  check((await page.locator('#disclaimer').textContent()) === expectedFr.disclaimer, 'the result\'s disclaimer is shown');
  const pageGaps = await page.locator('#legal-gaps [data-harm]').evaluateAll((nodes) => nodes.map((n) => `${n.dataset.harm}|${n.dataset.status}`));
  const cliGaps = (expectedFr.gaps || []).map((g) => `${g.harm}|${g.status}`);
  check(sameSet(pageGaps, cliGaps) && (await page.locator('#legal-gaps').isHidden()) === (cliGaps.length === 0),
    `the page shows the same ${cliGaps.length} legal gaps as ibsa evaluate --lang fr`, diffSets(pageGaps, cliGaps));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, '02-intake-fr-all-questions.png') });
  // The findings panel scrolls within the window: a tall window shows all of it.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await findings.screenshot({ path: path.join(outDir, '03-findings-fr.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  await axeCheck('intake, all questions, with findings');

  // ---------------------------------------------------------------- an answer the API refuses
  step = 'errors';
  const age = page.locator('#all-mode [data-fact="victim.age"]');
  await age.getByRole('spinbutton').fill('200');
  await settled();
  const ageError = age.locator('.field-error');
  await ageError.waitFor({ state: 'visible' });
  await ageError.scrollIntoViewIfNeeded();
  const errorText = await ageError.textContent();
  check(/n'a pas été acceptée/.test(errorText) && /out of range/.test(errorText) && /0 to 120/.test(errorText)
    && await age.getByRole('spinbutton').getAttribute('aria-invalid') === 'true'
    && (await age.getByRole('spinbutton').getAttribute('aria-describedby')).includes(await ageError.getAttribute('id')),
  'an age of 200 is refused next to its field, with the API\'s message and help, linked by aria-describedby', errorText);
  check(await page.locator('#findings-error').isVisible(), 'the findings say they are not up to date');
  await page.screenshot({ path: path.join(outDir, '08-error-next-to-field.png') });
  await age.getByRole('spinbutton').fill(String(answers.get('victim.age')));
  await settled();
  check(!(await ageError.isVisible()) && sameSet(await shown(), expected), 'correcting the age clears the error and restores the findings');

  // ---------------------------------------------------------------- 4. nl and en
  step = 'languages';
  for (const [lang, button, chrome] of [['nl', 'Nederlands', 'Bevindingen'], ['en', 'English', 'Findings']]) {
    const expectedLang = cliEvaluate(caseFile, lang);
    const title = expectedLang.findings.find((f) => f.rule === 'be.sw.417-10').title;
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForSelector(`html[lang="${lang}"]`);
    await settled();
    await page.waitForFunction(([t]) => {
      const node = document.querySelector('#findings [data-rule="be.sw.417-10"] .title');
      return node && node.textContent === t;
    }, [title]);
    check(await page.locator('#findings-heading').textContent() === chrome
      && await page.locator(`#all-mode [data-fact="victim.age"] .question-text`).textContent() === factOf.get('victim.age').question[lang],
    `${lang}: the chrome, the questions and the finding titles are in ${button} ("${title}")`);
    const shownLang = await shown();
    check(sameSet(shownLang, ruleStatuses(expectedLang)), `${lang}: the findings are the same as ibsa evaluate --lang ${lang}`,
      diffSets(shownLang, ruleStatuses(expectedLang)));
  }
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await page.waitForSelector('html[lang="fr"]');
  await settled();
  await page.waitForFunction(([t]) => {
    const node = document.querySelector('#findings [data-rule="be.sw.417-10"] .title');
    return node && node.textContent === t;
  }, [title417]);

  // ---------------------------------------------------------------- 7. downloads
  step = 'downloads';
  for (const [format, button] of [['json', 'Télécharger (JSON)'], ['yaml', 'Télécharger (YAML)']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
    const file = path.join(outDir, `downloaded-case.${format}`);
    await download.saveAs(file);
    check(download.suggestedFilename().endsWith(`.${format}`), `the case downloads as ${download.suggestedFilename()}`);
    const fromFile = ruleStatuses(cliEvaluate(file, 'fr'));
    check(sameSet(fromFile, pageFr), `ibsa evaluate of the downloaded ${format.toUpperCase()} gives the page's findings`, diffSets(pageFr, fromFile));
  }
  // Upload: the downloaded YAML fills the form again.
  await page.locator('#upload').setInputFiles(path.join(outDir, 'downloaded-case.yaml'));
  await page.waitForFunction(() => /downloaded-case\.yaml/.test(document.querySelector('#upload-status').textContent));
  await settled();
  check(sameSet(await shown(), pageFr) && await page.locator('#all-mode [data-fact="victim.age"] input[type="number"]').inputValue() === '29',
    'uploading the YAML file fills the form and gives the same findings');

  // ---------------------------------------------------------------- 5. the report, printed
  step = 'report';
  await page.getByRole('link', { name: 'Afficher le rapport' }).click();
  await page.waitForSelector('#view-report[data-ready]');
  const frame = page.frameLocator('#report-frame');
  const headings = await frame.locator('h2').allTextContents();
  const wanted = ['En bref', 'Faits tels que donnés', 'Infractions', 'Orientation et prochaines étapes', 'Annexe: Droit appliqué', 'Annexe: Sources citées'];
  check(wanted.every((h) => headings.includes(h)), `the report shows the French headings (${wanted.join(', ')})`, headings);
  check((await frame.locator('h1').textContent()).startsWith('Analyse juridique'), 'the report\'s title is French');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(outDir, '04-report-view-print-media.png') });
  await page.emulateMedia({ media: 'screen' });
  // "Open in a new tab": the same report from its Blob URL, rendered for print.
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Ouvrir dans un nouvel onglet' }).click()]);
  await tab.waitForLoadState();
  await tab.emulateMedia({ media: 'print' });
  check((await tab.locator('h2').allTextContents()).includes('Annexe: Droit appliqué'), 'the report opens in a new tab, ready to print');
  await tab.screenshot({ path: path.join(outDir, '05-report-print.png') });
  await tab.screenshot({ path: path.join(outDir, '05-report-print-full.png'), fullPage: true });
  await tab.close();
  check(await page.getByRole('button', { name: 'Imprimer', exact: true }).isEnabled(), 'the print button is ready');
  await axeCheck('report view');

  // ---------------------------------------------------------------- policymaker view
  step = 'policy';
  await page.getByRole('link', { name: 'Analyse législative' }).click();
  const policy = page.locator('#view-policy');
  await policy.getByLabel('Belgique', { exact: true }).check();
  await policy.getByLabel('Lacunes à une date').check();
  await page.locator('#p-date').fill('2025-06-01');
  // Record the busy state as it happens.
  await page.evaluate(() => {
    window.__busySeen = false;
    new MutationObserver(() => {
      if (document.querySelector('#policy-results').getAttribute('aria-busy') === 'true') window.__busySeen = true;
    }).observe(document.querySelector('#policy-results'), { attributes: true });
  });
  await page.getByRole('button', { name: 'Lancer l\'analyse' }).click();
  await page.waitForSelector('#view-policy[data-state="done"]');
  check(await page.evaluate(() => window.__busySeen), 'the results are marked busy while the sweep runs');
  const harms = await page.locator('#policy-output .harm').count();
  const firstPattern = await page.locator('#policy-output .harm .constraints').first().textContent();
  const summary = await page.locator('#policy-output .coverage-summary tbody tr').count();
  // In the vocabulary's French labels: no fact name (victim.age, image.technique) shows.
  check(harms > 5 && summary === harms && /Âge|Technique|Actes/.test(firstPattern) && !/[a-z]\.[a-z]/.test(firstPattern),
    `the BE gap scan opens with a summary and shows ${harms} harms with their patterns in French`, firstPattern);
  await page.screenshot({ path: path.join(outDir, '06-policy-gaps-be.png') });
  // (Thousands of patterns: the disclosures of the first harm stand for the others.)
  await axeCheck('policy view with a gap scan', '#policy-output .harm:first-of-type details');
  await policy.getByLabel('Changements entre deux dates').check();
  await policy.getByLabel('Pays-Bas', { exact: true }).check();
  await page.locator('#p-from').fill('2024-06-30');
  await page.locator('#p-to').fill('2024-07-01');
  await page.getByRole('button', { name: 'Lancer l\'analyse' }).click();
  await page.waitForFunction(() => document.querySelector('#view-policy').dataset.state === 'done'
    && document.querySelector('#policy-output .change [data-fact], #policy-output .change'));
  const changes = await page.locator('#policy-output .change h4').allTextContents();
  check(changes.some((c) => c.includes('nl.sr.252')), `the NL diff 2024-06-30 → 2024-07-01 lists the changes (${changes.length})`);
  check(changes.some((c) => c.includes('Renumérotée') && c.includes('nl.sr.254ba.1a')), 'the NL diff names 139h renumbered as 254ba', changes);
  await page.screenshot({ path: path.join(outDir, '07-policy-diff-nl.png') });
  // The bill, assessed as if in force on the date chosen; then a gap scan starts from its own
  // settings: no bill, its own date (issue 12: it ran on 1 January 2099 with the bill).
  await policy.getByLabel('Le droit avec et sans une proposition').check();
  await page.locator('#p-date').fill('2026-11-21');
  await page.locator('#p-with').selectOption('nl.nrd.2099-01-01');
  await page.getByRole('button', { name: 'Lancer l\'analyse' }).click();
  await page.waitForFunction(() => document.querySelector('#view-policy').dataset.state === 'done'
    && document.querySelector('#policy-output .proposals-note'));
  const note = await page.locator('#policy-output .proposals-note').textContent();
  check(/comme si elle était en vigueur le 2026-11-21/.test(note), 'the bill is assessed as if in force on the date chosen, and the page says so', note);
  await policy.getByLabel('Lacunes à une date').check();
  const gapForm = { date: await page.locator('#p-date').inputValue(), with: await page.locator('#p-with').inputValue() };
  check(gapForm.date === '2025-06-01' && gapForm.with === '', 'a gap scan after a bill comparison starts from its own settings', gapForm);
  await policy.getByLabel('Le droit avec et sans une proposition').check();
  check(await page.locator('#p-with').inputValue() === 'nl.nrd.2099-01-01', 'the comparison keeps its own proposal when chosen again');

  // ---------------------------------------------------------------- the intake desk (issue 14)
  // The Belgian 16-year-old of tests/interview_intake_pty.sh, in French, on a fresh page: the
  // same order as the terminal, a why-line on every card, fewer than 22 questions, none that
  // only a lawyer can answer, and the relationship and when she found out in the case.
  step = 'intake desk';
  const desk = await context.newPage();
  desk.on('pageerror', (e) => pageErrors.push(e.message));
  await desk.goto(baseUrl);
  await desk.waitForSelector('body[data-ready="true"]');
  await desk.locator('.lang-button[data-lang="fr"]').click();
  await desk.waitForSelector('html[lang="fr"]');
  const deskSettled = () => desk.waitForSelector('#findings[aria-busy="false"]', { state: 'attached' });
  // The officer says who uses the page: the plan will not tell them to report to the police.
  await desk.locator('#field-reader').getByLabel('Police', { exact: true }).check();
  await desk.locator('#view-intake').getByLabel('Belgique', { exact: true }).check();
  await desk.locator('#case-date').fill('2026-11-16');
  const scenario = new Map(Object.entries({
    acts: ['share'], 'victim.real_person': true, 'victim.age': 16, 'image.technique': 'face_swap',
    'image.content': 'nudity', 'image.medium': 'image', 'image.realistic': true, 'victim.identifiable': true,
    'victim.consent_creation': false, 'victim.consent_sharing': false, 'service.type': 'messaging',
    'distribution.recipients_several': true, 'perpetrator.relationship': 'peer', 'perpetrator.age': 16,
    'victim.learned_on': '2026-11-18', 'perpetrator.demand': 'none', 'perpetrator.threat_violence': false,
    'distribution.doxing': false, 'service.notified': false, 'victim.holds_image': false,
  }));
  const deskCard = desk.locator('#one-mode .current-question');
  const deskAsked = [];
  for (let i = 0; i < 40; i++) {
    await deskSettled();
    if (await desk.locator('#interview-done').count() > 0) break;
    const fact = await deskCard.getAttribute('data-fact');
    deskAsked.push(fact);
    check(/Pourquoi cette question/.test(await deskCard.textContent()), `the card of ${fact} says why it is asked`);
    if (!scenario.has(fact)) {
      await desk.getByRole('button', { name: FR.dontKnow, exact: true }).click();
      continue;
    }
    const value = scenario.get(fact);
    const def = factOf.get(fact);
    if (fact === 'acts') {
      for (const act of value) await deskCard.getByRole('checkbox', { name: label('acts', act), exact: true }).check();
    } else if (def.type === 'bool') {
      await deskCard.getByRole('radio', { name: value ? FR.yes : FR.no, exact: true }).check();
    } else if (def.type === 'enum') {
      await deskCard.getByRole('radio', { name: label(fact, value), exact: true }).check();
    } else if (def.type === 'int') {
      await deskCard.getByRole('spinbutton').fill(String(value));
    } else {
      await deskCard.locator('input[type="date"]').fill(value);
    }
    await desk.getByRole('button', { name: FR.next, exact: true }).click();
  }
  check(await desk.locator('#interview-done').count() > 0 && deskAsked.length < 22,
    `the French intake of a 16-year-old ends after ${deskAsked.length} questions, fewer than 22`, deskAsked);
  const forLawyer = deskAsked.filter((f) => factOf.get(f).intake === 'for_lawyer');
  check(forLawyer.length === 0, 'no question only a lawyer can answer is asked at the desk', forLawyer);
  check(deskAsked.indexOf('acts') === 0 && deskAsked.indexOf('victim.age') > deskAsked.indexOf('perpetrator.relationship'),
    'the event (what was done, the relationship) comes before the person', deskAsked);
  const [deskDownload] = await Promise.all([desk.waitForEvent('download'),
    desk.getByRole('button', { name: 'Télécharger (YAML)', exact: true }).click()]);
  const deskFile = path.join(outDir, 'intake-desk.yaml');
  await deskDownload.saveAs(deskFile);
  const deskYaml = readFileSync(deskFile, 'utf8');
  check(/relationship: peer/.test(deskYaml) && /learned_on: 2026-11-18/.test(deskYaml),
    'the case records the relationship and when the victim found out', deskYaml);
  // The end says what to do now: the plan ibsa evaluate gives for the case the interview
  // ends at, in its order and words, first, without what turns to the police (actions.yaml
  // `to: police`), who reads it; then each finding on one line, what applies first.
  const deskCli = cliEvaluate(deskFile, 'fr');
  const planLine = (a) => `${a.class_title}\u00a0: ${a.plan_title}`;
  const toPolice = /Porter plainte à la police/;
  check(deskCli.actions.some((a) => toPolice.test(planLine(a))), 'for everyone, the plan of the case says to report to the police');
  const cliPlan = deskCli.actions.filter((a) => a.id !== 'be.referral.police').map(planLine);
  const pagePlan = await desk.locator('#interview-plan .plan-title').allTextContents();
  check(!pagePlan.some((line) => toPolice.test(line)), 'the plan shown to the police officer does not tell them to report to the police', pagePlan);
  check(cliPlan.length > 0 && JSON.stringify(pagePlan) === JSON.stringify(cliPlan),
    `the interview ends with the plan of ibsa evaluate --lang fr for the police (${cliPlan.length} actions, same order and words)`, { pagePlan, cliPlan });
  check(await desk.locator('#field-reader input[value="police"]').isChecked(), 'the page keeps who uses it');
  check(/Plan d'action/.test(await desk.locator('#interview-plan h3').textContent()), 'the plan is headed in French');
  const endOrder = await desk.locator('#one-mode .interview-end').evaluateAll((nodes) => nodes.map((n) => n.id));
  check(JSON.stringify(endOrder) === JSON.stringify(['interview-plan', 'interview-ranked']), 'the plan comes before the findings', endOrder);
  const rankedStatuses = await desk.locator('#interview-ranked li').evaluateAll((nodes) => nodes.map((n) => n.dataset.status));
  const toPoliceFindings = deskCli.findings.filter((f) => f.rule === 'be.referral.police').length;
  check(toPoliceFindings === 1 && rankedStatuses.length === deskCli.findings.length - toPoliceFindings
      && rankedStatuses.indexOf('possible') >= 0 && rankedStatuses.lastIndexOf('applies') < rankedStatuses.indexOf('possible'),
    `the ${deskCli.findings.length - 1} findings the officer is shown follow, one line each, what applies before what may apply`, rankedStatuses);
  const rankedLines = await desk.locator('#interview-ranked li').allTextContents();
  check(!rankedLines.some((line) => toPolice.test(line)), 'nor do the findings at the end tell the officer to report to the police', rankedLines);
  await desk.locator('#one-mode').screenshot({ path: path.join(outDir, '09-intake-desk-end.png') });
  await desk.screenshot({ path: path.join(outDir, '09-intake-desk-done.png') });
  await desk.close({ runBeforeUnload: false });

  // ---------------------------------------------------------------- a date as people know it (issue 14)
  // The Dutch case of June or July 2024 (cases/nl/dates/): loaded from its file, the date field
  // says "between two days", and the findings leave 139h and 254ba Sr both possible, the day
  // deciding; given as a month after 1 July 2024, 254ba applies and 139h is gone.
  step = 'dates as known';
  const when = await context.newPage();
  when.on('pageerror', (e) => pageErrors.push(e.message));
  await when.goto(baseUrl);
  await when.waitForSelector('body[data-ready="true"]');
  const whenSettled = () => when.waitForSelector('#findings[aria-busy="false"]', { state: 'attached' });
  const whenShown = async () => when.$$eval('#findings [data-rule]', (nodes) => nodes.map((n) => `${n.dataset.rule}|${n.dataset.status}`));
  const monthsCase = path.join(path.dirname(caseFile), '../nl/dates/nl-d-2024-06-07-month-range-across-wet-seksuele-misdrijven.yaml');
  const monthsFile = path.join(outDir, 'june-or-july-2024.yaml');
  writeFileSync(monthsFile, readFileSync(monthsCase, 'utf8').split('\nexpect:')[0] + '\n');
  await when.locator('#upload').setInputFiles(monthsFile);
  await when.waitForFunction(() => /june-or-july-2024\.yaml/.test(document.querySelector('#upload-status').textContent));
  await whenSettled();
  check(await when.locator('#case-date-kind').inputValue() === 'range' && await when.locator('#case-date-to').isVisible(),
    'a case dated June-July 2024 shows its date as a range');
  const across = await whenShown();
  check(across.includes('nl.sr.139h.1a|possible') && across.includes('nl.sr.254ba.1a|possible'),
    'June or July 2024: 139h and 254ba Sr are both possible', across);
  await when.locator('#case-date-kind').selectOption('month');
  await when.locator('#case-month').fill('2024-09');
  await whenSettled();
  const september = await whenShown();
  check(september.includes('nl.sr.254ba.1a|applies') && !september.some((r) => r.startsWith('nl.sr.139h.1a|')),
    'September 2024 (a month): 254ba Sr applies and 139h Sr is gone', september);
  await when.close({ runBeforeUnload: false });

  // ---------------------------------------------------------------- nothing stored
  step = 'storage';
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  check(stored.local === 0 && stored.session === 0 && stored.cookie === '', 'nothing is kept in localStorage, sessionStorage or cookies');

  // ---------------------------------------------------------------- leaving with unsaved answers
  step = 'beforeunload';
  const other = await context.newPage();
  await other.goto(baseUrl);
  await other.waitForSelector('body[data-ready="true"]');
  await other.locator('#view-intake').getByLabel('All questions').check();
  await other.locator('#all-mode [data-fact="perpetrator.malicious"]').getByRole('radio', { name: 'Yes', exact: true }).check();
  const dialog = new Promise((resolve) => other.once('dialog', (d) => { resolve(d.type()); d.accept(); }));
  await other.close({ runBeforeUnload: true });
  check(await dialog === 'beforeunload', 'leaving with answers not downloaded asks for confirmation');

  check(pageErrors.length === 0, 'no script error or failed request on the page', pageErrors);
} catch (e) {
  failed = true;
  console.error(`browser: FAILED at step "${step}": ${e.message}`);
} finally {
  if (browser) await browser.close();
}
if (failed) process.exit(1);
console.log(`browser: all checks passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
