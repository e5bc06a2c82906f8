import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {createDemoData, demoProgram, memoryAdapter} from '@rapport/adapter-memory';
import {jsonFileStore} from '@rapport/adapter-memory/node';
import {
  computeReport,
  isRapportError,
  replayLedger,
  reportNames,
  servedReports,
  scoreRfm,
  stableStringify,
  type ComplaintInput,
  type Page,
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

  it('offers a reward for every case: each kind, a tier, a stock, a limit, windows ended and to come', () => {
    const rewards = data.rewards;
    assert.deepEqual(new Set(rewards.map((r) => r.kind)), new Set(['coupon', 'discount', 'item']));
    assert.ok(rewards.some((r) => r.discount?.kind === 'amount' && r.discount.currency === 'CNY'));
    assert.ok(rewards.some((r) => r.minimumTierId === 'gold'));
    assert.ok(rewards.some((r) => r.stock === 3));
    assert.ok(rewards.some((r) => r.limitPerCustomer === 1));
    const at = Date.parse(data.asOf);
    assert.ok(rewards.some((r) => r.availableUntil && Date.parse(r.availableUntil) < at));
    assert.ok(rewards.some((r) => r.availableFrom && Date.parse(r.availableFrom) > at));
    const bilingual = (text: unknown) =>
      typeof text === 'object' && text !== null && 'en' in text && 'zh-CN' in text;
    for (const r of rewards) assert.ok(bilingual(r.name) && bilingual(r.description), r.id);
    assert.ok(demoProgram.tiers.every((t) => t.benefits && t.benefits.length > 0));
    assert.deepEqual(data.redemptions, [], 'the seeded ledgers predate the catalogue');
  });

  it('answers surveys only after a resolution and before asOf', () => {
    const complaints = new Map(data.complaints.map((c) => [c.id, c]));
    assert.ok(data.surveyAnswers.some((a) => a.kind === 'csat'));
    assert.ok(data.surveyAnswers.some((a) => a.kind === 'nps' && a.complaintId === null));
    for (const a of data.surveyAnswers) {
      assert.ok(Date.parse(a.createdAt) < Date.parse(data.asOf), a.id);
      if (a.complaintId === null) continue;
      const c = complaints.get(a.complaintId)!;
      assert.equal(c.customerId, a.customerId);
      assert.ok(
        Date.parse(a.createdAt) > Date.parse(c.resolvedAt!),
        `${a.id} follows the resolution`,
      );
    }
    const about = data.surveyAnswers
      .filter((a) => a.complaintId !== null)
      .map((a) => a.complaintId);
    assert.equal(new Set(about).size, about.length, 'one answer per complaint');
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

  it('keeps redemptions, complaint updates and survey answers across restarts, and forgets them on reset', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rapport-')), 'demo.json');
    let t = asOf.getTime();
    const options = {asOf, size: 30, now: () => (t += 1000), store: jsonFileStore(path)};
    const first = memoryAdapter(options);
    const r = first.resources;
    const filed = await r.complaints!.create(
      {...complaint, customerId: 'c-008'},
      {idempotencyKey: 'c1'},
    );
    const agent = {kind: 'staff', role: 'agent'} as const;
    await r.complaintUpdates!.create(
      {complaintId: filed.id, customerId: 'c-008', action: 'acknowledge', author: agent},
      {idempotencyKey: 'u1'},
    );
    const seededReply = await r.complaintUpdates!.create(
      {complaintId: 'k-0014', customerId: 'c-008', body: 'Any news?'},
      {idempotencyKey: 'u2'},
    );
    const coupon = await r.redemptions!.create(
      {customerId: 'c-008', rewardId: 'fifty-off'},
      {idempotencyKey: 'r1'},
    );
    const item = await r.redemptions!.create(
      {customerId: 'c-008', rewardId: 'first-flush'},
      {idempotencyKey: 'r2'},
    );
    const survey = await r.surveyAnswers!.create(
      {customerId: 'c-008', complaintId: 'k-0013', kind: 'csat', score: 5},
      {idempotencyKey: 's1'},
    );
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(saved.format, 3);
    assert.deepEqual(
      [
        saved.complaints.length,
        saved.changedComplaints.length,
        saved.redemptions.length,
        saved.complaintUpdates.length,
        saved.surveyAnswers.length,
      ],
      [1, 1, 2, 2, 1],
    );

    const again = memoryAdapter(options);
    const a = again.resources;
    const read = async () => (await a.loyaltyAccounts!.read(['c-008']))[0]!.record!;
    const complaints = (await a.complaints!.list('c-008', {limit: 100})).items;
    assert.equal(complaints.find((c) => c.id === filed.id)!.status, 'acknowledged');
    assert.equal(complaints.find((c) => c.id === 'k-0014')!.updatedAt, seededReply.at);
    const thread = (await a.complaintUpdates!.list('c-008', {limit: 3})).items;
    assert.deepEqual(
      thread
        .slice(0, 2)
        .map((u) => u.id)
        .reverse(),
      first.data.complaintUpdates.slice(-2).map((u) => u.id),
    );
    assert.deepEqual((await a.redemptions!.list('c-008')).items, [item, coupon]);
    const account = await read();
    assert.deepEqual(
      account,
      first.data.accounts.find((x) => x.customerId === 'c-008'),
    );
    assert.equal(account.coupons.at(-1)!.code, coupon.code);
    assert.equal(
      (await a.pointsTransactions!.list('c-008', {limit: 1})).items[0]!.id,
      item.transactionId,
    );
    const rewards = (await a.rewards!.list('c-008', {limit: 100})).items;
    assert.equal(rewards.find((x) => x.id === 'first-flush')!.stock, 2);
    assert.equal(rewards.find((x) => x.id === 'fifty-off')!.redeemedCount, 1);
    assert.deepEqual((await a.surveyAnswers!.list('c-008')).items, [survey]);

    // The keys survive too: a retry is answered, not made again; new records take new ids.
    assert.deepEqual(
      await a.redemptions!.create(
        {customerId: 'c-008', rewardId: 'fifty-off'},
        {idempotencyKey: 'r1'},
      ),
      coupon,
    );
    assert.equal((await read()).balance, account.balance);
    await assert.rejects(
      a.surveyAnswers!.create(
        {customerId: 'c-008', complaintId: 'k-0013', kind: 'csat', score: 2},
        {idempotencyKey: 's2'},
      ),
      (e) => isRapportError(e, 'conflict') && e.details.reason === 'already_answered',
    );
    const third = await a.redemptions!.create(
      {customerId: 'c-008', rewardId: 'tea-sampler'},
      {idempotencyKey: 'r3'},
    );
    assert.ok(![coupon.id, item.id].includes(third.id));
    assert.notEqual(third.code, coupon.code);

    again.reset();
    const empty = JSON.parse(readFileSync(path, 'utf8'));
    for (const list of [
      'complaints',
      'changedComplaints',
      'redemptions',
      'complaintUpdates',
      'surveyAnswers',
      'idempotency',
    ])
      assert.deepEqual(empty[list], [], `${list} is forgotten`);
    assert.equal(
      (await read()).balance,
      createDemoData({asOf, size: 30}).accounts.find((x) => x.customerId === 'c-008')!.balance,
    );
    assert.equal((await a.redemptions!.list('c-008')).items.length, 0);
    assert.equal(
      (await a.complaints!.list('c-008', {limit: 100})).items.find((c) => c.id === 'k-0014')!
        .updatedAt,
      createDemoData({asOf, size: 30}).complaints.find((c) => c.id === 'k-0014')!.updatedAt,
    );
  });

  it('loads the day of the data a snapshot was written against, so its redemptions fit the ledgers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rapport-')), 'demo.json');
    const first = memoryAdapter({asOf, size: 30, store: jsonFileStore(path)});
    const made = await first.resources.redemptions!.create(
      {customerId: 'c-008', rewardId: 'gaiwan'},
      {idempotencyKey: 'day'},
    );
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).asOf, asOf.toISOString());

    const later = memoryAdapter({size: 30, store: jsonFileStore(path)});
    assert.equal(later.data.asOf, asOf.toISOString(), 'the day of the snapshot, not today');
    assert.deepEqual((await later.resources.redemptions!.list('c-008')).items, [made]);

    const otherDay = memoryAdapter({
      asOf: new Date('2026-12-01T00:00:00Z'),
      size: 30,
      store: jsonFileStore(path),
    });
    assert.deepEqual(
      (await otherDay.resources.redemptions!.list('c-008')).items,
      [],
      'writes made against another day’s ledgers are not carried over',
    );
  });

  it('loads the complaints and keys of a format 2 data file and saves it as format 3', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rapport-')), 'demo.json');
    const first = memoryAdapter({asOf, store: jsonFileStore(path)});
    const stored = await first.resources.complaints!.create(complaint, {idempotencyKey: 'v2-key'});
    const {complaints, idempotency} = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({format: 2, seed: 42, size: 200, complaints, idempotency}));

    const upgraded = memoryAdapter({asOf, store: jsonFileStore(path)});
    assert.equal(
      (await upgraded.resources.complaints!.list('c-001', {limit: 1})).items[0]!.id,
      stored.id,
    );
    assert.equal(
      (await upgraded.resources.complaints!.create(complaint, {idempotencyKey: 'v2-key'})).id,
      stored.id,
      'its keys still answer',
    );
    await upgraded.resources.surveyAnswers!.create(
      {customerId: 'c-001', kind: 'nps', score: 8},
      {idempotencyKey: 'n'},
    );
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(saved.format, 3);
    assert.equal(saved.complaints.length, 1);
    assert.equal(saved.surveyAnswers.length, 1);
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

describe('memoryAdapter scans', () => {
  const scanAll = async <T>(
    scan: (page: {cursor?: string; limit: number}) => Promise<Page<T>>,
    limit: number,
    between?: () => Promise<unknown>,
  ): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page = await scan({...(cursor !== null && {cursor}), limit});
      items.push(...page.items);
      cursor = page.nextCursor;
      await between?.();
      between = undefined;
    } while (cursor !== null);
    return items;
  };

  it('reads every complaint once, the one submitted during the scan too', async () => {
    const adapter = memoryAdapter({asOf, size: 40});
    const before = adapter.data.complaints.length;
    const seen = await scanAll(adapter.resources.complaints!.scan!, 7, () =>
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'scan-1'}),
    );
    assert.equal(seen.length, before + 1);
    assert.equal(new Set(seen.map((c) => c.id)).size, seen.length);
  });

  it('reads every ledger line and account, customer by customer, in pages of the limit', async () => {
    const adapter = memoryAdapter({asOf, size: 40});
    const lines = await scanAll(adapter.resources.pointsTransactions!.scan!, 9);
    assert.equal(lines.length, adapter.data.transactions.length);
    assert.deepEqual(
      new Set(lines.map((l) => l.id)),
      new Set(adapter.data.transactions.map((t) => t.id)),
    );
    const accounts = await scanAll(adapter.resources.loyaltyAccounts!.scan!, 1000);
    assert.equal(accounts.length, adapter.data.accounts.length);
    const purchases = await scanAll(adapter.resources.purchases!.scan!, 1000);
    assert.equal(purchases.length, adapter.data.purchases.length);
  });

  it('refuses a scan page beyond 1,000 and a cursor it did not give out', async () => {
    const adapter = memoryAdapter({asOf, size: 10});
    await assert.rejects(
      adapter.resources.customers!.scan!({limit: 1001}),
      (error) => isRapportError(error, 'invalid_input') && 'limit' in error.fields,
    );
    await assert.rejects(
      adapter.resources.pointsTransactions!.scan!({cursor: '3'}),
      (error) => isRapportError(error, 'invalid_input') && 'cursor' in error.fields,
    );
  });

  it('serves every report, computed from its data', async () => {
    const adapter = memoryAdapter({asOf, size: 40});
    assert.deepEqual(servedReports(adapter), reportNames);
    const range = {from: '2025-11-01T00:00:00Z', to: asOf.toISOString()};
    const report = await computeReport(adapter, 'complaintsByStatus', range, {
      minimumGroupSize: 1,
      now: asOf,
    });
    const inRange = adapter.data.complaints.filter(
      (c) => c.createdAt >= range.from && c.createdAt < range.to,
    );
    assert.equal(report.figures[0]!.value, inRange.length);
    const statuses = report.categories.map((s, i) => [s, report.series[0]!.values[i]]);
    for (const [status, count] of statuses)
      assert.equal(count, inRange.filter((c) => c.status === status).length, String(status));
  });
});
