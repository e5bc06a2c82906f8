import {invalidInput, isRapportError, RapportError, validateIdempotencyKey} from '@rapport/core';
import {headers as protocolHeaders} from '@rapport/core/protocol';
import {signAgentToken, type SigningKey} from '../auth/tokens.js';
import {
  checkIdentity,
  checkTokens,
  ConfigurationError,
  invalidOption,
  readBody,
  reasonOf,
  refusal,
  wholeSeconds,
  type AgentIdentity,
} from '../front.js';
import type {Connection} from '../middleware/identify.js';
import {errorResponse} from '../respond.js';
import {hubSpotVerifier} from './signature.js';

/**
 * Who is calling, as the signed URL's query string says, handed to `agentFor`.
 *
 * Which of these HubSpot itself appends to a `hubspot.fetch` URL was **not confirmed** offline: only
 * `appId` is documented as added by HubSpot (in an example's README), and HubSpot's own converter
 * builds `portalId`, `userId` and `userEmail` in card code. The signature covers the whole URL, so
 * none of them was changed on the way, but a value the card code put there is only what the card
 * code chose. Check one real request (an echo endpoint) before trusting them, and look the user up
 * with the HubSpot API on the server. A parameter sent twice is refused rather than guessed at.
 */
export interface HubSpotRequest {
  /** The HubSpot account (hub) id. */
  readonly portalId?: string;
  /** The HubSpot user viewing the card. */
  readonly userId?: string;
  /** That user's e-mail address. */
  readonly userEmail?: string;
  /** The HubSpot app the card belongs to. */
  readonly appId?: string;
}

/**
 * One thing the front did, safe to log: no tokens, no signatures. `reason` says why a request was
 * refused (`signature_mismatch`, `timestamp_stale`, `agent_refused`, `body_too_large`, …).
 */
export interface HubSpotCardLogEntry {
  readonly event: 'forwarded' | 'refused';
  readonly reason?: string;
  readonly agentId?: string;
}

/** Options of {@link hubspotCard}. */
export interface HubSpotCardOptions {
  /**
   * The app's client secret, which HubSpot signs `hubspot.fetch` requests with (signature v3). At
   * least 16 characters; it stays on the server, never in card code.
   */
  readonly clientSecret: string;
  /** The gateway the verified requests go to: what `createGateway` returned. */
  readonly gateway: (request: Request, connection?: Connection) => Promise<Response>;
  /**
   * How agent tokens are minted for the gateway: the key, audience and issuer its `auth` accepts.
   * Each verified request gets its own token, so `lifetimeSeconds` (default 60) only needs to cover
   * one request; it must stay within the gateway's `maxTokenAgeSeconds`.
   */
  readonly tokens: {
    readonly key: SigningKey;
    readonly audience: string;
    readonly issuer?: string;
    readonly lifetimeSeconds?: number;
  };
  /**
   * Maps the caller to a Rapport agent and the customization roles they act as, or `null` to refuse.
   * Required: without it nobody is let in, since a valid signature says only that the request came
   * through HubSpot for this app. This is where a deployment decides roles, for example by looking
   * the user's teams up with the HubSpot API (`context.user.roles` in the card is always empty). See
   * {@link HubSpotRequest} for how far its fields can be trusted.
   */
  readonly agentFor: (
    request: HubSpotRequest,
  ) => AgentIdentity | null | Promise<AgentIdentity | null>;
  /**
   * The path prefix the front is mounted at in the URL HubSpot calls, such as `/hubspot`; it is
   * removed before forwarding, so `/hubspot/v1/customers` reaches the gateway as `/v1/customers`.
   * Default none.
   */
  readonly basePath?: string;
  /**
   * The URL HubSpot called and signed, for a server behind a proxy that changes the scheme, host or
   * path (rebuild it from headers the proxy sets and you trust). Default `request.url`.
   */
  readonly publicUrl?: (request: Request) => string;
  /** How old a signed request may be, in seconds. Default 300, HubSpot's rule. */
  readonly maxAgeSeconds?: number;
  /** Called once per request handled, with what is safe to log. */
  readonly log?: (entry: HubSpotCardLogEntry) => void;
}

/** Largest request body: the gateway's own limit. `hubspot.fetch` sends at most 1 MB. */
const maxBodyBytes = 65_536;

/** The query parameters that say who is calling: read for `agentFor`, never forwarded. */
const identityParameters = ['portalId', 'userId', 'userEmail', 'appId'] as const;

/**
 * The query parameter a card puts its idempotency key in: `hubspot.fetch` cannot send the
 * `Idempotency-Key` header, and the query string is signed.
 */
const idempotencyParameter = 'rapport-idempotency-key';

/**
 * Creates the front a HubSpot app card reaches the gateway through. A card (a UI extension in a web
 * worker) can only call out with `hubspot.fetch`, which carries no bearer token but is signed by
 * HubSpot with the app's client secret. The front verifies that signature, asks `agentFor` who the
 * caller is, mints a short-lived agent token and hands the gateway the request as if a widget had
 * sent it; the gateway's answer comes back unchanged.
 *
 * @throws RapportError `invalid_input` at creation, naming the option that is wrong.
 */
export function hubspotCard(
  options: HubSpotCardOptions,
): (request: Request, connection?: Connection) => Promise<Response> {
  const config = checkOptions(options);
  const {gateway, agentFor, tokens} = options;
  const log = options.log ?? (() => {});
  const publicUrl = options.publicUrl ?? ((request: Request) => request.url);
  const verify = hubSpotVerifier({
    clientSecret: options.clientSecret,
    maxAgeSeconds: config.maxAgeSeconds,
    now: Date.now,
  });

  const refused = (error: RapportError) => {
    log({event: 'refused', reason: reasonOf(error)});
    return errorResponse(error);
  };

  const handle = async (request: Request, connection?: Connection): Promise<Response> => {
    const signedUrl = publicUrl(request);
    let url: URL;
    try {
      url = new URL(signedUrl);
    } catch {
      throw new ConfigurationError('public_url_invalid', 'hubspotCard: publicUrl returned no URL');
    }
    const path = withoutBase(url.pathname, config.basePath);
    if (path === undefined)
      return refused(
        new RapportError('not_found', `No route for ${request.method} ${url.pathname}`, {
          details: {reason: 'outside_base_path'},
        }),
      );
    const body = await readBody(request, maxBodyBytes);
    if (body === undefined)
      return refused(
        new RapportError('invalid_input', `The body is over ${maxBodyBytes} bytes`, {
          fields: {body: 'too large'},
          details: {reason: 'body_too_large'},
        }),
      );
    const query = splitQuery(url.search);
    await verify(request, {url: signedUrl, body});
    const caller: Record<string, string> = {};
    for (const name of identityParameters) {
      const value = single(query, name);
      if (value !== undefined && value !== '') caller[name] = value;
    }
    const idempotencyKey = single(query, idempotencyParameter);
    // The key becomes a header, which holds printable ASCII only: anything else is the caller's
    // mistake to be told about, not a crash.
    if (
      idempotencyKey !== undefined &&
      !/^[\x20-\x7e]+$/.test(validateIdempotencyKey(idempotencyKey))
    )
      throw invalidInput('idempotencyKey', 'must be printable ASCII (it is sent as a header)');
    const chosen = await agentFor(caller as HubSpotRequest);
    if (chosen === null) throw refusal('agent_refused', 'agentFor refused the caller');
    const identity = checkIdentity(chosen, 'hubspotCard');
    const token = await signAgentToken({
      agentId: identity.agentId,
      roles: identity.roles,
      key: tokens.key,
      audience: tokens.audience,
      ...(tokens.issuer !== undefined && {issuer: tokens.issuer}),
      expiresIn: config.tokenLifetimeSeconds,
    });
    // Only what the signature covers goes on, plus the language: no header the caller set (a bearer
    // token above all) reaches the gateway.
    const forwarded = new Headers({[protocolHeaders.authorization]: `Bearer ${token}`});
    const language = request.headers.get('accept-language');
    if (language !== null) forwarded.set('accept-language', language);
    if (idempotencyKey !== undefined) forwarded.set(protocolHeaders.idempotencyKey, idempotencyKey);
    const hasBody = body !== '' && request.method !== 'GET' && request.method !== 'HEAD';
    if (hasBody) forwarded.set('content-type', 'application/json');
    const kept = query.filter(
      ({name}) =>
        name !== idempotencyParameter && !(identityParameters as readonly string[]).includes(name),
    );
    const target = new URL(request.url);
    const search = kept.map(({raw}) => raw).join('&');
    log({event: 'forwarded', agentId: identity.agentId});
    return gateway(
      new Request(`${target.origin}${path}${search === '' ? '' : `?${search}`}`, {
        method: request.method,
        headers: forwarded,
        ...(hasBody && {body}),
      }),
      connection,
    );
  };

  return async (request, connection) => {
    try {
      return await handle(request, connection);
    } catch (error) {
      // A refusal, or a request the front cannot take (a repeated parameter): the caller learns why.
      if (isRapportError(error)) return refused(error);
      // A misconfiguration or a bug: the caller learns nothing, the log says what.
      log({
        event: 'refused',
        reason: error instanceof ConfigurationError ? error.reason : 'internal_error',
      });
      return errorResponse(new Error('internal'));
    }
  };
}

/** The path without the base path, or `undefined` when it is not under it. */
function withoutBase(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

/** One `name=value` of a query string: its decoded name, and the pair as sent. */
interface QueryPair {
  readonly name: string;
  readonly value: string;
  readonly raw: string;
}

/**
 * The pairs of a query string, each kept as sent so that what is forwarded keeps the encoding and
 * order the signature covered.
 */
function splitQuery(search: string): QueryPair[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((raw) => raw !== '')
    .map((raw) => {
      const at = raw.indexOf('=');
      const [name, value] = at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at + 1)];
      return {name: decodeComponent(name), value: decodeComponent(value), raw};
    });
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/**
 * The one value of a parameter, `undefined` without it. Sent twice (the card's and HubSpot's, say),
 * which one is meant is unclear, so neither is used.
 */
function single(query: readonly QueryPair[], name: string): string | undefined {
  const values = query.filter((pair) => pair.name === name);
  if (values.length > 1)
    throw new RapportError('invalid_input', `The query string carries "${name}" more than once`, {
      fields: {[name]: 'repeated'},
      details: {reason: 'parameter_repeated'},
    });
  return values[0]?.value;
}

interface CheckedOptions {
  readonly basePath: string;
  readonly tokenLifetimeSeconds: number;
  readonly maxAgeSeconds: number;
}

const invalid = (option: string, message: string) => invalidOption('hubspotCard', option, message);

/** Checks what can be checked before the first request, so a mistake shows at start-up. */
function checkOptions(options: HubSpotCardOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null)
    throw new RapportError('invalid_input', 'hubspotCard: options must be an object');
  const {clientSecret, gateway, tokens, agentFor} = options;
  if (typeof clientSecret !== 'string' || clientSecret === '')
    throw invalid('clientSecret', "is required: the HubSpot app's client secret");
  if (clientSecret.length < 16)
    throw invalid(
      'clientSecret',
      "must be at least 16 characters long: the HubSpot app's client secret, not its id",
    );
  if (typeof gateway !== 'function')
    throw invalid('gateway', 'is required: the handler createGateway returned');
  checkTokens(tokens, invalid);
  if (typeof agentFor !== 'function')
    throw invalid(
      'agentFor',
      'is required: a function that maps the HubSpot caller to {agentId, roles}, or null to refuse',
    );
  const basePath = options.basePath ?? '';
  if (
    typeof basePath !== 'string' ||
    (basePath !== '' && !/^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/.test(basePath))
  )
    throw invalid(
      'basePath',
      `must be a path such as "/hubspot" (a leading "/", no trailing "/"); got ${JSON.stringify(basePath)}`,
    );
  if (options.publicUrl !== undefined && typeof options.publicUrl !== 'function')
    throw invalid('publicUrl', 'must be a function');
  if (options.log !== undefined && typeof options.log !== 'function')
    throw invalid('log', 'must be a function');
  return {
    basePath,
    tokenLifetimeSeconds: wholeSeconds(
      invalid,
      'tokens.lifetimeSeconds',
      tokens.lifetimeSeconds,
      60,
      1,
    ),
    maxAgeSeconds: wholeSeconds(invalid, 'maxAgeSeconds', options.maxAgeSeconds, 300, 1),
  };
}
