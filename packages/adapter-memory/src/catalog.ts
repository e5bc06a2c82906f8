import {
  channels,
  complaintCategories,
  complaintStatuses,
  lifecycleStages,
  rewardKinds,
  rfmSegments,
  severities,
  surveyKinds,
  type Entity,
  type FieldCatalog,
  type FieldDescriptor,
} from '@rapport/core';
import {stores} from './demo-data/vocabulary.js';

const options = (values: readonly string[]): {value: string; label: string}[] =>
  values.map((value) => ({value, label: value.replace(/_/g, ' ')}));

const field = (
  path: string,
  en: string,
  zh: string,
  type: FieldDescriptor['type'],
  extra: Partial<FieldDescriptor> = {},
): FieldDescriptor => ({
  path,
  label: {en, 'zh-CN': zh},
  type,
  custom: path.startsWith('customFields.'),
  ...extra,
});

/** The fields the memory backend offers, standard and custom, as a real CRM's metadata API would list them. */
export const memoryCatalog: Readonly<Record<Entity, FieldCatalog>> = {
  customer: {
    entity: 'customer',
    fields: [
      field('displayName', 'Name', '姓名', 'text', {readOnly: true}),
      field('name.given', 'Given name', '名', 'text'),
      field('name.family', 'Family name', '姓', 'text'),
      field('company', 'Company', '公司', 'text'),
      field('email', 'Email', '邮箱', 'email'),
      field('phone', 'Phone', '电话', 'phone'),
      field('locale', 'Language', '语言', 'text'),
      field('avatarUrl', 'Photo', '头像', 'url'),
      field('lifecycleStage', 'Lifecycle stage', '生命周期阶段', 'select', {
        options: options(lifecycleStages),
      }),
      field('segment', 'RFM segment', 'RFM 分群', 'select', {
        options: options(rfmSegments),
        readOnly: true,
      }),
      field('tags', 'Tags', '标签', 'tags'),
      field('ownerId', 'Owner', '负责人', 'text'),
      field('createdAt', 'Customer since', '注册时间', 'datetime', {readOnly: true}),
      field('updatedAt', 'Last updated', '最近更新', 'datetime', {readOnly: true}),
      field('customFields.preferred_store', 'Preferred store', '常去门店', 'select', {
        options: [
          {value: stores[0], label: {en: 'Shanghai Jing’an', 'zh-CN': '上海静安店'}},
          {value: stores[1], label: {en: 'Beijing Sanlitun', 'zh-CN': '北京三里屯店'}},
          {value: stores[2], label: {en: 'London Soho', 'zh-CN': '伦敦苏豪店'}},
          {value: stores[3], label: {en: 'Online', 'zh-CN': '线上商城'}},
        ],
      }),
      field('customFields.membership_number', 'Membership number', '会员卡号', 'text', {
        readOnly: true,
      }),
      field('customFields.birthday', 'Birthday', '生日', 'date'),
    ],
  },
  loyalty: {
    entity: 'loyalty',
    fields: [
      field('balance', 'Points', '积分', 'points', {readOnly: true}),
      field('pending', 'Pending points', '待入账积分', 'points', {readOnly: true}),
      field('lifetimePoints', 'Lifetime points', '累计积分', 'points', {readOnly: true}),
      field('qualifyingAmount', 'Qualifying points', '定级积分', 'points', {readOnly: true}),
      field('tierId', 'Tier', '会员等级', 'tier', {readOnly: true}),
      field('nextTierId', 'Next tier', '下一等级', 'tier', {readOnly: true}),
      field('toNextTier', 'Points to next tier', '距下一等级', 'points', {readOnly: true}),
    ],
  },
  complaint: {
    entity: 'complaint',
    fields: [
      field('reference', 'Reference', '编号', 'text', {readOnly: true}),
      field('category', 'Category', '类别', 'select', {options: options(complaintCategories)}),
      field('severity', 'Severity', '严重程度', 'select', {options: options(severities)}),
      field('channel', 'Channel', '渠道', 'select', {options: options(channels)}),
      field('subject', 'Subject', '主题', 'text'),
      field('description', 'Description', '描述', 'longtext'),
      field('status', 'Status', '状态', 'select', {
        options: options(complaintStatuses),
        readOnly: true,
      }),
      field('createdAt', 'Received', '提交时间', 'datetime', {readOnly: true}),
      field('contact.name', 'Your name', '您的姓名', 'text'),
      field('contact.email', 'Your email', '您的邮箱', 'email'),
      field('customFields.order_number', 'Order number', '订单号', 'text'),
      field('customFields.store_visited', 'Store visited', '到访门店', 'select', {
        options: options(stores),
      }),
    ],
  },
  reward: {
    entity: 'reward',
    // The programme defines its rewards; members only read them.
    fields: [
      field('name', 'Reward', '奖励', 'text', {readOnly: true}),
      field('description', 'Description', '说明', 'longtext', {readOnly: true}),
      field('cost', 'Cost', '所需积分', 'points', {readOnly: true}),
      field('kind', 'Kind', '类型', 'select', {
        options: [
          {value: rewardKinds[0], label: {en: 'Coupon', 'zh-CN': '优惠券'}},
          {value: rewardKinds[1], label: {en: 'Discount', 'zh-CN': '折扣'}},
          {value: rewardKinds[2], label: {en: 'Gift', 'zh-CN': '礼品'}},
        ],
        readOnly: true,
      }),
      field('minimumTierId', 'For members from', '适用等级', 'tier', {readOnly: true}),
      field('limitPerCustomer', 'Limit per member', '每人限兑', 'number', {readOnly: true}),
      field('availableFrom', 'Available from', '开始日期', 'datetime', {readOnly: true}),
      field('availableUntil', 'Available until', '截止日期', 'datetime', {readOnly: true}),
      field('stock', 'Left', '剩余', 'number', {readOnly: true}),
    ],
  },
  survey: {
    entity: 'survey',
    fields: [
      field('kind', 'Question', '问题', 'select', {
        options: [
          {value: surveyKinds[0], label: {en: 'Satisfaction', 'zh-CN': '满意度'}},
          {value: surveyKinds[1], label: {en: 'Recommendation', 'zh-CN': '推荐意愿'}},
        ],
      }),
      field('score', 'Score', '评分', 'number'),
      field('comment', 'Comment', '留言', 'longtext'),
      field('complaintId', 'Complaint', '相关投诉', 'text'),
      field('createdAt', 'Answered', '回答时间', 'datetime', {readOnly: true}),
    ],
  },
};
