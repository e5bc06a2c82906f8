import {
  createLocalJWKSet,
  errors,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  type KeyObject,
} from 'jose';
import {RapportError} from '@rapport/core';

/** Who is calling, as their verified token says. */
export type Caller =
  | {
      readonly kind: 'customer';
      readonly customerId: string;
      readonly role: string;
      readonly key: string;
    }
  | {
      readonly kind: 'agent';
      readonly agentId: string;
      readonly role: string;
      readonly roles: readonly string[];
      readonly key: string;
    }
  | {readonly kind: 'anonymous'; readonly role: string; readonly key: string};

/**
 * How the gateway checks tokens: a shared secret for HS256, public keys (with `kid`) for ES256 and
 * RS256, or both during a migration. Several keys with their own `kid` allow rotation: sign with the
 * new key, keep the old one listed until its tokens have expired.
 */
export interface AuthOptions {
  /** The `aud` every token must carry (your gateway's URL, say). */
  readonly audience: string;
  /** The `iss` every token must carry, if set. */
  readonly issuer?: string;
  /** Shared secret for HS256, at least 32 characters. */
  readonly secret?: string;
  /** Public keys as JWKs, each with a `kid` and an `alg` of ES256 or RS256. */
  readonly publicKeys?: readonly JWK[];
  /** Leeway for clock differences, in seconds. Default 5. */
  readonly clockToleranceSeconds?: number;
  /**
   * The longest lifetime a token may have (from `iat`, or from now without one, to `exp`), in seconds.
   * Longer-lived tokens are refused. Default 86,400 (24 hours).
   */
  readonly maxTokenAgeSeconds?: number;
  /** The customization role customers act as. Default `customer`. */
  readonly customerRole?: string;
}

/** A key to sign with: the shared secret (HS256), or a private key with its `kid`. */
export type SigningKey =
  | {readonly secret: string}
  | {
      readonly privateKey: CryptoKey | KeyObject | JWK | Uint8Array;
      readonly kid: string;
      readonly alg: 'ES256' | 'RS256';
    };

interface SignOptions {
  readonly key: SigningKey;
  readonly audience: string;
  readonly issuer?: string;
  /** Lifetime, such as `15m` or `1h` (jose's time span syntax), or seconds. */
  readonly expiresIn?: string | number;
}

const encoder = new TextEncoder();

function checkSecret(secret: string): Uint8Array<ArrayBuffer> {
  if (secret.length < 32)
    throw new RapportError('invalid_input', 'An HS256 secret must be at least 32 characters long', {
      fields: {secret: 'too short'},
    });
  return encoder.encode(secret);
}

async function sign(
  claims: JWTPayload,
  subject: string,
  options: SignOptions,
  defaultLifetime: string,
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setSubject(subject)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(
      typeof options.expiresIn === 'number'
        ? `${options.expiresIn}s`
        : (options.expiresIn ?? defaultLifetime),
    );
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if ('secret' in options.key)
    return jwt.setProtectedHeader({alg: 'HS256', typ: 'JWT'}).sign(checkSecret(options.key.secret));
  return jwt
    .setProtectedHeader({alg: options.key.alg, kid: options.key.kid, typ: 'JWT'})
    .sign(options.key.privateKey);
}

/**
 * Signs a short-lived token for one customer (default 15 minutes), for your server to hand to the
 * page that shows that customer's widgets. Its holder may read only that customer's records.
 */
export function signCustomerToken(
  options: SignOptions & {readonly customerId: string},
): Promise<string> {
  return sign({kind: 'customer'}, options.customerId, options, '15m');
}

/**
 * Signs a token for a member of staff (default 1 hour). `roles` are customization role ids; the first
 * is the one masking follows.
 */
export function signAgentToken(
  options: SignOptions & {readonly agentId: string; readonly roles: readonly string[]},
): Promise<string> {
  if (options.roles.length === 0)
    throw new RapportError('invalid_input', 'An agent token needs at least one role', {
      fields: {roles: 'empty'},
    });
  return sign({kind: 'agent', roles: [...options.roles]}, options.agentId, options, '1h');
}

const unauthorized = (reason: string, message: string): RapportError =>
  new RapportError('unauthorized', message, {details: {reason}});

/**
 * Returns a function that verifies a bearer token and says who is calling.
 *
 * @throws RapportError `unauthorized` with `details.reason`: `token_expired`, `token_malformed`,
 *   `token_signature`, `token_claims` (audience, issuer, kind, a missing `exp`, a lifetime over
 *   `maxTokenAgeSeconds`), or `token_algorithm`.
 */
export function createTokenVerifier(auth: AuthOptions): (token: string) => Promise<Caller> {
  if (auth.secret === undefined && (auth.publicKeys ?? []).length === 0) {
    throw new RapportError(
      'invalid_input',
      'The gateway needs auth.secret or auth.publicKeys to verify tokens',
      {fields: {auth: 'no keys'}},
    );
  }
  const secret = auth.secret === undefined ? undefined : checkSecret(auth.secret);
  const jwks = auth.publicKeys?.length
    ? createLocalJWKSet({keys: [...auth.publicKeys]})
    : undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? ['ES256', 'RS256'] : [])];
  const customerRole = auth.customerRole ?? 'customer';
  const maxAge = auth.maxTokenAgeSeconds ?? 86_400;
  const tolerance = auth.clockToleranceSeconds ?? 5;
  // Imported once: jose would otherwise import the raw secret for every verification.
  const hmacKey = secret
    ? crypto.subtle.importKey('raw', secret, {name: 'HMAC', hash: 'SHA-256'}, false, ['verify'])
    : undefined;
  const verified = new Map<string, {caller: Caller; until: number}>();
  const verify = async (token: string): Promise<{caller: Caller; exp: number}> => {
    let payload: JWTPayload;
    try {
      ({payload} = await jwtVerify(
        token,
        async (header, input) => {
          if (header.alg === 'HS256' && hmacKey) return hmacKey;
          if (jwks) return jwks(header, input);
          throw new errors.JOSEAlgNotAllowed(`"${header.alg}" is not accepted`);
        },
        {
          audience: auth.audience,
          algorithms,
          requiredClaims: ['exp'],
          clockTolerance: auth.clockToleranceSeconds ?? 5,
          ...(auth.issuer !== undefined && {issuer: auth.issuer}),
        },
      ));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw unauthorized('token_expired', 'The token has expired; ask your server for a new one');
      if (error instanceof errors.JWTClaimValidationFailed)
        throw unauthorized(
          'token_claims',
          error.reason === 'missing'
            ? `The token has no "${error.claim}" claim; every token must carry one`
            : `The token's "${error.claim}" claim is not accepted`,
        );
      if (
        error instanceof errors.JWSSignatureVerificationFailed ||
        error instanceof errors.JWKSNoMatchingKey
      ) {
        throw unauthorized(
          'token_signature',
          'The token is not signed by a key this gateway trusts',
        );
      }
      if (error instanceof errors.JOSEAlgNotAllowed)
        throw unauthorized(
          'token_algorithm',
          'The token is signed with an algorithm this gateway does not accept',
        );
      throw unauthorized('token_malformed', 'The token is not a well-formed JWT');
    }
    // The lifetime from issue to expiry, and what is left of it, are both bounded; a token "issued" in
    // the future would otherwise stretch its lifetime as far as it likes.
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && payload.iat > now + tolerance)
      throw unauthorized('token_claims', 'The token\'s "iat" claim is in the future');
    const lifetime = Math.max(payload.exp! - (payload.iat ?? now), payload.exp! - now);
    if (lifetime > maxAge + tolerance)
      throw unauthorized(
        'token_claims',
        `The token lives ${lifetime} seconds; this gateway accepts at most ${maxAge}`,
      );
    const subject = payload.sub;
    if (typeof subject !== 'string' || subject === '')
      throw unauthorized('token_claims', 'The token has no subject');
    if (payload.kind === 'customer')
      return {
        caller: {
          kind: 'customer',
          customerId: subject,
          role: customerRole,
          key: `customer:${subject}`,
        },
        exp: payload.exp!,
      };
    const roles = payload.roles;
    if (
      payload.kind === 'agent' &&
      Array.isArray(roles) &&
      roles.length > 0 &&
      roles.every((r) => typeof r === 'string')
    ) {
      return {
        caller: {
          kind: 'agent',
          agentId: subject,
          role: roles[0] as string,
          roles: roles as string[],
          key: `agent:${subject}`,
        },
        exp: payload.exp!,
      };
    }
    throw unauthorized('token_claims', 'The token is neither a customer nor an agent token');
  };
  // A token verified a moment ago is the same string with the same signature: its caller is kept for
  // at most a minute and never past its `exp`, so a page's requests cost one signature check a minute.
  // Refused tokens are not kept. At most 10,000 tokens; past that the oldest goes first.
  return async (token) => {
    const now = Date.now();
    const kept = verified.get(token);
    if (kept && kept.until > now) return kept.caller;
    if (kept) verified.delete(token);
    const {caller, exp} = await verify(token);
    verified.set(token, {caller, until: Math.min(now + 60_000, exp * 1000)});
    if (verified.size > 10_000) verified.delete(verified.keys().next().value!);
    return caller;
  };
}
