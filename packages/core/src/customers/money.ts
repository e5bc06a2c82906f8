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

/** The largest amount, in minor units, that is checked for stray decimals and added up exactly. */
const MAX_MINOR = 1e14;

/**
 * Adds up purchases of one currency exactly: each amount becomes a whole number of the currency's
 * minor unit (cents), integers are summed, and {@link Money.toMajor} turns a sum back into the major
 * unit.
 */
export interface Money {
  /**
   * The purchase's amount in minor units, after checking it is in this currency.
   *
   * @throws RapportError `invalid_input` on `purchases[index].currency` for another currency, and on
   *   `purchases[index].amount` for an amount that is not finite, has more decimals than the
   *   currency, or is beyond 10^14 minor units (a trillion euros).
   */
  minorOf(purchase: {readonly currency: string; readonly amount: number}, index: number): number;
  /**
   * A sum of minor units in the major unit (`30` cents is `0.3`).
   *
   * @throws RapportError `invalid_input` on `purchases` for a sum too large to be exact.
   */
  toMajor(minor: number): number;
}

/**
 * Exact arithmetic for purchases in `currency` (an ISO 4217 code; unknown codes get two decimals).
 * A table look-up: call it once per currency, not once per amount. `mismatch` ends the message for a
 * purchase in another currency.
 */
export function moneyIn(
  currency: string,
  mismatch = `earlier purchases are in ${currency}; convert to one currency first`,
  /** What the amounts are called in errors (`deals[3].amount`). */
  list = 'purchases',
): Money {
  const code = String(currency).toUpperCase();
  const digits = Object.hasOwn(MINOR_UNITS, code) ? MINOR_UNITS[code]! : 2;
  const scale = 10 ** digits;
  return {
    minorOf({currency: given, amount}, index) {
      if (given !== currency)
        throw invalidInput(`${list}[${index}].currency`, `is ${given} but ${mismatch}`);
      const field = `${list}[${index}].amount`;
      if (!Number.isFinite(amount)) throw invalidInput(field, 'must be a finite number');
      const scaled = amount * scale;
      const minor = Math.round(scaled);
      // Below the bound, binary noise stays far under half a minor unit, so a stray decimal shows.
      if (Math.abs(minor) > MAX_MINOR)
        throw invalidInput(field, 'is too large to add up exactly (at most 10^14 minor units)');
      // An amount with at most `digits` decimals lands on a whole number of minor units, give or take
      // the noise of binary arithmetic (19.99 * 3 is 59.970000000000006); a finer part (10.005 euros)
      // is a real fraction of a cent that rounding would silently change.
      if (Math.abs(scaled - minor) > 1e-6) {
        throw invalidInput(
          field,
          `has more decimals than ${currency} has (${digits}); round it in the source system first`,
        );
      }
      return minor;
    },
    toMajor(minor) {
      if (!Number.isSafeInteger(minor))
        throw invalidInput(list, 'add up to more than can be exact');
      return minor / scale;
    },
  };
}
