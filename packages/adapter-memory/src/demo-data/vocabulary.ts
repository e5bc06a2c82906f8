// Names and texts the demo data set is made of. Persons are half English-speaking, half Chinese-speaking;
// e-mail domains are the reserved example domains, phone numbers the ranges set aside for fiction.
import type {ComplaintCategory} from '@rapport/core';

export const englishGiven = [
  'Emma',
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Harry',
  'Ava',
  'Noah',
  'Mia',
  'Jack',
  'Sophie',
  'Leo',
  'Grace',
  'Arthur',
  'Chloe',
  'Oscar',
  'Lily',
  'Henry',
  'Zoe',
  'Samuel',
];
export const englishFamily = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  "O'Brien",
];
/** [characters, pinyin] */
export const chineseFamily: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['林', 'lin'],
];
export const chineseGiven: readonly (readonly [string, string])[] = [
  ['芳', 'fang'],
  ['伟', 'wei'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['婷', 'ting'],
  ['强', 'qiang'],
  ['丽', 'li'],
  ['杰', 'jie'],
  ['秀英', 'xiuying'],
  ['晓明', 'xiaoming'],
  ['子涵', 'zihan'],
  ['雨桐', 'yutong'],
  ['浩然', 'haoran'],
];
export const organizations: readonly (readonly [string, string])[] = [
  ['Lotus Tea House', 'en'],
  ['Harbour Florists Ltd', 'en'],
  ['Greenleaf Cafés', 'en'],
  ['Northwind Traders', 'en'],
  ['Blue Door Bakery', 'en'],
  ['Maple & Co. Interiors', 'en'],
  ['上海云杉餐饮管理有限公司', 'zh-CN'],
  ['北京星河科技有限公司', 'zh-CN'],
  ['杭州茶语文化传播有限公司', 'zh-CN'],
  ['深圳海韵贸易有限公司', 'zh-CN'],
  ['成都竹间酒店管理有限公司', 'zh-CN'],
  ['广州明月花艺工作室', 'zh-CN'],
];
export const tags = [
  'vip',
  'newsletter',
  'wholesale',
  'birthday-club',
  'eco',
  'early-adopter',
  'gift-buyer',
  'corporate',
];
export const stores = ['shanghai-jingan', 'beijing-sanlitun', 'london-soho', 'online'] as const;
export const owners = ['agent-ana', 'agent-li-ming', 'agent-sam', 'agent-zhou-yi'];

interface ComplaintText {
  readonly subject: string;
  readonly description: string;
}
/** Complaint texts per category, in English and Simplified Chinese. */
export const complaintTexts: Readonly<Record<string, {en: ComplaintText[]; zh: ComplaintText[]}>> =
  {
    delivery: {
      en: [
        {
          subject: 'Parcel arrived late',
          description:
            'My order was promised for Tuesday and arrived on Friday, after the birthday it was meant for.',
        },
        {
          subject: 'Box damaged in transit',
          description: 'The outer box was crushed and two of the tea tins inside are dented.',
        },
      ],
      zh: [
        {subject: '包裹延迟送达', description: '订单承诺周二送达，结果周五才到，错过了生日。'},
        {subject: '运输途中包装破损', description: '外箱被压坏，里面有两罐茶叶的罐子凹陷了。'},
      ],
    },
    product: {
      en: [
        {
          subject: 'Tea tastes stale',
          description: 'The jasmine tea from my last order tastes flat, as if it were old stock.',
        },
        {
          subject: 'Wrong size received',
          description: 'I ordered the 250 g tin and received the 100 g one.',
        },
      ],
      zh: [
        {subject: '茶叶口感不新鲜', description: '上次订购的茉莉花茶味道很淡，像是陈货。'},
        {subject: '收到的规格不对', description: '我订的是250克装，收到的是100克装。'},
      ],
    },
    billing: {
      en: [
        {
          subject: 'Charged twice',
          description: 'My card statement shows the same order charged twice on the same day.',
        },
      ],
      zh: [{subject: '重复扣款', description: '信用卡账单显示同一订单在同一天被扣款两次。'}],
    },
    service: {
      en: [
        {
          subject: 'No reply to my e-mail',
          description:
            'I wrote to customer service a week ago about a refund and have heard nothing.',
        },
      ],
      zh: [
        {subject: '邮件没有回复', description: '一周前我就退款问题给客服写了邮件，至今没有回音。'},
      ],
    },
    staff: {
      en: [
        {
          subject: 'Unfriendly staff at the store',
          description:
            'The assistant at the Soho store was dismissive when I asked about the loyalty card.',
        },
      ],
      zh: [{subject: '门店店员态度不好', description: '我在静安店询问会员卡时，店员态度很冷淡。'}],
    },
    website: {
      en: [
        {
          subject: 'Checkout keeps failing',
          description:
            'The payment page shows an error every time I try to pay with my saved card.',
        },
      ],
      zh: [
        {subject: '结账一直失败', description: '每次用已保存的银行卡付款时，支付页面都会报错。'},
      ],
    },
  };
export const complaintCategoriesUsed: readonly ComplaintCategory[] = Object.keys(complaintTexts);

/** Interaction summaries, in English and Simplified Chinese. */
export const interactionSummaries = {
  call: {en: 'Called about an order', zh: '来电询问订单'},
  email: {en: 'Asked about the loyalty programme by e-mail', zh: '邮件咨询会员计划'},
  visit: {en: 'Visited the store', zh: '到店消费'},
  message: {en: 'Chatted about gift wrapping', zh: '在线咨询礼品包装'},
  purchase: {en: 'Bought online', zh: '线上购买'},
  complaint: {en: 'Opened a complaint', zh: '提交了投诉'},
} as const;

/** Public replies on complaint threads, by who writes them and when. */
export const threadTexts = {
  acknowledge: {
    en: 'Thank you for telling us. We are looking into it and will come back to you soon.',
    zh: '感谢您的反馈，我们正在核实，会尽快回复您。',
  },
  customerReply: {
    en: 'Thank you. The order number is on the receipt I sent.',
    zh: '谢谢，订单号在我发的收据上。',
  },
  resolve: {en: 'Refunded and apologised.', zh: '已退款并致歉。'},
  reopen: {en: 'This is still not sorted, please look again.', zh: '问题仍未解决，请再看一下。'},
} as const;

/** Comments customers leave with a survey answer. */
export const surveyComments = {
  en: ['Quick and friendly, thank you.', 'It took a while, but it was sorted.', 'Still not happy.'],
  zh: ['处理得又快又好，谢谢。', '花了些时间，但问题解决了。', '还是不太满意。'],
} as const;
