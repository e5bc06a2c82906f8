import type {RapportClient} from '@rapport/core';
import {
  readSource,
  type CustomizationDocument,
  type FieldValues,
  type PlanField,
} from '@rapport/schema';

/** What every Rapport widget in a HubSpot card takes: the host's answers and the document. */
export interface WidgetProps {
  readonly client: RapportClient;
  /** The customization document (the gateway's, for the viewer's role). */
  readonly customization: CustomizationDocument;
  /** The customization role of the HubSpot user looking. */
  readonly viewerRole: string;
  /** BCP 47 locale of the HubSpot user. */
  readonly locale: string;
  /** The customer on screen, as the gateway names customers; `null` when the record names none. */
  readonly customerId: string | null;
}

/** A record's values by field id, which the plan's rules read. */
export function valuesOf(fields: readonly PlanField[], record: unknown): FieldValues {
  return Object.fromEntries(fields.map((f) => [f.id, readSource(record, f.source)]));
}
