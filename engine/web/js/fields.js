// One field per fact, for both ways of asking. `ctx.mode` is "all" (changes apply at once,
// "don't know" is one of the choices) or "one" (the interview: the answer is a draft until
// "Next"). A field reports each change of its answer through `ctx.onChange`.
import { colon, el, t } from './dom.js';
import { today } from './i18n.js';
import { state } from './state.js';

/** @typedef {import('./case.js').Fact} Fact */
/** @typedef {import('./dom.js').FieldElement} FieldElement */
/**
 * @typedef {{
 *   mode: 'one' | 'all',
 *   value: any,
 *   onChange: (value: any) => void,
 *   hints?: string[],
 *   question?: string,
 *   member?: string | null,
 *   badge?: string | null,
 * }} FieldContext
 */

let fieldSerial = 0;

/**
 * @param {Fact} fact
 * @param {FieldContext} ctx
 * @returns {FieldElement}
 */
export function buildField(fact, ctx) {
  const id = `${ctx.mode}-${fact.name.replace(/[^\w]/g, '-')}-${++fieldSerial}`;
  const hintIds = [];
  /** @type {FieldElement} */
  const container = el('div', { class: `field fact-field type-${fact.type}`, dataset: { fact: fact.name } });
  const errorId = `${id}-error`;
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  const hints = [];
  if (ctx.hints) {
    for (const [i, text] of ctx.hints.entries()) {
      const hintId = `${id}-hint${i}`;
      hintIds.push(hintId);
      hints.push(el('p', { class: 'hint', id: hintId, text }));
    }
  }
  const describedBy = [...hintIds, errorId].join(' ');
  const questionText = ctx.question || fact.question[state.lang];
  const value = ctx.value;
  const onChange = ctx.onChange;

  const legendContent = () => {
    /** @type {import('./dom.js').Child[]} */
    const parts = [el('span', { class: 'question-text', text: questionText })];
    if (ctx.mode === 'all' && ctx.badge) parts.push(' ', el('span', { class: 'badge decides', text: ctx.badge }));
    return parts;
  };

  if (fact.type === 'bool' || fact.type === 'enum' || ctx.member) {
    const fieldset = el('fieldset', { class: 'choice-group' });
    const legend = el('legend', { id: `${id}-legend` }, legendContent());
    if (ctx.mode === 'one') legend.tabIndex = -1;
    fieldset.append(legend, ...hints);
    /** @type {{value: any, label: string, unknown?: boolean}[]} */
    const options = fact.type === 'enum' && !ctx.member
      ? fact.values.map((v) => ({ value: v.value, label: v.label[state.lang] }))
      : [{ value: true, label: t('yes') }, { value: false, label: t('no') }];
    if (ctx.mode === 'all') options.push({ value: 'unknown', label: t('dontKnow'), unknown: true });
    const wrap = el('div', { class: `choices${options.length <= 3 ? ' inline' : ' grid'}` });
    for (const option of options) {
      const input = el('input', {
        type: 'radio',
        name: id,
        value: JSON.stringify(option.value),
        'aria-describedby': describedBy,
        checked: value !== undefined && JSON.stringify(value) === JSON.stringify(option.value),
      });
      input.addEventListener('change', () => {
        if (input.checked) onChange(option.value);
        updateClear();
      });
      wrap.append(el('label', { class: `choice${option.unknown ? ' dont-know' : ''}` }, input, ' ', el('span', { text: option.label })));
    }
    fieldset.append(wrap);
    let clearButton = null;
    const updateClear = () => {
      if (clearButton) clearButton.hidden = !wrap.querySelector('input:checked');
    };
    if (ctx.mode === 'all') {
      clearButton = el('button', { type: 'button', class: 'clear-answer link-button', text: t('clear') });
      clearButton.setAttribute('aria-label', `${colon(t('clear'))} ${fact.label[state.lang]}`);
      clearButton.addEventListener('click', () => {
        for (const input of wrap.querySelectorAll('input')) input.checked = false;
        onChange(undefined);
        updateClear();
        const first = wrap.querySelector('input');
        if (first) first.focus();
      });
      fieldset.append(clearButton);
      updateClear();
    }
    fieldset.append(error);
    container.append(fieldset);
    container.focusTarget = () => wrap.querySelector('input:checked') || wrap.querySelector('input');
    container.legend = legend;
    return container;
  }

  if (fact.type === 'set') {
    const fieldset = el('fieldset', { class: 'choice-group' });
    const legend = el('legend', { id: `${id}-legend` }, legendContent());
    if (ctx.mode === 'one') legend.tabIndex = -1;
    fieldset.append(legend, ...hints);
    const list = Array.isArray(value) ? value : [];
    const isUnknown = value === 'unknown';
    const isNone = Array.isArray(value) && value.length === 0;
    const wrap = el('div', { class: 'choices set-choices' });
    const rows = [];
    const read = () => {
      if (unknownBox && unknownBox.checked) return 'unknown';
      if (noneBox.checked) return [];
      const out = [];
      for (const row of rows) {
        if (!row.box.checked) continue;
        const item = { type: row.value };
        if (row.date.value) item.date = row.date.value;
        if (row.uncertain.checked) item.certain = false;
        out.push(item);
      }
      return out.length ? out : undefined;
    };
    const sync = () => {
      const unknown = unknownBox && unknownBox.checked;
      for (const row of rows) {
        row.box.disabled = unknown;
        // Each act checked asks its date and whether it is established, in both ways of asking.
        row.extra.hidden = !row.box.checked || unknown;
      }
      noneBox.disabled = unknown;
    };
    const changed = () => {
      sync();
      onChange(read());
      if (clearButton) clearButton.hidden = read() === undefined;
    };
    for (const v of fact.values) {
      const current = list.find((item) => item.type === v.value);
      const box = el('input', { type: 'checkbox', value: v.value, checked: !!current, 'aria-describedby': describedBy });
      const date = el('input', {
        type: 'date',
        class: 'act-date',
        value: current && current.date ? current.date : '',
        max: today(),
        'aria-label': `${colon(t('actDate'))} ${v.label[state.lang]}`,
      });
      const uncertain = el('input', { type: 'checkbox', class: 'act-uncertain', checked: !!(current && current.certain === false) });
      const extra = el('div', { class: 'act-extra' },
        el('label', { class: 'act-date-label' }, el('span', { text: t('actDate') }), date),
        el('label', { class: 'choice small' }, uncertain, ' ', el('span', { text: t('actUncertain') })));
      uncertain.setAttribute('aria-label', `${colon(t('actUncertain'))} ${v.label[state.lang]}`);
      box.addEventListener('change', () => {
        if (box.checked) noneBox.checked = false;
        changed();
      });
      date.addEventListener('change', changed);
      uncertain.addEventListener('change', changed);
      const row = { value: v.value, box, date, uncertain, extra };
      rows.push(row);
      wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice' }, box, ' ', el('span', { text: v.label[state.lang] })), extra));
    }
    const noneBox = el('input', { type: 'checkbox', checked: isNone, 'aria-describedby': describedBy });
    noneBox.addEventListener('change', () => {
      if (noneBox.checked) for (const row of rows) row.box.checked = false;
      changed();
    });
    wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice' }, noneBox, ' ', el('span', { text: t('noneOfThese') }))));
    let unknownBox = null;
    if (ctx.mode === 'all') {
      unknownBox = el('input', { type: 'checkbox', checked: isUnknown, 'aria-describedby': describedBy });
      unknownBox.addEventListener('change', changed);
      wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice dont-know' }, unknownBox, ' ', el('span', { text: t('dontKnow') }))));
    }
    fieldset.append(wrap);
    let clearButton = null;
    if (ctx.mode === 'all') {
      clearButton = el('button', { type: 'button', class: 'clear-answer link-button', text: t('clear'), hidden: value === undefined });
      clearButton.setAttribute('aria-label', `${colon(t('clear'))} ${fact.label[state.lang]}`);
      clearButton.addEventListener('click', () => {
        for (const row of rows) {
          row.box.checked = false;
          row.date.value = '';
          row.uncertain.checked = false;
        }
        noneBox.checked = false;
        unknownBox.checked = false;
        changed();
        rows[0].box.focus();
      });
      fieldset.append(clearButton);
    }
    fieldset.append(error);
    container.append(fieldset);
    sync();
    container.focusTarget = () => rows[0].box;
    container.legend = legend;
    return container;
  }

  // int and date: one input, and (all questions) a "don't know" box.
  const inputId = `${id}-input`;
  const label = el('label', { for: inputId, id: `${id}-legend` }, legendContent());
  if (ctx.mode === 'one') label.tabIndex = -1;
  const input = el('input', {
    id: inputId,
    type: fact.type === 'int' ? 'number' : 'date',
    'aria-describedby': describedBy,
    value: value !== undefined && value !== 'unknown' ? String(value) : '',
  });
  if (fact.type === 'int') {
    input.inputMode = 'numeric';
    input.step = '1';
    if (fact.min !== undefined) input.min = String(fact.min);
    if (fact.max !== undefined) input.max = String(fact.max);
  }
  const read = () => {
    if (unknownBox && unknownBox.checked) return 'unknown';
    const raw = input.value.trim();
    if (raw === '') return undefined;
    if (fact.type === 'int') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    return raw;
  };
  let unknownBox = null;
  const row = el('div', { class: 'input-row' }, input);
  if (ctx.mode === 'all') {
    unknownBox = el('input', { type: 'checkbox', checked: value === 'unknown', 'aria-describedby': describedBy });
    unknownBox.setAttribute('aria-label', `${colon(t('dontKnow'))} ${fact.label[state.lang]}`);
    row.append(el('label', { class: 'choice dont-know' }, unknownBox, ' ', el('span', { text: t('dontKnow') })));
    unknownBox.addEventListener('change', () => {
      input.disabled = unknownBox.checked;
      onChange(read());
    });
    input.disabled = value === 'unknown';
  }
  input.addEventListener('input', () => onChange(read()));
  input.addEventListener('change', () => onChange(read()));
  container.append(label, ...hints, row, error);
  container.focusTarget = () => input;
  container.legend = label;
  return container;
}
