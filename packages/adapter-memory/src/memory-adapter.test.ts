import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {createDemoData, demoProgram, memoryAdapter} from '@rapport/adapter-memory';
import {jsonFileStore} from '@rapport/adapter-memory/node';
import {
  isRapportError,
  replayLedger,
  scoreRfm,
  stableStringify,
  type ComplaintInput,
} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');
const complaint: ComplaintInput = {
  customerId: 'c-001',
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Late',
  description: 'It is late.',
};

describe('createDemoData', () => {
  const data = createDemoData({asOf});

  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(createDemoData({asOf}), data);
    assert.notDeepEqual(createDemoData({asOf, seed: 7}).customers, data.customers);
    assert.equal(createDemoData({asOf, size: 20}).customers.length, 20);
  });

  it('holds 200 persons and organizations, in English and Chinese, with contact data and custom fields', () => {
    assert.equal(data.customers.length, 200);
    const kinds = new Set(data.customers.map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), ['organization', 'person']);
    assert.ok(
      data.customers.some((c) => /[\u4e00-\u9fff]/.test(c.displayName)),
      'some names are Chinese',
    );
    assert.ok(
      data.customers.some((c) => /^[A-Za-z' ]+$/.test(c.displayName)),
      'some names are English',
    );
    for (const c of data.customers) {
      assert.ok(c.email && c.phone, `${c.id} has contact data`);
      assert.match(String(c.customFields.membership_number), /^LC\d{8}$/);
    }
    assert.equal(
      new Set(data.customers.map((c) => c.customFields.membership_number)).size,
      200,
      'membership numbers are unique',
    );
  });

  it('derives segments from two years of purchases with the core RFM rules', () => {
    const first = Date.parse(data.purchases[0]!.at);
    assert.ok(Date.parse(data.asOf) - first > 600 * 86_400_000, 'purchases span about two years');
    const rfm = new Map(scoreRfm(data.purchases, {asOf}).map((r) => [r.customerId, r.segment]));
    for (const c of data.customers) assert.equal(c.segment ?? null, rfm.get(c.id) ?? null, c.id);
    assert.ok(new Set(data.customers.map((c) => c.segment)).size >= 8, 'the segments are varied');
  });

  it('keeps every ledger valid, with all four tiers and points expiring soon somewhere', () => {
    for (const account of data.accounts) {
      const own = data.transactions.filter((t) => t.customerId === account.customerId);
      assert.equal(replayLedger(own, demoProgram, {asOf}).balance, account.balance);
      assert.ok(account.balance >= 0);
    }
    assert.deepEqual(
      new Set(data.accounts.map((a) => a.tierId)),
      new Set(demoProgram.tiers.map((t) => t.id)),
    );
    assert.ok(data.accounts.some((a) => a.expiringSoon.length > 0));
    assert.ok(data.accounts.some((a) => a.pending > 0));
  });

  it('spreads complaints across categories, severities and statuses', () => {
    assert.ok(data.complaints.length > 50);
    assert.ok(new Set(data.complaints.map((c) => c.category)).size >= 5);
    assert.equal(new Set(data.complaints.map((c) => c.severity)).size, 4);
    assert.ok(new Set(data.complaints.map((c) => c.status)).size >= 5);
    assert.ok(data.interactions.length > data.customers.length);
  });
});

describe('memoryAdapter', () => {
  it('adds latency and can be aborted while waiting', async () => {
    const adapter = memoryAdapter({asOf, latency: 200});
    const controller = new AbortController();
    const read = adapter.resources.customers!.read(['c-001'], {signal: controller.signal});
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(read, (e: Error) => e.name === 'AbortError');
  });

  it('injects the configured failures, reproducibly, until turned off', async () => {
    const adapter = memoryAdapter({
      asOf,
      faults: {rate: 1, kinds: ['rate_limited'], retryAfterMs: 7},
    });
    await assert.rejects(
      adapter.resources.customers!.read(['c-001']),
      (e) => isRapportError(e, 'rate_limited') && e.retryAfterMs === 7,
    );
    adapter.setFaults(null);
    assert.equal((await adapter.resources.customers!.read(['c-001']))[0]!.record!.id, 'c-001');
    const codes = async (): Promise<string[]> => {
      const a = memoryAdapter({asOf, faults: {rate: 0.5, seed: 3}});
      const out: string[] = [];
      for (let i = 0; i < 20; i++)
        out.push(
          await a.resources.customers!.read(['c-001']).then(
            () => 'ok',
            (e) => e.code,
          ),
        );
      return out;
    };
    const first = await codes();
    assert.deepEqual(await codes(), first);
    assert.ok(first.includes('ok') && first.some((c) => c !== 'ok'));
  });

  it('may lose the answer of a write it did perform, and answers the retry with the stored complaint', async () => {
    const adapter = memoryAdapter({asOf, faults: {rate: 1, kinds: ['timeout'], seed: 2}});
    const before = adapter.data.complaints.length;
    const keys = Array.from({length: 10}, (_, i) => `lost-${i}`);
    for (const key of keys) {
      await adapter.resources
        .complaints!.create({...complaint, subject: key}, {idempotencyKey: key})
        .then(
          () => assert.fail('every call fails at rate 1'),
          (e) => assert.ok(isRapportError(e, 'timeout'), String(e)),
        );
    }
    const lost = adapter.data.complaints.slice(before);
    assert.ok(
      lost.length > 0 && lost.length < 10,
      `some writes happened before the failure (${lost.length})`,
    );

    adapter.setFaults(null);
    const retried = await Promise.all(
      keys.map((key) =>
        adapter.resources.complaints!.create({...complaint, subject: key}, {idempotencyKey: key}),
      ),
    );
    const stored = adapter.data.complaints.slice(before);
    assert.equal(stored.length, 10, 'each key is stored once');
    for (const done of lost) {
      assert.equal(
        retried.find((c) => c.subject === done.subject)?.id,
        done.id,
        'a retry after a lost answer gets the complaint stored the first time',
      );
    }
  });

  it('refuses bad arguments with the contract guards: keys, page, idempotency key, entity', async () => {
    const adapter = memoryAdapter({asOf, maxBatchSize: 2});
    const field = async (promise: Promise<unknown>, name: string) =>
      assert.rejects(promise, (e) => isRapportError(e, 'invalid_input') && name in e.fields);
    await field(adapter.resources.customers!.read(['c-001', 'c-002', 'c-003']), 'ids');
    await field(adapter.resources.loyaltyAccounts!.read(['']), 'ids');
    await field(adapter.resources.complaints!.list('c-001', {limit: 101}), 'limit');
    await field(adapter.resources.interactions!.list('c-001', {cursor: 'x'}), 'cursor');
    await field(adapter.resources.interactions!.list(''), 'customerId');
    await field(
      adapter.resources.complaints!.create(complaint, {idempotencyKey: ' '}),
      'idempotencyKey',
    );
    await field(adapter.describeFields('nonsense' as never), 'entity');
    assert.equal(
      (await adapter.resources.customers!.read(['c-001', 'c-002', 'c-001'])).length,
      2,
      'a repeated id counts once towards the batch size',
    );
  });

  it('keeps submissions in a JSON file across restarts, written atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-'));
    const path = join(dir, 'data', 'demo.json');
    const first = memoryAdapter({asOf, store: jsonFileStore(path)});
    const stored = await first.resources.complaints!.create(complaint, {
      idempotencyKey: 'persist-1',
    });
    assert.deepEqual(
      readdirSync(join(dir, 'data')),
      ['demo.json'],
      'no temporary file is left behind',
    );
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).format, 3);

    const restarted = memoryAdapter({asOf, store: jsonFileStore(path)});
    const page = await restarted.resources.complaints!.list('c-001', {limit: 1});
    assert.equal(page.items[0]!.id, stored.id);
    const replay = await restarted.resources.complaints!.create(complaint, {
      idempotencyKey: 'persist-1',
    });
    assert.equal(replay.id, stored.id, 'idempotency keys survive the restart too');
    await assert.rejects(
      restarted.resources.complaints!.create(
        {...complaint, subject: 'Other'},
        {idempotencyKey: 'persist-1'},
      ),
      (e) => isRapportError(e, 'conflict'),
      'so does the input a key was used with',
    );

    restarted.reset();
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(saved.complaints.length, 0);
    assert.equal(saved.idempotency.length, 0);
  });

  it('loads the complaints of a format 1 data file and saves it as format 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-'));
    const path = join(dir, 'demo.json');
    const old = memoryAdapter({asOf});
    const stored = await old.resources.complaints!.create(complaint, {idempotencyKey: 'old-key'});
    writeFileSync(
      path,
      JSON.stringify({
        format: 1,
        seed: 42,
        size: 200,
        complaints: [stored],
        idempotency: [['old-key', stableStringify(complaint), stored.id]],
      }),
    );
    const upgraded = memoryAdapter({asOf, store: jsonFileStore(path)});
    assert.equal(
      (await upgraded.resources.complaints!.list('c-001', {limit: 1})).items[0]!.id,
      stored.id,
    );
    assert.equal(upgraded.data.complaints.filter((c) => c.id === stored.id).length, 1);
    await upgraded.resources.complaints!.create(complaint, {idempotencyKey: 'new-key'});
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).format, 3);
  });

  it('refuses a data file that is not its own, and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-'));
    const path = join(dir, 'demo.json');
    writeFileSync(path, '{"not": "ours"');
    assert.throws(
      () => memoryAdapter({asOf, store: jsonFileStore(path)}),
      (e) => isRapportError(e, 'invalid_input') && e.message.includes(path),
    );
    assert.equal(readFileSync(path, 'utf8'), '{"not": "ours"');
  });

  it('rejects custom fields the backend does not have', async () => {
    const adapter = memoryAdapter({asOf});
    await assert.rejects(
      adapter.resources.complaints!.create(
        {...complaint, customFields: {shoe_size: '42'}},
        {idempotencyKey: 'x'},
      ),
      (e) => isRapportError(e, 'invalid_input') && 'customFields.shoe_size' in e.fields,
    );
  });
});
