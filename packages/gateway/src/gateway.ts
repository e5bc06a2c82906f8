import {Hono} from 'hono';
// Answers in the Simplified Chinese built into @rapport/schema for callers whose Accept-Language asks.
import '@rapport/schema/translations/zh-CN.js';
import {
  catalogue as rapportCatalogue,
  defaultComplaintPolicy,
  inputChecks as rapportInputChecks,
  memoryIdempotencyStore,
  resourcesWith,
  RapportError,
  type Catalogue,
  type ComplaintPolicy,
  type CrmAdapter,
  type IdempotencyStore,
  type InputChecks,
  type RapportCatalogue,
} from '@rapport/core';
import {limits, protocolVersion, routeOf} from '@rapport/core/protocol';
import {
  defaultCustomization,
  validateCustomization,
  type CustomizationDocument,
} from '@rapport/schema';
import type {AuthOptions} from './auth/tokens.js';
import {createInputRules} from './input-rules.js';
import {identify, type Connection, type GatewayEnv} from './middleware/identify.js';
import {corsFor} from './middleware/cors.js';
import {limit} from './middleware/limit.js';
import {log, type LogEntry} from './middleware/log.js';
import {
  admit,
  memoryRateLimitStore,
  type RateLimit,
  type RateLimitOptions,
  type RateLimitStore,
} from './rate-limit.js';
import {createRedactor} from './redact.js';
import {errorResponse} from './respond.js';
import {capabilitiesRoute} from './routes/capabilities.js';
import type {RouteContext} from './routes/context.js';
import {customizationRoute} from './routes/customization.js';
import {fieldsRoute} from './routes/fields.js';
import {healthRoutes} from './routes/health.js';
import {reportsRoute, type ReportOptions} from './routes/reports.js';
import {resourcesRoutes} from './routes/resources.js';
import {checkPolicyRoles, createWriteRules} from './write-rules.js';

/** Options of {@link createGateway}. */
export interface GatewayOptions<C extends Catalogue = RapportCatalogue> {
  /** The backend: the memory adapter, a vendor adapter, your own. */
  readonly adapter: CrmAdapter<NoInfer<C>>;
  /**
   * The resources to serve, each at the routes `@rapport/core/protocol` derives from its entry.
   * Default Rapport's catalogue.
   */
  readonly catalogue?: C;
  /**
   * How each create's input is checked before the backend sees it, by resource. Default core's
   * `inputChecks`; a catalogue with creates of its own adds theirs (`{...inputChecks, gifts: checkGift}`).
   * Checked at start-up: a create without a check is refused.
   */
  readonly inputChecks?: InputChecks<C>;
  /** What each role may see and how; default the built-in document. Checked at start-up. */
  readonly customization?: CustomizationDocument;
  /** How tokens are verified. */
  readonly auth: AuthOptions;
  /**
   * Where idempotency keys are kept. Default in memory (one server), bounded: 64 MiB, 1,000 keys per
   * caller, each kept 24 hours.
   */
  readonly idempotencyStore?: IdempotencyStore;
  /** Longest created record a replay gets whole, in characters of JSON; longer ones keep their essentials. Default 16,384. */
  readonly maxStoredResponseBytes?: number;
  /**
   * Requests per caller in a fixed window, or `false` for none. Default 120 each 6 seconds (20 a second
   * on average); and, for requests without a valid token, per client address, 30 a minute.
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Where request counts are kept. Default in memory (one server); several instances share one limit
   * through `redisStores(...).rateLimits` of `@rapport/store-redis`.
   */
  readonly rateLimitStore?: RateLimitStore;
  /**
   * Behind a proxy you trust: the header it sets to the client's address (`x-forwarded-for`, whose last
   * entry counts, or `x-real-ip`). Without it the connection's address is used (see `Gateway`).
   */
  readonly trustedProxyHeader?: string;
  /** Browser origins allowed to call the gateway (CORS). Default none (same origin only). */
  readonly cors?: {readonly origins: readonly string[]};
  /** Path the gateway is mounted at, such as `/rapport`. Default none. */
  readonly basePath?: string;
  /** Largest request body in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number;
  /** Most ids in one batch read; larger batches are refused, smaller ones split for the backend. Default 100. */
  readonly maxBatchSize?: number;
  /**
   * Which role may take which action on a complaint (`complaintUpdates`), checked with the verified
   * token's role before the backend sees the update: a role may not do more than this, whatever the
   * request says. Default core's `defaultComplaintPolicy` (customers reopen, agents move a complaint
   * along, supervisors may also close). Checked at start-up against the document's roles.
   */
  readonly complaintPolicy?: ComplaintPolicy;
  /** Accept complaints without a token from anonymous visitors (name and e-mail, no customer id). */
  readonly allowAnonymousComplaints?: boolean;
  /** How reports are computed and how long they are kept (see `ReportOptions`). */
  readonly reports?: ReportOptions;
  /** Called once per request with what is safe to log. */
  readonly log?: (entry: LogEntry) => void;
}

/**
 * A web-standard request handler: runs in Node (see `@rapport/gateway/node`) and any fetch-based
 * runtime. Pass the peer's address as `connection.clientAddress` (serveGateway does), so requests
 * without a valid token are limited per address and anonymous visitors are told apart.
 */
export type Gateway = (request: Request, connection?: Connection) => Promise<Response>;

/**
 * Creates the gateway: the server side of Rapport's widgets. It verifies the caller's token, lets a
 * customer touch only their own records, calls the adapter, masks and removes fields by role before
 * anything leaves, replays idempotent creates, limits request rates, and speaks the versioned JSON
 * protocol of `@rapport/core/protocol` (docs/gateway.md) for every resource of the catalogue.
 *
 * @throws Error at creation when the customization document is not valid, the complaint policy
 *   names a role it does not have, or a create has no input check.
 */
export function createGateway<C extends Catalogue = RapportCatalogue>(
  options: GatewayOptions<C>,
): Gateway {
  const checked = validateCustomization(options.customization ?? defaultCustomization);
  if (!checked.valid) {
    throw new Error(
      `The gateway's customization document is not valid: ${checked.problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ')}`,
    );
  }
  // The document extended with the built-in parts it leaves out.
  const customization = checked.document;
  const roles = new Set(customization.roles.map((role) => role.id));
  const customerRole = options.auth.customerRole ?? 'customer';
  if (!roles.has(customerRole)) {
    throw new Error(
      `The customer role "${customerRole}" is not a role of the gateway's customization document (roles: ${[...roles].join(', ')}); set auth.customerRole`,
    );
  }
  if (options.complaintPolicy) checkPolicyRoles(options.complaintPolicy, roles);
  const catalogue: Catalogue = options.catalogue ?? rapportCatalogue;
  const inputChecks = (options.inputChecks ?? rapportInputChecks) as Readonly<
    Record<string, (input: unknown) => unknown>
  >;
  const unchecked = resourcesWith(catalogue, 'create').filter(
    (name) => typeof (Object.hasOwn(inputChecks, name) && inputChecks[name]) !== 'function',
  );
  if (unchecked.length > 0) {
    throw new Error(
      `The gateway has no input check for ${unchecked.join(', ')}, which the catalogue lets callers create; pass inputChecks: {...inputChecks, ${unchecked[0]}: (input) => ...} from @rapport/core`,
    );
  }
  const context: RouteContext = {
    adapter: options.adapter as CrmAdapter<Catalogue>,
    catalogue,
    customization,
    redact: createRedactor(customization, catalogue),
    inputRules: createInputRules(customization, catalogue),
    inputChecks,
    writeRules: createWriteRules(options.complaintPolicy ?? defaultComplaintPolicy),
    idempotencyStore: options.idempotencyStore ?? memoryIdempotencyStore(),
    maxBatchSize: options.maxBatchSize ?? limits.maxBatchSize,
    maxBodyBytes: options.maxBodyBytes ?? limits.maxBodyBytes,
    maxStoredResponseBytes: options.maxStoredResponseBytes ?? 16_384,
  };
  const rateLimit =
    options.rateLimit === false ? undefined : (options.rateLimit ?? {requests: 120, perSeconds: 6});
  if (rateLimit) {
    checkLimit('rateLimit', rateLimit);
    if (rateLimit.perAddress) checkLimit('rateLimit.perAddress', rateLimit.perAddress);
  }
  const rateLimitStore = rateLimit && (options.rateLimitStore ?? memoryRateLimitStore());
  const version = `/v${protocolVersion}`;
  const anonymousPath =
    options.allowAnonymousComplaints && catalogue.complaints?.operations.includes('create')
      ? `${version}${routeOf('complaints', 'create').pattern}`
      : undefined;
  const allowed = new Set(options.cors?.origins ?? []);

  const app = new Hono<GatewayEnv>();
  const mounted = options.basePath ? app.basePath(options.basePath) : app;
  const api = mounted.basePath(version);

  app.use('*', corsFor(allowed));
  if (options.log) app.use('*', log(options.log));

  // Registered before `identify`, so they answer without a token.
  healthRoutes(mounted, {
    adapter: context.adapter,
    idempotencyStore: context.idempotencyStore,
    rateLimitStore,
  });
  capabilitiesRoute(api, context);
  api.use(
    '*',
    identify({
      auth: options.auth,
      roles,
      allowsAnonymous: (method, path) =>
        anonymousPath !== undefined && method === 'POST' && path.endsWith(anonymousPath),
      ...(options.trustedProxyHeader !== undefined && {
        trustedProxyHeader: options.trustedProxyHeader,
      }),
      ...(rateLimitStore && {
        admitAddress: (key: string) =>
          admit(rateLimitStore, key, rateLimit.perAddress ?? {requests: 30, perSeconds: 60}),
      }),
    }),
  );
  if (rateLimitStore)
    api.use(
      '*',
      limit((key) => admit(rateLimitStore, key, rateLimit)),
    );
  customizationRoute(api, context);
  fieldsRoute(api, context);
  resourcesRoutes(api, context);
  reportsRoute(api, context, options.reports);

  app.notFound((c) =>
    errorResponse(
      new RapportError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );
  app.onError((error) => errorResponse(error));

  return (request, connection) => Promise.resolve(app.fetch(request, connection));
}

/** Refuses a limit the stores cannot count: whole requests in whole seconds, at least one of each. */
function checkLimit(option: string, limit: RateLimit): void {
  for (const [name, value] of Object.entries({
    requests: limit.requests,
    perSeconds: limit.perSeconds,
  }))
    if (!Number.isInteger(value) || value < 1)
      throw new Error(
        `The gateway's ${option}.${name} must be a whole number of at least 1; it is ${String(value)}`,
      );
}
