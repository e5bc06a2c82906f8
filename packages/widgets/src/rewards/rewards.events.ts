// This widget's events, in a module of their own: a page without the widget does not carry them.
import type {Redemption, Reward} from '@rapport/core';
import {init} from '../shared/events.js';

/**
 * Fired by `<rapport-rewards>` when the person confirms a redemption, before anything is sent. Cancel
 * it to stop the redemption.
 */
export class RewardBeforeRedeemEvent extends Event {
  static readonly eventName = 'rapport-reward-before-redeem';
  constructor(
    /** The reward about to be redeemed. */
    readonly reward: Reward,
  ) {
    super(RewardBeforeRedeemEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-rewards>` when the backend has redeemed the reward. */
export class RewardRedeemedEvent extends Event {
  static readonly eventName = 'rapport-reward-redeemed';
  constructor(
    /** The redemption, with its coupon code. */
    readonly redemption: Redemption,
  ) {
    super(RewardRedeemedEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rapport-reward-before-redeem': RewardBeforeRedeemEvent;
    'rapport-reward-redeemed': RewardRedeemedEvent;
  }
}
