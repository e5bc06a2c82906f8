// Field catalogs from the Properties API: the model's fields with the portal's labels, and every
// custom property as a typed custom field.
import {
  complaintStatuses,
  validateEntity,
  type CallOptions,
  type Entity,
  type FieldCatalog,
  type FieldDescriptor,
} from '@rapport/core';
import {lifecycleOf, type Customers} from './customers.js';
import type {Portal} from './options.js';
import {customDescriptor, type HubSpotProperty} from './properties.js';
import type {Tickets} from './tickets.js';

/** The entities described and `describeFields`. */
export function fieldCatalogs(portal: Portal, contacts: Customers, tickets: Tickets) {
  const {contactProps, ticketProps, categories, priorities} = portal;
  const loyalty = portal.options.loyalty;
  const customContact = contacts.customContact;
  const customTicket = tickets.customTicket;
  const labelOf = (defs: ReadonlyMap<string, HubSpotProperty>, name: string, fallback: string) =>
    defs.get(name)?.label || fallback;
  const optionsOf = (values: readonly string[]) =>
    values.map((value) => ({value, label: value.replace(/_/g, ' ')}));
  const catalogs: Partial<Record<Entity, FieldCatalog>> = {
    customer: {
      entity: 'customer',
      fields: [
        {path: 'displayName', label: 'Name', type: 'text', custom: false, readOnly: true},
        {
          path: 'name.given',
          label: labelOf(contactProps, 'firstname', 'First name'),
          type: 'text',
          custom: false,
        },
        {
          path: 'name.family',
          label: labelOf(contactProps, 'lastname', 'Last name'),
          type: 'text',
          custom: false,
        },
        {
          path: 'company',
          label: labelOf(contactProps, 'company', 'Company'),
          type: 'text',
          custom: false,
        },
        {
          path: 'email',
          label: labelOf(contactProps, 'email', 'Email'),
          type: 'email',
          custom: false,
        },
        {
          path: 'phone',
          label: labelOf(contactProps, 'phone', 'Phone'),
          type: 'phone',
          custom: false,
        },
        {
          path: 'locale',
          label: labelOf(contactProps, 'hs_language', 'Language'),
          type: 'text',
          custom: false,
        },
        {
          path: 'lifecycleStage',
          label: labelOf(contactProps, 'lifecyclestage', 'Lifecycle stage'),
          type: 'select',
          custom: false,
          options: optionsOf([...new Set(Object.values(lifecycleOf))]),
        },
        {
          path: 'ownerId',
          label: labelOf(contactProps, 'hubspot_owner_id', 'Owner'),
          type: 'text',
          custom: false,
        },
        {
          path: 'createdAt',
          label: labelOf(contactProps, 'createdate', 'Create date'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        {
          path: 'updatedAt',
          label: labelOf(contactProps, 'lastmodifieddate', 'Last modified'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        ...customContact.map((name) => customDescriptor(contactProps.get(name)!)),
      ],
    },
    complaint: {
      entity: 'complaint',
      fields: [
        {path: 'reference', label: 'Reference', type: 'text', custom: false, readOnly: true},
        {
          path: 'subject',
          label: labelOf(ticketProps, 'subject', 'Subject'),
          type: 'text',
          custom: false,
        },
        {
          path: 'description',
          label: labelOf(ticketProps, 'content', 'Description'),
          type: 'longtext',
          custom: false,
        },
        {
          path: 'category',
          label: labelOf(ticketProps, 'hs_ticket_category', 'Category'),
          type: 'select',
          custom: false,
          options: optionsOf(Object.keys(categories)),
        },
        {
          path: 'severity',
          label: labelOf(ticketProps, 'hs_ticket_priority', 'Priority'),
          type: 'select',
          custom: false,
          options: optionsOf(Object.keys(priorities)),
        },
        {
          path: 'status',
          label: labelOf(ticketProps, 'hs_pipeline_stage', 'Status'),
          type: 'select',
          custom: false,
          readOnly: true,
          options: optionsOf(complaintStatuses),
        },
        {
          path: 'createdAt',
          label: labelOf(ticketProps, 'createdate', 'Create date'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        {path: 'contact.name', label: 'Your name', type: 'text', custom: false},
        {path: 'contact.email', label: 'Your email', type: 'email', custom: false},
        ...customTicket.map((name) => customDescriptor(ticketProps.get(name)!)),
      ],
    },
    ...(loyalty && {
      loyalty: {
        entity: 'loyalty',
        fields: [
          {
            path: 'balance',
            label: labelOf(contactProps, loyalty.points, 'Points'),
            type: 'points',
            custom: false,
            readOnly: true,
          },
          {
            path: 'tierId',
            label: labelOf(contactProps, loyalty.tier, 'Tier'),
            type: 'tier',
            custom: false,
            readOnly: true,
          },
        ] satisfies FieldDescriptor[],
      },
    }),
  };
  const entities = (['customer', 'loyalty', 'complaint'] as const).filter((e) => catalogs[e]);

  return {
    entities,
    async describeFields(entity: Entity, o: CallOptions = {}): Promise<FieldCatalog> {
      o.signal?.throwIfAborted();
      return catalogs[validateEntity(entity, entities)]!;
    },
  };
}
