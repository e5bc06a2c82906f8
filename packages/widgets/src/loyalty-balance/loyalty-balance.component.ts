import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {localize, type DataChange, type LoyaltyAccount} from '@rapport/core';
import {defaultLoyaltyBalance, type PlanField, readSource} from '@rapport/schema';
import {cssProperties} from '../shared/css-properties.js';
import {formatDate, formatNumber} from '../shared/format.js';
import {
  fieldPair,
  fieldsBySource,
  layoutWithout,
  renderLayout,
  ruleValues,
} from '../shared/layout.js';
import {RecordController} from '../shared/record.js';
import {displayValue} from '../shared/value.js';
import {ownSources} from '../shared/own-sources.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {loyaltyStyles} from './loyalty-balance.styles.js';

// Fields with a place of their own in the widget; other fields of the layout are listed below them.
const OWN_SOURCES = ownSources['loyalty-balance'];

/**
 * @tag rapport-loyalty-balance
 * @summary A member's points, tier and progress to the next tier, and the points that expire soon.
 *
 * Shows what the `loyalty-balance` layout of the customization document includes for the active role:
 * the balance (`balance`), the tier badge (`tierId`), the progress bar to the next tier (`toNextTier`),
 * pending points (`pending`), and any other loyalty fields as a list. Numbers and dates follow the
 * locale; the bar and the balance animate only when the person's system allows motion. On a backend
 * without loyalty accounts it takes no room on the page (and fires `rapport-error`).
 *
 * @csspart base - The widget.
 * @csspart value - The points balance, and each listed field's value.
 * @csspart tier - The tier badge.
 * @csspart progress - The progress bar and its caption.
 * @csspart label - A listed field's label.
 * @csspart retry - The button that loads again after a failure.
 * @cssproperty --rapport-color-accent - Progress bar and default tier colour.
 * @cssproperty --rapport-color-danger - Points about to expire.
 * @cssproperty --rapport-color-surface - Background.
 * @cssproperty --rapport-radius - Corner radius.
 * @cssproperty --rapport-gap - Space below the widget when another element follows it (default 1rem; none for the badge).
 * @event {RapportErrorEvent} rapport-error - Loading failed (also when the backend does not offer loyalty accounts), or the widget's own customization document is not valid. The page shows only a short neutral message; `error` has the detail.
 */
export class RapportLoyaltyBalance extends RapportWidget {
  static override styles = [baseStyles, loyaltyStyles];

  protected readonly widgetName = 'loyalty-balance';
  protected readonly builtInCustomization = defaultLoyaltyBalance;

  /** `full` shows balance, tier, progress and expiring points; `badge` a compact tier and points badge. */
  @property({reflect: true}) variant: 'full' | 'badge' = 'full';

  private previousBalance?: number;
  private balanceChanged = false;

  private readonly account = new RecordController(this, 'loyaltyAccounts', () => [
    this.activeClient,
    this.activeCustomerId,
  ]);

  protected override dataChanged(change: DataChange): void {
    if (
      change.resource === this.resource &&
      (change.customerId === undefined || change.customerId === this.activeCustomerId)
    )
      this.account.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const balance = this.account.value?.balance;
    this.balanceChanged =
      balance !== undefined &&
      this.previousBalance !== undefined &&
      balance !== this.previousBalance;
    if (balance !== undefined) this.previousBalance = balance;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    // A backend without loyalty accounts: nothing to show, and nothing a retry would change.
    this.quiet = this.account.unsupported;
    return html`<section class="base" part="base" aria-label=${s.loyalty}>${this.account.render(
      this.recordView(this.variant === 'badge' ? 1 : 3),
      (account) => this.renderAccount(account),
    )}</section>`;
  }

  private renderAccount(account: LoyaltyAccount): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const plan = this.plan!;
    const bySource = fieldsBySource(plan);
    const balance = bySource.get('balance');
    const tier = bySource.get('tierId');
    const progress = bySource.get('toNextTier');
    const pending = bySource.get('pending');
    // The gateway leaves out what a role may not see: any of these may be missing.
    const tierName = account.tierName === undefined ? '' : localize(account.tierName, locale);
    const tierBadge = tier
      ? html`<span
          class="tier badge"
          part="tier"
          ${cssProperties(account.tierColor ? {'--tier-color': account.tierColor} : {})}
        >
          <span class="visually-hidden">${tier.label}: </span
          >${tier.mask === 'none' ? tierName : displayValue(tier, tierName, locale, s)}
        </span>`
      : nothing;
    const amount = (field: PlanField) =>
      field.mask === 'none'
        ? formatNumber(account.balance, locale)
        : displayValue(field, account.balance, locale, s);

    if (this.variant === 'badge') {
      return html`${tierBadge}${balance ? html`<span part="value"><span class="amount-inline">${amount(balance)}</span> ${s.points}</span>` : nothing}`;
    }

    const next = account.nextTierName == null ? null : localize(account.nextTierName, locale);
    const rest = layoutWithout(plan, 'loyalty-rest', OWN_SOURCES);
    const active = (account.coupons ?? []).filter((c) => c.status === 'active');
    return html`
      <div class="top">
        ${
          balance
            ? html`<p class="balance" part="value">
                <span class="visually-hidden">${balance.label}: </span>
                <span class="amount ${this.balanceChanged ? 'changed' : ''}"
                  >${amount(balance)}</span
                ><span class="unit">${s.points}</span>
              </p>`
            : nothing
        }
        ${tierBadge}
      </div>
      ${
        progress && progress.mask === 'none'
          ? html`<div class="progress" part="progress">
              ${
                next
                  ? html`<div
                        class="track"
                        role="progressbar"
                        aria-label=${s.progressLabel(next)}
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=${Math.round(account.tierProgress * 100)}
                        aria-valuetext=${s.toNextTier(formatNumber(account.toNextTier, locale), next)}
                      >
                        <div
                          class="bar"
                          ${cssProperties({'--progress': String(account.tierProgress)})}
                        ></div>
                      </div>
                      <p class="hint">
                        ${s.toNextTier(formatNumber(account.toNextTier, locale), next)}
                      </p>`
                  : html`<p class="hint">${s.topTier}</p>`
              }
            </div>`
          : nothing
      }
      ${
        pending && account.pending > 0
          ? html`<p class="hint" title=${pending.help ?? ''}>
              ${s.pending(pending.mask === 'none' ? formatNumber(account.pending, locale) : '••••')}
            </p>`
          : nothing
      }
      ${
        balance && balance.mask === 'none'
          ? html`<ul>
              ${
                (account.expiringSoon ?? []).length === 0
                  ? html`<li>${s.noExpiring}</li>`
                  : (account.expiringSoon ?? []).map(
                      (e) =>
                        html`<li class="expiring">
                          ${s.expiring(formatNumber(e.points, locale), formatDate(e.expiresAt, locale, 'medium'))}
                        </li>`,
                    )
              }
              ${active.map((c) => html`<li><span class="badge">${c.code}</span> ${localize(c.title, locale)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        rest
          ? html`<div class="extra">
              ${renderLayout(rest, ruleValues(plan, account), (field) =>
                fieldPair(field, displayValue(field, readSource(account, field.source), locale, s)),
              )}
            </div>`
          : nothing
      }
    `;
  }
}
