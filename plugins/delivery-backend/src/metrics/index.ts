export {
  DAY_MS,
  DEFAULT_WINDOW_DAYS,
  MAX_WINDOW_DAYS,
  buckets,
  dayStart,
  previousWindow,
  resolveWindow,
  weekStart,
  windowDays,
} from './window';
export type { BucketSize, TimeWindow } from './window';
export { coefficientOfVariation, median, percentile } from './statistics';
export {
  DELIVERY_ANNOTATION_PREFIX,
  defaultTargets,
  meets,
  mergeTargets,
  targetAnnotation,
  targetMet,
  targetOverridesFromAnnotations,
} from './targets';
export type { MetricTargets } from './targets';
export { defaultLevelThresholds, performanceLevel } from './levels';
export type { LevelThresholds } from './levels';
export { computeScorecard } from './scorecard';
export type { SampleSummary, WindowInputs } from './scorecard';
