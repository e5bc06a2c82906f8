// The wrappers in a real React 19 app, in Chromium: properties (a client object, a document) and
// attributes follow state, events reach on… props with the element's own event classes, and unmounting
// removes the elements and their listeners. Then the raw tags, as React 19 renders them.
import {expect, waitUntil} from '@open-wc/testing';
import {act, useState} from 'react';
import {createRoot, hydrateRoot, type Root} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createClient, type RapportClient} from '@rapport/core';
import {
  ComplaintSubmittedEvent,
  RapportErrorEvent,
  type RapportCustomerCard as CardElement,
} from '@rapport/widgets';
import {
  RapportComplaintForm,
  RapportCustomerCard,
  RapportLoyaltyBalance,
  RapportProvider,
} from '@rapport/react';
import type {} from '@rapport/react/jsx';

// React's act() needs to know it runs in a test environment.
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

const until = (condition: () => unknown, what: string) =>
  waitUntil(condition, `Timed out waiting for ${what}`, {timeout: 5000});
const shadowText = (element: Element | null, selector: string) =>
  element?.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let container: HTMLElement;
let root: Root;
let client: RapportClient;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  client = createClient(memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 20}));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('@rapport/react in React 19', () => {
  it('passes the client and role as properties and follows state in attributes', async () => {
    let show: (id: string) => void = () => {};
    function App() {
      const [customerId, setCustomerId] = useState('c-001');
      show = setCustomerId;
      return (
        <RapportProvider client={client} viewerRole="agent">
          <RapportCustomerCard customerId={customerId} variant="compact" />
        </RapportProvider>
      );
    }
    await act(async () => root.render(<App />));
    const provider = container.querySelector('rapport-provider')!;
    const card = container.querySelector<CardElement>('rapport-customer-card')!;
    expect(provider.client, 'an object goes in as a property').to.equal(client);
    expect(provider.viewerRole).to.equal('agent');
    expect(card.variant).to.equal('compact');
    const first = await client.read('customers', 'c-001');
    const second = await client.read('customers', 'c-002');
    await until(() => shadowText(card, '[part~="name"]') === first.displayName, 'the first name');
    await act(async () => show('c-002'));
    expect(card.customerId).to.equal('c-002');
    await until(() => shadowText(card, '[part~="name"]') === second.displayName, 'the new name');
    expect(container.querySelectorAll('rapport-customer-card').length, 'updated in place').to.equal(
      1,
    );
  });

  it("calls on… props with the element's events; unmounted, the widgets let go of the client", async () => {
    // Count the widgets listening to the client's data changes.
    let listening = 0;
    const subscribe = client.subscribe.bind(client);
    client.subscribe = (listener) => {
      listening++;
      const stop = subscribe(listener);
      return () => (listening--, stop());
    };
    const errors: RapportErrorEvent[] = [];
    const submitted: ComplaintSubmittedEvent[] = [];
    await act(async () =>
      root.render(
        <RapportProvider client={client} viewerRole="customer">
          <RapportLoyaltyBalance customerId="c-404" onRapportError={(e) => errors.push(e)} />
          <RapportComplaintForm
            customerId="c-001"
            onRapportComplaintSubmitted={(e) => submitted.push(e)}
          />
        </RapportProvider>,
      ),
    );
    await until(() => errors.length > 0, 'rapport-error for an unknown customer');
    expect(errors[0]).to.be.instanceOf(RapportErrorEvent);
    expect(errors[0]!.widget).to.equal('rapport-loyalty-balance');

    const form = container.querySelector('rapport-complaint-form')!;
    const stored = {id: 'k-1'} as ComplaintSubmittedEvent['complaint'];
    form.dispatchEvent(new ComplaintSubmittedEvent(stored));
    expect(submitted.map((e) => e.complaint.id)).to.deep.equal(['k-1']);

    expect(listening, 'both widgets listen to the client').to.equal(2);
    act(() => root.unmount());
    expect(container.querySelector('rapport-complaint-form'), 'the elements are gone').to.equal(
      null,
    );
    expect(form.isConnected).to.equal(false);
    expect(listening, 'and no longer listen').to.equal(0);
    root = createRoot(container); // for afterEach
  });

  it('renders the raw tags with properties and events in React 19', async () => {
    const errors: RapportErrorEvent[] = [];
    let setRole: (role: string) => void = () => {};
    function App() {
      const [role, update] = useState('customer');
      setRole = update;
      return (
        <rapport-provider client={client} viewer-role={role}>
          <rapport-customer-card customer-id="c-001" />
          <rapport-loyalty-balance customerId="c-404" onrapport-error={(e) => errors.push(e)} />
        </rapport-provider>
      );
    }
    await act(async () => root.render(<App />));
    const provider = container.querySelector('rapport-provider')!;
    expect(provider.client, 'React 19 sets objects as properties').to.equal(client);
    expect(provider.getAttribute('viewer-role')).to.equal('customer');
    await act(async () => setRole('agent'));
    expect(provider.viewerRole).to.equal('agent');
    const card = container.querySelector('rapport-customer-card')!;
    const first = await client.read('customers', 'c-001');
    await until(() => shadowText(card, '[part~="name"]') === first.displayName, 'the card');
    await until(() => errors.length > 0, 'rapport-error through onrapport-error');
    expect(errors[0]).to.be.instanceOf(RapportErrorEvent);
  });

  it('hydrates what a React server rendered: bare tags, then properties and listeners', async () => {
    const errors: RapportErrorEvent[] = [];
    const app = (
      <RapportProvider client={client} viewerRole="agent">
        <RapportCustomerCard customerId="c-001" />
        <RapportLoyaltyBalance customerId="c-404" onRapportError={(e) => errors.push(e)} />
      </RapportProvider>
    );
    // What the server sends: the tags alone (React escapes; nothing here is user content).
    root.unmount(); // an empty root; unmounting clears the container, so before the server's HTML
    container.innerHTML = renderToString(app);
    expect(container.querySelector('rapport-customer-card')!.customerId).to.equal(undefined);
    const complaints: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => (complaints.push(args), original(...args));
    try {
      await act(async () => {
        root = hydrateRoot(container, app);
      });
    } finally {
      console.error = original;
    }
    expect(complaints, 'no hydration mismatch').to.deep.equal([]);
    const card = container.querySelector('rapport-customer-card')!;
    expect(card.customerId).to.equal('c-001');
    const first = await client.read('customers', 'c-001');
    await until(
      () => shadowText(card, '[part~="name"]') === first.displayName,
      'the hydrated card',
    );
    await until(() => errors.length > 0, 'rapport-error after hydration');
  });
});
