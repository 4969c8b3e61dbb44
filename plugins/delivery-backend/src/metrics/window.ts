import { InputError } from '@backstage/errors';

/** A half-open time window [from, to). */
export type TimeWindow = { from: Date; to: Date };

export type BucketSize = 'day' | 'week';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 731;

/** The window's length in days, fractional when it does not span whole days. */
export function windowDays(window: TimeWindow): number {
  return (window.to.getTime() - window.from.getTime()) / DAY_MS;
}

/** The window of the same length that ends where this one starts, for trends. */
export function previousWindow(window: TimeWindow): TimeWindow {
  const length = window.to.getTime() - window.from.getTime();
  return {
    from: new Date(window.from.getTime() - length),
    to: new Date(window.from.getTime()),
  };
}

// Extended-format calendar date, optionally followed by a time and a UTC offset.
const isoDateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function parseOffsetMinutes(offset: string | undefined): number | undefined {
  if (offset === undefined || offset === 'Z') {
    return 0;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) {
    return undefined;
  }
  return sign * (hours * 60 + minutes);
}

/**
 * Parses an ISO 8601 date or date-time. A date alone means 00:00 UTC, and so does a date-time
 * without an offset: the server's own time zone must not change what a query means.
 */
function parseIsoInstant(text: string, field: 'from' | 'to'): Date {
  const invalid = () =>
    new InputError(
      `Invalid "${field}": expected an ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T03:00:00+03:00, got "${text}"`,
    );
  const match = isoDateTimePattern.exec(text);
  if (!match) {
    throw invalid();
  }
  const [, year, month, day, hour, minute, second, fraction, offset] =
    match.map(part => part as string | undefined);
  const parts = [
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
  ] as const;
  const local = new Date(Date.UTC(...parts));
  // Date.UTC silently rolls 2026-13-01 or 25:00 over into the next unit; a round trip catches that.
  const roundTrip = [
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  ];
  const offsetMinutes = parseOffsetMinutes(offset);
  if (
    offsetMinutes === undefined ||
    roundTrip.some((value, index) => value !== parts[index])
  ) {
    throw invalid();
  }
  const milliseconds = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  return new Date(local.getTime() + milliseconds - offsetMinutes * 60_000);
}

/**
 * The window a query asks for: `to` defaults to now and `from` to 30 days before `to`.
 * Throws InputError for unparseable bounds, an empty or reversed window, or one longer than
 * 731 days (two years, leap day included).
 */
export function resolveWindow(
  query: { from?: string; to?: string },
  now: Date,
): TimeWindow {
  const to = query.to === undefined ? now : parseIsoInstant(query.to, 'to');
  const from =
    query.from === undefined
      ? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS)
      : parseIsoInstant(query.from, 'from');
  if (from.getTime() >= to.getTime()) {
    throw new InputError(
      `"from" (${from.toISOString()}) must be before "to" (${to.toISOString()})`,
    );
  }
  const window = { from, to };
  if (windowDays(window) > MAX_WINDOW_DAYS) {
    throw new InputError(
      `The window from "from" (${from.toISOString()}) to "to" (${to.toISOString()}) is longer than ${MAX_WINDOW_DAYS} days`,
    );
  }
  return window;
}

/** 00:00 UTC of the date's UTC day. */
export function dayStart(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Monday 00:00 UTC of the date's ISO week. */
export function weekStart(date: Date): Date {
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(dayStart(date).getTime() - daysSinceMonday * DAY_MS);
}

/**
 * Consecutive UTC days or ISO weeks covering the window: the first starts at or before `from`,
 * the last ends at or after `to`. Buckets are aligned so charts of different windows line up.
 */
export function buckets(window: TimeWindow, size: BucketSize): TimeWindow[] {
  if (window.from.getTime() >= window.to.getTime()) {
    return [];
  }
  const step = size === 'day' ? DAY_MS : WEEK_MS;
  const first = size === 'day' ? dayStart(window.from) : weekStart(window.from);
  const result: TimeWindow[] = [];
  for (
    let start = first.getTime();
    start < window.to.getTime();
    start += step
  ) {
    result.push({ from: new Date(start), to: new Date(start + step) });
  }
  return result;
}
