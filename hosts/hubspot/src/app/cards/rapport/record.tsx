import {Button, EmptyState, ErrorState, LoadingSpinner, Text} from '@hubspot/ui-extensions';
import {useEffect, useState, type ReactNode} from 'react';
import {
  isRapportError,
  type RapportCatalogue,
  type RapportClient,
  type RecordOf,
  type ResourcesWith,
} from '@rapport/core';
import type {Strings} from '@rapport/widgets/headless';

type Readable = ResourcesWith<RapportCatalogue, 'read'>;

/** Where a record load stands, as the Lit widgets' record controller says it. */
export type RecordState<N extends Readable> =
  | {readonly status: 'loading'}
  | {readonly status: 'complete'; readonly value: RecordOf<RapportCatalogue[N]>}
  | {readonly status: 'failed'; readonly error: unknown};

/** Reads one record, again when the client or id changes and on `reload`; aborts a stale read. */
export function useRecord<N extends Readable>(
  client: RapportClient,
  resource: N,
  id: string | null,
): [RecordState<N>, () => void] {
  const [state, setState] = useState<RecordState<N>>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    setState({status: 'loading'});
    client.read(resource, id, {signal: controller.signal}).then(
      // A late answer for the previous id must not replace the current one.
      (value) => controller.signal.aborted || setState({status: 'complete', value}),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.warn(`Rapport: could not load ${resource} ${id}:`, error);
        setState({status: 'failed', error});
      },
    );
    return () => controller.abort();
  }, [client, resource, id, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/**
 * What stands in for a record that is not there to show: no customer, loading, not found,
 * forbidden, not offered by the backend, or another failure with Try again. The texts are the Lit
 * widgets' own; the detail goes to the console.
 */
export function RecordFallback<N extends Readable>(props: {
  readonly id: string | null;
  readonly state: RecordState<N>;
  readonly strings: Strings;
  readonly reload: () => void;
}): ReactNode {
  const {id, state, strings: s} = props;
  if (!id) return <EmptyState title={s.noCustomer}>{null}</EmptyState>;
  if (state.status === 'loading') return <LoadingSpinner label={s.loading} />;
  if (state.status === 'complete') return null;
  const error = state.error;
  if (isRapportError(error, 'not_found')) return <Text>{s.notFound}</Text>;
  if (isRapportError(error, 'forbidden') || isRapportError(error, 'unauthorized'))
    return <Text>{s.forbidden}</Text>;
  if (isRapportError(error, 'unsupported')) return <Text>{s.unavailable}</Text>;
  return (
    <ErrorState title={s.loadFailed}>
      <Button onClick={props.reload}>{s.retry}</Button>
    </ErrorState>
  );
}
