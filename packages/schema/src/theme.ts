import type {ThemeTokens} from './document.js';

/**
 * The CSS custom property each design token of a document sets on the widgets. A token's value in the
 * document's `theme.dark` sets the same property with a `-dark` suffix.
 */
export const tokenProperties: Readonly<Record<keyof ThemeTokens, string>> = {
  accent: '--rapport-color-accent',
  accentText: '--rapport-color-accent-text',
  text: '--rapport-color-text',
  muted: '--rapport-color-muted',
  surface: '--rapport-color-surface',
  border: '--rapport-color-border',
  danger: '--rapport-color-danger',
  success: '--rapport-color-success',
  radius: '--rapport-radius',
  spacing: '--rapport-spacing',
  font: '--rapport-font',
  fontSize: '--rapport-font-size',
};

/** What a token holds: a colour, a length or a list of font families. */
export type TokenKind = 'color' | 'length' | 'font';

/** The kind of value each design token holds. */
export const tokenKinds: Readonly<Record<keyof ThemeTokens, TokenKind>> = {
  accent: 'color',
  accentText: 'color',
  text: 'color',
  muted: 'color',
  surface: 'color',
  border: 'color',
  danger: 'color',
  success: 'color',
  radius: 'length',
  spacing: 'length',
  font: 'font',
  fontSize: 'length',
};

// The grammar of token values, one regular expression per kind (Unicode mode, as Ajv compiles the
// schema's patterns). It is a list of what is allowed, not of what is refused: no function can fetch
// (url(), image-set(), src()...) because the only functions are colour and calc() functions whose
// insides are numbers, units and punctuation, and no backslash, so no escape can spell another name.
// src/document.ts repeats these patterns in its @pattern tags, for the JSON Schema; a test keeps the
// two identical. Each is unambiguous, so checking one takes time linear in its length.
/** Colours: #rgb, #rgba, #rrggbb, #rrggbbaa; a name; rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch(). */
export const COLOR_PATTERN =
  '^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[A-Za-z]{1,40}|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\((?:[0-9 .,%/+-]|deg|g?rad|turn|none){1,100}\\))$';
/** Lengths: 0, a number with a unit, or calc() of those. */
export const LENGTH_PATTERN =
  '^(?:0|[+-]?(?:[0-9]{1,10}(?:\\.[0-9]{1,10})?|\\.[0-9]{1,10})(?:px|r?em|ex|ch|%|v(?:h|w|min|max)|pt)|calc\\((?:[0-9 .+/*-]|px|r?em|ex|ch|%|v(?:h|w|min|max)|pt){1,100}\\))$';
// A family name: words of letters, digits, "_" and "-" separated by one space, or a quoted name.
const FONT_NAME =
  '(?:-?[\\p{L}_][\\p{L}\\p{N}_-]*(?: [\\p{L}\\p{N}_-]+)*|"[^"\'\\\\;{}<>()\\p{Cc}]{1,100}"|\'[^"\'\\\\;{}<>()\\p{Cc}]{1,100}\')';
/** Font families: names separated by commas, such as `"Segoe UI", Georgia, serif`. */
export const FONT_PATTERN = `^${FONT_NAME}(?: *, *${FONT_NAME})*$`;

const patterns: Readonly<Record<TokenKind, string>> = {
  color: COLOR_PATTERN,
  length: LENGTH_PATTERN,
  font: FONT_PATTERN,
};
// Compiled on first use: a page whose document sets no token does not pay for Unicode-mode patterns
// at start-up (about a millisecond for the three).
const grammar: Partial<Record<TokenKind, RegExp>> = {};

/**
 * Whether `value` may be set as design token `token`: the token is one of {@link tokenProperties}
 * (own keys only, so `constructor` is not a token) and the value follows its kind's grammar (a
 * colour, a length, or a list of font families). The one check both
 * `validateCustomization` (through the JSON Schema) and the widgets (before they set a property)
 * make, so a token can never make the browser fetch anything, even from a document that skipped
 * validation.
 */
export function isSafeTokenValue(token: string, value: unknown): boolean {
  if (!Object.hasOwn(tokenKinds, token) || typeof value !== 'string') return false;
  const kind = tokenKinds[token as keyof ThemeTokens];
  return (grammar[kind] ??= new RegExp(patterns[kind], 'u')).test(value);
}
