import type {RewardDefinition} from '@rapport/core';

const DAY = 86_400_000;

/**
 * The Lotus Club's rewards, one for each case a rewards widget shows: a cheap coupon, a fixed
 * discount in yuan, a free item, a Gold-only reward, one with 3 left for everyone, one a member may
 * redeem once, one whose offer has ended and one not yet started. Windows are relative to the data
 * set's `asOf`, so the same data is the same on any day.
 */
export function demoRewards(asOf: number): RewardDefinition[] {
  const iso = (days: number): string => new Date(asOf + days * DAY).toISOString();
  return [
    {
      id: 'tea-sampler',
      name: {en: '10% off a tin of tea', 'zh-CN': '茶叶一罐九折'},
      description: {
        en: 'A coupon for 10% off any tin of loose-leaf tea.',
        'zh-CN': '任选一罐散装茶叶可享九折优惠。',
      },
      cost: 200,
      kind: 'coupon',
      discount: {kind: 'percent', value: 10},
      validDays: 60,
    },
    {
      id: 'fifty-off',
      name: {en: '¥50 off your next order', 'zh-CN': '下单立减 50 元'},
      description: {
        en: 'Fifty yuan off any order of ¥200 or more.',
        'zh-CN': '单笔订单满 200 元立减 50 元。',
      },
      cost: 800,
      kind: 'discount',
      discount: {kind: 'amount', value: 50, currency: 'CNY'},
      validDays: 90,
    },
    {
      id: 'gaiwan',
      name: {en: 'A porcelain gaiwan', 'zh-CN': '白瓷盖碗一只'},
      description: {
        en: 'A hand-glazed porcelain gaiwan, to collect in store or with your next delivery.',
        'zh-CN': '手工施釉白瓷盖碗，可到店领取或随下次订单配送。',
      },
      cost: 1500,
      kind: 'item',
    },
    {
      id: 'gold-tasting',
      name: {en: 'A private tasting for two', 'zh-CN': '双人私享品茶会'},
      description: {
        en: 'An evening tasting of rare oolongs with our tea master, for Gold members and above.',
        'zh-CN': '与我们的茶艺师共度一晚，品鉴珍稀乌龙，金卡及以上会员专享。',
      },
      cost: 2500,
      kind: 'item',
      minimumTierId: 'gold',
    },
    {
      id: 'first-flush',
      name: {en: 'Limited first-flush Darjeeling', 'zh-CN': '限量大吉岭头春茶'},
      description: {
        en: 'One of the last tins of this year’s first flush.',
        'zh-CN': '今年头春茶的最后几罐之一。',
      },
      cost: 1000,
      kind: 'item',
      stock: 3,
    },
    {
      id: 'welcome-pot',
      name: {en: '15% off a teapot, once', 'zh-CN': '茶壶八五折（限兑一次）'},
      description: {
        en: 'A one-time coupon for 15% off any teapot.',
        'zh-CN': '购买任意茶壶可享八五折，每位会员限兑一次。',
      },
      cost: 300,
      kind: 'coupon',
      discount: {kind: 'percent', value: 15},
      limitPerCustomer: 1,
      validDays: 30,
    },
    {
      id: 'autumn-moon',
      name: {en: 'Mid-Autumn mooncake box', 'zh-CN': '中秋月饼礼盒'},
      description: {
        en: 'Our Mid-Autumn gift box. The offer has ended.',
        'zh-CN': '中秋节礼盒，活动已结束。',
      },
      cost: 600,
      kind: 'item',
      availableFrom: iso(-60),
      availableUntil: iso(-10),
    },
    {
      id: 'spring-festival',
      name: {en: '¥100 off for the Spring Festival', 'zh-CN': '春节立减 100 元'},
      description: {
        en: 'One hundred yuan off a Spring Festival order of ¥500 or more. Coming soon.',
        'zh-CN': '春节订单满 500 元立减 100 元，即将开始。',
      },
      cost: 1200,
      kind: 'discount',
      discount: {kind: 'amount', value: 100, currency: 'CNY'},
      availableFrom: iso(30),
      availableUntil: iso(75),
    },
  ];
}
