// The fake portal's definitions and records. Property definitions follow the recorded Properties API
// shape (hubspotDefined on HubSpot's own; custom ones without it); values are strings, as HubSpot
// stores them.

type Definition = {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  description: string;
  groupName: string;
  options: {label: string; value: string; displayOrder: number; hidden: boolean}[];
  hasUniqueValue: boolean;
  hubspotDefined?: boolean;
  calculated: boolean;
  hidden: boolean;
  modificationMetadata: {archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean};
};

const define = (
  name: string,
  label: string,
  type: string,
  fieldType: string,
  extra: {
    custom?: boolean;
    unique?: boolean;
    readOnly?: boolean;
    options?: readonly (readonly [string, string])[];
    group?: string;
  } = {},
): Definition => ({
  name,
  label,
  type,
  fieldType,
  description: '',
  groupName: extra.group ?? 'contactinformation',
  options: (extra.options ?? []).map(([value, optionLabel], displayOrder) => ({
    label: optionLabel,
    value,
    displayOrder,
    hidden: false,
  })),
  hasUniqueValue: extra.unique ?? false,
  ...(!extra.custom && {hubspotDefined: true}),
  calculated: false,
  hidden: false,
  modificationMetadata: {
    archivable: true,
    readOnlyDefinition: !extra.custom,
    readOnlyValue: extra.readOnly ?? false,
  },
});

/** Contact properties of the fake portal. */
export const contactProperties: Definition[] = [
  define('firstname', 'First Name', 'string', 'text'),
  define('lastname', 'Last Name', 'string', 'text'),
  define('email', 'Email', 'string', 'text'),
  define('phone', 'Phone Number', 'string', 'phonenumber'),
  define('company', 'Company Name', 'string', 'text'),
  define('hs_language', 'Preferred language', 'enumeration', 'select', {
    options: [
      ['en', 'English'],
      ['zh-cn', 'Chinese - Simplified'],
    ],
  }),
  define('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', {
    options: [
      ['subscriber', 'Subscriber'],
      ['lead', 'Lead'],
      ['marketingqualifiedlead', 'Marketing Qualified Lead'],
      ['salesqualifiedlead', 'Sales Qualified Lead'],
      ['opportunity', 'Opportunity'],
      ['customer', 'Customer'],
      ['evangelist', 'Evangelist'],
      ['other', 'Other'],
    ],
  }),
  define('hubspot_owner_id', 'Contact owner', 'enumeration', 'select'),
  define('createdate', 'Create Date', 'datetime', 'date', {readOnly: true}),
  define('lastmodifieddate', 'Last Modified Date', 'datetime', 'date', {readOnly: true}),
  define('hs_object_id', 'Record ID', 'number', 'number', {readOnly: true, unique: true}),
  define('customer_number', 'Customer number', 'string', 'text', {custom: true, unique: true}),
  define('loyalty_points', 'Loyalty points', 'number', 'number', {custom: true}),
  define('loyalty_tier', 'Loyalty tier', 'enumeration', 'select', {
    custom: true,
    options: [
      ['bronze', 'Bronze'],
      ['silver', 'Silver'],
      ['gold', 'Gold'],
    ],
  }),
  define('member_since', 'Member since', 'date', 'date', {custom: true}),
  define('newsletter', 'Newsletter', 'bool', 'booleancheckbox', {
    custom: true,
    options: [
      ['true', 'Yes'],
      ['false', 'No'],
    ],
  }),
  define('interests', 'Interests', 'enumeration', 'checkbox', {
    custom: true,
    options: [
      ['tea', 'Tea'],
      ['coffee', 'Coffee'],
      ['cakes', 'Cakes'],
    ],
  }),
  define('last_order_at', 'Last order', 'datetime', 'date', {custom: true}),
  define('preferred_store', 'Preferred store', 'enumeration', 'select', {
    custom: true,
    options: [
      ['shanghai', 'Shanghai Jing’an'],
      ['london', 'London Soho'],
    ],
  }),
];

/** Ticket properties of the fake portal, with the two the adapter needs. */
export const ticketProperties: Definition[] = [
  define('subject', 'Ticket name', 'string', 'text', {group: 'ticketinformation'}),
  define('content', 'Ticket description', 'string', 'textarea', {group: 'ticketinformation'}),
  define('hs_pipeline', 'Pipeline', 'enumeration', 'select', {group: 'ticketinformation'}),
  define('hs_pipeline_stage', 'Ticket status', 'enumeration', 'select', {
    group: 'ticketinformation',
  }),
  define('hs_ticket_priority', 'Priority', 'enumeration', 'select', {
    group: 'ticketinformation',
    options: [
      ['LOW', 'Low'],
      ['MEDIUM', 'Medium'],
      ['HIGH', 'High'],
      ['URGENT', 'Urgent'],
    ],
  }),
  define('hs_ticket_category', 'Category', 'enumeration', 'checkbox', {
    group: 'ticketinformation',
    options: [
      ['PRODUCT_ISSUE', 'Product issue'],
      ['BILLING_ISSUE', 'Billing issue'],
      ['FEATURE_REQUEST', 'Feature request'],
      ['GENERAL_INQUIRY', 'General inquiry'],
    ],
  }),
  define('createdate', 'Create date', 'datetime', 'date', {readOnly: true}),
  define('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', {readOnly: true}),
  define('rapport_idempotency_key', 'Rapport idempotency key', 'string', 'text', {
    custom: true,
    unique: true,
    group: 'ticketinformation',
  }),
  define('rapport_submission', 'Rapport submission', 'string', 'textarea', {
    custom: true,
    group: 'ticketinformation',
  }),
  define('rapport_thread', 'Rapport thread', 'string', 'textarea', {
    custom: true,
    group: 'ticketinformation',
  }),
  define('order_number', 'Order number', 'string', 'text', {
    custom: true,
    group: 'ticketinformation',
  }),
];

/** The fake's contacts: a demo customer with loyalty points, and a few others. */
export const demoContacts: readonly {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
}[] = [
  {
    id: '101',
    properties: {
      firstname: 'Mei',
      lastname: 'Chen',
      email: 'mei.chen@example.com',
      phone: '+8613800138000',
      company: 'Jade Tea House',
      hs_language: 'zh-cn',
      lifecyclestage: 'customer',
      hubspot_owner_id: '7001',
      createdate: '2024-03-02T08:15:00.000Z',
      customer_number: 'CN-0101',
      loyalty_points: '2450',
      loyalty_tier: 'gold',
      member_since: '1709366400000',
      newsletter: 'true',
      interests: 'tea;cakes',
      last_order_at: '2026-10-28T11:05:00.000Z',
      preferred_store: 'shanghai',
    },
  },
  {
    id: '102',
    properties: {
      firstname: 'Oliver',
      lastname: 'Hughes',
      email: 'oliver.hughes@example.com',
      phone: null,
      company: '',
      hs_language: 'en',
      lifecyclestage: 'evangelist',
      createdate: '2024-11-20T16:40:00.000Z',
      customer_number: 'GB-0102',
      loyalty_points: '310',
      loyalty_tier: 'bronze',
      member_since: '2024-11-20',
      newsletter: 'false',
      interests: '',
      last_order_at: '1761650700000',
      preferred_store: 'london',
    },
  },
  {
    id: '103',
    properties: {
      firstname: 'Ada',
      lastname: null,
      email: 'ada@example.org',
      lifecyclestage: 'lead',
      createdate: '2026-05-21T22:43:55.385Z',
      customer_number: 'GB-0103',
    },
  },
];

/** Notes, e-mails, calls and meetings of the demo contacts. */
export const demoEngagements: readonly {
  readonly object: string;
  readonly id: string;
  readonly contactId: string;
  readonly properties: Readonly<Record<string, string>>;
}[] = [
  {
    object: 'notes',
    id: '5001',
    contactId: '101',
    properties: {
      hs_timestamp: '2026-10-29T09:00:00.000Z',
      hs_note_body: '<p>Asked about <b>delivery times</b> to Pudong</p>',
      hubspot_owner_id: '7001',
    },
  },
  {
    object: 'emails',
    id: '5002',
    contactId: '101',
    properties: {
      hs_timestamp: '2026-10-20T14:30:00.000Z',
      hs_email_subject: 'Your gold membership',
      hubspot_owner_id: '7001',
    },
  },
  {
    object: 'calls',
    id: '5003',
    contactId: '101',
    properties: {hs_timestamp: '1760000000000', hs_call_title: 'Order follow-up'},
  },
  {
    object: 'meetings',
    id: '5004',
    contactId: '102',
    properties: {hs_timestamp: '2026-09-01T10:00:00.000Z', hs_meeting_title: 'Tasting event'},
  },
];
