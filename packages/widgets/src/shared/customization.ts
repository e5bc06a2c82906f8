import {checkCustomization} from '#mode';
import {RapportError} from '@rapport/core';
import {warnOnce} from './states.js';
import {
  extendDefault,
  isSafeTokenValue,
  tokenProperties,
  type CustomizationDocument,
  type Theme,
  type ThemeTokens,
} from '@rapport/schema';

/** A customization document after validation: usable, or why not (`error.fields`: a message per pointer). */
export type CustomizationState =
  | {readonly ok: true; readonly document: CustomizationDocument}
  | {readonly ok: false; readonly error: RapportError};

const byObject = new WeakMap<object, CustomizationState>();
const byText = new Map<string, CustomizationState>();

/**
 * Checks a document once per object (or text) however many widgets use it: fully in the development
 * build, roughly in the production build (see shared/mode/). `undefined` when there is none to check.
 * A document that cannot be used is said once in the console, for the developer; the widgets show the
 * visitor a neutral message and fire `rapport-error`.
 */
export function resolveCustomization(
  customization: CustomizationDocument | string | undefined | null,
): CustomizationState | undefined {
  if (customization === undefined || customization === null || customization === '')
    return undefined;
  const cached =
    typeof customization === 'string' ? byText.get(customization) : byObject.get(customization);
  if (cached) return cached;
  const result = checkCustomization(customization);
  let state: CustomizationState;
  if (result.ok) state = result;
  else {
    warnOnce(result.message);
    state = {
      ok: false,
      error: new RapportError('invalid_input', result.message, {
        fields: Object.fromEntries(result.problems.map((p) => [p.pointer, p.message])),
      }),
    };
  }
  if (typeof customization === 'string') {
    if (byText.size > 20) byText.clear();
    byText.set(customization, state);
  } else {
    byObject.set(customization, state);
  }
  return state;
}

const builtInStates = new WeakMap<CustomizationDocument, CustomizationState>();
const extended = new WeakMap<
  CustomizationDocument,
  WeakMap<CustomizationDocument, CustomizationState>
>();

/**
 * The document a widget follows: the checked one (see {@link resolveCustomization}), with the parts it
 * leaves out taken from the widget's built-in document (`extendDefault`), or the built-in document
 * alone when there is none. Each widget carries only its own built-in part (`defaultCustomerCard`...),
 * so a page with one widget does not load the others' fields. The same object for the same inputs.
 */
export function customizationFor(
  checked: CustomizationState | undefined,
  builtIn: CustomizationDocument,
): CustomizationState {
  if (!checked) {
    let state = builtInStates.get(builtIn);
    if (!state) builtInStates.set(builtIn, (state = {ok: true, document: builtIn}));
    return state;
  }
  if (!checked.ok) return checked;
  let byBuiltIn = extended.get(checked.document);
  if (!byBuiltIn) extended.set(checked.document, (byBuiltIn = new WeakMap()));
  let state = byBuiltIn.get(builtIn);
  if (!state) {
    const document = extendDefault(checked.document, builtIn);
    state = document === checked.document ? checked : {ok: true, document};
    byBuiltIn.set(builtIn, state);
  }
  return state;
}

const failures = new WeakMap<CustomizationDocument, Map<string, CustomizationState>>();

/**
 * The state of a document that the widget `tag` could not lay out or render (`error`, from
 * `resolveLayout` or the widget's template), remembered so the widget does not try again; without
 * `error`, only looks it up. Only a document that skipped validation gets here (the production build
 * checks roughly). Said once in the console.
 */
export function layoutFailure(
  document: CustomizationDocument,
  tag: string,
  error?: unknown,
): CustomizationState | undefined {
  let byTag = failures.get(document);
  const known = byTag?.get(tag);
  if (known || error === undefined) return known;
  const message = `<${tag}> cannot show its customization document (${error instanceof Error ? error.message : String(error)}). Run "npx rapport validate" on it to see every problem.`;
  warnOnce(message);
  const state: CustomizationState = {
    ok: false,
    error: new RapportError('invalid_input', message, {cause: error}),
  };
  if (!byTag) failures.set(document, (byTag = new Map()));
  byTag.set(tag, state);
  return state;
}

/**
 * Sets a document's tokens as custom properties on `element` (dark ones with a `-dark` suffix, which the
 * styles use in the dark scheme), and removes tokens a previous document set. Through the CSSOM, so it
 * works under a Content Security Policy without 'unsafe-inline'.
 *
 * Only a known token whose value passes the grammar validation checks (`isSafeTokenValue`, which
 * also refuses a name that is not a token) is set: a document changed after it was validated, or that reached the
 * widget some other way, still cannot make the browser fetch anything through a token.
 */
export function applyTheme(
  element: HTMLElement,
  theme: Theme | undefined,
  previous: ReadonlySet<string>,
): Set<string> {
  const next = new Map<string, string>();
  const add = (tokens: ThemeTokens | undefined, suffix: string): void => {
    if (tokens === null || typeof tokens !== 'object') return;
    for (const [token, value] of Object.entries(tokens)) {
      // Only a token of the document format (an own key) with a value of its grammar.
      if (!isSafeTokenValue(token, value)) continue;
      next.set(`${tokenProperties[token as keyof ThemeTokens]}${suffix}`, value as string);
    }
  };
  add(theme?.tokens, '');
  add(theme?.dark, '-dark');
  for (const property of previous) if (!next.has(property)) element.style.removeProperty(property);
  for (const [property, value] of next) element.style.setProperty(property, value);
  return new Set(next.keys());
}
