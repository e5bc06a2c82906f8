// Pages of a list, newest first, with a keyset cursor: the cursor is the last item's date and id, so a
// record created (or removed) between two pages neither repeats an item nor skips one.
import {invalidInput, type Page} from '@rapport/core';

/** Where a page ended: the last item's date (epoch ms) and id. */
interface Position {
  readonly at: number;
  readonly id: string;
}

/** Newest first by a date, then by id (descending), so the order is total. */
function compare(a: Position, b: Position): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The cursor after `position`, opaque to callers (base64url of its JSON). */
function encode(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

function decode(cursor: string): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'number' &&
      Number.isFinite(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      encode({at: parsed[0], id: parsed[1]}) === cursor
    )
      return {at: parsed[0], id: parsed[1]};
  } catch {
    // Not base64url JSON: refused below.
  }
  throw invalidInput('cursor', 'is not a cursor this backend gave out');
}

/**
 * One page of `all`, newest first by `at`: the `limit` items after `cursor` (from the start without
 * one). Throws `invalid_input` (`cursor`) for a cursor this function did not make.
 */
export function pageOf<T extends {readonly id: string}>(
  all: readonly T[],
  at: (item: T) => string,
  cursor: string | undefined,
  limit: number,
): Page<T> {
  const after = cursor === undefined ? undefined : decode(cursor);
  const positioned = all
    .map((item) => ({item, position: {at: Date.parse(at(item)) || 0, id: item.id}}))
    .sort((a, b) => compare(a.position, b.position));
  const rest = after ? positioned.filter((p) => compare(p.position, after) > 0) : positioned;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => p.item),
    nextCursor: rest.length > limit && last ? encode(last.position) : null,
    total: all.length,
  };
}
