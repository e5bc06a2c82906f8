/**
 * @rapport/adapter-zendesk: Rapport on Zendesk Support, for the server side of the gateway. Customers
 * from users, complaints as tickets (created exactly once), complaint threads from the tickets' public
 * comments and status changes (replies written exactly once), interactions from ticket audits, field
 * catalogs from ticket and user fields. A stateful msw fake of Zendesk for tests is at
 * `@rapport/adapter-zendesk/fake`.
 *
 * @packageDocumentation
 */
export {zendeskAdapter} from './zendesk-adapter.js';
export type {
  ZendeskAdapterOptions,
  ZendeskApiTokenCredentials,
  ZendeskOAuthCredentials,
} from './options.js';
export type {ZendeskPriority, ZendeskStatus, ZendeskTicketType} from './zendesk-types.js';
