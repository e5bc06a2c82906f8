// Exactly once, end to end: 1,000 complaints through a real gateway on 127.0.0.1, with 30% of
// Salesforce's answers failing (500s, 503s, ConcurrentPerOrgLongTxn 403s, and 500s after the Case was
// stored, the dangerous kind), become exactly 1,000 Cases. The gateway runs with an idempotency store
// that remembers nothing (forgetfulStore), so every retry reaches the adapter: what holds here is the
// adapter's own exactly-once. Its POST carries the key in a unique External ID field, so Salesforce
// itself refuses a second Case (DUPLICATE_VALUE) and the adapter reads the first one back. Then a
// customer's replies, six at once on three Cases, become exactly one CaseComment each (the key in the
// Case's thread field, claimed with a conditional PATCH).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {forgetfulStore, seededRandom, submitAll} from '@rapport/adapter-testkit';
import {createClient, type ComplaintInput, type ComplaintUpdate} from '@rapport/core';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';

const secret = 'exactly-once-secret-that-is-long-enough-to-sign';
const audience = 'https://gateway.test';
const fake = fakeSalesforce();
const known = ['003FK0000000001YAA', '003FK0000000002YAA'];
let gateway: RunningServer;
/** Salesforce's DUPLICATE_VALUE answers: retries the adapter itself, not the gateway, caught. */
let duplicates = 0;

before(async () => {
  const adapter = await salesforceAdapter({
    instanceUrl: 'https://fake.my.salesforce.com',
    accessToken: 'session-test',
    fetch: async (input, init) => {
      const response = await fake.fetch(input, init);
      if (response.status === 400 && (await response.clone().text()).includes('DUPLICATE_VALUE'))
        duplicates++;
      return response;
    },
    // The daily REQUEST_LIMIT_EXCEEDED waits an hour, so it is not injected here; the concurrency
    // cap's wait is made short (Salesforce's own is a couple of seconds).
    limitWaits: {concurrentMs: 2},
  });
  gateway = await serveGateway(
    createGateway({
      adapter,
      auth: {secret, audience},
      rateLimit: false,
      idempotencyStore: forgetfulStore(),
    }),
    {port: 0},
  );
  fake.setFaults({
    rate: 0.3,
    kinds: ['server_error', 'unavailable', 'concurrent_limit', 'server_error_after_write'],
    random: seededRandom(11),
  });
});
after(async () => {
  await gateway?.close();
});

describe('exactly once under faults', () => {
  it('stores 1,000 submissions as exactly 1,000 Cases, none twice', async () => {
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
      customerId: known[n % 2]!,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: `Parcel late #${n}`,
      description: `Submission ${n}: the parcel has not arrived.`,
    });
    const results = await submitAll(client, total, input);

    const seededCases = 2;
    const creates = fake.calls['POST /sobjects/Case'] ?? 0;
    assert.ok(creates > total, `faults made the client retry creates (${creates} calls)`);
    assert.ok(
      fake.faulted.server_error_after_write > 0,
      'some Cases were stored with their answer lost',
    );

    assert.ok(duplicates > 0, `Salesforce refused retried keys (${duplicates} DUPLICATE_VALUE)`);
    const created = [...fake.cases.values()].filter((c) => c.Rapport_Idempotency_Key__c);
    assert.equal(fake.cases.size, total + seededCases, 'exactly one Case per submission');
    assert.equal(
      new Set(created.map((c) => c.Rapport_Idempotency_Key__c)).size,
      total,
      'no idempotency key holds two Cases',
    );
    assert.equal(new Set(created.map((c) => c.Subject)).size, total, 'every submission is stored');
    assert.equal(new Set(results.map((c) => c.id)).size, total, 'each submission got its own Case');
    for (const [n, complaint] of results.entries())
      assert.equal(complaint.subject, `Parcel late #${n}`);
  });

  it("writes 150 of a customer's replies as 150 CaseComments, six at a time on three Cases", async () => {
    const customer = known[0]!;
    const token = await signCustomerToken({customerId: customer, key: {secret}, audience});
    const client = createClient(httpAdapter({url: gateway.url, getToken: () => token}), {
      retry: {attempts: 100, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 60_000},
    });
    const cases: string[] = [];
    for (let n = 0; n < 3; n++)
      cases.push(
        (
          await client.create('complaints', {
            customerId: customer,
            channel: 'web',
            category: 'delivery',
            severity: 'medium',
            subject: `Thread ${n}`,
            description: 'A Case to reply on.',
          })
        ).id,
      );
    const total = 150;
    const replies: ComplaintUpdate[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const n = next++;
        replies[n] = await client.create('complaintUpdates', {
          complaintId: cases[n % 3]!,
          customerId: customer,
          body: `Reply ${n}`,
        });
      }
    };
    await Promise.all(Array.from({length: 6}, worker));

    const comments = fake.comments().filter((c) => cases.includes(String(c.ParentId)));
    assert.equal(comments.length, total, 'one CaseComment per reply');
    assert.equal(new Set(comments.map((c) => c.CommentBody)).size, total, 'none twice');
    assert.deepEqual(
      new Set(replies.map((u) => u.id)),
      new Set(comments.map((c) => `cc-${c.Id}`)),
      'each answer names its own comment',
    );
    assert.ok(
      replies.every(
        (u) =>
          u.author.kind === 'customer' && u.author.role === 'customer' && u.author.id === undefined,
      ),
      'the author is the token’s customer, by kind and role (ids stay on the server)',
    );
    assert.ok((fake.calls['POST /sobjects/CaseComment'] ?? 0) > total, 'faults forced retries');
  });
});
