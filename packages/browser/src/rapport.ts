// The entry of rapport.iife.js and rapport.dev.iife.js: every element defined, both built-in languages,
// and the `Rapport` global for a plain <script> tag page:
// `Rapport.createClient(Rapport.httpAdapter({url, getToken}))`, the events, the error helpers and
// `Rapport.registerTranslation` for a language of the page's own.
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';

export * from '@rapport/widgets';
export {createClient, isRapportError, RapportError} from '@rapport/core';
export {httpAdapter} from '@rapport/adapter-http';
