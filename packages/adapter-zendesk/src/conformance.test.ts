// The Zendesk adapter, on the stateful fake of Zendesk, passes the adapter contract; and so does a
// page's composition of it with a loyalty backend.
import {setupServer} from 'msw/node';
import {after, before} from 'node:test';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {memoryAdapter} from '@rapport/adapter-memory';
import {composeAdapters, validateKeys} from '@rapport/core';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeOrderNumberFieldId, fakeZendesk, type FakeZendesk} from '@rapport/adapter-zendesk/fake';

const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

/** A fresh fake per adapter: the kit's checks create tickets. */
function fresh(users?: Parameters<typeof fakeZendesk>[0]): FakeZendesk {
  const fake = fakeZendesk(users);
  server.resetHandlers(...fake.handlers);
  return fake;
}
/**
 * Solved tickets of the fake's user 1001, one per survey answer the kit makes (Zendesk keeps an
 * answer on the ticket it is about, one per ticket): made for each fresh fake.
 */
let solved: string[] = [];
async function withSolvedTickets(fake: FakeZendesk): Promise<FakeZendesk> {
  solved = [];
  for (let n = 1; n <= 4; n++) {
    const response = await fake.fetch(`${fake.baseUrl}/api/v2/tickets.json`, {
      method: 'POST',
      headers: {authorization: 'Basic kit', 'content-type': 'application/json'},
      body: JSON.stringify({
        ticket: {requester_id: 1001, subject: `Solved ${n}`, comment: {body: 'Sorted out.'}},
      }),
    });
    const {ticket} = (await response.json()) as {ticket: {id: number}};
    fake.update(ticket.id, {status: 'solved'});
    solved.push(String(ticket.id));
  }
  return fake;
}
/**
 * Zendesk keeps one answer per ticket and none standalone, so the kit's generic check, whose last
 * step answers the same input again with a new key, is refused by design; once-per-complaint checks
 * the rule Zendesk keeps.
 */
const skip = {
  'surveyAnswers.create.idempotent':
    'one answer per ticket and no standalone answers: a second answer with a new key is already_answered by design (surveyAnswers.create.once-per-complaint checks the retry and the conflict)',
};
const inputs = {
  surveyAnswers: (customerId: string, n: number) => ({
    customerId,
    complaintId: solved[n - 1]!,
    kind: 'csat' as const,
    score: 1 + (n % 5),
  }),
};

const options = (fake: FakeZendesk) => ({
  baseUrl: fake.baseUrl,
  credentials: {email: 'kit@example.com', apiToken: 'fake-token'},
  customFields: {orderNumber: fakeOrderNumberFieldId},
});

runAdapterConformance({
  name: 'zendesk (fake)',
  create: async () => zendeskAdapter(options(await withSolvedTickets(fresh()))),
  knownCustomerIds: ['1001', '1002'],
  inputs,
  skip,
});

runAdapterConformance({
  name: 'zendesk by e-mail (fake)',
  create: async () =>
    zendeskAdapter({...options(await withSolvedTickets(fresh())), lookUpBy: 'email'}),
  knownCustomerIds: ['mei.chen@example.com', 'ada.lovelace@example.com'],
  inputs,
  skip,
});

// Composed as a page would: customers and complaints from Zendesk, loyalty from another backend.
// The customer ids must exist in both, so the fake is seeded with the memory backend's ids... which
// Zendesk cannot hold (its ids are numbers). Instead the memory backend's loyalty accounts answer
// for the Zendesk ids through a thin key mapping, the same thing a deployment does when its loyalty
// platform keys members by another id.
// Its batches are smaller than Zendesk's (50, not 100): the composed adapter keeps the smaller.
const memory = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z')});
const memoryIdOf: Record<string, string> = {'1001': 'c-001', '1002': 'c-002', '1003': 'c-003'};
const loyalty = {
  ...memory,
  name: 'memory loyalty, keyed by Zendesk id',
  resources: {
    loyaltyAccounts: {
      read: async (keys: readonly string[], o?: {signal?: AbortSignal}) => {
        const ids = validateKeys(keys, 100);
        const entries = await memory.resources.loyaltyAccounts!.read(
          ids.map((k) => memoryIdOf[k] ?? k),
          o,
        );
        return ids.map((id) => {
          const record = entries.find((e) => e.id === (memoryIdOf[id] ?? id))?.record ?? null;
          return {id, record: record && {...record, customerId: id}};
        });
      },
    },
  },
};
runAdapterConformance({
  name: 'composed: zendesk customers and complaints, memory loyalty',
  create: async () => {
    const zendesk = await zendeskAdapter(options(fresh()));
    return composeAdapters({
      customers: zendesk,
      complaints: zendesk,
      interactions: zendesk,
      complaintUpdates: zendesk,
      loyaltyAccounts: loyalty,
    });
  },
  knownCustomerIds: ['1001', '1002'],
});
