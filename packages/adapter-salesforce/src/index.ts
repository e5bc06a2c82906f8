/**
 * @rapport/adapter-salesforce: Rapport's adapter for Salesforce, for the server behind the gateway.
 * Customers are Contacts, complaints are Cases (created exactly once through an External ID field),
 * interactions are the contact's Tasks, e-mails and case comments, a complaint's thread is its
 * published CaseComments and Status changes (exactly once through a thread field on the Case), and
 * `__c` fields are custom fields.
 * A stateful fake of Salesforce for tests and demos is `@rapport/adapter-salesforce/fake`.
 *
 * @packageDocumentation
 */
export {salesforceAdapter} from './salesforce-adapter.js';
export type {
  SalesforceAdapter,
  SalesforceAdapterOptions,
  SalesforceJwtOptions,
  SalesforceLimits,
} from './salesforce-adapter.js';
