// The sidebar's host in Node: a ZAF client played by the test, and a real gateway Zendesk helper on
// 127.0.0.1 for the session's fresh tokens.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {exportSPKI, generateKeyPair, SignJWT} from 'jose';
import {serveGateway} from '@rapport/gateway/node';
import {zendeskApp} from '@rapport/gateway/zendesk';
import {zendeskHost, type ZafClient, type ZendeskSession} from './zendesk-host.js';

const secret = 'zendesk-host-test-secret-long-enough-to-sign';
const audience = 'rapport-zendesk-host-test';

/** Zendesk's side: the records on screen and the events the app listens to. */
function fakeZaf(location: string, data: Record<string, unknown>) {
  const handlers = new Map<string, Set<() => void>>();
  const client: ZafClient = {
    get: async (path) => ({[path]: data[path], errors: {}}),
    context: async () => ({location}),
    on: (event, handler) =>
      void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
    off: (event, handler) => void handlers.get(event)?.delete(handler),
  };
  return {
    client,
    data,
    events: () => [...handlers].filter(([, set]) => set.size > 0).map(([event]) => event),
    trigger: (event: string) => handlers.get(event)?.forEach((handler) => handler()),
  };
}

const session = (extra: Partial<ZendeskSession> = {}): ZendeskSession => ({
  token: 'first-token',
  expiresAt: Date.now() + 600_000,
  session: 'not-a-session',
  viewerRole: 'supervisor',
  refreshUrl: 'http://127.0.0.1:9/unused',
  ...extra,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('zendeskHost', () => {
  it('names the ticket requester by e-mail address, with the role from the server and the agent’s locale', async () => {
    const zaf = fakeZaf('ticket_sidebar', {
      'ticket.requester': {id: 1, email: ' ada@example.com ', externalId: 'c-1'},
      currentUser: {locale: 'zh-cn'},
    });
    const host = zendeskHost(zaf.client, {customerId: 'email', session: session()});
    assert.deepEqual(await host.view(), {
      customerId: 'ada@example.com',
      viewerRole: 'supervisor',
      locale: 'zh-CN',
    });
  });

  it('names the user sidebar’s user by external id, and says when there is none', async () => {
    const zaf = fakeZaf('user_sidebar', {user: {id: 2, email: 'x@example.com'}, currentUser: {}});
    const host = zendeskHost(zaf.client, {customerId: 'externalId', session: session()});
    assert.deepEqual(await host.view(), {customerId: null, viewerRole: 'supervisor', locale: 'en'});
    zaf.data.user = {id: 2, externalId: 'c-7'};
    assert.equal((await host.view()).customerId, 'c-7');
  });

  it('listens to the events that change the customer, and stops when asked', async () => {
    const zaf = fakeZaf('ticket_sidebar', {'ticket.requester': {}, currentUser: {}});
    const host = zendeskHost(zaf.client, {customerId: 'email', session: session()});
    let calls = 0;
    const stop = host.watch(() => (calls += 1));
    await tick();
    assert.deepEqual(zaf.events().sort(), [
      'ticket.requester.email.changed',
      'ticket.requester.id.changed',
    ]);
    zaf.trigger('ticket.requester.email.changed');
    assert.equal(calls, 1);
    stop();
    assert.deepEqual(zaf.events(), []);

    const users = fakeZaf('user_sidebar', {user: {}, currentUser: {}});
    zendeskHost(users.client, {customerId: 'externalId', session: session()}).watch(() => {});
    await tick();
    assert.deepEqual(users.events(), ['user.externalId.changed']);
  });

  it('refuses a location it does not run in, naming it', async () => {
    const zaf = fakeZaf('nav_bar', {currentUser: {}});
    const host = zendeskHost(zaf.client, {customerId: 'email', session: session()});
    await assert.rejects(host.view(), /ticket_sidebar and user_sidebar locations, not in nav_bar/);
  });

  describe('tokens', () => {
    let server: Awaited<ReturnType<typeof serveGateway>>;
    let sessionToken: string;
    let refreshUrl: string;
    /** What the helper did, by event: how many fresh tokens it handed out. */
    const served: string[] = [];

    before(async () => {
      const zendesk = await generateKeyPair('RS256', {extractable: true});
      const app = zendeskApp({
        subdomain: 'acme',
        installationId: 42,
        publicKey: await exportSPKI(zendesk.publicKey),
        page: '<!doctype html><html><head></head><body></body></html>',
        tokens: {key: {secret}, audience},
        log: (entry) => served.push(entry.event),
      });
      server = await serveGateway((request) => app(request), {port: 0});
      refreshUrl = `${server.url}/zendesk/app/`;
      const jwt = await new SignJWT({context: {product: 'support', location: 'ticket_sidebar'}})
        .setProtectedHeader({alg: 'RS256'})
        .setIssuer('acme.zendesk.com')
        .setSubject('1900001')
        .setAudience('https://acme.zendesk.com/api/v2/apps/installations/42.json')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(zendesk.privateKey);
      const page = await (
        await fetch(refreshUrl, {
          method: 'POST',
          headers: {'content-type': 'application/x-www-form-urlencoded'},
          body: `token=${jwt}`,
        })
      ).text();
      sessionToken = /name="rapport-session" content="([^"]+)"/.exec(page)![1]!;
    });

    after(() => server.close());

    const zaf = () => fakeZaf('ticket_sidebar', {'ticket.requester': {}, currentUser: {}}).client;

    it('hands out the page’s token while it is fresh', async () => {
      const host = zendeskHost(zaf(), {customerId: 'email', session: session()});
      assert.equal(await host.getToken({refresh: false}), 'first-token');
    });

    it('trades the session for a fresh token near expiry or when asked, once for concurrent calls', async () => {
      const host = zendeskHost(zaf(), {
        customerId: 'email',
        session: session({expiresAt: Date.now() + 1_000, session: sessionToken, refreshUrl}),
      });
      served.length = 0;
      const [a, b] = await Promise.all([
        host.getToken({refresh: false}),
        host.getToken({refresh: false}),
      ]);
      assert.notEqual(a, 'first-token');
      assert.equal(a, b);
      assert.deepEqual(served, ['token'], 'one request for the two calls');
      // The fresh token lives 15 minutes, so it is handed out as is until asked to refresh.
      assert.equal(await host.getToken({refresh: false}), a);
      const again = await host.getToken({refresh: true});
      assert.ok(again && again.split('.').length === 3);
      assert.deepEqual(served, ['token', 'token']);
    });

    it('says to reload the app when the session is refused', async () => {
      const host = zendeskHost(zaf(), {
        customerId: 'email',
        session: session({session: 'forged', refreshUrl}),
      });
      await assert.rejects(
        host.getToken({refresh: true}),
        /could not be renewed \(HTTP 401\); reload the app/,
      );
    });
  });
});
