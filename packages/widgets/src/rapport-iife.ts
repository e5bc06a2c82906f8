// The entry of rapport.iife.js: every element defined, and the `Rapport` global for a plain <script> tag
// page: `Rapport.createClient(adapter)`, the events and error helpers.
import './rapport-widgets.js';

export * from './index.js';
export {createClient, isRapportError, RapportError} from '@rapport/core';
