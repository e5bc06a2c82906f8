import {MAX_JSON_DEPTH} from './limits.js';

/** A place in a text, both counted from 1 (columns in UTF-16 code units, as editors count them). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** JSON text that could not be read. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    readonly position: TextPosition,
    /** `too-deep` when the text is well formed but nests deeper than {@link MAX_JSON_DEPTH}. */
    readonly code: 'json-syntax' | 'too-deep' = 'json-syntax',
  ) {
    super(`${reason} (line ${position.line}, column ${position.column})`);
  }
}

/** Parsed JSON with the position of every value, by JSON pointer, and any keys written twice. */
export interface ParsedJson {
  readonly value: unknown;
  /** Where each value starts; for an object member, where its key starts. */
  readonly positions: ReadonlyMap<string, TextPosition>;
  /** Pointers of members whose key appeared earlier in the same object (the later one wins, as in JSON.parse). */
  readonly duplicateKeys: readonly string[];
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Reads JSON text like `JSON.parse`, but remembers where each value is, so problems can be shown at
 * their line and column, and reports keys written twice, which `JSON.parse` silently drops. Objects
 * and lists may nest {@link MAX_JSON_DEPTH} levels, so no text can exhaust the stack.
 *
 * @throws JsonSyntaxError with the line and column of the first mistake, or of the first value nested
 * too deep (code `too-deep`).
 */
export function parseJson(text: string): ParsedJson {
  const positions = new Map<string, TextPosition>();
  const duplicateKeys: string[] = [];
  let i = 0;
  let depth = 0;
  let line = 1;
  let lineStart = 0;

  const here = (): TextPosition => ({line, column: i - lineStart + 1});
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, here());
  };
  const describe = (): string => (i >= text.length ? 'the end of the text' : `"${text[i]}"`);
  const skipSpace = (): void => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = ++i;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
        fail('JSON does not allow comments');
      else return;
    }
  };

  const value = (pointer: string, memberPosition?: TextPosition): unknown => {
    skipSpace();
    positions.set(pointer, memberPosition ?? here());
    const c = text[i];
    if (c === '{' || c === '[') {
      if (++depth > MAX_JSON_DEPTH)
        throw new JsonSyntaxError(
          `The document nests objects and lists more than ${MAX_JSON_DEPTH} levels deep`,
          here(),
          'too-deep',
        );
      const result = c === '{' ? object(pointer) : array(pointer);
      depth--;
      return result;
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return result;
      }
    }
    if (c === "'") fail('Use double quotes for JSON strings');
    return fail(`Expected a value but found ${describe()}`);
  };

  const object = (pointer: string): Record<string, unknown> => {
    i++;
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipSpace();
    if (text[i] === '}') {
      i++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"')
        fail(
          text[i] === '}'
            ? 'Remove the comma before "}"'
            : `Expected a property name in double quotes but found ${describe()}`,
        );
      const keyAt = here();
      const key = string();
      skipSpace();
      if (text[i] !== ':')
        fail(`Expected ":" after the property name "${key}" but found ${describe()}`);
      i++;
      const member = `${pointer}/${pointerSegment(key)}`;
      if (seen.has(key)) duplicateKeys.push(member);
      seen.add(key);
      // defineProperty, not assignment: a key such as "__proto__" must stay plain data.
      Object.defineProperty(result, key, {
        value: value(member, keyAt),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return result;
      }
      fail(`Expected "," or "}" after the value of "${key}" but found ${describe()}`);
    }
  };

  const array = (pointer: string): unknown[] => {
    i++;
    const result: unknown[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('Remove the comma before "]"');
      result.push(value(`${pointer}/${result.length}`));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return result;
      }
      fail(`Expected "," or "]" in the list but found ${describe()}`);
    }
  };

  const string = (): string => {
    const start = here();
    i++;
    let result = '';
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n')
        throw new JsonSyntaxError('This string is not closed with a double quote', start);
      if (c === '"') {
        i++;
        return result;
      }
      if (c < ' ') fail('Control characters must be escaped in JSON strings');
      if (c !== '\\') {
        result += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        result += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        result += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        fail(`"\\${e ?? ''}" is not a JSON escape`);
      }
    }
  };

  const number = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail(`Expected a number but found ${describe()}`);
    i += match[0].length;
    return Number(match[0]);
  };

  const result = value('');
  skipSpace();
  if (i < text.length) fail(`Unexpected ${describe()} after the end of the document`);
  return {value: result, positions, duplicateKeys};
}
