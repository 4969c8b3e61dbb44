import { Config } from '@backstage/config';
import {
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from '../database/firstDeployment';
import {
  StatisticChoices,
  WorkingCalendar,
  applyCalendarSettings,
  defaultCalendar,
  defaultLevelThresholds,
  defaultStatistics,
  defaultTargets,
  LevelThresholds,
  MetricTargets,
  targetAnnotation,
  targetOverridesFromAnnotations,
  thresholdLevelMetrics,
} from '../metrics';

const levelNames = ['elite', 'high', 'medium'] as const;

/** The settings every scorecard of the organisation is computed with. */
export type MetricSettings = {
  levels: LevelThresholds;
  targets: MetricTargets;
  statistics: StatisticChoices;
  calendar: WorkingCalendar;
  /** Hours before an incident in which its entity's latest deployment is its inferred cause. */
  attributionWindowHours: number;
  /** Lower-case names of the production environments. */
  productionEnvironments: string[];
};

/**
 * The organisation's settings: the defaults of docs/metrics.md with `delivery.levels`,
 * `delivery.targets`, `delivery.statistics`, `delivery.calendar`, `delivery.attribution` and
 * `delivery.productionEnvironments` from app-config applied. A configured target changes the
 * threshold only, exactly as an entity's target annotation does. Bad calendar or statistic values
 * stop the backend from starting, since every number would be computed with them.
 */
export function readMetricSettings(config: Config): MetricSettings {
  const levels = structuredClone(defaultLevelThresholds);
  for (const metric of thresholdLevelMetrics) {
    for (const level of levelNames) {
      const threshold = config.getOptionalNumber(
        `delivery.levels.${metric}.${level}`,
      );
      if (threshold !== undefined) {
        levels[metric][level] = { ...levels[metric][level], threshold };
      }
    }
  }
  for (const level of levelNames) {
    const threshold = config.getOptionalNumber(
      `delivery.levels.deploymentFrequency.${level}`,
    );
    if (threshold !== undefined) {
      levels.deploymentFrequency[level] = threshold;
    }
  }

  const configured: Record<string, string> = {};
  for (const metric of [
    ...doraMetricKeys,
    ...flowMetricKeys,
    ...qualityMetricKeys,
  ]) {
    const threshold = config.getOptionalNumber(`delivery.targets.${metric}`);
    if (threshold !== undefined) {
      configured[targetAnnotation(metric)] = String(threshold);
    }
  }
  const { targets } = targetOverridesFromAnnotations(
    configured,
    defaultTargets,
  );

  const statistics = { ...defaultStatistics };
  for (const metric of Object.keys(statistics) as (keyof StatisticChoices)[]) {
    const statistic = config.getOptionalString(`delivery.statistics.${metric}`);
    if (statistic === undefined) {
      continue;
    }
    if (statistic !== 'mean' && statistic !== 'median') {
      throw new Error(
        `delivery.statistics.${metric} must be "mean" or "median", got "${statistic}"`,
      );
    }
    statistics[metric] = statistic;
  }

  const { calendar, errors } = applyCalendarSettings(defaultCalendar, {
    timeZone: config.getOptionalString('delivery.calendar.timeZone'),
    workingDays: config.getOptionalStringArray('delivery.calendar.workingDays'),
    holidays: config.getOptionalStringArray('delivery.calendar.holidays'),
  });
  if (errors.length > 0) {
    throw new Error(`Invalid delivery.calendar: ${errors.join('; ')}`);
  }

  const attributionWindowHours =
    config.getOptionalNumber('delivery.attribution.windowHours') ?? 24;
  if (!(attributionWindowHours >= 0)) {
    throw new Error(
      `delivery.attribution.windowHours must be 0 or more hours, got ${attributionWindowHours}`,
    );
  }

  const productionEnvironments = (
    config.getOptionalStringArray('delivery.productionEnvironments') ??
    DEFAULT_PRODUCTION_ENVIRONMENTS
  ).map(environment => environment.trim().toLowerCase());

  return {
    levels,
    targets,
    statistics,
    calendar,
    attributionWindowHours,
    productionEnvironments,
  };
}
