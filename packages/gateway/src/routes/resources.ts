import type {Context, Handler, Hono} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {
  essentialsOf,
  handlerOf,
  invalidInput,
  isRapportError,
  isRecord,
  nestedBeyond,
  RapportError,
  runOnce,
  stableStringify,
  validateIdempotencyKey,
  validateKeys,
  type BatchResult,
  type Page,
  type PageRequest,
  type ResourceDefinition,
} from '@rapport/core';
import {headers, limits, resourceRoutes} from '@rapport/core/protocol';
import type {Caller} from '../auth/tokens.js';
import type {GatewayEnv} from '../middleware/identify.js';
import {errorResponse, json} from '../respond.js';
import type {RouteContext} from './context.js';

type RequestContext = Context<GatewayEnv>;
type Row = Record<string, unknown>;
type RouteMaker = (
  resource: string,
  definition: ResourceDefinition,
  context: RouteContext,
) => Handler<GatewayEnv>;

/**
 * Registers the route of every operation of every resource in the catalogue, the same way for each:
 * reads by a batch of keys, lists by customer, creates with an `Idempotency-Key`. A customer token
 * touches only records whose `owner` is its customer; the adapter checks everything else.
 */
export function resourcesRoutes(api: Hono<GatewayEnv>, context: RouteContext): void {
  // Stops reading a body as soon as it passes the limit.
  const limitBody = bodyLimit({
    maxSize: context.maxBodyBytes,
    onError: () =>
      errorResponse(
        new RapportError(
          'invalid_input',
          `The request body is larger than ${context.maxBodyBytes} bytes`,
          {fields: {body: 'too large'}, details: {reason: 'body_too_large'}},
        ),
      ),
  });
  for (const route of resourceRoutes(context.catalogue)) {
    const handler = makers[route.operation](
      route.resource,
      context.catalogue[route.resource]!,
      context,
    );
    if (route.operation === 'create') api.on(route.method, route.pattern, limitBody, handler);
    else api.on(route.method, route.pattern, handler);
  }
}

const read: RouteMaker = (resource, definition, {adapter, maxBatchSize, redact}) => {
  // Records looked up by their owner (customers by id, accounts by customer id) say whose they are
  // in the request, so a stranger's keys are refused before the backend sees them; other records
  // say it only in the answer. Either way the refusal is per key: the caller's own records come back.
  const byOwner = definition.key === definition.owner;
  return async (c) => {
    const caller = c.get('caller');
    const given = c.req.queries(definition.key) ?? [];
    if (given.length === 0)
      throw invalidInput(definition.key, `give at least one, as ?${definition.key}=...`);
    const keys = onTheWire('ids', definition.key, () => validateKeys(given, maxBatchSize));
    requireToken(caller);
    const asked = byOwner ? keys.filter((key) => owns(caller, key)) : keys;
    const handler = handlerOf(adapter, resource, 'read');
    const size = Math.max(1, adapter.capabilities.maxBatchSize);
    const parts: string[][] = [];
    for (let i = 0; i < asked.length; i += size) parts.push(asked.slice(i, i + size));
    const answered = new Map(
      (
        await Promise.all(
          parts.map(
            (part) => handler(part, {signal: c.req.raw.signal}) as Promise<BatchResult<Row>>,
          ),
        )
      )
        .flat()
        .map((entry) => [entry.id, entry]),
    );
    return json({
      results: keys.map((id) => {
        const record = answered.get(id)?.record ?? null;
        const refused = byOwner
          ? !owns(caller, id)
          : record !== null && !owns(caller, record[definition.owner]);
        if (refused) return {id, record: null, error: refusal(resource).toJSON()};
        return {id, record: record && redact(resource, record, caller.role)};
      }),
    });
  };
};

const list: RouteMaker = (resource, _definition, {adapter, redact}) => {
  return async (c) => {
    const caller = c.get('caller');
    const customerId = c.req.param('customerId')!;
    requireToken(caller);
    if (!owns(caller, customerId)) throw refusal(resource);
    const handler = handlerOf(adapter, resource, 'list');
    const page = (await handler(customerId, pageOf(c), {signal: c.req.raw.signal})) as Page<Row>;
    return json({...page, items: page.items.map((item) => redact(resource, item, caller.role))});
  };
};

const create: RouteMaker = (resource, definition, context) => {
  const {adapter, idempotencyStore, redact, inputRules, maxStoredResponseBytes} = context;
  const {owner} = definition;
  const rule = Object.hasOwn(context.writeRules, resource)
    ? context.writeRules[resource]
    : undefined;
  const kept = essentialsOf(definition);
  const check = context.inputChecks[resource]!;
  return async (c) => {
    const caller = c.get('caller');
    const key = onTheWire('idempotencyKey', 'Idempotency-Key', () =>
      validateIdempotencyKey(c.req.header(headers.idempotencyKey)),
    );
    const body = objectBody(await c.req.text());
    if (caller.kind === 'customer') {
      if (body[owner] !== undefined && body[owner] !== caller.customerId) {
        throw new RapportError(
          'forbidden',
          `A customer token may only create ${resource} for that customer`,
        );
      }
      body[owner] = caller.customerId;
    }
    if (caller.kind === 'anonymous' && body[owner] !== undefined) {
      throw new RapportError(
        'unauthorized',
        `Creating ${resource} for a customer needs that customer's token`,
        {details: {reason: 'token_missing'}},
      );
    }
    // Refused input answers before a key is claimed, so the corrected input can reuse the key. The
    // caller's rights go first, then the document's rules: their messages name the fields the person filled in.
    rule?.(body, caller);
    inputRules(resource, body, caller, languageOf(c.req.header('accept-language')));
    // The backend gets the input as its check reads it, nothing else the body carried.
    const input = check(body) as Row;
    const handler = handlerOf(adapter, resource, 'create');
    const scoped = `${caller.key}\u0000${resource}\u0000${key}`;
    let replayed = false;
    try {
      const {value} = await runOnce(
        idempotencyStore,
        scoped,
        // A digest, not the body: the store holds 64 bytes per key whatever was sent.
        await sha256(stableStringify(input)),
        // The backend sees a key scoped to the caller, so callers never replay each other's records.
        async () =>
          (await handler(input, {
            idempotencyKey: await sha256(scoped),
            signal: c.req.raw.signal,
          })) as Row,
        {
          caller: caller.key,
          onReplay: () => (replayed = true),
          // Kept as the backend answered and redacted for whoever asks, so a replay follows the
          // caller's role of the moment; past the size cap, only the record's essentials are kept.
          keep: (record) =>
            JSON.stringify(record).length <= maxStoredResponseBytes
              ? record
              : pick(record as Row, kept),
        },
      );
      return json(
        redact(resource, value, caller.role),
        201,
        replayed ? {[headers.replayed]: 'true'} : {},
      );
    } catch (error) {
      // A refusal kept under this key is replayed like a success: marked as a replay.
      if (replayed) return errorResponse(error, {headers: {[headers.replayed]: 'true'}});
      throw error;
    }
  };
};

const makers = {read, list, create} as const;

/** Refuses a caller without a token. */
function requireToken(caller: Caller): void {
  if (caller.kind === 'anonymous')
    throw new RapportError('unauthorized', 'This request needs a token', {
      details: {reason: 'token_missing'},
    });
}

/** Whether the caller may see records that `owner` owns: staff see every customer's, a customer their own. */
function owns(caller: Caller, owner: unknown): boolean {
  return caller.kind === 'agent' || (caller.kind === 'customer' && owner === caller.customerId);
}

function refusal(resource: string): RapportError {
  return new RapportError(
    'forbidden',
    `A customer token may only read that customer's own ${resource}`,
  );
}

/** The first language of an `Accept-Language` header, if it names one. */
function languageOf(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first) ? first : undefined;
}

/** The record with only the given top-level properties. */
function pick(record: Row, keys: readonly string[]): Row {
  return Object.fromEntries(
    keys.filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k]]),
  );
}

/** Runs a guard of the adapter contract, naming the failing argument as the wire names it. */
function onTheWire<T>(argument: string, wireName: string, guard: () => T): T {
  try {
    return guard();
  } catch (error) {
    const message = isRapportError(error, 'invalid_input') ? error.fields[argument] : undefined;
    throw message === undefined ? error : invalidInput(wireName, message);
  }
}

/** `cursor` and `limit` from the query. */
function pageOf(c: RequestContext): PageRequest {
  const cursor = c.req.query('cursor');
  const limitText = c.req.query('limit');
  // Its range, and that it is a whole number at all, are the adapter's guard to check.
  const limit = limitText === undefined ? undefined : Number(limitText);
  return {...(cursor !== undefined && {cursor}), ...(limit !== undefined && {limit})};
}

function objectBody(text: string): Row {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw invalidInput('body', `is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(input)) throw invalidInput('body', 'must be a JSON object');
  if (nestedBeyond(input, limits.maxJsonDepth))
    throw invalidInput(
      'body',
      `nests objects and arrays deeper than ${limits.maxJsonDepth} levels`,
    );
  return input as Row;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
