import type {Context, MiddlewareHandler} from 'hono';
import {RapportError} from '@rapport/core';
import {headers} from '@rapport/core/protocol';
import {createTokenVerifier, type AuthOptions, type Caller} from '../auth/tokens.js';
import type {RateLimiter} from '../rate-limit.js';
import {rateLimited} from './limit.js';

/** What the runtime tells the gateway about the connection (see `Gateway`). */
export interface Connection {
  /** The address of the peer, as the server saw it. */
  readonly clientAddress?: string;
}

/** What the gateway's middleware hands to its routes. */
export interface GatewayEnv {
  Bindings: Connection;
  Variables: {caller: Caller; clientAddress: string};
}

/** Options of {@link identify}. */
export interface IdentifyOptions {
  readonly auth: AuthOptions;
  /** The roles of the customization document: a token acting as any other role is refused. */
  readonly roles: ReadonlySet<string>;
  /** Whether a request without a token may go on as an anonymous caller. */
  readonly allowsAnonymous: (method: string, path: string) => boolean;
  /** A header set by a proxy you trust that holds the client's address (its last entry counts). */
  readonly trustedProxyHeader?: string;
  /** Limits requests without a valid token per client address; checked before verification. */
  readonly perAddress?: RateLimiter;
}

/**
 * Says who is calling: the verified bearer token's customer or agent, or an anonymous visitor (one per
 * client address) where the route allows one. Everything else is `401` with the reason in
 * `details.reason`. Requests without a valid token count against their address's bucket, and an empty
 * bucket answers `429` before any signature is checked.
 */
export function identify(options: IdentifyOptions): MiddlewareHandler<GatewayEnv> {
  const verify = createTokenVerifier(options.auth);
  const anonymousRole = options.auth.customerRole ?? 'customer';
  const addressOf = (c: Context<GatewayEnv>): string => {
    if (options.trustedProxyHeader) {
      const forwarded = c.req.header(options.trustedProxyHeader)?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return c.env?.clientAddress ?? 'unknown';
  };
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const address = addressOf(c);
    c.set('clientAddress', address);
    const bucket = `address:${address}`;
    const admit = (cost: 0 | 1): void => {
      const verdict = options.perAddress?.(bucket, cost);
      if (verdict && !verdict.allowed) throw rateLimited(verdict.retryAfterMs);
    };
    const header = c.req.header(headers.authorization) ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      admit(1);
      if (!options.allowsAnonymous(c.req.method, c.req.path)) {
        throw new RapportError(
          'unauthorized',
          header
            ? 'The Authorization header must be "Bearer <token>"'
            : 'This request needs a token: Authorization: Bearer <token>',
          {details: {reason: header ? 'token_malformed' : 'token_missing'}},
        );
      }
      c.set('caller', {kind: 'anonymous', role: anonymousRole, key: `anonymous:${address}`});
      return next();
    }
    admit(0);
    let caller: Caller;
    try {
      caller = await verify(token);
      if (!options.roles.has(caller.role)) {
        throw new RapportError(
          'unauthorized',
          `The token's role "${caller.role}" is not a role of this gateway's customization`,
          {details: {reason: 'token_claims'}},
        );
      }
    } catch (error) {
      admit(1);
      throw error;
    }
    c.set('caller', caller);
    return next();
  };
}
