import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '@rapport/widgets/all';
import type {
  HostView,
  RapportComplaintForm,
  RapportCustomerCard,
  RapportErrorEvent,
  RapportHost,
  RapportLoyaltyBalance,
  RapportProvider,
} from '@rapport/widgets';
import {
  allInside,
  captureWarnings,
  demoClient,
  fill,
  inside,
  text,
  until,
} from '../../test-support/support.js';

/** A CRM screen whose record the test changes, as a shell would see it. */
function screen(initial: HostView) {
  let view = initial;
  let failure: Error | undefined;
  let views = 0;
  const listeners = new Set<() => void>();
  const host: RapportHost = {
    name: 'Test CRM',
    view: async () => {
      views += 1;
      if (failure) throw failure;
      return view;
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getToken: async () => null,
  };
  return {
    host,
    /** Another record on screen: the shell tells its listeners. */
    show(next: Partial<HostView>) {
      view = {...view, ...next};
      for (const listener of listeners) listener();
    },
    /** The CRM cannot say what is on screen any more (and tells its listeners to ask). */
    fail(error: Error) {
      failure = error;
      for (const listener of listeners) listener();
    },
    get listeners() {
      return listeners.size;
    },
    get views() {
      return views;
    },
  };
}

const nameOf = (card: Element) => text(inside(card, '[part~="name"]'));
const labels = (card: Element) => allInside(card, 'dt').map((dt) => text(dt));

describe('a host shell, through <rapport-provider>', () => {
  it('shows the customer on screen in widgets that name none, with the viewer’s role and locale', async () => {
    const {client, adapter} = demoClient();
    const [first] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'supervisor', locale: 'en-US'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${crm.host}>
        <rapport-customer-card></rapport-customer-card>
        <rapport-loyalty-balance></rapport-loyalty-balance>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    const balance = provider.querySelector<RapportLoyaltyBalance>('rapport-loyalty-balance')!;
    await until(() => nameOf(card) && inside(balance, '[part~="tier"]'), 'the card and balance');
    expect(nameOf(card)).to.contain(first!.displayName);
    // Supervisors see the birthday; agents and customers do not (the built-in document's roles).
    expect(labels(card)).to.include('Birthday');
    await expect(card).to.be.accessible();
  });

  it('follows the record on screen without a reload, and says when it names no customer', async () => {
    const {client, adapter} = demoClient();
    const [first, second] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'agent', locale: 'en'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${crm.host}>
        <rapport-customer-card></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => nameOf(card).includes(first!.displayName), 'the first customer');
    crm.show({customerId: second!.id});
    await until(() => nameOf(card).includes(second!.displayName), 'the second customer');
    expect(provider.querySelector('rapport-customer-card')).to.equal(card);
    crm.show({customerId: null});
    await until(() => text(card.shadowRoot).includes('No customer selected.'), 'the empty state');
  });

  it('lets the provider’s own role and locale, and a widget’s own customer, win over the host', async () => {
    const {client, adapter} = demoClient();
    const [first, second] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'supervisor', locale: 'en'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${crm.host} viewer-role="agent">
        <rapport-customer-card customer-id=${second!.id}></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => nameOf(card), 'the card');
    expect(nameOf(card)).to.contain(second!.displayName);
    expect(labels(card)).to.include('Phone').and.not.include('Birthday');
  });

  it('keeps the latest answer when an earlier one comes back later', async () => {
    const {client, adapter} = demoClient();
    const [first, second] = adapter.data.customers.filter((c) => c.kind === 'person');
    let release: (view: HostView) => void = () => {};
    let calls = 0;
    const listeners: (() => void)[] = [];
    const host: RapportHost = {
      name: 'Slow CRM',
      view: () => {
        calls += 1;
        // The first answer is held back until after the second has arrived.
        if (calls === 1) return new Promise((resolve) => (release = resolve));
        return Promise.resolve({customerId: second!.id, viewerRole: 'agent', locale: 'en'});
      },
      watch: (listener) => (listeners.push(listener), () => {}),
      getToken: async () => null,
    };
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${host}>
        <rapport-customer-card></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    listeners[0]!();
    await until(() => nameOf(card).includes(second!.displayName), 'the second answer');
    release({customerId: first!.id, viewerRole: 'agent', locale: 'en'});
    await new Promise((resolve) => setTimeout(resolve, 50));
    await card.updateComplete;
    expect(nameOf(card)).to.contain(second!.displayName);
  });

  it('shows no customer, rather than the previous record’s, when the host cannot say who is on screen', async () => {
    const {client, adapter} = demoClient();
    const [first] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'agent', locale: 'en'});
    const warnings = captureWarnings();
    try {
      const provider = await fixture<RapportProvider>(
        html`<rapport-provider .client=${client} .host=${crm.host}>
          <rapport-customer-card></rapport-customer-card>
        </rapport-provider>`,
      );
      const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
      await until(() => nameOf(card) === first!.displayName, 'the first customer');
      const reported = oneEvent(provider, 'rapport-error');
      crm.fail(new Error('the ticket was closed'));
      expect(((await reported) as unknown as RapportErrorEvent).error.message).to.contain(
        'the ticket was closed',
      );
      await until(() => text(card.shadowRoot).includes('No customer selected.'), 'the empty state');
    } finally {
      warnings.restore();
    }
  });

  it('keeps the customer while the provider moves in the page, and asks the host again', async () => {
    const {client, adapter} = demoClient();
    const [first] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'agent', locale: 'en'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${crm.host}>
        <rapport-customer-card></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => nameOf(card) === first!.displayName, 'the customer');
    const asked = crm.views;
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(provider);
    await provider.updateComplete;
    await card.updateComplete;
    expect(text(card.shadowRoot)).not.to.contain('No customer selected.');
    expect(nameOf(card)).to.equal(first!.displayName);
    expect(crm.views).to.equal(asked + 1);
    elsewhere.remove();
  });

  it('keeps what was typed in the complaint form for the next customer, but not the last one’s outcome', async () => {
    const {client, adapter} = demoClient();
    const [first, second] = adapter.data.customers.filter((c) => c.kind === 'person');
    const crm = screen({customerId: first!.id, viewerRole: 'agent', locale: 'en'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${crm.host}>
        <rapport-complaint-form></rapport-complaint-form>
      </rapport-provider>`,
    );
    const form = provider.querySelector<RapportComplaintForm>('rapport-complaint-form')!;
    await until(() => inside(form, '#f-subject'), 'the form');
    // With a customer on screen the form asks for no contact details.
    expect(inside(form, '#f-contactName')).to.equal(null);
    fill(form, {category: 'delivery', severity: 'high', subject: 'Parcel late'});
    fill(form, {description: 'Ordered two weeks ago and still nothing.'});
    await form.updateComplete;
    inside<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await until(() => inside(form, '.success'), 'the success message');
    const stored = adapter.data.complaints.find((c) => c.subject === 'Parcel late')!;
    expect(stored.customerId).to.equal(first!.id);

    crm.show({customerId: second!.id});
    await until(() => inside(form, '#f-subject'), 'the form again, for the next customer');
    expect(inside(form, '.success')).to.equal(null);
    fill(form, {subject: 'Wrong size'});
    crm.show({customerId: first!.id});
    await until(() => text(inside(form, '#f-subject')?.closest('form')) !== '', 'the form');
    await form.updateComplete;
    expect(inside<HTMLInputElement>(form, '#f-subject')!.value).to.equal('Wrong size');
  });

  it('stops listening to a host it no longer has, or when it leaves the page', async () => {
    const {client} = demoClient();
    const a = screen({customerId: 'c-001', viewerRole: 'agent', locale: 'en'});
    const b = screen({customerId: 'c-002', viewerRole: 'agent', locale: 'en'});
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .host=${a.host}></rapport-provider>`,
    );
    expect(a.listeners).to.equal(1);
    provider.host = b.host;
    await provider.updateComplete;
    expect([a.listeners, b.listeners]).to.deep.equal([0, 1]);
    provider.remove();
    expect(b.listeners).to.equal(0);
    document.body.append(provider);
    expect(b.listeners).to.equal(1);
    provider.remove();
  });

  it('tells the developer, not the visitor, when the host cannot say what is on screen', async () => {
    const {client} = demoClient();
    const warnings = captureWarnings();
    const host: RapportHost = {
      name: 'Broken CRM',
      view: () => Promise.reject(new Error('ticket.requester: permission denied')),
      watch: () => () => {},
      getToken: async () => null,
    };
    const provider = document.createElement('rapport-provider');
    provider.client = client;
    provider.innerHTML = '<rapport-customer-card></rapport-customer-card>';
    try {
      setTimeout(() => {
        provider.host = host;
        document.body.append(provider);
      });
      const event = (await oneEvent(provider, 'rapport-error')) as RapportErrorEvent;
      expect(event.error.message).to.equal(
        'The Broken CRM host could not say what is on screen: ticket.requester: permission denied',
      );
      expect(warnings.messages.join('\n')).to.contain('permission denied');
      const card = provider.querySelector('rapport-customer-card')!;
      await until(() => text(card.shadowRoot).includes('No customer selected.'), 'the empty state');
      expect(text(card.shadowRoot)).not.to.contain('permission');
    } finally {
      warnings.restore();
      provider.remove();
    }
  });
});
