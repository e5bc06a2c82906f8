import type {MiddlewareHandler} from 'hono';
import {RapportError} from '@rapport/core';
import {headers} from '@rapport/core/protocol';
import {createTokenVerifier, type AuthOptions, type Caller} from '../auth/tokens.js';

/** What the gateway's middleware hands to its routes. */
export interface GatewayEnv {
  Variables: {caller: Caller};
}

/** Options of {@link identify}. */
export interface IdentifyOptions {
  readonly auth: AuthOptions;
  /** Whether a request without a token may go on as an anonymous caller. */
  readonly allowsAnonymous: (method: string, path: string) => boolean;
}

/**
 * Says who is calling: the verified bearer token's customer or agent, or an anonymous visitor where
 * the route allows one. Everything else is `401` with the reason in `details.reason`.
 */
export function identify(options: IdentifyOptions): MiddlewareHandler<GatewayEnv> {
  const verify = createTokenVerifier(options.auth);
  const anonymous: Caller = {
    kind: 'anonymous',
    role: options.auth.customerRole ?? 'customer',
    key: 'anonymous',
  };
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const header = c.req.header(headers.authorization) ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token) c.set('caller', await verify(token));
    else if (options.allowsAnonymous(c.req.method, c.req.path)) c.set('caller', anonymous);
    else {
      throw new RapportError(
        'unauthorized',
        header
          ? 'The Authorization header must be "Bearer <token>"'
          : 'This request needs a token: Authorization: Bearer <token>',
        {details: {reason: header ? 'token_malformed' : 'token_missing'}},
      );
    }
    return next();
  };
}
