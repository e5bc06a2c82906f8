/** A share: `rate` is `numerator / denominator`, or `null` when there is nothing to divide by. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return {numerator, denominator, rate: denominator === 0 ? null : numerator / denominator};
}
