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

  // <rapport-complaint-tracker>
  complaintTracker: '我的投诉',
  complaintTrackerStaff: '投诉',
  noComplaints: '您还没有提交过投诉。',
  noComplaintsStaff: '该客户没有投诉。',
  replyDue: (n, working) => (working ? `将在 ${n} 个工作小时内回复` : `将在 ${n} 小时内回复`),
  replyOverdue: '回复已超时，我们正在处理。',
  thread: '回复',
  noReplies: '暂无回复',
  repliesUnavailable: '此处无法查看回复。',
  repliesFailed: '回复加载失败。',
  you: '您',
  support: '客服',
  replyLabel: '您的回复',
  sendReply: '发送回复',
  replyEmpty: '请先输入回复内容。',
  replySent: '您的回复已发送。',
  replyFailed: '回复未能发送，您输入的内容都还在。',
  replyTooLong: (max) => `回复最多 ${max} 字，请删减。`,
  needsResolution: '请先在回复框中写明处理结果，它将作为处理结果保存。',
  complaintActions: {
    acknowledge: '确认受理',
    start: '开始处理',
    resolve: '标记为已解决',
    reject: '不予受理',
    reopen: '重新打开',
    close: '关闭',
  },
  complaintActionsDone: {
    acknowledge: '已确认受理',
    start: '已开始处理',
    resolve: '已标记为已解决',
    reject: '已不予受理',
    reopen: '已重新打开',
    close: '已关闭',
  },
  updateRefused: {
    action_not_allowed: '您的角色无权执行此操作。',
    reopen_window_passed: '该投诉解决已久，无法重新打开。',
    invalid_transition: '投诉状态已变化，无法再执行此操作。',
  },

  // <rapport-survey>
  survey: '请告诉我们您的感受',
  surveyWaiting: '您的投诉解决后，我们会请您评价处理结果。',
  surveyChooseScore: '请选择一个分数',
  surveySatisfaction: (score) =>
    ['非常不满意', '不满意', '一般', '满意', '非常满意'][score - 1] ?? '',
  surveyUnlikely: '完全不可能',
  surveyLikely: '非常可能',
  surveySend: '提交评价',
  surveyThanks: '感谢您的反馈。',
  surveyFailed: '评价未能提交，您选择的分数和填写的内容都还在。',

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
