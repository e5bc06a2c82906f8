import {Task, TaskStatus} from '@lit/task';
import type {ReactiveController, ReactiveControllerHost, TemplateResult} from 'lit';
import {
  isRapportError,
  type Page,
  type RapportCatalogue,
  type RapportClient,
  type RecordOf,
  type ResourcesWith,
} from '@rapport/core';
import type {CustomizationState} from './customization.js';
import {RapportErrorEvent} from './events.js';
import {
  customizationState,
  loadErrorState,
  loadingState,
  messageState,
  noClientState,
  warnOnce,
} from './states.js';
import type {Strings} from './strings.js';

/** Resources a record can be read from by key. */
export type ReadableResource = ResourcesWith<RapportCatalogue, 'read'>;

/**
 * Where a record load stands: `idle` (nothing to load yet: no client or no key), `loading`,
 * `complete`, or why it failed: `not-found`, `forbidden`, `unavailable` (the backend does not offer
 * this resource) or `error` (anything else, worth a retry).
 */
export type RecordStatus =
  'idle' | 'loading' | 'complete' | 'not-found' | 'forbidden' | 'unavailable' | 'error';

/** What {@link RecordController.render} needs from the widget for the states it draws. */
export interface RecordView {
  readonly strings: Strings;
  /** The widget's customization: a document that is not valid is said before anything loads. */
  readonly customization: CustomizationState;
  /** How many placeholder lines a slow load shows. */
  readonly lines: number;
  /**
   * Whether the widget stopped waiting for a client (see `RapportWidget.clientMissing`): without a
   * client it draws loading until then, the neutral no-client state after.
   */
  readonly clientMissing: boolean;
}

/** How long a load may take before placeholder lines appear: fast answers do not flicker. */
const SLOW_MS = 150;

// Loads under way, watched by one timer for the whole page rather than one per widget: a list of a
// thousand cards starts a thousand loads in the same task.
const watched = new Map<{becameSlow(): void}, number>();
let timer: ReturnType<typeof setTimeout> | undefined;

function watch(load: {becameSlow(): void}): void {
  watched.set(load, performance.now());
  timer ??= setTimeout(checkSlow, SLOW_MS);
}

function checkSlow(): void {
  timer = undefined;
  const now = performance.now();
  let next = SLOW_MS;
  for (const [load, since] of watched) {
    const left = SLOW_MS - (now - since);
    if (left <= 1) {
      watched.delete(load);
      load.becameSlow();
    } else next = Math.min(next, left);
  }
  if (watched.size > 0) timer = setTimeout(checkSlow, next);
}

/**
 * Loads data for a widget and draws every state before it: a customization that is not valid, no
 * client, no key, loading (placeholders once slow), not found, forbidden, not offered by the backend,
 * and other failures with a Retry button. A failure also fires `rapport-error` on the host and writes
 * its detail to the console once; the page itself shows only short neutral text.
 *
 * The load runs again when the client or the key changes, and on {@link reload}. See
 * {@link RecordController} (one record by key) and {@link ListController} (a customer's list).
 */
export class LoadController<T> implements ReactiveController {
  /** Whether the load under way has taken long enough to show placeholder lines. */
  private slow = false;
  // Each value with the client and key it was loaded with, so a reload of the same shows it meanwhile.
  private readonly task: Task<
    readonly [RapportClient | undefined, string | undefined],
    {readonly value: T; readonly client: RapportClient; readonly key: string} | undefined
  >;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** What is loaded, for messages (`loyaltyAccounts`). */
    readonly resource: string,
    /** The client and the key to load with, from the host's current state. */
    private readonly args: () => readonly [RapportClient | undefined, string | undefined],
    load: (client: RapportClient, key: string, signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      task: async ([client, key], {signal}) => {
        if (!client || !key) return undefined;
        this.slow = false;
        watch(this);
        return {value: await load(client, key, signal), client, key};
      },
      args,
      onComplete: () => this.settled(),
      onError: (error) => {
        this.settled();
        reportLoadError(host, resource, error);
      },
    });
  }

  hostConnected(): void {
    if (this.task.status === TaskStatus.PENDING && !this.slow) watch(this);
  }

  hostDisconnected(): void {
    watched.delete(this);
  }

  /** Called by the page's timer: the load has been slow, show placeholders. */
  becameSlow(): void {
    this.slow = true;
    this.host.requestUpdate();
  }

  private settled(): void {
    watched.delete(this);
    this.slow = false;
  }

  /** Where the load stands. */
  get status(): RecordStatus {
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return this.task.value === undefined ? 'idle' : 'complete';
      case TaskStatus.ERROR:
        return statusOf(this.task.error);
      default:
        return 'idle';
    }
  }

  /**
   * Whether the backend does not offer the resource, as its last answer said (also while it loads
   * again, so a widget with nothing to show does not take room for every reload).
   */
  get unsupported(): boolean {
    // The task keeps its last error while it runs again.
    return isRapportError(this.task.error, 'unsupported');
  }

  /** The data, once loaded (also while it loads again). */
  get value(): T | undefined {
    return this.task.value?.value;
  }

  /**
   * The data to show: once loaded, and while the same client and key load again because the data
   * changed, so a list does not blank out (and lose the focus within it) after a write. `undefined`
   * while loading anything else, and after a failure.
   */
  get shown(): T | undefined {
    const status = this.status;
    const loaded = this.task.value;
    if (status === 'complete') return loaded?.value;
    if (status !== 'loading' || loaded === undefined) return undefined;
    const [client, key] = this.args();
    return loaded.client === client && loaded.key === key ? loaded.value : undefined;
  }

  /** The failure, when the load failed. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** Loads again (Retry, or data changed). */
  reload(): void {
    void this.task.run();
  }

  /** The data drawn by `complete`, or the state that stands in for it. */
  render(view: RecordView, complete: (value: T) => TemplateResult): TemplateResult {
    const s = view.strings;
    if (!view.customization.ok) return customizationState(s);
    const [client, key] = this.args();
    if (!client) {
      if (view.clientMissing) return noClientState(s);
      // Waiting for a client looks like a load: placeholders only once it has taken a while.
      if (!this.slow && !watched.has(this)) watch(this);
      return loadingState(s, view.lines, this.slow);
    }
    if (!key) return messageState(s.noCustomer);
    const shown = this.shown;
    if (shown !== undefined) return complete(shown);
    const status = this.status;
    if (status === 'idle' || status === 'loading') return loadingState(s, view.lines, this.slow);
    return loadErrorState(this.task.error, s, () => this.reload());
  }
}

/** Loads one record by key (`loyaltyAccounts` by customer id). */
export class RecordController<N extends ReadableResource> extends LoadController<
  RecordOf<RapportCatalogue[N]>
> {
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    resource: N,
    args: () => readonly [RapportClient | undefined, string | undefined],
  ) {
    super(host, resource, args, (client, key, signal) => client.read(resource, key, {signal}));
  }
}

/** Resources a customer's records can be listed from. */
export type ListableResource = ResourcesWith<RapportCatalogue, 'list'>;

/**
 * Loads the first page of a customer's list (`complaints` of the key's customer), up to `limit`
 * items (default 50).
 */
export class ListController<N extends ListableResource> extends LoadController<
  Page<RecordOf<RapportCatalogue[N]>>
> {
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    resource: N,
    args: () => readonly [RapportClient | undefined, string | undefined],
    limit = 50,
  ) {
    super(host, resource, args, (client, key, signal) =>
      client.list(resource, key, {limit}, {signal}),
    );
  }
}

/**
 * Tells the page's developer that a widget could not load `what`: `rapport-error` on the widget
 * (bubbling out of shadow roots) and one console line per distinct message.
 */
export function reportLoadError(host: HTMLElement, what: string, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  warnOnce(`<${host.localName}> could not load ${what}: ${failure.message}`);
  host.dispatchEvent(new RapportErrorEvent(failure, host.localName));
}

/** The status a failed load comes to. */
function statusOf(error: unknown): RecordStatus {
  if (isRapportError(error, 'not_found')) return 'not-found';
  if (isRapportError(error, 'forbidden') || isRapportError(error, 'unauthorized'))
    return 'forbidden';
  if (isRapportError(error, 'unsupported')) return 'unavailable';
  return 'error';
}
