import {pointerSegment as escape} from './json-text.js';
import {schemaIndex} from './generated/standalone-validator.js';
import {tokenKinds, type TokenKind} from './theme.js';
import type {SchemaError, SchemaNode} from './validator-types.js';

/** What kind of problem a document has; stable, for tools that react to problems. */
export const problemCodes = [
  'json-syntax',
  'duplicate-key',
  'schema-version',
  'unknown-property',
  'missing-property',
  'wrong-type',
  'not-allowed-value',
  'out-of-range',
  'wrong-form',
  'unknown-field',
  'unknown-source',
  'not-in-catalog',
  'wrong-entity',
  'duplicate-control',
  'unknown-role',
  'duplicate-role',
  'invalid-rule',
  'invalid-pattern',
  'unsafe-pattern',
  'too-deep',
  'invalid-range',
  'missing-options',
  'misplaced-options',
] as const;
/** One of {@link problemCodes}. */
export type ProblemCode = (typeof problemCodes)[number];

/** One thing wrong with a customization document. */
export interface Problem {
  /** JSON pointer to the offending place (`/fields/email/label`); `""` is the whole document. */
  readonly pointer: string;
  /** What is wrong, in plain words. */
  readonly message: string;
  readonly code: ProblemCode;
  /** A likely fix, such as the property name that was probably meant. */
  readonly suggestion?: string;
  /** Where in the text, when the document was given as text. */
  readonly line?: number;
  readonly column?: number;
}

/** The closest of `candidates` to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= allowed && best !== word ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      // A swap of two neighbours (lable / label) counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j]!, previous[j - 2]! + 1);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

// Messages for the patterns of the schema, by the property they constrain (the end of the schema path).
const PATTERN_MESSAGES: Record<string, string> = {
  defaultLocale: 'must be a locale tag such as "en" or "zh-CN"',
  id: 'must start with a lowercase letter and use only a-z, 0-9, "_" and "-"',
  source: 'must be a field path such as "email", "name.given" or "customFields.my_field"',
  currency: 'must be a three-letter currency code such as "CNY" or "EUR"',
};
// Messages for theme tokens, by the kind of value the token holds (see src/theme.ts).
const THEME_MESSAGES: Record<TokenKind, string> = {
  color:
    'must be a colour: "#0b7285" (3, 4, 6 or 8 hex digits), a name such as "rebeccapurple", or rgb(), hsl(), hwb(), lab(), lch(), oklab() or oklch() with numbers inside; url() and other functions are not allowed',
  length:
    'must be a length such as "8px", "0.5rem" or "0" (units px, rem, em, ex, ch, %, vh, vw, vmin, vmax, pt), or calc() of lengths',
  font: 'must be font families separated by commas, such as Georgia, serif or "Segoe UI", sans-serif (no backslashes, parentheses, semicolons or braces)',
};

/**
 * The schema node a place in the document belongs to, found by following its pointer through the
 * schema's shape (and, at a layout element, through the element's own `type`). With `union`, stops at
 * a discriminated union instead of choosing its branch.
 */
function nodeAt(pointer: string, data: unknown, union = false): SchemaNode | undefined {
  let id: string | undefined = '#';
  let value = data;
  const branch = (): SchemaNode | undefined => {
    let node = id === undefined ? undefined : schemaIndex[id];
    while (node?.tags) {
      const tag = (value as {type?: unknown} | null)?.type;
      id = typeof tag === 'string' && Object.hasOwn(node.tags, tag) ? node.tags[tag] : undefined;
      node = id === undefined ? undefined : schemaIndex[id];
    }
    return node;
  };
  for (const segment of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const node = branch();
    if (!node) return undefined;
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    id =
      node.props && Object.hasOwn(node.props, key)
        ? node.props[key]
        : node.items !== undefined && /^\d+$/.test(key)
          ? node.items
          : node.values;
    value =
      value !== null && typeof value === 'object' && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return union && id !== undefined ? schemaIndex[id] : branch();
}

/**
 * Turns the standalone validator's errors into problems a person can act on: one per mistake, in
 * plain words, with a suggestion where a typo is likely.
 */
export function schemaProblems(errors: readonly SchemaError[], data: unknown): Problem[] {
  // An anyOf (a text or a set of translations) that fails reports each alternative's complaint too.
  // Keep the deeper, precise ones; otherwise say once what forms are accepted.
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const belongsToAnyOf = (e: SchemaError): SchemaError | undefined =>
    anyOfs.find(
      (a) =>
        a !== e && e.instancePath === a.instancePath && e.schemaPath.startsWith(`${a.schemaPath}/`),
    );
  const problems: Problem[] = [];
  for (const error of errors) {
    if (belongsToAnyOf(error)) continue;
    if (error.keyword === 'anyOf') {
      const deeper = errors.some(
        (e) =>
          e.instancePath.startsWith(`${error.instancePath}/`) &&
          e.schemaPath.startsWith(`${error.schemaPath}/`),
      );
      if (deeper) continue;
      const localized = nodeAt(error.instancePath, data)?.localized === true;
      problems.push({
        pointer: error.instancePath,
        code: 'wrong-type',
        message: localized
          ? 'must be a text, or translations by locale such as {"en": "Email", "zh-CN": "邮箱"}'
          : 'does not have an accepted form',
      });
      continue;
    }
    problems.push(describe(error, data));
  }
  return dedupe(problems);
}

function describe(error: SchemaError, data: unknown): Problem {
  const pointer = error.instancePath;
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = nodeAt(pointer, data)?.keys ?? [];
      const suggestion = closest(property, known);
      return {
        pointer: `${pointer}/${escape(property)}`,
        code: 'unknown-property',
        message:
          `"${property}" is not a property here${didYouMean(suggestion)}` +
          (suggestion ? '' : known.length ? ` (allowed: ${known.join(', ')})` : ''),
        ...(suggestion && {suggestion}),
      };
    }
    case 'required':
      return {
        pointer,
        code: 'missing-property',
        message: `is missing the required property "${String(params.missingProperty)}"`,
      };
    case 'type': {
      const types = ([] as unknown[])
        .concat(params.type)
        .map((t) => (Object.hasOwn(TYPE_NAMES, String(t)) ? TYPE_NAMES[String(t)] : String(t)));
      return {pointer, code: 'wrong-type', message: `must be ${types.join(' or ')}`};
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAt(data, pointer);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        pointer,
        code: 'not-allowed-value',
        message: `must be one of ${allowed.map((v) => `"${v}"`).join(', ')}${didYouMean(suggestion)}`,
        ...(suggestion && {suggestion}),
      };
    }
    case 'discriminator': {
      const tags = Object.keys(nodeAt(pointer, data, true)?.tags ?? {});
      const value = params.tagValue;
      const suggestion = typeof value === 'string' ? closest(value, tags) : undefined;
      return params.error === 'tag' && valueAt(data, `${pointer}/type`) === undefined
        ? {
            pointer,
            code: 'missing-property',
            message: `is missing the required property "type" (one of ${tags.join(', ')})`,
          }
        : {
            pointer: `${pointer}/type`,
            code: 'not-allowed-value',
            message: `must be one of ${tags.map((t) => `"${t}"`).join(', ')}${didYouMean(suggestion)}`,
            ...(suggestion && {suggestion}),
          };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer,
        code: 'out-of-range',
        message: `must be ${error.keyword === 'minimum' ? 'at least' : error.keyword === 'maximum' ? 'at most' : error.keyword === 'exclusiveMinimum' ? 'more than' : 'less than'} ${String(params.limit)}`,
      };
    case 'minItems':
      return {
        pointer,
        code: 'out-of-range',
        message: `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'maxItems':
      return {
        pointer,
        code: 'out-of-range',
        message: `must have at most ${String(params.limit)} items`,
      };
    case 'minLength':
      return {
        pointer,
        code: 'out-of-range',
        message: `must be at least ${String(params.limit)} characters long`,
      };
    case 'maxLength':
      return {
        pointer,
        code: 'out-of-range',
        message: `must be at most ${String(params.limit)} characters long`,
      };
    case 'pattern': {
      const property = pointer.split('/').at(-1) ?? '';
      const token =
        pointer.startsWith('/theme/') && Object.hasOwn(tokenKinds, property)
          ? tokenKinds[property as keyof typeof tokenKinds]
          : undefined;
      return {
        pointer,
        code: 'wrong-form',
        message: token
          ? THEME_MESSAGES[token]
          : Object.hasOwn(PATTERN_MESSAGES, property)
            ? PATTERN_MESSAGES[property]!
            : `must match the pattern ${String(params.pattern)}`,
      };
    }
    case 'const':
      return {
        pointer,
        code: 'not-allowed-value',
        message: `must be "${String(params.allowedValue)}"`,
      };
    default:
      return {pointer, code: 'wrong-form', message: error.message ?? 'is not valid'};
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The value at a JSON pointer, or undefined. Reads own properties only. */
function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
