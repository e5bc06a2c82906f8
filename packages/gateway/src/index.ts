/**
 * @rapport/gateway: the server side of Rapport. `createGateway` returns a web-standard fetch handler
 * that exposes an adapter to widgets safely, at the routes `@rapport/core/protocol` derives from the
 * resource catalogue; `signCustomerToken` and `signAgentToken` are for the host server that hands
 * tokens to pages. Serve it with `serveGateway` from `@rapport/gateway/node`, or any fetch-based
 * runtime. Idempotency stores are `@rapport/core`'s `IdempotencyStore`.
 *
 * @packageDocumentation
 */
export {createGateway} from './gateway.js';
export type {Gateway, GatewayOptions} from './gateway.js';
export type {ReportOptions} from './routes/reports.js';
export type {LogEntry} from './middleware/log.js';
export {signCustomerToken, signAgentToken, createTokenVerifier} from './auth/tokens.js';
export type {AuthOptions, Caller, SigningKey} from './auth/tokens.js';
export {memoryRateLimitStore, rateLimitStoreOf} from './rate-limit.js';
export type {RateLimit, RateLimitOptions, RateLimitStore, RateVerdict} from './rate-limit.js';
export type {Connection} from './middleware/identify.js';
export {createRedactor} from './redact.js';
export type {Redactor} from './redact.js';
