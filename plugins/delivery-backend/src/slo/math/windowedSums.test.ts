import { burnRateWindows } from '@delivery-insights/backstage-plugin-delivery-common';
import { budgetSummary } from './errorBudget';
import {
  SliSample,
  budgetHistory,
  burnRateWindowEnd,
  burnRateWindowMs,
  indexSamples,
  sumsSince,
} from './windowedSums';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t = (iso: string) => Date.parse(iso);

/** A deterministic pseudo-random series (mulberry32) for cross-checks. */
function randomSamples(count: number, seed: number): SliSample[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const start = t('2026-10-01T00:00:00Z');
  return Array.from({ length: count }, () => {
    const total = Math.floor(random() * 1000);
    return {
      timestamp: start + Math.floor(random() * 10 * DAY),
      good: total - Math.floor(random() * random() * total * 0.01),
      total,
    };
  });
}

describe('burnRateWindowEnd', () => {
  const at = (iso: string) => burnRateWindowEnd(Date.parse(iso));

  it('is the start of the 5-minute bucket containing now', () => {
    expect(at('2026-11-30T12:03:59.999Z')).toBe(
      Date.parse('2026-11-30T12:00:00.000Z'),
    );
    expect(at('2026-11-30T12:04:59.999Z')).toBe(
      Date.parse('2026-11-30T12:00:00.000Z'),
    );
  });

  it('is now itself on a bucket boundary', () => {
    expect(at('2026-11-30T12:05:00.000Z')).toBe(
      Date.parse('2026-11-30T12:05:00.000Z'),
    );
  });
});

describe('burnRateWindowMs', () => {
  it('gives every burn-rate window its length', () => {
    expect(burnRateWindowMs).toEqual({
      '5m': 300_000,
      '30m': 1_800_000,
      '1h': 3_600_000,
      '6h': 21_600_000,
      '1d': 86_400_000,
      '3d': 259_200_000,
    });
    expect(Object.keys(burnRateWindowMs).sort()).toEqual(
      [...burnRateWindows].sort(),
    );
  });
});

describe('sumsSince', () => {
  const since = t('2026-11-01T00:00:00Z');
  const until = t('2026-11-01T01:00:00Z');

  it('is zero without samples', () => {
    expect(sumsSince([], since, until)).toEqual({ good: 0, total: 0 });
  });

  it('sums the samples inside the window', () => {
    expect(
      sumsSince(
        [
          { timestamp: since + 10 * MINUTE, good: 9, total: 10 },
          { timestamp: since + 20 * MINUTE, good: 5, total: 7 },
        ],
        since,
        until,
      ),
    ).toEqual({ good: 14, total: 17 });
  });

  it('includes a sample starting at `since` and excludes one starting at `until`', () => {
    expect(
      sumsSince(
        [
          { timestamp: since, good: 1, total: 1 },
          { timestamp: until, good: 100, total: 100 },
        ],
        since,
        until,
      ),
    ).toEqual({ good: 1, total: 1 });
  });

  it('places a bucket straddling an edge wholly by its start', () => {
    const samples = [
      // starts a minute before the window, ends inside it: outside
      { timestamp: since - MINUTE / 2, good: 1, total: 2 },
      // starts in the last millisecond of the window, ends after it: inside
      { timestamp: until - 1, good: 3, total: 4 },
    ];
    expect(sumsSince(samples, since, until)).toEqual({ good: 3, total: 4 });
  });

  it('does not need sorted samples', () => {
    expect(
      sumsSince(
        [
          { timestamp: since + 30 * MINUTE, good: 1, total: 1 },
          { timestamp: since - 1, good: 50, total: 50 },
          { timestamp: since + 1 * MINUTE, good: 2, total: 3 },
        ],
        since,
        until,
      ),
    ).toEqual({ good: 3, total: 4 });
  });

  it('is zero for an empty or reversed window', () => {
    const samples = [{ timestamp: since, good: 1, total: 1 }];
    expect(sumsSince(samples, since, since)).toEqual({ good: 0, total: 0 });
    expect(sumsSince(samples, until, since)).toEqual({ good: 0, total: 0 });
  });
});

describe('indexSamples', () => {
  it('is zero without samples', () => {
    expect(indexSamples([]).sums(0, 1e15)).toEqual({ good: 0, total: 0 });
  });

  it('keeps the half-open window and counts samples sharing a timestamp', () => {
    const index = indexSamples([
      { timestamp: 20, good: 1, total: 2 },
      { timestamp: 10, good: 3, total: 4 },
      { timestamp: 20, good: 5, total: 6 },
      { timestamp: 30, good: 7, total: 8 },
    ]);
    expect(index.sums(10, 30)).toEqual({ good: 9, total: 12 });
    expect(index.sums(11, 30)).toEqual({ good: 6, total: 8 });
    expect(index.sums(20, 21)).toEqual({ good: 6, total: 8 });
    expect(index.sums(10, 31)).toEqual({ good: 16, total: 20 });
    expect(index.sums(31, 100)).toEqual({ good: 0, total: 0 });
    expect(index.sums(0, 10)).toEqual({ good: 0, total: 0 });
    expect(index.sums(30, 10)).toEqual({ good: 0, total: 0 });
  });

  it('agrees with sumsSince on any window', () => {
    const samples = randomSamples(5000, 42);
    const index = indexSamples(samples);
    const start = t('2026-10-01T00:00:00Z');
    for (let i = 0; i < 200; i++) {
      const since = start + ((i * 7919) % 240) * HOUR - 1;
      const until = since + ((i * 104_729) % (5 * DAY));
      expect(index.sums(since, until)).toEqual(
        sumsSince(samples, since, until),
      );
    }
  });

  it('does not mutate its input', () => {
    const samples = [
      { timestamp: 2, good: 1, total: 1 },
      { timestamp: 1, good: 1, total: 1 },
    ];
    indexSamples(samples);
    expect(samples.map(s => s.timestamp)).toEqual([2, 1]);
  });
});

describe('budgetHistory', () => {
  // Objective 0.9 (10 % budget), a 2-day window, one bucket of 100 events a day.
  const samples: SliSample[] = [
    { timestamp: t('2026-11-01T00:00:00Z'), good: 100, total: 100 },
    { timestamp: t('2026-11-02T00:00:00Z'), good: 90, total: 100 },
    { timestamp: t('2026-11-03T00:00:00Z'), good: 80, total: 100 },
    { timestamp: t('2026-11-04T00:00:00Z'), good: 100, total: 100 },
    { timestamp: t('2026-11-05T06:00:00Z'), good: 50, total: 100 },
  ];
  const history = (until: string, points: number, input = samples) =>
    budgetHistory({
      samples: input,
      objective: 0.9,
      windowDays: 2,
      until: t(until),
      points,
    });

  it('gives the rolling window ending at each day, then at `until`', () => {
    const result = history('2026-11-05T12:00:00Z', 5);
    expect(result.map(point => point.at)).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-05T00:00:00.000Z',
      '2026-11-05T12:00:00.000Z',
    ]);
    expect(result.map(point => point.remaining)).toEqual([
      null, // [Oct 30, Nov 1): no events
      1, // [Oct 31, Nov 2): Nov 1 only, no bad events
      expect.closeTo(0.5, 12), // [Nov 1, Nov 3): 10 bad / 200 = 5 %, half the budget
      expect.closeTo(-0.5, 12), // [Nov 2, Nov 4): 30 bad / 200 = 15 %, 1.5 budgets
      expect.closeTo(0, 12), // [Nov 3, Nov 5): 20 bad / 200 = 10 %, exactly the budget
      expect.closeTo(-1.5, 12), // [Nov 3 12:00, Nov 5 12:00): Nov 4 and Nov 5 06:00, 50 / 200
    ]);
  });

  it('ends on `until` without a duplicate when `until` is a day boundary', () => {
    const result = history('2026-11-05T00:00:00Z', 3);
    expect(result.map(point => point.at)).toEqual([
      '2026-11-03T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-05T00:00:00.000Z',
    ]);
    expect(result.map(point => point.remaining)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(-0.5, 12),
      expect.closeTo(0, 12),
    ]);
  });

  it('has `points` day boundaries plus `until`', () => {
    expect(history('2026-11-05T12:00:00Z', 1)).toHaveLength(2);
    expect(history('2026-11-05T12:00:00Z', 30)).toHaveLength(31);
    expect(history('2026-11-05T00:00:00Z', 30)).toHaveLength(30);
    expect(history('2026-11-05T00:00:00.001Z', 30)).toHaveLength(31);
  });

  it('is all null without samples', () => {
    const result = history('2026-11-05T12:00:00Z', 4, []);
    expect(result).toHaveLength(5);
    expect(result.every(point => point.remaining === null)).toBe(true);
  });

  it('does not depend on the order of the samples', () => {
    expect(history('2026-11-05T12:00:00Z', 5, [...samples].reverse())).toEqual(
      history('2026-11-05T12:00:00Z', 5),
    );
  });

  it('matches a window computed directly from the samples, at every point', () => {
    // 60 days of minute samples: what a busy service stores for a 30-day SLO and its history
    const until = t('2026-12-01T15:37:00Z');
    const start = until - 60 * DAY;
    const minutes: SliSample[] = [];
    for (let time = start; time < until; time += MINUTE) {
      const minute = (time - start) / MINUTE;
      minutes.push({
        timestamp: time,
        good: 1000 - (minute % 997 === 0 ? 400 : minute % 7),
        total: 1000,
      });
    }
    const result = budgetHistory({
      samples: minutes,
      objective: 0.999,
      windowDays: 30,
      until,
      points: 30,
    });
    expect(result).toHaveLength(31);
    for (const point of result) {
      const end = Date.parse(point.at);
      const direct = budgetSummary({
        objective: 0.999,
        ...sumsSince(minutes, end - 30 * DAY, end),
      }).remaining!;
      expect(point.remaining).toBeCloseTo(direct, 9);
    }
  });

  it.each([0, -1, 1.5, NaN])('rejects %p points', points => {
    expect(() => history('2026-11-05T12:00:00Z', points)).toThrow(RangeError);
  });

  it('rejects a window of no days and an invalid objective', () => {
    const base = { samples, until: t('2026-11-05T00:00:00Z'), points: 3 };
    expect(() =>
      budgetHistory({ ...base, objective: 0.9, windowDays: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      budgetHistory({ ...base, objective: 1, windowDays: 2 }),
    ).toThrow(RangeError);
  });
});
