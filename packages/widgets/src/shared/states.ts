import {html, nothing, type TemplateResult} from 'lit';
import {isRapportError} from '@rapport/core';
import type {Strings} from './strings.js';

// What the page's console has already been told, so a thousand cards failing alike write one line.
const warned = new Set<string>();

/**
 * Writes a message for the page's developer to the console, once. Visitors never see it: the page
 * only shows the neutral states below.
 */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  if (warned.size >= 100) warned.clear();
  warned.add(message);
  console.warn(`Rapport: ${message}`);
}

/**
 * The loading state: an empty live region at first, then, once loading has been slow (`slow`), the
 * word for screen readers (announced as it appears) and placeholder lines. Fast loads neither flash
 * skeletons nor make a screen reader say "Loading" for every widget, nor make the page lay out what
 * it removes a moment later; the widget's `aria-busy` says it is loading meanwhile.
 */
export function loadingState(strings: Strings, lines: number, slow: boolean): TemplateResult {
  return html`<div class="state" role="status" aria-live="polite" data-state="loading">${slow ? [html`<span class="visually-hidden">${strings.loading}</span>`, Array.from({length: lines}, (_, i) => html`<span class="skeleton ${i % 2 ? 'narrow' : 'wide'}" aria-hidden="true"></span>`)] : nothing}</div>`;
}

/** A calm message, for empty states and for what cannot be shown (`kind` becomes `data-state`). */
export function messageState(message: string, kind = 'empty'): TemplateResult {
  return html`<div class="state" role="status" data-state=${kind}>${message}</div>`;
}

/**
 * The state for a failed load: not found and no access are said plainly, and what the backend does
 * not offer is "not available" (retrying will not help any of them); anything else offers to try again.
 */
export function loadErrorState(
  error: unknown,
  strings: Strings,
  retry: () => void,
): TemplateResult {
  if (isRapportError(error, 'not_found')) return messageState(strings.notFound, 'not-found');
  if (isRapportError(error, 'forbidden') || isRapportError(error, 'unauthorized'))
    return messageState(strings.forbidden, 'forbidden');
  if (isRapportError(error, 'unsupported')) return messageState(strings.unavailable, 'unavailable');
  const detail = isRapportError(error) ? strings.errors[error.code] : undefined;
  return html`<div class="state" role="alert" data-kind="error" data-state="error"><span>${strings.loadFailed}${detail ? ` ${detail}` : ''}</span><button type="button" class="secondary" part="retry" @click=${retry}>${strings.retry}</button></div>`;
}

/**
 * The state for a customization document the widget cannot use. The visitor reads a short neutral
 * message; the problems are for the developer, in the console (once per document, see
 * customization.ts) and in the `rapport-error` event.
 */
export function customizationState(strings: Strings): TemplateResult {
  return messageState(strings.unavailable, 'invalid-customization');
}

/**
 * The state of a widget without a client. The visitor reads a short neutral message; how to give it
 * one goes to the console and to `rapport-error`, once per element (see widget.ts).
 */
export function noClientState(strings: Strings): TemplateResult {
  return messageState(strings.unavailable, 'no-client');
}
