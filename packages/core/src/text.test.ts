import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isEmail, nestedBeyond} from '@rapport/core';

describe('isEmail', () => {
  it('accepts plain addresses, in any script', () => {
    for (const address of [
      'ada@example.com',
      'first.last+tag@sub.example.co.uk',
      "o'brien@example.ie",
      'a_b-c@x-y.io',
      '用户@例子.广告',
      'a@xn--p1ai.xn--p1ai',
    ])
      assert.equal(isEmail(address), true, address);
  });

  it('refuses what would make a mailto: link carry headers, escapes or more recipients', () => {
    for (const address of [
      'a@b.test?subject=hi&body=x',
      'a@b.test?cc=x%40evil.test',
      'a@b.test?bcc=x@evil.test&subject=hi',
      'a%40evil.test@b.test',
      'a&b@x.test',
      'a@b.test#x',
      'a@b.test/x',
      'a@b.test,c@d.test',
      'a@b.test;c@d.test',
      'a@b.test\n',
      'ada@example',
      `${'a'.repeat(250)}@b.test`,
    ])
      assert.equal(isEmail(address), false, JSON.stringify(address));
  });
});

describe('nestedBeyond', () => {
  it('finds the path to the first object or list deeper than the limit, counting the value as 1', () => {
    const value = {a: [{b: {c: 1}}], d: 'text'};
    assert.equal(nestedBeyond(value, 4), undefined);
    assert.deepEqual(nestedBeyond(value, 3), ['a', '0', 'b']);
    assert.equal(nestedBeyond('text', 0), undefined, 'a text or number is never too deep');
    assert.equal(nestedBeyond({a: {b: 'deep text'}}, 2), undefined, 'nor is one inside the limit');
  });

  it('ends on a value that refers to itself, and walks only own keys', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    assert.equal(nestedBeyond(loop, 5)?.length, 5);
    const inherited = Object.create({deep: {deeper: {}}}) as object;
    assert.equal(nestedBeyond(inherited, 1), undefined);
  });

  it('walks a deep value without exhausting the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(nestedBeyond(deep, 64)?.length, 64);
  });
});
