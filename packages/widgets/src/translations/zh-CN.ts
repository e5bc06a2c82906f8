// Simplified Chinese: the widgets' texts, and (through @rapport/schema's own module) the value
// messages. Importing this module registers them: `import '@rapport/widgets/translations/zh-CN.js'`.
// For script tags, @rapport/browser builds it as rapport.zh-CN.iife.js.
import {registerBuiltInTranslation} from '@rapport/schema';
import '@rapport/schema/translations/zh-CN.js';
import type {Strings} from '../shared/strings.js';

/** The widgets' texts in Simplified Chinese. */
export const strings: Strings = {
  loading: '加载中…',
  retry: '重试',
  noCustomer: '未选择客户。',
  notFound: '找不到该客户。',
  forbidden: '您无权查看此信息。',
  loadFailed: '信息加载失败。',
  unavailable: '此信息暂时无法显示。',
  notSet: '未填写',
  yes: '是',
  no: '否',
  openComplaints: (n) => `${n} 个未结投诉`,
  noOpenComplaints: '没有未结投诉',
  lastContact: '最近联系',
  noContact: '尚无联系记录',
  customerCard: '客户',
  points: '积分',
  pending: (n) => `${n} 待入账`,
  toNextTier: (n, tier) => `再获得 ${n} 积分即可升级为${tier}`,
  topTier: '已达最高等级',
  progressLabel: (tier) => `升级到${tier}的进度`,
  expiring: (n, date) => `${n} 积分将于 ${date} 过期`,
  noExpiring: '近期没有即将过期的积分',
  loyalty: '会员',
  complaintForm: '告诉我们出了什么问题',
  choose: '请选择…',
  characters: (n, max) => `已输入 ${n} / ${max} 字`,
  submit: '提交投诉',
  submitting: '提交中…',
  fixProblems: (n) => `请修改以下 ${n} 项：`,
  thanks: '谢谢，我们已收到您的投诉。',
  reference: '投诉编号',
  replyBy: (date, hours) => `我们将在 ${date} 前回复（${hours}内）。`,
  another: '再提交一个投诉',
  submitFailed: '投诉未能提交，您填写的内容都还在。',
  draftRestored: '已为您恢复之前的草稿。',
  customerUnknown: '我们找不到您的客户记录，请通过其他方式联系我们。',
  hours: (n) => `${n} 小时`,

  // <rapport-rewards>
  rewards: '积分兑换',
  rewardsEmpty: '暂时没有可显示的奖励。',
  tierBenefits: (tier) => `${tier}权益`,
  redeem: '兑换',
  pointsShort: (n) => `还差 ${n} 积分`,
  forTier: (tier) => `${tier}专享`,
  outOfStock: '已兑完',
  limitReached: '已达兑换次数上限',
  notOffered: '暂不可兑换',
  confirmRedeem: (name, cost) => `确定用 ${cost} 积分兑换${name}吗？`,
  confirm: '确定',
  cancel: '取消',
  redeeming: '兑换中…',
  redeemFailed: '兑换失败，请重试。',
  redeemUnavailable: '暂时无法兑换。',
  refusedPoints: '未兑换：您的积分不足以兑换此奖励。',
  refusedTier: '未兑换：此奖励仅限更高等级的会员。',
  refusedStock: '未兑换：此奖励刚刚兑完。',
  refusedLimit: '未兑换：您已达到此奖励的兑换次数上限。',
  refusedOffer: '未兑换：此奖励目前不可兑换。',
  redeemed: (name) => `您已兑换${name}。`,
  yourCode: '您的兑换码',
  copy: '复制兑换码',
  copied: '已复制',
  copyByHand: '请按 Ctrl+C 复制',
  itemRedeemed: (name) => `${name}已归您所有，领取时请出示此消息。`,
  close: '关闭',
  history: '积分记录',
  yourRewards: '已兑换的奖励',
  noRedemptions: '您还没有兑换过奖励。',
  activity: '积分明细',
  noActivity: '暂无积分明细。',
  earned: '获得',
  spent: '兑换',
  expired: '过期',
  adjusted: '调整',
  expiringSoon: '即将过期',

  // <rapport-complaint-tracker>
  complaintTracker: '我的投诉',

  // <rapport-survey>
  survey: '请告诉我们您的感受',

  errors: {
    invalid_input: '部分信息未被接受。',
    unauthorized: '登录已过期，请重新登录。',
    forbidden: '您无权执行此操作。',
    rate_limited: '请求过于频繁，请稍后再试。',
    unavailable: '服务暂时不可用。',
    timeout: '服务响应超时。',
    conflict: '该投诉已用不同内容提交过。',
  },
};

registerBuiltInTranslation({$code: 'zh-CN', $name: '简体中文', ...strings});
