import {invalidInput} from '../errors.js';

// ISO 4217 minor units of the currencies that do not have two; every other code has two. A table, not
// Intl: `Intl.NumberFormat` reports CLDR's display digits, which differ from ISO 4217 (it shows forints,
// rupiah and Iraqi dinars without decimals, though payments carry them) and from one engine to the next.
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/**
 * Adds up amounts of one currency exactly: each amount becomes a whole number of the currency's minor
 * unit (cents), integers are summed, and {@link Money.toMajor} turns a sum back into the major unit.
 */
export interface Money {
  readonly currency: string;
  /** Digits after the decimal point the currency has (ISO 4217): 2 for EUR, 0 for JPY, 3 for KWD. */
  readonly digits: number;
  /**
   * The amount in minor units.
   *
   * @throws RapportError `invalid_input` on `field` for an amount that is not finite, has more decimals
   *   than the currency, or is too large to add up exactly.
   */
  toMinor(amount: number, field: string): number;
  /**
   * A sum of minor units in the major unit (`30` cents is `0.3`).
   *
   * @throws RapportError `invalid_input` on `field` for a sum too large to be exact.
   */
  toMajor(minor: number, field: string): number;
}

/**
 * Exact arithmetic for amounts in `currency` (an ISO 4217 code; unknown codes get two decimals). A table
 * look-up: call it once per currency, not once per amount.
 */
export function moneyIn(currency: string): Money {
  const code = String(currency).toUpperCase();
  const digits = Object.hasOwn(MINOR_UNITS, code) ? MINOR_UNITS[code]! : 2;
  const scale = 10 ** digits;
  return {
    currency,
    digits,
    toMinor(amount, field) {
      if (!Number.isFinite(amount)) throw invalidInput(field, 'must be a finite number');
      const minor = Math.round(amount * scale);
      if (!Number.isSafeInteger(minor)) throw invalidInput(field, 'is too large to add up exactly');
      // An amount with at most `digits` decimals lands on a whole number of minor units, give or take
      // the noise of binary arithmetic (19.99 * 3 is 59.970000000000006); a finer part (10.005 euros)
      // is a real fraction of a cent that rounding would silently change.
      const scaled = amount * scale;
      if (Math.abs(scaled - minor) > Math.max(1e-6, 4 * Number.EPSILON * Math.abs(scaled))) {
        throw invalidInput(
          field,
          `has more decimals than ${currency} has (${digits}); round it in the source system first`,
        );
      }
      return minor;
    },
    toMajor(minor, field) {
      if (!Number.isSafeInteger(minor))
        throw invalidInput(field, 'add up to more than can be exact');
      return minor / scale;
    },
  };
}
