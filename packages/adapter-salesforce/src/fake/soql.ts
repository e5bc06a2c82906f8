// The SOQL the fake understands: SELECT fields FROM Object [WHERE a AND b] [ORDER BY f DESC, …]
// [LIMIT n] [OFFSET m], where each condition is `Field = 'v'`, `Field = true`, `Field < v` or `>` (a
// string or an unquoted dateTime literal, `2026-01-01T00:00:00Z`), `Field IN ('a', …)`,
// `Field IN (SELECT Id FROM Object WHERE …)`, or a parenthesised group of them joined by AND and OR.
// Enough for what the adapter sends; anything else is MALFORMED_QUERY, as Salesforce would answer
// something it cannot parse.

type Token = {kind: 'word' | 'string' | 'punct'; text: string};

/** A parsed query. */
export interface Soql {
  readonly fields: readonly string[];
  readonly from: string;
  readonly where: readonly Condition[];
  readonly orderBy: readonly {field: string; desc: boolean}[];
  readonly limit?: number;
  readonly offset?: number;
}
type Condition =
  | {op: '='; field: string; value: string | boolean | null}
  | {op: '<' | '>'; field: string; value: string; date: boolean}
  | {op: 'and' | 'or'; conditions: readonly Condition[]}
  | {op: 'in'; field: string; values: readonly string[]}
  | {op: 'in-select'; field: string; query: Soql};

/** Thrown for a query the fake cannot read. */
export class SoqlError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') i++;
        value += text[i++] ?? '';
      }
      if (text[i] !== "'") throw new SoqlError('unterminated string');
      i++;
      tokens.push({kind: 'string', text: value});
    } else if ('(),=<>'.includes(c)) {
      tokens.push({kind: 'punct', text: c});
      i++;
    } else {
      const match = /^[A-Za-z0-9_.:+-]+/.exec(text.slice(i));
      if (!match) throw new SoqlError(`unexpected "${c}"`);
      tokens.push({kind: 'word', text: match[0]});
      i += match[0].length;
    }
  }
  return tokens;
}

/** Parses a query. @throws SoqlError */
export function parseSoql(text: string): Soql {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const keyword = (word: string) => peek()?.kind === 'word' && peek()!.text.toUpperCase() === word;
  const expect = (word: string) => {
    if (!keyword(word) && peek()?.text !== word) throw new SoqlError(`expected ${word}`);
    at++;
  };
  const word = (): string => {
    const token = tokens[at++];
    if (token?.kind !== 'word') throw new SoqlError('expected a name');
    return token.text;
  };
  /** One condition: a comparison, an IN, or a parenthesised group. */
  const condition = (): Condition => {
    if (peek()?.text === '(') {
      at++;
      const any: Condition[] = [{op: 'and', conditions: conjunction()}];
      while (keyword('OR')) {
        at++;
        any.push({op: 'and', conditions: conjunction()});
      }
      expect(')');
      return {op: 'or', conditions: any};
    }
    const field = word();
    const op = peek()?.text;
    if (op === '=') {
      at++;
      const token = tokens[at++];
      if (!token) throw new SoqlError('expected a value');
      const value =
        token.kind === 'string'
          ? token.text
          : token.text.toLowerCase() === 'true'
            ? true
            : token.text.toLowerCase() === 'false'
              ? false
              : /^\d{4}-\d\d-\d\dT/.test(token.text)
                ? token.text
                : null;
      return {op: '=', field, value};
    }
    if (op === '<' || op === '>') {
      at++;
      const token = tokens[at++];
      if (!token) throw new SoqlError('expected a value');
      const date = token.kind === 'word' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(token.text);
      if (token.kind !== 'string' && !date) throw new SoqlError('expected a string or a dateTime');
      return {op, field, value: token.text, date};
    }
    expect('IN');
    expect('(');
    let found: Condition;
    if (keyword('SELECT')) {
      found = {op: 'in-select', field, query: query()};
    } else {
      const values: string[] = [];
      do {
        if (peek()?.text === ',') at++;
        const token = tokens[at++];
        if (token?.kind !== 'string') throw new SoqlError('expected a string');
        values.push(token.text);
      } while (peek()?.text === ',');
      found = {op: 'in', field, values};
    }
    expect(')');
    return found;
  };
  /** Conditions joined by AND. */
  const conjunction = (): Condition[] => {
    const all = [condition()];
    while (keyword('AND')) {
      at++;
      all.push(condition());
    }
    return all;
  };
  const query = (): Soql => {
    expect('SELECT');
    const fields = [word()];
    while (peek()?.text === ',') {
      at++;
      fields.push(word());
    }
    expect('FROM');
    const from = word();
    const where: Condition[] = [];
    if (keyword('WHERE')) {
      at++;
      where.push(...conjunction());
    }
    const orderBy: {field: string; desc: boolean}[] = [];
    if (keyword('ORDER')) {
      at++;
      expect('BY');
      do {
        if (peek()?.text === ',') at++;
        const field = word();
        let desc = false;
        if (keyword('DESC') || keyword('ASC')) desc = tokens[at++]!.text.toUpperCase() === 'DESC';
        orderBy.push({field, desc});
      } while (peek()?.text === ',');
    }
    let limit: number | undefined;
    let offset: number | undefined;
    if (keyword('LIMIT')) {
      at++;
      limit = Number(word());
    }
    if (keyword('OFFSET')) {
      at++;
      offset = Number(word());
    }
    return {
      fields,
      from,
      where,
      orderBy,
      ...(limit !== undefined && {limit}),
      ...(offset !== undefined && {offset}),
    };
  };
  const parsed = query();
  if (at !== tokens.length) throw new SoqlError(`unexpected "${tokens[at]!.text}"`);
  return parsed;
}

/** Runs a parsed query over `table(object)`: filters, sorts, pages. */
export function runSoql(
  q: Soql,
  table: (object: string) => readonly Record<string, unknown>[] | undefined,
): Record<string, unknown>[] {
  const rows = table(q.from);
  if (!rows) throw new SoqlError(`sObject type '${q.from}' is not supported.`);
  const time = (v: unknown) => Date.parse(String(v).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  const holds = (row: Record<string, unknown>, c: Condition): boolean => {
    if ('conditions' in c)
      return c.op === 'and'
        ? c.conditions.every((d) => holds(row, d))
        : c.conditions.some((d) => holds(row, d));
    {
      const field = c.field;
      const value = row[field];
      if (c.op === '<' || c.op === '>') {
        if (value === null || value === undefined) return false;
        const order = c.date
          ? time(value) - time(c.value)
          : String(value) < c.value
            ? -1
            : String(value) > c.value
              ? 1
              : 0;
        return c.op === '<' ? order < 0 : order > 0;
      }
      if (c.op === '=' && typeof c.value === 'string' && /^\d{4}-\d\d-\d\dT/.test(c.value))
        return value !== null && value !== undefined && time(value) === time(c.value);
      // Salesforce takes a 15-character id wherever an 18-character one is stored.
      const same = (v: unknown) =>
        v === value ||
        (field.endsWith('Id') &&
          typeof v === 'string' &&
          v.length === 15 &&
          String(value).slice(0, 15) === v);
      // SOQL's `=` on text ignores case, as Salesforce's does.
      if (c.op === '=')
        return (
          same(c.value ?? null) ||
          (value ?? null) === c.value ||
          (typeof value === 'string' &&
            typeof c.value === 'string' &&
            value.toLowerCase() === c.value.toLowerCase())
        );
      if (c.op === 'in') return c.values.some(same);
      if (c.op !== 'in-select') return false;
      const ids = runSoql(c.query, table).map((r) => r.Id);
      return ids.includes(value);
    }
  };
  const matches = (row: Record<string, unknown>) => q.where.every((c) => holds(row, c));
  const sorted = rows.filter(matches).sort((a, b) => {
    for (const {field, desc} of q.orderBy) {
      const x = String(a[field] ?? '');
      const y = String(b[field] ?? '');
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return 0;
  });
  const offset = q.offset ?? 0;
  return sorted.slice(offset, q.limit === undefined ? undefined : offset + q.limit);
}
