// The Rapport app card on a HubSpot contact record: the contact's customer card, loyalty balance and
// a complaint form, rendered from the gateway's customization document with HubSpot's components.
import {Divider, Flex, hubspot, LoadingSpinner, Text} from '@hubspot/ui-extensions';
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import type {CustomizationDocument} from '@rapport/schema';
import {stringsFor} from '@rapport/widgets/headless';
import '@rapport/widgets/translations/zh-CN.js';
import {
  ComplaintForm,
  CustomerCard,
  hubspotGateway,
  LoyaltyBalance,
  type HubSpotFetch,
} from './rapport/index.js';

/** Where the gateway's HubSpot front answers; it must be listed in the app's `permittedUrls.fetch`. */
export const GATEWAY_URL = 'https://rapport.example.com/hubspot';

/** The parts of HubSpot's `context` the card reads. */
export interface CardContext {
  readonly crm: {readonly objectId: number | string};
  readonly user: {readonly locale?: string};
}

/**
 * The card: the contact's e-mail address (the customer's id at the gateway) from the record on
 * screen, the viewer's role and document from the gateway (which decided them from HubSpot's signed
 * request, never from what the card says), the locale from the HubSpot user.
 */
export function RapportCard(props: {
  readonly context: CardContext;
  readonly fetchProperties: (names: string[]) => Promise<Record<string, string | null>>;
  readonly gatewayUrl?: string;
  /** `hubspot.fetch`, or a stand-in (tests). */
  readonly send?: HubSpotFetch;
}): ReactNode {
  const {context, fetchProperties} = props;
  const locale = context.user.locale ?? 'en';
  const s = stringsFor(locale);
  const gateway = useMemo(
    () => hubspotGateway(props.gatewayUrl ?? GATEWAY_URL, props.send),
    [props.gatewayUrl, props.send],
  );
  const [customerId, setCustomerId] = useState<string | null | undefined>(undefined);
  const [setup, setSetup] = useState<
    {role: string; document: CustomizationDocument} | 'failed' | undefined
  >(undefined);

  useEffect(() => {
    let current = true;
    // Another record: no customer until its e-mail address is known.
    setCustomerId(undefined);
    fetchProperties(['email']).then(
      (properties) => current && setCustomerId(properties.email?.trim() || null),
      (error: unknown) => {
        console.warn('Rapport: could not read the contact’s e-mail address:', error);
        if (current) setCustomerId(null);
      },
    );
    return () => {
      current = false;
    };
  }, [fetchProperties, context.crm.objectId]);

  useEffect(() => {
    let current = true;
    gateway.customization().then(
      (answer) => current && setSetup(answer),
      (error: unknown) => {
        console.warn('Rapport: the gateway did not answer with a customization:', error);
        if (current) setSetup('failed');
      },
    );
    return () => {
      current = false;
    };
  }, [gateway]);

  if (setup === 'failed') return <Text>{s.unavailable}</Text>;
  if (setup === undefined || customerId === undefined) return <LoadingSpinner label={s.loading} />;
  const widget = {
    client: gateway.client,
    customization: setup.document,
    viewerRole: setup.role,
    locale,
    customerId,
  };
  return (
    <Flex direction="column" gap="md">
      <CustomerCard {...widget} />
      <Divider />
      <LoyaltyBalance {...widget} />
      <Divider />
      <ComplaintForm {...widget} channel="phone" />
    </Flex>
  );
}

hubspot.extend<'crm.record.tab'>(({context, actions}) => (
  <RapportCard context={context} fetchProperties={actions.fetchCrmObjectProperties} />
));
