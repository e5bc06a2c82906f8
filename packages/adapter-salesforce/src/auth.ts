// The OAuth 2.0 JWT bearer flow: an RS256 assertion (iss = the connected app's client id, sub = the
// integration user's username, aud = the login URL, exp at most 3 minutes away) exchanged at
// {loginUrl}/services/oauth2/token for an access token and the org's instance URL.
import {RapportError, optionError} from '@rapport/core';
import {SignJWT, importPKCS8} from 'jose';
import {scrub} from './errors.js';

/** The connected app and user of the JWT bearer flow. */
export interface SalesforceJwtOptions {
  /** The connected app's consumer key. */
  readonly clientId: string;
  /** The Salesforce username the adapter acts as (the integration user). */
  readonly username: string;
  /** The private key (PKCS #8 PEM, `-----BEGIN PRIVATE KEY-----`) of the certificate on the connected app. */
  readonly privateKey: string;
  /** Where to log in. Default `https://login.salesforce.com` (`https://test.salesforce.com` for a sandbox). */
  readonly loginUrl?: string;
}

/** A token the flow got, with when the adapter stops trusting it. */
export interface Session {
  readonly accessToken: string;
  readonly instanceUrl: string;
  readonly expiresAt: number;
}

/** How {@link jwtSessions} reaches the login. */
export interface JwtSessionOptions {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sessionTtlMs: number;
  /** Milliseconds the token call may take. */
  readonly timeoutMs: number;
  /** The login origin, checked by the caller (https:, an allowed host). */
  readonly loginUrl: string;
  /** Checks the token answer's `instance_url` (https:, an allowed host) and returns it as an origin. */
  readonly instanceUrl: (url: string) => string;
}

/**
 * Gets sessions through the JWT bearer flow. The token answer carries no lifetime (it lasts the org's
 * session timeout, which the API does not tell), so a session is trusted for `sessionTtlMs` and
 * replaced sooner after a 401.
 */
export function jwtSessions(jwt: SalesforceJwtOptions, options: JwtSessionOptions) {
  const {fetch: doFetch, now, sessionTtlMs, timeoutMs, loginUrl} = options;
  let key: CryptoKey | undefined;
  const keyOf = async (): Promise<CryptoKey> => {
    try {
      return (key ??= await importPKCS8(jwt.privateKey, 'RS256'));
    } catch (error) {
      throw optionError(
        'salesforceAdapter',
        'jwt.privateKey',
        'is not an RSA private key in PKCS #8 PEM (-----BEGIN PRIVATE KEY-----); convert one with `openssl pkcs8 -topk8 -nocrypt -in server.key -out server.pk8.pem`',
        error,
      );
    }
  };
  return async (): Promise<Session> => {
    const issuedAt = Math.floor(now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({alg: 'RS256'})
      .setIssuer(jwt.clientId)
      .setSubject(jwt.username)
      .setAudience(loginUrl)
      // Salesforce refuses an assertion that expires more than 3 minutes after it is sent.
      .setExpirationTime(issuedAt + 170)
      .sign(await keyOf());
    let response: Response;
    let body: {
      access_token?: string;
      instance_url?: string;
      error?: string;
      error_description?: string;
    };
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      response = await doFetch(`${loginUrl}/services/oauth2/token`, {
        method: 'POST',
        signal: timeout,
        headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json'},
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }).toString(),
      });
      body = (await response.json().catch((error: unknown) => {
        if (timeout.aborted) throw error;
        return {};
      })) as typeof body;
    } catch (error) {
      if (timeout.aborted)
        throw new RapportError(
          'timeout',
          `Salesforce's login (${loginUrl}) did not answer within ${timeoutMs} ms`,
          {cause: error, details: {vendor: 'Salesforce'}},
        );
      throw new RapportError(
        'unavailable',
        `Salesforce's login (${loginUrl}) could not be reached (${(error as Error).message})`,
        {cause: error, details: {vendor: 'Salesforce'}},
      );
    }
    if (response.status >= 500)
      throw new RapportError('unavailable', `Salesforce's login answered ${response.status}`, {
        details: {vendor: 'Salesforce', status: response.status},
      });
    if (!response.ok || !body.access_token || !body.instance_url)
      throw new RapportError(
        'unauthorized',
        `salesforceAdapter: option jwt: Salesforce refused the JWT bearer assertion (${response.status}${body.error ? ` ${body.error}` : ''}${body.error_description ? `: ${scrub(body.error_description)}` : ''}); check jwt.clientId (the connected app's consumer key), jwt.username, that the certificate of jwt.privateKey is on the connected app, that the user is pre-authorized (admin-approved users, with a permission set), and jwt.loginUrl (${loginUrl})`,
        {details: {option: 'jwt', status: response.status, ...(body.error && {error: body.error})}},
      );
    return {
      accessToken: body.access_token,
      instanceUrl: options.instanceUrl(body.instance_url),
      expiresAt: now() + sessionTtlMs,
    };
  };
}
