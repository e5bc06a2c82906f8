/**
 * @rapport/gateway/zendesk: the server side of a Zendesk Support app (ZAF v2) that shows Rapport's
 * widgets beside a ticket or a user, with signed URLs (`"signedUrls": true` in the manifest).
 *
 * The flow:
 * 1. Zendesk opens the app location by POSTing a form to your URL with `token`, a JWT signed RS256
 *    with the app's key. Its audience names the installation, its issuer the account.
 * 2. `zendeskApp` verifies it (key, algorithm, audience, issuer, expiry, lifetime, `context`), asks
 *    `agentFor` who the viewer is, and answers the app page with meta tags: a Rapport agent token
 *    for the gateway, its expiry, a session token and the viewer's role.
 * 3. Zendesk sends its JWT only once, so before the agent token expires the page POSTs
 *    `{"session": "…"}` as JSON to the same URL and gets `{"token", "expiresAt"}`. The session token
 *    is worthless to the gateway itself: another audience, another kind.
 *
 * @packageDocumentation
 */
export {zendeskApp} from './zendesk-app.js';
export type {AgentIdentity, ZendeskAppLogEntry, ZendeskAppOptions} from './zendesk-app.js';
export type {ZendeskClaims, ZendeskContext} from './zaf-token.js';
