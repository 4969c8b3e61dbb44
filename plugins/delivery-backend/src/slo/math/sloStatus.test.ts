import { SloDefinition } from '@delivery-insights/backstage-plugin-delivery-common';
import { computeSloStatus } from './sloStatus';
import { SliSample } from './windowedSums';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const definition: SloDefinition = {
  name: 'availability',
  displayName: 'Availability',
  objective: 0.999,
  windowDays: 30,
  sli: { type: 'ratio' },
};
const now = new Date('2026-11-30T12:00:00.000Z');
const nowMs = now.getTime();
const status = (samples: SliSample[], overrides: Partial<SloDefinition> = {}) =>
  computeSloStatus({
    definition: { ...definition, ...overrides },
    samples,
    now,
  });

/** `count` consecutive minute samples ending at `end` (exclusive), each with `bad` of `total` bad. */
const minutes = (
  end: number,
  count: number,
  bad: number,
  total = 1000,
): SliSample[] =>
  Array.from({ length: count }, (_, i) => ({
    timestamp: end - (count - i) * MINUTE,
    good: total - bad,
    total,
  }));

describe('computeSloStatus', () => {
  it('reports nulls and no_data without samples', () => {
    const result = status([]);
    expect(result).toEqual({
      definition: { ...definition },
      attainment: null,
      good: 0,
      total: 0,
      errorBudget: expect.closeTo(0.001, 15),
      consumed: null,
      remaining: null,
      burnRates: {
        '5m': null,
        '30m': null,
        '1h': null,
        '6h': null,
        '1d': null,
        '3d': null,
      },
      alert: 'no_data',
      exhaustionAt: null,
      history: expect.any(Array),
    });
    expect(result.history).toHaveLength(31);
    expect(result.history.every(point => point.remaining === null)).toBe(true);
  });

  it('hands back the definition it was given', () => {
    const result = computeSloStatus({ definition, samples: [], now });
    expect(result.definition).toBe(definition);
  });

  describe('a half-spent budget burning at 2 over the last 6 hours', () => {
    // 30-day window: 500 bad of 1,000,000 → consumed 0.5. Last 6 h: 12 bad of 6000 → burn 2,
    // of which the last hour 1 bad of 1000 → burn 1.
    const samples: SliSample[] = [
      { timestamp: nowMs - 10 * DAY, good: 993_512, total: 994_000 },
      ...[3, 3, 3, 1, 1, 1].map((bad, i) => ({
        timestamp: nowMs - (6 - i) * HOUR,
        good: 1000 - bad,
        total: 1000,
      })),
    ];
    const result = status(samples);

    it('sums the window', () => {
      expect(result.good).toBe(999_500);
      expect(result.total).toBe(1_000_000);
      expect(result.attainment).toBe(0.9995);
      expect(result.consumed).toBeCloseTo(0.5, 9);
      expect(result.remaining).toBeCloseTo(0.5, 9);
    });

    it('measures each burn-rate window ending now', () => {
      expect(result.burnRates['5m']).toBeNull();
      expect(result.burnRates['30m']).toBeNull();
      expect(result.burnRates['1h']).toBeCloseTo(1, 9);
      expect(result.burnRates['6h']).toBeCloseTo(2, 9);
      expect(result.burnRates['1d']).toBeCloseTo(2, 9);
      expect(result.burnRates['3d']).toBeCloseTo(2, 9);
    });

    it('opens a ticket: 3d and 6h above 1, nothing in the short page windows', () => {
      expect(result.alert).toBe('ticket');
    });

    it('forecasts exhaustion at the 6h burn rate: 0.5 × 30 / 2 = 7.5 days', () => {
      const days = (Date.parse(result.exhaustionAt!) - nowMs) / DAY;
      expect(days).toBeCloseTo(7.5, 6);
      expect(result.exhaustionAt!.slice(0, 16)).toBe('2026-12-08T00:00');
    });

    it('draws the burn-down', () => {
      expect(result.history).toHaveLength(31);
      expect(result.history[0].at).toBe('2026-11-01T00:00:00.000Z');
      expect(result.history[29].at).toBe('2026-11-30T00:00:00.000Z');
      expect(result.history[30].at).toBe('2026-11-30T12:00:00.000Z');
      // untouched days before the big bucket of Nov 20 12:00, then half spent, then the last hours
      expect(result.history[19].remaining).toBeNull();
      expect(result.history[20].remaining).toBeCloseTo(
        1 - 488 / 994_000 / 0.001,
        9,
      );
      expect(result.history[29].remaining).toBeCloseTo(
        1 - 488 / 994_000 / 0.001,
        9,
      );
      expect(result.history[30].remaining).toBe(result.remaining);
    });
  });

  it('counts samples by their start: [now - windowDays, now)', () => {
    const result = status([
      { timestamp: nowMs - 30 * DAY - 1, good: 0, total: 1000 },
      { timestamp: nowMs - 30 * DAY, good: 10, total: 10 },
      { timestamp: nowMs - 1, good: 5, total: 5 },
      { timestamp: nowMs, good: 0, total: 1000 },
    ]);
    expect(result.good).toBe(15);
    expect(result.total).toBe(15);
    expect(result.remaining).toBe(1);
    expect(result.burnRates['5m']).toBe(0);
    expect(result.alert).toBe('ok');
  });

  it('counts a burn-rate window from now - length, inclusive', () => {
    const result = status([
      { timestamp: nowMs - 5 * MINUTE, good: 0, total: 1 },
      { timestamp: nowMs - 5 * MINUTE - 1, good: 1, total: 1 },
    ]);
    expect(result.burnRates['5m']).toBeCloseTo(1000, 6);
    expect(result.burnRates['30m']).toBeCloseTo(500, 6);
  });

  it('pages when the last hour and the last 5 minutes burn fast', () => {
    // 2 % errors for an hour: burn rate 20 on every window
    const result = status(minutes(nowMs, 60, 20));
    expect(result.burnRates['5m']).toBeCloseTo(20, 9);
    expect(result.burnRates['1h']).toBeCloseTo(20, 9);
    expect(result.alert).toBe('page');
  });

  it('does not page when the last hour burned but the last 5 minutes did not', () => {
    // 10 % errors from 60 to 30 minutes ago, none since
    const samples = [
      ...minutes(nowMs - 30 * MINUTE, 30, 100),
      ...minutes(nowMs, 30, 0),
    ];
    const result = status(samples);
    expect(result.burnRates['1h']).toBeCloseTo(50, 9);
    expect(result.burnRates['30m']).toBe(0);
    expect(result.burnRates['5m']).toBe(0);
    expect(result.burnRates['6h']).toBeCloseTo(50, 9);
    expect(result.alert).toBe('ticket');
  });

  it('pages on the slow rule when 6h and 30m burn above 6 but 1h does not reach 14.4', () => {
    // 0.7 % errors for 6 hours: burn 7
    const result = status(minutes(nowMs, 360, 7));
    expect(result.burnRates['6h']).toBeCloseTo(7, 9);
    expect(result.burnRates['1h']).toBeCloseTo(7, 9);
    expect(result.alert).toBe('page');
  });

  it('is ok with errors well within budget', () => {
    // 0.05 % errors for three days: burn 0.5; consumed is a share of the window's events, so 0.5 too
    const result = status(minutes(nowMs, 3 * 24 * 60, 1, 2000));
    expect(result.burnRates['3d']).toBeCloseTo(0.5, 9);
    expect(result.alert).toBe('ok');
    expect(result.remaining).toBeCloseTo(0.5, 9);
    // 0.5 × 30 / 0.5 = 30 days
    expect((Date.parse(result.exhaustionAt!) - nowMs) / DAY).toBeCloseTo(30, 6);
  });

  it('forecasts nothing when the last 6 hours were clean', () => {
    const result = status([
      { timestamp: nowMs - 2 * DAY, good: 900, total: 1000 },
      ...minutes(nowMs, 360, 0),
    ]);
    expect(result.remaining).toBeLessThan(1);
    expect(result.burnRates['6h']).toBe(0);
    expect(result.exhaustionAt).toBeNull();
  });

  describe('5-minute buckets posted once complete', () => {
    // 12:03: the bucket 12:00-12:05 is still filling and not posted yet.
    const at = new Date(nowMs + 3 * MINUTE);
    /** `count` 5-minute buckets ending `hoursBefore` 12:00, each with `bad` of 10,000 bad. */
    const buckets = (
      count: number,
      bad: number,
      hoursBefore = 0,
    ): SliSample[] =>
      Array.from({ length: count }, (_, i) => ({
        timestamp: nowMs - hoursBefore * HOUR - (count - i) * 5 * MINUTE,
        good: 10_000 - bad,
        total: 10_000,
      }));
    const statusAt = (samples: SliSample[], objective = 0.999) =>
      computeSloStatus({
        definition: { ...definition, objective },
        samples,
        now: at,
      });

    it('measures the 5m window over the latest complete bucket and pages on the first row', () => {
      // 5 clean hours, then an hour at 2 %: 1h and 5m burn 20, 6h only 20 / 6
      const result = statusAt([...buckets(60, 0, 1), ...buckets(12, 200)]);
      expect(result.burnRates['5m']).toBeCloseTo(20, 9);
      expect(result.burnRates['1h']).toBeCloseTo(20, 9);
      expect(result.burnRates['6h']).toBeCloseTo(20 / 6, 9);
      expect(result.alert).toBe('page');
    });

    it('leaves a bucket still filling out of the burn rates but not out of the budget', () => {
      const result = statusAt([
        ...buckets(12, 0),
        { timestamp: nowMs, good: 0, total: 10_000 },
      ]);
      expect(result.burnRates['5m']).toBe(0);
      expect(result.total).toBe(130_000);
    });

    it.each([
      ['target: 0.999', 0.999],
      ['targetPercent: 99.9', 99.9 / 100],
    ])(
      'does not page on a burn rate of exactly 14.4 with %s',
      (_, objective) => {
        // 5 clean hours before: the 6h row sees 2.4 and only the ticket row fires
        const clean = buckets(60, 0, 1);
        const exact = statusAt([...clean, ...buckets(12, 144)], objective);
        expect(exact.burnRates['1h']).toBeCloseTo(14.4, 9);
        expect(exact.burnRates['5m']).toBeCloseTo(14.4, 9);
        expect(exact.alert).toBe('ticket');
        expect(statusAt([...clean, ...buckets(12, 145)], objective).alert).toBe(
          'page',
        );
      },
    );
  });

  it('reports an overspent budget as negative and exhausted now', () => {
    // 1 % errors over the window against a 0.1 % budget: 10 budgets
    const result = status([
      { timestamp: nowMs - 20 * DAY, good: 990, total: 1000 },
    ]);
    expect(result.consumed).toBeCloseTo(10, 9);
    expect(result.remaining).toBeCloseTo(-9, 9);
    expect(result.burnRates['6h']).toBeNull();
    expect(result.exhaustionAt).toBe(now.toISOString());
    // nothing in the last 3 days: no burn rate any alert rule can use
    expect(result.alert).toBe('no_data');
  });

  it('uses a 28-day window', () => {
    const samples = [
      { timestamp: nowMs - 29 * DAY, good: 0, total: 1000 },
      { timestamp: nowMs - 27 * DAY, good: 1000, total: 1000 },
    ];
    const result = status(samples, { windowDays: 28 });
    expect(result.total).toBe(1000);
    expect(result.remaining).toBe(1);
    expect(result.history).toHaveLength(29);
    expect(status(samples).total).toBe(2000);
  });

  it('has one point per day when now is midnight', () => {
    const result = computeSloStatus({
      definition,
      samples: [],
      now: new Date('2026-11-30T00:00:00.000Z'),
    });
    expect(result.history).toHaveLength(30);
    expect(result.history[29].at).toBe('2026-11-30T00:00:00.000Z');
  });

  it('does not depend on the order of the samples', () => {
    const samples = [
      ...minutes(nowMs, 90, 3),
      { timestamp: nowMs - 5 * DAY, good: 10, total: 40 },
    ];
    expect(status([...samples].reverse())).toEqual(status(samples));
  });

  it('rejects an objective outside (0, 1)', () => {
    expect(() => status([], { objective: 1 })).toThrow(RangeError);
    expect(() => status([], { objective: 99.9 })).toThrow(RangeError);
  });
});
