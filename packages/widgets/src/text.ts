/**
 * @rapport/widgets/text: the widgets' words and value formatting without Lit or the DOM, for
 * renderers of the same render plan that cannot run custom elements (a HubSpot card, which runs in a
 * web worker). Texts follow the same translations (import `@rapport/widgets/translations/zh-CN.js`
 * for Simplified Chinese).
 *
 * @packageDocumentation
 */
export {stringsFor} from './shared/strings.js';
export type {Strings} from './shared/strings.js';
export {optionLabel, valueText} from './shared/value-text.js';
export {formatDate, formatMoney, formatNumber, formatRelative} from './shared/format.js';
