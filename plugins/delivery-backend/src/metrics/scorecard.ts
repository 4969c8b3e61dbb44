import {
  DoraMetricKey,
  MetricKey,
  MetricUnit,
  MetricValue,
  Scorecard,
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { LevelThresholds, performanceLevel } from './levels';
import { coefficientOfVariation, median, percentile } from './statistics';
import { MetricTargets, targetMet } from './targets';
import { TimeWindow, previousWindow, windowDays } from './window';

/**
 * A distribution's size, median and 90th percentile, as `median` and `percentile` compute them
 * (linear interpolation between the closest ranks: PostgreSQL's `percentile_cont`).
 */
export type SampleSummary = {
  sampleSize: number;
  median: number | null;
  p90: number | null;
};

/** The raw counts and durations of one window, as the SQL layer produces them. */
export type WindowInputs = {
  /** production deployments (success or rolled_back) finished in the window */
  countedDeployments: number;
  /** of those, rolled_back or named as cause by an incident */
  failedDeployments: number;
  /** distinct UTC days with a counted deployment */
  deploymentDays: number;
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
};

type ScorecardMetricKey = MetricKey | 'deploymentDaysPerWeek';

type Measurement = Pick<
  MetricValue,
  'value' | 'sampleSize' | 'p90' | 'p85' | 'open'
>;

type MetricDefinition = {
  unit: MetricUnit;
  measure(inputs: WindowInputs, days: number): Measurement;
};

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : part / whole;

// Multiplying before dividing keeps whole counts over whole days correctly rounded: 12 items in
// 30 days is exactly 2.8 per week, where 12 / (30 / 7) is not.
const perWeek = (count: number, days: number) => (count * 7) / days;

const sum = (values: number[]) =>
  values.reduce((total, value) => total + value, 0);

const medianOf = (hours: number[]) => ({
  value: median(hours),
  sampleSize: hours.length,
});

/** Each metric's formula, written once and applied to the window and the previous window alike. */
const metricDefinitions: Record<ScorecardMetricKey, MetricDefinition> = {
  deploymentFrequency: {
    unit: 'per_day',
    // Zero deployments is a real (low) frequency, not missing data.
    measure: (inputs, days) => ({
      value: inputs.countedDeployments / days,
      sampleSize: inputs.countedDeployments,
    }),
  },
  deploymentDaysPerWeek: {
    unit: 'per_week',
    measure: (inputs, days) => ({
      value: perWeek(inputs.deploymentDays, days),
      sampleSize: inputs.countedDeployments,
    }),
  },
  leadTime: {
    unit: 'hours',
    measure: ({ leadTimesHours, leadTime }) =>
      leadTime
        ? {
            value: leadTime.median,
            sampleSize: leadTime.sampleSize,
            p90: leadTime.p90,
          }
        : {
            ...medianOf(leadTimesHours),
            p90: percentile(leadTimesHours, 0.9),
          },
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
    measure: ({ restoreTimesHours, openIncidents }) => ({
      ...medianOf(restoreTimesHours),
      p90: percentile(restoreTimesHours, 0.9),
      open: openIncidents,
    }),
  },
  cycleTime: {
    unit: 'hours',
    measure: ({ cycleTimesHours }) => ({
      ...medianOf(cycleTimesHours),
      p85: percentile(cycleTimesHours, 0.85),
    }),
  },
  throughput: {
    unit: 'per_week',
    measure: (inputs, days) => ({
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
    measure: (inputs, days) => ({
      value: (inputs.incidentsOpened * 30) / days,
      sampleSize: inputs.incidentsOpened,
    }),
  },
};

const isDoraMetric = (key: ScorecardMetricKey): key is DoraMetricKey =>
  (doraMetricKeys as readonly string[]).includes(key);

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
}): Scorecard {
  const { window, current, previous, levels, targets } = options;
  const days = windowDays(window);
  if (!(days > 0)) {
    throw new RangeError(
      `Cannot compute a scorecard for an empty window (${window.from.toISOString()} to ${window.to.toISOString()})`,
    );
  }

  const metric = (key: ScorecardMetricKey): MetricValue => {
    const { unit, measure } = metricDefinitions[key];
    const measured = measure(current, days);
    const before = measure(previous, days);
    const target = isTargetableMetric(key) ? targets[key] ?? null : null;
    return {
      ...measured,
      unit,
      previous: { value: before.value, sampleSize: before.sampleSize },
      level: isDoraMetric(key)
        ? performanceLevel(key, measured.value, levels)
        : null,
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
    previousWindow: toIsoWindow(previousWindow(window)),
    dora: group([...doraMetricKeys, 'deploymentDaysPerWeek']),
    flow: group(flowMetricKeys),
    quality: group(qualityMetricKeys),
  };
}
