import {invalidInput} from './errors.js';

/** An instant as an ISO 8601 string (`2026-11-23T09:30:00Z`), a `Date`, or epoch milliseconds. */
export type Instant = string | Date | number;

/** An ISO 8601 date-time string, as records carry it over the wire. */
export type IsoDateTime = string;

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Epoch milliseconds of `value`; `field` names the input in the error when it is not a valid instant. */
export function toEpochMs(value: Instant, field: string): number {
  const ms =
    typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw invalidInput(field, `${JSON.stringify(String(value))} is not a valid date and time`);
  }
  return ms;
}

/** The ISO 8601 form of epoch milliseconds. */
export function toIso(ms: number): IsoDateTime {
  return new Date(ms).toISOString();
}

/** A half-open period `[from, to)`. */
export interface Period {
  readonly from: Instant;
  readonly to: Instant;
}

/** The period as epoch milliseconds, checked to be non-empty. */
export function periodMs(period: Period, field = 'period'): {from: number; to: number} {
  const from = toEpochMs(period.from, `${field}.from`);
  const to = toEpochMs(period.to, `${field}.to`);
  if (to <= from) throw invalidInput(field, 'must end after it starts');
  return {from, to};
}
