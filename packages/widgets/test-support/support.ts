// Shared helpers of the widget tests (not shipped).
import {
  memoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
} from '@rapport/adapter-memory';
import {
  createClient,
  type ClientOptions,
  type RapportClient,
  type RequestEvent,
} from '@rapport/core';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';

export const asOf = new Date('2026-11-01T00:00:00Z');

/** A client over a small memory backend, recording every request. */
export function demoClient(
  options: MemoryAdapterOptions = {},
  client: ClientOptions = {},
): {
  client: RapportClient;
  adapter: MemoryAdapter;
  requests: RequestEvent[];
} {
  // The backend's clock starts on the data's day, so what the tests see does not depend on today.
  const started = Date.now();
  const adapter = memoryAdapter({
    asOf,
    size: 30,
    now: () => asOf.getTime() + (Date.now() - started),
    ...options,
  });
  const requests: RequestEvent[] = [];
  return {
    adapter,
    requests,
    client: createClient(adapter, {
      retry: {attempts: 2, baseDelayMs: 1},
      ...client,
      hooks: {onRequest: (e) => requests.push(e)},
    }),
  };
}

/** Waits until `predicate` holds (checked each animation frame), or fails after `timeout` ms. */
export async function until(
  predicate: () => unknown,
  what = 'condition',
  timeout = 4000,
): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Elements inside an element's shadow root. */
export function inside<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

export function allInside<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The Big List of Naughty Strings (MIT, see test-fixtures/blns/LICENSE). */
export async function naughtyStrings(): Promise<string[]> {
  const response = await fetch(new URL('../test-fixtures/blns/blns.json', import.meta.url));
  return (await response.json()) as string[];
}

/** An element's text as a person reads it: runs of white space as one space, trimmed. */
export function text(element: Node | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Records what widgets write with `console.warn` (the developer's messages) until `restore()`; the
 * messages still reach the real console afterwards only if the test prints them.
 */
export function captureWarnings(): {messages: string[]; restore: () => void} {
  const messages: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return {messages, restore: () => (console.warn = warn)};
}

/**
 * The built-in document with one mistake a person makes (the e-mail field's type spelt "emial"):
 * validation reports it at /fields/email/type.
 */
export function misspeltDocument(): CustomizationDocument {
  return {
    ...defaultCustomization,
    fields: {
      ...defaultCustomization.fields,
      email: {...defaultCustomization.fields.email!, type: 'emial' as never},
    },
  };
}

/**
 * Types `values` into a complaint form's fields by field id, as a person would (an `input` event, or
 * `change` for a select).
 */
export function fill(form: Element, values: Readonly<Record<string, string>>): void {
  for (const [id, value] of Object.entries(values)) {
    const input = inside<HTMLInputElement>(form, `#f-${id}`);
    if (!input) throw new Error(`fill: the form has no field #f-${id}`);
    input.value = value;
    input.dispatchEvent(
      new Event(input.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true, composed: true}),
    );
  }
}
