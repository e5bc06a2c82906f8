// Exactly once, end to end: 1,000 complaints submitted through a real gateway on 127.0.0.1 to the
// Zendesk adapter, while the fake Zendesk fails 30% of its answers (429 with a plain-text body and
// Retry-After, 500, and 500 after the ticket was stored), become exactly 1,000 tickets. The gateway
// runs with an idempotency store that remembers nothing (forgetfulStore), so every retry reaches the
// adapter: the exactly-once shown is the adapter's own (external_id look-up and Idempotency-Key).
// Then a customer's replies, six at once on three tickets, become exactly one comment each (the key
// in the audit's metadata, and safe_update between attempts).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setupServer} from 'msw/node';
import {httpAdapter} from '@rapport/adapter-http';
import {forgetfulStore, seededRandom, submitAll} from '@rapport/adapter-testkit';
import {createClient, type ComplaintInput, type ComplaintUpdate} from '@rapport/core';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeZendesk} from '@rapport/adapter-zendesk/fake';

const secret = 'exactly-once-secret-that-is-long-enough-for-hs256';
const audience = 'https://gateway.test';
const fake = fakeZendesk();
// Requests to the gateway on 127.0.0.1 go through; only Zendesk's are answered by the fake.
const server = setupServer(...fake.handlers);
let running: RunningServer;
let adapterCreates = 0;

before(async () => {
  server.listen({onUnhandledRequest: 'bypass'});
  const adapter = await zendeskAdapter({
    baseUrl: fake.baseUrl,
    credentials: {email: 'agent@example.com', apiToken: 'token'},
  });
  // Counts the creates that reach the adapter: with a store that remembers nothing, every retry does.
  const complaints = adapter.resources.complaints!;
  const counted = {
    ...adapter,
    resources: {
      ...adapter.resources,
      complaints: {
        ...complaints,
        create: (...args: Parameters<NonNullable<typeof complaints.create>>) => {
          adapterCreates++;
          return complaints.create!(...args);
        },
      },
    },
  };
  const gateway = createGateway({
    adapter: counted,
    auth: {secret, audience},
    rateLimit: false,
    idempotencyStore: forgetfulStore(),
  });
  running = await serveGateway(gateway, {port: 0});
});
after(async () => {
  await running?.close();
  server.close();
});

describe('exactly once through the gateway', () => {
  it('stores 1,000 submissions as 1,000 tickets under 30% injected 429/5xx answers', async (t) => {
    const token = await signAgentToken({
      agentId: 'agent-1',
      roles: ['agent'],
      key: {secret},
      audience,
    });
    const client = createClient(httpAdapter({url: running.url, getToken: () => token}), {
      retry: {attempts: 200, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 120_000},
    });
    // A fixed sequence, so a failure can be replayed.
    const random = seededRandom(42);
    fake.setFaults({rate: 0.3, retryAfterSeconds: 0.01, random});
    const total = 1000;
    const complaintOf = (n: number): ComplaintInput => ({
      customerId: ['1001', '1002', '1003'][n % 3]!,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: `Parcel late #${n}`,
      description: `Submission ${n} of the exactly-once test.`,
    });
    const created = (await submitAll(client, total, complaintOf)).map((c) => c.id);
    fake.setFaults(null);

    const posts = fake.calls['POST /api/v2/tickets.json'] ?? 0;
    assert.equal(created.length, total, 'every submission succeeded');
    assert.equal(new Set(created).size, total, 'each submission got its own ticket');
    assert.equal(fake.tickets.length, total, 'Zendesk holds exactly 1,000 tickets');
    const subjects = new Set(fake.tickets.map((t) => t.subject));
    assert.equal(subjects.size, total, 'no submission stored twice');
    assert.ok(posts > total, `faults forced retries (${posts} creates sent for ${total} tickets)`);
    assert.ok(
      adapterCreates > total,
      `retries reached the adapter, not a gateway store (${adapterCreates} creates for ${total})`,
    );
    t.diagnostic(`${posts} creates sent; faults injected: ${JSON.stringify(fake.faulted)}`);
    const {rate_limit, server_error, server_error_after_write} = fake.faulted;
    assert.ok(
      rate_limit > 100 && server_error > 100 && server_error_after_write > 50,
      `every kind of fault happened: ${JSON.stringify(fake.faulted)}`,
    );
  });

  it("writes 150 of a customer's replies as 150 comments under 30% injected faults, six at a time on three tickets", async (t) => {
    fake.setFaults(null);
    fake.reset();
    const adapter = await zendeskAdapter({
      baseUrl: fake.baseUrl,
      credentials: {email: 'agent@example.com', apiToken: 'token'},
    });
    const tickets: string[] = [];
    for (let n = 0; n < 3; n++)
      tickets.push(
        (
          await adapter.resources.complaints!.create(
            {
              customerId: '1001',
              channel: 'web',
              category: 'delivery',
              severity: 'medium',
              subject: `Thread ${n}`,
              description: 'A ticket to reply on.',
            },
            {idempotencyKey: `thread-${n}`},
          )
        ).id,
      );
    const token = await signCustomerToken({customerId: '1001', key: {secret}, audience});
    const client = createClient(httpAdapter({url: running.url, getToken: () => token}), {
      retry: {attempts: 200, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 120_000},
    });
    fake.setFaults({rate: 0.3, retryAfterSeconds: 0.01, random: seededRandom(7)});
    const total = 150;
    const replies: ComplaintUpdate[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const n = next++;
        replies[n] = await client.create('complaintUpdates', {
          complaintId: tickets[n % 3]!,
          customerId: '1001',
          body: `Reply ${n}`,
        });
      }
    };
    await Promise.all(Array.from({length: 6}, worker));
    fake.setFaults(null);

    const listed: ComplaintUpdate[] = [];
    let cursor: string | undefined;
    do {
      const page = await adapter.resources.complaintUpdates!.list('1001', {
        limit: 100,
        ...(cursor && {cursor}),
      });
      listed.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(listed.length, total, 'one comment per reply');
    assert.equal(new Set(listed.map((u) => u.body)).size, total, 'no reply stored twice');
    assert.deepEqual(
      new Set(replies.map((u) => u.id)),
      new Set(listed.map((u) => u.id)),
      'each answer names its own comment',
    );
    assert.ok(
      listed.every((u) => u.author.kind === 'customer' && u.author.id === '1001'),
      'the author is the token’s customer',
    );
    const puts = fake.calls['PUT /api/v2/tickets/{id}.json'] ?? 0;
    t.diagnostic(`${puts} updates sent; faults injected: ${JSON.stringify(fake.faulted)}`);
    assert.ok(fake.faulted.server_error_after_write > 5, JSON.stringify(fake.faulted));
  });
});
