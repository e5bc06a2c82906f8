import type {IsoDateTime} from '../time.js';

/**
 * One purchase (or, with a negative amount, a refund): the input of segmentation and metrics.
 * Amounts are in the currency's major unit (`12.5` is twelve and a half euros).
 */
export interface Purchase {
  /** The customer who bought. */
  readonly customerId: string;
  /** When the purchase happened. */
  readonly at: IsoDateTime;
  /** Amount paid; negative for a refund. */
  readonly amount: number;
  /** ISO 4217 currency code (`EUR`, `CNY`). */
  readonly currency: string;
  /** Order or receipt id, if known. */
  readonly orderId?: string;
}
