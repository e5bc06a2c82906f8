// The entry of rapport.iife.js: every element defined, and the `Rapport` global for a plain <script> tag
// page: `Rapport.createClient(Rapport.httpAdapter({url, getToken}))`, the events and error helpers.
// Widgets themselves never import an adapter; only this distribution bundle carries the HTTP one.
import './rapport-widgets.js';

export * from './index.js';
export {createClient, isRapportError, RapportError} from '@rapport/core';
export {httpAdapter} from '@rapport/adapter-http';
