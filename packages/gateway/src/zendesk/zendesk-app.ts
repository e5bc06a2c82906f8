import {decodeJwt} from 'jose';
import {RapportError} from '@rapport/core';
import {signAgentToken, type SigningKey} from '../auth/tokens.js';
import {
  checkIdentity,
  checkTokens,
  ConfigurationError,
  invalidOption,
  isRefusal,
  readBody as readLimited,
  reasonOf,
  refusal,
  wholeSeconds,
  type AgentIdentity,
} from '../front.js';
import {errorResponse, json} from '../respond.js';
import {sessionCodec, type SessionIdentity} from './session.js';
import {zafVerifier, type ZendeskClaims} from './zaf-token.js';

export type {AgentIdentity} from '../front.js';

/**
 * One thing the handler did, safe to log: no tokens, no claims. `reason` says why a request was
 * refused (`token_expired`, `context`, `agent_refused`, `session_expired`, …), which the refused
 * page never shows.
 */
export interface ZendeskAppLogEntry {
  readonly event: 'page' | 'token' | 'refused';
  readonly reason?: string;
  readonly agentId?: string;
}

/** Options of {@link zendeskApp}. */
export interface ZendeskAppOptions {
  /** The Zendesk account's subdomain, such as `acme` for `acme.zendesk.com`; the JWT's issuer. */
  readonly subdomain: string;
  /** The app installation's id: the JWT's audience names it, so another installation's JWT is refused. */
  readonly installationId: string | number;
  /**
   * The app's public key, PEM (SPKI, `-----BEGIN PUBLIC KEY-----`), as Zendesk gives it for the app
   * (`GET /api/v2/apps/{app_id}/public_key.pem`). Its shape is checked at creation; it is parsed on
   * the first request, which answers 500 (and logs `public_key_unusable`) if it cannot be.
   */
  readonly publicKey: string;
  /**
   * The origins that may frame the app page. Default `https://{subdomain}.zendesk.com`; list a
   * host-mapped domain of the account here too.
   */
  readonly frameAncestors?: readonly string[];
  /** The app locations served. Default `ticket_sidebar` and `user_sidebar`. */
  readonly locations?: readonly string[];
  /**
   * The app page's HTML (the app's `assets/iframe.html`). The tokens go in as meta tags before its
   * `</head>`, so the page's script reads them without another round trip.
   */
  readonly page: string;
  /**
   * How agent tokens are signed: the key, audience and issuer the gateway's `auth` accepts. Session
   * tokens are signed with the same key. `lifetimeSeconds` defaults to 900 and must stay within the
   * gateway's `maxTokenAgeSeconds`.
   */
  readonly tokens: {
    readonly key: SigningKey;
    readonly audience: string;
    readonly issuer?: string;
    readonly lifetimeSeconds?: number;
  };
  /**
   * How long the page may keep getting agent tokens after Zendesk opened it, since Zendesk sends its
   * JWT only once. Default 28,800 seconds (a shift).
   */
  readonly session?: {readonly lifetimeSeconds?: number};
  /**
   * Maps the verified Zendesk claims to a Rapport agent, or `null` to refuse. This is where a
   * deployment decides roles, for example by looking the user up with the Zendesk API. Default: the
   * role `agent`, with the agent id `zendesk:{subdomain}:{sub}`; a JWT that names no user (no `sub`)
   * is refused. Sessions are renewed without asking again, so a change here reaches an agent when
   * their session ends (`session.lifetimeSeconds`).
   */
  readonly agentFor?: (
    claims: ZendeskClaims,
  ) => AgentIdentity | null | Promise<AgentIdentity | null>;
  /** Leeway for clock differences, in seconds. Default 5. */
  readonly clockToleranceSeconds?: number;
  /** The longest lifetime of a Zendesk JWT accepted, in seconds. Default 600. */
  readonly maxTokenAgeSeconds?: number;
  /** Called once per request handled, with what is safe to log. */
  readonly log?: (entry: ZendeskAppLogEntry) => void;
}

/** Largest request body: a JWT or a session token with some room; anything bigger is not ours. */
const maxBodyBytes = 16_384;

const defaultLocations = ['ticket_sidebar', 'user_sidebar'] as const;

/**
 * Creates the server side of a Zendesk Support app with signed URLs: a web-standard fetch handler,
 * mounted at the app location's URL. Zendesk opens the app by POSTing a JWT signed with the app's
 * key; the handler verifies it, asks `agentFor` who the viewer is, and answers the app page with a
 * Rapport agent token and a session token in it. The page later POSTs the session token as JSON to
 * the same URL for a fresh agent token, since Zendesk's JWT comes only once.
 *
 * @throws RapportError `invalid_input` at creation, naming the option that is wrong.
 */
export function zendeskApp(options: ZendeskAppOptions): (request: Request) => Promise<Response> {
  const config = checkOptions(options);
  const {subdomain, installationId} = config;
  const log = options.log ?? (() => {});
  const verifyZaf = zafVerifier({
    subdomain,
    installationId,
    publicKey: options.publicKey,
    locations: new Set(config.locations),
    clockToleranceSeconds: config.clockToleranceSeconds,
    maxTokenAgeSeconds: config.maxTokenAgeSeconds,
  });
  const sessions = sessionCodec({
    key: options.tokens.key,
    audience: `zendesk-session:${subdomain}:${installationId}`,
    issuer: options.tokens.issuer,
    lifetimeSeconds: config.sessionLifetimeSeconds,
    clockToleranceSeconds: config.clockToleranceSeconds,
  });
  // Without a user in the JWT there is nobody to name: deny by default rather than let every agent of
  // the installation share one identity.
  const agentFor =
    options.agentFor ??
    ((claims: ZendeskClaims): AgentIdentity | null =>
      claims.sub === undefined
        ? null
        : {agentId: `zendesk:${subdomain}:${claims.sub}`, roles: ['agent']});
  const frameAncestors = `frame-ancestors ${config.frameAncestors.join(' ')}`;
  const securityHeaders = {
    // No other site may frame it, no plug-in or <base> may change what it loads, no Referer leaks it.
    'content-security-policy': `${frameAncestors}; object-src 'none'; base-uri 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
  // The page carries tokens: no cache may keep it.
  const htmlHeaders = {
    ...securityHeaders,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  };

  const mintAgentToken = async (identity: SessionIdentity) => {
    const token = await signAgentToken({
      agentId: identity.agentId,
      roles: identity.roles,
      key: options.tokens.key,
      audience: options.tokens.audience,
      ...(options.tokens.issuer !== undefined && {issuer: options.tokens.issuer}),
      expiresIn: config.tokenLifetimeSeconds,
    });
    // The expiry the page plans its refresh by is the token's own.
    return {token, expiresAt: decodeJwt(token).exp! * 1000};
  };

  const page = async (request: Request): Promise<Response> => {
    const body = await readBody(request);
    if (body === undefined) return tooLargePage();
    let identity: AgentIdentity;
    try {
      const tokens = new URLSearchParams(body).getAll('token');
      if (tokens.length === 0 || tokens[0] === '')
        throw refusal('token_missing', 'The request carries no token');
      // Two tokens leave it open which one was meant; neither is used.
      if (tokens.length > 1) throw refusal('token_malformed', 'The request carries two tokens');
      const claims = await verifyZaf(tokens[0]!);
      const chosen = await agentFor(claims);
      if (chosen === null)
        throw options.agentFor
          ? refusal('agent_refused', 'agentFor refused the viewer')
          : refusal('agent_unknown', 'The JWT names no user (no "sub"); give agentFor to decide');
      identity = checkIdentity(chosen, 'zendeskApp');
    } catch (error) {
      if (isRefusal(error)) {
        log({event: 'refused', reason: reasonOf(error)});
        return refusedPage(401);
      }
      throw error;
    }
    const [minted, session] = await Promise.all([
      mintAgentToken(identity),
      sessions.sign(identity),
    ]);
    const meta = [
      ['rapport-token', minted.token],
      ['rapport-token-expires', String(minted.expiresAt)],
      ['rapport-session', session],
      ['rapport-viewer-role', identity.roles[0]!],
    ]
      .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content!)}">`)
      .join('');
    log({event: 'page', agentId: identity.agentId});
    return new Response(config.pageHead + meta + config.pageRest, {
      status: 200,
      headers: htmlHeaders,
    });
  };

  const refresh = async (request: Request): Promise<Response> => {
    const body = await readBody(request);
    if (body === undefined) {
      log({event: 'refused', reason: 'body_too_large'});
      return errorResponse(
        new RapportError('invalid_input', `The body is over ${maxBodyBytes} bytes`, {
          details: {reason: 'body_too_large'},
        }),
        {headers: securityHeaders},
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      log({event: 'refused', reason: 'body_malformed'});
      return errorResponse(new RapportError('invalid_input', 'The body is not JSON'), {
        headers: securityHeaders,
      });
    }
    const session =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as {session?: unknown}).session
        : undefined;
    try {
      if (typeof session !== 'string' || session === '')
        throw refusal('session_missing', 'The body has no "session"');
      const identity = await sessions.verify(session);
      const minted = await mintAgentToken(identity);
      log({event: 'token', agentId: identity.agentId});
      return json(minted, 200, securityHeaders);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      log({event: 'refused', reason: reasonOf(error)});
      return errorResponse(error, {headers: securityHeaders});
    }
  };

  const refusedPage = (status: number) =>
    new Response(neutralPage, {
      status,
      // The refusal page needs nothing at all, so it may load nothing.
      headers: {...htmlHeaders, 'content-security-policy': `default-src 'none'; ${frameAncestors}`},
    });
  const tooLargePage = () => {
    log({event: 'refused', reason: 'body_too_large'});
    return refusedPage(413);
  };

  return async (request) => {
    if (request.method !== 'POST')
      return new Response('This address takes POST only.\n', {
        status: 405,
        headers: {allow: 'POST', 'content-type': 'text/plain; charset=utf-8', ...securityHeaders},
      });
    const type = mediaType(request.headers.get('content-type'));
    const isPage = type === 'application/x-www-form-urlencoded';
    if (!isPage && type !== 'application/json')
      return new Response(
        'Send application/x-www-form-urlencoded (the app page) or application/json (a token).\n',
        {
          status: 415,
          headers: {
            'accept-post': 'application/x-www-form-urlencoded, application/json',
            'content-type': 'text/plain; charset=utf-8',
            ...securityHeaders,
          },
        },
      );
    try {
      return await (isPage ? page(request) : refresh(request));
    } catch (error) {
      // A misconfiguration (an unusable key) or a bug: the caller learns nothing, the log says what.
      log({
        event: 'refused',
        reason: error instanceof ConfigurationError ? error.reason : 'internal_error',
      });
      return isPage
        ? refusedPage(500)
        : errorResponse(new Error('internal'), {headers: securityHeaders});
    }
  };
}

const neutralPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable</title></head>' +
  '<body><p>This app could not be opened. Reload the page to try again.</p></body></html>\n';

/** The media type of a Content-Type header, lower-cased, without its parameters. */
function mediaType(header: string | null): string {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** The body as text, or `undefined` when it is over {@link maxBodyBytes}. */
const readBody = (request: Request) => readLimited(request, maxBodyBytes);

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside a double-quoted HTML attribute (and anywhere else in HTML). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

interface CheckedOptions {
  readonly subdomain: string;
  readonly installationId: string;
  readonly locations: readonly string[];
  readonly frameAncestors: readonly string[];
  readonly pageHead: string;
  readonly pageRest: string;
  readonly tokenLifetimeSeconds: number;
  readonly sessionLifetimeSeconds: number;
  readonly clockToleranceSeconds: number;
  readonly maxTokenAgeSeconds: number;
}

const invalid = (option: string, message: string) => invalidOption('zendeskApp', option, message);
const seconds = (option: string, value: number | undefined, fallback: number, least: number) =>
  wholeSeconds(invalid, option, value, fallback, least);

/** Checks what can be checked before the first request, so a mistake shows at start-up. */
function checkOptions(options: ZendeskAppOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null)
    throw new RapportError('invalid_input', 'zendeskApp: options must be an object');
  const {subdomain, installationId, publicKey, page, tokens} = options;
  if (typeof subdomain !== 'string' || subdomain === '')
    throw invalid('subdomain', 'is required: the Zendesk subdomain, such as "acme"');
  if (!/^[a-z0-9-]+$/.test(subdomain))
    throw invalid(
      'subdomain',
      `must be the bare subdomain in lower case (a-z, 0-9, -), such as "acme" for acme.zendesk.com; got ${JSON.stringify(subdomain)}`,
    );
  const installation =
    typeof installationId === 'number' && Number.isSafeInteger(installationId) && installationId > 0
      ? String(installationId)
      : installationId;
  if (typeof installation !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(installation))
    throw invalid(
      'installationId',
      `must be the app installation's id, such as 360001234567; got ${JSON.stringify(installationId)}`,
    );
  if (typeof publicKey !== 'string' || publicKey.trim() === '')
    throw invalid('publicKey', "is required: the app's public key, PEM");
  if (
    !publicKey.includes('-----BEGIN PUBLIC KEY-----') ||
    !publicKey.includes('-----END PUBLIC KEY-----')
  )
    throw invalid(
      'publicKey',
      publicKey.includes('PRIVATE KEY')
        ? 'holds a private key; pass the public key (-----BEGIN PUBLIC KEY-----)'
        : publicKey.includes('BEGIN RSA PUBLIC KEY')
          ? 'is a PKCS#1 key; pass it as SPKI (-----BEGIN PUBLIC KEY-----), for example with `openssl rsa -pubin -RSAPublicKey_in -pubout`'
          : 'must be a PEM public key (SPKI, -----BEGIN PUBLIC KEY-----)',
    );
  const locations = options.locations ?? defaultLocations;
  if (
    !Array.isArray(locations) ||
    locations.length === 0 ||
    !locations.every((l) => typeof l === 'string' && l !== '')
  )
    throw invalid('locations', 'must list at least one app location, such as "ticket_sidebar"');
  const frameAncestors = options.frameAncestors ?? [`https://${subdomain}.zendesk.com`];
  if (
    !Array.isArray(frameAncestors) ||
    frameAncestors.length === 0 ||
    !frameAncestors.every(isOrigin)
  )
    throw invalid(
      'frameAncestors',
      'must list origins, such as "https://support.example.com" (scheme and host, no path)',
    );
  if (typeof page !== 'string') throw invalid('page', "is required: the app page's HTML");
  const headEnd = page.search(/<\/head>/i);
  if (headEnd < 0)
    throw invalid(
      'page',
      'has no </head>: the tokens go in as meta tags before it, so the page must have a head',
    );
  checkTokens(tokens, invalid);
  const sessionAudience = `zendesk-session:${subdomain}:${installation}`;
  if (tokens.audience === sessionAudience)
    throw invalid('tokens.audience', "must not be the session tokens' audience");
  if (options.agentFor !== undefined && typeof options.agentFor !== 'function')
    throw invalid('agentFor', 'must be a function');
  if (options.log !== undefined && typeof options.log !== 'function')
    throw invalid('log', 'must be a function');
  return {
    subdomain,
    installationId: installation,
    locations,
    frameAncestors,
    pageHead: page.slice(0, headEnd),
    pageRest: page.slice(headEnd),
    tokenLifetimeSeconds: seconds('tokens.lifetimeSeconds', tokens.lifetimeSeconds, 900, 1),
    sessionLifetimeSeconds: seconds(
      'session.lifetimeSeconds',
      options.session?.lifetimeSeconds,
      28_800,
      1,
    ),
    clockToleranceSeconds: seconds('clockToleranceSeconds', options.clockToleranceSeconds, 5, 0),
    maxTokenAgeSeconds: seconds('maxTokenAgeSeconds', options.maxTokenAgeSeconds, 600, 1),
  };
}

function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}
