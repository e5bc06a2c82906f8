import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {
  isRapportError,
  localize,
  refusalOf,
  type DataChange,
  type FieldValue,
  type LocalizedText,
  type LoyaltyAccount,
  type PointsTransaction,
  type RapportClient,
  type Redemption,
  type RedemptionInput,
  type RedemptionRefusal,
  type Reward,
} from '@rapport/core';
import {defaultRewards, readSource, type PlanField} from '@rapport/schema';
import {Submission} from '../form/submission.js';
import {RapportErrorEvent} from '../shared/events.js';
import {RewardBeforeRedeemEvent, RewardRedeemedEvent} from './rewards.events.js';
import {formatDate, formatNumber} from '../shared/format.js';
import {
  fieldPair,
  fieldsBySource,
  layoutWithout,
  renderLayout,
  ruleValues,
} from '../shared/layout.js';
import {
  ListController,
  RecordController,
  type LoadController,
  type RecordView,
} from '../shared/record.js';
import {messageState, warnOnce} from '../shared/states.js';
import {displayValue} from '../shared/value.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {rewardsStyles} from './rewards.styles.js';
import {rewardsStrings, type RewardsStrings} from './rewards.strings.js';

// The name is each reward's title; the other fields of the layout are listed under it.
const OWN_SOURCES: ReadonlySet<string> = new Set(['name']);

/** What a member is told, in the reward's place, when the backend refused a redemption. */
const refusedText: Readonly<Record<RedemptionRefusal, keyof RewardsStrings>> = {
  insufficient_points: 'refusedPoints',
  tier_too_low: 'refusedTier',
  out_of_stock: 'refusedStock',
  limit_reached: 'refusedLimit',
  not_available: 'refusedOffer',
};

const ledgerWords: Readonly<Record<PointsTransaction['type'], keyof RewardsStrings>> = {
  earn: 'earned',
  redeem: 'spent',
  expire: 'expired',
  adjust: 'adjusted',
};

/**
 * @tag rapport-rewards
 * @summary A member's rewards: what they can redeem now and how far the others are, redeemed with a confirmation, with the codes and the points history.
 *
 * Shows the member's balance, tier and the tier's benefits, then the rewards in the order the backend
 * gives them (what the member can redeem first, then those a few points away, then those a tier away,
 * then the rest), each with the fields of the `rewards` layout for the active role and its standing in
 * words ("120 more points", "For Gold members"). Redeem asks to confirm; Confirm sends one redemption
 * with one idempotency key per press, reused by every retry, so a press never gives two coupons. The
 * code is shown with a Copy button. The client then reloads the balance, rewards and points history for
 * the customer everywhere on the page. A refusal is said in the reward's place; a failure keeps the
 * confirmation open to try again. Under "Points history": the redeemed rewards with their codes, the
 * points ledger and the points that expire soon.
 *
 * On a backend without rewards it takes no room on the page (and fires `rapport-error`); without
 * redemptions it lists the rewards without Redeem buttons; without a points ledger the history shows
 * what it can.
 *
 * @csspart base - The widget.
 * @csspart header - The balance, tier and tier benefits.
 * @csspart value - The balance, and each listed field's value.
 * @csspart tier - The tier badge.
 * @csspart label - A listed field's label.
 * @csspart list - The list of rewards.
 * @csspart reward - One reward.
 * @csspart name - A reward's name.
 * @csspart footer - A reward's standing: its Redeem button, confirmation or why it cannot be redeemed.
 * @csspart redeem - A Redeem button.
 * @csspart confirm - The Confirm (or Try again) button of a confirmation.
 * @csspart cancel - The Cancel button of a confirmation.
 * @csspart error - Why a redemption failed or was refused.
 * @csspart outcome - What the member got: the code and its Copy button, or the gift.
 * @csspart code - A coupon code.
 * @csspart copy - The Copy button.
 * @csspart history - The points history's button and content.
 * @csspart retry - The button that loads again after a failure.
 * @cssproperty --rapport-color-accent - Buttons, the code's frame and focus rings.
 * @cssproperty --rapport-color-danger - Refusals, failures and points about to expire.
 * @cssproperty --rapport-color-surface - Background.
 * @cssproperty --rapport-color-border - Lines between rewards.
 * @cssproperty --rapport-radius - Corner radius.
 * @event {RewardBeforeRedeemEvent} rapport-reward-before-redeem - The person confirmed a redemption, before anything is sent; cancelable (nothing is sent). `event.reward` is the reward.
 * @event {RewardRedeemedEvent} rapport-reward-redeemed - The backend redeemed the reward; `event.redemption` has the code.
 * @event {RapportErrorEvent} rapport-error - Loading failed (also when the backend does not offer rewards, redemptions or the points ledger), a redemption failed other than by a refusal, or the widget's own customization document is not valid. The page shows only a short neutral message; `error` has the detail.
 */
export class RapportRewards extends RapportWidget {
  static override styles = [baseStyles, rewardsStyles];

  protected readonly widgetName = 'rewards';
  protected readonly builtInCustomization = defaultRewards;

  /** The shared words and this widget's own, in the active locale. */
  protected override get strings(): ReturnType<typeof rewardsStrings> {
    return rewardsStrings(this.activeLocale);
  }

  /** The reward whose confirmation is open. */
  @state() private confirming: string | undefined;
  /** A refusal, said in its reward's place. */
  @state() private refused:
    {readonly rewardId: string; readonly reason: RedemptionRefusal} | undefined;
  /** The redemption just made, shown with its code until closed. */
  @state() private outcome: Redemption | undefined;
  /** What the Copy button did, for the live region. */
  @state() private copyStatus: '' | 'copied' | 'by-hand' = '';
  @state() private historyOpen = false;

  private readonly submission = new Submission<Redemption>(this);
  private drawnFor: string | undefined | null = null;

  private readonly args = () => [this.activeClient, this.activeCustomerId] as const;
  private readonly account = new RecordController(this, 'loyaltyAccounts', this.args);
  private readonly rewards = new ListController(this, 'rewards', this.args);
  // Redemptions load at once: the list says whether the backend redeems at all.
  private readonly redemptions = new ListController(this, 'redemptions', this.args);
  // The ledger loads only once the history is opened.
  private readonly ledger = new ListController(this, 'pointsTransactions', () => [
    this.activeClient,
    this.historyOpen ? this.activeCustomerId : undefined,
  ]);

  protected override dataChanged(change: DataChange): void {
    if (change.customerId !== undefined && change.customerId !== this.activeCustomerId) return;
    const loads: Partial<Record<string, LoadController<unknown>>> = {
      loyaltyAccounts: this.account,
      rewards: this.rewards,
      redemptions: this.redemptions,
      pointsTransactions: this.ledger,
    };
    loads[change.resource]?.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const customer = this.activeCustomerId;
    // Another member on screen: the previous one's confirmation, refusal and code go.
    if (
      this.drawnFor !== null &&
      customer !== this.drawnFor &&
      this.submission.phase !== 'submitting'
    ) {
      this.confirming = this.refused = this.outcome = undefined;
      this.submission.reset();
    }
    this.drawnFor = customer;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const view = this.recordView(4);
    // A backend without rewards: nothing to redeem, and nothing a retry would change.
    this.quiet = this.rewards.unsupported && !this.outcome;
    // The code just given stays in view whatever the reload after it does.
    return html`<section class="base" part="base" aria-label=${s.rewards}>${this.renderOutcome()}${this.keep(this.rewards, view, (page) => html`${this.keep(this.account, view, (account) => this.renderHeader(account), true)}${this.renderList(page.items)}${this.renderHistory(view)}`)}</section>`;
  }

  /** A load's data drawn by `complete`, or its states; `quiet`: nothing instead of its states. */
  private keep<T>(
    load: LoadController<T>,
    view: RecordView,
    complete: (value: T) => TemplateResult,
    quiet = false,
  ): TemplateResult | typeof nothing {
    const shown = load.shown;
    if (shown !== undefined) return complete(shown);
    return quiet ? nothing : load.render(view, complete);
  }

  private renderHeader(account: LoyaltyAccount): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const tier = account.tierName === undefined ? '' : localize(account.tierName, locale);
    const benefits = account.tierBenefits ?? [];
    return html`<div class="header" part="header">
      <div class="top">
        ${account.balance === undefined ? nothing : html`<p class="balance" part="value"><span class="amount">${formatNumber(account.balance, locale)}</span> <span class="unit">${s.points}</span></p>`}
        ${tier ? html`<span class="badge tier" part="tier">${tier}</span>` : nothing}
      </div>
      ${benefits.length > 0 ? html`<div role="group" aria-labelledby="benefits"><p class="group-label" id="benefits">${s.tierBenefits(tier)}</p><ul class="benefits">${benefits.map((b) => html`<li>${localize(b, locale)}</li>`)}</ul></div>` : nothing}
    </div>`;
  }

  private renderList(rewards: readonly Reward[]): TemplateResult {
    const s = this.strings;
    if (rewards.length === 0) return messageState(s.rewardsEmpty);
    const refused = this.refused;
    return html`${refused && !rewards.some((r) => r.id === refused.rewardId) ? this.renderRefusal() : nothing}<ul class="rewards" part="list" aria-label=${s.rewards}>${rewards.map((reward) => this.renderReward(reward))}</ul>`;
  }

  private renderReward(reward: Reward): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const plan = this.plan!;
    const nameField = fieldsBySource(plan).get('name');
    const name = this.text(reward.name);
    const rest = layoutWithout(plan, 'rewards-rest', OWN_SOURCES);
    return html`<li class="reward" part="reward" data-reward-id=${reward.id} data-standing=${reward.refusal ?? 'redeemable'}>
      ${nameField ? html`<p class="name" part="name">${nameField.mask === 'none' ? name : displayValue(nameField, name, locale, s)}</p>` : nothing}
      ${rest ? html`<div class="fields">${renderLayout(rest, ruleValues(plan, reward), (field) => this.renderField(field, reward))}</div>` : nothing}
      <div class="standing" part="footer">${this.renderStanding(reward, name)}</div>
      ${this.refused?.rewardId === reward.id ? this.renderRefusal() : nothing}
    </li>`;
  }

  private renderStanding(reward: Reward, name: string): TemplateResult | typeof nothing {
    const s = this.strings;
    const locale = this.activeLocale;
    switch (reward.refusal) {
      case null:
        // A backend without redemptions lists its rewards, but nothing can be redeemed here.
        if (this.redemptions.status === 'unavailable') return nothing;
        if (this.confirming === reward.id) return this.renderConfirm(reward, name);
        return html`<button type="button" part="redeem" @click=${() => this.openConfirm(reward)}>${s.redeem}<span class="visually-hidden"> ${name}</span></button>`;
      case 'insufficient_points':
        return html`<span class="hint">${s.pointsShort(formatNumber(reward.pointsShort, locale))}</span>`;
      case 'tier_too_low':
        return html`<span class="hint">${s.forTier(this.tierOf(reward))}</span>`;
      case 'out_of_stock':
        return html`<span class="hint">${s.outOfStock}</span>`;
      case 'limit_reached':
        return html`<span class="hint">${s.limitReached}</span>`;
      default:
        return html`<span class="hint">${s.notOffered}</span>`;
    }
  }

  private renderConfirm(reward: Reward, name: string): TemplateResult {
    const s = this.strings;
    const pending = this.submission.phase === 'submitting';
    const error = this.submission.phase === 'failed' ? this.submission.error : undefined;
    const code = isRapportError(error) ? error.code : undefined;
    const unsupported = code === 'unsupported';
    const detail = code === undefined || unsupported ? undefined : s.errors[code];
    return html`<div class="confirm" role="group" aria-labelledby="confirm-question" @keydown=${this.onConfirmKey}>
      <p id="confirm-question">${s.confirmRedeem(name, formatNumber(reward.cost, this.activeLocale))}</p>
      ${error === undefined ? nothing : html`<p class="error" part="error" role="alert">${unsupported ? s.redeemUnavailable : s.redeemFailed}${detail ? ` ${detail}` : ''}</p>`}
      <div class="actions">
        ${unsupported ? nothing : html`<button type="button" part="confirm" aria-disabled=${pending ? 'true' : 'false'} @click=${() => this.redeem(reward)}>${pending ? s.redeeming : error === undefined ? s.confirm : s.retry}</button>`}
        <button type="button" class="secondary" part="cancel" aria-disabled=${pending ? 'true' : 'false'} @click=${this.cancel}>${s.cancel}</button>
      </div>
    </div>`;
  }

  private renderRefusal(): TemplateResult {
    const words = this.strings[refusedText[this.refused!.reason]] as string;
    return html`<p class="error refusal" part="error" role="alert" tabindex="-1">${words}</p>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const redemption = this.outcome;
    if (!redemption) return nothing;
    const s = this.strings;
    const name = this.text(redemption.rewardName);
    const code = redemption.code;
    const status =
      this.copyStatus === 'copied' ? s.copied : this.copyStatus === 'by-hand' ? s.copyByHand : '';
    return html`<div class="outcome" part="outcome" role="status" tabindex="-1">
      <p class="title">${s.redeemed(name)}</p>
      ${
        code === null
          ? html`<p>${s.itemRedeemed(name)}</p>`
          : html`<p class="code-label">${s.yourCode}</p>
        <div class="code-row">
          <span class="code" part="code">${code}</span>
          <button type="button" part="copy" @click=${() => this.copy(code)}>${s.copy}</button>
        </div>
        <p class="copy-status" aria-live="polite">${status}</p>`
      }
      <button type="button" class="secondary" part="close" @click=${this.closeOutcome}>${s.close}</button>
    </div>`;
  }

  private renderHistory(view: RecordView): TemplateResult {
    const s = this.strings;
    const open = this.historyOpen;
    return html`<div class="history" part="history">
      <button type="button" class="secondary disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls="history" @click=${this.toggleHistory}>${s.history}</button>
      <div id="history" ?hidden=${!open}>${
        open
          ? html`
        ${this.section(
          'history-codes',
          s.yourRewards,
          this.keep(this.redemptions, view, (page) => this.renderRedemptions(page.items)),
        )}
        ${this.section(
          'history-ledger',
          s.activity,
          this.keep(this.ledger, view, (page) => this.renderLedger(page.items)),
        )}
        ${this.keep(this.account, view, (account) => this.section('history-expiring', s.expiringSoon, this.renderExpiring(account)), true)}`
          : nothing
      }</div>
    </div>`;
  }

  private section(id: string, title: string, content: unknown): TemplateResult {
    return html`<div class="section" role="group" aria-labelledby=${id}><p class="group-label" id=${id}>${title}</p>${content}</div>`;
  }

  private renderRedemptions(redemptions: readonly Redemption[]): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    if (redemptions.length === 0) return messageState(s.noRedemptions);
    return html`<ul class="lines">${redemptions.map(
      (r) => html`<li>
      <span>${this.text(r.rewardName)}</span>
      ${r.code === null ? nothing : html`<span class="code small" part="code">${r.code}</span>`}
      <span class="when">${formatDate(r.createdAt, locale, 'medium')}</span>
    </li>`,
    )}</ul>`;
  }

  private renderLedger(lines: readonly PointsTransaction[]): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    if (lines.length === 0) return messageState(s.noActivity);
    return html`<ul class="lines">${lines.map((line) => {
      const taken = line.type === 'redeem' || line.type === 'expire' || line.points < 0;
      return html`<li data-type=${line.type}>
        <span>${s[ledgerWords[line.type]] as string}</span>
        <span class="points ${taken ? 'taken' : ''}">${taken ? '−' : '+'}${formatNumber(Math.abs(line.points), locale)}</span>
        <span class="when">${formatDate(line.at, locale, 'medium')}</span>
        ${line.reason ? html`<span class="reason">${this.reasonText(line.reason)}</span>` : nothing}
      </li>`;
    })}</ul>`;
  }

  private renderExpiring(account: LoyaltyAccount): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const expiring = account.expiringSoon ?? [];
    if (expiring.length === 0) return messageState(s.noExpiring);
    return html`<ul class="lines">${expiring.map((e) => html`<li class="expiring">${s.expiring(formatNumber(e.points, locale), formatDate(e.expiresAt, locale, 'medium'))}</li>`)}</ul>`;
  }

  /**
   * One field of a reward. A reward without a value there has nothing to say about it (no end date, no
   * tier needed): the field is left out rather than shown empty on every reward of the list.
   */
  private renderField(field: PlanField, reward: Reward): TemplateResult | typeof nothing {
    const value = this.fieldValue(field, reward);
    if (value === undefined || value === null || value === '') return nothing;
    return fieldPair(field, displayValue(field, value, this.activeLocale, this.strings));
  }

  /** A field's value as the layout shows it: texts in the locale, the tier by its name. */
  private fieldValue(field: PlanField, reward: Reward): FieldValue | undefined {
    const raw = readSource(reward, field.source);
    if (field.source === 'minimumTierId' && typeof raw === 'string') return this.tierOf(reward);
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw))
      return this.text(raw as unknown as LocalizedText);
    return raw;
  }

  /** The name of the tier a reward needs (the backend sends it with the tier), else its id. */
  private tierOf(reward: Reward): string {
    return reward.minimumTierName !== undefined
      ? this.text(reward.minimumTierName)
      : (reward.minimumTierId ?? '');
  }

  /** A ledger line's reason: the reward's name for a redemption (`reward:coffee`), else as written. */
  private reasonText(reason: string): string {
    if (!reason.startsWith('reward:')) return reason;
    const id = reason.slice('reward:'.length);
    const reward = this.rewards.value?.items.find((r) => r.id === id);
    const redeemed = this.redemptions.value?.items.find((r) => r.rewardId === id);
    const name = reward?.name ?? redeemed?.rewardName;
    return name === undefined ? reason : this.text(name);
  }

  private text(value: LocalizedText | undefined): string {
    return value === undefined ? '' : localize(value, this.activeLocale);
  }

  private async openConfirm(reward: Reward): Promise<void> {
    if (this.submission.phase === 'submitting') return;
    this.confirming = reward.id;
    this.refused = undefined;
    // A failure of another reward's confirmation is not this one's.
    this.submission.edited();
    await this.updateComplete;
    this.focusIn(reward.id, '[part~="confirm"], [part~="cancel"]');
  }

  private readonly cancel = async (): Promise<void> => {
    const id = this.confirming;
    if (id === undefined || this.submission.phase === 'submitting') return;
    this.confirming = undefined;
    await this.updateComplete;
    this.focusIn(id, '[part~="redeem"]');
  };

  private readonly onConfirmKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.cancel();
  };

  private async redeem(reward: Reward): Promise<void> {
    const client = this.activeClient;
    const customerId = this.activeCustomerId;
    if (!client || !customerId || this.submission.phase === 'submitting') return;
    const before = new RewardBeforeRedeemEvent(reward);
    this.dispatchEvent(before);
    if (before.defaultPrevented) return void this.cancel();
    const input: RedemptionInput = {customerId, rewardId: reward.id};
    const redeemed = await this.submission.submit(input, (idempotencyKey) =>
      client.create('redemptions', input, {idempotencyKey}),
    );
    // Another member came on screen meanwhile: this member's code or refusal is not theirs to see.
    if (this.activeCustomerId !== customerId || this.activeClient !== client) {
      this.submission.reset();
      this.confirming = this.refused = this.outcome = undefined;
      return;
    }
    if (redeemed) {
      const redemption = this.submission.result!;
      this.confirming = this.refused = undefined;
      this.copyStatus = '';
      this.outcome = redemption;
      this.dispatchEvent(new RewardRedeemedEvent(redemption));
      await this.updateComplete;
      this.shadowRoot!.querySelector<HTMLElement>('.outcome')?.focus();
      return;
    }
    const error = this.submission.error;
    const reason = refusalOf(error);
    if (reason === null) {
      // The confirmation stays open with Try again, which sends the same key.
      const failure = error instanceof Error ? error : new Error(String(error));
      warnOnce(`<${this.localName}> could not redeem reward ${reward.id}: ${failure.message}`);
      this.dispatchEvent(new RapportErrorEvent(failure, this.localName));
      return;
    }
    // A refusal is an answer: the next press is another redemption, and the standing has changed.
    this.submission.reset();
    this.confirming = undefined;
    this.refused = {rewardId: reward.id, reason};
    this.refresh(client, customerId);
    await this.updateComplete;
    this.shadowRoot!.querySelector<HTMLElement>('.refusal')?.focus();
  }

  /** Drops what the client holds on the member's standing, so every widget on the page shows it anew. */
  private refresh(client: RapportClient, customerId: string): void {
    client.invalidate({resource: 'rewards', customerId});
    client.invalidate({resource: 'loyaltyAccounts', customerId});
  }

  private async copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus = 'copied';
    } catch {
      // Clipboard refused (permissions, an insecure page): select the code for the person to copy.
      const box = this.shadowRoot!.querySelector('.outcome .code');
      const selection = getSelection();
      if (box && selection) {
        const range = document.createRange();
        range.selectNodeContents(box);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.copyStatus = 'by-hand';
    }
  }

  private readonly closeOutcome = async (): Promise<void> => {
    const rewardId = this.outcome?.rewardId;
    this.outcome = undefined;
    await this.updateComplete;
    if (rewardId === undefined || !this.focusIn(rewardId, '[part~="redeem"]'))
      this.shadowRoot!.querySelector<HTMLElement>('.disclosure')?.focus();
  };

  private readonly toggleHistory = (): void => {
    this.historyOpen = !this.historyOpen;
  };

  /** Focuses the first element matching `selector` in a reward's item; whether there was one. */
  private focusIn(rewardId: string, selector: string): boolean {
    for (const item of this.shadowRoot!.querySelectorAll<HTMLElement>('.reward'))
      if (item.dataset.rewardId === rewardId) {
        const target = item.querySelector<HTMLElement>(selector);
        target?.focus();
        return target !== null;
      }
    return false;
  }
}
