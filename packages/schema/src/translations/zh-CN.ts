// Simplified Chinese value messages. Importing this module registers them
// (`import '@rapport/schema/translations/zh-CN.js'`); @rapport/widgets/translations/zh-CN.js imports it.
import type {ValueMessages} from '../messages.js';
import {registerBuiltInTranslation} from '../translations.js';

/** The value messages in Simplified Chinese. */
export const valueMessages: ValueMessages = {
  'value.required': () => '此项为必填项。',
  'value.minLength': (n) => `请至少输入 ${n} 个字符。`,
  'value.maxLength': (n) => `最多输入 ${n} 个字符。`,
  'value.pattern': () => '格式不正确。',
  'value.min': (n) => `请输入不小于 ${n} 的数值。`,
  'value.max': (n) => `请输入不大于 ${n} 的数值。`,
  'value.number': () => '请输入数字。',
  'value.email': () => '请输入有效的邮箱地址，例如 name@example.com。',
  'value.phone': () => '请输入有效的电话号码，例如 +86 138 0013 8000。',
  'value.url': () => '请输入以 https:// 开头的网址。',
  'value.date': () => '请按 YYYY-MM-DD 格式输入日期。',
  'value.datetime': () => '请输入日期和时间。',
  'value.option': () => '请从选项中选择。',
};

registerBuiltInTranslation({$code: 'zh-CN', $name: '简体中文', ...valueMessages});
