import type {Hono} from 'hono';
import {routes} from '@rapport/core/protocol';
import {documentForRole} from '@rapport/schema';
import type {GatewayEnv} from '../middleware/identify.js';
import {json} from '../respond.js';
import type {RouteContext} from './context.js';

/** `GET /v1/customization`: the document as the caller's role may see it. */
export function customizationRoute(api: Hono<GatewayEnv>, context: RouteContext): void {
  api.on(routes.customization.method, routes.customization.pattern, (c) => {
    const {role} = c.get('caller');
    return json({role, document: documentForRole(context.customization, role)});
  });
}
