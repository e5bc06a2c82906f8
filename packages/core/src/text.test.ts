import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isEmail} from '@rapport/core';

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
