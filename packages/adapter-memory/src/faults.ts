import {RapportError} from '@rapport/core';
import {seededRandom, type Random} from './demo-data/random.js';

/** The transient failures the memory backend can simulate. */
export const faultKinds = ['unavailable', 'timeout', 'rate_limited'] as const;
/** One of {@link faultKinds}. */
export type FaultKind = (typeof faultKinds)[number];

/**
 * Simulated failures, for demos and tests. Each call fails with probability `rate`, with one of
 * `kinds`, either before the backend does anything or after it has done its work (a lost answer:
 * the case that makes idempotency keys necessary).
 */
export interface FaultOptions {
  /** Share of calls that fail, from 0 to 1. */
  readonly rate: number;
  /** Which failures; default all of {@link faultKinds}. */
  readonly kinds?: readonly FaultKind[];
  /** `retryAfterMs` of simulated `rate_limited` errors. Default 200. */
  readonly retryAfterMs?: number;
  /** Seed of the fault sequence, for reproducible runs. Default 1. */
  readonly seed?: number;
}

/** Decides, call by call, whether and how a call fails. */
export class FaultInjector {
  private readonly random: Random;

  constructor(readonly options: FaultOptions) {
    if (!(options.rate >= 0 && options.rate <= 1)) {
      throw new RapportError('invalid_input', 'faults.rate must be between 0 and 1', {
        fields: {'faults.rate': 'must be between 0 and 1'},
      });
    }
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The fault of the next call, with whether it strikes after the work; or `null`. */
  next(operation: string): {error: RapportError; after: boolean} | null {
    if (!this.random.chance(this.options.rate)) return null;
    const kind = this.random.pick(this.options.kinds ?? faultKinds);
    const after = this.random.chance(0.5);
    const message = `Simulated ${kind.replace('_', ' ')} fault in ${operation}${after ? ' (after the work was done)' : ''}`;
    return {
      error: new RapportError(
        kind,
        message,
        kind === 'rate_limited' ? {retryAfterMs: this.options.retryAfterMs ?? 200} : {},
      ),
      after,
    };
  }
}
