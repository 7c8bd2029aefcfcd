// GOV.UK Frontend components as markup, and the error summary pattern applied to a live form.
import { ErrorSummary } from 'govuk-frontend';
import { html } from './html.js';
import { label } from './format.js';

const TAG_COLOURS = {
  CONFIRMED: 'green', COMPLETED: 'green', REPORTED: 'green', FOLLOWED_UP: 'green', IMPLEMENTED: 'green', SCHEDULED: 'blue',
  WAITLISTED: 'yellow', OFFERED: 'turquoise', PROPOSED: 'grey', IN_PROGRESS: 'blue', NOT_STARTED: 'grey',
  CANCELLED: 'red', REFUSED: 'red',
};

export const tag = (value, text = label(value)) =>
  html`<strong class="govuk-tag govuk-tag--${TAG_COLOURS[value] ?? 'grey'}">${text}</strong>`;

export const summaryList = (rows) => html`<dl class="govuk-summary-list">${rows.map(([key, value]) => html`
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`)}</dl>`;

/** heads: column names; a head starting with '#' is numeric (right-aligned). */
export function table({ caption, heads, rows, id }) {
  const numeric = heads.map((h) => h.startsWith('#'));
  return html`<table class="govuk-table" ${id ? html`id="${id}"` : ''}>
    <caption class="govuk-table__caption govuk-table__caption--m">${caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">${heads.map((h, i) => html`<th scope="col" class="govuk-table__header${numeric[i] ? ' govuk-table__header--numeric' : ''}">${numeric[i] ? h.slice(1) : h}</th>`)}</tr></thead>
    <tbody class="govuk-table__body">${rows.map((row) => html`<tr class="govuk-table__row">${row.map((cell, i) =>
      i === 0 ? html`<th scope="row" class="govuk-table__header">${cell}</th>` : html`<td class="govuk-table__cell${numeric[i] ? ' govuk-table__cell--numeric' : ''}">${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}

export const banner = (flash) => (flash ? html`
  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="flash-title" data-module="govuk-notification-banner" tabindex="-1">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="flash-title">Success</h2></div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${flash}</p></div>
  </div>` : '');

export const input = ({ id, name = id, text, hint, type = 'text', value = '', width, autocomplete, path = name }) => html`
  <div class="govuk-form-group">
    <label class="govuk-label" for="${id}">${text}</label>
    ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
    <input class="govuk-input${width ? ` govuk-input--width-${width}` : ''}" id="${id}" name="${name}" type="${type}" value="${value ?? ''}" data-path="${path}"
      ${hint ? html`aria-describedby="${id}-hint"` : ''} ${autocomplete ? html`autocomplete="${autocomplete}"` : ''} spellcheck="false">
  </div>`;

export const textarea = ({ id, name = id, text, hint, value = '', rows = 4, path = name }) => html`
  <div class="govuk-form-group">
    <label class="govuk-label" for="${id}">${text}</label>
    ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
    <textarea class="govuk-textarea" id="${id}" name="${name}" rows="${rows}" data-path="${path}" ${hint ? html`aria-describedby="${id}-hint"` : ''}>${value ?? ''}</textarea>
  </div>`;

export const select = ({ id, name = id, text, options, value = '', hint, path = name }) => html`
  <div class="govuk-form-group">
    <label class="govuk-label" for="${id}">${text}</label>
    ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
    <select class="govuk-select" id="${id}" name="${name}" data-path="${path}" ${hint ? html`aria-describedby="${id}-hint"` : ''}>
      ${options.map(([v, t]) => html`<option value="${v}" ${String(v) === String(value ?? '') ? 'selected' : ''}>${t}</option>`)}
    </select>
  </div>`;

/** kind: 'checkboxes' or 'radios'; items: [value, text, hint?]; values: the checked ones. */
export function choices({ kind = 'checkboxes', id, name = id, legend, hint, items, values = [], small = false, legendSize = 's', path = name }) {
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  return html`
  <div class="govuk-form-group">
    <fieldset class="govuk-fieldset" ${hint ? html`aria-describedby="${id}-hint"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--${legendSize}">${legend}</legend>
      ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
      <div class="govuk-${kind}${small ? ` govuk-${kind}--small` : ''}" data-module="govuk-${kind}">
        ${items.map(([value, text, itemHint], i) => html`
        <div class="govuk-${kind}__item">
          <input class="govuk-${kind}__input" id="${i === 0 ? id : `${id}-${i + 1}`}" name="${name}" type="${type}" value="${value}" data-path="${path}"
            ${values.map(String).includes(String(value)) ? 'checked' : ''} ${itemHint ? html`aria-describedby="${id}-${i + 1}-hint"` : ''}>
          <label class="govuk-label govuk-${kind}__label" for="${i === 0 ? id : `${id}-${i + 1}`}">${text}</label>
          ${itemHint ? html`<div class="govuk-hint govuk-${kind}__hint" id="${id}-${i + 1}-hint">${itemHint}</div>` : ''}
        </div>`)}
      </div>
    </fieldset>
  </div>`;
}

export const button = (text, { secondary = false, warning = false, name, value, id } = {}) => html`
  <button type="submit" class="govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}" data-module="govuk-button"
    ${name ? html`name="${name}" value="${value}"` : ''} ${id ? html`id="${id}"` : ''}>${text}</button>`;

export const backLink = (href, text = 'Back') => html`<a href="${href}" class="govuk-back-link">${text}</a>`;

function removeErrors(root) {
  root.querySelectorAll('.govuk-error-summary, .govuk-error-message').forEach((e) => e.remove());
  root.querySelectorAll('.govuk-form-group--error').forEach((e) => e.classList.remove('govuk-form-group--error'));
  root.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error').forEach((e) =>
    e.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error'));
  root.querySelectorAll('[data-error-described]').forEach((e) => {
    e.setAttribute('aria-describedby', e.dataset.errorDescribed);
    if (!e.dataset.errorDescribed) e.removeAttribute('aria-describedby');
    delete e.dataset.errorDescribed;
  });
  document.title = document.title.replace(/^Error: /, '');
}

function describe(element, id) {
  element.dataset.errorDescribed = element.getAttribute('aria-describedby') ?? '';
  element.setAttribute('aria-describedby', `${element.dataset.errorDescribed} ${id}`.trim());
}

/** The field a UserError's input path names: the longest data-path prefix found in the form. */
export function fieldFor(form, path) {
  const parts = (path ?? []).filter((p, i) => !(i === 0 && p === 'input'));
  for (let n = parts.length; n > 0; n--) {
    const found = form.querySelector(`[data-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (found) return found;
  }
  return null;
}

/**
 * The GOV.UK error summary pattern: a summary at the top of the page linking to each
 * field, the message beside the field, "Error: " in the title, and focus on the summary.
 * errors: [{ field: Element | null, message }].
 */
export function showErrors(main, form, errors) {
  removeErrors(main);
  if (!errors.length) return;
  const fallback = form?.querySelector('input:not([type=hidden]), select, textarea, button');
  errors.forEach((error, n) => {
    const field = error.field;
    if (!field) return;
    const group = field.closest('.govuk-form-group');
    if (!group || group.classList.contains('govuk-form-group--error')) return;
    group.classList.add('govuk-form-group--error');
    const message = document.createElement('p');
    message.className = 'govuk-error-message';
    message.id = `${field.id}-error-${n}`;
    message.innerHTML = html`<span class="govuk-visually-hidden">Error:</span> ${error.message}`.text;
    const fieldset = field.closest('.govuk-fieldset');
    if (fieldset && group.contains(fieldset)) {
      fieldset.querySelector('.govuk-checkboxes, .govuk-radios').before(message);
      describe(fieldset, message.id);
    } else {
      field.before(message);
      describe(field, message.id);
      field.classList.add(field.tagName === 'SELECT' ? 'govuk-select--error' : field.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error');
    }
  });
  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.dataset.module = 'govuk-error-summary';
  summary.innerHTML = html`<div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
        ${errors.map((e) => html`<li><a href="#${(e.field ?? fallback)?.id ?? ''}">${e.message}</a></li>`)}
      </ul></div></div>`.text;
  main.prepend(summary);
  document.title = `Error: ${document.title}`;
  // The component focuses the summary and makes its links move focus to the field.
  new ErrorSummary(summary);
}

export const clearErrors = removeErrors;
