import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {FieldValue} from '@rapport/core';

type Values = Readonly<Record<string, FieldValue>>;

/** What a {@link DraftController} reads from its host. */
export interface DraftOptions {
  /** The sessionStorage key of the draft, or `undefined` while the host keeps no draft (the default). */
  readonly key: () => string | undefined;
  /** The form's values now. */
  readonly values: () => Values;
  /** Puts a restored draft into the form. */
  readonly restore: (values: Values) => void;
  /** How long typing must pause before the draft is written, in ms. Default 300. */
  readonly delay?: number;
}

/**
 * An opt-in draft of a form in sessionStorage, so what a person typed survives a reload: written a
 * moment after they stop typing ({@link schedule}) and when the element leaves the page, restored into
 * an empty form when drafts are switched on or the key changes, cleared once the form is sent.
 * Storage that is full or forbidden (a sandboxed frame) only means no draft.
 */
export class DraftController implements ReactiveController {
  /** Whether the values shown came from a draft, so the form can say so. */
  restored = false;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKey: string | undefined;
  /** The key last written or read, so a draft is cleared even after drafts were switched off. */
  private usedKey: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.options.key();
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (key !== undefined && Object.keys(this.options.values()).length === 0) this.restore(key);
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) this.store();
  }

  /** Writes the draft once typing pauses; call it after each change. */
  schedule(): void {
    if (this.options.key() === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.store(), this.options.delay ?? 300);
  }

  /** Writes the draft now. */
  store(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.options.key();
    if (key === undefined) return;
    this.usedKey = key;
    try {
      sessionStorage.setItem(key, JSON.stringify(this.options.values()));
    } catch {
      // Storage may be full or forbidden; the draft is a convenience, not a duty.
    }
  }

  /** Deletes the draft (the form was sent) and forgets that one was restored. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.restored = false;
    const key = this.options.key() ?? this.usedKey;
    this.usedKey = undefined;
    if (key === undefined) return;
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing to clear where storage is forbidden.
    }
  }

  private restore(key: string): void {
    this.usedKey = key;
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as unknown;
      if (
        saved !== null &&
        typeof saved === 'object' &&
        !Array.isArray(saved) &&
        Object.keys(saved).length > 0
      ) {
        this.options.restore(saved as Values);
        this.restored = true;
      }
    } catch {
      // An unreadable draft is dropped, as if there were none.
    }
  }
}
