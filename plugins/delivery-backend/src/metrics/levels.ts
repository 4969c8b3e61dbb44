import {
  DoraMetricKey,
  MetricTarget,
  PerformanceLevel,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { meets } from './targets';

/** Per DORA metric, the bar for each level above low; a value that clears none is low. */
export type LevelThresholds = Record<
  DoraMetricKey,
  { elite: MetricTarget; high: MetricTarget; medium: MetricTarget }
>;

/**
 * The DORA 2023 report's levels, in the scorecard's units: deployments per day, hours, and
 * failed/counted ratio.
 */
export const defaultLevelThresholds: LevelThresholds = {
  deploymentFrequency: {
    elite: { comparator: 'gte', threshold: 1 },
    high: { comparator: 'gte', threshold: 1 / 7 },
    medium: { comparator: 'gte', threshold: 1 / 30 },
  },
  leadTime: {
    elite: { comparator: 'lt', threshold: 24 },
    high: { comparator: 'lt', threshold: 168 },
    medium: { comparator: 'lt', threshold: 720 },
  },
  changeFailureRate: {
    elite: { comparator: 'lte', threshold: 0.05 },
    high: { comparator: 'lte', threshold: 0.1 },
    medium: { comparator: 'lte', threshold: 0.15 },
  },
  timeToRestore: {
    elite: { comparator: 'lt', threshold: 1 },
    high: { comparator: 'lt', threshold: 24 },
    medium: { comparator: 'lt', threshold: 168 },
  },
};

const levelsAboveLow = ['elite', 'high', 'medium'] as const;

/** The best level whose bar the value clears; null without a value. */
export function performanceLevel(
  metric: DoraMetricKey,
  value: number | null,
  thresholds: LevelThresholds,
): PerformanceLevel | null {
  if (value === null) {
    return null;
  }
  return (
    levelsAboveLow.find(level => meets(value, thresholds[metric][level])) ??
    'low'
  );
}
