import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {errorCodes, isRapportError, localeChain, localize, RapportError} from '@rapport/core';

describe('RapportError', () => {
  it('carries a code, per-field messages and retry advice', () => {
    const e = new RapportError('rate_limited', 'Slow down', {retryAfterMs: 2000});
    assert.equal(e.retryable, true);
    assert.equal(new RapportError('forbidden', 'No').retryable, false);
    assert.deepEqual(JSON.parse(JSON.stringify(e)), {
      code: 'rate_limited',
      message: 'Slow down',
      retryAfterMs: 2000,
    });
  });

  it('is recognised across copies of the library by its shape', () => {
    const foreign = Object.assign(new Error('x'), {name: 'RapportError', code: 'not_found'});
    assert.ok(isRapportError(foreign, 'not_found'));
    assert.ok(!isRapportError(foreign, 'conflict'));
    assert.ok(
      !isRapportError(Object.assign(new Error('x'), {name: 'RapportError', code: 'nonsense'})),
    );
    assert.ok(!isRapportError({name: 'RapportError', code: 'not_found'}));
    assert.equal(errorCodes.length, new Set(errorCodes).size);
  });
});

describe('localize', () => {
  const label = {en: 'Email', zh: '邮箱', 'zh-TW': '電子郵件'};

  it('falls back along the locale chain, then to the fallback locale, then to any text', () => {
    assert.equal(localize(label, 'zh-TW'), '電子郵件');
    assert.equal(localize(label, 'zh-CN'), '邮箱');
    assert.equal(localize(label, 'fr'), 'Email');
    assert.equal(localize({de: 'E-Mail'}, 'fr'), 'E-Mail');
    assert.equal(localize('Plain', 'zh-CN'), 'Plain');
    assert.equal(localize({}, 'en'), '');
  });

  it("reads only the text's own locales: a locale called constructor is unknown, not Object's", () => {
    assert.equal(localize(label, 'constructor'), 'Email');
    assert.equal(localize(label, 'toString', '__proto__'), 'Email');
  });

  it('lists the chain most specific first', () => {
    assert.deepEqual(localeChain('zh-Hant-TW'), ['zh-Hant-TW', 'zh-Hant', 'zh']);
  });
});
