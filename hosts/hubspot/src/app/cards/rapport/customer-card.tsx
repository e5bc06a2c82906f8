import {Flex, Heading, Tag, Text} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import type {Customer} from '@rapport/core';
import {
  readSource,
  resolveLayout,
  withoutFields,
  type CustomizationDocument,
  type PlanField,
} from '@rapport/schema';
import {ownSources, stringsFor, valueText} from '@rapport/widgets/headless';
import {PlanLayout} from './layout.js';
import {RecordFallback, useRecord} from './record.js';
import type {WidgetProps} from './widget.js';

// The header's badges, in order, as the Lit card shows them.
const BADGES = ['lifecycleStage', 'segment', 'tags'];

/**
 * `<rapport-customer-card>` in HubSpot's components: the same render plan (fields, order, labels,
 * masking for the role), the name and company as the heading, stage, segment and tags as tags.
 */
export function CustomerCard(props: WidgetProps): ReactNode {
  const {client, customization, viewerRole, locale, customerId} = props;
  const strings = stringsFor(locale);
  const [state, reload] = useRecord(client, 'customers', customerId);
  if (state.status !== 'complete')
    return <RecordFallback id={customerId} state={state} strings={strings} reload={reload} />;
  return <Customer customer={state.value} {...{customization, viewerRole, locale}} />;
}

function Customer(props: {
  readonly customer: Customer;
  readonly customization: CustomizationDocument;
  readonly viewerRole: string;
  readonly locale: string;
}): ReactNode {
  const {customer, locale} = props;
  const strings = stringsFor(locale);
  const plan = resolveLayout(props.customization, 'customer-card', {
    role: props.viewerRole,
    locale,
  });
  const bySource = new Map(plan.fields.map((f) => [f.source, f]));
  const text = (field: PlanField | undefined) => {
    const shown = field && valueText(field, readSource(customer, field.source), locale, strings);
    return typeof shown === 'string' ? shown : undefined;
  };
  const badges = BADGES.flatMap((source) => {
    const field = bySource.get(source);
    const shown = field && valueText(field, readSource(customer, field.source), locale, strings);
    return shown === undefined ? [] : typeof shown === 'string' ? [shown] : shown;
  });
  const company = text(bySource.get('company'));
  const body = withoutFields(plan.root, (f) => ownSources['customer-card'].has(f.source));
  return (
    <Flex direction="column" gap="sm">
      <Heading>{text(bySource.get('displayName')) ?? strings.customerCard}</Heading>
      {company ? <Text>{company}</Text> : null}
      {badges.length > 0 ? (
        <Flex direction="row" gap="xs" wrap="wrap">
          {badges.map((badge, i) => (
            <Tag key={i}>{badge}</Tag>
          ))}
        </Flex>
      ) : null}
      <PlanLayout node={body} fields={plan.fields} record={customer} context={{locale, strings}} />
    </Flex>
  );
}
