import {Flex, ProgressBar, Statistics, StatisticsItem, Tag, Text} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import {localize, type LoyaltyAccount} from '@rapport/core';
import {resolveLayout, withoutFields} from '@rapport/schema';
import {
  formatDate,
  formatNumber,
  ownSources,
  stringsFor,
  valueText,
} from '@rapport/widgets/headless';
import {PlanLayout} from './layout.js';
import {RecordFallback, useRecord} from './record.js';
import type {WidgetProps} from './widget.js';

/**
 * `<rapport-loyalty-balance>` in HubSpot's components: the balance as a statistic, the tier as a tag,
 * a progress bar to the next tier, pending and expiring points, active coupons, then the layout's
 * other fields. What the role may not see stays out, as in the Lit widget. HubSpot has no colours of
 * ours: the tier's colour is not shown.
 */
export function LoyaltyBalance(props: WidgetProps): ReactNode {
  const {client, customerId, locale} = props;
  const strings = stringsFor(locale);
  const [state, reload] = useRecord(client, 'loyaltyAccounts', customerId);
  if (state.status !== 'complete')
    return <RecordFallback id={customerId} state={state} strings={strings} reload={reload} />;
  return <Balance account={state.value} {...props} />;
}

function Balance(props: WidgetProps & {readonly account: LoyaltyAccount}): ReactNode {
  const {account, locale} = props;
  const s = stringsFor(locale);
  const plan = resolveLayout(props.customization, 'loyalty-balance', {
    role: props.viewerRole,
    locale,
  });
  const bySource = new Map(plan.fields.map((f) => [f.source, f]));
  const balance = bySource.get('balance');
  const tier = bySource.get('tierId');
  const progress = bySource.get('toNextTier');
  const pending = bySource.get('pending');
  const tierName = account.tierName === undefined ? '' : localize(account.tierName, locale);
  const next = account.nextTierName == null ? null : localize(account.nextTierName, locale);
  const active = (account.coupons ?? []).filter((c) => c.status === 'active');
  const rest = withoutFields(plan.root, (f) => ownSources['loyalty-balance'].has(f.source));
  const masked = (field: NonNullable<typeof balance>, raw: number | string) =>
    valueText(field, raw, locale, s) as string;
  return (
    <Flex direction="column" gap="sm">
      {balance ? (
        <Statistics>
          <StatisticsItem
            label={balance.label}
            number={
              balance.mask === 'none'
                ? formatNumber(account.balance, locale)
                : masked(balance, account.balance)
            }
          >
            <Text>{s.points}</Text>
          </StatisticsItem>
        </Statistics>
      ) : null}
      {tier && tierName ? (
        <Tag>{tier.mask === 'none' ? tierName : masked(tier, tierName)}</Tag>
      ) : null}
      {progress && progress.mask === 'none' ? (
        next ? (
          <ProgressBar
            title={s.progressLabel(next)}
            value={Math.round(account.tierProgress * 100)}
            maxValue={100}
            valueDescription={s.toNextTier(formatNumber(account.toNextTier, locale), next)}
          />
        ) : (
          <Text>{s.topTier}</Text>
        )
      ) : null}
      {pending && account.pending > 0 ? (
        <Text variant="microcopy">
          {s.pending(pending.mask === 'none' ? formatNumber(account.pending, locale) : '••••')}
        </Text>
      ) : null}
      {balance && balance.mask === 'none' ? (
        <Flex direction="column" gap="xs">
          {(account.expiringSoon ?? []).length === 0 ? (
            <Text>{s.noExpiring}</Text>
          ) : (
            (account.expiringSoon ?? []).map((e, i) => (
              <Text key={i}>
                {s.expiring(
                  formatNumber(e.points, locale),
                  formatDate(e.expiresAt, locale, 'medium'),
                )}
              </Text>
            ))
          )}
          {active.map((c) => (
            <Text key={c.code}>
              {c.code} · {localize(c.title, locale)}
            </Text>
          ))}
        </Flex>
      ) : null}
      <PlanLayout
        node={rest}
        fields={plan.fields}
        record={account}
        context={{locale, strings: s}}
      />
    </Flex>
  );
}
