// Customers are contacts: a contact's properties as a Customer (custom properties as custom fields),
// and a customer id (a record id, or the value of `idProperty`) to the contact's record id.
import {
  invalidInput,
  RapportError,
  validateKeys,
  validatePage,
  type BatchResult,
  type CallOptions,
  type Customer,
  type LifecycleStage,
  type Page,
  type PageRequest,
} from '@rapport/core';
import {limits} from '@rapport/core/protocol';
import {BATCH, chunks, type HubSpotApi, type HubSpotObject} from './client.js';
import type {Portal} from './options.js';
import {isCustom, parseValue, type HubSpotProperty} from './properties.js';

/**
 * HubSpot's lifecycle stages in Rapport's terms. A subscriber has signed up (acquired); leads are
 * still being attracted until sales qualifies them; a customer transacts; an evangelist is loyal.
 */
export const lifecycleOf: Readonly<Record<string, LifecycleStage>> = {
  subscriber: 'acquire',
  lead: 'attract',
  marketingqualifiedlead: 'attract',
  salesqualifiedlead: 'acquire',
  opportunity: 'acquire',
  customer: 'transact',
  evangelist: 'loyal',
  other: 'attract',
};

/** Contact properties the model maps; the rest of those requested become custom fields. */
const standardContactProperties = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'company',
  'hs_language',
  'lifecyclestage',
  'hubspot_owner_id',
  'createdate',
  'lastmodifieddate',
] as const;

/** HubSpot's `zh-cn` as BCP 47 `zh-CN`. */
const bcp47 = (language: string): string =>
  language.replace(/[-_]([a-z]{2})$/i, (_m, region: string) => `-${region.toUpperCase()}`);

/** Contacts as customers, for the other resources too. */
export interface Customers {
  /** Custom contact properties read as custom fields. */
  readonly customContact: readonly string[];
  /** `customers.read`. */
  read(keys: readonly string[], o?: CallOptions): Promise<BatchResult<Customer>>;
  /**
   * `customers.scan`, for reports: every contact, by record id (new contacts come last), 100 a page
   * at most (HubSpot's list limit). With `idProperty`, a contact without a value for it is no
   * customer and is left out.
   */
  scan(page?: PageRequest, o?: CallOptions): Promise<Page<Customer>>;
  /** Reads the contacts of these customer ids; the answer finds one by customer id. */
  readContacts(
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<(key: string) => HubSpotObject | undefined>;
  toCustomer(key: string, object: HubSpotObject): Customer;
  /** The record id of a customer's contact; `undefined` when there is none. */
  contactIdOf(customerId: string, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * The record id of a customer's contact.
   *
   * @throws RapportError `not_found` when there is none; the message does not repeat the id, which
   *   can be an e-mail address, and messages reach logs and pages.
   */
  needContact(customerId: string, signal?: AbortSignal): Promise<string>;
}

export function customers(portal: Portal, api: HubSpotApi): Customers {
  const {idProperty, contactProps, now, options} = portal;
  // Custom contact properties: everything the business made, and the HubSpot ones asked for.
  const customContact = [
    ...[...contactProps.values()].filter(isCustom).map((p) => p.name),
    ...(options.extraProperties ?? []),
  ].filter((name) => !(standardContactProperties as readonly string[]).includes(name));
  const contactRequest = [
    ...new Set([
      ...standardContactProperties.filter((name) => contactProps.has(name)),
      ...customContact,
      ...(idProperty ? [idProperty] : []),
    ]),
  ];

  const idOf = (object: HubSpotObject): string =>
    idProperty ? (object.properties[idProperty] ?? object.id) : object.id;
  const keyMatches = (object: HubSpotObject, key: string): boolean =>
    idProperty === 'email'
      ? (object.properties.email ?? '').toLowerCase() === key.toLowerCase()
      : idOf(object) === key;

  const readContacts = async (keys: readonly string[], signal?: AbortSignal) => {
    const found: HubSpotObject[] = [];
    for (const chunk of chunks(keys, BATCH)) {
      const body = await api.post<{results: readonly HubSpotObject[]}>(
        '/crm/v3/objects/contacts/batch/read',
        {
          ...(idProperty && {idProperty}),
          inputs: chunk.map((id) => ({id})),
          properties: contactRequest,
          propertiesWithHistory: [],
        },
        signal,
      );
      found.push(...body.results);
    }
    return (key: string) => found.find((object) => keyMatches(object, key));
  };

  const toCustomer = (key: string, object: HubSpotObject): Customer => {
    const p = object.properties;
    const given = p.firstname || undefined;
    const family = p.lastname || undefined;
    const displayName =
      [given, family].filter(Boolean).join(' ') || p.email || p.company || `Contact ${object.id}`;
    const customFields: Record<string, ReturnType<typeof parseValue>> = {};
    for (const name of customContact)
      customFields[name] = parseValue(p[name], contactProps.get(name));
    const created = parseValue(p.createdate ?? object.createdAt, {
      name: 'createdate',
      type: 'datetime',
    } as HubSpotProperty);
    const updated = parseValue(p.lastmodifieddate ?? object.updatedAt, {
      name: 'lastmodifieddate',
      type: 'datetime',
    } as HubSpotProperty);
    return {
      id: key,
      kind: 'person',
      displayName,
      ...((given || family) && {name: {...(given && {given}), ...(family && {family})}}),
      ...(p.company && {company: p.company}),
      ...(p.email && {email: p.email}),
      ...(p.phone && {phone: p.phone}),
      ...(p.hs_language && {locale: bcp47(p.hs_language)}),
      lifecycleStage: lifecycleOf[p.lifecyclestage ?? ''] ?? 'attract',
      tags: [],
      ...(p.hubspot_owner_id && {ownerId: p.hubspot_owner_id}),
      createdAt: typeof created === 'string' ? created : new Date(0).toISOString(),
      updatedAt:
        typeof updated === 'string'
          ? updated
          : typeof created === 'string'
            ? created
            : new Date(0).toISOString(),
      customFields,
    };
  };

  // Customer id → contact record id, for a minute: every create and list needs it, and it does not
  // change. Bounded; unknown customers are never kept, so a new contact is found at once.
  const contactIds = new Map<string, {readonly id: string; readonly at: number}>();
  /** The record id of a customer's contact; `undefined` when there is none. */
  const contactIdOf = async (customerId: string, signal?: AbortSignal) => {
    const known = contactIds.get(customerId);
    if (known && now() - known.at < 60_000) return known.id;
    try {
      const contact = await api.get<HubSpotObject>(
        `/crm/v3/objects/contacts/${encodeURIComponent(customerId)}`,
        {properties: 'hs_object_id', ...(idProperty && {idProperty})},
        signal,
      );
      if (contactIds.size >= 1000) contactIds.delete(contactIds.keys().next().value!);
      contactIds.set(customerId, {id: contact.id, at: now()});
      return contact.id;
    } catch (error) {
      if (error instanceof RapportError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  const needContact = async (customerId: string, signal?: AbortSignal): Promise<string> => {
    const id = await contactIdOf(customerId, signal);
    if (id === undefined)
      throw new RapportError('not_found', 'HubSpot has no contact with that id');
    return id;
  };

  return {
    customContact,
    async read(keys, o = {}) {
      o.signal?.throwIfAborted();
      const distinct = validateKeys(keys, BATCH);
      if (distinct.length === 0) return [];
      const find = await readContacts(distinct, o.signal);
      return distinct.map((key) => {
        const contact = find(key);
        return {id: key, record: contact ? toCustomer(key, contact) : null};
      });
    },
    async scan(request, o = {}) {
      const {cursor, limit} = validatePage(request, limits.maxScanPageSize);
      // HubSpot's paging cursors are record ids; anything else was not given out by this backend.
      if (cursor !== undefined && !/^\d+$/.test(cursor))
        throw invalidInput('cursor', 'is not a cursor this backend gave out');
      o.signal?.throwIfAborted();
      const body = await api.get<{
        results: readonly HubSpotObject[];
        paging?: {next?: {after: string}};
      }>(
        '/crm/v3/objects/contacts',
        {
          limit: String(Math.min(limit, BATCH)),
          properties: contactRequest.join(','),
          ...(cursor !== undefined && {after: cursor}),
        },
        o.signal,
      );
      const addressable = idProperty
        ? body.results.filter((object) => object.properties[idProperty])
        : body.results;
      return {
        items: addressable.map((object) => toCustomer(idOf(object), object)),
        nextCursor: body.paging?.next?.after ?? null,
      };
    },
    readContacts,
    toCustomer,
    contactIdOf,
    needContact,
  };
}
