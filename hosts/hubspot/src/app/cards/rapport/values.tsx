import {Flex, Link, Tag, Text} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import {isHttpsUrl, type FieldType, type FieldValue} from '@rapport/core';
import type {PlanField} from '@rapport/schema';
import {valueText, type Strings} from '@rapport/widgets/headless';

/** What a value renderer needs besides the field and its value. */
export interface ValueContext {
  readonly locale: string;
  readonly strings: Strings;
}

/** Renders one field's value for display. */
export type ValueRenderer = (
  field: PlanField,
  raw: FieldValue | undefined,
  context: ValueContext,
) => ReactNode;

/** The value as text (masked, formatted), a list as tags, an empty value as a quiet "Not set". */
const text: ValueRenderer = (field, raw, {locale, strings}) => {
  const shown = valueText(field, raw, locale, strings);
  if (shown === undefined) return <Text variant="microcopy">{strings.notSet}</Text>;
  if (typeof shown === 'string') return <Text>{shown}</Text>;
  return (
    <Flex direction="row" gap="xs" wrap="wrap">
      {shown.map((item, i) => (
        <Tag key={i}>{item}</Tag>
      ))}
    </Flex>
  );
};

/** An https address the role may see in full is a link that opens in a new tab; anything else text. */
const url: ValueRenderer = (field, raw, context) =>
  field.mask === 'none' && typeof raw === 'string' && isHttpsUrl(raw) ? (
    <Link href={{url: raw, external: true}}>{raw}</Link>
  ) : (
    text(field, raw, context)
  );

/**
 * How each field type is shown in a HubSpot card: the counterpart of the Lit widgets' values, with
 * the same text (`valueText`). E-mail addresses and phone numbers stay text: a HubSpot link takes an
 * https URL.
 */
export const hubspotValues: Readonly<Record<FieldType, ValueRenderer>> = {
  text,
  longtext: text,
  email: text,
  phone: text,
  url,
  number: text,
  money: text,
  date: text,
  datetime: text,
  boolean: text,
  select: text,
  multiselect: text,
  tags: text,
  points: text,
  tier: text,
};
