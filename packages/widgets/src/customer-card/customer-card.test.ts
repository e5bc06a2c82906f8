import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import {RapportError, type CrmAdapter} from '@rapport/core';
import {createClient} from '@rapport/core';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import type {RapportCustomerCard, RapportErrorEvent} from '@rapport/widgets';
import {
  allInside,
  captureWarnings,
  deepActiveElement,
  demoClient,
  inside,
  misspeltDocument,
  text,
  until,
} from '../../test-support/support.js';

const loaded = (card: RapportCustomerCard) =>
  until(
    () => inside(card, '[part~="name"]') && inside(card, '[part~="footer"] span:not(.skeleton)'),
    'the card to load',
  );

describe('<rapport-customer-card>', () => {
  it('is accessible while loading, with data, and on error', async () => {
    const {client, adapter} = demoClient({latency: 100});
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-001" .client=${client}></rapport-customer-card>`,
    );
    expect(inside(card, '[data-state="loading"]')).to.exist;
    await expect(card).to.be.accessible();
    await loaded(card);
    await expect(card).to.be.accessible();

    adapter.setLatency(0);
    adapter.setFaults({rate: 1, kinds: ['unavailable']});
    const failing = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-002" .client=${client}></rapport-customer-card>`,
    );
    await until(() => inside(failing, '[data-state="error"]'), 'the error state');
    await expect(failing).to.be.accessible();
  });

  it('shows who the customer is, their badges, contact links and custom fields', async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers.find(
      (c) => c.kind === 'person' && c.segment && c.tags.length > 0,
    )!;
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="supervisor"
        .client=${client}
      ></rapport-customer-card>`,
    );
    await loaded(card);
    expect(inside(card, '[part~="name"]')!.textContent).to.equal(customer.displayName);
    expect(inside(card, '.badge.stage')).to.exist;
    expect(inside(card, '.badge.segment')).to.exist;
    // Screen readers hear the badges once, each named by its field; the visible badges are not read twice.
    const spoken = inside(card, '.identity > .visually-hidden')!.textContent!;
    expect(spoken).to.match(/^Lifecycle stage: [^.]+\. RFM segment: [^.]+\. Tags: .+$/);
    expect(spoken).to.contain(customer.tags[0]);
    expect(inside(card, '[part~="badges"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(inside(card, '.badge.tag')!.title).to.equal('Tags');
    expect(inside<HTMLAnchorElement>(card, 'a[href^="mailto:"]')!.href).to.equal(
      `mailto:${customer.email}`,
    );
    expect(inside<HTMLAnchorElement>(card, 'a[href^="tel:"]')!.getAttribute('href')).to.equal(
      `tel:${customer.phone!.replace(/[^\d+]/g, '')}`,
    );
    const labels = allInside(card, 'dt').map((dt) => dt.textContent);
    expect(labels).to.include.members([
      'Email',
      'Phone',
      'Membership no.',
      'Preferred store',
      'Birthday',
      'Customer since',
    ]);
    expect(inside(card, '[part~="body"]')!.textContent).to.contain(
      String(customer.customFields.membership_number),
    );
    const open = adapter.data.complaints.filter(
      (c) =>
        c.customerId === customer.id && ['new', 'acknowledged', 'in_progress'].includes(c.status),
    ).length;
    expect(inside(card, '[part~="footer"]')!.textContent).to.contain(
      open === 0 ? 'No open complaints' : `${open} open complaint`,
    );
  });

  it('masks and hides fields by role: an agent sees part of the phone and no birthday, a customer no segment', async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers.find((c) => c.kind === 'person' && c.segment)!;
    const agent = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="agent"
        .client=${client}
      ></rapport-customer-card>`,
    );
    await loaded(agent);
    const body = inside(agent, '[part~="body"]')!.textContent!;
    expect(body).to.contain(`****${customer.phone!.slice(-4)}`);
    expect(body).not.to.contain(customer.phone!);
    expect(inside(agent, 'a[href^="tel:"]')).to.be.null;
    expect(allInside(agent, 'dt').map((dt) => dt.textContent)).not.to.include('Birthday');

    const self = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="customer"
        .client=${client}
      ></rapport-customer-card>`,
    );
    await loaded(self);
    expect(inside(self, '.badge.segment')).to.be.null;
    expect(inside(self, '.badge.stage')).to.be.null;
  });

  it('follows a customization that renames, hides, adds a field and uses two columns', async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers[0]!;
    const customization: CustomizationDocument = {
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        email: {...defaultCustomization.fields.email!, label: 'Contact address'},
        phone: {...defaultCustomization.fields.phone!, access: {agent: 'hidden'}},
        owner: {entity: 'customer', source: 'ownerId', label: 'Account manager', type: 'text'},
      },
      widgets: {
        'customer-card': {
          layout: {
            type: 'Grid',
            columns: 2,
            elements: [
              {type: 'Control', field: 'name'},
              {type: 'Control', field: 'email'},
              {type: 'Control', field: 'phone'},
              {type: 'Control', field: 'owner'},
            ],
          },
        },
      },
    };
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="agent"
        .client=${client}
        .customization=${customization}
      ></rapport-customer-card>`,
    );
    await loaded(card);
    expect(allInside(card, 'dt').map((dt) => dt.textContent)).to.deep.equal([
      'Contact address',
      'Account manager',
    ]);
    expect(inside(card, '[part~="body"]')!.textContent).to.contain(customer.ownerId!);
    expect(inside(card, '.grid.cols-2')).to.exist;
  });

  it('writes a date field with dateStyle "relative" as how long ago, with the full date as its title', async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers[0]!;
    const id = Object.entries(defaultCustomization.fields).find(
      ([, f]) => f.source === 'createdAt',
    )![0];
    const customization: CustomizationDocument = {
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        [id]: {...defaultCustomization.fields[id]!, dateStyle: 'relative'},
      },
    };
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="supervisor"
        .client=${client}
        .customization=${customization}
      ></rapport-customer-card>`,
    );
    await loaded(card);
    const time = inside<HTMLTimeElement>(card, '[part~="body"] time')!;
    expect(time.dateTime).to.equal(customer.createdAt);
    expect(time.textContent).to.match(/ago|yesterday|last/);
    expect(time.title).to.contain(String(new Date(customer.createdAt).getUTCFullYear()));
  });

  it('shows only who the customer is in the compact variant', async () => {
    const {client} = demoClient();
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id="c-003"
        variant="compact"
        .client=${client}
      ></rapport-customer-card>`,
    );
    await until(() => inside(card, '[part~="name"]'), 'the name');
    expect(inside(card, '[part~="body"]')).to.be.null;
    expect(inside(card, '[part~="footer"]')).to.be.null;
  });

  it('says plainly when the customer does not exist, is forbidden, or is not chosen, and retries other errors', async () => {
    const {client, adapter} = demoClient();
    const missing = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="nobody" .client=${client}></rapport-customer-card>`,
    );
    await until(() => inside(missing, '[data-state="not-found"]'), 'not found');
    await expect(missing).to.be.accessible();

    const forbidding: CrmAdapter = {
      ...adapter,
      resources: {
        ...adapter.resources,
        customers: {read: () => Promise.reject(new RapportError('forbidden', 'No'))},
      },
    };
    const forbidden = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id="c-001"
        .client=${createClient(forbidding)}
      ></rapport-customer-card>`,
    );
    await until(() => inside(forbidden, '[data-state="forbidden"]'), 'forbidden');

    const none = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card .client=${client}></rapport-customer-card>`,
    );
    expect(inside(none, '[data-state="empty"]')!.textContent).to.contain('No customer selected');

    adapter.setFaults({rate: 1, kinds: ['timeout']});
    const failing = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-004" .client=${client}></rapport-customer-card>`,
    );
    await until(() => inside(failing, '[data-state="error"]'), 'the error');
    adapter.setFaults(null);
    inside(failing, '[part~="retry"]')!.click();
    await until(() => inside(failing, '[part~="name"]'), 'the retried load');
  });

  it('can be used with the keyboard alone: Tab reaches every link and button', async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers.find((c) => c.kind === 'person')!;
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id=${customer.id}
        viewer-role="supervisor"
        .client=${client}
      >
        <button slot="actions">Open in CRM</button>
      </rapport-customer-card>`,
    );
    await loaded(card);
    const reachable = [...allInside(card, 'a[href], button'), card.querySelector('button')!];
    const reached = new Set<Element>();
    (document.body as HTMLElement).focus();
    for (let i = 0; i < reachable.length + 2; i++) {
      await sendKeys({press: 'Tab'});
      const active = deepActiveElement();
      if (active) reached.add(active);
    }
    for (const element of reachable) expect(reached.has(element), element.outerHTML).to.be.true;
  });

  it('reloads its activity when a complaint is submitted through the same client', async () => {
    const {client} = demoClient();
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-005" .client=${client}></rapport-customer-card>`,
    );
    await loaded(card);
    const before = inside(card, '[part~="footer"]')!.textContent!;
    const count = (text: string) => Number(/(\d+) open complaint/.exec(text)?.[1] ?? 0);
    await client.create('complaints', {
      customerId: 'c-005',
      channel: 'web',
      category: 'delivery',
      severity: 'low',
      subject: 'Late again',
      description: 'Still waiting.',
    });
    await until(
      () => count(inside(card, '[part~="footer"]')!.textContent!) === count(before) + 1,
      'the count to rise',
    );
    expect(inside(card, '[part~="footer"]')!.textContent).to.contain('Late again');
  });

  it('loads its customer again when the client says that customer changed, and only then', async () => {
    const {client, requests} = demoClient();
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id="c-006"
        variant="compact"
        .client=${client}
      ></rapport-customer-card>`,
    );
    await until(() => inside(card, '[part~="name"]'), 'the name');
    const reads = () => requests.filter((r) => r.resource === 'customers').length;
    const before = reads();
    client.invalidate({resource: 'loyaltyAccounts', customerId: 'c-006'});
    client.invalidate({resource: 'customers', customerId: 'c-007'});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads(), 'after changes of another resource or customer').to.equal(before);
    client.invalidate({resource: 'customers', customerId: 'c-006'});
    await until(() => reads() === before + 1, 'the card to read its customer again');
  });

  it('reads the activity of a card only once the card comes near the viewport', async () => {
    const {client, requests} = demoClient();
    const page = await fixture<HTMLElement>(
      html`<div style="height: 300px; overflow: auto">
        <rapport-customer-card customer-id="c-001" .client=${client}></rapport-customer-card>
        <div style="height: 5000px"></div>
        <rapport-customer-card customer-id="c-002" .client=${client}></rapport-customer-card>
      </div>`,
    );
    const [near, far] = [...page.querySelectorAll<RapportCustomerCard>('rapport-customer-card')];
    await loaded(near!);
    await until(() => inside(far!, '[part~="name"]'), 'the far card to show its customer');
    const listed = () =>
      requests
        .filter((r) => r.resource === 'complaints' && r.operation === 'list')
        .map((r) => r.customerId);
    expect(listed()).to.deep.equal(['c-001']);
    expect(inside(far!, '[part~="footer"] span:not(.skeleton)')).to.equal(null);

    far!.scrollIntoView();
    await loaded(far!);
    expect(listed()).to.deep.equal(['c-001', 'c-002']);
  });

  it('skips rendering a card while it is off screen, until it comes near, unless the page asks for every card', async () => {
    const {client} = demoClient();
    const page = await fixture<HTMLElement>(
      html`<div style="height: 300px; overflow: auto">
        <rapport-customer-card customer-id="c-001" .client=${client}></rapport-customer-card>
        <div style="height: 5000px"></div>
        <rapport-customer-card customer-id="c-002" .client=${client}></rapport-customer-card>
        <rapport-customer-card
          customer-id="c-003"
          variant="compact"
          .client=${client}
        ></rapport-customer-card>
      </div>`,
    );
    const [near, far, compact] = [
      ...page.querySelectorAll<RapportCustomerCard>('rapport-customer-card'),
    ];
    await loaded(near!);
    await until(() => inside(far!, '[part~="name"]'), 'the far card to show its customer');
    // Skipped contents are not rendered, and the card keeps about a card's size meanwhile: the
    // estimate of its content box (300 px, compact 48 px) with the box's padding and border.
    const rendered = (card: RapportCustomerCard) =>
      inside(card, '[part~="name"]')!.checkVisibility({contentVisibilityAuto: true});
    const frame = (card: RapportCustomerCard) => {
      const box = getComputedStyle(inside(card, '[part~="base"]')!);
      return ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
        .map((side) => parseFloat(box[side as 'paddingTop']))
        .reduce((a, b) => a + b);
    };
    expect(rendered(near!)).to.equal(true);
    expect(rendered(far!)).to.equal(false);
    expect(far!.getBoundingClientRect().height).to.equal(300 + frame(far!));
    expect(compact!.getBoundingClientRect().height).to.equal(48 + frame(compact!));

    far!.scrollIntoView();
    await until(() => rendered(far!), 'the far card to render once on screen');
    await loaded(far!);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const height = far!.getBoundingClientRect().height;
    expect(height).to.not.equal(300 + frame(far!));
    // Off screen again, it keeps the height it had rather than the estimate.
    near!.scrollIntoView();
    await until(() => !rendered(far!), 'the far card to be skipped again');
    expect(far!.getBoundingClientRect().height).to.equal(height);

    // The card's box skips, not the element: a shadow the page gives ::part(base) is not clipped.
    expect(getComputedStyle(far!).contentVisibility).to.equal('visible');
    expect(getComputedStyle(inside(far!, '[part~="base"]')!).contentVisibility).to.equal('auto');

    const style = document.createElement('style');
    style.textContent = 'rapport-customer-card::part(base) { content-visibility: visible; }';
    document.head.append(style);
    try {
      await until(() => rendered(compact!), 'every card rendered once the page asks for it');
    } finally {
      style.remove();
    }
  });

  it('shows placeholder lines only when loading takes longer than 150 ms', async () => {
    const {client} = demoClient({latency: 400});
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-001" .client=${client}></rapport-customer-card>`,
    );
    expect(inside(card, '[data-state="loading"]')!.textContent).to.equal('', 'nothing said yet');
    expect(inside(card, '.skeleton')).to.equal(null);
    await until(() => inside(card, '.skeleton'), 'placeholder lines', 1000);
    expect(inside(card, '[data-state="loading"][role="status"]')!.textContent).to.contain(
      'Loading',
    );
    await loaded(card);
    expect(inside(card, '[data-state="loading"]')).to.equal(null);
  });

  it('fires rapport-error when loading fails, and shows the visitor only short neutral text', async () => {
    const {client, adapter} = demoClient();
    adapter.setFaults({rate: 1, kinds: ['unavailable']});
    const card = document.createElement('rapport-customer-card');
    card.customerId = 'c-009';
    card.client = client;
    const failed = oneEvent<RapportErrorEvent>(card, 'rapport-error');
    document.body.append(card);
    try {
      const event = await failed;
      expect(event.widget).to.equal('rapport-customer-card');
      expect(event.bubbles && event.composed).to.be.true;
      expect((event.error as RapportError).code).to.equal('unavailable');
      await until(() => inside(card, '[data-state="error"]'), 'the error state');
      const shown = text(inside(card, '[part~="base"]'));
      expect(shown).to.contain('The information could not be loaded.');
      expect(shown).not.to.contain('Simulated');
      expect(inside(card, '[part~="retry"]')).to.exist;
    } finally {
      card.remove();
    }
  });

  it('shows the neutral state, not a broken card, when a document changed after its check makes rendering throw', async () => {
    const {client} = demoClient();
    const customization = structuredClone(defaultCustomization);
    const first = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-001" .client=${client} .customization=${customization}></rapport-customer-card>`,
    );
    await until(() => inside(first, '[part~="name"]'), 'the first card');
    // Checked once per object: a source that is not text now reaches the next layout resolved from it.
    (customization.fields.email as {source: unknown}).source = 5;
    const warnings = captureWarnings();
    try {
      const card = document.createElement('rapport-customer-card');
      card.customerId = 'c-001';
      card.client = client;
      card.viewerRole = 'agent';
      card.customization = customization;
      const reported = oneEvent<RapportErrorEvent>(card, 'rapport-error');
      document.body.append(card);
      const event = await reported;
      expect(event.error.message).to.contain('cannot show its customization document');
      await until(() => inside(card, '[data-state="invalid-customization"]'), 'the neutral state');
      expect(text(inside(card, '[part~="base"]'))).to.equal(
        'This information is not available right now.',
      );
      expect(warnings.messages.filter((m) => m.includes('cannot show'))).to.have.length(1);
      await expect(card).to.be.accessible();
      card.remove();
    } finally {
      warnings.restore();
    }
  });

  it('shows a neutral message for a customization that is not valid; the problems go to the console and the event', async () => {
    const {client} = demoClient();
    const customization = misspeltDocument();
    const warnings = captureWarnings();
    try {
      const card = document.createElement('rapport-customer-card');
      card.customerId = 'c-001';
      card.client = client;
      card.customization = customization;
      const reported = oneEvent<RapportErrorEvent>(card, 'rapport-error');
      document.body.append(card);
      const event = await reported;
      expect(event.error.message).to.contain('/fields/email/type');
      await until(() => inside(card, '[data-state="invalid-customization"]'), 'the state');
      const shown = text(inside(card, '[part~="base"]'));
      expect(shown).to.equal('This information is not available right now.');
      expect(warnings.messages.join('\n'))
        .to.contain('/fields/email/type')
        .and.contain('npx rapport validate');
      await expect(card).to.be.accessible();
      // Once per document, however many widgets show it.
      const second = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card customer-id="c-002" .client=${client} .customization=${customization}></rapport-customer-card>`,
      );
      await until(() => inside(second, '[data-state="invalid-customization"]'), 'the second state');
      expect(warnings.messages.filter((m) => m.includes('/fields/email/type'))).to.have.length(1);
      card.remove();
    } finally {
      warnings.restore();
    }
  });

  it('without a client, shows a neutral message and tells the developer in the console once', async () => {
    const warnings = captureWarnings();
    const errors: Event[] = [];
    try {
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          @rapport-error=${(event: Event) => errors.push(event)}
        ></rapport-customer-card>`,
      );
      // A client may still come (a page sets it after an await): loading, and nothing said yet.
      expect(inside(card, '[data-state="loading"]'), 'loading while it waits').to.exist;
      expect(inside(card, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(warnings.messages).to.deep.equal([]);
      card.customerId = 'c-002';
      await until(() => inside(card, '[data-state="no-client"]'), 'the no-client state', 8000);
      expect(inside(card, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(errors, 'one rapport-error for the element').to.have.length(1);
      expect(text(inside(card, '[data-state="no-client"]'))).to.equal(
        'This information is not available right now.',
      );
      expect(text(inside(card, '[part~="base"]'))).not.to.contain('rapport-provider');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const told = warnings.messages.filter((m) => m.includes('<rapport-provider>'));
      expect(told).to.have.length(1);
      expect(told[0]).to.contain('<rapport-customer-card>');
      await expect(card).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  describe('on a backend without complaints or interactions', () => {
    const without = (adapter: CrmAdapter, ...resources: string[]): CrmAdapter => {
      const served: Record<string, unknown> = {...adapter.resources};
      for (const resource of resources) delete served[resource];
      return Object.create(adapter, {resources: {value: served}}) as CrmAdapter;
    };

    it('leaves the activity footer out instead of offering a Retry that cannot work', async () => {
      const {adapter} = demoClient();
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          .client=${createClient(without(adapter, 'complaints', 'interactions'))}
        ></rapport-customer-card>`,
      );
      await until(() => inside(card, '[part~="body"]'), 'the body');
      await until(() => !inside(card, '[part~="footer"]'), 'the footer to go');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inside(card, '[part~="footer"]')).to.equal(null);
      expect(inside(card, '[part~="retry"]')).to.equal(null);
      expect(inside(card, '[data-state="error"]')).to.equal(null);
      await expect(card).to.be.accessible();
    });

    it('shows what the backend has: open complaints without the last contact', async () => {
      const {adapter} = demoClient();
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          .client=${createClient(without(adapter, 'interactions'))}
        ></rapport-customer-card>`,
      );
      await loaded(card);
      const footer = text(inside(card, '[part~="footer"]'));
      expect(footer).to.match(/open complaint/);
      expect(footer).not.to.contain('Last contact');
      expect(inside(card, '[part~="retry"]')).to.equal(null);
    });

    it('says "not available", without Retry, when the backend does not offer customers at all', async () => {
      const {adapter} = demoClient();
      const gateway501: CrmAdapter = Object.create(adapter, {
        resources: {
          value: {
            ...adapter.resources,
            customers: {
              read: () => Promise.reject(new RapportError('unsupported', 'Not served here')),
            },
          },
        },
      });
      const card = document.createElement('rapport-customer-card');
      card.customerId = 'c-001';
      card.client = createClient(gateway501);
      const reported = oneEvent<RapportErrorEvent>(card, 'rapport-error');
      document.body.append(card);
      try {
        expect((await reported).error.message).to.contain('Not served here');
        await until(() => inside(card, '[data-state="unavailable"]'), 'the state');
        expect(text(inside(card, '[part~="base"]'))).to.equal(
          'This information is not available right now.',
        );
        expect(inside(card, '[part~="retry"]')).to.equal(null);
        await expect(card).to.be.accessible();
      } finally {
        card.remove();
      }
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({width: 800, height: 600}));

    const longEmail =
      'firstname.middlename.lastname.customer-service@subsidiary.example-company.co.uk';
    const withLongEmail = (adapter: CrmAdapter): CrmAdapter =>
      Object.create(adapter, {
        resources: {
          value: {
            ...adapter.resources,
            customers: {
              read: async (ids: readonly string[]) =>
                (await adapter.resources.customers!.read(ids)).map((entry) =>
                  entry.record ? {...entry, record: {...entry.record, email: longEmail}} : entry,
                ),
            },
          },
        },
      });
    const lefts = (card: RapportCustomerCard) =>
      allInside(card, '[part~="body"] .pair').map((pair) =>
        Math.round(pair.getBoundingClientRect().left),
      );

    it('at a 375 px viewport: one column, no horizontal overflow, a long e-mail wraps inside the card', async () => {
      await setViewport({width: 375, height: 800});
      const {adapter} = demoClient();
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          viewer-role="supervisor"
          .client=${createClient(withLongEmail(adapter))}
        ></rapport-customer-card>`,
      );
      await loaded(card);
      const fields = lefts(card);
      expect(fields.length).to.be.greaterThan(3);
      expect(new Set(fields).size, 'every field starts at the same left edge').to.equal(1);
      const base = inside(card, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      const link = inside(card, 'a[href^="mailto:"]')!;
      expect(link.textContent).to.equal(longEmail);
      expect(link.getClientRects().length, 'the address takes several lines').to.be.greaterThan(1);
      const box = base.getBoundingClientRect();
      for (const line of link.getClientRects()) expect(line.right).to.be.at.most(box.right);
      await expect(card).to.be.accessible();
    });

    it('wraps a long e-mail address after its "@" and before a "." (or after a hyphen), not inside a word', async () => {
      const {adapter} = demoClient();
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          style="width: 200px"
          customer-id="c-001"
          viewer-role="supervisor"
          .client=${createClient(withLongEmail(adapter))}
        ></rapport-customer-card>`,
      );
      await loaded(card);
      const link = inside(card, 'a[href^="mailto:"]')!;
      expect(link.textContent).to.equal(longEmail);
      // The text of each line the address takes, read character by character.
      const lines: string[] = [];
      let top = -Infinity;
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const {top: at} = range.getBoundingClientRect();
          if (at > top + 1) lines.push(text[i]!);
          else lines[lines.length - 1] += text[i]!;
          top = Math.max(top, at);
        }
      }
      expect(lines.join('')).to.equal(longEmail);
      expect(lines.length).to.be.greaterThan(2);
      for (let i = 1; i < lines.length; i++)
        expect(
          /[@-]$/.test(lines[i - 1]!) || lines[i]!.startsWith('.'),
          `"${lines[i - 1]}" / "${lines[i]}"`,
        ).to.equal(true);
    });

    it('uses two columns when wide, and one in a narrow sidebar of a wide page', async () => {
      await setViewport({width: 1280, height: 800});
      const {client} = demoClient();
      const page = await fixture<HTMLElement>(
        html`<div style="display: flex; gap: 16px">
          <rapport-customer-card style="flex: 1" customer-id="c-001" viewer-role="supervisor" .client=${client}></rapport-customer-card>
          <rapport-customer-card style="width: 300px" customer-id="c-001" viewer-role="supervisor" .client=${client}></rapport-customer-card>
        </div>`,
      );
      const [wide, narrow] = [
        ...page.querySelectorAll<RapportCustomerCard>('rapport-customer-card'),
      ];
      await loaded(wide!);
      await loaded(narrow!);
      expect(new Set(lefts(wide!)).size, 'the wide card').to.equal(2);
      expect(new Set(lefts(narrow!)).size, 'the card in the sidebar').to.equal(1);
      // "Contact" and "Membership" are laid out as one grid: each heading spans its row, and each
      // group is still a named group for screen readers.
      const body = inside(wide!, '[part~="body"]')!;
      const groups = allInside(wide!, '[part~="body"] [role="group"]');
      expect(
        groups.map((g) => inside(wide!, `#${g.getAttribute('aria-labelledby')}`)?.textContent),
      ).to.deep.equal(['Contact', 'Membership']);
      for (const heading of allInside(wide!, '[part~="body"] .group-label'))
        expect(Math.round(heading.getBoundingClientRect().width)).to.equal(
          Math.round(body.getBoundingClientRect().width),
        );
      const pairs = allInside(wide!, '[part~="body"] .pair');
      expect(
        new Set(pairs.map((p) => Math.round(p.getBoundingClientRect().width))).size,
        'one column width for all groups',
      ).to.equal(1);
    });

    it('keeps a gap between widgets, which --rapport-gap sets, and none after the last', async () => {
      const {client} = demoClient();
      const page = await fixture<HTMLElement>(
        html`<div style="display: flow-root">
          <rapport-customer-card customer-id="c-001" variant="compact" .client=${client}></rapport-customer-card>
          <rapport-customer-card customer-id="c-002" variant="compact" .client=${client}></rapport-customer-card>
          <rapport-customer-card style="--rapport-gap: 4px" customer-id="c-003" variant="compact" .client=${client}></rapport-customer-card>
          <rapport-customer-card customer-id="c-004" variant="compact" .client=${client}></rapport-customer-card>
        </div>`,
      );
      const cards = [...page.querySelectorAll<RapportCustomerCard>('rapport-customer-card')];
      for (const card of cards) await until(() => inside(card, '[part~="name"]'), 'the name');
      const rect = (i: number) => cards[i]!.getBoundingClientRect();
      expect(Math.round(rect(1).top - rect(0).bottom)).to.equal(16);
      expect(Math.round(rect(3).top - rect(2).bottom)).to.equal(4);
      expect(Math.round(page.getBoundingClientRect().bottom - rect(3).bottom)).to.equal(0);
    });
  });
});
