import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {patternVerdict as full} from './pattern-check.js';
import {patternVerdict as quick} from './pattern-check.quick.js';

const everyday = ['^[A-Z]{2}-\\d+$', '\\d{5}', '[a-z]+', 'ORD-[0-9]{6}', '[^@]+@[^@]+', 'yes|no'];
const catastrophic = [
  '(a+)+$',
  '(a|a)*b',
  '(\\w+\\s?)+$',
  '(.*a){12}',
  '(a|aa)+',
  '((ab)*)+',
  '\\d+\\d+\\d+x',
];

describe("the production build's quick pattern check", () => {
  it('runs everyday patterns', () => {
    for (const pattern of everyday) assert.equal(quick(pattern), 'run', pattern);
  });

  it('never runs a pattern the full check refuses', () => {
    for (const pattern of catastrophic) {
      assert.equal(quick(pattern), 'skip', pattern);
      if (full(pattern) === 'run') continue; // polynomial, fast enough for the full check
      assert.equal(full(pattern), 'refuse', pattern);
    }
  });

  it('skips backreferences, lookarounds and over-long patterns', () => {
    for (const pattern of ['(a)\\1', '(?=a)a', '(?<!x)y', 'a'.repeat(501)])
      assert.equal(quick(pattern), 'skip', pattern);
  });
});
