import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isRapportError} from '@rapport/core';
import {createTokenVerifier, signCustomerToken} from '@rapport/gateway';

const secret = 'a-test-secret-that-is-long-enough-for-hs256!';
const audience = 'https://gateway.test';

describe('createTokenVerifier', () => {
  it('keeps a verified token no longer than its exp', async () => {
    const verify = createTokenVerifier({secret, audience, clockToleranceSeconds: 0});
    const token = await signCustomerToken({
      customerId: 'c-001',
      key: {secret},
      audience,
      expiresIn: 2,
    });
    assert.equal((await verify(token)).key, 'customer:c-001');
    assert.equal((await verify(token)).key, 'customer:c-001', 'the same token again');
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await assert.rejects(
      verify(token),
      (e) => isRapportError(e) && e.details.reason === 'token_expired',
    );
  });

  it('never keeps a refused token: the same string is refused every time', async () => {
    const verify = createTokenVerifier({secret, audience});
    const token = await signCustomerToken({customerId: 'c-001', key: {secret}, audience});
    const forged = `${token.slice(0, -4)}AAAA`;
    for (let i = 0; i < 2; i++)
      await assert.rejects(
        verify(forged),
        (e) => isRapportError(e) && e.details.reason === 'token_signature',
      );
    assert.equal((await verify(token)).key, 'customer:c-001');
  });
});
