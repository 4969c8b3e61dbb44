import { deployImpact } from './deployImpact';
import { indexSamples } from './windowedSums';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = Date.UTC(2026, 11, 1, 12);
const definition = { objective: 0.999, windowDays: 30 };
const impact = (
  samples: Array<{ timestamp: number; good: number; total: number }>,
) =>
  deployImpact({
    definition,
    index: indexSamples(samples),
    at,
    windowMs: 2 * HOUR,
  });

describe('deployImpact', () => {
  it('shares the bad events of the 2 h before and after among the budget at the deployment', () => {
    // Budget at the deployment: 0.1 % of 1,000,000 events = 1,000 bad events.
    const result = impact([
      { timestamp: at - 10 * DAY, good: 999_000, total: 999_000 },
      { timestamp: at - 2 * HOUR, good: 490, total: 500 }, // 10 bad, before
      { timestamp: at - HOUR, good: 480, total: 500 }, // 20 bad, before
      { timestamp: at, good: 0, total: 100 }, // 100 bad, after
      { timestamp: at + HOUR, good: 980, total: 1000 }, // 20 bad, after
      { timestamp: at + 2 * HOUR, good: 0, total: 1000 }, // outside
      { timestamp: at - 2 * HOUR - 1, good: 0, total: 1000 }, // outside, in the budget
    ]);
    // The window [at - 30 d, at) holds 999,000 + 500 + 500 + 1,000 events.
    const budget = 0.001 * 1_001_000;
    expect(result.before).toBeCloseTo(30 / budget, 12);
    expect(result.after).toBeCloseTo(120 / budget, 12);
  });

  it('is 0 for clean windows around a deployment', () => {
    expect(impact([{ timestamp: at - DAY, good: 1000, total: 1000 }])).toEqual({
      before: 0,
      after: 0,
    });
  });

  it('has no share without events in the SLO window before the deployment', () => {
    expect(impact([{ timestamp: at, good: 0, total: 10 }])).toEqual({
      before: null,
      after: null,
    });
  });
});
