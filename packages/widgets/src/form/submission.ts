import type {ReactiveControllerHost} from 'lit';
import {randomId, stableStringify} from '@rapport/core';

/** Where a submission stands: being edited, on its way, refused or lost, or stored. */
export type SubmissionPhase = 'editing' | 'submitting' | 'failed' | 'succeeded';

/**
 * Sends a form's input once. The idempotency key is made for the input the person sends and reused
 * by every retry of the same input (same fingerprint, whatever the order of its keys), so the
 * backend stores it once even when an answer was lost; a changed input is a new submission with a
 * new key. One submission at a time. Not a lifecycle controller: it only asks its host to re-render
 * when the phase changes.
 */
export class Submission<Result> {
  /** Where the submission stands. */
  phase: SubmissionPhase = 'editing';
  /** What the backend answered, once `succeeded`. */
  result: Result | undefined;
  /** Why the last attempt failed, while `failed`. */
  error: unknown;

  private pending: {readonly key: string; readonly fingerprint: string} | undefined;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** The idempotency key for `input`: the one already made for the same input, else a new one. */
  keyFor(input: unknown): string {
    const fingerprint = stableStringify(input);
    if (this.pending?.fingerprint !== fingerprint) this.pending = {key: randomId(), fingerprint};
    return this.pending.key;
  }

  /**
   * Sends `input` through `send` with its idempotency key, unless a submission is on its way.
   * Resolves `true` once stored (the key is then spent), `false` when it failed or did not start.
   */
  async submit(
    input: unknown,
    send: (idempotencyKey: string) => Promise<Result>,
  ): Promise<boolean> {
    if (this.phase === 'submitting') return false;
    const key = this.keyFor(input);
    this.set('submitting');
    try {
      this.result = await send(key);
      this.pending = undefined;
      this.set('succeeded');
      return true;
    } catch (error) {
      this.error = error;
      this.set('failed');
      return false;
    }
  }

  /** The person changed a value after a failure: back to editing (the key stays for the same input). */
  edited(): void {
    if (this.phase === 'failed') this.set('editing');
  }

  /** Starts afresh, as for another submission after a success. */
  reset(): void {
    this.result = undefined;
    this.error = undefined;
    this.pending = undefined;
    this.set('editing');
  }

  private set(phase: SubmissionPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
