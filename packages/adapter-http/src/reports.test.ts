// Reports over the wire: the client, adapter-http, a real gateway on 127.0.0.1, the memory backend.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {memoryAdapter} from '@rapport/adapter-memory';
import {httpAdapter} from '@rapport/adapter-http';
import {computeReport, createClient, isRapportError, reportPeriod} from '@rapport/core';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';

const secret = 'reports-secret-that-is-long-enough-to-sign';
const audience = 'https://gateway.test';
const asOf = new Date('2026-11-01T00:00:00Z');
const backend = memoryAdapter({asOf, size: 60, now: () => asOf.getTime()});
let server: RunningServer;

before(async () => {
  server = await serveGateway(
    createGateway({
      adapter: backend,
      auth: {secret, audience},
      rateLimit: false,
      reports: {now: () => asOf.getTime()},
    }),
    {port: 0},
  );
});
after(() => server.close());

const clientAs = (role: string) =>
  createClient(
    httpAdapter({
      url: server.url,
      getToken: () => signAgentToken({agentId: 'ana', roles: [role], key: {secret}, audience}),
    }),
  );

describe('reports over HTTP', () => {
  const range = reportPeriod('last-12-months', asOf);

  it('gives a supervisor the figures the gateway computes from the backend', async () => {
    const report = await clientAs('supervisor').report('complaintSla', range);
    const direct = await computeReport(backend, 'complaintSla', range, {now: asOf});
    assert.deepEqual(report, direct);
    // 1 December 2025 to 1 December 2026: 365 days from a Monday, so 52 weeks and a day.
    assert.equal(report.categories.length, 53);
    assert.equal(report.categories[0], '2025-12-01');
  });

  it('passes filters and answers a refusal as a typed error', async () => {
    const agent = clientAs('agent');
    const report = await agent.report('complaintsByStatus', {...range, category: 'delivery'});
    assert.deepEqual(report.filters, {category: 'delivery'});
    await assert.rejects(agent.report('loyaltyTiers', range), (error) =>
      isRapportError(error, 'forbidden'),
    );
    await assert.rejects(
      agent.report('complaintsByCategory', {...range, category: 'x'}),
      (error) => isRapportError(error, 'invalid_input') && 'category' in error.fields,
    );
  });
});
