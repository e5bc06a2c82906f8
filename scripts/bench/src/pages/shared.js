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

/** Resolves once the next frame has been painted: after its animation frame, in the task that follows. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Times `mount()` (which puts n cards on the page and resolves to their container once they show what
 * they should) up to the frame that shows them painted, and the JS heap it keeps per card. Every page
 * is timed to the same point, its pixels on screen: a page that loads its data after insertion (as
 * Rapport's cards do, through the client) may paint more than once on the way, and those paints are in
 * its time; a page built in one task pays its one paint too.
 */
export async function measureMount(n, mount) {
  const before = heap();
  const started = performance.now();
  layout(await mount());
  await painted();
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
