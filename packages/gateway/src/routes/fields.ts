import type {Hono} from 'hono';
import {validateEntity} from '@rapport/core';
import {routes} from '@rapport/core/protocol';
import {maskFor} from '@rapport/schema';
import type {GatewayEnv} from '../middleware/identify.js';
import {json} from '../respond.js';
import type {RouteContext} from './context.js';

/** `GET /v1/fields/:entity`: the backend's field catalog, without the fields hidden from the role. */
export function fieldsRoute(api: Hono<GatewayEnv>, context: RouteContext): void {
  const {adapter, customization} = context;
  api.on(routes.fields.method, routes.fields.pattern, async (c) => {
    const entity = validateEntity(c.req.param('entity'));
    const {role} = c.get('caller');
    const hidden = new Set(
      Object.values(customization.fields)
        .filter((f) => f.entity === entity && maskFor(f, role) === 'hidden')
        .map((f) => f.source),
    );
    const catalog = await adapter.describeFields(entity, {signal: c.req.raw.signal});
    return json({...catalog, fields: catalog.fields.filter((f) => !hidden.has(f.path))});
  });
}
