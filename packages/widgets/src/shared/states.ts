import {html, nothing, type TemplateResult} from 'lit';
import {isRapportError} from '@rapport/core';
import type {CustomizationState} from './customization.js';
import type {Strings} from './strings.js';

/**
 * The loading state: the word for screen readers at once, and placeholder lines once loading has been
 * slow (`placeholders`), so fast loads do not flash skeletons (nor make the page lay them out).
 */
export function loadingState(
  strings: Strings,
  lines: number,
  placeholders: boolean,
): TemplateResult {
  return html`<div class="state" role="status" aria-live="polite" data-state="loading">
    <span class="visually-hidden">${strings.loading}</span>
    ${placeholders ? Array.from({length: lines}, (_, i) => html`<span class="skeleton ${i % 2 ? 'narrow' : 'wide'}" aria-hidden="true"></span>`) : nothing}
  </div>`;
}

/** A calm message, for empty states. */
export function messageState(message: string, kind = 'empty'): TemplateResult {
  return html`<div class="state" role="status" data-state=${kind}><span>${message}</span></div>`;
}

/**
 * The state for a failed load: not found and no access are said plainly (retrying will not help);
 * anything else offers to try again.
 */
export function loadErrorState(
  error: unknown,
  strings: Strings,
  retry: () => void,
): TemplateResult {
  if (isRapportError(error, 'not_found')) return messageState(strings.notFound, 'not-found');
  if (isRapportError(error, 'forbidden') || isRapportError(error, 'unauthorized'))
    return messageState(strings.forbidden, 'forbidden');
  const detail = isRapportError(error) ? strings.errors[error.code] : undefined;
  return html`<div class="state" role="alert" data-kind="error" data-state="error">
    <span>${strings.loadFailed}${detail ? html` ${detail}` : nothing}</span>
    <button type="button" class="secondary" part="retry" @click=${retry}>${strings.retry}</button>
  </div>`;
}

/** The state for a customization document that is not valid: the first problems, for the developer. */
export function customizationState(
  customization: Extract<CustomizationState, {ok: false}>,
  strings: Strings,
): TemplateResult {
  return html`<div class="state" role="alert" data-kind="error" data-state="invalid-customization">
    <span>${strings.badCustomization}</span>
    <ul>
      ${customization.problems.slice(0, 3).map((p) => html`<li><code>${p.pointer || '/'}</code>: ${p.message}</li>`)}
    </ul>
    <span>${strings.validateHint}</span>
  </div>`;
}
