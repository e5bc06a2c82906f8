// The card end to end in Node, with HubSpot's testing utilities: HubSpot's side is played by this
// test (the record's properties, and a proxy that signs each `hubspot.fetch` request with signature
// v3, with the gateway tests' signer, written from HubSpot's documented rule), in front of the gateway's real HubSpot front and a
// real gateway on 127.0.0.1.
//
// Not checked offline: which identity parameters HubSpot itself appends to a request (the proxy here
// appends portalId, userId and appId), and `hs project upload` (it needs an account).
import {
  Alert,
  Button,
  DescriptionListItem,
  EmptyState,
  Form,
  Heading,
  Input,
  ProgressBar,
  Select,
  StatisticsItem,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import {createRenderer} from '@hubspot/ui-extensions/testing';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway} from '@rapport/gateway';
import {hubspotCard, type HubSpotCardLogEntry, type HubSpotRequest} from '@rapport/gateway/hubspot';
import {serveGateway} from '@rapport/gateway/node';
import {hubspotSignature} from '../../../../../packages/gateway/test-support/hubspot-signature.js';
import type {HubSpotFetch} from './rapport/index.js';

// hubspot.extend runs when the card's module loads; only HubSpot's worker has it.
vi.mock('@hubspot/ui-extensions', async (original) => {
  const module = await original<typeof import('@hubspot/ui-extensions')>();
  return {...module, hubspot: {...module.hubspot, extend: () => {}}};
});
const {RapportCard} = await import('./RapportCard.js');

const clientSecret = 'hubspot-client-secret-for-the-card-test';
const secret = 'hubspot-card-test-secret-long-enough-to-sign';
const audience = 'rapport-hubspot-card-test';
const adapter = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 20});
const asked: HubSpotRequest[] = [];
const logs: HubSpotCardLogEntry[] = [];
let server: Awaited<ReturnType<typeof serveGateway>>;

beforeAll(async () => {
  const gateway = createGateway({adapter, auth: {secret, audience}, rateLimit: false});
  const front = hubspotCard({
    clientSecret,
    gateway,
    tokens: {key: {secret}, audience},
    basePath: '/hubspot',
    log: (entry) => logs.push(entry),
    // The deployment's role mapping. The signature proves the request came through HubSpot for this
    // app; the query's portalId and userId are claims (see docs/hosts.md), so this mapping trusts only
    // an allow-listed portal, and gives its users the least role: portal 123 agents, portal 456
    // supervisors (as a deployment would after looking the user up on its own side).
    agentFor: (request) => {
      asked.push(request);
      const roles = ({'123': ['agent'], '456': ['supervisor']} as Record<string, string[]>)[
        request.portalId ?? ''
      ];
      return roles ? {agentId: `hubspot:${request.portalId}:${request.userId}`, roles} : null;
    },
  });
  server = await serveGateway(front, {port: 0});
});
afterAll(() => server.close());

/** HubSpot's proxy: appends who is asking, signs (v3) and sends; `signed: false` forgets to sign. */
function hubspotProxy({portalId = '123', signed = true} = {}): HubSpotFetch & {
  urls: string[];
  options: Parameters<HubSpotFetch>[1][];
} {
  const urls: string[] = [];
  const sentOptions: Parameters<HubSpotFetch>[1][] = [];
  const send = async (url: string, options: Parameters<HubSpotFetch>[1]) => {
    sentOptions.push(options);
    const target = new URL(url);
    target.searchParams.set('portalId', portalId);
    target.searchParams.set('userId', '7');
    target.searchParams.set('appId', '42');
    urls.push(target.href);
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    const method = options.method ?? 'GET';
    const timestamp = String(Date.now());
    const signature = hubspotSignature(method, target.href, body, Number(timestamp), clientSecret);
    return fetch(target, {
      method,
      headers: {
        ...(signed && {
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': timestamp,
        }),
        ...(body && {'content-type': 'application/json'}),
      },
      ...(body && {body}),
    });
  };
  return Object.assign(send, {urls, options: sentOptions});
}

function open(send: HubSpotFetch, email: string | null = 'c-002', locale = 'en') {
  const renderer = createRenderer('crm.record.tab');
  // The memory backend names customers c-001…; a gateway over HubSpot with idProperty: 'email' names
  // them by the contact's e-mail address, which is what the card reads.
  // HubSpot answers an empty string for a property the record has no value for.
  renderer.mocks.actions.fetchCrmObjectProperties.nextResult(Promise.resolve({email: email ?? ''}));
  renderer.render(
    <RapportCard
      context={{...renderer.mocks.context, user: {...renderer.mocks.context.user, locale}}}
      fetchProperties={renderer.mocks.actions.fetchCrmObjectProperties}
      gatewayUrl={`${server.url}/hubspot`}
      send={send}
    />,
  );
  return renderer;
}

const customer = adapter.data.customers.find((c) => c.id === 'c-002')!;

describe('the Rapport card in HubSpot', () => {
  it('shows the contact’s customer and balance through the signed front, for the role the gateway chose', async () => {
    const proxy = hubspotProxy();
    const {find, findAll, waitFor, mocks} = open(proxy);
    await waitFor(() => expect(find(Heading).text).toBe(customer.displayName), {timeoutInMs: 4000});
    await waitFor(() => expect(find(StatisticsItem).props.label).toBeTruthy(), {timeoutInMs: 4000});
    const account = (await adapter.resources.loyaltyAccounts!.read(['c-002']))[0]!.record!;
    expect(find(StatisticsItem).props.number).toBe(account.balance.toLocaleString('en'));
    if (account.nextTierName != null)
      expect(find(ProgressBar).props.value).toBe(Math.round(account.tierProgress * 100));
    else expect(findAll(Text).map((t) => t.text)).toContain('Top tier reached');
    expect(mocks.actions.fetchCrmObjectProperties.calls).toEqual([[['email']]]);
    // The gateway decided the role from HubSpot's signed request: agents see the phone partly.
    const items = findAll(DescriptionListItem);
    expect(items.map((i) => i.props.label)).not.toContain('Birthday');
    const phone = items.find((i) => i.props.label === 'Phone')!.find(Text).text!;
    expect(phone).toMatch(/^\*+\d{4}$/);
    expect(phone).not.toBe(customer.phone);
    expect(asked.at(-1)).toEqual({portalId: '123', userId: '7', appId: '42'});
    // No token, no header of ours leaves the card; the complaint form is there for the agent.
    expect(proxy.options.every((o) => !('headers' in o))).toBe(true);
    expect(find(Form)).toBeTruthy();
  });

  it('shows a supervisor what the document lets supervisors see', async () => {
    const {find, findAll, waitFor} = open(hubspotProxy({portalId: '456'}));
    await waitFor(() => expect(find(Heading).text).toBe(customer.displayName), {timeoutInMs: 4000});
    expect(findAll(DescriptionListItem).map((i) => i.props.label)).toContain('Birthday');
  });

  it('files a complaint for the contact once, with the same messages as the Lit form', async () => {
    const proxy = hubspotProxy();
    const {find, findAll, waitFor} = open(proxy);
    await waitFor(() => expect(find(Form)).toBeTruthy(), {timeoutInMs: 4000});
    const subject = () => find(Input, {name: 'subject'});
    // Sent empty: every required field says so, as validateValues does.
    find(Form).trigger('onSubmit', {targetValue: {}} as never);
    await waitFor(() => expect(subject().props.error).toBe(true));
    expect(subject().props.validationMessage).toBe('This field is required.');
    find(Select, {name: 'category'}).trigger('onChange', 'delivery' as never);
    find(Select, {name: 'severity'}).trigger('onChange', 'high' as never);
    subject().trigger('onChange', 'Parcel late (HubSpot)' as never);
    find(TextArea, {name: 'description'}).trigger('onChange', 'Ordered two weeks ago.' as never);
    find(Form).trigger('onSubmit', {targetValue: {}} as never);
    await waitFor(() => expect(find(Alert).props.variant).toBe('success'), {timeoutInMs: 4000});
    const stored = adapter.data.complaints.filter((c) => c.subject === 'Parcel late (HubSpot)');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.customerId).toBe('c-002');
    expect(
      findAll(Text)
        .map((t) => t.text)
        .join(' '),
    ).toContain(stored[0]!.reference);
    const create = proxy.urls.find((url) => url.includes('rapport-idempotency-key='));
    expect(create, 'the idempotency key travels in the signed query').toBeTruthy();
    expect(find(Button, {type: undefined}).text).toBe('Send another complaint');
  });

  for (const [what, proxy, reason] of [
    ['HubSpot did not sign', () => hubspotProxy({signed: false}), 'signature_missing'],
    ['the gateway refuses the portal', () => hubspotProxy({portalId: '999'}), 'agent_refused'],
  ] as const)
    it(`shows nothing of the customer when ${what}`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      logs.length = 0;
      const {find, findAll, waitFor} = open(proxy());
      await waitFor(
        () => expect(find(Text).text).toBe('This information is not available right now.'),
        {timeoutInMs: 4000},
      );
      expect(logs.map((l) => l.reason)).toContain(reason);
      expect(findAll(Heading)).toEqual([]);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
    });

  it('offers no complaint form for a contact the backend does not know', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const {findAll, waitFor} = open(hubspotProxy(), 'c-999');
    await waitFor(
      () =>
        expect(findAll(Text).map((t) => t.text)).toContain(
          'We could not find your customer record. Please contact us another way.',
        ),
      {timeoutInMs: 4000},
    );
    expect(findAll(Text).map((t) => t.text)).toContain('This customer could not be found.');
    expect(findAll(Form)).toEqual([]);
    warn.mockRestore();
  });

  it('says there is no customer for a contact without an e-mail address', async () => {
    const {find, waitFor} = open(hubspotProxy(), null);
    await waitFor(() => expect(find(EmptyState).props.title).toBe('No customer selected.'), {
      timeoutInMs: 4000,
    });
  });

  it('speaks the HubSpot user’s language', async () => {
    const {findAll, waitFor} = open(hubspotProxy(), 'c-002', 'zh-CN');
    await waitFor(
      () => expect(findAll(DescriptionListItem).map((i) => i.props.label)).toContain('电话'),
      {timeoutInMs: 4000},
    );
  });
});
