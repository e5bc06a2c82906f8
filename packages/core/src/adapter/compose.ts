import {RapportError} from '../errors.js';
import type {Entity} from '../fields.js';
import {
  catalogue as rapportCatalogue,
  resourceOfEntity,
  resourceOperations,
  type Catalogue,
  type RapportCatalogue,
} from '../resources/catalogue.js';
import {
  scanOf,
  servedOperations,
  type AdapterResources,
  type CallOptions,
  type CrmAdapter,
  type ReadHandler,
} from './contract.js';
import {validateEntity, validateKeys} from './guards.js';

/** A resource's handlers bound to their object, so a copy of them still works. */
function bound(handlers: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const operation of [...resourceOperations, 'scan']) {
    const handler = (handlers as Record<string, unknown>)[operation];
    if (typeof handler === 'function') copy[operation] = handler.bind(handlers);
  }
  return copy;
}

/** Which adapter serves each resource of the catalogue; a resource left out is unsupported. */
export type AdapterRoutes<C extends Catalogue = RapportCatalogue> = {
  readonly [N in keyof C]?: CrmAdapter<C>;
};

/** Options of {@link composeAdapters}. */
export interface ComposeOptions<C extends Catalogue = RapportCatalogue> {
  /** The composed adapter's name in logs. Default: the routes, `customers: hubspot, complaints: zendesk`. */
  readonly name?: string;
  /** The resources. Default: Rapport's catalogue. */
  readonly catalogue?: C;
}

const misrouted = (message: string, details: Record<string, unknown>) =>
  new RapportError('invalid_input', `composeAdapters: ${message}`, {details});

/**
 * One adapter made of several, each serving the resources routed to it: customers from HubSpot,
 * complaints from Zendesk, loyalty accounts from a loyalty platform. A resource no route names is
 * unsupported (widgets hide what shows it). Capabilities are merged so a caller that respects them
 * respects every adapter: the smallest batch size of the adapters that read, the entities each routed
 * resource's adapter describes, custom fields writable only when every adapter that creates stores
 * them. `describeFields` asks the adapter serving the entity's resource; `ping` asks every adapter.
 *
 * @throws RapportError `invalid_input` when a route names a resource the catalogue lacks, or an adapter
 *   that does not serve the resource routed to it.
 */
export function composeAdapters<C extends Catalogue = RapportCatalogue>(
  routes: AdapterRoutes<NoInfer<C>>,
  options: ComposeOptions<C> = {},
): CrmAdapter<C> {
  const catalogue: Catalogue = options.catalogue ?? rapportCatalogue;
  const entries = Object.entries(
    routes as Record<string, CrmAdapter<Catalogue> | undefined>,
  ).filter((entry): entry is [string, CrmAdapter<Catalogue>] => entry[1] !== undefined);
  const resources: Record<string, unknown> = {};
  let maxBatchSize = Infinity;
  let creates = false;
  let customFieldsWritable = true;
  const entities: Entity[] = [];
  for (const [name, adapter] of entries) {
    const definition = catalogue[name];
    if (!definition)
      throw misrouted(
        `"${name}" is not a resource; the resources are ${Object.keys(catalogue).join(', ')}`,
        {
          option: name,
        },
      );
    const operations = servedOperations(adapter, catalogue)[name] ?? [];
    if (operations.length === 0 && !scanOf(adapter, name))
      throw misrouted(
        `${name} is routed to the ${adapter.name} adapter, which does not serve ${name}`,
        {
          option: name,
          adapter: adapter.name,
        },
      );
    resources[name] = (adapter.resources as Record<string, unknown>)[name];
    if (operations.includes('read'))
      maxBatchSize = Math.min(maxBatchSize, adapter.capabilities.maxBatchSize);
    if (operations.includes('create')) {
      creates = true;
      customFieldsWritable &&= adapter.capabilities.customFieldsWritable;
    }
    if (definition.entity && adapter.capabilities.entities.includes(definition.entity))
      entities.push(definition.entity);
  }
  const batch = Number.isFinite(maxBatchSize) ? maxBatchSize : 100;
  // The composed adapter keeps its own promise: a batch over the merged size is refused whichever
  // adapter would have taken it.
  for (const [name] of entries) {
    const handlers = resources[name] as ReadHandler<unknown> & object;
    if (typeof handlers.read !== 'function') continue;
    const read = handlers.read.bind(handlers);
    resources[name] = {
      ...bound(handlers),
      read: (keys: readonly string[], callOptions?: CallOptions) => {
        try {
          validateKeys(keys, batch);
        } catch (error) {
          return Promise.reject(error);
        }
        return read(keys, callOptions);
      },
    };
  }
  const adapterOf = (entity: Entity): CrmAdapter<Catalogue> =>
    routes[resourceOfEntity(entity, catalogue) as keyof typeof routes] as CrmAdapter<Catalogue>;

  return {
    name: options.name ?? entries.map(([name, adapter]) => `${name}: ${adapter.name}`).join(', '),
    capabilities: {
      maxBatchSize: batch,
      entities,
      customFieldsWritable: creates && customFieldsWritable,
    },
    resources: resources as AdapterResources<C>,
    async describeFields(entity, callOptions) {
      validateEntity(entity, entities);
      return adapterOf(entity).describeFields(entity, callOptions);
    },
    async ping(callOptions) {
      const adapters = new Set(entries.map(([, adapter]) => adapter));
      await Promise.all([...adapters].map((adapter) => adapter.ping?.(callOptions)));
    },
  };
}
