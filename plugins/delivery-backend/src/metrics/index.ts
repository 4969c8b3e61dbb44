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
export { coefficientOfVariation, mean, median, percentile } from './statistics';
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
export {
  defaultLevelThresholds,
  deploymentFrequencyLevel,
  performanceLevel,
  thresholdLevelMetrics,
} from './levels';
export type { DeploymentDayThresholds, LevelThresholds } from './levels';
export {
  computeScorecard,
  defaultStatistics,
  emptyWindowInputs,
} from './scorecard';
export type {
  SampleSummary,
  StatisticChoices,
  WindowInputs,
} from './scorecard';
export {
  applyCalendarSettings,
  calendarBuckets,
  defaultCalendar,
  deploymentDays,
  localDays,
  wholeWeeksIn,
  workingDaysIn,
} from './calendar';
export type { CalendarSettings, WorkingCalendar } from './calendar';
export {
  REWORK_REASONS,
  attributeIncidents,
  failedDeploymentKeys,
  isRework,
  recordKey,
  recoveryTimes,
} from './dora';
export type {
  Attribution,
  CauseSource,
  DeploymentFact,
  IncidentFact,
} from './dora';
