/**
 * @rapport/gateway: the server side of Rapport. `createGateway` returns a web-standard fetch handler
 * that exposes an adapter to widgets safely; `signCustomerToken` and `signAgentToken` are for the host
 * server that hands tokens to pages. Serve it with `serveGateway` from `@rapport/gateway/node`, or any
 * fetch-based runtime.
 *
 * @packageDocumentation
 */
export {createGateway} from './gateway.js';
export type {Gateway, GatewayOptions, LogEntry} from './gateway.js';
export {signCustomerToken, signAgentToken, createTokenVerifier} from './auth/tokens.js';
export type {AuthOptions, Caller, SigningKey} from './auth/tokens.js';
export {memoryIdempotencyStore} from './idempotency.js';
export type {
  IdempotencyRecord,
  IdempotencyStore,
  MemoryStoreOptions,
  StoredResponse,
} from './idempotency.js';
export type {RateLimitOptions} from './rate-limit.js';
export {createRedactor, documentForRole} from './redact.js';
export {statusOf} from './protocol.js';
