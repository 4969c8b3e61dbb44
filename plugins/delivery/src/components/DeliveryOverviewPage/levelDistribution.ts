import {
  DoraMetricKey,
  PerformanceLevel,
  Scorecard,
  performanceLevels,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { leveledDoraKeys } from '../ScorecardParts/scorecardMetrics';

/** The buckets of a distribution: the four levels, best first, then "no data". */
export const distributionBuckets = [...performanceLevels, 'none'] as const;

/** A distribution bucket: a DORA level, or `none` for a service without a value. */
export type DistributionBucket = PerformanceLevel | 'none';

/** How many services are at each level of one metric. */
export type LevelCounts = Record<DistributionBucket, number>;

const emptyCounts = (): LevelCounts => ({
  elite: 0,
  high: 0,
  medium: 0,
  low: 0,
  none: 0,
});

const isLevel = (value: unknown): value is PerformanceLevel =>
  (performanceLevels as unknown[]).includes(value);

/**
 * Counts, for each of the four keys, how many services are at each level; a service without a
 * scorecard or without a level for a metric (no data in the window) counts as `none`.
 */
export function levelDistribution(
  scorecards: readonly (Scorecard | undefined)[],
): Record<DoraMetricKey, LevelCounts> {
  const distribution = Object.fromEntries(
    leveledDoraKeys.map(key => [key, emptyCounts()]),
  ) as Record<DoraMetricKey, LevelCounts>;
  for (const scorecard of scorecards) {
    for (const key of leveledDoraKeys) {
      const level = scorecard?.dora[key]?.level;
      distribution[key][isLevel(level) ? level : 'none'] += 1;
    }
  }
  return distribution;
}
