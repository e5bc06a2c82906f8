// The HTTP adapter in Chromium, against msw's service worker.
import {expect} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {setupWorker} from 'msw/browser';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, isRapportError} from '@rapport/core';

const url = `${location.origin}/gateway`;
const worker = setupWorker();

describe('httpAdapter in a browser (msw service worker)', () => {
  before(() => worker.start({quiet: true, onUnhandledRequest: 'bypass'}));
  afterEach(() => worker.resetHandlers());
  after(async () => {
    worker.stop();
    for (const registration of await navigator.serviceWorker.getRegistrations())
      await registration.unregister();
  });

  it('is answered by the service worker', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
  });

  it('reads a batch through the client and sends the token', async () => {
    let auth: string | null = null;
    worker.use(
      http.get(`${url}/v1/customers`, ({request}) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({
          results: new URL(request.url).searchParams
            .getAll('id')
            .map((id) => ({id, record: {id, displayName: `Customer ${id}`}})),
        });
      }),
    );
    const client = createClient(httpAdapter({url, getToken: () => 'browser-token'}));
    const [a, b] = await Promise.all([
      client.read('customers', 'c-1'),
      client.read('customers', 'c-2'),
    ]);
    expect([a.displayName, b.displayName]).to.deep.equal(['Customer c-1', 'Customer c-2']);
    expect(auth).to.equal('Bearer browser-token');
  });

  it('turns 429 and Retry-After into rate_limited, and the client retries after it', async () => {
    let calls = 0;
    worker.use(
      http.post(`${url}/v1/complaints`, () =>
        ++calls === 1
          ? HttpResponse.json(
              {error: {code: 'rate_limited', message: 'slow down', retryAfterMs: 20}},
              {status: 429, headers: {'retry-after': '1'}},
            )
          : HttpResponse.json({id: 'k-9', customerId: 'c-1'}, {status: 201}),
      ),
    );
    const adapter = httpAdapter({url});
    const error = await adapter.resources
      .complaints!.create(
        {
          customerId: 'c-1',
          channel: 'web',
          category: 'other',
          severity: 'low',
          subject: 's',
          description: 'd',
        },
        {idempotencyKey: 'k'},
      )
      .catch((e: unknown) => e);
    expect(isRapportError(error, 'rate_limited') && error.retryAfterMs).to.equal(20);
    calls = 0;
    const complaint = await createClient(adapter, {retry: {baseDelayMs: 1}}).create('complaints', {
      customerId: 'c-1',
      channel: 'web',
      category: 'other',
      severity: 'low',
      subject: 's',
      description: 'd',
    });
    expect(complaint.id).to.equal('k-9');
    expect(calls).to.equal(2, 'one 429, then the retry');
  });

  it('asks for a fresh token after a 401', async () => {
    worker.use(
      http.get(`${url}/v1/customers/:id/interactions`, ({request}) =>
        request.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json({items: [], nextCursor: null})
          : new HttpResponse(null, {status: 401}),
      ),
    );
    const page = await httpAdapter({
      url,
      getToken: ({refresh}) => (refresh ? 'new' : 'old'),
    }).resources.interactions!.list('c-1');
    expect(page.items).to.deep.equal([]);
  });
});
