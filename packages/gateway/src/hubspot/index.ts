/**
 * @rapport/gateway/hubspot: the front a HubSpot app card reaches the gateway through. A card is a UI
 * extension in a web worker; it can call out only with `hubspot.fetch`, which cannot carry the
 * gateway's bearer token (custom headers are documented as not supported) but is signed by HubSpot
 * with the app's client secret (signature v3).
 *
 * The flow:
 * 1. The card calls `hubspot.fetch('https://gw.example.com/hubspot/v1/customers?id=c-001')`, with
 *    a create's idempotency key as `rapport-idempotency-key` in the query string.
 * 2. HubSpot's proxy sends it on with `X-HubSpot-Signature-v3`, an HMAC-SHA256 of method, URL, body
 *    and `X-HubSpot-Request-Timestamp`, keyed with the client secret.
 * 3. `hubspotCard` verifies the signature and the timestamp (five minutes at most), reads the caller
 *    from the query string (`portalId`, `userId`, `userEmail`, `appId`) and asks `agentFor` who they
 *    are to Rapport.
 * 4. It mints a short-lived agent token and calls the gateway with the path without `basePath`, the
 *    query without those parameters, `Idempotency-Key` from the query and the token as bearer; the
 *    gateway's answer goes back to the card unchanged.
 *
 * Which identity parameters HubSpot itself appends was not confirmed offline (see
 * {@link HubSpotRequest}): the signature proves the request came through HubSpot for this app, not
 * that what card code put in the URL is true.
 *
 * @packageDocumentation
 */
export {hubspotCard} from './hubspot-card.js';
export type {HubSpotCardLogEntry, HubSpotCardOptions, HubSpotRequest} from './hubspot-card.js';
export {verifyHubSpotSignature} from './signature.js';
export type {HubSpotSignatureOptions} from './signature.js';
export type {AgentIdentity} from '../front.js';
export type {Connection} from '../middleware/identify.js';
