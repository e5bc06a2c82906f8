// The fake org's describes and records. Describe fields follow the recorded describe shape (the keys
// the adapter reads, with Salesforce's names); values are as REST returns them (datetimes `+0000`).

/** A describe field of the fake org. */
export interface FakeField {
  name: string;
  label: string;
  type: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  nillable: boolean;
  length: number;
  restrictedPicklist: boolean;
  picklistValues: {
    active: boolean;
    defaultValue: boolean;
    label: string;
    validFor: null;
    value: string;
  }[];
  referenceTo: string[];
  relationshipName: string | null;
}

const field = (
  name: string,
  label: string,
  type: string,
  extra: {
    picklist?: readonly string[];
    readOnly?: boolean;
    externalId?: boolean;
    referenceTo?: string;
  } = {},
): FakeField => ({
  name,
  label,
  type,
  custom: name.endsWith('__c'),
  createable: !extra.readOnly,
  updateable: !extra.readOnly,
  calculated: false,
  externalId: extra.externalId ?? false,
  unique: extra.externalId ?? false,
  caseSensitive: extra.externalId ?? false,
  nillable: type !== 'boolean' && type !== 'id',
  length: type === 'string' || type === 'email' ? 255 : type === 'textarea' ? 32000 : 0,
  restrictedPicklist: false,
  picklistValues: (extra.picklist ?? []).map((value) => ({
    active: true,
    defaultValue: false,
    label: value,
    validFor: null,
    value,
  })),
  referenceTo: extra.referenceTo ? [extra.referenceTo] : [],
  relationshipName: extra.referenceTo ? name.replace(/Id$/, '') : null,
});

const system = (prefix: string): FakeField[] => [
  field('Id', `${prefix} ID`, 'id', {readOnly: true}),
  field('OwnerId', 'Owner ID', 'reference', {referenceTo: 'User'}),
  field('CreatedDate', 'Created Date', 'datetime', {readOnly: true}),
  field('LastModifiedDate', 'Last Modified Date', 'datetime', {readOnly: true}),
];

/** Contact fields of the fake org: the standard ones and five custom fields. */
export const contactFields: FakeField[] = [
  ...system('Contact'),
  field('FirstName', 'First Name', 'string'),
  field('LastName', 'Last Name', 'string'),
  field('Name', 'Full Name', 'string', {readOnly: true}),
  field('Email', 'Email', 'email'),
  field('Phone', 'Business Phone', 'phone'),
  field('AccountId', 'Account ID', 'reference', {referenceTo: 'Account'}),
  field('Customer_Number__c', 'Customer Number', 'string', {externalId: true}),
  field('Interests__c', 'Interests', 'multipicklist', {picklist: ['tea', 'cakes', 'coffee']}),
  field('Loyalty_Points__c', 'Loyalty Points', 'double'),
  field('Loyalty_Tier__c', 'Loyalty Tier', 'picklist', {picklist: ['Bronze', 'Silver', 'Gold']}),
  field('Member_Since__c', 'Member Since', 'date'),
];

/** Account fields of the fake org: a business-account org, without person accounts. */
export const accountFields: FakeField[] = [
  ...system('Account'),
  field('Name', 'Account Name', 'string'),
];

/** Account fields of a fake org with Person Accounts: the person fields, and the Contact's custom ones. */
export const personAccountFields: FakeField[] = [
  ...accountFields,
  field('FirstName', 'First Name', 'string'),
  field('LastName', 'Last Name', 'string'),
  field('PersonEmail', 'Email', 'email'),
  field('Phone', 'Phone', 'phone'),
  field('IsPersonAccount', 'Is Person Account', 'boolean', {readOnly: true}),
  field('PersonContactId', 'Person Contact ID', 'reference', {
    readOnly: true,
    referenceTo: 'Contact',
  }),
  ...contactFields.filter((f) => f.custom),
];

/** Case fields of the fake org, with a developer org's picklist values and the External ID field. */
export const caseFields: FakeField[] = [
  ...system('Case'),
  field('CaseNumber', 'Case Number', 'string', {readOnly: true}),
  field('Subject', 'Subject', 'string'),
  field('Description', 'Description', 'textarea'),
  field('Priority', 'Priority', 'picklist', {picklist: ['High', 'Medium', 'Low']}),
  field('Status', 'Status', 'picklist', {picklist: ['New', 'Working', 'Escalated', 'Closed']}),
  field('Origin', 'Case Origin', 'picklist', {picklist: ['Phone', 'Email', 'Web']}),
  field('Type', 'Type', 'picklist', {
    picklist: ['Electrical', 'Electronic', 'Mechanical', 'Other', 'Structural'],
  }),
  field('Reason', 'Case Reason', 'picklist', {
    picklist: [
      'Breakdown',
      'Equipment Complexity',
      'Equipment Design',
      'Feedback',
      'Installation',
      'Other',
      'Performance',
    ],
  }),
  field('ContactId', 'Contact ID', 'reference', {referenceTo: 'Contact'}),
  field('AccountId', 'Account ID', 'reference', {referenceTo: 'Account'}),
  field('SuppliedName', 'Name', 'string'),
  field('SuppliedEmail', 'Email Address', 'email'),
  field('IsClosed', 'Closed', 'boolean', {readOnly: true}),
  field('ClosedDate', 'Closed Date', 'datetime', {readOnly: true}),
  field('Rapport_Idempotency_Key__c', 'Rapport Idempotency Key', 'string', {externalId: true}),
  field('Rapport_Submission__c', 'Rapport Submission', 'string'),
  // A Long Text Area (131,072 characters) in a real org; textarea is its describe type.
  {...field('Rapport_Thread__c', 'Rapport Thread', 'textarea'), length: 131072},
  field('Order_Number__c', 'Order Number', 'string'),
];

/** Accounts of the fake org (companies the contacts work for). */
export const demoAccounts = [
  {Id: '001FK0000000001YAA', Name: 'Chen Tea House'},
  {Id: '001FK0000000002YAA', Name: 'Okafor & Daughters'},
] as const;

/**
 * A contact to seed: Contact fields as REST returns them. `Id` must be a record id (15 or 18
 * letters and digits, {@link fakeContactId} makes one), or the adapter never asks for it; fields left
 * out read as null, and `Name`, `CreatedDate` and `LastModifiedDate` get defaults.
 */
export interface SeedContact {
  readonly Id: string;
  readonly FirstName?: string | null;
  readonly LastName?: string | null;
  /** The e-mail other systems (a loyalty platform, a help desk) know the person by. */
  readonly Email?: string | null;
  readonly Phone?: string | null;
  /** One of the fake org's accounts (`001FK0000000001YAA`, `001FK0000000002YAA`) for a company. */
  readonly AccountId?: string | null;
  /** Other Contact fields, custom ones (`Loyalty_Points__c`) too. */
  readonly [field: string]: unknown;
}

/** The `n`th contact id of the fake org's form (`fakeContactId(1)` is `003FK0000000001YAA`). */
export const fakeContactId = (n: number): string =>
  `003FK${String(Math.trunc(n)).padStart(10, '0')}YAA`;

/** Contacts of the fake org. */
export const demoContacts: readonly SeedContact[] = [
  {
    Id: '003FK0000000001YAA',
    FirstName: 'Mei',
    LastName: 'Chen',
    Email: 'mei.chen@example.com',
    Phone: '+8613800138000',
    AccountId: demoAccounts[0].Id,
    OwnerId: '005FK0000000001AAA',
    Customer_Number__c: 'CN-0101',
    Interests__c: 'tea;cakes',
    Loyalty_Points__c: 2450,
    Loyalty_Tier__c: 'Silver',
    Member_Since__c: '2023-04-02',
    CreatedDate: '2025-01-15T09:30:00.000+0000',
    LastModifiedDate: '2026-05-01T07:25:37.000+0000',
  },
  {
    Id: '003FK0000000002YAA',
    FirstName: 'Tunde',
    LastName: 'Okafor',
    Email: 'tunde@example.com',
    Phone: '+442079460000',
    AccountId: demoAccounts[1].Id,
    OwnerId: '005FK0000000001AAA',
    Customer_Number__c: 'GB-0102',
    Interests__c: null,
    Loyalty_Points__c: 310,
    Loyalty_Tier__c: 'Bronze',
    Member_Since__c: null,
    CreatedDate: '2025-03-02T14:05:00.000+0000',
    LastModifiedDate: '2026-04-11T10:00:00.000+0000',
  },
];

/** Activity of the seeded contacts: tasks (WhoId), and e-mails and comments on their Cases. */
export const demoActivity = {
  cases: [
    [
      '500FK0000000001AAA',
      '003FK0000000001YAA',
      '00001001',
      'Teapot arrived cracked',
      'Web',
      'Closed',
      '2026-02-03T10:00:00.000+0000',
    ],
    [
      '500FK0000000002AAA',
      '003FK0000000002YAA',
      '00001002',
      'Charged twice',
      'Phone',
      'Working',
      '2026-03-09T16:20:00.000+0000',
    ],
  ],
  tasks: [
    [
      '00TFK0000000001AAA',
      '003FK0000000001YAA',
      'Call',
      'Asked about delivery times',
      '2026-01-20T08:15:00.000+0000',
    ],
    [
      '00TFK0000000002AAA',
      '003FK0000000001YAA',
      'Task',
      'Send the spring catalogue',
      '2026-03-01T12:00:00.000+0000',
    ],
    [
      '00TFK0000000003AAA',
      '003FK0000000002YAA',
      'Call',
      'Refund follow-up',
      '2026-03-10T09:00:00.000+0000',
    ],
  ],
  emails: [['02sFK0000000001AAA', 0, 'Re: Teapot arrived cracked', '2026-02-04T09:00:00.000+0000']],
  comments: [
    ['00aFK0000000001AAA', 1, 'Refund issued to the card on file', '2026-03-11T11:30:00.000+0000'],
  ],
  /** Internal comments (IsPublished false): never part of a complaint's public thread. */
  internalComments: [
    [
      '00aFK0000000002AAA',
      1,
      'Customer called twice; escalate if late',
      '2026-03-11T10:00:00.000+0000',
    ],
  ],
} as const;
