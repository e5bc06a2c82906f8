// Loyalty from contact properties named in the `loyalty` option: the points balance and the tier.
import {
  heldAccount,
  validateKeys,
  type BatchResult,
  type CallOptions,
  type LoyaltyAccount,
} from '@rapport/core';
import {BATCH} from './client.js';
import type {Customers} from './customers.js';
import type {HubSpotAdapterOptions, Portal} from './options.js';
import {parseValue} from './properties.js';

/** `loyaltyAccounts.read`, from the contact properties `loyalty` names. */
export function loyaltyAccounts(
  portal: Portal,
  contacts: Customers,
  loyalty: NonNullable<HubSpotAdapterOptions['loyalty']>,
) {
  const {contactProps} = portal;
  return async (
    keys: readonly string[],
    o: CallOptions = {},
  ): Promise<BatchResult<LoyaltyAccount>> => {
    o.signal?.throwIfAborted();
    const distinct = validateKeys(keys, BATCH);
    if (distinct.length === 0) return [];
    const find = await contacts.readContacts(distinct, o.signal);
    const tierDef = contactProps.get(loyalty.tier);
    return distinct.map((key) => {
      const contact = find(key);
      const points = contact
        ? parseValue(contact.properties[loyalty.points], contactProps.get(loyalty.points))
        : null;
      if (!contact || typeof points !== 'number') return {id: key, record: null};
      const tier = contact.properties[loyalty.tier] ?? '';
      const tierName = tierDef?.options.find((option) => option.value === tier)?.label ?? tier;
      const record = heldAccount({
        customerId: key,
        programId: loyalty.programId ?? 'hubspot',
        points,
        tierId: tier,
        tierName,
        // The figures are the contact's, as of its last change: the same answer for the same data.
        asOf: contacts.toCustomer(key, contact).updatedAt,
      });
      return {id: key, record};
    });
  };
}
