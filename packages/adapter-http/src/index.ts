/**
 * @rapport/adapter-http: connects widgets in a browser to a Rapport gateway, which keeps the CRM's
 * credentials on the server and decides who may see what. It speaks `@rapport/core/protocol`.
 *
 * @packageDocumentation
 */
export {httpAdapter} from './http-adapter.js';
export type {HttpAdapter, HttpAdapterOptions} from './http-adapter.js';
