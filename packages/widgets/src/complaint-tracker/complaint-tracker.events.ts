// This widget's events, in a module of their own: a page without the widget does not carry them.
import type {ComplaintUpdate, ComplaintUpdateInput} from '@rapport/core';
import {init} from '../shared/events.js';

/**
 * Fired by `<rapport-complaint-tracker>` when the person sends a reply or takes an action, before
 * anything is sent. Cancel it to stop the update.
 */
export class ComplaintBeforeUpdateEvent extends Event {
  static readonly eventName = 'rapport-complaint-before-update';
  constructor(
    /** What is about to be sent. */
    readonly input: ComplaintUpdateInput,
  ) {
    super(ComplaintBeforeUpdateEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-complaint-tracker>` when the backend has stored a reply or an action. */
export class ComplaintUpdatedEvent extends Event {
  static readonly eventName = 'rapport-complaint-updated';
  constructor(
    /** The stored update, with the complaint's new status. */
    readonly update: ComplaintUpdate,
  ) {
    super(ComplaintUpdatedEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rapport-complaint-before-update': ComplaintBeforeUpdateEvent;
    'rapport-complaint-updated': ComplaintUpdatedEvent;
  }
}
