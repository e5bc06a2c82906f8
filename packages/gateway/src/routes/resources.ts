import type {Context, Handler, Hono} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {
  handlerOf,
  invalidInput,
  isRapportError,
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
import {headers, resourceRoutes} from '@rapport/core/protocol';
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
  // say it only in the answer.
  const byOwner = definition.key === definition.owner;
  return async (c) => {
    const caller = c.get('caller');
    const given = c.req.queries(definition.key) ?? [];
    if (given.length === 0)
      throw invalidInput(definition.key, `give at least one, as ?${definition.key}=...`);
    const keys = onTheWire('ids', definition.key, () => validateKeys(given, maxBatchSize));
    authorize(caller, byOwner ? keys : []);
    const handler = handlerOf(adapter, resource, 'read');
    const size = Math.max(1, adapter.capabilities.maxBatchSize);
    const parts: string[][] = [];
    for (let i = 0; i < keys.length; i += size) parts.push(keys.slice(i, i + size));
    const results = (
      await Promise.all(
        parts.map((part) => handler(part, {signal: c.req.raw.signal}) as Promise<BatchResult<Row>>),
      )
    ).flat();
    if (!byOwner)
      authorize(
        caller,
        results.flatMap((entry) => (entry.record ? [entry.record[definition.owner]] : [])),
      );
    return json({
      results: results.map((entry) => ({
        id: entry.id,
        record: entry.record && redact(resource, entry.record, caller.role),
      })),
    });
  };
};

const list: RouteMaker = (resource, _definition, {adapter, redact}) => {
  return async (c) => {
    const caller = c.get('caller');
    const customerId = c.req.param('customerId')!;
    authorize(caller, [customerId]);
    const handler = handlerOf(adapter, resource, 'list');
    const page = (await handler(customerId, pageOf(c), {signal: c.req.raw.signal})) as Page<Row>;
    return json({...page, items: page.items.map((item) => redact(resource, item, caller.role))});
  };
};

const create: RouteMaker = (resource, definition, {adapter, idempotencyStore, redact}) => {
  const {owner} = definition;
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
    // Refused input answers before a key is claimed, so the corrected input can reuse the key.
    definition.validateInput?.(body);
    const handler = handlerOf(adapter, resource, 'create');
    const scoped = `${caller.key}\u0000${resource}\u0000${key}`;
    const fingerprint = stableStringify(body);
    let replayed = false;
    try {
      const {value} = await runOnce(
        idempotencyStore,
        scoped,
        fingerprint,
        async () =>
          redact(
            resource,
            // The backend sees a key scoped to the caller, so callers never replay each other's records.
            await handler(body, {idempotencyKey: await sha256(scoped), signal: c.req.raw.signal}),
            caller.role,
          ),
        () => (replayed = true),
      );
      return json(value, 201, replayed ? {[headers.replayed]: 'true'} : {});
    } catch (error) {
      // A refusal kept under this key is replayed like a success: marked as a replay.
      if (replayed) return errorResponse(error, {headers: {[headers.replayed]: 'true'}});
      throw error;
    }
  };
};

const makers = {read, list, create} as const;

/** Refuses an anonymous caller, and a customer asking for records another customer owns. */
function authorize(caller: Caller, owners: readonly unknown[]): void {
  if (caller.kind === 'anonymous')
    throw new RapportError('unauthorized', 'This request needs a token', {
      details: {reason: 'token_missing'},
    });
  if (caller.kind === 'customer' && owners.some((id) => id !== caller.customerId)) {
    throw new RapportError(
      'forbidden',
      "A customer token may only read that customer's own records",
    );
  }
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
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw invalidInput('body', 'must be a JSON object');
  return input as Row;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
