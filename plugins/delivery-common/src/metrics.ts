/**
 * Shapes of the metrics the delivery backend computes and the frontend shows. Definitions live in
 * docs/metrics.md; the numbers come from `@delivery-insights/backstage-plugin-delivery-backend`.
 */

/** DORA performance levels, best first. @public */
export type PerformanceLevel = 'elite' | 'high' | 'medium' | 'low';

/** @public */
export const performanceLevels: PerformanceLevel[] = [
  'elite',
  'high',
  'medium',
  'low',
];

/** The unit a metric value is expressed in. @public */
export type MetricUnit =
  | 'per_working_day'
  | 'per_day'
  | 'per_week'
  | 'hours'
  | 'ratio'
  | 'percent'
  | 'count'
  | 'per_30_days';

/** A team's goal for one metric: `value` compared with `threshold` by `comparator`. @public */
export type MetricTarget = {
  comparator: 'gte' | 'gt' | 'lte' | 'lt';
  threshold: number;
};

/** One metric over the previous window of equal length, for the trend. @public */
export type PreviousMetricValue = {
  value: number | null;
  sampleSize: number;
};

/** One metric over one window, as every scorecard shows it. @public */
export type MetricValue = {
  /** null when there is no data in the window. */
  value: number | null;
  unit: MetricUnit;
  /** How many records the value was computed from. */
  sampleSize: number;
  /** Which statistic `value` is, for durations: the mean or the median. */
  statistic?: 'mean' | 'median';
  /** Arithmetic mean, for durations. */
  mean?: number | null;
  /** Median, for durations. */
  median?: number | null;
  /** 90th percentile, for lead time, time to restore and failed deployment recovery time. */
  p90?: number | null;
  /** 85th percentile, for cycle time. */
  p85?: number | null;
  /**
   * Still open at the end of the window, shown and not averaged: incidents (time to restore) or
   * failed deployments not yet recovered (failed deployment recovery time).
   */
  open?: number;
  previous: PreviousMetricValue;
  /** The DORA level (not for rework rate); null when there is no value. */
  level: PerformanceLevel | null;
  target: MetricTarget | null;
  /** Whether the value meets the target; null without a value or target. */
  met: boolean | null;
};

/** The metric keys of a scorecard, grouped as on the scorecard. @public */
export const doraMetricKeys = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
  'failedDeploymentRecoveryTime',
  'reworkRate',
] as const;

/** @public */
export type DoraMetricKey = (typeof doraMetricKeys)[number];

/** @public */
export const flowMetricKeys = [
  'cycleTime',
  'throughput',
  'wip',
  'flowEfficiency',
  'velocityPredictability',
] as const;

/** @public */
export type FlowMetricKey = (typeof flowMetricKeys)[number];

/** @public */
export const qualityMetricKeys = [
  'lineCoverage',
  'defectEscapeRate',
  'incidentsPer30Days',
] as const;

/** @public */
export type QualityMetricKey = (typeof qualityMetricKeys)[number];

/** Any metric key of a scorecard. @public */
export type MetricKey = DoraMetricKey | FlowMetricKey | QualityMetricKey;

/** A half-open time window [from, to), as ISO 8601 UTC instants. @public */
export type MetricWindow = {
  from: string;
  to: string;
};

/** How incidents opened in a window were tied to a deployment. @public */
export type CauseSource = 'declared' | 'inferred';

/** Why a change is left out of lead time. @public */
export type ChangeQualityFlag =
  | 'merged_before_first_commit'
  | 'deployed_before_first_commit';

/** The working calendar a scorecard was computed with. @public */
export type ScorecardCalendar = {
  /** IANA time zone of day and week buckets. */
  timeZone: string;
  /** ISO weekday numbers, 1 = Monday. */
  workingDays: number[];
  /** Holidays (`YYYY-MM-DD`) inside the window. */
  holidays: string[];
  /** Working days in the window, the denominator of deployment frequency. */
  workingDaysInWindow: number;
};

/** The records a scorecard counted with caveats, or left out, and why. @public */
export type DataQuality = {
  /** Counted deployments that list no change. */
  deploymentsWithoutChanges: number;
  /** Incidents opened in the window, by how their cause is known. */
  incidents: { declared: number; inferred: number; none: number };
  /** Changes first deployed in the window and left out of lead time, by reason. */
  excludedChanges: Record<ChangeQualityFlag, number>;
  /** The attribution window used for inferred causes, in hours (0: inference off). */
  attributionWindowHours: number;
};

/** Every metric of one entity (or rollup) over one window. @public */
export type Scorecard = {
  /** The entity the scorecard is for, or `null` for the whole organisation. */
  entityRef: string | null;
  /** The entities whose records were counted (the entity itself, a system's components, ...). */
  entityRefs: string[];
  window: MetricWindow;
  previousWindow: MetricWindow;
  calendar: ScorecardCalendar;
  dora: Record<DoraMetricKey, MetricValue> & {
    /** Median over the window's whole calendar weeks of the days with a counted deployment. */
    deploymentDaysPerWeek: MetricValue;
  };
  flow: Record<FlowMetricKey, MetricValue>;
  quality: Record<QualityMetricKey, MetricValue>;
  dataQuality: DataQuality;
  /**
   * Entities of the rollup (a group's services, the organisation) whose records were left out
   * because the caller may not read their delivery metrics; set by the delivery API.
   */
  hiddenEntities?: number;
};

/** A production deployment behind deployment frequency and change failure rate. @public */
export type DeploymentRecord = {
  source: string;
  id: string;
  entityRef: string;
  environment: string;
  status: 'success' | 'failure' | 'rolled_back';
  startedAt: string | null;
  finishedAt: string | null;
  url: string | null;
  /** Counted as failed: rolled back, or the declared or inferred cause of an incident. */
  failed: boolean;
  /** Why it was deployed, when the source says: `hotfix` and `rollback` are rework. */
  reason: DeploymentReason | null;
  /** Incidents this deployment fixes. */
  fixesIncidentIds: string[];
  /** An unplanned fix of a production problem (rework rate). */
  rework: boolean;
  changeIds: string[];
  /**
   * Production deployments only: true when it started while the entity's error-budget policy
   * was `freeze` and no granted exception covered it (docs/slo.md, "Error-budget policy").
   */
  freezeViolation?: boolean;
  /**
   * Production deployments of entities with SLOs: per SLO, the share of its error budget burned
   * in the hours before and after the deployment (docs/slo.md, "Deploy impact").
   */
  budgetImpact?: DeploymentBudgetImpact[];
};

/** The share of one SLO's error budget burned around a deployment. @public */
export type DeploymentBudgetImpact = {
  slo: string;
  /** The length of each side, in hours (default 2). */
  windowHours: number;
  /** Share of the budget burned in the hours before; null when the SLO had no events. */
  before: number | null;
  /** Share of the budget burned in the hours after (so far, for a recent deployment). */
  after: number | null;
};

/** Why a deployment was made. @public */
export type DeploymentReason = 'planned' | 'hotfix' | 'rollback';

/** A change first shipped to production in the window, behind lead time. @public */
export type ChangeRecord = {
  source: string;
  id: string;
  entityRef: string;
  title: string | null;
  author: string | null;
  url: string | null;
  firstCommitAt: string;
  mergedAt: string | null;
  deployedAt: string;
  deploymentId: string;
  leadTimeHours: number;
};

/** An incident opened or resolved in the window, or still open at its end. @public */
export type IncidentRecord = {
  source: string;
  id: string;
  entityRef: string;
  severity: string | null;
  title: string | null;
  url: string | null;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  causedByDeploymentId: string | null;
  /** The deployment the incident is attributed to: the declared cause, or the inferred one. */
  causeDeploymentId: string | null;
  /** Whether the cause was declared by the source or inferred; null without a cause. */
  causeSource: CauseSource | null;
  /** Hours from opened to resolved; null while open. */
  timeToRestoreHours: number | null;
};

/** A change left out of lead time by a data-quality rule. @public */
export type ExcludedChangeRecord = {
  source: string;
  id: string;
  entityRef: string;
  firstCommitAt: string;
  mergedAt: string | null;
  deployedAt: string;
  reason: ChangeQualityFlag;
};

/** The records behind a scorecard's numbers, newest first. @public */
export type ScorecardRecords = {
  window: MetricWindow;
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  incidents: IncidentRecord[];
  /** Changes first deployed in the window and left out of lead time. */
  excludedChanges: ExcludedChangeRecord[];
  /** True when a list was cut at the limit. */
  truncated: boolean;
};

/** Every metric a chart can show: the scorecard's metrics and deployment days per week. @public */
export type TimeSeriesMetric = MetricKey | 'deploymentDaysPerWeek';

/** One bucket of a time series. @public */
export type TimeSeriesPoint = {
  from: string;
  to: string;
  value: number | null;
  sampleSize: number;
};

/** The answer of the time-series endpoint. @public */
export type TimeSeries = {
  metric: TimeSeriesMetric;
  bucket: 'day' | 'week';
  points: TimeSeriesPoint[];
};

/** Which way each metric improves: what "better" means for trends and default comparators. @public */
export const metricDirections: Record<TimeSeriesMetric, 'higher' | 'lower'> = {
  deploymentFrequency: 'higher',
  deploymentDaysPerWeek: 'higher',
  leadTime: 'lower',
  changeFailureRate: 'lower',
  timeToRestore: 'lower',
  failedDeploymentRecoveryTime: 'lower',
  reworkRate: 'lower',
  cycleTime: 'lower',
  throughput: 'higher',
  wip: 'lower',
  flowEfficiency: 'higher',
  velocityPredictability: 'lower',
  lineCoverage: 'higher',
  defectEscapeRate: 'lower',
  incidentsPer30Days: 'lower',
};
