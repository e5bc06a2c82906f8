import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {createClient, RapportError, type CrmAdapter} from '@rapport/core';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import type {
  RapportErrorEvent,
  RapportLoyaltyBalance,
  RapportRewards,
  RewardBeforeRedeemEvent,
  RewardRedeemedEvent,
} from '@rapport/widgets';
import {
  allInside,
  asOf,
  captureWarnings,
  deepActiveElement,
  demoClient,
  inside,
  text,
  until,
} from '../../test-support/support.js';

/** A client over the demo backend, on a clock an hour after its data, so every run sees the same offers. */
function rewardsClient(
  options: Parameters<typeof demoClient>[0] = {},
  client: Parameters<typeof demoClient>[1] = {},
) {
  return demoClient({now: () => asOf.getTime() + 3_600_000, ...options}, client);
}

type Backend = ReturnType<typeof rewardsClient>['adapter'];

/** The member's redemptions, straight from the backend. */
const redemptionsOf = async (adapter: Backend, customerId: string) =>
  (await adapter.resources.redemptions!.list(customerId, {})).items;

/** A member with at least one reward they can redeem now, and one such reward. */
async function memberWithRedeemable(adapter: Backend) {
  for (const account of adapter.data.accounts) {
    const {items} = await adapter.resources.rewards!.list(account.customerId, {});
    const reward = items.find((r) => r.refusal === null);
    if (reward) return {customerId: account.customerId, reward, rewards: items};
  }
  throw new Error('The demo data has no member who can redeem a reward');
}

const loaded = (el: RapportRewards) => until(() => inside(el, '.reward'), 'the rewards to load');

const itemOf = (el: RapportRewards, rewardId: string) =>
  allInside(el, '.reward').find((item) => item.dataset.rewardId === rewardId)!;

const buttonIn = (item: Element, part: string) =>
  item.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

async function mount(client: unknown, customerId: string, extra: Partial<RapportRewards> = {}) {
  const el = await fixture<RapportRewards>(
    html`<rapport-rewards customer-id=${customerId} locale="en" .client=${client}></rapport-rewards>`,
  );
  Object.assign(el, extra);
  await loaded(el);
  return el;
}

/** Presses Redeem on a reward and Confirm in its confirmation; resolves with the redemption event. */
async function redeem(el: RapportRewards, rewardId: string): Promise<RewardRedeemedEvent> {
  buttonIn(itemOf(el, rewardId), 'redeem').click();
  await el.updateComplete;
  const redeemed = oneEvent(el, 'rapport-reward-redeemed') as Promise<RewardRedeemedEvent>;
  buttonIn(itemOf(el, rewardId), 'confirm').click();
  return redeemed;
}

describe('<rapport-rewards>', () => {
  it('is accessible while loading and with data', async () => {
    const {client, adapter} = rewardsClient({latency: 200});
    const {customerId} = await memberWithRedeemable(adapter);
    const el = await fixture<RapportRewards>(
      html`<rapport-rewards customer-id=${customerId} .client=${client}></rapport-rewards>`,
    );
    expect(inside(el, '[data-state="loading"]')).to.exist;
    await until(() => inside(el, '.skeleton'), 'the placeholders of a slow load');
    await expect(el).to.be.accessible();
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('shows the balance, the tier, and each reward with its standing in words, in the backend’s order', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId, rewards} = await memberWithRedeemable(adapter);
    const account = adapter.data.accounts.find((a) => a.customerId === customerId)!;
    const el = await mount(client, customerId);
    expect(text(inside(el, '.amount'))).to.equal(
      new Intl.NumberFormat('en').format(account.balance),
    );
    expect(allInside(el, '.reward').map((item) => item.dataset.rewardId)).to.deep.equal(
      rewards.map((r) => r.id),
      'the order offerRewards gives',
    );
    for (const reward of rewards) {
      const item = itemOf(el, reward.id);
      const standing = text(item.querySelector('[part~="footer"]'));
      if (reward.refusal === null) {
        expect(buttonIn(item, 'redeem'), `${reward.id} can be redeemed`).to.exist;
        expect(standing).to.contain('Redeem');
      } else
        expect(item.querySelector('[part~="redeem"]'), `${reward.id} has no button`).to.be.null;
      if (reward.refusal === 'insufficient_points')
        expect(standing).to.equal(
          `${new Intl.NumberFormat('en').format(reward.pointsShort)} more points`,
        );
      if (reward.refusal === 'tier_too_low') expect(standing).to.equal('For Gold members');
      if (reward.refusal === 'out_of_stock') expect(standing).to.equal('Out of stock');
      if (reward.refusal === 'not_available')
        expect(standing).to.equal('Not available at the moment');
    }
    expect(text(itemOf(el, 'fifty-off'))).to.contain('Fifty yuan off any order of ¥200 or more.');
    const redeemButton = buttonIn(
      itemOf(el, rewards.find((r) => r.refusal === null)!.id),
      'redeem',
    );
    expect(text(redeemButton)).to.match(/^Redeem \S/);
  });

  it('shows the benefits of the member’s tier', async () => {
    const {adapter} = rewardsClient();
    const base = adapter.resources.loyaltyAccounts!;
    const withBenefits: CrmAdapter = Object.create(adapter, {
      resources: {
        value: {
          ...adapter.resources,
          loyaltyAccounts: {
            read: async (ids: readonly string[]) =>
              (await base.read(ids)).map((e) =>
                e.record
                  ? {
                      ...e,
                      record: {
                        ...e.record,
                        tierBenefits: [{en: 'Free delivery', 'zh-CN': '免运费'}, 'Birthday gift'],
                      },
                    }
                  : e,
              ),
          },
        },
      },
    });
    const el = await mount(createClient(withBenefits), 'c-001');
    await until(() => inside(el, '.benefits'), 'the benefits');
    expect(allInside(el, '.benefits li').map(text)).to.deep.equal([
      'Free delivery',
      'Birthday gift',
    ]);
    expect(text(inside(el, '[part~="header"] .group-label'))).to.match(/ benefits$/);
    await expect(el).to.be.accessible();
  });

  it('redeems with the keyboard: confirm, cancel with Escape, confirm again, and shows the code', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId, reward} = await memberWithRedeemable(adapter);
    const el = await mount(client, customerId);
    const redeemButton = buttonIn(itemOf(el, reward.id), 'redeem');
    redeemButton.focus();
    await sendKeys({press: 'Enter'});
    await until(() => deepActiveElement() === inside(el, '[part~="confirm"]'), 'focus on Confirm');
    expect(text(inside(el, '#confirm-question'))).to.equal(
      `Redeem ${(reward.name as {en: string}).en} for ${new Intl.NumberFormat('en').format(reward.cost)} points?`,
    );
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await until(() => !inside(el, '.confirm'), 'the confirmation to close');
    expect(deepActiveElement()).to.equal(
      buttonIn(itemOf(el, reward.id), 'redeem'),
      'focus back on Redeem',
    );

    await sendKeys({press: 'Space'});
    await until(() => deepActiveElement() === inside(el, '[part~="confirm"]'), 'focus on Confirm');
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(inside(el, '[part~="cancel"]'));
    await sendKeys({press: 'Enter'});
    await until(
      () => deepActiveElement() === buttonIn(itemOf(el, reward.id), 'redeem'),
      'focus on Redeem after Cancel',
    );
    expect(await redemptionsOf(adapter, customerId)).to.have.length(
      0,
      'nothing redeemed by cancelling',
    );

    const redeemed = oneEvent(el, 'rapport-reward-redeemed') as Promise<RewardRedeemedEvent>;
    await sendKeys({press: 'Enter'});
    await until(() => deepActiveElement() === inside(el, '[part~="confirm"]'), 'focus on Confirm');
    await sendKeys({press: 'Enter'});
    const {redemption} = await redeemed;
    const stored = await redemptionsOf(adapter, customerId);
    expect(stored.map((r) => r.id)).to.deep.equal([redemption.id]);
    await until(() => deepActiveElement() === inside(el, '.outcome'), 'focus on the outcome');
    if (redemption.code !== null) {
      expect(text(inside(el, '.outcome [part~="code"]'))).to.equal(redemption.code);
      expect(inside(el, '.outcome [part~="copy"]')).to.exist;
    } else expect(text(inside(el, '.outcome'))).to.contain('is yours');
    await expect(el).to.be.accessible();
  });

  it('copies the code, or selects it for the person when the clipboard is refused', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId, rewards} = await memberWithRedeemable(adapter);
    const coupon = rewards.find((r) => r.refusal === null && r.kind !== 'item')!;
    expect(coupon, 'a coupon the member can redeem').to.exist;
    const el = await mount(client, customerId);
    const {redemption} = await redeem(el, coupon.id);
    await el.updateComplete;
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    try {
      clipboard.writeText = async (value: string) => void copied.push(value);
      inside<HTMLButtonElement>(el, '[part~="copy"]')!.click();
      await until(() => text(inside(el, '.copy-status')) === 'Copied', '"Copied"');
      expect(copied).to.deep.equal([redemption.code]);
      clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
      inside<HTMLButtonElement>(el, '[part~="copy"]')!.click();
      await until(() => text(inside(el, '.copy-status')) === 'Press Ctrl+C to copy', 'the hint');
      expect(getSelection()!.toString()).to.equal(redemption.code);
    } finally {
      clipboard.writeText = original;
    }
    inside<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await until(() => !inside(el, '.outcome'), 'the outcome to close');
    expect(el.shadowRoot!.activeElement, 'focus stays in the widget').to.not.equal(null);
  });

  it('sends nothing when the host cancels the before event', async () => {
    const {client, adapter, requests} = rewardsClient();
    const {customerId, reward} = await memberWithRedeemable(adapter);
    const el = await mount(client, customerId);
    const seen: RewardBeforeRedeemEvent[] = [];
    el.addEventListener('rapport-reward-before-redeem', (e) => {
      seen.push(e);
      e.preventDefault();
    });
    buttonIn(itemOf(el, reward.id), 'redeem').click();
    await el.updateComplete;
    buttonIn(itemOf(el, reward.id), 'confirm').click();
    await until(() => !inside(el, '.confirm'), 'the confirmation to close');
    expect(seen.map((e) => e.reward.id)).to.deep.equal([reward.id]);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(requests.filter((r) => r.operation === 'create')).to.have.length(0);
    expect(await redemptionsOf(adapter, customerId)).to.have.length(0);
    expect(deepActiveElement()).to.equal(buttonIn(itemOf(el, reward.id), 'redeem'));
  });

  it('redeems once for a double press, and says so while it is under way', async () => {
    const {client, adapter, requests} = rewardsClient({latency: 60});
    const {customerId, reward} = await memberWithRedeemable(adapter);
    const el = await mount(client, customerId);
    buttonIn(itemOf(el, reward.id), 'redeem').click();
    await el.updateComplete;
    const confirm = buttonIn(itemOf(el, reward.id), 'confirm');
    const redeemed = oneEvent(el, 'rapport-reward-redeemed');
    confirm.click();
    confirm.click();
    await el.updateComplete;
    expect(text(confirm)).to.equal('Redeeming…');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await redeemed;
    expect(
      requests.filter((r) => r.operation === 'create'),
      'one request for two presses',
    ).to.have.length(1);
    expect(await redemptionsOf(adapter, customerId)).to.have.length(1);
  });

  it('says why the backend refused, in the reward’s place, and shows the refreshed standing', async () => {
    const {client, adapter} = rewardsClient();
    // A member who can afford the reward once but not twice.
    let found: {customerId: string; rewardId: string} | undefined;
    for (const account of adapter.data.accounts) {
      const {items} = await adapter.resources.rewards!.list(account.customerId, {});
      const once = items.find(
        (r) =>
          r.refusal === null && account.balance < 2 * r.cost && r.limitPerCustomer === undefined,
      );
      if (once) found = {customerId: account.customerId, rewardId: once.id};
      if (found) break;
    }
    expect(found, 'such a member').to.exist;
    const {customerId, rewardId} = found!;
    const el = await mount(client, customerId);
    // Spent elsewhere (another tab): the widget still offers the reward.
    await adapter.resources.redemptions!.create(
      {customerId, rewardId},
      {idempotencyKey: 'elsewhere'},
    );
    buttonIn(itemOf(el, rewardId), 'redeem').click();
    await el.updateComplete;
    buttonIn(itemOf(el, rewardId), 'confirm').click();
    await until(() => inside(el, '.refusal'), 'the refusal');
    const refusal = itemOf(el, rewardId).querySelector('.refusal')!;
    expect(text(refusal)).to.equal('Not redeemed: you do not have enough points for this reward.');
    expect(refusal.getAttribute('role')).to.equal('alert');
    expect(deepActiveElement()).to.equal(refusal);
    await until(
      () => text(itemOf(el, rewardId).querySelector('[part~="footer"]')).endsWith('more points'),
      'the refreshed standing',
    );
    expect(await redemptionsOf(adapter, customerId)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('after a lost answer keeps the confirmation to try again, with the same key: one redemption, one code', async () => {
    const {adapter} = rewardsClient();
    const create = adapter.resources.redemptions!.create!;
    let lose = 1;
    const losing: CrmAdapter = Object.create(adapter, {
      resources: {
        value: {
          ...adapter.resources,
          redemptions: {
            list: adapter.resources.redemptions!.list,
            create: async (...args: Parameters<typeof create>) => {
              const done = await create(...args);
              if (lose-- > 0) throw new RapportError('unavailable', 'Simulated lost answer');
              return done;
            },
          },
        },
      },
    });
    const keys: string[] = [];
    const client = createClient(losing, {
      retry: {attempts: 1},
      hooks: {onRequest: (e) => e.idempotencyKey && keys.push(e.idempotencyKey)},
    });
    const {customerId, reward} = await memberWithRedeemable(adapter);
    const el = await mount(client, customerId);
    const warnings = captureWarnings();
    try {
      const reported = oneEvent(el, 'rapport-error') as Promise<RapportErrorEvent>;
      buttonIn(itemOf(el, reward.id), 'redeem').click();
      await el.updateComplete;
      buttonIn(itemOf(el, reward.id), 'confirm').click();
      expect((await reported).error.message).to.contain('lost answer');
    } finally {
      warnings.restore();
    }
    await until(() => inside(el, '.confirm .error'), 'the failure');
    expect(text(inside(el, '.confirm .error'))).to.equal(
      'Could not redeem. Try again. The service is unavailable right now.',
    );
    const retry = buttonIn(itemOf(el, reward.id), 'confirm');
    expect(text(retry)).to.equal('Try again');
    await expect(el).to.be.accessible();
    const redeemed = oneEvent(el, 'rapport-reward-redeemed') as Promise<RewardRedeemedEvent>;
    retry.click();
    const {redemption} = await redeemed;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    const stored = await redemptionsOf(adapter, customerId);
    expect(stored.map((r) => r.id)).to.deep.equal([redemption.id], 'one redemption, one code');
  });

  it('under 30% injected faults gives one redemption and one code per press, and never a negative balance', async () => {
    const {client, adapter, requests} = rewardsClient();
    const customerId = 'c-018';
    const points = async () =>
      (await adapter.resources.loyaltyAccounts!.read([customerId]))[0]!.record!.balance;
    const start = await points();
    const ledger = async () =>
      (await adapter.resources.pointsTransactions!.list(customerId, {limit: 100})).items.filter(
        (line) => line.type === 'redeem',
      ).length;
    const linesBefore = await ledger();
    const el = await mount(client, customerId);
    const {items} = await adapter.resources.rewards!.list(customerId, {});
    const reward = items.find((r) => r.id === 'tea-sampler' && r.refusal === null)!;
    adapter.setFaults({rate: 0.3, seed: 7});
    const warnings = captureWarnings();
    const codes: string[] = [];
    try {
      for (let press = 0; press < 3; press++) {
        // Whatever fails on the way (the list, the redemption), the person tries again.
        await until(() => {
          inside<HTMLButtonElement>(el, '[data-state="error"] [part~="retry"]')?.click();
          return itemOf(el, reward.id)?.querySelector('[part~="redeem"]');
        }, 'the Redeem button');
        const redeemed = oneEvent(el, 'rapport-reward-redeemed') as Promise<RewardRedeemedEvent>;
        buttonIn(itemOf(el, reward.id), 'redeem').click();
        await el.updateComplete;
        buttonIn(itemOf(el, reward.id), 'confirm').click();
        let done: RewardRedeemedEvent | undefined;
        void redeemed.then((event) => (done = event));
        await until(
          () => {
            const retry = inside<HTMLButtonElement>(el, '.confirm [part~="confirm"]');
            if (
              !done &&
              retry?.getAttribute('aria-disabled') === 'false' &&
              text(retry) === 'Try again'
            )
              retry.click();
            return done;
          },
          `press ${press + 1} to be redeemed`,
        );
        codes.push(done!.redemption.code!);
        inside<HTMLButtonElement>(el, '[part~="close"]')!.click();
      }
    } finally {
      adapter.setFaults(null);
      warnings.restore();
    }
    const creates = requests.filter((r) => r.operation === 'create');
    expect(
      creates.length,
      'faults struck some redemptions, which were sent again',
    ).to.be.greaterThan(3);
    expect(new Set(creates.map((r) => r.idempotencyKey)).size).to.equal(3, 'one key per press');
    expect(new Set(codes).size).to.equal(3, 'three presses, three codes');
    const stored = await redemptionsOf(adapter, customerId);
    expect(stored.map((r) => r.code).sort()).to.deep.equal([...codes].sort(), 'no other code');
    expect(await ledger()).to.equal(linesBefore + 3, 'one ledger line per press');
    expect(await points()).to.equal(start - 3 * reward.cost);
  });

  it('two redemptions at once that the balance covers once: one code, one refusal said in words', async () => {
    const {client, adapter} = rewardsClient({latency: 20});
    // c-001 has 214 points: the 200-point coupon once.
    const customerId = 'c-001';
    const page = await fixture<HTMLElement>(html`<div>
      <rapport-rewards customer-id=${customerId} locale="en" .client=${client}></rapport-rewards>
      <rapport-rewards customer-id=${customerId} locale="en" .client=${client}></rapport-rewards>
    </div>`);
    const [first, second] = [...page.querySelectorAll<RapportRewards>('rapport-rewards')];
    await loaded(first!);
    await loaded(second!);
    for (const el of [first!, second!]) {
      buttonIn(itemOf(el, 'tea-sampler'), 'redeem').click();
      await el.updateComplete;
    }
    buttonIn(itemOf(first!, 'tea-sampler'), 'confirm').click();
    buttonIn(itemOf(second!, 'tea-sampler'), 'confirm').click();
    await until(
      () => [first!, second!].every((el) => inside(el, '.outcome') || inside(el, '.refusal')),
      'both answers',
    );
    const outcomes = [first!, second!].filter((el) => inside(el, '.outcome'));
    expect(outcomes).to.have.length(1);
    const refused = [first!, second!].find((el) => inside(el, '.refusal'))!;
    expect(text(inside(refused, '.refusal'))).to.equal(
      'Not redeemed: you do not have enough points for this reward.',
    );
    expect(await redemptionsOf(adapter, customerId)).to.have.length(1);
    const account = (await adapter.resources.loyaltyAccounts!.read([customerId]))[0]!.record!;
    expect(account.balance).to.be.at.least(0);
  });

  it('updates a loyalty balance on the same page at once', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId, reward} = await memberWithRedeemable(adapter);
    const account = adapter.data.accounts.find((a) => a.customerId === customerId)!;
    const page = await fixture<HTMLElement>(html`<div>
      <rapport-loyalty-balance customer-id=${customerId} locale="en" .client=${client}></rapport-loyalty-balance>
      <rapport-rewards customer-id=${customerId} locale="en" .client=${client}></rapport-rewards>
    </div>`);
    const balance = page.querySelector<RapportLoyaltyBalance>('rapport-loyalty-balance')!;
    const el = page.querySelector<RapportRewards>('rapport-rewards')!;
    const format = (n: number) => new Intl.NumberFormat('en').format(n);
    await until(() => text(inside(balance, '.amount')) === format(account.balance), 'the balance');
    await loaded(el);
    await redeem(el, reward.id);
    await until(
      () => text(inside(balance, '.amount')) === format(account.balance - reward.cost),
      'the new balance in the other widget',
    );
    await until(
      () => text(inside(el, '.amount')) === format(account.balance - reward.cost),
      'the new balance in the rewards',
    );
  });

  it('shows the history: redeemed rewards with their codes, the points ledger and what expires soon', async () => {
    const {client, adapter, requests} = rewardsClient();
    const {customerId, rewards} = await memberWithRedeemable(adapter);
    const coupon = rewards.find((r) => r.refusal === null && r.kind !== 'item')!;
    const el = await mount(client, customerId);
    expect(
      requests.some((r) => r.resource === 'pointsTransactions'),
      'the ledger waits to be opened',
    ).to.equal(false);
    const {redemption} = await redeem(el, coupon.id);
    const disclosure = inside<HTMLButtonElement>(el, '.disclosure')!;
    expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
    disclosure.focus();
    await sendKeys({press: 'Enter'});
    expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
    await until(() => inside(el, '[aria-labelledby="history-ledger"] li'), 'the ledger');
    const codes = allInside(el, '[aria-labelledby="history-codes"] li');
    expect(codes.map(text)[0]).to.contain(redemption.code!);
    const first = inside(el, '[aria-labelledby="history-ledger"] li')!;
    expect(first.dataset.type).to.equal('redeem');
    expect(text(first)).to.contain(`Redeemed −${new Intl.NumberFormat('en').format(coupon.cost)}`);
    expect(text(first)).to.contain(text(itemOf(el, coupon.id).querySelector('[part~="name"]')));
    expect(
      allInside(el, '[aria-labelledby="history-ledger"] li[data-type="earn"]').map(text)[0],
    ).to.match(/^Earned \+/);
    expect(inside(el, '[aria-labelledby="history-expiring"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese with a zh-CN locale', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId, reward, rewards} = await memberWithRedeemable(adapter);
    const el = await fixture<RapportRewards>(
      html`<rapport-rewards customer-id=${customerId} locale="zh-CN" .client=${client}></rapport-rewards>`,
    );
    await loaded(el);
    expect(text(inside(el, '.unit'))).to.equal('积分');
    expect(text(itemOf(el, reward.id).querySelector('[part~="name"]'))).to.equal(
      (reward.name as Record<string, string>)['zh-CN'],
    );
    expect([...itemOf(el, reward.id).querySelectorAll('dt')].map(text)).to.include('所需积分');
    const short = rewards.find((r) => r.refusal === 'insufficient_points')!;
    expect(text(itemOf(el, short.id).querySelector('[part~="footer"]'))).to.match(
      /^还差 [\d,]+ 积分$/,
    );
    buttonIn(itemOf(el, reward.id), 'redeem').click();
    await el.updateComplete;
    expect(text(inside(el, '#confirm-question'))).to.match(/^确定用 [\d,]+ 积分兑换.+吗？$/);
    expect(text(inside(el, '[part~="confirm"]'))).to.equal('确定');
    expect(text(inside(el, '.disclosure'))).to.equal('积分记录');
    await expect(el).to.be.accessible();
  });

  it('follows a partial document of its own: its labels, its fields, a field hidden for the role', async () => {
    const {client} = rewardsClient();
    const customization = {
      schemaVersion: 1,
      roles: [{id: 'customer', label: 'Customer'}],
      fields: {
        treat: {entity: 'reward', source: 'name', label: 'Treat', type: 'text'},
        price: {
          entity: 'reward',
          source: 'cost',
          label: {en: 'Price', 'zh-CN': '价格'},
          type: 'points',
        },
        left: {
          entity: 'reward',
          source: 'stock',
          label: 'Left',
          type: 'number',
          access: {customer: 'hidden'},
        },
      },
      widgets: {
        rewards: {
          layout: {
            type: 'VerticalLayout',
            elements: [
              {type: 'Control', field: 'treat'},
              {type: 'Control', field: 'price'},
              {type: 'Control', field: 'left'},
            ],
          },
        },
      },
    };
    const el = await fixture<RapportRewards>(
      html`<rapport-rewards customer-id="c-001" locale="en" .client=${client} .customization=${customization}></rapport-rewards>`,
    );
    await loaded(el);
    expect(allInside(el, '.reward[data-reward-id="first-flush"] dt').map(text)).to.deep.equal([
      'Price',
    ]);
    expect(text(itemOf(el, 'first-flush').querySelector('[part~="name"]'))).to.equal(
      'Limited first-flush Darjeeling',
    );
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(allInside(el, '.reward[data-reward-id="first-flush"] dt').map(text)).to.deep.equal([
      '价格',
    ]);
    await expect(el).to.be.accessible();
  });

  it('follows a document that relabels one field and hides another, and gives agents their layout', async () => {
    const {client, adapter} = rewardsClient();
    const {customerId} = await memberWithRedeemable(adapter);
    const customization = structuredClone(defaultCustomization) as CustomizationDocument;
    customization.fields.cost!.label = {en: 'Price', 'zh-CN': '价格'};
    customization.fields.rewardDescription!.access = {customer: 'hidden'};
    const el = await mount(client, customerId);
    el.customization = customization;
    await el.updateComplete;
    const labels = allInside(el, `.reward[data-reward-id="fifty-off"] dt`).map(text);
    expect(labels).to.include('Price');
    expect(labels).to.not.include('Cost');
    expect(labels).to.not.include('Description');

    el.viewerRole = 'agent';
    await el.updateComplete;
    const agent = allInside(el, `.reward[data-reward-id="first-flush"] dt`).map(text);
    expect(agent).to.include.members(['Price', 'Left']);
    expect(agent, 'no tier needed: nothing to say').to.not.include('For members from');
    expect(allInside(el, `.reward[data-reward-id="gold-tasting"] dt`).map(text)).to.include(
      'For members from',
    );
    const left = [...itemOf(el, 'first-flush').querySelectorAll('.pair')].find(
      (pair) => text(pair.querySelector('dt')) === 'Left',
    )!;
    expect(text(left.querySelector('dd'))).to.equal('3');
    expect(allInside(el, `.reward[data-reward-id="welcome-pot"] dt`).map(text)).to.include(
      'Limit per member',
    );
  });
});

describe('<rapport-rewards> states', () => {
  it('without a client says it is not available and tells the developer', async () => {
    const warnings = captureWarnings();
    try {
      const el = document.createElement('rapport-rewards');
      el.customerId = 'c-001';
      const reported = oneEvent(el, 'rapport-error') as Promise<RapportErrorEvent>;
      document.body.append(el);
      expect((await reported).error.message).to.contain('<rapport-rewards>');
      await el.updateComplete;
      expect(inside(el, '[data-state="no-client"]')).to.exist;
      await expect(el).to.be.accessible();
      el.remove();
    } finally {
      warnings.restore();
    }
  });

  it('without a customer says so', async () => {
    const {client} = rewardsClient();
    const el = await fixture<RapportRewards>(
      html`<rapport-rewards .client=${client}></rapport-rewards>`,
    );
    expect(text(inside(el, '[data-state="empty"]'))).to.equal('No customer selected.');
    await expect(el).to.be.accessible();
  });

  it('offers Retry after a failed load, then shows the rewards', async () => {
    const {adapter} = rewardsClient();
    const list = adapter.resources.rewards!.list;
    let fail = true;
    const flaky: CrmAdapter = Object.create(adapter, {
      resources: {
        value: {
          ...adapter.resources,
          rewards: {
            list: (...args: Parameters<typeof list>) =>
              fail ? Promise.reject(new RapportError('timeout', 'Slow')) : list(...args),
          },
        },
      },
    });
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportRewards>(
        html`<rapport-rewards customer-id="c-001" .client=${createClient(flaky, {retry: {attempts: 1}})}></rapport-rewards>`,
      );
      await until(() => inside(el, '[data-state="error"]'), 'the error');
      await expect(el).to.be.accessible();
      fail = false;
      inside<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await loaded(el);
    } finally {
      warnings.restore();
    }
  });

  it('says calmly when there are no rewards', async () => {
    const {adapter} = rewardsClient();
    const none: CrmAdapter = Object.create(adapter, {
      resources: {
        value: {...adapter.resources, rewards: {list: async () => ({items: [], nextCursor: null})}},
      },
    });
    const el = await fixture<RapportRewards>(
      html`<rapport-rewards customer-id="c-001" .client=${createClient(none)}></rapport-rewards>`,
    );
    await until(() => inside(el, '[data-state="empty"]'), 'the empty state');
    expect(text(inside(el, '[data-state="empty"]'))).to.equal(
      'There are no rewards to show right now.',
    );
    expect(inside(el, '.disclosure'), 'the history is still there').to.exist;
    await expect(el).to.be.accessible();
  });

  it('on a backend without rewards takes no room, with no Retry, and tells the developer', async () => {
    const {adapter} = rewardsClient();
    const {rewards: _omitted, ...resources} = adapter.resources;
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportRewards>(
        html`<rapport-rewards customer-id="c-001" .client=${createClient(Object.create(adapter, {resources: {value: resources}}))}></rapport-rewards>`,
      );
      await until(() => el.hasAttribute('data-quiet'), 'the rewards quiet');
      expect(el.getBoundingClientRect().height, 'no room on the page').to.equal(0);
      expect(inside(el, '[part~="retry"]')).to.be.null;
      expect(warnings.messages.join('\n')).to.contain('rewards');
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  it('on a backend without redemptions lists the rewards without Redeem buttons; without a ledger the history shows what it can', async () => {
    const {adapter} = rewardsClient();
    const {customerId} = await memberWithRedeemable(adapter);
    const {redemptions: _r, pointsTransactions: _p, ...resources} = adapter.resources;
    const warnings = captureWarnings();
    try {
      const el = await mount(
        createClient(Object.create(adapter, {resources: {value: resources}})),
        customerId,
      );
      await until(() => allInside(el, '[part~="redeem"]').length === 0, 'the buttons to go');
      expect(allInside(el, '.reward').length).to.be.greaterThan(0);
      inside<HTMLButtonElement>(el, '.disclosure')!.click();
      await until(
        () => inside(el, '[aria-labelledby="history-ledger"] [data-state="unavailable"]'),
        'the ledger state',
      );
      expect(inside(el, '[aria-labelledby="history-codes"] [data-state="unavailable"]')).to.exist;
      expect(inside(el, '[aria-labelledby="history-expiring"]'), 'what the account says').to.exist;
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });
});
