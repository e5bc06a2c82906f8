// The entry of rapport.zh-CN.iife.js: Simplified Chinese for a script-tag page, loaded after
// rapport.iife.js (or rapport.dev.iife.js), whose registry it adds its texts to through the `Rapport`
// global. English pages do not download it.
import '@rapport/widgets/translations/zh-CN.js';
