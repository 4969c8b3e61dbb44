import { exhaustionAt } from './forecast';

const now = new Date('2026-11-01T00:00:00.000Z');
const at = (
  remaining: number | null,
  burnRate6h: number | null,
  windowDays = 30,
) => exhaustionAt({ remaining, burnRate6h, windowDays, now });

describe('exhaustionAt', () => {
  it('lasts remaining × windowDays / burn rate days', () => {
    // half of a 30-day budget at burn rate 2: 30 / 2 × 0.5 = 7.5 days
    expect(at(0.5, 2)?.toISOString()).toBe('2026-11-08T12:00:00.000Z');
  });

  it('spends a whole budget at burn rate 1 in exactly the window', () => {
    expect(at(1, 1)?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(at(1, 1, 28)?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('spends a whole 30-day budget in 50 hours at the fast-burn rate 14.4', () => {
    expect(at(1, 14.4)?.toISOString()).toBe('2026-11-03T02:00:00.000Z');
  });

  it('uses the window length', () => {
    // a quarter of a 28-day budget at 7: 28 × 0.25 / 7 = 1 day
    expect(at(0.25, 7, 28)?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('is later when burning slower than budgeted', () => {
    // 0.1 left at 0.5: 30 × 0.1 / 0.5 = 6 days
    expect(at(0.1, 0.5)?.toISOString()).toBe('2026-11-07T00:00:00.000Z');
  });

  it('rounds to the millisecond', () => {
    // 1 / 3 of a day
    expect(at(1, 3, 1)?.toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(at(1, 7, 1)?.getTime()).toBe(now.getTime() + 12_342_857); // 12,342,857.14
    expect(at(1, 1.75, 1)?.getTime()).toBe(now.getTime() + 49_371_429); // 49,371,428.57
  });

  it('is null when nothing burns', () => {
    expect(at(0.5, 0)).toBeNull();
    expect(at(0.5, -1)).toBeNull();
  });

  it('is null without a 6h burn rate', () => {
    expect(at(0.5, null)).toBeNull();
  });

  it('is null without a remaining budget', () => {
    expect(at(null, 5)).toBeNull();
    expect(at(null, null)).toBeNull();
  });

  it('is now when the budget is already spent, whatever the burn rate', () => {
    expect(at(0, 3)?.toISOString()).toBe(now.toISOString());
    expect(at(-0.4, 3)?.toISOString()).toBe(now.toISOString());
    expect(at(-0.4, 0)?.toISOString()).toBe(now.toISOString());
    expect(at(0, null)?.toISOString()).toBe(now.toISOString());
  });

  it('does not hand back the caller’s Date', () => {
    expect(at(0, 1)).not.toBe(now);
  });

  it('is null when the date would be beyond what a Date holds', () => {
    expect(at(1, 1e-12)).toBeNull();
  });

  it.each([0, -30, NaN])('rejects a window of %p days', windowDays => {
    expect(() => at(0.5, 2, windowDays)).toThrow(RangeError);
  });
});
