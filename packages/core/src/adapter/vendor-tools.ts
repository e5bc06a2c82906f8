// Small tools every server-side vendor adapter needs, once, so adapters stay thin.
import {RapportError} from '../errors.js';
import {stableStringify} from '../text.js';

/**
 * A misconfigured adapter's start-up error: `invalid_input` that names the adapter and the option, with
 * the fix in `message` (`hubspotAdapter: option pipeline: HubSpot has no ticket pipeline "7"; …`).
 */
export function optionError(
  adapter: string,
  option: string,
  message: string,
  cause?: unknown,
): RapportError {
  return new RapportError('invalid_input', `${adapter}: option ${option}: ${message}`, {
    fields: {[option]: message},
    details: {option},
    ...(cause !== undefined && {cause}),
  });
}

/**
 * A SHA-256 of an input in a stable form (keys sorted), as hex: what a vendor record can keep to tell
 * a retry of a submission (same digest) from another submission reusing its key.
 */
export async function inputFingerprint(input: unknown): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(stableStringify(input)),
  );
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Runs `work` on each item with at most `limit` in flight; the results in input order. */
export async function pooled<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
  return results;
}
