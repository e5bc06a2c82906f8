// What every check shares: the context a check gets, and the helpers that call and assert on an
// adapter the same way everywhere.
import assert from 'node:assert/strict';
import {
  handlerOf,
  isRapportError,
  randomId,
  servedOperations,
  type BatchResult,
  type Catalogue,
  type ComplaintInput,
  type CrmAdapter,
  type ErrorCode,
  type Page,
  type PageRequest,
  type ResourceOperation,
  type WriteOptions,
} from '@rapport/core';

/** A record as the generic checks see it. */
export type Item = Readonly<Record<string, unknown>>;

/** What a check gets: a fresh adapter and the facts about the backend the kit cannot guess. */
export interface ConformanceContext {
  readonly adapter: CrmAdapter<Catalogue>;
  readonly catalogue: Catalogue;
  /** Ids of at least two existing customers, checked before any check runs. */
  readonly knownCustomerIds: readonly string[];
  /** An id no customer (and no record) has. */
  readonly unknownCustomerId: string;
  /** A valid complaint for the first known customer. */
  readonly complaint: ComplaintInput;
  /**
   * A valid create input of `resource` for `customerId`, different for each `n`: the options', or
   * one the kit builds (looking up what it needs in the backend); undefined when it has none.
   */
  input(resource: string, customerId: string, n: number): Promise<unknown>;
  /** Whether the options give, or the kit can build, inputs of `resource`. */
  canCreate(resource: string): boolean;
  /** Keys the options name for a read resource whose key is not the customer. */
  readonly knownKeys: Readonly<Record<string, readonly string[] | undefined>>;
}

/** One check, planned for an adapter. `run` throws (an assertion error) when the adapter breaks it. */
export interface PlannedCheck {
  readonly id: string;
  /** What the report groups it under: `capabilities`, `customers.read`, `describeFields`, `store`. */
  readonly group: string;
  readonly title: string;
  run(context: ConformanceContext): Promise<void>;
}

/** Asserts that `promise` rejects with a RapportError of `code` and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, what: string) {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (code !== 'unsupported') passUnsupported(error);
  assert.ok(
    error !== undefined,
    `${what}: expected a RapportError with code "${code}", but the call succeeded`,
  );
  assert.ok(
    isRapportError(error),
    `${what}: expected a RapportError with code "${code}", got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  assert.equal(
    error.code,
    code,
    `${what}: error.code must be "${code}", got "${error.code}" (${error.message})`,
  );
  return error;
}

export async function rejectsAborted(promise: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(
    promise,
    (e: unknown) => {
      passUnsupported(e);
      return e instanceof Error && e.name === 'AbortError';
    },
    `${what}: must reject with the signal's reason (error.name "AbortError")`,
  );
}

/**
 * Lets an `unsupported` error through an assertion about another error: the resource is not served
 * (an HTTP adapter learns it from the gateway at run time), which makes the check unsupported, not
 * failed.
 */
export function passUnsupported(error: unknown): void {
  if (isRapportError(error, 'unsupported')) throw error;
}

/** Whether a check's error says it could not run here (see {@link CheckSkipped}, {@link passUnsupported}). */
export function skipReason(error: unknown): string | undefined {
  if (error instanceof CheckSkipped) return error.message;
  if (isRapportError(error, 'unsupported')) return `unsupported: ${error.message}`;
  return undefined;
}

export const aborted = (): AbortSignal => AbortSignal.abort();
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Thrown by a check that cannot be arranged with this backend's data (no reward a customer can
 * afford once but not twice): the check is reported as skipped, with the message as its reason.
 */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

/** The configuration, not the adapter, is at fault: the message says so. */
export function configurationError(message: string, cause?: unknown): Error {
  return new Error(`Conformance configuration: ${message}`, cause === undefined ? {} : {cause});
}

export const readOf = (c: ConformanceContext, resource: string) => {
  const read = handlerOf(c.adapter, resource, 'read');
  return (keys: readonly string[], signal?: AbortSignal) =>
    read(keys, signal && {signal}) as Promise<BatchResult<Item>>;
};
export const listOf = (c: ConformanceContext, resource: string) => {
  const list = handlerOf(c.adapter, resource, 'list');
  return (customerId: string, page?: PageRequest, signal?: AbortSignal) =>
    list(customerId, page, signal && {signal}) as Promise<Page<Item>>;
};
export const createOf = (c: ConformanceContext, resource: string) => {
  const create = handlerOf(c.adapter, resource, 'create');
  return (input: unknown, options: WriteOptions) => create(input, options) as Promise<Item>;
};
export const serves = (
  c: ConformanceContext,
  resource: string,
  operation: ResourceOperation,
): boolean => servedOperations(c.adapter, c.catalogue)[resource]?.includes(operation) ?? false;

/** A valid input of `resource`, or a clear error that the options must give one. */
export async function inputOf(
  c: ConformanceContext,
  resource: string,
  customerId: string,
  n: number,
): Promise<unknown> {
  const input = await c.input(resource, customerId, n);
  if (input === undefined)
    throw configurationError(
      `the kit has no valid input for creating ${resource}; give inputs.${resource} in the options`,
    );
  return input;
}

/**
 * The resource whose creates add to `resource`'s lists: itself when it is creatable, else one whose
 * catalogue entry `affects` it (a complaint is an interaction).
 */
export function seederOf(c: ConformanceContext, resource: string): string | undefined {
  const candidates = [
    resource,
    ...Object.keys(c.catalogue).filter((name) => c.catalogue[name]!.affects?.includes(resource)),
  ];
  return candidates.find((name) => serves(c, name, 'create') && c.canCreate(name));
}

/**
 * Makes sure the first known customer has at least `count` items in `resource`'s list, creating
 * what is missing when the adapter can; returns the list's first page of 100 items.
 */
export async function seeded(
  c: ConformanceContext,
  resource: string,
  count: number,
): Promise<Page<Item>> {
  const list = listOf(c, resource);
  const customerId = c.knownCustomerIds[0]!;
  let page = await list(customerId, {limit: 100});
  const seeder = seederOf(c, resource);
  if (page.items.length >= count || seeder === undefined) return page;
  const create = createOf(c, seeder);
  for (let n = 1; n <= count; n++) {
    // Apart in time, so the new items differ in the date lists are ordered by.
    if (n > 1) await pause(5);
    await create(await inputOf(c, seeder, customerId, n), {idempotencyKey: randomId()});
  }
  page = await list(customerId, {limit: 100});
  return page;
}

export function lacksData(c: ConformanceContext, resource: string, needed: string): Error {
  const seeder = seederOf(c, resource);
  return new Error(
    `${resource}.list: ${needed}, and ${
      seeder
        ? `it has too few even with what the kit created through ${seeder}.create (a created record must appear in its owner's ${resource} list)`
        : `the kit cannot create any (the adapter serves no create that adds to ${resource}); name customers in knownCustomerIds that have some, or skip this check with a reason`
    }`,
  );
}

export function checkPage(page: Page<Item>, what: string): void {
  assert.ok(Array.isArray(page?.items), `${what}: page.items must be a list`);
  assert.ok(
    page.nextCursor === null || (typeof page.nextCursor === 'string' && page.nextCursor !== ''),
    `${what}: page.nextCursor must be a non-empty string or null, got ${show(page.nextCursor)}`,
  );
  if (page.total !== undefined) {
    assert.ok(
      Number.isInteger(page.total) && page.total >= page.items.length,
      `${what}: page.total must be a whole number no smaller than items.length (${page.items.length}), got ${show(page.total)}`,
    );
  }
}
