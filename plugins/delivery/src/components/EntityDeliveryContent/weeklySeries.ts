import {
  DoraMetricKey,
  MetricUnit,
  MetricWindow,
  TimeSeriesPoint,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { UnitMessageKey } from '../../format/formatMetricValue';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** How many weekly buckets the charts show: about six months. */
export const CHART_WEEKS = 26;

/** The unit the backend reports each DORA key in (the scorecard's units, see metrics.ts). */
export const doraMetricUnits: Record<DoraMetricKey, MetricUnit> = {
  deploymentFrequency: 'per_working_day',
  leadTime: 'hours',
  changeFailureRate: 'ratio',
  timeToRestore: 'hours',
  failedDeploymentRecoveryTime: 'hours',
  reworkRate: 'ratio',
};

/**
 * The window of the weekly charts: the current week (weeks start on Monday, UTC, as the backend's
 * buckets do) and the `weeks - 1` weeks before it, up to now.
 */
export function lastWeeksWindow(now: Date, weeks = CHART_WEEKS): MetricWindow {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate() - daysSinceMonday,
  );
  return {
    from: new Date(monday - (weeks - 1) * WEEK_MS).toISOString(),
    to: now.toISOString(),
  };
}

/** The axis-label keys of the charts, under `entity.charts`. */
export type ChartAxisKey =
  | 'axisPerWeek'
  | 'axisPerWorkingDay'
  | 'axisHours'
  | 'axisDays'
  | 'axisPercent'
  | 'axisPer30Days'
  | 'axisCount';

/** One unit for a whole chart: multiply the backend's values by `factor` to plot them. */
export type ChartUnit = {
  factor: number;
  /** Formats one plotted value, e.g. `units.hours` for "36 h". */
  valueKey: UnitMessageKey;
  axisKey: ChartAxisKey;
};

/**
 * Picks one display unit per chart, so that every point of a chart reads in the same unit: rates
 * per week, ratios in percent, and durations in hours, or in days when the longest reaches two days
 * (the point from which the scorecard itself shows days).
 */
export function chartUnitFor(
  unit: MetricUnit,
  values: readonly (number | null)[],
): ChartUnit {
  switch (unit) {
    case 'per_day':
      return { factor: 7, valueKey: 'units.perWeek', axisKey: 'axisPerWeek' };
    case 'per_week':
      return { factor: 1, valueKey: 'units.perWeek', axisKey: 'axisPerWeek' };
    case 'per_working_day':
      return {
        factor: 1,
        valueKey: 'units.perWorkingDay',
        axisKey: 'axisPerWorkingDay',
      };
    case 'hours': {
      const longest = Math.max(
        0,
        ...values.filter((value): value is number => value !== null),
      );
      return longest >= 48
        ? { factor: 1 / 24, valueKey: 'units.days', axisKey: 'axisDays' }
        : { factor: 1, valueKey: 'units.hours', axisKey: 'axisHours' };
    }
    case 'ratio':
      return { factor: 100, valueKey: 'units.percent', axisKey: 'axisPercent' };
    case 'percent':
      return { factor: 1, valueKey: 'units.percent', axisKey: 'axisPercent' };
    case 'per_30_days':
      return {
        factor: 1,
        valueKey: 'units.per30Days',
        axisKey: 'axisPer30Days',
      };
    case 'count':
    default:
      return { factor: 1, valueKey: 'units.count', axisKey: 'axisCount' };
  }
}

/** A chart point in the chart's unit; `value` stays null for a week without data. */
export type ChartPoint = {
  weekStart: string;
  value: number | null;
  sampleSize: number;
};

export function toChartPoints(
  points: readonly TimeSeriesPoint[],
  unit: ChartUnit,
): ChartPoint[] {
  return points.map(point => ({
    weekStart: point.from,
    value: point.value === null ? null : point.value * unit.factor,
    sampleSize: point.sampleSize,
  }));
}

/** The most recent point with a value, for the chart's summary. */
export function latestValue(points: readonly ChartPoint[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i].value !== null) {
      return points[i].value;
    }
  }
  return null;
}
