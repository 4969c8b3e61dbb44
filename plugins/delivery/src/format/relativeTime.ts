const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The value and unit to say a duration in: minutes below an hour (at least one), hours below two
 * days, days above. The sign of `ms` is kept: negative for the past.
 */
export function relativeTimeUnit(ms: number): {
  value: number;
  unit: Intl.RelativeTimeFormatUnit;
} {
  const size = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  if (size < HOUR_MS) {
    return {
      value: sign * Math.max(1, Math.round(size / MINUTE_MS)),
      unit: 'minute',
    };
  }
  if (size < 48 * HOUR_MS) {
    return { value: sign * Math.round(size / HOUR_MS), unit: 'hour' };
  }
  return { value: sign * Math.round(size / DAY_MS), unit: 'day' };
}

/** "5 minutes ago", "5 минут назад": an instant in the past relative to now. */
export function formatTimeAgo(then: Date, now: Date, language: string): string {
  const { value, unit } = relativeTimeUnit(then.getTime() - now.getTime());
  return new Intl.RelativeTimeFormat(language, { numeric: 'always' }).format(
    // a clock slightly ahead of the browser's must not read "in 1 minute"
    Math.min(value, -1),
    unit,
  );
}
