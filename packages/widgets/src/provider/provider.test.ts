import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import type {RapportError} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';
import {registerTranslation} from '@rapport/widgets';
import type {
  RapportCustomerCard,
  RapportErrorEvent,
  RapportLoyaltyBalance,
  RapportProvider,
} from '@rapport/widgets';
import {
  allInside,
  demoClient,
  inside,
  misspeltDocument,
  until,
} from '../../test-support/support.js';

const relabelled = (label: string) => ({
  ...defaultCustomization,
  fields: {
    ...defaultCustomization.fields,
    phone: {...defaultCustomization.fields.phone!, label},
  },
});
const labels = (card: Element) => allInside(card, 'dt').map((dt) => dt.textContent);

describe('<rapport-provider>', () => {
  it('gives every widget inside one client, so a page of widgets costs one request per resource', async () => {
    const {client, requests} = demoClient();
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} viewer-role="agent">
        <rapport-customer-card customer-id="c-001"></rapport-customer-card>
        <rapport-customer-card customer-id="c-002" variant="compact"></rapport-customer-card>
        <div>
          <rapport-customer-card customer-id="c-001" variant="compact"></rapport-customer-card>
        </div>
        <rapport-loyalty-balance customer-id="c-001"></rapport-loyalty-balance>
        <rapport-loyalty-balance customer-id="c-002" variant="badge"></rapport-loyalty-balance>
      </rapport-provider>`,
    );
    const cards = [...provider.querySelectorAll<RapportCustomerCard>('rapport-customer-card')];
    const balances = [
      ...provider.querySelectorAll<RapportLoyaltyBalance>('rapport-loyalty-balance'),
    ];
    await until(
      () =>
        cards.every((c) => inside(c, '[part~="name"]')) &&
        balances.every((b) => inside(b, '[part~="tier"]')),
      'every widget',
    );
    const reads = requests.filter((r) => r.operation === 'read');
    expect(reads.map((r) => `${r.resource}:${[...r.ids!].sort().join(',')}`).sort()).to.deep.equal([
      'customers:c-001,c-002',
      'loyaltyAccounts:c-001,c-002',
    ]);
  });

  it("hands down role and locale; a widget's own properties win", async () => {
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers.find((c) => c.kind === 'person')!;
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} viewer-role="agent" locale="zh-CN">
        <rapport-customer-card customer-id=${customer.id}></rapport-customer-card>
        <rapport-customer-card
          customer-id=${customer.id}
          viewer-role="supervisor"
          locale="en"
        ></rapport-customer-card>
      </rapport-provider>`,
    );
    const [inherited, own] = [
      ...provider.querySelectorAll<RapportCustomerCard>('rapport-customer-card'),
    ] as [RapportCustomerCard, RapportCustomerCard];
    await until(() => inside(inherited, 'dt') && inside(own, 'dt'), 'both cards');
    const labels = (card: RapportCustomerCard) =>
      [...card.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(labels(inherited)).to.include('电话').and.not.include('生日');
    expect(labels(own)).to.include('Phone').and.include('Birthday');
  });

  it('reports a customization that is not valid, and its widgets say so instead of guessing', async () => {
    const {client} = demoClient();
    const customization = misspeltDocument();
    const provider = document.createElement('rapport-provider');
    provider.client = client;
    provider.innerHTML = '<rapport-customer-card customer-id="c-001"></rapport-customer-card>';
    setTimeout(() => {
      provider.customization = customization;
      document.body.append(provider);
    });
    const event = (await oneEvent(provider, 'rapport-error')) as RapportErrorEvent;
    expect(event.error.message).to.contain('/fields/email/type');
    const card = provider.querySelector('rapport-customer-card')!;
    await until(() => inside(card, '[data-state="invalid-customization"]'), 'the problem state');
    expect(event.error.message).to.contain('did you mean "email"?');
    expect(inside(card, '[data-state="invalid-customization"]')!.textContent).to.equal(
      'This information is not available right now.',
    );
    await expect(card).to.be.accessible();
    provider.remove();
  });

  it('accepts the document as JSON text', async () => {
    const {client} = demoClient();
    const text = JSON.stringify({
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        phone: {...defaultCustomization.fields.phone!, label: 'Mobile'},
      },
    });
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} .customization=${text} viewer-role="supervisor">
        <rapport-customer-card customer-id="c-001"></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector('rapport-customer-card')!;
    await until(() => inside(card, 'dt'), 'the card');
    expect([...card.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent)).to.include(
      'Mobile',
    );
  });

  it('takes the document as `customization`, and still as the deprecated `config` alias', async () => {
    const {client} = demoClient();
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} viewer-role="supervisor">
        <rapport-customer-card customer-id="c-001"></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => labels(card).includes('Phone'), 'the default labels');

    provider.config = relabelled('Mobile');
    await until(() => labels(card).includes('Mobile'), "the provider's document, set as config");
    expect(provider.customization, 'config sets customization').to.equal(provider.config);

    card.config = relabelled('Cell');
    await until(() => labels(card).includes('Cell'), "the card's own document, set as config");
    card.customization = relabelled('Handy');
    await until(
      () => labels(card).includes('Handy'),
      "the card's own document, set as customization",
    );
    expect(card.config, 'config reads customization').to.equal(card.customization);
  });

  it('keeps a `config` set on an element before its tag was defined', async () => {
    const {RapportProvider, RapportCustomerCard} = await import('@rapport/widgets');
    const {client} = demoClient();
    const early = relabelled('Mobile');
    const provider = document.createElement('rapport-test-early-provider') as RapportProvider;
    const card = document.createElement('rapport-test-early-card') as RapportCustomerCard;
    provider.config = early;
    card.client = client;
    card.config = relabelled('Cell');
    card.setAttribute('customer-id', 'c-001');
    card.setAttribute('viewer-role', 'supervisor');
    provider.append(card);
    document.body.append(provider);
    customElements.define('rapport-test-early-provider', class extends RapportProvider {});
    customElements.define('rapport-test-early-card', class extends RapportCustomerCard {});
    try {
      expect(provider.customization, "the provider's early document").to.equal(early);
      await until(() => labels(card).includes('Cell'), "the card's early document");
      expect(Object.hasOwn(card, 'config'), 'no own property shadows the alias').to.equal(false);
      const inherited = document.createElement('rapport-customer-card');
      inherited.client = client;
      inherited.customerId = 'c-001';
      inherited.viewerRole = 'supervisor';
      provider.append(inherited);
      await until(
        () => labels(inherited).includes('Mobile'),
        "the provider's early document in use",
      );
    } finally {
      provider.remove();
    }
  });

  it('tells the developer, not the visitor, that a widget has no client', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const provider = document.createElement('rapport-provider');
      provider.innerHTML = '<rapport-customer-card customer-id="c-001"></rapport-customer-card>';
      const reported = oneEvent(provider, 'rapport-error');
      document.body.append(provider);
      const event = (await reported) as unknown as RapportErrorEvent;
      expect(event.error.message).to.contain(
        'inside a <rapport-provider> that still has no client 2 s after it was added:',
      );
      expect((event.error as RapportError).details).to.deep.equal({reason: 'no_client'});
      const card = provider.querySelector('rapport-customer-card')!;
      await until(() => inside(card, '[data-state="no-client"]'), 'the no-client state');
      expect(inside(card, '[data-state="no-client"]')!.textContent).not.to.contain(
        '<rapport-provider>',
      );
      expect(warnings.filter((w) => w.includes('has no client'))).to.have.length(1);
      await expect(card).to.be.accessible();
      provider.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('waits for a client the page sets after an await: loading meanwhile, nothing said', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const errors: Event[] = [];
    const provider = document.createElement('rapport-provider');
    provider.addEventListener('rapport-error', (event) => errors.push(event));
    provider.innerHTML = `<rapport-customer-card customer-id="c-001"></rapport-customer-card>
      <rapport-complaint-form></rapport-complaint-form>`;
    const [card, form] = [...provider.children];
    const states = new Set<string>();
    const note = () => {
      for (const widget of [card!, form!])
        for (const state of allInside(widget, '[data-state]')) states.add(state.dataset.state!);
    };
    try {
      document.body.append(provider);
      await until(() => (note(), inside(card!, '[data-state="loading"]')), 'the card loading');
      expect(inside(form!, '[data-state="loading"]'), 'the form loading').to.exist;
      expect(inside(form!, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      // The page's own start-up (a session, its configuration) takes a while.
      await new Promise((resolve) => setTimeout(resolve, 400));
      provider.client = demoClient().client;
      await until(() => (note(), inside(card!, '.name')), 'the customer');
      await until(() => (note(), inside(form!, 'form')), 'the form');
      // Past the time a widget waits for a client: still nothing said.
      await new Promise((resolve) => setTimeout(resolve, 1800));
      note();
      expect(states.has('no-client'), 'never the no-client state').to.equal(false);
      expect(
        warnings.filter((w) => w.includes('no client') || w.includes('no data source')),
      ).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    } finally {
      console.warn = warn;
      provider.remove();
    }
  });

  it("applies its theme to every widget inside; light by default, a widget's own wins", async () => {
    const {client} = demoClient();
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} theme="dark">
        <rapport-customer-card customer-id="c-001"></rapport-customer-card>
        <rapport-customer-card customer-id="c-002" theme="light"></rapport-customer-card>
      </rapport-provider>`,
    );
    const [dark, light] = [
      ...provider.querySelectorAll<RapportCustomerCard>('rapport-customer-card'),
    ];
    await until(
      () => inside(dark!, '[part~="name"]') && inside(light!, '[part~="name"]'),
      'both cards',
    );
    const surface = (card: Element) => getComputedStyle(inside(card, '.base')!).backgroundColor;
    expect(surface(dark!)).to.equal('rgb(27, 33, 40)');
    expect(surface(light!)).to.equal('rgb(255, 255, 255)');
    await expect(dark!).to.be.accessible();
    await expect(light!).to.be.accessible();
    provider.removeAttribute('theme');
    await provider.updateComplete;
    await dark!.updateComplete;
    expect(surface(dark!), 'light without a theme, whatever the system says').to.equal(
      'rgb(255, 255, 255)',
    );
  });

  it('follows the system only when asked: theme="auto" is dark on a dark system, no theme stays light', async () => {
    await emulateMedia({colorScheme: 'dark'});
    try {
      const {client} = demoClient();
      const provider = await fixture<RapportProvider>(
        html`<rapport-provider .client=${client} theme="auto">
          <rapport-customer-card customer-id="c-001"></rapport-customer-card>
          <rapport-loyalty-balance customer-id="c-001"></rapport-loyalty-balance>
        </rapport-provider>`,
      );
      const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
      const balance = provider.querySelector<RapportLoyaltyBalance>('rapport-loyalty-balance')!;
      await until(
        () => inside(card, '[part~="name"]') && inside(balance, '[part~="value"]'),
        'both widgets',
      );
      const surface = (el: Element) => getComputedStyle(inside(el, '.base')!).backgroundColor;
      expect(surface(card)).to.equal('rgb(27, 33, 40)');
      expect(surface(balance)).to.equal('rgb(27, 33, 40)');
      await expect(card).to.be.accessible();
      await expect(balance).to.be.accessible();

      provider.removeAttribute('theme');
      await provider.updateComplete;
      await card.updateComplete;
      expect(surface(card), 'a dark system alone does not darken the widgets').to.equal(
        'rgb(255, 255, 255)',
      );
      await emulateMedia({colorScheme: 'light'});
      provider.setAttribute('theme', 'auto');
      await provider.updateComplete;
      await card.updateComplete;
      expect(surface(card), 'auto on a light system').to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({colorScheme: 'no-preference'});
    }
  });

  it('extends the built-in document with a theme-only one', async () => {
    const {client} = demoClient();
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider
        .client=${client}
        viewer-role="agent"
        .customization=${{schemaVersion: 1, theme: {tokens: {accent: '#0f766e'}}}}
      >
        <rapport-customer-card customer-id="c-001"></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => inside(card, '[part~="name"]'), 'the card');
    expect(inside(card, '[data-state="invalid-customization"]')).to.equal(null);
    expect(labels(card)).to.include('Email');
    expect(card.style.getPropertyValue('--rapport-color-accent')).to.equal('#0f766e');
    await expect(card).to.be.accessible();
  });

  it('speaks a language the host registered, falling back to English for what it left out', async () => {
    registerTranslation({$code: 'fr', $name: 'Français', noCustomer: 'Aucun client choisi.'});
    const {client} = demoClient();
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card .client=${client} locale="fr-CA"></rapport-customer-card>`,
    );
    expect(inside(card, '[part~="base"]')!.getAttribute('aria-label')).to.equal('Customer');
    expect(inside(card, '[data-state]')!.textContent!.trim()).to.equal('Aucun client choisi.');
    await expect(card).to.be.accessible();
  });

  it('shows a language registered after the widgets rendered, at once', async () => {
    const {client} = demoClient();
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client} locale="de">
        <rapport-customer-card></rapport-customer-card>
        <rapport-loyalty-balance></rapport-loyalty-balance>
      </rapport-provider>`,
    );
    const widgets = [...provider.children] as RapportCustomerCard[];
    const said = () => widgets.map((w) => inside(w, '[data-state]')?.textContent?.trim());
    expect(said()).to.deep.equal(['No customer selected.', 'No customer selected.']);
    registerTranslation({$code: 'de', $name: 'Deutsch', noCustomer: 'Kein Kunde ausgewählt.'});
    await until(
      () => said().every((text) => text === 'Kein Kunde ausgewählt.'),
      'both widgets in German',
    );
    // A widget taken off the page no longer follows registrations.
    const [card] = widgets;
    card!.remove();
    registerTranslation({$code: 'de', $name: 'Deutsch', noCustomer: 'Niemand ausgewählt.'});
    await until(() => said()[1] === 'Niemand ausgewählt.', 'the balance to follow');
    expect(inside(card!, '[data-state]')!.textContent!.trim()).to.equal('Kein Kunde ausgewählt.');
  });

  it("shows a document's texts in a language registered after the card rendered", async () => {
    const {client} = demoClient();
    // A label no language has a text for yet, as a business's own document has.
    const customization = {
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        email: {...defaultCustomization.fields.email!, label: 'Contact address'},
      },
    };
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card .client=${client} .customization=${customization} customer-id="c-001" locale="pt"></rapport-customer-card>`,
    );
    await until(
      () =>
        labels(card).includes('Contact address') &&
        inside(card, 'footer')?.textContent?.includes('Last contact'),
      'the card and its activity in English',
    );
    await card.updateComplete;
    registerTranslation({
      $code: 'pt',
      $name: 'Português',
      'document:Contact address': 'Endereço de contacto',
    });
    await until(() => labels(card).includes('Endereço de contacto'), 'the label in Portuguese');
    expect(labels(card)).to.include('Customer since', 'untranslated texts stay English');
    await expect(card).to.be.accessible();
  });

  it('registers each tag once: defining again, or with another class, never throws', async () => {
    const {defineElement, RapportCustomerCard} = await import('@rapport/widgets');
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('rapport-customer-card', RapportCustomerCard);
      defineElement('rapport-customer-card', class extends HTMLElement {});
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('rapport-customer-card')).to.equal(RapportCustomerCard);
    expect(warnings).to.have.length(1, 'only another class is worth a warning');
  });
});
