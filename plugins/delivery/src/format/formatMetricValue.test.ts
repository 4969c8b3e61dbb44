import { formatNumber, toHumanValue } from './formatMetricValue';

describe('toHumanValue', () => {
  it('reads deployment rates per day, per week or per 30 days', () => {
    expect(toHumanValue(3.2, 'per_day')).toEqual({
      key: 'units.perDay',
      value: 3.2,
    });
    expect(toHumanValue(0, 'per_day')).toEqual({
      key: 'units.perDay',
      value: 0,
    });
    expect(toHumanValue(2 / 7, 'per_day')).toEqual({
      key: 'units.perWeek',
      value: 2,
    });
    expect(toHumanValue(1 / 30, 'per_day').key).toBe('units.per30Days');
    expect(toHumanValue(1 / 30, 'per_day').value).toBeCloseTo(1, 10);
  });

  it('reads durations in minutes below an hour and in days from two days', () => {
    expect(toHumanValue(0.75, 'hours')).toEqual({
      key: 'units.minutes',
      value: 45,
    });
    expect(toHumanValue(18, 'hours')).toEqual({
      key: 'units.hours',
      value: 18,
    });
    expect(toHumanValue(47.9, 'hours').key).toBe('units.hours');
    expect(toHumanValue(72, 'hours')).toEqual({ key: 'units.days', value: 3 });
  });

  it('reads ratios as percent', () => {
    expect(toHumanValue(0.04, 'ratio')).toEqual({
      key: 'units.percent',
      value: 4,
    });
    expect(toHumanValue(84.5, 'percent')).toEqual({
      key: 'units.percent',
      value: 84.5,
    });
  });
});

describe('formatNumber', () => {
  it('uses the locale’s decimal separator and at most one decimal', () => {
    expect(formatNumber(3.25, 'en')).toBe('3.3');
    expect(formatNumber(3.25, 'ru')).toBe('3,3');
    expect(formatNumber(4, 'ru')).toBe('4');
    expect(formatNumber(1234.5, 'en')).toBe('1,235');
  });
});
