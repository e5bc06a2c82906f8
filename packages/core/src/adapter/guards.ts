// The argument rules of the adapter contract, once. Every adapter calls these at the top of each
// operation, so a bad argument gets the same typed error whichever backend is behind it.
import {entities, type Entity} from '../fields.js';
import {invalidInput} from '../errors.js';
import {limits} from '../protocol/limits.js';
import type {PageRequest} from './contract.js';

/**
 * The distinct keys of a batch read. @throws RapportError `invalid_input` (field `ids`) unless `keys`
 * is a list of 1-to-200-character strings with at most `maxBatchSize` distinct ones.
 */
export function validateKeys(keys: unknown, maxBatchSize: number): string[] {
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string'))
    throw invalidInput('ids', 'must be a list of ids');
  if (keys.some((key: string) => key === '' || key.length > limits.maxIdLength))
    throw invalidInput('ids', `each must be 1 to ${limits.maxIdLength} characters`);
  const distinct = [...new Set(keys as string[])];
  if (distinct.length > maxBatchSize) {
    throw invalidInput(
      'ids',
      `holds ${distinct.length} ids; at most ${maxBatchSize} are allowed in one batch`,
    );
  }
  return distinct;
}

/** A customer id of a list. @throws RapportError `invalid_input` (field `customerId`). */
export function validateCustomerId(customerId: unknown): string {
  if (typeof customerId !== 'string' || customerId === '' || customerId.length > limits.maxIdLength)
    throw invalidInput('customerId', `must be an id of 1 to ${limits.maxIdLength} characters`);
  return customerId;
}

/**
 * A page request with its default limit filled in. @throws RapportError `invalid_input` (field
 * `limit` or `cursor`) for a limit outside 1 to `maxPageSize` (100; `limits.maxScanPageSize` for a
 * scan) or an empty cursor.
 */
export function validatePage(
  page: PageRequest | undefined,
  maxPageSize: number = limits.maxPageSize,
): {cursor?: string; limit: number} {
  const limit = page?.limit ?? limits.defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize)
    throw invalidInput('limit', `must be a whole number from 1 to ${maxPageSize}`);
  const cursor = page?.cursor;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === ''))
    throw invalidInput('cursor', 'is not a cursor this backend gave out');
  return {...(cursor !== undefined && {cursor}), limit};
}

/** An idempotency key. @throws RapportError `invalid_input` (field `idempotencyKey`). */
export function validateIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '' || key.length > limits.maxIdempotencyKeyLength) {
    throw invalidInput(
      'idempotencyKey',
      `is required: a unique string of 1 to ${limits.maxIdempotencyKeyLength} characters per submission`,
    );
  }
  return key;
}

/** An entity `describeFields` may be asked for. @throws RapportError `invalid_input` (field `entity`). */
export function validateEntity(entity: unknown, offered: readonly Entity[] = entities): Entity {
  if (!(offered as readonly unknown[]).includes(entity))
    throw invalidInput('entity', `must be one of ${offered.join(', ')}`);
  return entity as Entity;
}
