import {after, describe, it} from 'node:test';
import {
  catalogue as rapportCatalogue,
  handlerOf,
  isRapportError,
  randomId,
  resourceOfEntity,
  scanOf,
  servedOperations,
  type BatchResult,
  type Catalogue,
  type ComplaintInput,
  type CrmAdapter,
  type InputOf,
  type RapportCatalogue,
  type ResourcesWith,
} from '@rapport/core';
import {builtInputs} from './actions.js';
import {skipReason} from './kit.js';
import {
  catalogueChecks,
  configurationError,
  type AdapterCheckId,
  type ConformanceContext,
  type PlannedCheck,
} from './checks.js';

/** Options of {@link runAdapterConformance} and {@link checkAdapter}. */
export interface ConformanceOptions<C extends Catalogue = RapportCatalogue> {
  /** The adapter's name in test titles and the report. */
  readonly name: string;
  /** Makes a fresh adapter for each check (checks create records). */
  readonly create: () => CrmAdapter<NoInfer<C>> | Promise<CrmAdapter<NoInfer<C>>>;
  /**
   * Ids of at least two different customers that exist in the backend (the first gets the records
   * the checks create). Checked before any check runs.
   */
  readonly knownCustomerIds: readonly string[];
  /** An id no customer and no record has. Default: a random one. */
  readonly unknownCustomerId?: string;
  /** Overrides for the test complaint, for backends that require more (a category of their own...). */
  readonly complaint?: Partial<ComplaintInput>;
  /**
   * Valid create inputs of other creatable resources, different for each `n`. Complaints have one
   * already (`complaint`); the kit builds its own for redemptions (a reward `rewards.list` says the
   * customer can redeem), complaint updates (a reply on one of the customer's complaints, filed if
   * there is none) and survey answers (standalone NPS answers), and these replace them.
   */
  readonly inputs?: {
    readonly [N in ResourcesWith<C, 'create'>]?: (customerId: string, n: number) => InputOf<C[N]>;
  };
  /**
   * Keys with records, for a read resource keyed by something other than the customer that the kit
   * cannot list or create.
   */
  readonly knownKeys?: {readonly [N in ResourcesWith<C, 'read'>]?: readonly string[]};
  /** Check ids to skip, each with the reason, reported as skipped. An unknown id is refused. */
  readonly skip?: {readonly [K in AdapterCheckId<C>]?: string};
  /** The resources. Default: Rapport's catalogue. */
  readonly catalogue?: C;
}

/** The outcome of one check. */
export interface CheckResult {
  readonly id: string;
  /** What the report groups it under: `capabilities`, `customers.read`, `describeFields`, `store`. */
  readonly group: string;
  readonly title: string;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  readonly message?: string;
}

/** Every adapter check id of a catalogue, in the order the kit runs them. */
export function adapterCheckIds<C extends Catalogue = RapportCatalogue>(
  catalogue: C = rapportCatalogue as unknown as C,
): AdapterCheckId<C>[] {
  return catalogueChecks(catalogue).map(({check}) => check.id as AdapterCheckId<C>);
}

/** Refuses skip ids that name no check, so a typo cannot silently run a check one meant to skip. */
export function refuseUnknownSkips(skip: object | undefined, ids: readonly string[]): void {
  const unknown = Object.keys(skip ?? {}).filter((id) => !ids.includes(id));
  if (unknown.length > 0)
    throw configurationError(
      `skip names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a check id' : 'are not check ids'}; the check ids are: ${ids.join(', ')}`,
    );
}

async function plan<C extends Catalogue>(
  options: ConformanceOptions<C>,
): Promise<{checks: PlannedCheck[]; context: () => Promise<ConformanceContext>}> {
  const catalogue: Catalogue = options.catalogue ?? rapportCatalogue;
  const all = catalogueChecks(catalogue);
  refuseUnknownSkips(
    options.skip,
    all.map(({check}) => check.id),
  );
  const known = options.knownCustomerIds;
  if (
    !Array.isArray(known) ||
    known.length < 2 ||
    new Set(known).size !== known.length ||
    known.some((id) => typeof id !== 'string' || id === '')
  )
    throw configurationError(
      `knownCustomerIds must name at least two different customers that exist in the backend, got ${JSON.stringify(known)}`,
    );
  const unknownCustomerId = options.unknownCustomerId ?? `no-such-customer-${randomId()}`;
  const complaint: ComplaintInput = {
    customerId: known[0]!,
    channel: 'web',
    category: 'delivery',
    severity: 'medium',
    subject: 'Conformance check: parcel late',
    description: 'Written by @rapport/adapter-testkit to check the adapter contract.',
    ...options.complaint,
  };
  const inputs = (options.inputs ?? {}) as Record<
    string,
    ((id: string, n: number) => unknown) | undefined
  >;
  const context = async (): Promise<ConformanceContext> => {
    const adapter = (await options.create()) as unknown as CrmAdapter<Catalogue>;
    const built = builtInputs({adapter, catalogue, complaint});
    return {
      adapter,
      catalogue,
      knownCustomerIds: known,
      unknownCustomerId,
      complaint,
      knownKeys: (options.knownKeys ?? {}) as Record<string, readonly string[]>,
      async input(resource, customerId, n) {
        const given = inputs[resource];
        if (given) return given(customerId, n);
        if (resource === 'complaints')
          return {...complaint, customerId, subject: `${complaint.subject} #${n}`};
        return built.build(resource, customerId, n);
      },
      canCreate: (resource) =>
        inputs[resource] !== undefined ||
        resource === 'complaints' ||
        built.resources.includes(resource),
    };
  };

  const probe = (await options.create()) as unknown as CrmAdapter<Catalogue>;
  await checkKnownCustomers(probe, catalogue, known, unknownCustomerId, options.name);
  const served = servedOperations(probe, catalogue);
  const checks = all
    .filter(
      ({needs, needsCustomFields}) =>
        (!needs ||
          (needs.operation === 'scan'
            ? scanOf(probe, needs.resource) !== undefined
            : served[needs.resource]?.includes(needs.operation))) &&
        (!needsCustomFields ||
          (probe.capabilities.customFieldsWritable &&
            probe.capabilities.entities.includes('complaint'))),
    )
    .map(({check}) => check);
  return {checks, context};
}

/**
 * Whether the configuration's customers exist, asked of the customers' read or, without one, of a
 * list (which answers not_found for an unknown customer). A wrong id is the configuration's fault,
 * and the error says so, rather than failing every check as if the adapter were broken.
 */
async function checkKnownCustomers(
  adapter: CrmAdapter<Catalogue>,
  catalogue: Catalogue,
  known: readonly string[],
  unknownCustomerId: string,
  name: string,
): Promise<void> {
  const served = servedOperations(adapter, catalogue);
  const customers = resourceOfEntity('customer', catalogue);
  const notACustomer = (id: string, answer: string) =>
    configurationError(
      `knownCustomerIds[${known.indexOf(id)}] ${JSON.stringify(id)} is not a customer of the "${name}" backend (${answer}); name customers that exist in it`,
    );
  try {
    if (customers && served[customers]?.includes('read')) {
      const read = handlerOf(adapter, customers, 'read');
      // One key a call: a batch would break an adapter's maxBatchSize before any check blamed it.
      const recordOf = async (id: string) =>
        ((await read([id])) as BatchResult<unknown>).find((e) => e.id === id)?.record;
      for (const id of known)
        if (!(await recordOf(id)))
          throw notACustomer(id, `${customers}.read answered no record for it`);
      if (await recordOf(unknownCustomerId))
        throw configurationError(
          `unknownCustomerId ${JSON.stringify(unknownCustomerId)} is a customer of the "${name}" backend; name an id no customer has`,
        );
      return;
    }
    const lister = Object.keys(served).find((resource) => served[resource]?.includes('list'));
    if (!lister) return;
    const list = handlerOf(adapter, lister, 'list');
    for (const id of known) {
      try {
        await list(id, {limit: 1});
      } catch (error) {
        if (isRapportError(error, 'not_found'))
          throw notACustomer(id, `${lister}.list answered not_found`);
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Conformance configuration:'))
      throw error;
    throw configurationError(
      `could not check knownCustomerIds against the "${name}" backend: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}

/**
 * Runs every conformance check against an adapter and returns the outcomes, for any test runner.
 * `runAdapterConformance` does the same inside Node's test runner.
 *
 * @throws Error (before any check runs) when the options are wrong: an unknown `skip` id, fewer
 *   than two `knownCustomerIds`, or one the backend does not know.
 */
export async function checkAdapter<C extends Catalogue = RapportCatalogue>(
  options: ConformanceOptions<C>,
): Promise<CheckResult[]> {
  const {checks, context} = await plan(options);
  const skip = (options.skip ?? {}) as Record<string, string | undefined>;
  return runChecks(
    checks.map((check) => ({...check, run: async () => check.run(await context())})),
    skip,
  );
}

/**
 * Runs checks one after another and says how each went; a skipped one does not run, and one that
 * finds it cannot be arranged with the backend's data (it throws `CheckSkipped`), or that the
 * resource is `unsupported` after all, is skipped with its reason.
 */
export async function runChecks(
  checks: readonly {
    readonly id: string;
    readonly group: string;
    readonly title: string;
    run(): Promise<void>;
  }[],
  skip: Readonly<Record<string, string | undefined>>,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const base = {id: check.id, group: check.group, title: check.title};
    const skipped = skip[check.id];
    if (skipped !== undefined) {
      results.push({...base, outcome: 'skipped', message: skipped});
      continue;
    }
    try {
      await check.run();
      results.push({...base, outcome: 'passed'});
    } catch (error) {
      const reason = skipReason(error);
      if (reason !== undefined) {
        results.push({...base, outcome: 'skipped', message: reason});
        continue;
      }
      results.push({
        ...base,
        outcome: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}

/** One line per group of checks: whether any failed, and how many passed. */
export function groupLines(results: readonly CheckResult[], width = 20): string[] {
  return [...new Set(results.map((r) => r.group))].map((group) => {
    const own = results.filter((r) => r.group === group);
    const count = (outcome: CheckResult['outcome']) =>
      own.filter((r) => r.outcome === outcome).length;
    return (
      `  ${count('failed') > 0 ? 'FAIL' : 'ok  '} ${group.padEnd(width)} ${count('passed')}/${own.length} checks passed` +
      (count('skipped') > 0 ? `, ${count('skipped')} skipped` : '')
    );
  });
}

/**
 * The capability report: per resource and operation, how its checks went, and which operations of
 * the catalogue the adapter does not serve (when given the adapter).
 */
export function formatReport<C extends Catalogue = RapportCatalogue>(
  name: string,
  results: readonly CheckResult[],
  adapter?: CrmAdapter<NoInfer<C>>,
  catalogue: C = rapportCatalogue as unknown as C,
): string {
  const lines = [`Capability report for adapter "${name}"`];
  const groups = [...new Set(results.map((r) => r.group))];
  if (adapter) {
    const caps = adapter.capabilities;
    lines.push(
      `  max batch size: ${caps.maxBatchSize}; entities: ${caps.entities.join(', ') || 'none'}; custom fields writable: ${caps.customFieldsWritable ? 'yes' : 'no'}`,
    );
  }
  const width = Math.max(
    20,
    ...groups.map((g) => g.length + 2),
    ...Object.entries(catalogue).flatMap(([resource, entry]) =>
      entry.operations.map((operation) => resource.length + operation.length + 3),
    ),
  );
  lines.push(...groupLines(results, width));
  if (adapter) {
    const served: Partial<Record<string, readonly string[]>> = servedOperations(adapter, catalogue);
    for (const resource of Object.keys(catalogue))
      for (const operation of catalogue[resource]!.operations)
        if (!served[resource]?.includes(operation))
          lines.push(`  --   ${`${resource}.${operation}`.padEnd(width)} not served`);
  }
  return lines.join('\n');
}

/**
 * Registers the conformance suite with Node's test runner (`node --test`): one test per rule of the
 * adapter contract, for each resource and operation the adapter serves, then prints the capability
 * report. Call it at the top level of a test file:
 *
 * ```ts
 * import {runAdapterConformance} from '@rapport/adapter-testkit';
 * runAdapterConformance({name: 'acme', create: () => acmeAdapter(sandbox), knownCustomerIds: ['1', '2']});
 * ```
 */
export function runAdapterConformance<C extends Catalogue = RapportCatalogue>(
  options: ConformanceOptions<C>,
): void {
  describe(`${options.name} adapter conformance`, async () => {
    const {checks, context} = await plan(options);
    const skip = (options.skip ?? {}) as Record<string, string | undefined>;
    const results: CheckResult[] = [];
    let adapter: CrmAdapter<Catalogue> | undefined;
    for (const check of checks) {
      const base = {id: check.id, group: check.group, title: check.title};
      const skipped = skip[check.id];
      if (skipped !== undefined) results.push({...base, outcome: 'skipped', message: skipped});
      it(`${check.id}: ${check.title}`, skipped === undefined ? {} : {skip: skipped}, async (t) => {
        const c = await context();
        adapter ??= c.adapter;
        try {
          await check.run(c);
          results.push({...base, outcome: 'passed'});
        } catch (error) {
          // The backend's data cannot arrange the check, or it does not serve the resource after
          // all: reported as skipped, with the reason.
          const reason = skipReason(error);
          if (reason !== undefined) {
            results.push({...base, outcome: 'skipped', message: reason});
            t.skip(reason);
            return;
          }
          results.push({...base, outcome: 'failed', message: (error as Error).message});
          throw error;
        }
      });
    }
    after(() => {
      console.log(
        `\n${formatReport(options.name, results, adapter, options.catalogue ?? rapportCatalogue)}\n`,
      );
    });
  });
}
