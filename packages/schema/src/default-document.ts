import {isRecord} from '@rapport/core';
import type {CustomizationDocument, FieldOption, LocalizedText} from './document.js';

const option = (value: string, en: string, zh: string): FieldOption => ({
  value,
  label: {en, 'zh-CN': zh},
});
const t = (en: string, zh: string): LocalizedText => ({en, 'zh-CN': zh});

const roles: CustomizationDocument['roles'] = [
  {id: 'customer', label: t('Customer', '顾客')},
  {id: 'agent', label: t('Agent', '客服专员')},
  {id: 'supervisor', label: t('Supervisor', '主管')},
];

// The fields of each widget's entity: the card shows customers, the balance loyalty accounts, the form
// complaints.
const customerFields: CustomizationDocument['fields'] = {
  name: {
    entity: 'customer',
    source: 'displayName',
    label: t('Name', '姓名'),
    type: 'text',
    readOnly: true,
  },
  company: {entity: 'customer', source: 'company', label: t('Company', '公司'), type: 'text'},
  avatar: {entity: 'customer', source: 'avatarUrl', label: t('Photo', '头像'), type: 'url'},
  stage: {
    entity: 'customer',
    source: 'lifecycleStage',
    label: t('Lifecycle stage', '生命周期阶段'),
    type: 'select',
    options: [
      option('attract', 'Prospect', '潜在客户'),
      option('acquire', 'New contact', '新客户'),
      option('transact', 'Buying', '成交客户'),
      option('retain', 'Returning', '回头客'),
      option('loyal', 'Loyal', '忠诚客户'),
      option('at_risk', 'At risk', '流失风险'),
      option('churned', 'Churned', '已流失'),
    ],
    access: {customer: 'hidden'},
  },
  segment: {
    entity: 'customer',
    source: 'segment',
    label: t('RFM segment', 'RFM 分群'),
    type: 'select',
    readOnly: true,
    options: [
      option('champions', 'Champions', '重要价值客户'),
      option('loyal', 'Loyal customers', '忠诚客户'),
      option('potential_loyalist', 'Potential loyalists', '潜力客户'),
      option('new', 'New customers', '新客户'),
      option('promising', 'Promising', '有潜力的新客'),
      option('need_attention', 'Need attention', '需要关注'),
      option('about_to_sleep', 'About to sleep', '即将沉睡'),
      option('at_risk', 'At risk', '流失风险'),
      option('cannot_lose', 'Can’t lose them', '不能流失'),
      option('hibernating', 'Hibernating', '沉睡客户'),
      option('lost', 'Lost', '已流失'),
    ],
    access: {customer: 'hidden'},
  },
  tags: {
    entity: 'customer',
    source: 'tags',
    label: t('Tags', '标签'),
    type: 'tags',
    access: {customer: 'hidden'},
  },
  email: {entity: 'customer', source: 'email', label: t('Email', '邮箱'), type: 'email'},
  phone: {
    entity: 'customer',
    source: 'phone',
    label: t('Phone', '电话'),
    type: 'phone',
    access: {agent: 'partial'},
  },
  store: {
    entity: 'customer',
    source: 'customFields.preferred_store',
    label: t('Preferred store', '常去门店'),
    type: 'select',
    options: [
      option('shanghai-jingan', 'Shanghai Jing’an', '上海静安店'),
      option('beijing-sanlitun', 'Beijing Sanlitun', '北京三里屯店'),
      option('london-soho', 'London Soho', '伦敦苏豪店'),
      option('online', 'Online', '线上商城'),
    ],
  },
  membership: {
    entity: 'customer',
    source: 'customFields.membership_number',
    label: t('Membership no.', '会员卡号'),
    type: 'text',
    readOnly: true,
    access: {agent: 'partial'},
  },
  birthday: {
    entity: 'customer',
    source: 'customFields.birthday',
    label: t('Birthday', '生日'),
    type: 'date',
    dateStyle: 'long',
    access: {agent: 'hidden'},
  },
  since: {
    entity: 'customer',
    source: 'createdAt',
    label: t('Customer since', '注册时间'),
    type: 'date',
    dateStyle: 'medium',
    readOnly: true,
  },
};

const loyaltyFields: CustomizationDocument['fields'] = {
  points: {entity: 'loyalty', source: 'balance', label: t('Points', '积分'), type: 'points'},
  tier: {entity: 'loyalty', source: 'tierId', label: t('Tier', '会员等级'), type: 'tier'},
  toNextTier: {
    entity: 'loyalty',
    source: 'toNextTier',
    label: t('To next tier', '距下一等级'),
    type: 'points',
  },
  pending: {
    entity: 'loyalty',
    source: 'pending',
    label: t('Pending', '待入账'),
    type: 'points',
    help: t(
      'Points from recent orders, usable after the return period.',
      '近期订单的积分，退货期过后即可使用。',
    ),
  },
};

const complaintFields: CustomizationDocument['fields'] = {
  category: {
    entity: 'complaint',
    source: 'category',
    label: t('What is it about?', '问题类别'),
    type: 'select',
    validation: {required: true},
    options: [
      option('product', 'A product', '商品问题'),
      option('delivery', 'Delivery', '配送问题'),
      option('billing', 'Billing or payment', '账单或支付'),
      option('service', 'Customer service', '客户服务'),
      option('staff', 'Staff in a store', '门店员工'),
      option('website', 'Website or app', '网站或应用'),
      option('other', 'Something else', '其他'),
    ],
  },
  severity: {
    entity: 'complaint',
    source: 'severity',
    label: t('How serious is it?', '严重程度'),
    type: 'select',
    validation: {required: true},
    options: [
      option('low', 'Minor', '轻微'),
      option('medium', 'Moderate', '一般'),
      option('high', 'Serious', '严重'),
      option('critical', 'Urgent', '紧急'),
    ],
  },
  channel: {
    entity: 'complaint',
    source: 'channel',
    label: t('Channel', '渠道'),
    type: 'select',
    options: [
      option('web', 'Website', '网站'),
      option('email', 'Email', '邮件'),
      option('phone', 'Phone', '电话'),
      option('chat', 'Chat', '在线客服'),
      option('store', 'In store', '门店'),
      option('social', 'Social media', '社交媒体'),
      option('app', 'App', '应用'),
    ],
  },
  subject: {
    entity: 'complaint',
    source: 'subject',
    label: t('Subject', '主题'),
    placeholder: t('In a few words', '简要概括'),
    type: 'text',
    validation: {required: true, maxLength: 200},
  },
  description: {
    entity: 'complaint',
    source: 'description',
    label: t('What happened?', '详细描述'),
    help: t(
      'Tell us what went wrong and what you would like us to do.',
      '请告诉我们发生了什么，以及您希望我们如何处理。',
    ),
    type: 'longtext',
    validation: {required: true, minLength: 10, maxLength: 5000},
  },
  orderNumber: {
    entity: 'complaint',
    source: 'customFields.order_number',
    label: t('Order number', '订单号'),
    placeholder: t('SO-123456', 'SO-123456'),
    type: 'text',
    validation: {
      pattern: 'SO-\\d{6}',
      message: t('Order numbers look like SO-123456.', '订单号格式为 SO-123456。'),
    },
  },
  contactName: {
    entity: 'complaint',
    source: 'contact.name',
    label: t('Your name', '您的姓名'),
    type: 'text',
    validation: {required: true, maxLength: 200},
  },
  contactEmail: {
    entity: 'complaint',
    source: 'contact.email',
    label: t('Your email', '您的邮箱'),
    type: 'email',
    validation: {required: true},
  },
};

const trackerFields: CustomizationDocument['fields'] = {
  reference: {
    entity: 'complaint',
    source: 'reference',
    label: t('Reference', '编号'),
    type: 'text',
    readOnly: true,
  },
  status: {
    entity: 'complaint',
    source: 'status',
    label: t('Status', '状态'),
    type: 'select',
    readOnly: true,
    options: [
      option('new', 'Received', '已收到'),
      option('acknowledged', 'Acknowledged', '已确认'),
      option('in_progress', 'In progress', '处理中'),
      option('resolved', 'Resolved', '已解决'),
      option('closed', 'Closed', '已关闭'),
      option('rejected', 'Declined', '未受理'),
    ],
  },
  receivedAt: {
    entity: 'complaint',
    source: 'createdAt',
    label: t('Received', '提交时间'),
    type: 'datetime',
    readOnly: true,
  },
  resolutionDue: {
    entity: 'complaint',
    source: 'resolutionDueAt',
    label: t('Resolution due', '解决期限'),
    type: 'datetime',
    readOnly: true,
    access: {customer: 'hidden'},
  },
  resolution: {
    entity: 'complaint',
    source: 'resolution',
    label: t('Resolution', '处理结果'),
    type: 'longtext',
    readOnly: true,
  },
};

const rewardFields: CustomizationDocument['fields'] = {
  rewardName: {entity: 'reward', source: 'name', label: t('Reward', '奖励'), type: 'text'},
  rewardDescription: {
    entity: 'reward',
    source: 'description',
    label: t('Description', '说明'),
    type: 'longtext',
  },
  cost: {entity: 'reward', source: 'cost', label: t('Cost', '所需积分'), type: 'points'},
  rewardKind: {
    entity: 'reward',
    source: 'kind',
    label: t('Kind', '类型'),
    type: 'select',
    options: [
      option('coupon', 'Coupon', '优惠券'),
      option('discount', 'Discount', '折扣'),
      option('item', 'Gift', '礼品'),
    ],
  },
  minimumTier: {
    entity: 'reward',
    source: 'minimumTierId',
    label: t('For members from', '适用等级'),
    type: 'tier',
  },
  stock: {entity: 'reward', source: 'stock', label: t('Left', '剩余'), type: 'number'},
  availableUntil: {
    entity: 'reward',
    source: 'availableUntil',
    label: t('Available until', '截止日期'),
    type: 'date',
    dateStyle: 'medium',
  },
  limitPerCustomer: {
    entity: 'reward',
    source: 'limitPerCustomer',
    label: t('Limit per member', '每人限兑'),
    type: 'number',
  },
};

// Both score fields read `score`; a survey shows the one whose scale (validation.max) is its kind's.
const surveyFields: CustomizationDocument['fields'] = {
  satisfaction: {
    entity: 'survey',
    source: 'score',
    label: t('How satisfied are you with how we handled it?', '您对我们的处理结果满意吗？'),
    type: 'number',
    validation: {required: true, min: 1, max: 5},
  },
  recommend: {
    entity: 'survey',
    source: 'score',
    label: t('How likely are you to recommend us to a friend?', '您向朋友推荐我们的可能性有多大？'),
    type: 'number',
    validation: {required: true, min: 0, max: 10},
  },
  comment: {
    entity: 'survey',
    source: 'comment',
    label: t('Anything you would like to add?', '还有什么想告诉我们的吗？'),
    type: 'longtext',
    validation: {maxLength: 2000},
  },
};

/**
 * The built-in document of `<rapport-customer-card>` alone: the roles, the customer fields and the
 * card's layout. Each widget imports only its own, so a page with one widget does not carry the others'
 * fields; together they make {@link defaultCustomization}.
 */
export const defaultCustomerCard: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: customerFields,
  widgets: {
    'customer-card': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'name'},
          {type: 'Control', field: 'company'},
          {type: 'Control', field: 'avatar'},
          {type: 'Control', field: 'stage'},
          {type: 'Control', field: 'segment'},
          {type: 'Control', field: 'tags'},
          {
            type: 'Group',
            label: t('Contact', '联系方式'),
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'email'},
                  {type: 'Control', field: 'phone'},
                ],
              },
            ],
          },
          {
            type: 'Group',
            label: t('Membership', '会员信息'),
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'membership'},
                  {type: 'Control', field: 'store'},
                  {type: 'Control', field: 'birthday'},
                  {type: 'Control', field: 'since'},
                ],
              },
            ],
          },
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-loyalty-balance>` alone (see {@link defaultCustomerCard}). */
export const defaultLoyaltyBalance: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: loyaltyFields,
  widgets: {
    'loyalty-balance': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'points'},
          {type: 'Control', field: 'tier'},
          {type: 'Control', field: 'toNextTier'},
          {type: 'Control', field: 'pending'},
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-complaint-form>` alone (see {@link defaultCustomerCard}). */
export const defaultComplaintForm: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: complaintFields,
  widgets: {
    'complaint-form': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {
            type: 'Group',
            label: t('About you', '您的信息'),
            elements: [
              {
                type: 'Grid',
                columns: 2,
                elements: [
                  {type: 'Control', field: 'contactName'},
                  {type: 'Control', field: 'contactEmail'},
                ],
              },
            ],
          },
          {
            type: 'Grid',
            columns: 2,
            elements: [
              {type: 'Control', field: 'category'},
              {type: 'Control', field: 'severity'},
            ],
          },
          {type: 'Control', field: 'subject'},
          {type: 'Control', field: 'description'},
          {
            type: 'Control',
            field: 'orderNumber',
            rule: {
              effect: 'SHOW',
              condition: {field: 'category', oneOf: ['product', 'delivery', 'billing']},
            },
          },
        ],
      },
    },
  },
};

/** The built-in document of `<rapport-rewards>` alone (see {@link defaultCustomerCard}). */
export const defaultRewards: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: rewardFields,
  widgets: {
    rewards: {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'rewardName'},
          {type: 'Control', field: 'rewardDescription'},
          {type: 'Control', field: 'cost'},
          {type: 'Control', field: 'minimumTier'},
          {type: 'Control', field: 'availableUntil'},
        ],
      },
      roles: {
        agent: {
          type: 'VerticalLayout',
          elements: [
            {type: 'Control', field: 'rewardName'},
            {type: 'Control', field: 'cost'},
            {type: 'Control', field: 'minimumTier'},
            {type: 'Control', field: 'stock'},
            {type: 'Control', field: 'limitPerCustomer'},
            {type: 'Control', field: 'availableUntil'},
          ],
        },
      },
    },
  },
};

/** The built-in document of `<rapport-complaint-tracker>` alone (see {@link defaultCustomerCard}). */
export const defaultComplaintTracker: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: {...complaintFields, ...trackerFields},
  widgets: {
    'complaint-tracker': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'reference'},
          {type: 'Control', field: 'subject'},
          {type: 'Control', field: 'status'},
          {type: 'Control', field: 'receivedAt'},
          {type: 'Control', field: 'description'},
          {type: 'Control', field: 'resolution'},
        ],
      },
      roles: {
        agent: {
          type: 'VerticalLayout',
          elements: [
            {type: 'Control', field: 'reference'},
            {type: 'Control', field: 'subject'},
            {type: 'Control', field: 'status'},
            {
              type: 'Grid',
              columns: 2,
              elements: [
                {type: 'Control', field: 'category'},
                {type: 'Control', field: 'severity'},
                {type: 'Control', field: 'receivedAt'},
                {type: 'Control', field: 'resolutionDue'},
              ],
            },
            {type: 'Control', field: 'description'},
            {type: 'Control', field: 'orderNumber'},
            {type: 'Control', field: 'resolution'},
          ],
        },
      },
    },
  },
};

/** The built-in document of `<rapport-survey>` alone (see {@link defaultCustomerCard}). */
export const defaultSurvey: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: surveyFields,
  widgets: {
    survey: {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Control', field: 'satisfaction'},
          {type: 'Control', field: 'recommend'},
          {type: 'Control', field: 'comment'},
        ],
      },
    },
  },
};

/**
 * The document widgets use when a host gives none: every standard field of the six widgets, in
 * English and Simplified Chinese, for three roles. The customer sees their own data but not the
 * business's internal labels (life-cycle stage, RFM segment, tags); an agent sees phone and membership
 * number only in part and no birthday; a supervisor sees everything.
 */
export const defaultCustomization: CustomizationDocument = {
  schemaVersion: 1,
  defaultLocale: 'en',
  roles,
  fields: {
    ...customerFields,
    ...loyaltyFields,
    ...complaintFields,
    ...trackerFields,
    ...rewardFields,
    ...surveyFields,
  },
  widgets: {
    ...defaultCustomerCard.widgets,
    ...defaultLoyaltyBalance.widgets,
    ...defaultComplaintForm.widgets,
    ...defaultRewards.widgets,
    ...defaultComplaintTracker.widgets,
    ...defaultSurvey.widgets,
  },
};

/** The parts of a document that {@link extendDefault} may take from a built-in one. */
export const defaultableParts = ['roles', 'fields', 'widgets'] as const;

/**
 * The parts a document takes from the built-in one: all three when it gives none of `roles`, `fields`
 * and `widgets` (a theme-only document restyles the built-in widgets instead of emptying them);
 * `roles` and `fields` when it gives `widgets` alone (it lays the widgets out over the built-in roles
 * and fields); otherwise none, and it must give all three (validation says which is missing).
 */
export function defaultedParts(
  document: Readonly<Record<string, unknown>>,
): readonly DefaultablePart[] {
  const given = defaultableParts.filter((part) => Object.hasOwn(document, part));
  if (given.length === 0) return defaultableParts;
  return given.length === 1 && given[0] === 'widgets' ? ['roles', 'fields'] : [];
}

/** The parts a document must give but does not: those it neither gives nor takes ({@link defaultedParts}). */
export function missingParts(document: Readonly<Record<string, unknown>>): DefaultablePart[] {
  const taken = defaultedParts(document);
  return defaultableParts.filter((part) => !Object.hasOwn(document, part) && !taken.includes(part));
}

/** One of {@link defaultableParts}. */
export type DefaultablePart = (typeof defaultableParts)[number];

/**
 * A document as widgets and servers use it: the {@link defaultedParts} taken from `builtIn`
 * ({@link defaultCustomization}, or a widget's own part of it such as {@link defaultCustomerCard}).
 * Anything that is not an object is returned as it is, for validation to report.
 */
export function extendDefault<T>(document: T, builtIn: CustomizationDocument): T {
  if (!isRecord(document)) return document;
  const take = defaultedParts(document);
  if (take.length === 0) return document;
  const extended: Record<string, unknown> = {...document};
  for (const part of take) extended[part] = builtIn[part];
  return extended as T;
}
