import {isRecord} from '@rapport/core';
import type {CustomizationDocument, FieldOption, LocalizedText} from './document.js';

// The built-in texts are English. Other languages translate them by their English words, in their
// translation module (translations/zh-CN.ts: `'document:Name': '姓名'`), so a page carries only the
// languages it loads, and a host's registered language translates the built-in document too. A text
// whose English means two things keeps its own words for the built-in languages (see documentText).
const option = (value: string, label: LocalizedText): FieldOption => ({value, label});

const roles: CustomizationDocument['roles'] = [
  {id: 'customer', label: 'Customer'},
  {id: 'agent', label: 'Agent'},
  {id: 'supervisor', label: 'Supervisor'},
];

// The fields of each widget's entity: the card shows customers, the balance loyalty accounts, the form
// complaints.
const customerFields: CustomizationDocument['fields'] = {
  name: {
    entity: 'customer',
    source: 'displayName',
    label: 'Name',
    type: 'text',
    readOnly: true,
  },
  company: {entity: 'customer', source: 'company', label: 'Company', type: 'text'},
  avatar: {entity: 'customer', source: 'avatarUrl', label: 'Photo', type: 'url'},
  stage: {
    entity: 'customer',
    source: 'lifecycleStage',
    label: 'Lifecycle stage',
    type: 'select',
    options: [
      option('attract', 'Prospect'),
      option('acquire', 'New contact'),
      option('transact', 'Buying'),
      option('retain', 'Returning'),
      option('loyal', 'Loyal'),
      option('at_risk', 'At risk'),
      option('churned', 'Churned'),
    ],
    access: {customer: 'hidden'},
  },
  segment: {
    entity: 'customer',
    source: 'segment',
    label: 'RFM segment',
    type: 'select',
    readOnly: true,
    options: [
      option('champions', 'Champions'),
      option('loyal', 'Loyal customers'),
      option('potential_loyalist', 'Potential loyalists'),
      option('new', 'New customers'),
      option('promising', 'Promising'),
      option('need_attention', 'Need attention'),
      option('about_to_sleep', 'About to sleep'),
      option('at_risk', 'At risk'),
      option('cannot_lose', 'Can’t lose them'),
      option('hibernating', 'Hibernating'),
      option('lost', 'Lost'),
    ],
    access: {customer: 'hidden'},
  },
  tags: {
    entity: 'customer',
    source: 'tags',
    label: 'Tags',
    type: 'tags',
    access: {customer: 'hidden'},
  },
  email: {entity: 'customer', source: 'email', label: 'Email', type: 'email'},
  phone: {
    entity: 'customer',
    source: 'phone',
    label: 'Phone',
    type: 'phone',
    access: {agent: 'partial'},
  },
  store: {
    entity: 'customer',
    source: 'customFields.preferred_store',
    label: 'Preferred store',
    type: 'select',
    options: [
      option('shanghai-jingan', 'Shanghai Jing’an'),
      option('beijing-sanlitun', 'Beijing Sanlitun'),
      option('london-soho', 'London Soho'),
      option('online', 'Online'),
    ],
  },
  membership: {
    entity: 'customer',
    source: 'customFields.membership_number',
    label: 'Membership no.',
    type: 'text',
    readOnly: true,
    access: {agent: 'partial'},
  },
  birthday: {
    entity: 'customer',
    source: 'customFields.birthday',
    label: 'Birthday',
    type: 'date',
    dateStyle: 'long',
    access: {agent: 'hidden'},
  },
  since: {
    entity: 'customer',
    source: 'createdAt',
    label: 'Customer since',
    type: 'date',
    dateStyle: 'medium',
    readOnly: true,
  },
};

const loyaltyFields: CustomizationDocument['fields'] = {
  points: {entity: 'loyalty', source: 'balance', label: 'Points', type: 'points'},
  tier: {entity: 'loyalty', source: 'tierId', label: 'Tier', type: 'tier'},
  toNextTier: {
    entity: 'loyalty',
    source: 'toNextTier',
    label: 'To next tier',
    type: 'points',
  },
  pending: {
    entity: 'loyalty',
    source: 'pending',
    label: 'Pending',
    type: 'points',
    help: 'Points from recent orders, usable after the return period.',
  },
};

const complaintFields: CustomizationDocument['fields'] = {
  category: {
    entity: 'complaint',
    source: 'category',
    label: 'What is it about?',
    type: 'select',
    validation: {required: true},
    options: [
      option('product', 'A product'),
      option('delivery', 'Delivery'),
      option('billing', 'Billing or payment'),
      option('service', 'Customer service'),
      option('staff', 'Staff in a store'),
      option('website', 'Website or app'),
      option('other', 'Something else'),
    ],
  },
  severity: {
    entity: 'complaint',
    source: 'severity',
    label: 'How serious is it?',
    type: 'select',
    validation: {required: true},
    options: [
      option('low', 'Minor'),
      option('medium', 'Moderate'),
      option('high', 'Serious'),
      option('critical', 'Urgent'),
    ],
  },
  channel: {
    entity: 'complaint',
    source: 'channel',
    label: 'Channel',
    type: 'select',
    options: [
      option('web', 'Website'),
      option('email', {en: 'Email', 'zh-CN': '邮件'}),
      option('phone', 'Phone'),
      option('chat', 'Chat'),
      option('store', 'In store'),
      option('social', 'Social media'),
      option('app', 'App'),
    ],
  },
  subject: {
    entity: 'complaint',
    source: 'subject',
    label: 'Subject',
    placeholder: 'In a few words',
    type: 'text',
    validation: {required: true, maxLength: 200},
  },
  description: {
    entity: 'complaint',
    source: 'description',
    label: 'What happened?',
    help: 'Tell us what went wrong and what you would like us to do.',
    type: 'longtext',
    validation: {required: true, minLength: 10, maxLength: 5000},
  },
  orderNumber: {
    entity: 'complaint',
    source: 'customFields.order_number',
    label: 'Order number',
    placeholder: 'SO-123456',
    type: 'text',
    validation: {
      pattern: 'SO-\\d{6}',
      message: 'Order numbers look like SO-123456.',
    },
  },
  contactName: {
    entity: 'complaint',
    source: 'contact.name',
    label: 'Your name',
    type: 'text',
    validation: {required: true, maxLength: 200},
  },
  contactEmail: {
    entity: 'complaint',
    source: 'contact.email',
    label: 'Your email',
    type: 'email',
    validation: {required: true},
  },
};

const trackerFields: CustomizationDocument['fields'] = {
  reference: {
    entity: 'complaint',
    source: 'reference',
    label: 'Reference',
    type: 'text',
    readOnly: true,
  },
  status: {
    entity: 'complaint',
    source: 'status',
    label: 'Status',
    type: 'select',
    readOnly: true,
    options: [
      option('new', {en: 'Received', 'zh-CN': '已收到'}),
      option('acknowledged', 'Acknowledged'),
      option('in_progress', 'In progress'),
      option('resolved', 'Resolved'),
      option('closed', 'Closed'),
      option('rejected', 'Declined'),
    ],
  },
  receivedAt: {
    entity: 'complaint',
    source: 'createdAt',
    label: 'Received',
    type: 'datetime',
    readOnly: true,
  },
  resolutionDue: {
    entity: 'complaint',
    source: 'resolutionDueAt',
    label: 'Resolution due',
    type: 'datetime',
    readOnly: true,
    access: {customer: 'hidden'},
  },
  resolution: {
    entity: 'complaint',
    source: 'resolution',
    label: 'Resolution',
    type: 'longtext',
    readOnly: true,
  },
};

const rewardFields: CustomizationDocument['fields'] = {
  rewardName: {entity: 'reward', source: 'name', label: 'Reward', type: 'text'},
  rewardDescription: {
    entity: 'reward',
    source: 'description',
    label: 'Description',
    type: 'longtext',
  },
  cost: {entity: 'reward', source: 'cost', label: 'Cost', type: 'points'},
  rewardKind: {
    entity: 'reward',
    source: 'kind',
    label: 'Kind',
    type: 'select',
    options: [option('coupon', 'Coupon'), option('discount', 'Discount'), option('item', 'Gift')],
  },
  minimumTier: {
    entity: 'reward',
    source: 'minimumTierId',
    label: 'For members from',
    type: 'tier',
  },
  stock: {entity: 'reward', source: 'stock', label: 'Left', type: 'number'},
  availableUntil: {
    entity: 'reward',
    source: 'availableUntil',
    label: 'Available until',
    type: 'date',
    dateStyle: 'medium',
  },
  limitPerCustomer: {
    entity: 'reward',
    source: 'limitPerCustomer',
    label: 'Limit per member',
    type: 'number',
  },
};

// Both score fields read `score`; a survey shows the one whose scale (validation.max) is its kind's.
const surveyFields: CustomizationDocument['fields'] = {
  satisfaction: {
    entity: 'survey',
    source: 'score',
    label: 'How satisfied are you with how we handled it?',
    type: 'number',
    validation: {required: true, min: 1, max: 5},
  },
  recommend: {
    entity: 'survey',
    source: 'score',
    label: 'How likely are you to recommend us to a friend?',
    type: 'number',
    validation: {required: true, min: 0, max: 10},
  },
  comment: {
    entity: 'survey',
    source: 'comment',
    label: 'Anything you would like to add?',
    type: 'longtext',
    validation: {maxLength: 2000},
  },
};

/**
 * The built-in document of `<rapport-customer-card>` alone: the roles, the customer fields and the
 * card's layout. Each widget imports only its own, so a page with one widget does not carry the others'
 * fields; together they make {@link defaultCustomization}.
 */
export const defaultCustomerCard: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: customerFields,
  widgets: {
    'customer-card': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'name'},
          {type: 'Control', field: 'company'},
          {type: 'Control', field: 'avatar'},
          {type: 'Control', field: 'stage'},
          {type: 'Control', field: 'segment'},
          {type: 'Control', field: 'tags'},
          {
            type: 'Group',
            label: 'Contact',
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'email'},
                  {type: 'Control', field: 'phone'},
                ],
              },
            ],
          },
          {
            type: 'Group',
            label: 'Membership',
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'membership'},
                  {type: 'Control', field: 'store'},
                  {type: 'Control', field: 'birthday'},
                  {type: 'Control', field: 'since'},
                ],
              },
            ],
          },
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-loyalty-balance>` alone (see {@link defaultCustomerCard}). */
export const defaultLoyaltyBalance: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: loyaltyFields,
  widgets: {
    'loyalty-balance': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'points'},
          {type: 'Control', field: 'tier'},
          {type: 'Control', field: 'toNextTier'},
          {type: 'Control', field: 'pending'},
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-complaint-form>` alone (see {@link defaultCustomerCard}). */
export const defaultComplaintForm: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: complaintFields,
  widgets: {
    'complaint-form': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {
            type: 'Group',
            label: 'About you',
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'contactName'},
                  {type: 'Control', field: 'contactEmail'},
                ],
              },
            ],
          },
          {
            type: 'Grid',
            columns: 2,
            elements: [
              {type: 'Control', field: 'category'},
              {type: 'Control', field: 'severity'},
            ],
          },
          {type: 'Control', field: 'subject'},
          {type: 'Control', field: 'description'},
          {
            type: 'Control',
            field: 'orderNumber',
            rule: {
              effect: 'SHOW',
              condition: {field: 'category', oneOf: ['product', 'delivery', 'billing']},
            },
          },
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-rewards>` alone (see {@link defaultCustomerCard}). */
export const defaultRewards: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: rewardFields,
  widgets: {
    rewards: {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'rewardName'},
          {type: 'Control', field: 'rewardDescription'},
          {type: 'Control', field: 'cost'},
          {type: 'Control', field: 'minimumTier'},
          {type: 'Control', field: 'availableUntil'},
        ],
      },
      roles: {
        agent: {
          type: 'VerticalLayout',
          elements: [
            {type: 'Control', field: 'rewardName'},
            {type: 'Control', field: 'cost'},
            {type: 'Control', field: 'minimumTier'},
            {type: 'Control', field: 'stock'},
            {type: 'Control', field: 'limitPerCustomer'},
            {type: 'Control', field: 'availableUntil'},
          ],
        },
      },
    },
  },
};

/** The built-in document of `<rapport-complaint-tracker>` alone (see {@link defaultCustomerCard}). */
export const defaultComplaintTracker: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: {...complaintFields, ...trackerFields},
  widgets: {
    'complaint-tracker': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'reference'},
          {type: 'Control', field: 'subject'},
          {type: 'Control', field: 'status'},
          {type: 'Control', field: 'receivedAt'},
          {type: 'Control', field: 'description'},
          {type: 'Control', field: 'resolution'},
        ],
      },
      roles: {
        agent: {
          type: 'VerticalLayout',
          elements: [
            {type: 'Control', field: 'reference'},
            {type: 'Control', field: 'subject'},
            {type: 'Control', field: 'status'},
            {
              type: 'Grid',
              columns: 2,
              elements: [
                {type: 'Control', field: 'category'},
                {type: 'Control', field: 'severity'},
                {type: 'Control', field: 'receivedAt'},
                {type: 'Control', field: 'resolutionDue'},
              ],
            },
            {type: 'Control', field: 'description'},
            {type: 'Control', field: 'orderNumber'},
            {type: 'Control', field: 'resolution'},
          ],
        },
      },
    },
  },
};

/** The built-in document of `<rapport-survey>` alone (see {@link defaultCustomerCard}). */
export const defaultSurvey: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: surveyFields,
  widgets: {
    survey: {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'satisfaction'},
          {type: 'Control', field: 'recommend'},
          {type: 'Control', field: 'comment'},
        ],
      },
    },
  },
};

/**
 * The document widgets use when a host gives none: every standard field of the six widgets, in
 * English and Simplified Chinese, for three roles. The customer sees their own data but not the
 * business's internal labels (life-cycle stage, RFM segment, tags); an agent sees phone and membership
 * number only in part and no birthday; a supervisor sees everything.
 */
export const defaultCustomization: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: {
    ...customerFields,
    ...loyaltyFields,
    ...complaintFields,
    ...trackerFields,
    ...rewardFields,
    ...surveyFields,
  },
  widgets: {
    ...defaultCustomerCard.widgets,
    ...defaultLoyaltyBalance.widgets,
    ...defaultComplaintForm.widgets,
    ...defaultRewards.widgets,
    ...defaultComplaintTracker.widgets,
    ...defaultSurvey.widgets,
  },
};

/** The parts of a document that {@link extendDefault} may take from a built-in one. */
export const defaultableParts = ['roles', 'fields', 'widgets'] as const;

/**
 * The parts a document takes from the built-in one: all three when it gives none of `roles`, `fields`
 * and `widgets` (a theme-only document restyles the built-in widgets instead of emptying them);
 * `roles` and `fields` when it gives `widgets` alone (it lays the widgets out over the built-in roles
 * and fields); otherwise none, and it must give all three (validation says which is missing).
 */
export function defaultedParts(
  document: Readonly<Record<string, unknown>>,
): readonly DefaultablePart[] {
  const given = defaultableParts.filter((part) => Object.hasOwn(document, part));
  if (given.length === 0) return defaultableParts;
  return given.length === 1 && given[0] === 'widgets' ? ['roles', 'fields'] : [];
}

/** The parts a document must give but does not: those it neither gives nor takes ({@link defaultedParts}). */
export function missingParts(document: Readonly<Record<string, unknown>>): DefaultablePart[] {
  const taken = defaultedParts(document);
  return defaultableParts.filter((part) => !Object.hasOwn(document, part) && !taken.includes(part));
}

/** One of {@link defaultableParts}. */
export type DefaultablePart = (typeof defaultableParts)[number];

/**
 * A document as widgets and servers use it: the {@link defaultedParts} taken from `builtIn`
 * ({@link defaultCustomization}, or a widget's own part of it such as {@link defaultCustomerCard}).
 * Anything that is not an object is returned as it is, for validation to report.
 */
export function extendDefault<T>(document: T, builtIn: CustomizationDocument): T {
  if (!isRecord(document)) return document;
  const take = defaultedParts(document);
  if (take.length === 0) return document;
  const extended: Record<string, unknown> = {...document};
  for (const part of take) extended[part] = builtIn[part];
  return extended as T;
}
