// Replays of LoyaltyLion's documented error bodies (fake/documented.ts, from its "Errors" page; NOT
// recorded from the live API, none being available): each failure maps to the RapportError the
// contract promises, through msw intercepting the global fetch as it would in a gateway's tests.
import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {memoryAdapter} from '@rapport/adapter-memory';
import {isRapportError, type RapportError} from '@rapport/core';
import {loyaltyLionAdapter} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';
import {documented} from './fake/documented.js';

const api = 'https://api.loyaltylion.com';
const fake = fakeLoyaltyLion();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => {
  server.resetHandlers();
  fake.setFaults(null);
  fake.reset();
});
after(() => server.close());

const tiers = demoTiers.map((t) => ({id: t.id, name: t.name, lowerBound: Number(t.lower_bound)}));
const adapter = () =>
  loyaltyLionAdapter({
    apiKey: 'pat_test',
    customers: memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 5}),
    tiers,
  });

/** Answers the customers list with a documented body, counting the calls that reach it. */
function replay(body: string, status: number, headers: Record<string, string> = {}) {
  const seen = {calls: 0};
  server.use(
    http.get(`${api}/v2/customers`, () => {
      seen.calls++;
      return new HttpResponse(body, {
        status,
        headers: {'content-type': 'application/json; charset=utf-8', ...headers},
      });
    }),
  );
  return seen;
}

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

const readC001 = async () => (await adapter()).resources.loyaltyAccounts!.read(['c-001']);

describe('replay: documented error bodies', () => {
  it('400 is invalid_input naming the fields LoyaltyLion names', async () => {
    const loyalty = await adapter();
    replay(documented.validation, 400);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'invalid_input');
    assert.match(error.fields.channel!, /Invalid option: expected one of "web"\|"pos"\|"mobile"/);
    assert.match(error.message, /^LoyaltyLion refused GET \/v2\/customers: Invalid request$/);
  });

  it('401 is unauthorized, and says which option to check', async () => {
    const loyalty = await adapter();
    replay(documented.authentication, 401);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /Authentication is required; check the adapter's apiKey/);
  });

  it('403 is forbidden, and names the scope the key needs', async () => {
    const loyalty = await adapter();
    replay(documented.authentication, 403);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'forbidden');
    assert.equal(error.details.scope, 'read_customers');
  });

  it('404 is not_found', async () => {
    const loyalty = await adapter();
    replay(documented.notFound, 404);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /Customer not found/);
  });

  it("422 is invalid_input carrying LoyaltyLion's code", async () => {
    const loyalty = await adapter();
    replay(documented.unprocessable, 422);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'invalid_input');
    assert.equal(error.details.code, 'reward_out_of_stock');
    assert.match(error.message, /\(reward_out_of_stock\): This reward is out of stock/);
  });

  it('429 without Retry-After waits the documented second, and pauses calls until then', async () => {
    const loyalty = await adapter();
    const seen = replay(documented.rateLimited, 429);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 1000);
    const again = await failure(loyalty.resources.loyaltyAccounts!.read(['c-002']));
    assert.equal(again.code, 'rate_limited');
    assert.equal(seen.calls, 1, 'the paused call did not reach LoyaltyLion');
  });

  it('429 with Retry-After waits that long', async () => {
    const loyalty = await adapter();
    replay(documented.rateLimited, 429, {'retry-after': '3'});
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.retryAfterMs, 3000);
  });

  it('5xx is unavailable, so the client retries it', async () => {
    const loyalty = await adapter();
    replay(documented.serverError, 503);
    const error = await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']));
    assert.equal(error.code, 'unavailable');
    assert.ok(error.retryable);
  });

  it("the fake's injected faults answer the same bodies", async () => {
    const loyalty = await adapter();
    fake.setFaults({rate: 1, kinds: ['server_error']});
    assert.equal(
      (await failure(loyalty.resources.loyaltyAccounts!.read(['c-001']))).code,
      'unavailable',
    );
    fake.setFaults({rate: 1, kinds: ['rate_limit'], retryAfterSeconds: 2});
    assert.equal((await failure(readC001())).retryAfterMs, 2000);
    assert.deepEqual(fake.faulted, {rate_limit: 1, server_error: 1}, 'the fake counts its faults');
    fake.reset();
    assert.deepEqual(fake.faulted, {rate_limit: 0, server_error: 0}, 'reset forgets them');
  });

  it('the fake answers at its baseUrl, which the adapter takes', async () => {
    const elsewhere = fakeLoyaltyLion({baseUrl: 'https://loyalty.test/'});
    assert.equal(elsewhere.baseUrl, 'https://loyalty.test');
    assert.equal(fake.baseUrl, api);
    const loyalty = await loyaltyLionAdapter({
      apiKey: 'pat_test',
      customers: memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 5}),
      tiers,
      baseUrl: elsewhere.baseUrl,
      fetch: elsewhere.fetch,
    });
    const [entry] = await loyalty.resources.loyaltyAccounts!.read(['c-001']);
    assert.equal(entry?.record?.balance, 640);
    assert.equal(elsewhere.calls['GET /v2/customers'], 2, 'start-up and the read went there');
  });
});
