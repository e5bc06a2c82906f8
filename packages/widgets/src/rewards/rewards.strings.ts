// The words of <rapport-rewards> (the shared ones come with them); Simplified Chinese is in
// src/translations/zh-CN.ts with the others.
import {ownStrings} from '../shared/strings.js';

const en = {
  rewards: 'Rewards',
  rewardsEmpty: 'There are no rewards to show right now.',
  tierBenefits: (tier: string) => `${tier} benefits`,
  redeem: 'Redeem',
  pointsShort: (n: string) => `${n} more points`,
  forTier: (tier: string) => `For ${tier} members`,
  outOfStock: 'Out of stock',
  limitReached: 'Already redeemed as often as allowed',
  notOffered: 'Not available at the moment',
  confirmRedeem: (name: string, cost: string) => `Redeem ${name} for ${cost} points?`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  redeeming: 'Redeeming…',
  redeemFailed: 'Could not redeem. Try again.',
  redeemUnavailable: 'Redeeming is not available right now.',
  refusedPoints: 'Not redeemed: you do not have enough points for this reward.',
  refusedTier: 'Not redeemed: this reward is for a higher tier.',
  refusedStock: 'Not redeemed: this reward has just run out.',
  refusedLimit: 'Not redeemed: you have redeemed this reward as often as allowed.',
  refusedOffer: 'Not redeemed: this reward is not offered at the moment.',
  redeemed: (name: string) => `You redeemed ${name}.`,
  yourCode: 'Your code',
  copy: 'Copy code',
  copied: 'Copied',
  copyByHand: 'Press Ctrl+C to copy',
  itemRedeemed: (name: string) => `${name} is yours. Show this message when you collect it.`,
  close: 'Close',
  history: 'Points history',
  yourRewards: 'Your redeemed rewards',
  noRedemptions: 'You have not redeemed any rewards yet.',
  activity: 'Points activity',
  noActivity: 'No points activity yet.',
  earned: 'Earned',
  spent: 'Redeemed',
  expired: 'Expired',
  adjusted: 'Adjusted',
  expiringSoon: 'Expiring soon',
};

/** <rapport-rewards>'s words, and the shared ones, in a locale. */
export const rewardsStrings = ownStrings(en);
/** <rapport-rewards>'s own words. */
export type RewardsStrings = typeof en;
