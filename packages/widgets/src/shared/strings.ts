// Built-in UI strings in English and Simplified Chinese. Field labels come from the customization
// document; these are the widgets' own words.
//
// Why not @lit/localize: its locale is one global for the page (configureLocalization may be called
// once), while Rapport widgets take their locale from their provider or attribute, so two widgets on
// one page may speak two languages, and a host app using @lit/localize itself must not clash with us.

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  noClient:
    'No data source: place this widget inside <rapport-provider> or set its client property.',
  noCustomer: 'No customer selected.',
  notFound: 'This customer could not be found.',
  forbidden: 'You do not have access to this information.',
  loadFailed: 'The information could not be loaded.',
  unavailable: 'This information is not available right now.',
  badCustomization: 'This widget’s customization is not valid.',
  validateHint: 'Run “npx rapport validate” on the document to see every problem.',
  notSet: 'Not set',
  yes: 'Yes',
  no: 'No',
  openComplaints: (n: number) => (n === 1 ? '1 open complaint' : `${n} open complaints`),
  noOpenComplaints: 'No open complaints',
  lastContact: 'Last contact',
  noContact: 'No contact yet',
  customerCard: 'Customer',
  points: 'points',
  pointsBalance: 'Points balance',
  pending: (n: string) => `${n} pending`,
  toNextTier: (n: string, tier: string) => `${n} points to ${tier}`,
  topTier: 'Top tier reached',
  progressLabel: (tier: string) => `Progress to ${tier}`,
  expiring: (n: string, date: string) => `${n} points expire on ${date}`,
  noExpiring: 'No points expire soon',
  coupons: 'Coupons',
  loyalty: 'Loyalty',
  complaintForm: 'Tell us what went wrong',
  choose: 'Choose…',
  required: 'required',
  characters: (n: string, max: string) => `${n} of ${max} characters`,
  submit: 'Send complaint',
  submitting: 'Sending…',
  fixProblems: (n: number) => (n === 1 ? 'Please correct 1 field:' : `Please correct ${n} fields:`),
  thanks: 'Thank you, we have your complaint.',
  reference: 'Your reference',
  replyBy: (date: string, hours: string) => `We will reply by ${date} (within ${hours}).`,
  another: 'Send another complaint',
  submitFailed: 'Your complaint could not be sent. Everything you typed is still here.',
  draftRestored: 'We restored the draft you started.',
  hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
  errors: {
    invalid_input: 'Some of the information was not accepted.',
    unauthorized: 'Your session has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    rate_limited: 'Too many requests right now. Please wait a moment.',
    unavailable: 'The service is unavailable right now.',
    timeout: 'The service took too long to answer.',
    conflict: 'This was already sent with different details.',
  } as Partial<Record<string, string>>,
};

export type Strings = typeof en;

const zhCN: Strings = {
  loading: '加载中…',
  retry: '重试',
  noClient: '没有数据源：请将此组件放在 <rapport-provider> 中，或设置其 client 属性。',
  noCustomer: '未选择客户。',
  notFound: '找不到该客户。',
  forbidden: '您无权查看此信息。',
  loadFailed: '信息加载失败。',
  unavailable: '此信息暂时无法显示。',
  badCustomization: '此组件的自定义配置无效。',
  validateHint: '请对该文档运行 “npx rapport validate” 查看全部问题。',
  notSet: '未填写',
  yes: '是',
  no: '否',
  openComplaints: (n) => `${n} 个未结投诉`,
  noOpenComplaints: '没有未结投诉',
  lastContact: '最近联系',
  noContact: '尚无联系记录',
  customerCard: '客户',
  points: '积分',
  pointsBalance: '积分余额',
  pending: (n) => `${n} 待入账`,
  toNextTier: (n, tier) => `再获得 ${n} 积分即可升级为${tier}`,
  topTier: '已达最高等级',
  progressLabel: (tier) => `升级到${tier}的进度`,
  expiring: (n, date) => `${n} 积分将于 ${date} 过期`,
  noExpiring: '近期没有即将过期的积分',
  coupons: '优惠券',
  loyalty: '会员',
  complaintForm: '告诉我们出了什么问题',
  choose: '请选择…',
  required: '必填',
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
  hours: (n) => `${n} 小时`,
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

/** The UI languages built in. */
export const uiLocales = ['en', 'zh-CN'] as const;

/** The widgets' own strings for `locale`: Chinese for any `zh` locale, English otherwise. */
export function stringsFor(locale: string): Strings {
  return locale.toLowerCase().startsWith('zh') ? zhCN : en;
}
