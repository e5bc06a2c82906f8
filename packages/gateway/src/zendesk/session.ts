import {
  errors,
  exportJWK,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  type KeyObject,
} from 'jose';
import type {RapportError} from '@rapport/core';
import type {SigningKey} from '../auth/tokens.js';
import {ConfigurationError, refusal} from '../front.js';

/** Who a session belongs to, as `agentFor` said when the app page was served. */
export interface SessionIdentity {
  readonly agentId: string;
  readonly roles: readonly string[];
}

/** Signs and verifies session tokens: what lets the app page get fresh agent tokens. */
export interface SessionCodec {
  sign(identity: SessionIdentity): Promise<string>;
  /** @throws RapportError `unauthorized` with `details.reason` `session_…`. */
  verify(token: string): Promise<SessionIdentity>;
}

const kind = 'zendesk-session';
const encoder = new TextEncoder();

/**
 * A codec for session tokens signed with the agent tokens' key. Their audience is not the gateway's
 * and their `kind` is not `agent`, so the gateway refuses them as bearer tokens: a session token can
 * buy agent tokens from this handler and nothing else.
 */
export function sessionCodec(options: {
  readonly key: SigningKey;
  readonly audience: string;
  readonly issuer: string | undefined;
  readonly lifetimeSeconds: number;
  readonly clockToleranceSeconds: number;
}): SessionCodec {
  const {key, audience, issuer, lifetimeSeconds} = options;
  const tolerance = options.clockToleranceSeconds;
  const alg = 'secret' in key ? 'HS256' : key.alg;
  let verificationKey: Promise<CryptoKey | Uint8Array> | undefined;
  const verifyingKey = () =>
    (verificationKey ??=
      'secret' in key
        ? Promise.resolve(encoder.encode(key.secret))
        : publicKeyOf(key.privateKey, key.alg));

  return {
    sign(identity) {
      const jwt = new SignJWT({kind, roles: [...identity.roles]})
        .setSubject(identity.agentId)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`);
      if (issuer !== undefined) jwt.setIssuer(issuer);
      return 'secret' in key
        ? jwt.setProtectedHeader({alg, typ: 'JWT'}).sign(encoder.encode(key.secret))
        : jwt.setProtectedHeader({alg, kid: key.kid, typ: 'JWT'}).sign(key.privateKey);
    },

    async verify(token) {
      const secretOrKey = await verifyingKey();
      let payload: JWTPayload;
      try {
        ({payload} = await jwtVerify(token, secretOrKey, {
          algorithms: [alg],
          audience,
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: tolerance,
          ...(issuer !== undefined && {issuer}),
        }));
      } catch (error) {
        throw refusalOf(error);
      }
      const now = Math.floor(Date.now() / 1000);
      if (payload.iat! > now + tolerance)
        throw refusal('session_claims', 'The session was issued in the future');
      if (Math.max(payload.exp! - payload.iat!, payload.exp! - now) > lifetimeSeconds + tolerance)
        throw refusal('session_claims', 'The session lives longer than this handler issues them');
      const {sub, roles} = payload;
      if (
        payload.kind !== kind ||
        typeof sub !== 'string' ||
        sub === '' ||
        !Array.isArray(roles) ||
        roles.length === 0 ||
        !roles.every((role): role is string => typeof role === 'string' && role !== '')
      )
        throw refusal('session_claims', 'The token is not a Zendesk app session');
      return {agentId: sub, roles};
    },
  };
}

/**
 * The public half of a private key, without Node's crypto module (the gateway runs on any fetch-based
 * runtime): its JWK minus the private members. A non-extractable CryptoKey cannot be exported; that
 * rejects with a ConfigurationError naming the option.
 */
async function publicKeyOf(
  privateKey: CryptoKey | KeyObject | JWK | Uint8Array,
  alg: 'ES256' | 'RS256',
): Promise<CryptoKey | Uint8Array> {
  const problem = (why: string) =>
    new ConfigurationError(
      'session_key_unusable',
      `zendeskApp: options.tokens.key.privateKey cannot verify session tokens: ${why}. Pass an extractable CryptoKey, a KeyObject or a private JWK`,
    );
  if (privateKey instanceof Uint8Array) throw problem(`bytes are not an ${alg} key`);
  let jwk: JWK;
  try {
    jwk = isJwk(privateKey) ? privateKey : await exportJWK(privateKey);
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
  if (jwk.d === undefined || jwk.kty === 'oct') throw problem('it is not a private key');
  // Everything but the private members (RFC 7518 §6.2.2, §6.3.2) and the key's declared operations.
  const {d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, key_ops: _ops, ...rest} = jwk;
  try {
    return await importJWK({...rest, ext: true}, alg);
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
}

const isJwk = (key: CryptoKey | KeyObject | JWK): key is JWK =>
  typeof (key as {kty?: unknown}).kty === 'string';

function refusalOf(error: unknown): RapportError {
  if (error instanceof errors.JWTExpired)
    return refusal('session_expired', 'The session has expired; reopen the app');
  if (error instanceof errors.JWTClaimValidationFailed)
    return refusal('session_claims', 'The token is not a session of this app installation');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return refusal('session_signature', 'The session is not signed by this server');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return refusal('session_algorithm', 'The session is signed with another algorithm');
  return refusal('session_malformed', 'The session is not well formed');
}
