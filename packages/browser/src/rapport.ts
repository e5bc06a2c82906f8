// The entry of rapport.iife.js and rapport.dev.iife.js: every element defined, English, and the
// `Rapport` global for a plain <script> tag page:
// `Rapport.createClient(Rapport.httpAdapter({url, getToken}))`, the events, the error helpers and
// `Rapport.registerTranslation` for a language of the page's own. Simplified Chinese is a script of its
// own, rapport.zh-CN.iife.js, which registers through `Rapport.registerBuiltInTranslation`.
import '@rapport/widgets/all';

export * from '@rapport/widgets';
export {createClient, isRapportError, RapportError} from '@rapport/core';
export {registerBuiltInTranslation} from '@rapport/schema';
export {httpAdapter} from '@rapport/adapter-http';
