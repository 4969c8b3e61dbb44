import {
  MetricTarget,
  PerformanceLevel,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { meets } from './targets';

/** The DORA metrics whose level compares the metric's own value with a bar per level. */
export const thresholdLevelMetrics = [
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
  'failedDeploymentRecoveryTime',
] as const;

export type ThresholdLevelMetric = (typeof thresholdLevelMetrics)[number];

/**
 * The bars of deployment frequency's level, which come from deployment days (Apache DevLake's
 * 2023 DORA dashboard): `elite` and `high` compare the median week's deployment days (`elite`
 * null: every working day of the calendar's week), `medium` the deployment days per 30 days.
 */
export type DeploymentDayThresholds = {
  elite: number | null;
  high: number;
  medium: number;
};

/** Per DORA metric, the bar for each level above low; a value that clears none is low. */
export type LevelThresholds = Record<
  ThresholdLevelMetric,
  { elite: MetricTarget; high: MetricTarget; medium: MetricTarget }
> & { deploymentFrequency: DeploymentDayThresholds };

const restoreLevels = {
  elite: { comparator: 'lt', threshold: 1 },
  high: { comparator: 'lt', threshold: 24 },
  medium: { comparator: 'lt', threshold: 168 },
} as const;

/** The DORA 2023 report's levels, in the scorecard's units: hours and failed/counted ratio. */
export const defaultLevelThresholds: LevelThresholds = {
  deploymentFrequency: { elite: null, high: 1, medium: 1 },
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
  timeToRestore: { ...restoreLevels },
  failedDeploymentRecoveryTime: { ...restoreLevels },
};

const levelsAboveLow = ['elite', 'high', 'medium'] as const;

/** The best level whose bar the value clears; null without a value. */
export function performanceLevel(
  metric: ThresholdLevelMetric,
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

/**
 * Deployment frequency's level from deployment days: elite when the median whole week of the window
 * has a deployment on as many days as the calendar has working days in a week, high with at least
 * one, medium with at least one deployment day per 30 days. Null when the window holds no whole
 * week, where a median week does not exist.
 */
export function deploymentFrequencyLevel(
  days: { medianPerWeek: number | null; per30Days: number },
  workingDaysPerWeek: number,
  thresholds: DeploymentDayThresholds,
): PerformanceLevel | null {
  if (days.medianPerWeek === null) {
    return null;
  }
  if (days.medianPerWeek >= (thresholds.elite ?? workingDaysPerWeek)) {
    return 'elite';
  }
  if (days.medianPerWeek >= thresholds.high) {
    return 'high';
  }
  return days.per30Days >= thresholds.medium ? 'medium' : 'low';
}
