import {
  DataQuality,
  MetricKey,
  MetricUnit,
  MetricValue,
  Scorecard,
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  WorkingCalendar,
  deploymentDays,
  localDays,
  workingDaysIn,
} from './calendar';
import {
  LevelThresholds,
  ThresholdLevelMetric,
  deploymentFrequencyLevel,
  performanceLevel,
  thresholdLevelMetrics,
} from './levels';
import { coefficientOfVariation, mean, median, percentile } from './statistics';
import { MetricTargets, targetMet } from './targets';
import { TimeWindow, previousWindow, windowDays } from './window';

/**
 * A distribution's size, mean, median and 90th percentile, as `mean`, `median` and `percentile`
 * compute them (linear interpolation between the closest ranks: PostgreSQL's `percentile_cont`).
 */
export type SampleSummary = {
  sampleSize: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
};

/** The duration metrics whose headline statistic is configurable. */
export type StatisticChoices = Record<
  'leadTime' | 'cycleTime' | 'timeToRestore' | 'failedDeploymentRecoveryTime',
  'mean' | 'median'
>;

/** Median for lead time, cycle time and recovery; the mean for time to restore (MTTR). */
export const defaultStatistics: StatisticChoices = {
  leadTime: 'median',
  cycleTime: 'median',
  timeToRestore: 'mean',
  failedDeploymentRecoveryTime: 'median',
};

/** The raw counts and durations of one window, as the SQL layer produces them. */
export type WindowInputs = {
  /** counted deployments (production, success or rolled_back) finished in the window */
  countedDeployments: number;
  /** of those, rolled_back or the declared or inferred cause of an incident */
  failedDeployments: number;
  /** of those, unplanned fixes: reason hotfix or rollback, or naming incidents they fix */
  reworkDeployments: number;
  /** the finish of each counted deployment, for deployment days */
  deploymentFinishedAt: number[];
  /** per change first shipped to production in the window: hours from first commit to that deployment's finish */
  leadTimesHours: number[];
  /**
   * The same distribution when the database summarised it (PostgreSQL, where shipping every
   * sample costs more than the sort); `leadTimesHours` is then empty.
   */
  leadTime?: SampleSummary;
  /** per incident resolved in the window: hours from openedAt to resolvedAt */
  restoreTimesHours: number[];
  /** incidents opened before `to` and not resolved before `to` */
  openIncidents: number;
  /** per failed deployment recovered before `to`: hours to its recovery */
  recoveryTimesHours: number[];
  /** failed deployments of the window not recovered before `to` */
  openRecoveries: number;
  /** per work item completed in the window: hours from startedAt to completedAt */
  cycleTimesHours: number[];
  /** completed items in the window that carry activeHours: their active and cycle hours */
  flowEfficiencySamples: { activeHours: number; cycleHours: number }[];
  /** work items started before `to` and not completed before `to` */
  wip: number;
  /** completed story points per sprint/iteration, for sprints whose items completed in the window */
  pointsPerSprint: number[];
  /** bugs created in the window, and how many of them escaped to production */
  bugsCreated: number;
  escapedBugs: number;
  /** incidents opened in the window */
  incidentsOpened: number;
  /** the latest quality snapshot before `to`, or null */
  latestCoverage: {
    lineCoverage: number;
    branchCoverage: number | null;
  } | null;
  dataQuality: Omit<DataQuality, 'attributionWindowHours'>;
};

/** The inputs of a window without any record. */
export const emptyWindowInputs: WindowInputs = {
  countedDeployments: 0,
  failedDeployments: 0,
  reworkDeployments: 0,
  deploymentFinishedAt: [],
  leadTimesHours: [],
  restoreTimesHours: [],
  openIncidents: 0,
  recoveryTimesHours: [],
  openRecoveries: 0,
  cycleTimesHours: [],
  flowEfficiencySamples: [],
  wip: 0,
  pointsPerSprint: [],
  bugsCreated: 0,
  escapedBugs: 0,
  incidentsOpened: 0,
  latestCoverage: null,
  dataQuality: {
    deploymentsWithoutChanges: 0,
    incidents: { declared: 0, inferred: 0, none: 0 },
    excludedChanges: {
      merged_before_first_commit: 0,
      deployed_before_first_commit: 0,
    },
  },
};

type ScorecardMetricKey = MetricKey | 'deploymentDaysPerWeek';

type Measurement = Pick<MetricValue, 'value' | 'sampleSize'> &
  Partial<
    Pick<
      MetricValue,
      'statistic' | 'mean' | 'median' | 'p90' | 'p85' | 'open' | 'level'
    >
  >;

/** What a formula may need of its window besides the inputs. */
type WindowContext = {
  window: TimeWindow;
  days: number;
  calendar: WorkingCalendar;
  statistics: StatisticChoices;
  levels: LevelThresholds;
};

type MetricDefinition = {
  unit: MetricUnit;
  measure(inputs: WindowInputs, context: WindowContext): Measurement;
};

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : part / whole;

// Multiplying before dividing keeps whole counts over whole days correctly rounded: 12 items in
// 30 days is exactly 2.8 per week, where 12 / (30 / 7) is not.
const perWeek = (count: number, days: number) => (count * 7) / days;

const sum = (values: number[]) =>
  values.reduce((total, value) => total + value, 0);

/** A duration's mean, median and high percentile, with the configured statistic as `value`. */
const durations = (
  hours: number[] | SampleSummary,
  statistic: 'mean' | 'median',
  high: 'p90' | 'p85',
) => {
  const summary = Array.isArray(hours)
    ? {
        sampleSize: hours.length,
        mean: mean(hours),
        median: median(hours),
        [high]: percentile(hours, high === 'p90' ? 0.9 : 0.85),
      }
    : {
        sampleSize: hours.sampleSize,
        mean: hours.mean,
        median: hours.median,
        p90: hours.p90,
      };
  return { ...summary, statistic, value: summary[statistic] };
};

/** Deployment days of the window: per whole calendar week, and per 30 days of the window. */
const deploymentDayCounts = (inputs: WindowInputs, context: WindowContext) => {
  const counted = deploymentDays(
    inputs.deploymentFinishedAt,
    context.window,
    context.calendar,
  );
  return {
    weeks: counted.perWholeWeek.length,
    medianPerWeek: median(counted.perWholeWeek),
    per30Days: (counted.days * 30) / context.days,
  };
};

/** Each metric's formula, written once and applied to the window and the previous window alike. */
const metricDefinitions: Record<ScorecardMetricKey, MetricDefinition> = {
  deploymentFrequency: {
    unit: 'per_working_day',
    // Zero deployments is a real (low) frequency, not missing data; a window without working time
    // (a weekend day's bucket) has no frequency per working day.
    measure: (inputs, context) => {
      const workingDays = workingDaysIn(context.window, context.calendar);
      return {
        value: workingDays > 0 ? inputs.countedDeployments / workingDays : null,
        sampleSize: inputs.countedDeployments,
        level: deploymentFrequencyLevel(
          deploymentDayCounts(inputs, context),
          context.calendar.workingDays.length,
          context.levels.deploymentFrequency,
        ),
      };
    },
  },
  deploymentDaysPerWeek: {
    unit: 'per_week',
    measure: (inputs, context) => {
      const counts = deploymentDayCounts(inputs, context);
      return { value: counts.medianPerWeek, sampleSize: counts.weeks };
    },
  },
  leadTime: {
    unit: 'hours',
    measure: ({ leadTimesHours, leadTime }, { statistics }) =>
      durations(leadTime ?? leadTimesHours, statistics.leadTime, 'p90'),
  },
  changeFailureRate: {
    unit: 'ratio',
    measure: inputs => ({
      value: ratio(inputs.failedDeployments, inputs.countedDeployments),
      sampleSize: inputs.countedDeployments,
    }),
  },
  timeToRestore: {
    unit: 'hours',
    // Open incidents have no restore time yet; averaging a guess in would flatter or punish.
    measure: ({ restoreTimesHours, openIncidents }, { statistics }) => ({
      ...durations(restoreTimesHours, statistics.timeToRestore, 'p90'),
      open: openIncidents,
    }),
  },
  failedDeploymentRecoveryTime: {
    unit: 'hours',
    measure: ({ recoveryTimesHours, openRecoveries }, { statistics }) => ({
      ...durations(
        recoveryTimesHours,
        statistics.failedDeploymentRecoveryTime,
        'p90',
      ),
      open: openRecoveries,
    }),
  },
  reworkRate: {
    unit: 'ratio',
    measure: inputs => ({
      value: ratio(inputs.reworkDeployments, inputs.countedDeployments),
      sampleSize: inputs.countedDeployments,
    }),
  },
  cycleTime: {
    unit: 'hours',
    measure: ({ cycleTimesHours }, { statistics }) =>
      durations(cycleTimesHours, statistics.cycleTime, 'p85'),
  },
  throughput: {
    unit: 'per_week',
    measure: (inputs, { days }) => ({
      value: perWeek(inputs.cycleTimesHours.length, days),
      sampleSize: inputs.cycleTimesHours.length,
    }),
  },
  wip: {
    unit: 'count',
    measure: inputs => ({ value: inputs.wip, sampleSize: inputs.wip }),
  },
  flowEfficiency: {
    unit: 'ratio',
    // Summed before dividing so long items weigh by their length; not capped at 1, so a source
    // that reports more active than cycle time shows up instead of being hidden.
    measure: inputs => ({
      value: ratio(
        sum(inputs.flowEfficiencySamples.map(sample => sample.activeHours)),
        sum(inputs.flowEfficiencySamples.map(sample => sample.cycleHours)),
      ),
      sampleSize: inputs.flowEfficiencySamples.length,
    }),
  },
  velocityPredictability: {
    unit: 'ratio',
    // One sprint has no variation to speak of.
    measure: inputs => ({
      value:
        inputs.pointsPerSprint.length < 2
          ? null
          : coefficientOfVariation(inputs.pointsPerSprint),
      sampleSize: inputs.pointsPerSprint.length,
    }),
  },
  lineCoverage: {
    unit: 'percent',
    measure: inputs => ({
      value: inputs.latestCoverage?.lineCoverage ?? null,
      sampleSize: inputs.latestCoverage ? 1 : 0,
    }),
  },
  defectEscapeRate: {
    unit: 'ratio',
    measure: inputs => ({
      value: ratio(inputs.escapedBugs, inputs.bugsCreated),
      sampleSize: inputs.bugsCreated,
    }),
  },
  incidentsPer30Days: {
    unit: 'per_30_days',
    measure: (inputs, { days }) => ({
      value: (inputs.incidentsOpened * 30) / days,
      sampleSize: inputs.incidentsOpened,
    }),
  },
};

const hasThresholdLevel = (
  key: ScorecardMetricKey,
): key is ThresholdLevelMetric =>
  (thresholdLevelMetrics as readonly string[]).includes(key);

const isTargetableMetric = (key: ScorecardMetricKey): key is MetricKey =>
  key !== 'deploymentDaysPerWeek';

function toIsoWindow(window: TimeWindow) {
  return { from: window.from.toISOString(), to: window.to.toISOString() };
}

/** Turns the raw inputs of a window and of the window before it into a scorecard. */
export function computeScorecard(options: {
  entityRef: string | null;
  entityRefs: string[];
  window: { from: Date; to: Date };
  current: WindowInputs;
  previous: WindowInputs;
  levels: LevelThresholds;
  targets: MetricTargets;
  calendar: WorkingCalendar;
  statistics: StatisticChoices;
  attributionWindowHours: number;
}): Scorecard {
  const { window, current, previous, levels, targets, calendar, statistics } =
    options;
  const days = windowDays(window);
  if (!(days > 0)) {
    throw new RangeError(
      `Cannot compute a scorecard for an empty window (${window.from.toISOString()} to ${window.to.toISOString()})`,
    );
  }

  const before = previousWindow(window);
  const datesInWindow = new Set(
    localDays(window, calendar).map(day => day.date),
  );
  const context = { days, calendar, statistics, levels };
  const metric = (key: ScorecardMetricKey): MetricValue => {
    const { unit, measure } = metricDefinitions[key];
    const { level, ...measured } = measure(current, { ...context, window });
    const earlier = measure(previous, { ...context, window: before });
    const target = isTargetableMetric(key) ? targets[key] ?? null : null;
    return {
      ...measured,
      unit,
      previous: { value: earlier.value, sampleSize: earlier.sampleSize },
      level: hasThresholdLevel(key)
        ? performanceLevel(key, measured.value, levels)
        : level ?? null,
      target,
      met: targetMet(measured.value, target),
    };
  };

  const group = <K extends ScorecardMetricKey>(keys: readonly K[]) =>
    Object.fromEntries(keys.map(key => [key, metric(key)])) as Record<
      K,
      MetricValue
    >;

  return {
    entityRef: options.entityRef,
    entityRefs: options.entityRefs,
    window: toIsoWindow(window),
    previousWindow: toIsoWindow(before),
    calendar: {
      timeZone: calendar.timeZone,
      workingDays: calendar.workingDays,
      holidays: calendar.holidays.filter(date => datesInWindow.has(date)),
      workingDaysInWindow: workingDaysIn(window, calendar),
    },
    dora: group([...doraMetricKeys, 'deploymentDaysPerWeek']),
    flow: group(flowMetricKeys),
    quality: group(qualityMetricKeys),
    dataQuality: {
      ...current.dataQuality,
      attributionWindowHours: options.attributionWindowHours,
    },
  };
}
