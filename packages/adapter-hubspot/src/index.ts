/**
 * @rapport/adapter-hubspot: Rapport's adapter for HubSpot CRM, for the server behind the gateway.
 * Customers are contacts, complaints are tickets (created exactly once), interactions are the
 * contact's engagements and tickets, and custom properties are fields. A stateful fake of HubSpot for
 * tests and demos is `@rapport/adapter-hubspot/fake`.
 *
 * @packageDocumentation
 */
export {hubspotAdapter} from './hubspot-adapter.js';
export type {HubSpotAdapterOptions} from './hubspot-adapter.js';
