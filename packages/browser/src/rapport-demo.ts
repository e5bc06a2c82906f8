// The entry of rapport-demo.iife.js: rapport.iife.js plus the in-memory demo backend, for pages that
// show the widgets without any server: `Rapport.createClient(Rapport.memoryAdapter())`.
export * from './rapport.js';
export {memoryAdapter, createDemoData} from '@rapport/adapter-memory';
