/**
 * @rapport/adapter-loyaltylion: Rapport's adapter for the LoyaltyLion loyalty platform, for the server
 * behind the gateway. It serves loyalty accounts only (points approved and pending, tier and the way
 * to the next) and finds each member by the e-mail of the customer in the CRM adapter it is given;
 * compose it with that CRM adapter (`composeAdapters`). A stateful fake of LoyaltyLion for tests and
 * demos is `@rapport/adapter-loyaltylion/fake`.
 *
 * @packageDocumentation
 */
export {loyaltyLionAdapter} from './loyaltylion-adapter.js';
export type {LoyaltyLionAdapterOptions, LoyaltyLionTierOption} from './loyaltylion-adapter.js';
