import {Hono, type Context} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import {
  entities,
  invalidInput,
  RapportError,
  stableStringify,
  type BatchResult,
  type CrmAdapter,
  type Entity,
} from '@rapport/core';
import {
  defaultCustomization,
  validateCustomization,
  type CustomizationDocument,
} from '@rapport/schema';
import {createTokenVerifier, type AuthOptions, type Caller} from './auth/tokens.js';
import {memoryIdempotencyStore, type IdempotencyStore} from './idempotency.js';
import {errorBody, errorResponse, json, statusOf} from './protocol.js';
import {tokenBuckets, type RateLimitOptions} from './rate-limit.js';
import {createRedactor, documentForRole, maskFor} from './redact.js';

/** One request, as the gateway logs it: no ids, no tokens, no personal data. */
export interface LogEntry {
  readonly method: string;
  /** The route's pattern, such as `/v1/customers/:id/complaints`, never the concrete path. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly caller: Caller['kind'] | 'none';
  /** The error code, when the request failed. */
  readonly code?: string;
}

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** The backend: the memory adapter, a vendor adapter, your own. */
  readonly adapter: CrmAdapter;
  /** What each role may see and how; default the built-in document. Checked at start-up. */
  readonly customization?: CustomizationDocument;
  /** How tokens are verified. */
  readonly auth: AuthOptions;
  /** Where idempotency keys are kept. Default in memory (one server). */
  readonly idempotencyStore?: IdempotencyStore;
  /** Requests per caller: a token bucket, or `false` for none. Default 120 at once, 20 a second. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Browser origins allowed to call the gateway (CORS). Default none (same origin only). */
  readonly cors?: {readonly origins: readonly string[]};
  /** Path the gateway is mounted at, such as `/rapport`. Default none. */
  readonly basePath?: string;
  /** Largest request body in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number;
  /** Most ids in one batch read; larger batches are refused, smaller ones split for the backend. Default 100. */
  readonly maxBatchSize?: number;
  /** Accept complaints without a token from anonymous visitors (name and e-mail, no customer id). */
  readonly allowAnonymousComplaints?: boolean;
  /** Called once per request with what is safe to log. */
  readonly log?: (entry: LogEntry) => void;
}

/** A web-standard request handler: runs in Node (see `@rapport/gateway/node`) and any fetch-based runtime. */
export type Gateway = (request: Request) => Promise<Response>;

type Env = {Variables: {caller: Caller}};

/**
 * Creates the gateway: the server side of Rapport's widgets. It verifies the caller's token, lets a
 * customer read only their own records, calls the adapter, masks and removes fields by role before
 * anything leaves, replays idempotent submissions, limits request rates, and speaks the versioned JSON
 * protocol of docs/gateway.md.
 *
 * @throws Error at creation when the customization document is not valid.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const customization = options.customization ?? defaultCustomization;
  const checked = validateCustomization(customization);
  if (!checked.valid) {
    throw new Error(
      `The gateway's customization document is not valid: ${checked.problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ')}`,
    );
  }
  const {adapter} = options;
  const verify = createTokenVerifier(options.auth);
  const redact = createRedactor(customization);
  const store = options.idempotencyStore ?? memoryIdempotencyStore();
  const limit =
    options.rateLimit === false
      ? undefined
      : tokenBuckets(options.rateLimit ?? {capacity: 120, refillPerSecond: 20});
  const maxBody = options.maxBodyBytes ?? 65_536;
  const maxBatch = options.maxBatchSize ?? 100;
  const allowed = new Set(options.cors?.origins ?? []);

  const app = new Hono<Env>();
  const api = (options.basePath ? app.basePath(options.basePath) : app).basePath('/v1');

  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  // Log after the response is made, with the route's pattern only.
  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    if (!options.log) return;
    let code: string | undefined;
    if (c.res.status >= 400)
      code = await c.res
        .clone()
        .json()
        .then(
          (b: {error?: {code?: string}}) => b.error?.code,
          () => undefined,
        );
    options.log({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Date.now() - started,
      caller: c.get('caller')?.kind ?? 'none',
      ...(code !== undefined && {code}),
    });
  });

  // Who is calling, then whether they may call this often.
  api.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path.endsWith('/v1/capabilities')) return next();
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    let caller: Caller;
    if (token) caller = await verify(token);
    else if (
      options.allowAnonymousComplaints &&
      c.req.method === 'POST' &&
      c.req.path.endsWith('/v1/complaints')
    ) {
      caller = {kind: 'anonymous', role: options.auth.customerRole ?? 'customer', key: 'anonymous'};
    } else {
      throw new RapportError(
        'unauthorized',
        header
          ? 'The Authorization header must be "Bearer <token>"'
          : 'This request needs a token: Authorization: Bearer <token>',
        {
          details: {reason: header ? 'token_malformed' : 'token_missing'},
        },
      );
    }
    c.set('caller', caller);
    const verdict = limit?.(caller.key);
    if (verdict && !verdict.allowed) {
      throw new RapportError('rate_limited', 'Too many requests; try again shortly', {
        retryAfterMs: verdict.retryAfterMs,
      });
    }
    return next();
  });

  const caller = (c: Context<Env>): Caller => c.get('caller');
  const ownOnly = (c: Context<Env>, customerIds: readonly string[]): void => {
    const who = caller(c);
    if (who.kind === 'anonymous')
      throw new RapportError('unauthorized', 'This request needs a token', {
        details: {reason: 'token_missing'},
      });
    if (who.kind === 'customer' && customerIds.some((id) => id !== who.customerId)) {
      throw new RapportError(
        'forbidden',
        "A customer token may only read that customer's own records",
      );
    }
  };
  const ids = (c: Context<Env>, name: string): string[] => {
    const list = c.req.queries(name) ?? [];
    if (list.length === 0) throw invalidInput(name, `give at least one, as ?${name}=...`);
    if (list.length > maxBatch) throw invalidInput(name, `at most ${maxBatch} in one request`);
    if (list.some((id) => id === '' || id.length > 200))
      throw invalidInput(name, 'each must be 1 to 200 characters');
    return [...new Set(list)];
  };
  const page = (c: Context<Env>) => {
    const cursor = c.req.query('cursor');
    const limitText = c.req.query('limit');
    const limitValue = limitText === undefined ? undefined : Number(limitText);
    if (limitValue !== undefined && !Number.isInteger(limitValue))
      throw invalidInput('limit', 'must be a whole number');
    return {
      ...(cursor !== undefined && {cursor}),
      ...(limitValue !== undefined && {limit: limitValue}),
    };
  };
  /** One batch read, split at the backend's batch size. */
  const batch = async <T>(
    list: string[],
    read: (part: string[]) => Promise<BatchResult<T>>,
  ): Promise<BatchResult<T>> => {
    const size = Math.max(1, adapter.capabilities.maxBatchSize);
    const parts: string[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return (await Promise.all(parts.map(read))).flat();
  };
  const signal = (c: Context<Env>): AbortSignal => c.req.raw.signal;

  api.get('/capabilities', () =>
    json({
      protocol: 1,
      maxBatchSize: maxBatch,
      operations: adapter.capabilities.operations,
      entities: adapter.capabilities.entities,
      customFieldsWritable: adapter.capabilities.customFieldsWritable,
    }),
  );

  api.get('/customers', async (c) => {
    const list = ids(c, 'id');
    ownOnly(c, list);
    const results = await batch(list, (part) => adapter.getCustomers(part, {signal: signal(c)}));
    const role = caller(c).role;
    return json({
      results: results.map((e) => ({
        id: e.id,
        record: e.record && redact('customer', e.record, role),
      })),
    });
  });

  api.get('/loyalty-accounts', async (c) => {
    const list = ids(c, 'customerId');
    ownOnly(c, list);
    const results = await batch(list, (part) =>
      adapter.getLoyaltyAccounts(part, {signal: signal(c)}),
    );
    const role = caller(c).role;
    return json({
      results: results.map((e) => ({
        id: e.id,
        record: e.record && redact('loyalty', e.record, role),
      })),
    });
  });

  api.get('/customers/:id/complaints', async (c) => {
    const id = c.req.param('id');
    ownOnly(c, [id]);
    const result = await adapter.listComplaints(id, page(c), {signal: signal(c)});
    const role = caller(c).role;
    return json({...result, items: result.items.map((item) => redact('complaint', item, role))});
  });

  api.get('/customers/:id/interactions', async (c) => {
    const id = c.req.param('id');
    ownOnly(c, [id]);
    return json(await adapter.listInteractions(id, page(c), {signal: signal(c)}));
  });

  api.get('/customization', (c) => {
    const who = caller(c);
    return json({role: who.role, document: documentForRole(customization, who.role)});
  });

  api.get('/fields/:entity', async (c) => {
    const entity = c.req.param('entity') as Entity;
    if (!entities.includes(entity))
      throw invalidInput('entity', `must be one of ${entities.join(', ')}`);
    const role = caller(c).role;
    const hidden = new Set(
      Object.values(customization.fields)
        .filter((f) => f.entity === entity && maskFor(f, role) === 'hidden')
        .map((f) => f.source),
    );
    const catalog = await adapter.describeFields(entity, {signal: signal(c)});
    return json({...catalog, fields: catalog.fields.filter((f) => !hidden.has(f.path))});
  });

  // Stops reading a body as soon as it passes the limit.
  const limitBody = bodyLimit({
    maxSize: maxBody,
    onError: () =>
      errorResponse(
        new RapportError('invalid_input', `The request body is larger than ${maxBody} bytes`, {
          fields: {body: 'too large'},
        }),
        413,
      ),
  });

  api.post('/complaints', limitBody, async (c) => {
    const who = caller(c);
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 200)
      throw invalidInput(
        'Idempotency-Key',
        'this header is required: a unique string of at most 200 characters per submission',
      );
    const input = parseBody(await c.req.text());
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      throw invalidInput('body', 'must be a JSON object');
    const body = input as Record<string, unknown>;
    if (who.kind === 'customer') {
      if (body.customerId !== undefined && body.customerId !== who.customerId) {
        throw new RapportError(
          'forbidden',
          'A customer token may only submit complaints for that customer',
        );
      }
      body.customerId = who.customerId;
    }
    if (who.kind === 'anonymous' && body.customerId !== undefined) {
      throw new RapportError(
        'unauthorized',
        "A complaint for a customer needs that customer's token",
        {details: {reason: 'token_missing'}},
      );
    }

    const scoped = `${who.key}\u0000${key}`;
    const fingerprint = stableStringify(body);
    const seen = await store.claim(scoped, fingerprint);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return errorResponse(
          new RapportError(
            'conflict',
            'This Idempotency-Key was already used with a different request body',
          ),
          422,
        );
      }
      if (seen.state === 'in_flight') {
        return errorResponse(
          new RapportError(
            'unavailable',
            'A request with this Idempotency-Key is still being processed',
            {retryAfterMs: 500},
          ),
          409,
        );
      }
      return json(seen.response.body, seen.response.status, {'idempotent-replayed': 'true'});
    }
    try {
      // The backend sees a key scoped to the caller, so callers can never replay each other's complaints.
      const complaint = await adapter.submitComplaint(body as never, {
        idempotencyKey: await sha256(scoped),
        signal: signal(c),
      });
      const response = {
        status: 201,
        body: JSON.stringify(redact('complaint', complaint, who.role)),
      };
      await store.complete(scoped, response);
      return json(response.body, response.status);
    } catch (error) {
      const status = error instanceof RapportError ? statusOf[error.code] : 500;
      if (error instanceof RapportError && status < 500 && status !== 429)
        await store.complete(scoped, {status, body: errorBody(error)});
      else await store.release(scoped);
      throw error;
    }
  });

  app.notFound((c) =>
    errorResponse(
      new RapportError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );
  app.onError((error) => errorResponse(error));

  return (request) => Promise.resolve(app.fetch(request));
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidInput('body', `is not valid JSON (${(error as Error).message})`);
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
