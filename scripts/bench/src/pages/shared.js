// Helpers for the benchmark pages.
import {memoryAdapter} from '@rapport/adapter-memory';

export const asOf = new Date('2026-11-01T00:00:00Z');

/** The demo backend with enough customers for a page of 1,000 distinct cards. */
export function backend(size = 1000) {
  return memoryAdapter({asOf, size});
}

/** Resolves after the browser has had a chance to run other tasks. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until `done()` holds, checking between tasks. */
export async function until(done) {
  while (!done()) await tick();
}

/** Forces style and layout, so the measured time includes them. */
function layout(element) {
  return element.getBoundingClientRect().height + document.body.offsetHeight;
}

/**
 * Times `mount()` (which puts n cards on the page and resolves to their container once they show what
 * they should) up to layout done, and the JS heap it keeps per card.
 */
export async function measureMount(n, mount) {
  const before = heap();
  const started = performance.now();
  layout(await mount());
  const ms = performance.now() - started;
  return {
    ms,
    bytesPerCard: (heap() - before) / n,
    nodes: document.getElementsByTagName('*').length,
  };
}

/** JS heap in use after a full garbage collection (needs --js-flags=--expose-gc --enable-precise-memory-info). */
export function heap() {
  globalThis.gc?.();
  return performance.memory?.usedJSHeapSize ?? 0;
}
