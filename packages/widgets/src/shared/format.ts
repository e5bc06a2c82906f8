// Numbers and dates through Intl in the widget's locale. Formatters are cached: creating one costs
// far more than using it.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** `1234.5` as `1,234.5` (en) or `1,234.5` (zh-CN). */
export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** An amount in a currency: `CN¥1,234.50`, `€12.00`. */
export function formatMoney(value: number, currency: string, locale: string): string {
  return cached(
    `m|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, {style: 'currency', currency}),
  ).format(value);
}

const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date (or date and time) in the given style; an invalid date is returned as it was given. */
export function formatDate(
  value: string,
  locale: string,
  style: 'short' | 'medium' | 'long' = 'medium',
  withTime = false,
): string {
  const plain = plainDate.test(value);
  const date = new Date(plain ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  // Plain dates are calendar dates: show them in UTC so a birthday never moves a day.
  const utc = plain && !withTime;
  return cached(
    `d|${locale}|${style}|${withTime}|${utc}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: style,
        ...(withTime && {timeStyle: 'short'}),
        ...(utc && {timeZone: 'UTC'}),
      }),
  ).format(date);
}

/** How long ago (or ahead) a moment is: `3 days ago`, `in 2 hours`. */
export function formatRelative(value: string, locale: string, now = Date.now()): string {
  const ms = new Date(value).getTime() - now;
  if (Number.isNaN(ms)) return value;
  const format = cached(
    `r|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, {numeric: 'auto'}),
  ) as Intl.RelativeTimeFormat;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000_000],
    ['month', 2_592_000_000],
    ['week', 604_800_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, size] of units)
    if (Math.abs(ms) >= size || unit === 'minute')
      return format.format(Math.round(ms / size), unit);
  return value;
}
