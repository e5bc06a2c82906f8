import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  createClient,
  isRapportError,
  RapportError,
  type BatchResult,
  type Complaint,
  type ComplaintInput,
  type CrmAdapter,
  type Customer,
  type DataChange,
  type RequestErrorEvent,
  type RequestEvent,
} from '@rapport/core';
import {TtlCache} from './loaders.js';

const customer = (id: string): Customer => ({
  id,
  kind: 'person',
  displayName: `Customer ${id}`,
  lifecycleStage: 'retain',
  tags: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  customFields: {},
});

/** A scripted adapter that records every call; `failures` lists errors to throw, one per call. */
function fakeAdapter(
  options: {
    maxBatchSize?: number;
    failures?: (RapportError | null)[];
    delayMs?: number;
    /** Ids the backend refuses one by one, as the gateway refuses a stranger's records. */
    refused?: readonly string[];
  } = {},
) {
  const calls: {operation: string; ids?: readonly string[]; key?: string; signal?: AbortSignal}[] =
    [];
  const failures = [...(options.failures ?? [])];
  const existing = new Set(Array.from({length: 500}, (_, i) => `c${i}`));
  const step = async (signal?: AbortSignal) => {
    if (options.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.delayMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    }
    const failure = failures.shift();
    if (failure) throw failure;
  };
  let stored = 0;
  const adapter: CrmAdapter = {
    name: 'fake',
    capabilities: {
      maxBatchSize: options.maxBatchSize ?? 10,
      entities: ['customer'],
      customFieldsWritable: false,
    },
    resources: {
      customers: {
        async read(ids, o = {}) {
          calls.push({
            operation: 'getCustomers',
            ids: [...ids],
            ...(o.signal && {signal: o.signal}),
          });
          await step(o.signal);
          return ids.map((id) =>
            options.refused?.includes(id)
              ? {id, record: null, error: new RapportError('forbidden', `Not yours: ${id}`)}
              : {id, record: existing.has(id) ? customer(id) : null},
          ) as BatchResult<Customer>;
        },
      },
      loyaltyAccounts: {
        async read(ids) {
          calls.push({operation: 'getLoyaltyAccounts', ids: [...ids]});
          return ids.map((id) => ({id, record: null}));
        },
      },
      complaints: {
        async list(customerId) {
          calls.push({operation: 'listComplaints', ids: [customerId]});
          await step();
          return {items: [], nextCursor: null};
        },
        async create(input: ComplaintInput, o) {
          calls.push({operation: 'submitComplaint', key: o.idempotencyKey});
          await step(o.signal);
          stored++;
          return {id: `k${stored}`, customerId: input.customerId ?? null} as Complaint;
        },
      },
      interactions: {
        async list(customerId) {
          calls.push({operation: 'listInteractions', ids: [customerId]});
          return {items: [], nextCursor: null};
        },
      },
    },
    async describeFields(entity) {
      calls.push({operation: 'describeFields'});
      return {entity, fields: []};
    },
  };
  return {adapter, calls};
}

const fast = {attempts: 5, baseDelayMs: 1, maxDelayMs: 2};
const input: ComplaintInput = {
  customerId: 'c1',
  channel: 'web',
  category: 'delivery',
  severity: 'low',
  subject: 's',
  description: 'd',
};

describe('createClient: batching', () => {
  it('turns N reads in one task into ceil(N / max batch) adapter calls without duplicate ids', async () => {
    for (const n of [1, 10, 25, 101]) {
      const {adapter, calls} = fakeAdapter({maxBatchSize: 10});
      const client = createClient(adapter);
      const ids = Array.from({length: n}, (_, i) => `c${i}`);
      // Every widget asks for its customer; some ask twice, as two widgets showing one customer do.
      const loaded = await Promise.all(
        [...ids, ...ids.slice(0, 5)].map((id) => client.read('customers', id)),
      );
      assert.equal(loaded.length, n + Math.min(5, n));
      assert.equal(calls.length, Math.ceil(n / 10), `${n} reads`);
      const sent = calls.flatMap((c) => c.ids!);
      assert.equal(sent.length, n, 'no id is requested twice');
      assert.deepEqual([...new Set(sent)].sort(), [...ids].sort());
      assert.ok(calls.every((c) => c.ids!.length <= 10));
    }
  });

  it("sends a task's batch at the next frame when that comes before the timer, once", async (t) => {
    const frames: (() => void)[] = [];
    // Node has no frames: stand-ins, as a browser page has them.
    const cancelled: number[] = [];
    const browser = globalThis as {requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown};
    browser.requestAnimationFrame = (callback: () => void) => frames.push(callback);
    browser.cancelAnimationFrame = (id: number) => cancelled.push(id);
    t.after(() => {
      delete browser.requestAnimationFrame;
      delete browser.cancelAnimationFrame;
    });
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter);
    const reads = ['c1', 'c2', 'c3'].map((id) => client.read('customers', id));
    assert.equal(frames.length, 1, 'one frame asked for, for the whole batch');
    assert.equal(calls.length, 0, 'nothing sent within the task');
    frames[0]!();
    assert.deepEqual(
      calls.map((c) => c.ids),
      [['c1', 'c2', 'c3']],
      'sent at the frame, before any timer ran',
    );
    await Promise.all(reads);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(calls.length, 1, 'the timer sends nothing again');

    // When the timer comes first (a page with nothing else to do), it sends, and the frame is let go.
    cancelled.length = 0;
    const again = client.read('customers', 'c4');
    assert.equal(frames.length, 2);
    await again;
    assert.equal(calls.length, 2);
    assert.deepEqual(cancelled, [2]);
    frames[1]!();
    assert.equal(calls.length, 2, 'a frame that comes anyway sends nothing');
  });

  it('shares a read under way and serves the cache until its time is up', async () => {
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter, {cacheTtlMs: 40});
    const first = client.read('customers', 'c1');
    await new Promise((r) => setTimeout(r, 1));
    const second = client.read('customers', 'c1'); // the batch is on its way: no new call
    assert.equal((await first).id, 'c1');
    assert.equal(await second, await first);
    await client.read('customers', 'c1'); // cached
    assert.equal(calls.length, 1);
    await new Promise((r) => setTimeout(r, 50));
    await client.read('customers', 'c1');
    assert.equal(calls.length, 2);
  });

  it('throws not_found for a missing record, and caches that answer too', async () => {
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter);
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        client.read('customers', 'nobody'),
        (e) => isRapportError(e, 'not_found') && e.details.id === 'nobody',
      );
    }
    assert.equal(calls.length, 1);
  });

  it('lets one caller abort without disturbing the others, and cancels the call when all have gone', async () => {
    const {adapter, calls} = fakeAdapter({delayMs: 30});
    const client = createClient(adapter);
    const leaving = new AbortController();
    const staying = client.read('customers', 'c1');
    const left = client.read('customers', 'c1', {signal: leaving.signal});
    setTimeout(() => leaving.abort(), 5);
    await assert.rejects(left, (e: Error) => e.name === 'AbortError');
    assert.equal((await staying).id, 'c1');

    const all = new AbortController();
    const a = client.read('customers', 'c2', {signal: all.signal});
    const b = client.read('customers', 'c3', {signal: all.signal});
    setTimeout(() => all.abort(), 5);
    await assert.rejects(a);
    await assert.rejects(b);
    assert.equal(
      calls.at(-1)!.signal!.aborted,
      true,
      'the adapter call was aborted once nobody waited',
    );
  });

  it('drops a read that is aborted before its batch leaves', async () => {
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter);
    const controller = new AbortController();
    const dropped = client.read('customers', 'c7', {signal: controller.signal});
    const kept = client.read('customers', 'c8');
    controller.abort();
    await assert.rejects(dropped);
    await kept;
    assert.deepEqual(calls[0]!.ids, ['c8']);
  });
});

describe('createClient: retries', () => {
  it('retries transient errors and reports each attempt through the hooks', async () => {
    const {adapter, calls} = fakeAdapter({
      failures: [new RapportError('unavailable', 'down'), new RapportError('timeout', 'slow')],
    });
    const requests: RequestEvent[] = [];
    const errors: RequestErrorEvent[] = [];
    const client = createClient(adapter, {
      retry: fast,
      hooks: {onRequest: (e) => requests.push(e), onError: (e) => errors.push(e)},
    });
    assert.equal((await client.read('customers', 'c1')).id, 'c1');
    assert.equal(calls.length, 3);
    assert.deepEqual(
      requests.map((r) => r.attempt),
      [1, 2, 3],
    );
    assert.deepEqual(
      errors.map((e) => [(e.error as RapportError).code, e.willRetry]),
      [
        ['unavailable', true],
        ['timeout', true],
      ],
    );
  });

  it('never retries invalid_input, forbidden or conflict', async () => {
    for (const code of ['invalid_input', 'forbidden', 'conflict', 'unauthorized'] as const) {
      const {adapter, calls} = fakeAdapter({failures: [new RapportError(code, code)]});
      const client = createClient(adapter, {retry: fast});
      await assert.rejects(client.create('complaints', input), (e) => isRapportError(e, code));
      assert.equal(calls.length, 1, code);
    }
  });

  it('gives up after the last attempt with the last error', async () => {
    const failures = Array.from(
      {length: 5},
      (_, i) => new RapportError('unavailable', `down ${i}`),
    );
    const {adapter, calls} = fakeAdapter({failures});
    await assert.rejects(
      createClient(adapter, {retry: {...fast, attempts: 3}}).read('customers', 'c1'),
      /down 2/,
    );
    assert.equal(calls.length, 3);
  });

  it('waits at least retry-after before retrying a rate-limited call', async () => {
    const {adapter} = fakeAdapter({
      failures: [new RapportError('rate_limited', 'slow down', {retryAfterMs: 60})],
    });
    const errors: RequestErrorEvent[] = [];
    const started = Date.now();
    await createClient(adapter, {retry: fast, hooks: {onError: (e) => errors.push(e)}}).read(
      'customers',
      'c1',
    );
    assert.equal(errors[0]!.retryInMs, 60);
    assert.ok(Date.now() - started >= 55, 'the retry did not come before retry-after');
  });

  it('backs off exponentially with full jitter', async () => {
    const failures = Array.from({length: 4}, () => new RapportError('unavailable', 'down'));
    const {adapter} = fakeAdapter({failures});
    const errors: RequestErrorEvent[] = [];
    await createClient(adapter, {
      retry: {attempts: 5, baseDelayMs: 4, maxDelayMs: 20, random: () => 0.5},
      hooks: {onError: (e) => errors.push(e)},
    }).read('customers', 'c1');
    assert.deepEqual(
      errors.map((e) => e.retryInMs),
      [2, 4, 8, 10],
    );
  });

  it('fails with timeout when the deadline passes', async () => {
    const {adapter} = fakeAdapter({delayMs: 200});
    await assert.rejects(
      createClient(adapter, {retry: {timeoutMs: 20}}).read('customers', 'c1'),
      (e) => isRapportError(e, 'timeout'),
    );
  });
});

describe('createClient: writes', () => {
  it('reuses one idempotency key for every retry of a submission', async () => {
    const {adapter, calls} = fakeAdapter({
      failures: [
        new RapportError('timeout', 'lost'),
        new RapportError('rate_limited', 'x', {retryAfterMs: 1}),
      ],
    });
    const client = createClient(adapter, {retry: fast});
    await client.create('complaints', input);
    const keys = calls.map((c) => c.key);
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1);
    assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await client.create('complaints', input);
    assert.notEqual(calls.at(-1)!.key, keys[0], 'a new submission gets a new key');
    await client.create('complaints', input, {idempotencyKey: 'mine'});
    assert.equal(calls.at(-1)!.key, 'mine');
  });

  it("reloads the customer's complaint list after a submission and tells subscribers", async () => {
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter);
    const changes: DataChange[] = [];
    const stop = client.subscribe((c) => changes.push(c));
    await client.list('complaints', 'c1');
    await client.list('complaints', 'c10');
    await client.list('complaints', 'c1');
    assert.equal(calls.length, 2, 'lists are cached');
    await client.create('complaints', input);
    assert.deepEqual(changes, [
      {resource: 'complaints', customerId: 'c1'},
      {resource: 'interactions', customerId: 'c1'},
    ]);
    await client.list('complaints', 'c1');
    await client.list('complaints', 'c10');
    assert.deepEqual(
      calls.filter((c) => c.operation === 'listComplaints').map((c) => c.ids![0]),
      ['c1', 'c10', 'c1'],
    );
    stop();
    client.invalidate({resource: 'customers'});
    assert.equal(changes.length, 2, 'an unsubscribed listener hears nothing');
  });
});

describe('createClient: per-id answers and bounded caches', () => {
  it('rejects only the ids a batch refused, and asks for them again next time', async () => {
    const {adapter, calls} = fakeAdapter({refused: ['c2']});
    const client = createClient(adapter);
    const [own, other] = await Promise.allSettled([
      client.read('customers', 'c1'),
      client.read('customers', 'c2'),
    ]);
    assert.equal(calls.length, 1, 'one batch');
    assert.equal(own.status === 'fulfilled' && own.value?.id, 'c1');
    assert.ok(other.status === 'rejected' && isRapportError(other.reason, 'forbidden'));
    await client.read('customers', 'c1');
    assert.equal(calls.length, 1, 'the answered id is cached');
    await assert.rejects(client.read('customers', 'c2'), (e: unknown) =>
      isRapportError(e, 'forbidden'),
    );
    assert.equal(calls.length, 2, 'a refusal is not cached');
  });

  it('keeps at most cacheMaxEntries answers per resource, dropping the oldest', async () => {
    const {adapter, calls} = fakeAdapter();
    const client = createClient(adapter, {cacheMaxEntries: 2});
    for (const id of ['c1', 'c2', 'c3']) await client.read('customers', id);
    await client.read('customers', 'c3');
    assert.equal(calls.length, 3, 'c3 is still cached');
    await client.read('customers', 'c1');
    assert.equal(calls.length, 4, 'c1 was dropped to keep two');
  });
});

describe('TtlCache', () => {
  it('drops answers after their time to live, even ones nobody reads again', (t) => {
    let now = 1_000;
    t.mock.method(Date, 'now', () => now);
    const cache = new TtlCache<string>(100, 10);
    cache.set('a', 'A');
    cache.set('b', 'B');
    now += 50;
    assert.deepEqual(cache.get('a'), {value: 'A', expiresAt: 1_100});
    now += 60;
    assert.equal(cache.get('a'), undefined, 'expired');
    cache.set('c', 'C');
    assert.equal(cache.size, 1, '"b" went with the sweep although nobody read it');
  });
});
