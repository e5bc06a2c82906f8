import type {LoyaltyProgram} from '@rapport/core';

/** The demo business's loyalty programme: four tiers, points per yuan, yearly expiry. */
export const demoProgram: LoyaltyProgram = {
  id: 'lotus-club',
  name: {en: 'Lotus Club', 'zh-CN': '莲花会员俱乐部'},
  currency: 'CNY',
  tiers: [
    {id: 'member', name: {en: 'Member', 'zh-CN': '普通会员'}, threshold: 0, color: '#6b7280'},
    {id: 'silver', name: {en: 'Silver', 'zh-CN': '银卡会员'}, threshold: 1500, color: '#94a3b8'},
    {id: 'gold', name: {en: 'Gold', 'zh-CN': '金卡会员'}, threshold: 5000, color: '#b45309'},
    {
      id: 'platinum',
      name: {en: 'Platinum', 'zh-CN': '铂金会员'},
      threshold: 12000,
      color: '#334155',
    },
  ],
  qualification: {basis: 'points', windowDays: 365},
  earnRules: [
    {id: 'base', pointsPerUnit: 1},
    {id: 'gold', pointsPerUnit: 1.25, tierIds: ['gold']},
    {id: 'platinum', pointsPerUnit: 1.5, tierIds: ['platinum']},
  ],
  expiry: {kind: 'after-days', days: 365},
  pendingDays: 14,
};
