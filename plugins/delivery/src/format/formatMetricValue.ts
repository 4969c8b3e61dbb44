import {
  MetricTarget,
  MetricUnit,
} from '@delivery-insights/backstage-plugin-delivery-common';

/**
 * The unit keys of the translation ref a formatted value uses.
 *
 * @public
 */
export type UnitMessageKey =
  | 'units.perDay'
  | 'units.perWorkingDay'
  | 'units.per30WorkingDays'
  | 'units.perWeek'
  | 'units.per30Days'
  | 'units.minutes'
  | 'units.hours'
  | 'units.days'
  | 'units.percent'
  | 'units.count';

/**
 * A value in human units: which message to use and the number to put in it.
 *
 * @public
 */
export type HumanValue = { key: UnitMessageKey; value: number };

/**
 * Picks the human unit for a metric value: rates below one a day read per week (or per 30 days),
 * durations below an hour read in minutes and above two days in days, ratios in percent.
 *
 * @public
 */
export function toHumanValue(value: number, unit: MetricUnit): HumanValue {
  switch (unit) {
    case 'per_day':
      if (value >= 1 || value === 0) return { key: 'units.perDay', value };
      if (value * 7 >= 1) return { key: 'units.perWeek', value: value * 7 };
      return { key: 'units.per30Days', value: value * 30 };
    case 'per_working_day':
      if (value >= 0.1 || value === 0)
        return { key: 'units.perWorkingDay', value };
      return { key: 'units.per30WorkingDays', value: value * 30 };
    case 'per_week':
      return { key: 'units.perWeek', value };
    case 'per_30_days':
      return { key: 'units.per30Days', value };
    case 'hours':
      if (value < 1) return { key: 'units.minutes', value: value * 60 };
      if (value >= 48) return { key: 'units.days', value: value / 24 };
      return { key: 'units.hours', value };
    case 'ratio':
      return { key: 'units.percent', value: value * 100 };
    case 'percent':
      return { key: 'units.percent', value };
    case 'count':
    default:
      return { key: 'units.count', value };
  }
}

/**
 * Formats a number for a locale with at most one decimal (none for whole numbers).
 *
 * @public
 */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1,
  }).format(value);
}

/** Describes a target in the metric's human unit, e.g. `{ comparator: 'lt', value: '24 h' }`. */
export function targetParts(
  target: MetricTarget,
  unit: MetricUnit,
): { comparator: MetricTarget['comparator']; human: HumanValue } {
  return {
    comparator: target.comparator,
    human: toHumanValue(target.threshold, unit),
  };
}
