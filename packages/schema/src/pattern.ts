import {PATTERN_MAX_INPUT, PATTERN_MAX_LENGTH} from './limits.js';

// Which `validation.pattern` rules are safe to run on what people type. JavaScript's regular
// expressions backtrack: a pattern such as (a+)+$ takes exponential time on a value like
// "aaaa…a!", which freezes the form, and the gateway, which checks the same values. The checkers on
// npm either miss cases (safe-regex2 measures only star height, so it passes (a|aa)+ and \1, and it
// refuses the harmless \d+(\.\d+)?), or are far too large or slow to ship in a browser validator
// (redos-detector, recheck, scslre with refa). So this is a small, conservative analysis of our
// own, over a parse of the pattern (which has already compiled in Unicode mode). It counts the ways
// a failing match may try, up to MAX_WAYS (two unbounded repetitions over the longest value), and
// refuses:
//
// | refused                                                     | such as                  | time        |
// | ----------------------------------------------------------- | ------------------------ | ----------- |
// | a back-reference                                            | (a)\1, \k<x>             | exponential |
// | a repeated part that can match one piece of text in several | (a+)+, (a|aa)+, (.|\s)*, | exponential |
// |   ways, to the power of its repetitions, over MAX_WAYS      | (a?){30}, (\d+\.)+       |             |
// | repetitions that can share a piece of text, side by side,   | .*a.*a.*, \d+\d+\d+      | polynomial  |
// |   their ways multiplied over MAX_WAYS                       |                          |             |
// | a pattern longer than PATTERN_MAX_LENGTH                    |                          |             |
//
// So (\d{1,3}\.){3} (27 ways) and \d+-\d+-\d+ (the "-" ends each run) are fine. It over-counts
// (\p{…}, "." and case-insensitive groups count as any character), so it refuses some patterns that
// are in fact fast; the message says how to rewrite them. Values longer than PATTERN_MAX_INPUT are
// not run through a pattern at all (see values.ts), which bounds what is left.

// Most ways a value may be split among repetitions: two unbounded ones over a value of the longest length.
const MAX_WAYS = (PATTERN_MAX_INPUT + 1) ** 2;

/** Code point ranges, sorted, disjoint, inclusive. */
type Ranges = readonly (readonly [number, number])[];

type Node =
  | {readonly kind: 'atom'; readonly set: Ranges}
  | {readonly kind: 'assertion'}
  | {readonly kind: 'backreference'}
  | {readonly kind: 'group'; readonly branches: readonly Node[][]; readonly lookaround: boolean}
  | {readonly kind: 'quantifier'; readonly body: Node; readonly min: number; readonly max: number};

const MAX_CODE_POINT = 0x10ffff;
const ANY: Ranges = [[0, MAX_CODE_POINT]];
const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function union(...sets: Ranges[]): Ranges {
  const all = sets.flat().sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of union(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const overlap = (a: Ranges, b: Ranges): boolean =>
  a.some(([lo, hi]) => b.some(([blo, bhi]) => lo <= bhi && blo <= hi));
const intersect = (a: Ranges, b: Ranges): Ranges =>
  a.flatMap(([lo, hi]) =>
    b
      .filter(([blo, bhi]) => lo <= bhi && blo <= hi)
      .map(([blo, bhi]) => [Math.max(lo, blo), Math.min(hi, bhi)] as const),
  );
/** Whether every character of `inner` is in `outer`. */
const covers = (outer: Ranges, inner: Ranges): boolean =>
  inner.every(([lo, hi]) => union(outer).some(([olo, ohi]) => olo <= lo && hi <= ohi));

/** Thrown when the parser meets something it does not know; the pattern is then refused. */
class Unreadable extends Error {}

/** Parses a pattern that compiles in Unicode mode into the few shapes the analysis needs. */
function parse(pattern: string): Node[][] {
  const chars = Array.from(pattern);
  let i = 0;
  const peek = (offset = 0): string | undefined => chars[i + offset];
  const take = (): string => {
    const c = chars[i++];
    if (c === undefined) throw new Unreadable();
    return c;
  };
  const code = (c: string): number => c.codePointAt(0)!;
  const readUntil = (end: string): string => {
    let text = '';
    while (peek() !== end) text += take();
    i++;
    return text;
  };
  const hex = (digits: string): number => {
    if (!/^[0-9a-fA-F]+$/.test(digits)) throw new Unreadable();
    return parseInt(digits, 16);
  };

  // After a backslash: a set of characters, or one character. Outside classes, \b, \B and
  // back-references are handled by the caller.
  const escape = (inClass: boolean): Ranges => {
    const c = take();
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'p':
      case 'P':
        if (take() !== '{') throw new Unreadable();
        readUntil('}');
        return ANY;
      case 't':
        return [[9, 9]];
      case 'n':
        return [[10, 10]];
      case 'v':
        return [[11, 11]];
      case 'f':
        return [[12, 12]];
      case 'r':
        return [[13, 13]];
      case 'b':
        if (!inClass) throw new Unreadable();
        return [[8, 8]];
      case '0':
        return [[0, 0]];
      case 'c': {
        const letter = code(take());
        return [[letter % 32, letter % 32]];
      }
      case 'x': {
        const value = hex(take() + take());
        return [[value, value]];
      }
      case 'u': {
        let value: number;
        if (peek() === '{') {
          i++;
          value = hex(readUntil('}'));
        } else {
          value = hex(take() + take() + take() + take());
          // In Unicode mode an escaped surrogate pair is one character.
          if (value >= 0xd800 && value <= 0xdbff && peek() === '\\' && peek(1) === 'u') {
            const low = parseInt(chars.slice(i + 2, i + 6).join(''), 16);
            if (low >= 0xdc00 && low <= 0xdfff) {
              i += 6;
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
            }
          }
        }
        return [[value, value]];
      }
      default:
        if (/[0-9]/.test(c)) throw new Unreadable();
        return [[code(c), code(c)]];
    }
  };

  const characterClass = (): Ranges => {
    const negated = peek() === '^';
    if (negated) i++;
    const parts: Ranges[] = [];
    const single = (): Ranges => {
      const c = take();
      return c === '\\' ? escape(true) : [[code(c), code(c)]];
    };
    while (peek() !== ']') {
      const from = single();
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== undefined) {
        i++;
        const to = single();
        if (from.length !== 1 || to.length !== 1 || from[0]![0] !== from[0]![1])
          throw new Unreadable();
        parts.push([[from[0]![0], to[0]![1]]]);
      } else {
        parts.push(from);
      }
    }
    i++;
    const set = union(...parts);
    return negated ? complement(set) : set;
  };

  const alternatives = (anyCase: boolean): Node[][] => {
    const branches: Node[][] = [[]];
    for (;;) {
      const c = peek();
      if (c === undefined || c === ')') return branches;
      if (c === '|') {
        i++;
        branches.push([]);
        continue;
      }
      const atom = term(anyCase);
      const quantified = quantifier(atom);
      branches.at(-1)!.push(quantified);
    }
  };

  const term = (anyCase: boolean): Node => {
    const c = take();
    const atom = (set: Ranges): Node => ({kind: 'atom', set: anyCase ? ANY : set});
    switch (c) {
      case '^':
      case '$':
        return {kind: 'assertion'};
      case '.':
        return atom(ANY);
      case '[':
        return atom(characterClass());
      case '(': {
        let lookaround = false;
        let caseless = anyCase;
        if (peek() === '?') {
          i++;
          const kind = take();
          if (kind === '=' || kind === '!') lookaround = true;
          else if (kind === '<' && (peek() === '=' || peek() === '!')) {
            i++;
            lookaround = true;
          } else if (kind === '<') readUntil('>');
          else if (kind !== ':') {
            // Modifiers, such as (?i:…) or (?-i:…).
            i--;
            const flags = readUntil(':');
            if (!/^[ims]*(-[ims]*)?$/.test(flags)) throw new Unreadable();
            if (flags.split('-')[0]!.includes('i')) caseless = true;
          }
        }
        const branches = alternatives(caseless);
        if (take() !== ')') throw new Unreadable();
        return {kind: 'group', branches, lookaround};
      }
      case '\\': {
        const next = peek();
        if (next === 'b' || next === 'B') {
          i++;
          return {kind: 'assertion'};
        }
        if (next === 'k' || (next !== undefined && /[1-9]/.test(next))) {
          i++;
          if (next === 'k') {
            if (take() !== '<') throw new Unreadable();
            readUntil('>');
          } else while (/[0-9]/.test(peek() ?? '')) i++;
          return {kind: 'backreference'};
        }
        return atom(escape(false));
      }
      default:
        if ('*+?{})]|'.includes(c)) throw new Unreadable();
        return atom([[code(c), code(c)]]);
    }
  };

  const quantifier = (body: Node): Node => {
    let min: number;
    let max: number;
    const c = peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i, i + 40).join(''));
      if (!match) throw new Unreadable();
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      i += match[0].length - 1;
    } else return body;
    i++;
    if (peek() === '?') i++; // lazy: the same ways to match, tried in another order
    return {kind: 'quantifier', body, min, max};
  };

  const branches = alternatives(false);
  if (i !== chars.length) throw new Unreadable();
  return branches;
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'atom':
      return false;
    case 'group':
      return node.lookaround || node.branches.some((b) => b.every(nullable));
    case 'quantifier':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** The characters a node's match can start with. */
function first(node: Node): Ranges {
  switch (node.kind) {
    case 'atom':
      return node.set;
    case 'backreference':
      return ANY;
    case 'group':
      return node.lookaround ? [] : union(...node.branches.map(firstOfSequence));
    case 'quantifier':
      return first(node.body);
    default:
      return [];
  }
}

function firstOfSequence(nodes: readonly Node[]): Ranges {
  const sets: Ranges[] = [];
  for (const node of nodes) {
    sets.push(first(node));
    if (!nullable(node)) break;
  }
  return union(...sets);
}

/** Every character a node's match can contain. */
function charsOf(node: Node): Ranges {
  switch (node.kind) {
    case 'atom':
      return node.set;
    case 'group':
      return node.lookaround ? [] : union(...node.branches.flat().map(charsOf));
    case 'quantifier':
      return charsOf(node.body);
    default:
      return [];
  }
}

const REASONS = {
  backreference:
    'uses a back-reference (\\1 or \\k<name>), which can take exponential time to check; remove it',
  nested:
    'repeats a part that itself repeats a variable number of times, such as (a+)+ or (\\d+\\.)*, which can take exponential time on some values; repeat one character or class instead, such as [a-z0-9.-]+',
  alternatives:
    'repeats a choice whose alternatives can start with the same character or be empty, such as (a|ab)+ or (.|\\s)*, which can take exponential time on some values; use a character class such as [a-z]+, or alternatives that start differently',
  polynomial:
    'has repetitions that can match the same characters one after another, such as .*a.*a.* or \\d+\\d+\\d+, which can take a very long time on long values; separate them with characters they cannot match, or give them small bounds such as {1,10}',
  unreadable: 'could not be checked for safety; simplify it',
  long: `is longer than ${PATTERN_MAX_LENGTH} characters, too long to check for safety; simplify it`,
} as const;
type Reason = keyof typeof REASONS;

// Counts are kept as logarithms: a nested repetition has more ways than a number can hold.
const LOG_MAX_WAYS = Math.log(MAX_WAYS);

/** How many lengths a repetition can take, up to the longest value. */
const span = (min: number, max: number): number =>
  min < max ? Math.min(max, PATTERN_MAX_INPUT) - Math.min(min, PATTERN_MAX_INPUT) + 1 : 1;

/** Whether a choice can match in more than one way from the same place: alternatives that start alike, or an empty one. */
function ambiguous(branches: readonly Node[][]): boolean {
  if (branches.length < 2) return false;
  const starts = branches.map(firstOfSequence);
  return (
    branches.some((b) => b.every(nullable)) ||
    starts.some((a, i) => starts.some((b, j) => j > i && overlap(a, b)))
  );
}

/**
 * The ways (as logarithms) a part can match one piece of text, from its variable repetitions and its
 * ambiguous choices; each kind apart, to say which one is the trouble.
 */
function ambiguity(nodes: readonly Node[]): {readonly repeats: number; readonly choices: number} {
  let repeats = 0;
  let choices = 0;
  for (const node of nodes) {
    if (node.kind === 'group') {
      if (ambiguous(node.branches)) choices += Math.log(node.branches.length);
      for (const branch of node.branches) {
        const inner = ambiguity(branch);
        repeats += inner.repeats;
        choices += inner.choices;
      }
    } else if (node.kind === 'quantifier') {
      const inner = ambiguity([node.body]);
      const times = Math.min(node.max, PATTERN_MAX_INPUT);
      repeats += Math.log(span(node.min, node.max)) + inner.repeats * times;
      choices += inner.choices * times;
    }
  }
  return {repeats, choices};
}

// Exponential shapes: back-references, and a repeated part with many ways to match each time.
function exponential(nodes: readonly Node[]): Reason | undefined {
  for (const node of nodes) {
    if (node.kind === 'backreference') return 'backreference';
    let reason: Reason | undefined;
    if (node.kind === 'group') for (const branch of node.branches) reason ??= exponential(branch);
    else if (node.kind === 'quantifier') {
      if (node.max > 1) {
        const inner = ambiguity([node.body]);
        const times = Math.min(node.max, PATTERN_MAX_INPUT);
        if ((inner.repeats + inner.choices) * times > LOG_MAX_WAYS)
          return inner.repeats >= inner.choices ? 'nested' : 'alternatives';
      }
      reason = exponential([node.body]);
    }
    if (reason) return reason;
  }
  return undefined;
}

/** What a part does to a run: the variable parts at its start and end, and whether the run can pass through it. */
interface Run {
  readonly prefix: ReadonlySet<Node>;
  readonly suffix: ReadonlySet<Node>;
  readonly passes: boolean;
}

const EMPTY_RUN: Run = {prefix: new Set(), suffix: new Set(), passes: true};
const both = (a: ReadonlySet<Node>, b: ReadonlySet<Node>): Set<Node> => new Set([...a, ...b]);

/**
 * Polynomial shapes. Variable parts in one run can split a piece of text among them in many ways,
 * and a failing match tries them all; so the ways of all such parts multiply, with those inside
 * repeated groups. A run is read for a set of characters `c`, the characters two variable parts
 * share: the parts that can match all of `c` are in it; it goes on through parts that can match one
 * of `c`, and ends at a part that must match and can match none (as "-" ends the run of \d+ in
 * \d+-\d+). That over-counts, never under-counts: text two parts can both match is made of
 * characters they share. Lookarounds are checked on their own.
 */
function polynomial(branches: readonly Node[][]): boolean {
  const weight = new Map<Node, number>(); // the ways (a logarithm) of each variable part met
  const shared = new Set<Node>();
  const lookarounds: (readonly Node[][])[] = [];
  let inner = 0;
  const sets: Ranges[] = [];

  // Once per pattern: repeated groups' own ways, lookarounds, and the characters of each variable part.
  const survey = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (node.kind === 'group') {
        if (node.lookaround) lookarounds.push(node.branches);
        else {
          if (ambiguous(node.branches)) sets.push(charsOf(node));
          node.branches.forEach(survey);
        }
      } else if (node.kind === 'quantifier') {
        if (node.min < node.max) sets.push(charsOf(node.body));
        if (node.max > 1) {
          const ways = ambiguity([node.body]);
          inner += (ways.repeats + ways.choices) * Math.min(node.max, PATTERN_MAX_INPUT);
          if (ways.repeats + ways.choices > 0) sets.push(charsOf(node.body));
          // Lookarounds inside are checked on their own; nothing else inside is part of the line.
          const findLookarounds = (list: readonly Node[]): void => {
            for (const n of list) {
              if (n.kind === 'group' && n.lookaround) lookarounds.push(n.branches);
              else if (n.kind === 'group') n.branches.forEach(findLookarounds);
              else if (n.kind === 'quantifier') findLookarounds([n.body]);
            }
          };
          findLookarounds([node.body]);
        } else survey([node.body]);
      }
    }
  };
  survey(branches.flat());

  const passes = (nodes: readonly Node[], c: Ranges): boolean =>
    nodes.every((node) => {
      if (node.kind === 'atom') return overlap(node.set, c);
      if (node.kind === 'group') return node.lookaround || node.branches.some((b) => passes(b, c));
      if (node.kind === 'quantifier') return node.min === 0 || passes([node.body], c);
      return true;
    });

  const scan = (nodes: readonly Node[], c: Ranges): Run => {
    let current = EMPTY_RUN;
    for (const node of nodes) {
      const next = part(node, c);
      // A variable part that can end the run so far, then one that can go on with it.
      if (current.suffix.size > 0 && next.prefix.size > 0)
        for (const n of both(current.suffix, next.prefix)) shared.add(n);
      current = {
        prefix: current.passes ? both(current.prefix, next.prefix) : current.prefix,
        suffix: next.passes ? both(current.suffix, next.suffix) : next.suffix,
        passes: current.passes && next.passes,
      };
    }
    return current;
  };

  const part = (node: Node, c: Ranges): Run => {
    switch (node.kind) {
      case 'atom':
        return overlap(node.set, c) ? EMPTY_RUN : {...EMPTY_RUN, passes: false};
      case 'group': {
        if (node.lookaround) return EMPTY_RUN;
        const runs = node.branches.map((b) => scan(b, c));
        const prefix = new Set(runs.flatMap((r) => [...r.prefix]));
        const suffix = new Set(runs.flatMap((r) => [...r.suffix]));
        if (ambiguous(node.branches) && covers(charsOf(node), c)) {
          weight.set(node, Math.log(node.branches.length));
          prefix.add(node);
          suffix.add(node);
        }
        return {prefix, suffix, passes: runs.some((r) => r.passes)};
      }
      case 'quantifier': {
        if (node.max <= 1) {
          // Optional: taken or not, two ways when what it holds can match c.
          const body = part(node.body, c);
          const prefix = new Set(body.prefix);
          const suffix = new Set(body.suffix);
          if (covers(charsOf(node.body), c)) {
            weight.set(node, Math.log(2));
            if (overlap(first(node.body), c)) prefix.add(node);
            suffix.add(node);
          }
          return {prefix, suffix, passes: true};
        }
        const ways = ambiguity([node.body]);
        const variable = node.min < node.max || ways.repeats + ways.choices > 0;
        const passing = node.min === 0 || passes([node.body], c);
        if (!variable || !covers(charsOf(node.body), c)) return {...EMPTY_RUN, passes: passing};
        weight.set(node, Math.log(span(node.min, node.max)));
        return {prefix: new Set([node]), suffix: new Set([node]), passes: passing};
      }
      default:
        return EMPTY_RUN;
    }
  };

  const line =
    branches.length === 1 ? branches[0]! : [{kind: 'group', branches, lookaround: false} as const];
  const distinct = new Map<string, Ranges>();
  sets.forEach((a, i) =>
    sets.slice(i).forEach((b) => {
      const common = union(intersect(a, b));
      if (common.length > 0) distinct.set(JSON.stringify(common), common);
    }),
  );
  for (const c of distinct.values()) scan(line, c);
  let total = inner;
  for (const node of shared) total += weight.get(node) ?? 0;
  return total > LOG_MAX_WAYS || lookarounds.some(polynomial);
}

/**
 * Why a `pattern` rule is not safe to run on what people type (it could take exponential or very
 * long time on some values), as a message for a problem, or `undefined` when it is safe. The pattern
 * must compile with the `u` flag; check that first.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  // Validation and the value check both ask, for every document and form: each pattern is read once.
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  if (verdicts.size >= 1000) verdicts.clear();
  const verdict = analyse(pattern);
  verdicts.set(pattern, verdict);
  return verdict;
}

const verdicts = new Map<string, string | undefined>();

function analyse(pattern: string): string | undefined {
  if (pattern.length > PATTERN_MAX_LENGTH) return REASONS.long;
  let branches: Node[][];
  try {
    branches = parse(pattern);
  } catch {
    return REASONS.unreadable;
  }
  const reason =
    exponential([{kind: 'group', branches, lookaround: false}]) ??
    (polynomial(branches) ? 'polynomial' : undefined);
  return reason && REASONS[reason];
}
