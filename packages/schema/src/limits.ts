/** The longest value, in characters, a pattern is run on. */
export const PATTERN_MAX_INPUT = 1000;

/** The longest pattern, in characters, checked and run: checking takes time that grows with its length. */
export const PATTERN_MAX_LENGTH = 500;

/** How deep layouts may nest: a widget's root layout element is level 1. */
export const MAX_LAYOUT_DEPTH = 32;

/** How deep a document's JSON may nest: the document itself is level 1. */
export const MAX_JSON_DEPTH = 100;

/**
 * The limits a customization document is held to, so that no document, however written, can make
 * validation, resolution or a widget run out of stack or time:
 *
 * - `jsonDepth`: objects and lists nest at most 100 levels (problem `too-deep`);
 * - `layoutDepth`: layout elements nest at most 32 levels (problem `too-deep`; `resolveLayout` and
 *   `documentForRole` leave out anything deeper);
 * - `patternLength`: a `validation.pattern` has at most 500 characters (problem `unsafe-pattern`, as
 *   for a pattern that could backtrack catastrophically);
 * - `patternInput`: a pattern is run on values of at most 1,000 characters; a longer value gets the
 *   "at most 1000 characters" message.
 */
export const customizationLimits = {
  jsonDepth: MAX_JSON_DEPTH,
  layoutDepth: MAX_LAYOUT_DEPTH,
  patternLength: PATTERN_MAX_LENGTH,
  patternInput: PATTERN_MAX_INPUT,
} as const;
