import type {Complaint, ComplaintInput, RapportClient} from '@rapport/core';

/**
 * Files `count` complaints through `client`, `concurrency` at a time (default 20), as many visitors
 * would, and answers what each came back as, in submission order. The exactly-once tests of a vendor
 * adapter run it through a real gateway over the vendor's fake with faults injected, then count what
 * the fake stored.
 */
export async function submitAll(
  client: RapportClient,
  count: number,
  input: (n: number) => ComplaintInput,
  options: {readonly concurrency?: number} = {},
): Promise<Complaint[]> {
  const results: Complaint[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      results[n] = await client.create('complaints', input(n));
    }
  };
  await Promise.all(Array.from({length: options.concurrency ?? 20}, worker));
  return results;
}

/** A small seeded generator for fault injection, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
