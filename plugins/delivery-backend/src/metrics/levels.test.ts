import {
  LevelThresholds,
  ThresholdLevelMetric,
  defaultLevelThresholds,
  deploymentFrequencyLevel,
  performanceLevel,
} from './levels';

const level = (metric: ThresholdLevelMetric, value: number | null) =>
  performanceLevel(metric, value, defaultLevelThresholds);

describe('performanceLevel with the DORA 2023 defaults', () => {
  it('is null without a value, for every metric', () => {
    expect(level('failedDeploymentRecoveryTime', null)).toBeNull();
    expect(level('leadTime', null)).toBeNull();
    expect(level('changeFailureRate', null)).toBeNull();
    expect(level('timeToRestore', null)).toBeNull();
  });

  it.each([
    [0.5, 'elite'],
    [23.99, 'elite'],
    [24, 'high'],
    [167.99, 'high'],
    [168, 'medium'],
    [719.99, 'medium'],
    [720, 'low'],
    [5000, 'low'],
  ] as const)('rates lead time %d hours %s', (value, expected) => {
    expect(level('leadTime', value)).toBe(expected);
  });

  it.each([
    [0, 'elite'],
    [0.05, 'elite'],
    [1 / 20, 'elite'],
    [0.0501, 'high'],
    [0.1, 'high'],
    [2 / 20, 'high'],
    [0.1001, 'medium'],
    [0.15, 'medium'],
    [3 / 20, 'medium'],
    [0.1501, 'low'],
    [1, 'low'],
  ] as const)('rates change failure rate %d %s', (value, expected) => {
    expect(level('changeFailureRate', value)).toBe(expected);
  });

  it.each([
    [0, 'elite'],
    [0.99, 'elite'],
    [1, 'high'],
    [23.99, 'high'],
    [24, 'medium'],
    [167.99, 'medium'],
    [168, 'low'],
  ] as const)('rates time to restore %d hours %s', (value, expected) => {
    expect(level('timeToRestore', value)).toBe(expected);
    expect(level('failedDeploymentRecoveryTime', value)).toBe(expected);
  });
});

describe('deploymentFrequencyLevel from deployment days', () => {
  const rate = (medianPerWeek: number | null, per30Days: number) =>
    deploymentFrequencyLevel(
      { medianPerWeek, per30Days },
      5,
      defaultLevelThresholds.deploymentFrequency,
    );

  it.each([
    [7, 30, 'elite'],
    [5, 20, 'elite'],
    [4.5, 20, 'high'],
    [1, 4, 'high'],
    [0.5, 3, 'medium'],
    [0, 1, 'medium'],
    [0, 0.99, 'low'],
    [0, 0, 'low'],
  ] as const)(
    'rates a median week of %d deployment days (%d per 30 days) %s',
    (medianPerWeek, per30Days, expected) => {
      expect(rate(medianPerWeek, per30Days)).toBe(expected);
    },
  );

  it('is null without a whole week', () => {
    expect(rate(null, 10)).toBeNull();
  });

  it('needs every working day of the calendar for elite', () => {
    const bars = defaultLevelThresholds.deploymentFrequency;
    expect(
      deploymentFrequencyLevel({ medianPerWeek: 5, per30Days: 20 }, 6, bars),
    ).toBe('high');
    expect(
      deploymentFrequencyLevel({ medianPerWeek: 3, per30Days: 12 }, 6, {
        ...bars,
        elite: 3,
      }),
    ).toBe('elite');
  });
});

describe('performanceLevel with configured thresholds', () => {
  it('uses the thresholds it is given', () => {
    const strict: LevelThresholds = {
      ...defaultLevelThresholds,
      leadTime: {
        elite: { comparator: 'lte', threshold: 4 },
        high: { comparator: 'lte', threshold: 24 },
        medium: { comparator: 'lte', threshold: 72 },
      },
    };
    expect(performanceLevel('leadTime', 4, strict)).toBe('elite');
    expect(performanceLevel('leadTime', 24, strict)).toBe('high');
    expect(performanceLevel('leadTime', 72, strict)).toBe('medium');
    expect(performanceLevel('leadTime', 73, strict)).toBe('low');
    expect(performanceLevel('changeFailureRate', 0.05, strict)).toBe('elite');
  });

  it('returns the best level cleared even when the bars overlap', () => {
    const overlapping: LevelThresholds = {
      ...defaultLevelThresholds,
      leadTime: {
        elite: { comparator: 'lt', threshold: 24 },
        high: { comparator: 'lt', threshold: 12 },
        medium: { comparator: 'lt', threshold: 720 },
      },
    };
    expect(performanceLevel('leadTime', 3, overlapping)).toBe('elite');
    expect(performanceLevel('leadTime', 30, overlapping)).toBe('medium');
  });
});
