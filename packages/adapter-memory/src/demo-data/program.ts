import type {LoyaltyProgram} from '@rapport/core';

/** The demo business's loyalty programme: four tiers with their benefits, points per yuan, yearly expiry. */
export const demoProgram: LoyaltyProgram = {
  id: 'lotus-club',
  name: {en: 'Lotus Club', 'zh-CN': '莲花会员俱乐部'},
  currency: 'CNY',
  tiers: [
    {
      id: 'member',
      name: {en: 'Member', 'zh-CN': '普通会员'},
      threshold: 0,
      color: '#6b7280',
      benefits: [
        {en: '1 point for every yuan spent', 'zh-CN': '每消费 1 元积 1 分'},
        {en: 'A birthday treat', 'zh-CN': '生日礼遇'},
      ],
    },
    {
      id: 'silver',
      name: {en: 'Silver', 'zh-CN': '银卡会员'},
      threshold: 1500,
      color: '#94a3b8',
      benefits: [
        {en: '1 point for every yuan spent', 'zh-CN': '每消费 1 元积 1 分'},
        {en: 'Free delivery on every order', 'zh-CN': '所有订单免运费'},
        {en: 'Early access to seasonal teas', 'zh-CN': '抢先品尝季节新茶'},
      ],
    },
    {
      id: 'gold',
      name: {en: 'Gold', 'zh-CN': '金卡会员'},
      threshold: 5000,
      color: '#b45309',
      benefits: [
        {en: '1.25 points for every yuan spent', 'zh-CN': '每消费 1 元积 1.25 分'},
        {en: 'Free delivery on every order', 'zh-CN': '所有订单免运费'},
        {en: 'Members-only tastings', 'zh-CN': '会员专属品鉴会'},
      ],
    },
    {
      id: 'platinum',
      name: {en: 'Platinum', 'zh-CN': '铂金会员'},
      threshold: 12000,
      color: '#334155',
      benefits: [
        {en: '1.5 points for every yuan spent', 'zh-CN': '每消费 1 元积 1.5 分'},
        {en: 'Free express delivery', 'zh-CN': '免费极速配送'},
        {en: 'A personal tea adviser', 'zh-CN': '专属茶艺顾问'},
      ],
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
