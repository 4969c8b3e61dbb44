import {
  BudgetPoint,
  BurnRateWindow,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DAY_MS } from '../../metrics/window';
import { EventCounts, budgetSummary } from './errorBudget';

/**
 * Good and total events of one time bucket of an SLI. `timestamp` is the start of the bucket in
 * epoch milliseconds; the whole sample counts in the window that contains its timestamp.
 */
export type SliSample = { timestamp: number; good: number; total: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The length of each burn-rate window, in milliseconds. */
export const burnRateWindowMs: Record<BurnRateWindow, number> = {
  '5m': 5 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '1d': DAY_MS,
  '3d': 3 * DAY_MS,
};

/** The bucket length the burn-rate windows are aligned to: the longest bucket feeders use. */
export const BURN_RATE_BUCKET_MS = 5 * MINUTE_MS;

/**
 * Where every burn-rate window ends: the start of the 5-minute bucket (aligned to multiples of 5
 * minutes since the epoch) that contains `now`, so the windows hold only complete buckets. With
 * 5-minute buckets, a window ending at `now` would see in its last 5 minutes only the bucket
 * still filling, which a feeder that posts completed buckets has not sent yet.
 */
export function burnRateWindowEnd(now: number): number {
  return Math.floor(now / BURN_RATE_BUCKET_MS) * BURN_RATE_BUCKET_MS;
}

/** Good and total over the samples with since ≤ timestamp < until, in one pass. */
export function sumsSince(
  samples: readonly SliSample[],
  since: number,
  until: number,
): EventCounts {
  let good = 0;
  let total = 0;
  for (const sample of samples) {
    if (sample.timestamp >= since && sample.timestamp < until) {
      good += sample.good;
      total += sample.total;
    }
  }
  return { good, total };
}

/** Answers many window sums over the same samples, each in O(log n). */
export type SampleIndex = {
  /** Good and total over the samples with since ≤ timestamp < until. */
  sums(since: number, until: number): EventCounts;
};

/** Sorts the samples once (O(n log n)) and builds prefix sums of good and total. */
export function indexSamples(samples: readonly SliSample[]): SampleIndex {
  const sorted = [...samples].sort((a, b) => a.timestamp - b.timestamp);
  const timestamps = sorted.map(sample => sample.timestamp);
  const goodBefore = new Float64Array(sorted.length + 1);
  const totalBefore = new Float64Array(sorted.length + 1);
  sorted.forEach((sample, i) => {
    goodBefore[i + 1] = goodBefore[i] + sample.good;
    totalBefore[i + 1] = totalBefore[i] + sample.total;
  });
  // The index of the first sample at or after `time`.
  const firstAtOrAfter = (time: number) => {
    let low = 0;
    let high = timestamps.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (timestamps[middle] < time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  };
  return {
    sums(since, until) {
      if (!(since < until)) {
        return { good: 0, total: 0 };
      }
      const from = firstAtOrAfter(since);
      const to = firstAtOrAfter(until);
      return {
        good: goodBefore[to] - goodBefore[from],
        total: totalBefore[to] - totalBefore[from],
      };
    },
  };
}

/**
 * The burn-down chart: the remaining budget of the rolling `windowDays` window ending at each of
 * the last `points` UTC day boundaries up to `until`, oldest first, then at `until` itself when it
 * is not a day boundary (so `points` or `points + 1` points). The point at d covers the samples in
 * [d - windowDays, d), so the oldest point reaches back almost `points + windowDays` days before
 * `until`: pass samples from that far back, or the early points see a partly empty window.
 * A window without events gives `remaining: null`.
 */
export function budgetHistory({
  samples,
  objective,
  windowDays,
  until,
  points,
}: {
  samples: readonly SliSample[];
  objective: number;
  windowDays: number;
  until: number;
  points: number;
}): BudgetPoint[] {
  if (!(windowDays > 0)) {
    throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  }
  if (!(Number.isInteger(points) && points > 0)) {
    throw new RangeError(`points must be a positive integer, got ${points}`);
  }
  const index = indexSamples(samples);
  const lastDayStart = Math.floor(until / DAY_MS) * DAY_MS;
  const ends: number[] = [];
  for (let back = points - 1; back >= 0; back--) {
    ends.push(lastDayStart - back * DAY_MS);
  }
  if (lastDayStart !== until) {
    ends.push(until);
  }
  const windowMs = windowDays * DAY_MS;
  return ends.map(end => ({
    at: new Date(end).toISOString(),
    remaining: budgetSummary({
      objective,
      ...index.sums(end - windowMs, end),
    }).remaining,
  }));
}
