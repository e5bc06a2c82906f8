import {errors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload} from 'jose';
import type {RapportError} from '@rapport/core';
import {ConfigurationError, refusal} from '../front.js';

/**
 * Where in Zendesk the app was opened, as the JWT's `context` claim says. Only Support is accepted:
 * the audience and issuer checked here are Support's, and other products' apps are not this flow.
 */
export interface ZendeskContext {
  readonly product: 'support';
  /** The app location, such as `ticket_sidebar`; one of the handler's `locations`. */
  readonly location: string;
}

/**
 * The verified claims of the JWT Zendesk posted, handed to `agentFor` so a deployment can decide who
 * the viewer is. Only what was confirmed is typed; `payload` keeps every claim as Zendesk sent it,
 * because which user claims Zendesk includes (a user id, a role) could not be confirmed.
 */
export interface ZendeskClaims {
  /** `{subdomain}.zendesk.com`. */
  readonly iss: string;
  /** `https://{subdomain}.zendesk.com/api/v2/apps/installations/{installationId}.json`. */
  readonly aud: string;
  /** Expiry, in seconds since the epoch. */
  readonly exp: number;
  /** Issue time, in seconds since the epoch. */
  readonly iat: number;
  /** The JWT's subject, present only when it is a non-empty string (Zendesk's user id, if it sends one). */
  readonly sub?: string;
  readonly context: ZendeskContext;
  /** Every claim as signed, unvalidated beyond the fields above. */
  readonly payload: Readonly<JWTPayload>;
}

/** What the verifier needs, already checked by the handler's option checks. */
export interface ZafVerifierOptions {
  readonly subdomain: string;
  readonly installationId: string;
  readonly publicKey: string;
  readonly locations: ReadonlySet<string>;
  readonly clockToleranceSeconds: number;
  readonly maxTokenAgeSeconds: number;
}

/**
 * Returns a function that verifies a ZAF JWT and returns its claims. Only RS256 is accepted: Zendesk
 * signs with the app's RSA key, and allowing anything else would let a forger pick `none`, or HS256
 * with the (public) key as the secret.
 *
 * The public key is imported once, on first use; an unusable one rejects every call with a
 * {@link ConfigurationError} (not a refusal), since it is the deployment's fault and no token could ever pass.
 *
 * @throws RapportError `unauthorized` with `details.reason` `token_expired`, `token_malformed`,
 *   `token_signature`, `token_algorithm`, `token_audience`, `token_issuer`, `token_claims` (a missing
 *   `exp` or `iat`, an `iat` in the future, a lifetime over `maxTokenAgeSeconds`) or `context`.
 */
export function zafVerifier(
  options: ZafVerifierOptions,
): (token: string) => Promise<ZendeskClaims> {
  const host = `${options.subdomain}.zendesk.com`;
  const audience = `https://${host}/api/v2/apps/installations/${options.installationId}.json`;
  let key: Promise<CryptoKey> | undefined;
  const publicKey = (): Promise<CryptoKey> =>
    (key ??= importSPKI(options.publicKey, 'RS256').catch((error: unknown) => {
      throw new ConfigurationError(
        'public_key_unusable',
        `zendeskApp: options.publicKey is not a usable RSA public key (PEM, SPKI): ${error instanceof Error ? error.message : String(error)}`,
        {cause: error},
      );
    }));
  const tolerance = options.clockToleranceSeconds;

  return async (token) => {
    const verificationKey = await publicKey();
    let payload: JWTPayload;
    try {
      ({payload} = await jwtVerify(token, verificationKey, {
        algorithms: ['RS256'],
        audience,
        issuer: host,
        requiredClaims: ['exp', 'iat'],
        clockTolerance: tolerance,
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp!;
    const iat = payload.iat!;
    // A token "issued" in the future, or living longer than Zendesk's own would, is not Zendesk's
    // usual token: bounding both keeps a leaked one from being replayed for long.
    if (iat > now + tolerance) throw refusal('token_claims', 'The JWT was issued in the future');
    const lifetime = Math.max(exp - iat, exp - now);
    if (lifetime > options.maxTokenAgeSeconds + tolerance)
      throw refusal(
        'token_claims',
        `The JWT lives ${lifetime} seconds; at most ${options.maxTokenAgeSeconds} are accepted`,
      );
    const context = contextOf(payload.context, options.locations);
    const sub = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
    return {
      iss: host,
      aud: audience,
      exp,
      iat,
      ...(sub !== undefined && {sub}),
      context,
      payload,
    };
  };
}

function contextOf(value: unknown, locations: ReadonlySet<string>): ZendeskContext {
  if (typeof value !== 'object' || value === null)
    throw refusal('context', 'The JWT has no "context" claim');
  const {product, location} = value as {product?: unknown; location?: unknown};
  if (product !== 'support')
    throw refusal('context', 'The JWT was not issued for a Zendesk Support app');
  if (typeof location !== 'string' || !locations.has(location))
    throw refusal('context', 'The JWT was issued for an app location this handler does not serve');
  return {product, location};
}

function refusalOf(error: unknown): RapportError {
  if (error instanceof errors.JWTExpired) return refusal('token_expired', 'The JWT has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return refusal('token_audience', 'The JWT was issued for another app installation');
    if (error.claim === 'iss')
      return refusal('token_issuer', 'The JWT was issued by another Zendesk account');
    return refusal('token_claims', `The JWT's "${error.claim}" claim is missing or not accepted`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return refusal('token_signature', "The JWT is not signed with the app's key");
  if (error instanceof errors.JOSEAlgNotAllowed)
    return refusal('token_algorithm', 'The JWT is not signed with RS256');
  return refusal('token_malformed', 'The JWT is not well formed');
}
