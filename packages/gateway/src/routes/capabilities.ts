import type {Hono} from 'hono';
import {servedOperations, servedReports} from '@rapport/core';
import {protocolVersion, routes} from '@rapport/core/protocol';
import type {GatewayEnv} from '../middleware/identify.js';
import {json} from '../respond.js';
import type {RouteContext} from './context.js';

/** `GET /v1/capabilities`: what the gateway serves, per resource. Needs no token. */
export function capabilitiesRoute(api: Hono<GatewayEnv>, context: RouteContext): void {
  const {adapter, catalogue, maxBatchSize} = context;
  api.on(routes.capabilities.method, routes.capabilities.pattern, () =>
    json({
      protocol: protocolVersion,
      maxBatchSize,
      resources: servedOperations(adapter, catalogue),
      reports: servedReports(adapter),
      entities: adapter.capabilities.entities,
      customFieldsWritable: adapter.capabilities.customFieldsWritable,
    }),
  );
}
