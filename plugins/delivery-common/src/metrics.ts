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
  /** 90th percentile, for lead time and time to restore. */
  p90?: number | null;
  /** 85th percentile, for cycle time. */
  p85?: number | null;
  /** Incidents still open at the end of the window (time to restore only): shown, not averaged. */
  open?: number;
  previous: PreviousMetricValue;
  /** The DORA level, for the four keys only; null when there is no value. */
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

/** Every metric of one entity (or rollup) over one window. @public */
export type Scorecard = {
  /** The entity the scorecard is for, or `null` for the whole organisation. */
  entityRef: string | null;
  /** The entities whose records were counted (the entity itself, a system's components, ...). */
  entityRefs: string[];
  window: MetricWindow;
  previousWindow: MetricWindow;
  dora: Record<DoraMetricKey, MetricValue> & {
    /** Distinct UTC days with a production deployment, per week. */
    deploymentDaysPerWeek: MetricValue;
  };
  flow: Record<FlowMetricKey, MetricValue>;
  quality: Record<QualityMetricKey, MetricValue>;
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
  /** Counted as failed: rolled back, or named as the cause by an incident. */
  failed: boolean;
  changeIds: string[];
  /**
   * Production deployments only: true when it started while the entity's error-budget policy
   * was `freeze` and no granted exception covered it (docs/slo.md, "Error-budget policy").
   */
  freezeViolation?: boolean;
};

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
  /** Hours from opened to resolved; null while open. */
  timeToRestoreHours: number | null;
};

/** The records behind a scorecard's numbers, newest first. @public */
export type ScorecardRecords = {
  window: MetricWindow;
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  incidents: IncidentRecord[];
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
  cycleTime: 'lower',
  throughput: 'higher',
  wip: 'lower',
  flowEfficiency: 'higher',
  velocityPredictability: 'lower',
  lineCoverage: 'higher',
  defectEscapeRate: 'lower',
  incidentsPer30Days: 'lower',
};
