// The JWT bearer flow against the fake's token endpoint, which verifies the assertion's RS256
// signature with the public key of a pair made here, and its claims (iss, sub, aud, exp ≤ 3 min).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setupServer} from 'msw/node';
import {exportPKCS8, exportSPKI, generateKeyPair} from 'jose';
import {isRapportError, optionError} from '@rapport/core';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';

const pair = await generateKeyPair('RS256', {extractable: true});
const other = await generateKeyPair('RS256', {extractable: true});
const privateKey = await exportPKCS8(pair.privateKey);
const app = {clientId: '3MVG9-consumer-key', username: 'integration@acme.example'};
const fake = fakeSalesforce({jwt: {...app, publicKey: await exportSPKI(pair.publicKey)}});
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

const tokenCalls = () => fake.calls['POST /services/oauth2/token'] ?? 0;

describe('JWT bearer flow', () => {
  it('signs in, takes the instance URL from the token, and renews the session once on a 401', async () => {
    const before = tokenCalls();
    const salesforce = await salesforceAdapter({jwt: {...app, privateKey}});
    assert.equal(tokenCalls(), before + 1, 'one token for start-up');
    const read = () => salesforce.resources.customers!.read(['003FK0000000001YAA']);
    assert.equal((await read())[0]!.record?.displayName, 'Mei Chen');
    assert.equal(tokenCalls(), before + 1, 'the session is cached');
    fake.expireSessions();
    assert.equal((await read())[0]!.record?.displayName, 'Mei Chen', 'read after renewing');
    assert.equal(tokenCalls(), before + 2, 'one renewal after INVALID_SESSION_ID');
  });

  it('renews a session older than sessionTtlMs before using it', async () => {
    // The clock starts a minute behind, so the renewed assertion's expiry is real time's.
    let clock = Date.now() - 61_000;
    const salesforce = await salesforceAdapter({
      jwt: {...app, privateKey},
      sessionTtlMs: 60_000,
      now: () => clock,
    });
    const before = tokenCalls();
    clock = Date.now();
    await salesforce.resources.customers!.read(['003FK0000000002YAA']);
    assert.equal(tokenCalls(), before + 1);
  });

  it('is unauthorized, naming the jwt option, when the assertion is signed with another key', async () => {
    await assert.rejects(
      salesforceAdapter({jwt: {...app, privateKey: await exportPKCS8(other.privateKey)}}),
      (e) =>
        isRapportError(e, 'unauthorized') &&
        /option jwt: Salesforce refused the JWT bearer assertion \(400 invalid_grant: invalid signature\)/.test(
          e.message,
        ),
    );
    await assert.rejects(
      salesforceAdapter({jwt: {...app, username: 'someone@else.example', privateKey}}),
      (e) => isRapportError(e, 'unauthorized') && /invalid assertion/.test(e.message),
    );
  });

  it('refuses a private key that is not PKCS #8 PEM, naming jwt.privateKey', async () => {
    await assert.rejects(
      salesforceAdapter({jwt: {...app, privateKey: 'not a key'}}),
      (e) =>
        isRapportError(e, 'invalid_input') &&
        'jwt.privateKey' in e.fields &&
        /openssl pkcs8 -topk8/.test(e.message),
    );
  });

  it("builds the start-up error with core's optionError, the key's parse failure as its cause", async () => {
    const error = await salesforceAdapter({jwt: {...app, privateKey: 'not a key'}}).catch(
      (e: unknown) => e,
    );
    assert.ok(isRapportError(error, 'invalid_input'));
    const expected = optionError(
      'salesforceAdapter',
      'jwt.privateKey',
      error.fields['jwt.privateKey']!,
    );
    assert.deepEqual(
      [error.message, error.fields, error.details],
      [expected.message, expected.fields, expected.details],
    );
    assert.ok(error.cause instanceof Error, 'the cause is kept');
  });
});
