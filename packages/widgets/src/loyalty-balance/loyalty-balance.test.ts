import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {createClient, localize, type CrmAdapter, type RapportError} from '@rapport/core';
import type {RapportErrorEvent, RapportLoyaltyBalance} from '@rapport/widgets';
import {captureWarnings, demoClient, inside, until} from '../../test-support/support.js';

const loaded = (el: RapportLoyaltyBalance) =>
  until(() => inside(el, '[part~="tier"]'), 'the account to load');

describe('<rapport-loyalty-balance>', () => {
  afterEach(() => emulateMedia({reducedMotion: 'no-preference'}));

  it('is accessible while loading and with data', async () => {
    const {client} = demoClient({latency: 80});
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id="c-001"
        .client=${client}
      ></rapport-loyalty-balance>`,
    );
    expect(inside(el, '[data-state="loading"]')).to.exist;
    await expect(el).to.be.accessible();
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('shows points for the locale, the tier, an accessible progress bar and what expires soon', async () => {
    const {client, adapter} = demoClient();
    const account = adapter.data.accounts.find(
      (a) => a.nextTierId !== null && a.balance >= 1000 && a.expiringSoon.length > 0,
    )!;
    expect(account, 'the demo data has such a member').to.exist;
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id=${account.customerId}
        .client=${client}
        locale="en"
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    expect(inside(el, '.amount')!.textContent).to.equal(
      new Intl.NumberFormat('en').format(account.balance),
    );
    expect(inside(el, '[part~="tier"]')!.textContent).to.contain(localize(account.tierName, 'en'));
    const bar = inside(el, '[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal(
      String(Math.round(account.tierProgress * 100)),
    );
    expect(bar.getAttribute('aria-label')).to.equal(
      `Progress to ${localize(account.nextTierName!, 'en')}`,
    );
    expect(inside(el, '.expiring')!.textContent).to.match(/points expire on/);
  });

  it('renders a record the gateway trimmed for a role: no tier name, next tier, coupons or expiry', async () => {
    const {adapter} = demoClient();
    const account = adapter.data.accounts.find((a) => a.nextTierId !== null && a.balance > 0)!;
    const trimmed: CrmAdapter = Object.create(adapter, {
      resources: {
        value: {
          ...adapter.resources,
          loyaltyAccounts: {
            read: async (ids: readonly string[]) =>
              (await adapter.resources.loyaltyAccounts!.read(ids)).map((entry) => {
                if (!entry.record) return entry;
                const {
                  tierName: _t,
                  nextTierName: _n,
                  coupons: _c,
                  expiringSoon: _e,
                  ...rest
                } = entry.record;
                return {...entry, record: rest};
              }),
          },
        },
      },
    });
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id=${account.customerId}
        .client=${createClient(trimmed)}
        locale="en"
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    expect(inside(el, '.amount')!.textContent).to.equal(
      new Intl.NumberFormat('en').format(account.balance),
    );
    expect(inside(el, '[data-state="error"]')).to.be.null;
  });

  it('speaks Chinese with a zh-CN locale', async () => {
    const {client, adapter} = demoClient();
    const account = adapter.data.accounts.find((a) => a.nextTierId !== null)!;
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id=${account.customerId}
        .client=${client}
        locale="zh-CN"
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    expect(inside(el, '[part~="tier"]')!.textContent).to.contain(
      localize(account.tierName, 'zh-CN'),
    );
    expect(inside(el, '.unit')!.textContent).to.equal('积分');
    expect(inside(el, '.hint')!.textContent).to.contain('即可升级为');
  });

  it('says when the top tier is reached', async () => {
    const {client, adapter} = demoClient({size: 200});
    const top = adapter.data.accounts.find((a) => a.nextTierId === null)!;
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id=${top.customerId}
        .client=${client}
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    expect(inside(el, '[role="progressbar"]')).to.be.null;
    expect(inside(el, '[part~="progress"]')!.textContent).to.contain('Top tier reached');
  });

  it('shows a compact badge', async () => {
    const {client} = demoClient();
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id="c-002"
        variant="badge"
        .client=${client}
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    expect(inside(el, '[part~="value"]')!.textContent).to.contain('points');
    expect(inside(el, '[role="progressbar"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('animates the progress bar only when the system allows motion', async () => {
    const {client} = demoClient();
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id="c-001"
        .client=${client}
      ></rapport-loyalty-balance>`,
    );
    await loaded(el);
    const duration = () => getComputedStyle(inside(el, '.bar')!).transitionDuration;
    await emulateMedia({reducedMotion: 'no-preference'});
    expect(duration()).to.equal('0.6s');
    await emulateMedia({reducedMotion: 'reduce'});
    expect(duration()).to.equal('0s');
  });

  it('loads again when the client says loyalty accounts changed, not for other resources', async () => {
    const {client, requests} = demoClient();
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance customer-id="c-001" .client=${client}></rapport-loyalty-balance>`,
    );
    await loaded(el);
    const reads = () => requests.filter((r) => r.resource === 'loyaltyAccounts').length;
    const before = reads();
    client.invalidate({resource: 'customers', customerId: 'c-001'});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads(), 'after a change of customers').to.equal(before);
    client.invalidate({resource: 'loyaltyAccounts'});
    await until(() => reads() === before + 1, 'the account to be read again');
  });

  it('hides what the document hides for a role', async () => {
    const {client} = demoClient();
    const customization = {
      schemaVersion: 1,
      roles: [{id: 'customer', label: 'Customer'}],
      fields: {
        points: {entity: 'loyalty', source: 'balance', label: 'Stars', type: 'points'},
        tier: {
          entity: 'loyalty',
          source: 'tierId',
          label: 'Level',
          type: 'tier',
          access: {customer: 'hidden'},
        },
        lifetime: {
          entity: 'loyalty',
          source: 'lifetimePoints',
          label: 'Stars ever earned',
          type: 'points',
        },
      },
      widgets: {
        'loyalty-balance': {
          layout: {
            type: 'VerticalLayout',
            elements: [
              {type: 'Control', field: 'points'},
              {type: 'Control', field: 'tier'},
              {type: 'Control', field: 'lifetime'},
            ],
          },
        },
      },
    };
    const el = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance
        customer-id="c-001"
        .client=${client}
        .customization=${customization}
      ></rapport-loyalty-balance>`,
    );
    await until(() => inside(el, '.amount'), 'the balance');
    expect(inside(el, '[part~="tier"]')).to.be.null;
    expect(inside(el, '[role="progressbar"]')).to.be.null;
    expect(inside(el, '.extra dt')!.textContent).to.equal('Stars ever earned');
  });

  it('on a backend without loyalty accounts, takes no room, offers no Retry, and tells the developer', async () => {
    const {adapter} = demoClient();
    const {loyaltyAccounts: _omitted, ...resources} = adapter.resources;
    const noLoyalty: CrmAdapter = Object.create(adapter, {resources: {value: resources}});
    const warnings = captureWarnings();
    const el = document.createElement('rapport-loyalty-balance');
    el.customerId = 'c-001';
    el.client = createClient(noLoyalty);
    const reported = oneEvent<RapportErrorEvent>(el, 'rapport-error');
    document.body.append(el);
    try {
      const event = await reported;
      expect((event.error as RapportError).code).to.equal('unsupported');
      expect(event.widget).to.equal('rapport-loyalty-balance');
      await until(() => el.hasAttribute('data-quiet'), 'the balance quiet');
      expect(el.getBoundingClientRect().height, 'no room on the page').to.equal(0);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(inside(el, '[part~="retry"]')).to.equal(null);
      expect(warnings.messages.join('\n')).to.contain('loyaltyAccounts');
      await expect(el).to.be.accessible();
      // Loading again (the client says the data changed) keeps it out of the page until the answer.
      el.client.invalidate({resource: 'loyaltyAccounts'});
      await el.updateComplete;
      expect(inside(el, '[data-state="loading"]'), 'loading again').to.exist;
      expect(el.hasAttribute('data-quiet'), 'quiet while it loads again').to.equal(true);
      // A backend that offers loyalty accounts: the balance takes its room again.
      el.client = demoClient().client;
      await until(() => inside(el, '.amount'), 'the balance');
      expect(el.hasAttribute('data-quiet')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      warnings.restore();
      el.remove();
    }
  });

  it('waits for a client again when moved in the page, or when its client goes', async () => {
    const warnings = captureWarnings();
    const errors: Event[] = [];
    const balance = document.createElement('rapport-loyalty-balance');
    balance.customerId = 'c-001';
    balance.addEventListener('rapport-error', (event) => errors.push(event));
    const [before, after] = [document.createElement('div'), document.createElement('div')];
    document.body.append(before, after);
    try {
      before.append(balance);
      // Settled (nothing left to update), then moved before the wait is over: it still says so once
      // it has waited.
      await new Promise((resolve) => setTimeout(resolve, 300));
      after.append(balance);
      await until(() => inside(balance, '[data-state="no-client"]'), 'the no-client state', 8000);
      expect(errors).to.have.length(1);
      // A client comes, then goes: loading again, not "not available" at once.
      balance.client = demoClient().client;
      await until(() => inside(balance, '.amount'), 'the balance');
      Object.assign(balance, {client: undefined}); // a page taking its client away
      await balance.updateComplete;
      expect(inside(balance, '[data-state="loading"]'), 'waiting again').to.exist;
      await until(() => inside(balance, '[data-state="no-client"]'), 'said again', 8000);
      expect(errors).to.have.length(2);
    } finally {
      warnings.restore();
      before.remove();
      after.remove();
    }
  });

  it('offers Retry after a failure worth retrying, and fires rapport-error', async () => {
    const {client, adapter} = demoClient();
    adapter.setFaults({rate: 1, kinds: ['timeout']});
    const el = document.createElement('rapport-loyalty-balance');
    el.customerId = 'c-003';
    el.client = client;
    const reported = oneEvent<RapportErrorEvent>(el, 'rapport-error');
    document.body.append(el);
    try {
      expect((await reported).error.message).to.contain('timeout');
      await until(() => inside(el, '[data-state="error"]'), 'the error');
      await expect(el).to.be.accessible();
      adapter.setFaults(null);
      inside(el, '[part~="retry"]')!.click();
      await loaded(el);
    } finally {
      el.remove();
    }
  });
});
