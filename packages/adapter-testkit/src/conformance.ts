import {describe, it, after} from 'node:test';
import {
  adapterOperations,
  randomId,
  type AdapterOperation,
  type ComplaintInput,
  type CrmAdapter,
} from '@rapport/core';
import {callOperation, conformanceChecks, rejectsWith, type ConformanceContext} from './checks.js';

/** Options of {@link runAdapterConformance} and {@link checkAdapter}. */
export interface ConformanceOptions {
  /** The adapter's name in test titles and the report. */
  readonly name: string;
  /** Makes a fresh adapter for each check (checks write complaints). */
  readonly create: () => CrmAdapter | Promise<CrmAdapter>;
  /** Ids of at least two customers that exist in the backend (the first gets test complaints). */
  readonly knownCustomerIds: readonly string[];
  /** An id no customer has. Default: a random one. */
  readonly unknownCustomerId?: string;
  /** Overrides for the test complaint, for backends that require more (a category of their own...). */
  readonly complaint?: Partial<ComplaintInput>;
  /** Check ids to skip, each with the reason, reported as skipped. */
  readonly skip?: Readonly<Record<string, string>>;
}

/** The outcome of one check. */
export interface CheckResult {
  readonly id: string;
  readonly operation: AdapterOperation | 'capabilities';
  readonly title: string;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  readonly message?: string;
}

interface PlannedCheck {
  readonly id: string;
  readonly operation: AdapterOperation | 'capabilities';
  readonly title: string;
  run(context: ConformanceContext): Promise<void>;
}

async function plan(
  options: ConformanceOptions,
): Promise<{checks: PlannedCheck[]; context: () => Promise<ConformanceContext>}> {
  if (options.knownCustomerIds.length < 2)
    throw new Error('runAdapterConformance needs at least two knownCustomerIds');
  const probe = await options.create();
  const supported = new Set(probe.capabilities.operations);
  const context = async (): Promise<ConformanceContext> => ({
    adapter: await options.create(),
    knownCustomerIds: options.knownCustomerIds,
    unknownCustomerId: options.unknownCustomerId ?? `no-such-customer-${randomId()}`,
    complaint: {
      customerId: options.knownCustomerIds[0]!,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: 'Conformance check: parcel late',
      description: 'Written by @rapport/adapter-testkit to check the adapter contract.',
      ...options.complaint,
    },
  });
  const checks: PlannedCheck[] = conformanceChecks.filter(
    (check) => check.operation === 'capabilities' || supported.has(check.operation),
  );
  for (const operation of adapterOperations) {
    if (supported.has(operation)) continue;
    checks.push({
      id: `${operation}.unsupported`,
      operation,
      title: 'is not declared, so it must reject with unsupported',
      run: async (c) => {
        await rejectsWith(
          callOperation(c, operation),
          'unsupported',
          `${operation} (not in capabilities.operations)`,
        );
      },
    });
  }
  return {checks, context};
}

/**
 * Runs every conformance check against an adapter and returns the outcomes, for any test runner.
 * `runAdapterConformance` does the same inside Node's test runner.
 */
export async function checkAdapter(options: ConformanceOptions): Promise<CheckResult[]> {
  const {checks, context} = await plan(options);
  const results: CheckResult[] = [];
  for (const check of checks) {
    const base = {id: check.id, operation: check.operation, title: check.title};
    const skipped = options.skip?.[check.id];
    if (skipped !== undefined) {
      results.push({...base, outcome: 'skipped', message: skipped});
      continue;
    }
    try {
      await check.run(await context());
      results.push({...base, outcome: 'passed'});
    } catch (error) {
      results.push({
        ...base,
        outcome: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}

/** The capability report: per operation, whether it is supported and how its checks went. */
export function formatReport(
  name: string,
  results: readonly CheckResult[],
  adapter?: CrmAdapter,
): string {
  const lines = [`Capability report for adapter "${name}"`];
  if (adapter) {
    const caps = adapter.capabilities;
    lines.push(
      `  max batch size: ${caps.maxBatchSize}; entities: ${caps.entities.join(', ') || 'none'}; custom fields writable: ${caps.customFieldsWritable ? 'yes' : 'no'}`,
    );
  }
  for (const operation of ['capabilities', ...adapterOperations] as const) {
    const own = results.filter((r) => r.operation === operation);
    if (own.length === 0) continue;
    const unsupported = own.some((r) => r.id.endsWith('.unsupported'));
    const count = (outcome: CheckResult['outcome']) =>
      own.filter((r) => r.outcome === outcome).length;
    const status = count('failed') > 0 ? 'FAIL' : 'ok  ';
    lines.push(
      `  ${status} ${operation.padEnd(20)} ${unsupported ? 'not supported' : 'supported    '}  ${count('passed')}/${own.length} checks passed` +
        (count('skipped') > 0 ? `, ${count('skipped')} skipped` : ''),
    );
  }
  return lines.join('\n');
}

/**
 * Registers the conformance suite with Node's test runner (`node --test`): one test per rule of the
 * adapter contract, then prints the capability report. Call it at the top level of a test file:
 *
 * ```ts
 * import {runAdapterConformance} from '@rapport/adapter-testkit';
 * runAdapterConformance({name: 'acme', create: () => acmeAdapter(sandbox), knownCustomerIds: ['1', '2']});
 * ```
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  describe(`${options.name} adapter conformance`, async () => {
    const {checks, context} = await plan(options);
    const results: CheckResult[] = [];
    let adapter: CrmAdapter | undefined;
    for (const check of checks) {
      const base = {id: check.id, operation: check.operation, title: check.title};
      const skipped = options.skip?.[check.id];
      if (skipped !== undefined) results.push({...base, outcome: 'skipped', message: skipped});
      it(`${check.id}: ${check.title}`, skipped === undefined ? {} : {skip: skipped}, async () => {
        const c = await context();
        adapter ??= c.adapter;
        try {
          await check.run(c);
          results.push({...base, outcome: 'passed'});
        } catch (error) {
          results.push({...base, outcome: 'failed', message: (error as Error).message});
          throw error;
        }
      });
    }
    after(() => {
      console.log(`\n${formatReport(options.name, results, adapter)}\n`);
    });
  });
}
