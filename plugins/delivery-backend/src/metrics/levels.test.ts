import { DoraMetricKey } from '@delivery-insights/backstage-plugin-delivery-common';
import {
  LevelThresholds,
  defaultLevelThresholds,
  performanceLevel,
} from './levels';

const level = (metric: DoraMetricKey, value: number | null) =>
  performanceLevel(metric, value, defaultLevelThresholds);

describe('performanceLevel with the DORA 2023 defaults', () => {
  it('is null without a value, for every metric', () => {
    expect(level('deploymentFrequency', null)).toBeNull();
    expect(level('leadTime', null)).toBeNull();
    expect(level('changeFailureRate', null)).toBeNull();
    expect(level('timeToRestore', null)).toBeNull();
  });

  it.each([
    [5, 'elite'],
    [1, 'elite'],
    [0.99, 'high'],
    [1 / 7, 'high'],
    [4 / 28, 'high'],
    [0.14, 'medium'],
    [1 / 30, 'medium'],
    [0.033, 'low'],
    [0, 'low'],
  ] as const)('rates deployment frequency %d per day %s', (value, expected) => {
    expect(level('deploymentFrequency', value)).toBe(expected);
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
      deploymentFrequency: {
        elite: { comparator: 'gte', threshold: 1 },
        high: { comparator: 'gte', threshold: 2 },
        medium: { comparator: 'gte', threshold: 0 },
      },
    };
    expect(performanceLevel('deploymentFrequency', 3, overlapping)).toBe(
      'elite',
    );
    expect(performanceLevel('deploymentFrequency', 0.5, overlapping)).toBe(
      'medium',
    );
  });
});
