import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {patternVerdict as full} from './pattern-check.js';
import {patternVerdict as quick} from './pattern-check.quick.js';

const everyday = [
  '^[A-Z]{2}-\\d+$',
  '\\d{5}',
  '[a-z]+',
  'ORD-[0-9]{6}',
  '[A-Z0-9._%+-]+',
  'yes|no',
];
const catastrophic = [
  '(a+)+$',
  '(a|a)*b',
  '(\\w+\\s?)+$',
  '(.*a){12}',
  '(a|aa)+',
  '((ab)*)+',
  '\\d+\\d+\\d+x',
  '\\d{0,999}\\d{0,999}\\d{0,999}\\d{0,999}x',
];

describe("the production build's quick pattern check", () => {
  it('runs everyday patterns', () => {
    for (const pattern of everyday) assert.equal(quick(pattern), 'run', pattern);
  });

  it('skips patterns that backtrack badly', () => {
    for (const pattern of catastrophic) {
      assert.equal(quick(pattern), 'skip', pattern);
      if (full(pattern) === 'run') continue; // polynomial, fast enough for the full check
      assert.equal(full(pattern), 'refuse', pattern);
    }
  });

  it('runs only what the full check runs, for any pattern of a small grammar', () => {
    const piece = fc.constantFrom(
      'a',
      '\\d',
      '[a-z]',
      '.',
      '(',
      ')',
      '|',
      '*',
      '+',
      '?',
      '{2}',
      '{0,5}',
      '{0,999}',
      '{3,}',
    );
    fc.assert(
      fc.property(fc.array(piece, {minLength: 1, maxLength: 10}), (pieces) => {
        const pattern = pieces.join('');
        try {
          new RegExp(pattern, 'u');
        } catch {
          return; // not a pattern: neither check runs it
        }
        if (quick(pattern) === 'run') assert.equal(full(pattern), 'run', pattern);
      }),
      {numRuns: 3000},
    );
  });

  it('skips backreferences, lookarounds and over-long patterns', () => {
    for (const pattern of ['(a)\\1', '(?=a)a', '(?<!x)y', 'a'.repeat(501)])
      assert.equal(quick(pattern), 'skip', pattern);
  });
});
