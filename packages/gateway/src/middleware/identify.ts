import type {Context, MiddlewareHandler} from 'hono';
import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv4ToBinary,
  convertIPv6BinaryToString,
  convertIPv6ToBinary,
  distinctRemoteAddr,
  isIPv4MappedIPv6,
} from 'hono/utils/ipaddr';
import {RapportError} from '@rapport/core';
import {headers} from '@rapport/core/protocol';
import {createTokenVerifier, type AuthOptions, type Caller} from '../auth/tokens.js';

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
  /**
   * Counts a request without a valid token against its client address's limit, before verification;
   * throws `429` once the limit is used up.
   */
  readonly admitAddress?: (key: string) => Promise<void>;
}

/**
 * Says who is calling: the verified bearer token's customer or agent, or an anonymous visitor (one per
 * client address) where the route allows one. Everything else is `401` with the reason in
 * `details.reason`. Requests without a valid token count against their address's limit: once it is
 * used up, requests without a token get `429` before anything else is done, and refused tokens `429`
 * instead of `401`.
 */
export function identify(options: IdentifyOptions): MiddlewareHandler<GatewayEnv> {
  const verify = createTokenVerifier(options.auth);
  const anonymousRole = options.auth.customerRole ?? 'customer';
  let warned = false;
  const addressOf = (c: Context<GatewayEnv>): string => {
    const forwarded = options.trustedProxyHeader
      ? c.req.header(options.trustedProxyHeader)?.split(',').at(-1)
      : undefined;
    const address = clientKey(forwarded) ?? clientKey(c.env?.clientAddress);
    if (address) return address;
    if (!warned) {
      warned = true;
      console.warn(
        '@rapport/gateway: a request came without a client address, so every caller without a valid token shares one rate limit and anonymous visitors one identity. Serve the gateway with serveGateway, pass {clientAddress} as its second argument, or set trustedProxyHeader behind a proxy.',
      );
    }
    return 'unknown';
  };
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const address = addressOf(c);
    c.set('clientAddress', address);
    const admit = () => options.admitAddress?.(`address:${address}`);
    const header = c.req.header(headers.authorization) ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      await admit();
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
    // A request with a token is always verified (a signature check is cheap), so a valid token is never refused
    // because someone else at the same address (an office, a proxy) sent bad ones.
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
      await admit();
      throw error;
    }
    c.set('caller', caller);
    return next();
  };
}

/**
 * The key a client address is limited by: an IPv4 address as it is (also when written IPv4-mapped),
 * an IPv6 one by its /64 (one customer's network, which can hold any number of addresses);
 * `undefined` for anything that is not an IP address (a header a proxy did not write). Parsing is
 * Hono's.
 */
export function clientKey(address: string | undefined): string | undefined {
  const text = address?.trim();
  if (!text || text.length > 45) return undefined;
  try {
    if (distinctRemoteAddr(text) === 'IPv4') {
      convertIPv4ToBinary(text); // throws for what only looks like an address
      return text;
    }
    const binary = convertIPv6ToBinary(text);
    if (isIPv4MappedIPv6(binary))
      return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(binary));
    return `${convertIPv6BinaryToString((binary >> 64n) << 64n)}/64`;
  } catch {
    return undefined;
  }
}
