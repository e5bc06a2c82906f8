// Exactly once, end to end: 1,000 complaints through a real gateway on 127.0.0.1, with 30% of
// HubSpot's answers failing (429s, 500s, and 500s after the ticket was stored, the dangerous kind),
// become exactly 1,000 tickets. The gateway runs with a store that remembers nothing
// (forgetfulStore), so every retry reaches the adapter: the HubSpot adapter alone, finding an earlier
// attempt's ticket by its unique idempotency property, makes each submission one ticket.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, type ComplaintInput} from '@rapport/core';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {forgetfulStore, seededRandom, submitAll} from '@rapport/adapter-testkit';
import {fakeFaultKinds, fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const secret = 'exactly-once-secret-that-is-long-enough-to-sign';
const audience = 'https://gateway.test';
const fake = fakeHubSpot();
let gateway: RunningServer;

before(async () => {
  const adapter = await hubspotAdapter({accessToken: 'pat-test', fetch: fake.fetch});
  gateway = await serveGateway(
    createGateway({
      adapter,
      auth: {secret, audience},
      rateLimit: false,
      // Nothing is answered from the gateway's memory: exactly once is the adapter's own.
      idempotencyStore: forgetfulStore(),
    }),
    {port: 0},
  );
  fake.setFaults({
    rate: 0.3,
    // A 429 here is TEN_SECONDLY_ROLLING with a 2 ms window header, so the pause it causes is
    // short; HubSpot's own 10 s window would make this test minutes long.
    rateLimitIntervalMs: 2,
    random: seededRandom(7),
  });
});
after(async () => {
  await gateway?.close();
});

describe('exactly once under faults', () => {
  it('stores 1,000 submissions as exactly 1,000 tickets, none twice', async () => {
    const token = await signAgentToken({
      agentId: 'load',
      roles: ['supervisor'],
      key: {secret},
      audience,
    });
    const client = createClient(httpAdapter({url: gateway.url, getToken: () => token}), {
      retry: {attempts: 100, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 60_000},
    });
    const total = 1000;
    const input = (n: number): ComplaintInput => ({
      customerId: n % 2 === 0 ? '101' : '102',
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: `Parcel late #${n}`,
      description: `Submission ${n}: the parcel has not arrived.`,
    });
    const results = await submitAll(client, total, input);

    const creates = fake.calls['POST /crm/v3/objects/tickets'] ?? 0;
    assert.ok(creates > total, `faults made the client retry creates (${creates} calls)`);
    for (const kind of fakeFaultKinds)
      assert.ok(fake.faulted[kind] > 0, `${kind} was injected (${JSON.stringify(fake.faulted)})`);
    assert.equal(fake.tickets.size, total, 'exactly one ticket per submission');
    const keys = new Set(
      [...fake.tickets.values()].map((t) => t.properties.rapport_idempotency_key),
    );
    assert.equal(keys.size, total, 'no idempotency key holds two tickets');
    const subjects = new Set([...fake.tickets.values()].map((t) => t.properties.subject));
    assert.equal(subjects.size, total, 'every submission is stored');
    assert.equal(
      new Set(results.map((c) => c.id)).size,
      total,
      'each submission got its own ticket',
    );
    for (const [n, complaint] of results.entries())
      assert.equal(complaint.subject, `Parcel late #${n}`);
  });
});
