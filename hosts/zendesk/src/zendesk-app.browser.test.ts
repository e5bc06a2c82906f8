// The Zendesk app, end to end in Chromium: this page plays Zendesk. It opens the sidebar the way
// Zendesk does with signed URLs (a form POST of a signed JWT to the app's URL, here the gateway's
// Zendesk helper on the test server) into an iframe, then answers the page's ZAF SDK with the SDK's
// postMessage protocol: the handshake, `get` requests and events.
//
// What this cannot check offline: that Zendesk accepts the app (`zcli apps:validate` and
// `apps:package` need an account), the exact claims of Zendesk's own JWT, and Zendesk's own frame.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

interface Setup {
  mount: string;
  gatewayUrl: string;
  jwt: string;
  customers: {id: string; name: string; email: string}[];
}

const setup = (location = 'ticket_sidebar', signedBy?: 'stranger') =>
  executeServerCommand<Setup, {location: string; signedBy?: string}>('rapport-zendesk-app', {
    location,
    ...(signedBy && {signedBy}),
  });

type Data = Record<string, unknown>;

/** The Zendesk side of the frame: what the SDK in the sidebar asks, and the events it listens to. */
class FakeZendesk {
  readonly subscriptions = new Set<string>();
  readonly asked: string[] = [];
  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly app: {settings: Data; context: Data; data: Data},
  ) {
    window.addEventListener('message', this.listen);
  }

  private send(message: unknown): void {
    this.frame.contentWindow!.postMessage(JSON.stringify(message), window.location.origin);
  }

  private readonly listen = (event: MessageEvent): void => {
    if (event.source !== this.frame.contentWindow || typeof event.data !== 'string') return;
    const message = JSON.parse(event.data) as {
      key?: string;
      id?: number;
      request?: string;
      params?: string[];
      message?: {subscriberCount?: number};
    };
    if (message.key === 'iframe.handshake')
      this.send({
        key: 'zaf.app.registered',
        message: {metadata: {settings: this.app.settings}, context: this.app.context},
      });
    else if (message.key?.startsWith('iframe.on:'))
      this.subscriptions.add(message.key.slice('iframe.on:'.length));
    else if (message.key?.startsWith('iframe.off:') && message.message?.subscriberCount === 0)
      this.subscriptions.delete(message.key.slice('iframe.off:'.length));
    else if (message.request === 'get') {
      const params = message.params ?? [];
      this.asked.push(...params);
      const result: Data = {errors: {}};
      for (const path of params) result[path] = this.app.data[path];
      this.send({id: message.id, result});
    }
  };

  /** Another record on screen: Zendesk's data changes and it tells the app. */
  change(path: string, value: unknown, event: string): void {
    this.app.data[path] = value;
    this.send({key: `zaf.${event}`, message: value});
  }

  close(): void {
    window.removeEventListener('message', this.listen);
    this.frame.remove();
  }
}

/** Opens the sidebar as Zendesk does: POSTs the signed JWT to the app's URL into a new frame. */
async function openSidebar(
  mount: string,
  token: string | undefined,
  app: {settings: Data; context: Data; data: Data},
) {
  const frame = document.createElement('iframe');
  frame.name = `sidebar-${Math.random().toString(36).slice(2)}`;
  frame.style.cssText = 'width: 340px; height: 900px';
  document.body.append(frame);
  const zendesk = new FakeZendesk(frame, app);
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `${mount}?origin=${encodeURIComponent(window.location.origin)}&app_guid=app-1`;
  form.target = frame.name;
  if (token !== undefined) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'token';
    input.value = token;
    form.append(input);
  }
  document.body.append(form);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  form.submit();
  form.remove();
  await loaded;
  return {frame, zendesk, page: frame.contentDocument!};
}

async function until(predicate: () => unknown, what: string, timeout = 8000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const shadowText = (page: Document, tag: string, part: string) =>
  page.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.trim() ??
  '';

const requester = (customer: {id: string; email: string}) => ({
  id: 9001,
  name: 'Requester',
  email: customer.email,
  externalId: customer.id,
});

describe('the Zendesk app, with Zendesk played by this page', () => {
  it('shows the requester’s card and balance, and follows the ticket when the requester changes', async () => {
    const {mount, gatewayUrl, jwt, customers} = await setup();
    const [first, second] = customers as [Setup['customers'][0], Setup['customers'][0]];
    const {zendesk, page} = await openSidebar(mount, jwt, {
      settings: {gateway_url: gatewayUrl, customer_id: 'external_id'},
      context: {location: 'ticket_sidebar', product: 'support', ticketId: 7},
      data: {'ticket.requester': requester(first), currentUser: {id: 1, locale: 'en-US'}},
    });
    try {
      await until(
        () => shadowText(page, 'rapport-customer-card', 'name') === first.name,
        'the first requester’s card',
      );
      await until(
        () => shadowText(page, 'rapport-loyalty-balance', 'tier') !== '',
        'the requester’s balance',
      );
      expect(zendesk.asked).to.include('ticket.requester').and.include('currentUser');
      expect([...zendesk.subscriptions]).to.include('ticket.requester.externalId.changed');
      zendesk.change('ticket.requester', requester(second), 'ticket.requester.externalId.changed');
      await until(
        () => shadowText(page, 'rapport-customer-card', 'name') === second.name,
        'the second requester’s card',
      );
    } finally {
      zendesk.close();
    }
  });

  it('shows the user sidebar’s user in the agent’s language', async () => {
    const {mount, gatewayUrl, jwt, customers} = await setup('user_sidebar');
    const customer = customers[0]!;
    const {zendesk, page} = await openSidebar(mount, jwt, {
      settings: {gateway_url: gatewayUrl, customer_id: 'external_id'},
      context: {location: 'user_sidebar', product: 'support'},
      data: {user: requester(customer), currentUser: {id: 1, locale: 'zh-cn'}},
    });
    try {
      await until(
        () => shadowText(page, 'rapport-customer-card', 'name') === customer.name,
        'the user’s card',
      );
      const labels = [
        ...page.querySelector('rapport-customer-card')!.shadowRoot!.querySelectorAll('dt'),
      ].map((dt) => dt.textContent);
      expect(labels).to.include('电话');
      expect(zendesk.asked).to.include('user');
    } finally {
      zendesk.close();
    }
  });

  for (const [what, token] of [
    ['without a signed JWT', async () => undefined],
    [
      'with a JWT Zendesk did not sign',
      async () => (await setup('ticket_sidebar', 'stranger')).jwt,
    ],
  ] as const) {
    it(`gets no page, no token and no data ${what}`, async () => {
      const {mount, gatewayUrl, customers} = await setup();
      const {zendesk, page} = await openSidebar(mount, await token(), {
        settings: {gateway_url: gatewayUrl, customer_id: 'external_id'},
        context: {location: 'ticket_sidebar', product: 'support'},
        data: {'ticket.requester': requester(customers[0]!), currentUser: {locale: 'en'}},
      });
      try {
        // The helper's neutral page: no reason, no token.
        expect(page.title).to.equal('Unavailable');
        expect(page.querySelector('meta[name="rapport-token"]')).to.equal(null);
        expect(page.querySelector('rapport-provider')).to.equal(null);
        expect(page.body.textContent).not.to.contain(customers[0]!.name);
        expect(zendesk.asked).to.deep.equal([]);
      } finally {
        zendesk.close();
      }
    });
  }
});
