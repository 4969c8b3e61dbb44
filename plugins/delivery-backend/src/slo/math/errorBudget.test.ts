import { assertObjective, budgetSummary, burnRate } from './errorBudget';

describe('budgetSummary', () => {
  it('reports an untouched budget when every event is good', () => {
    expect(
      budgetSummary({ objective: 0.999, good: 1000, total: 1000 }),
    ).toEqual({
      attainment: 1,
      errorBudget: expect.closeTo(0.001, 15),
      consumed: 0,
      remaining: 1,
    });
  });

  it('divides the error rate by the budget', () => {
    // 500 bad of 1,000,000: error rate 0.0005, half of a 0.001 budget
    const summary = budgetSummary({
      objective: 0.999,
      good: 999_500,
      total: 1_000_000,
    });
    expect(summary.attainment).toBe(0.9995);
    expect(summary.errorBudget).toBeCloseTo(0.001, 15);
    expect(summary.consumed).toBeCloseTo(0.5, 12);
    expect(summary.remaining).toBeCloseTo(0.5, 12);
  });

  it('spends the whole budget when attainment equals the objective', () => {
    const summary = budgetSummary({ objective: 0.99, good: 990, total: 1000 });
    expect(summary.attainment).toBe(0.99);
    expect(summary.consumed).toBeCloseTo(1, 12);
    expect(summary.remaining).toBeCloseTo(0, 12);
  });

  it('goes negative when the budget is overspent', () => {
    // 20 bad of 1000 against a 1 % budget: twice the budget
    const summary = budgetSummary({ objective: 0.99, good: 980, total: 1000 });
    expect(summary.consumed).toBeCloseTo(2, 12);
    expect(summary.remaining).toBeCloseTo(-1, 12);
  });

  it('counts every event bad as 1 / (1 - objective) budgets', () => {
    const summary = budgetSummary({ objective: 0.9, good: 0, total: 7 });
    expect(summary.attainment).toBe(0);
    expect(summary.consumed).toBeCloseTo(10, 12);
    expect(summary.remaining).toBeCloseTo(-9, 12);
  });

  it('uses an exactly representable budget exactly', () => {
    expect(budgetSummary({ objective: 0.75, good: 90, total: 100 })).toEqual({
      attainment: 0.9,
      errorBudget: 0.25,
      consumed: expect.closeTo(0.4, 15),
      remaining: expect.closeTo(0.6, 15),
    });
  });

  it('is null without events but still reports the budget', () => {
    expect(budgetSummary({ objective: 0.995, good: 0, total: 0 })).toEqual({
      attainment: null,
      errorBudget: expect.closeTo(0.005, 15),
      consumed: null,
      remaining: null,
    });
  });

  it('handles fractional counts such as Prometheus rates', () => {
    const summary = budgetSummary({ objective: 0.9, good: 9.5, total: 10 });
    expect(summary.attainment).toBeCloseTo(0.95, 12);
    expect(summary.consumed).toBeCloseTo(0.5, 12);
  });

  it.each([0, 1, -0.1, 1.5, NaN])('rejects the objective %p', objective => {
    expect(() => budgetSummary({ objective, good: 1, total: 1 })).toThrow(
      RangeError,
    );
    expect(() => budgetSummary({ objective, good: 0, total: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('burnRate', () => {
  it('is null without events', () => {
    expect(burnRate({ good: 0, total: 0 }, 0.999)).toBeNull();
  });

  it('is 0 when every event is good', () => {
    expect(burnRate({ good: 50, total: 50 }, 0.999)).toBe(0);
  });

  it('is 1 when the error rate equals the budget', () => {
    expect(burnRate({ good: 999, total: 1000 }, 0.999)).toBeCloseTo(1, 12);
  });

  it('is the error rate divided by the budget', () => {
    // 2 % errors against a 0.1 % budget
    expect(burnRate({ good: 980, total: 1000 }, 0.999)).toBeCloseTo(20, 10);
    // 1.44 % errors: the fast-burn page threshold
    expect(burnRate({ good: 9856, total: 10_000 }, 0.999)).toBeCloseTo(
      14.4,
      10,
    );
    expect(burnRate({ good: 3, total: 4 }, 0.75)).toBe(1);
  });

  it('depends on the error rate, not the volume', () => {
    expect(burnRate({ good: 9, total: 10 }, 0.99)).toBeCloseTo(
      burnRate({ good: 900_000, total: 1_000_000 }, 0.99)!,
      12,
    );
  });

  it.each([0, 1, -1, 2, NaN])('rejects the objective %p', objective => {
    expect(() => burnRate({ good: 1, total: 1 }, objective)).toThrow(
      RangeError,
    );
  });
});

describe('assertObjective', () => {
  it.each([0.5, 0.9, 0.999, 0.99999])('accepts %p', objective => {
    expect(() => assertObjective(objective)).not.toThrow();
  });

  it.each([0, 1, -0.5, 99.9, NaN, Infinity])('rejects %p', objective => {
    expect(() => assertObjective(objective)).toThrow(
      /strictly between 0 and 1/,
    );
  });
});
