import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {complaintStatuses, reportNames, type ComplaintInput, type Report} from '@rapport/core';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import {agentToken, asOf, complaint, customerToken, setup} from '../test-support/support.js';

const range = `from=2025-11-01T00:00:00Z&to=${asOf.toISOString()}`;
const supervisor = () => agentToken(['supervisor']);

/** The default document with a `reports` section and one field's access changed. */
function documentWith(
  change: {reports?: CustomizationDocument['reports']; hide?: {field: string; role: string}} = {},
): CustomizationDocument {
  const fields = structuredClone(defaultCustomization.fields);
  if (change.hide) {
    const field = fields[change.hide.field]!;
    field.access = {...field.access, [change.hide.role]: 'hidden'};
  }
  return {...defaultCustomization, fields, ...(change.reports && {reports: change.reports})};
}

describe('GET /v1/reports/:report', () => {
  it('counts the backend’s complaints by status for an agent, withholding groups of fewer than k', async () => {
    const {adapter, call} = setup({
      customization: documentWith({reports: {minimumGroupSize: 2}}),
    });
    const {status, body} = await call(`/v1/reports/complaints-by-status?${range}`, {
      token: await agentToken(),
    });
    assert.equal(status, 200, JSON.stringify(body));
    const report = body as Report;
    const inRange = adapter.data.complaints.filter(
      (c) => c.createdAt >= '2025-11-01T00:00:00Z' && c.createdAt < asOf.toISOString(),
    );
    assert.ok(inRange.length > 0);
    assert.deepEqual(report.categories, complaintStatuses);
    const {values, suppressed} = report.series[0]!;
    for (const [i, status] of complaintStatuses.entries()) {
      const own = inRange.filter((c) => c.status === status);
      const people = new Set(own.map((c) => c.customerId ?? c.id)).size;
      if (people === 1) assert.ok(suppressed.includes(i), `${status}: one person, withheld`);
      assert.equal(values[i], suppressed.includes(i) ? null : own.length, status);
    }
    assert.equal(report.figures[0]!.value, inRange.length);
    assert.equal(report.minimumGroupSize, 2);
  });

  it('refuses a customer token, and an agent asking for a supervisor’s report', async () => {
    const {call} = setup();
    const customer = await call(`/v1/reports/complaints-by-status?${range}`, {
      token: await customerToken('c-001'),
    });
    assert.equal(customer.status, 403);
    assert.equal(customer.body.error.code, 'forbidden');
    const agent = await call(`/v1/reports/customer-segments?${range}`, {
      token: await agentToken(),
    });
    assert.equal(agent.status, 403);
    assert.match(agent.body.error.message, /agent role may not see the customerSegments report/);
    const boss = await call(`/v1/reports/customer-segments?${range}`, {token: await supervisor()});
    assert.equal(boss.status, 200);
    const anonymous = await call(`/v1/reports/complaints-by-status?${range}`);
    assert.equal(anonymous.status, 401);
  });

  it('follows the document: the reports it shows to a role, and the fields that role may see', async () => {
    const shown = setup({
      customization: documentWith({reports: {show: {loyaltyTiers: {roles: ['agent']}}}}),
    });
    const token = await agentToken();
    assert.equal((await shown.call(`/v1/reports/loyalty-tiers?${range}`, {token})).status, 200);
    assert.equal(
      (await shown.call(`/v1/reports/complaints-by-status?${range}`, {token})).status,
      403,
    );

    const hidden = setup({
      customization: documentWith({hide: {field: 'category', role: 'agent'}}),
    });
    const byCategory = await hidden.call(`/v1/reports/complaints-by-category?${range}`, {token});
    assert.equal(byCategory.status, 403);
    assert.match(byCategory.body.error.message, /counts the complaint category/);
    // A filter counts its field too.
    const filtered = await hidden.call(
      `/v1/reports/complaints-by-status?${range}&category=delivery`,
      {token},
    );
    assert.equal(filtered.status, 403);
    assert.equal(
      (await hidden.call(`/v1/reports/complaints-by-status?${range}`, {token})).status,
      200,
    );
  });

  it('names what is wrong with a request', async () => {
    const {call} = setup();
    const token = await supervisor();
    const unknown = await call(`/v1/reports/complaints-by-colour?${range}`, {token});
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /complaints-by-status/);
    const noFrom = await call(`/v1/reports/complaints-by-status?to=2026-01-01`, {token});
    assert.equal(noFrom.status, 400);
    assert.ok('from' in noFrom.body.error.fields);
    const segment = await call(`/v1/reports/loyalty-tiers?${range}&segment=royals`, {token});
    assert.equal(segment.status, 400);
    assert.ok('segment' in segment.body.error.fields);
  });

  it('keeps a computed report for the cache time, then computes it again', async () => {
    let clock = Date.parse('2026-11-20T00:00:00Z');
    const {adapter, call} = setup({reports: {cacheSeconds: 60, now: () => clock}});
    const token = await agentToken();
    const path = `/v1/reports/complaints-by-category?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`;
    const first = (await call(path, {token})).body as Report;
    await adapter.resources.complaints!.create(
      {...complaint('c-001'), category: 'staff'} as ComplaintInput,
      {idempotencyKey: 'report-cache'},
    );
    // The memory backend dates the complaint now: within the range only if now is in it.
    const created = adapter.data.complaints.at(-1)!;
    const inRange = created.createdAt >= '2026-11-01' && created.createdAt < '2026-12-01';
    clock += 30_000;
    assert.deepEqual((await call(path, {token})).body, first);
    clock += 31_000;
    const later = (await call(path, {token})).body as Report;
    assert.equal(later.figures[0]!.value, first.figures[0]!.value! + (inRange ? 1 : 0));
    assert.notEqual(later.asOf, first.asOf);
  });

  it('computes at most maxConcurrent reports at once, and keys its cache on the instants', async () => {
    const {call} = setup({reports: {maxConcurrent: 1}}, {latency: 30});
    const token = await supervisor();
    // Verified once before, so both requests below reach the route in the order they were sent.
    assert.equal((await call('/v1/customization', {token})).status, 200);
    const [first, second] = await Promise.all([
      call(`/v1/reports/complaints-by-status?${range}`, {token}),
      call(`/v1/reports/loyalty-tiers?${range}`, {token}),
    ]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 503);
    assert.equal(second.body.error.details.reason, 'reports_busy');
    assert.ok(Number(second.headers.get('retry-after')) >= 1);
    // The same days written another way come from the cache, at once, even while busy.
    const same = await call(`/v1/reports/complaints-by-status?from=2025-11-01&to=2026-11-01`, {
      token,
    });
    assert.deepEqual(same.body, first.body);
  });

  it('lists the reports the backend can compute in the capabilities', async () => {
    const {call} = setup();
    const {body} = await call('/v1/capabilities');
    assert.deepEqual(body.reports, reportNames);
  });
});
