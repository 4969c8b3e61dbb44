import {
  chartUnitFor,
  lastWeeksWindow,
  latestValue,
  toChartPoints,
} from './weeklySeries';

describe('lastWeeksWindow', () => {
  it('starts 25 weeks before the Monday (UTC) of the current week and ends now', () => {
    // Wednesday
    expect(lastWeeksWindow(new Date('2026-11-25T14:00:00Z'))).toEqual({
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-11-25T14:00:00.000Z',
    });
  });

  it('treats Sunday as the end of the week and Monday as its start', () => {
    expect(lastWeeksWindow(new Date('2026-11-29T23:59:00Z'), 1).from).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    expect(lastWeeksWindow(new Date('2026-11-30T00:00:00Z'), 2).from).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });
});

describe('chartUnitFor', () => {
  it('plots deployments per day as deployments per week', () => {
    const unit = chartUnitFor('per_day', [4 / 30]);
    expect(unit.valueKey).toBe('units.perWeek');
    expect(
      toChartPoints(
        [{ from: 'a', to: 'b', value: 2 / 7, sampleSize: 2 }],
        unit,
      )[0].value,
    ).toBeCloseTo(2, 10);
  });

  it('plots ratios in percent', () => {
    expect(chartUnitFor('ratio', [0.5])).toMatchObject({
      factor: 100,
      valueKey: 'units.percent',
    });
  });

  it('keeps a whole duration chart in hours, or in days once a point reaches two days', () => {
    expect(chartUnitFor('hours', [null, 36, 47.9])).toMatchObject({
      factor: 1,
      valueKey: 'units.hours',
    });
    expect(chartUnitFor('hours', [1, 48, null])).toMatchObject({
      factor: 1 / 24,
      valueKey: 'units.days',
    });
    expect(chartUnitFor('hours', [null, null]).valueKey).toBe('units.hours');
  });
});

describe('latestValue', () => {
  it('skips weeks without data at the end', () => {
    expect(
      latestValue([
        { weekStart: 'a', value: 36, sampleSize: 2 },
        { weekStart: 'b', value: 48, sampleSize: 1 },
        { weekStart: 'c', value: null, sampleSize: 0 },
      ]),
    ).toBe(48);
    expect(latestValue([{ weekStart: 'a', value: null, sampleSize: 0 }])).toBe(
      null,
    );
  });
});
