import {
  MetricKey,
  MetricTarget,
  doraMetricKeys,
  flowMetricKeys,
  metricDirections,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';

/** A target per metric; a metric without one shows no met/missed. */
export type MetricTargets = Partial<Record<MetricKey, MetricTarget>>;

/** The prefix of every catalog annotation the delivery plugins read. */
export const DELIVERY_ANNOTATION_PREFIX = 'delivery-insights.io/';

const metricKeys: readonly MetricKey[] = [
  ...doraMetricKeys,
  ...flowMetricKeys,
  ...qualityMetricKeys,
];

/**
 * The defaults of the delivery-management brief, in the units of the scorecard (per day, hours,
 * ratios, percent).
 */
export const defaultTargets: MetricTargets = {
  deploymentFrequency: { comparator: 'gte', threshold: 1 },
  leadTime: { comparator: 'lt', threshold: 24 },
  timeToRestore: { comparator: 'lt', threshold: 1 },
  failedDeploymentRecoveryTime: { comparator: 'lt', threshold: 1 },
  changeFailureRate: { comparator: 'lt', threshold: 0.05 },
  cycleTime: { comparator: 'lt', threshold: 72 },
  velocityPredictability: { comparator: 'lte', threshold: 0.1 },
  lineCoverage: { comparator: 'gt', threshold: 80 },
  incidentsPer30Days: { comparator: 'lt', threshold: 5 },
};

const comparisons: Record<
  MetricTarget['comparator'],
  (value: number, threshold: number) => boolean
> = {
  gte: (value, threshold) => value >= threshold,
  gt: (value, threshold) => value > threshold,
  lte: (value, threshold) => value <= threshold,
  lt: (value, threshold) => value < threshold,
};

/** Whether `value` satisfies `target`. */
export function meets(value: number, target: MetricTarget): boolean {
  return comparisons[target.comparator](value, target.threshold);
}

/** Met or missed; null when there is no value or no target to judge. */
export function targetMet(
  value: number | null,
  target: MetricTarget | null,
): boolean | null {
  if (value === null || target === null) {
    return null;
  }
  return meets(value, target);
}

/** The annotation that overrides a metric's target, e.g. `delivery-insights.io/target-lead-time`. */
export function targetAnnotation(metric: MetricKey): string {
  const kebab = metric.replace(/[A-Z]|\d+/g, part => `-${part.toLowerCase()}`);
  return `${DELIVERY_ANNOTATION_PREFIX}target-${kebab}`;
}

/** Later layers win, metric by metric. */
export function mergeTargets(...layers: MetricTargets[]): MetricTargets {
  const merged: MetricTargets = {};
  for (const layer of layers) {
    for (const metric of metricKeys) {
      const target = layer[metric];
      if (target !== undefined) {
        merged[metric] = target;
      }
    }
  }
  return merged;
}

const decimalNumberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Applies an entity's `delivery-insights.io/target-<metric>` annotations on top of `base`. An
 * annotation sets only the threshold: the comparator stays that of the base target, so an owner
 * cannot turn "lead time below" into "lead time above" by accident. Bad values and unknown
 * metrics are skipped and reported, so one typo does not hide the whole scorecard.
 */
export function targetOverridesFromAnnotations(
  annotations: Record<string, string> | undefined,
  base: MetricTargets,
): { targets: MetricTargets; errors: string[] } {
  const targets = mergeTargets(base);
  const errors: string[] = [];
  const metricByAnnotation = new Map(
    metricKeys.map(metric => [targetAnnotation(metric), metric]),
  );
  const targetPrefix = `${DELIVERY_ANNOTATION_PREFIX}target-`;

  for (const [annotation, raw] of Object.entries(annotations ?? {})) {
    if (!annotation.startsWith(targetPrefix)) {
      continue;
    }
    const metric = metricByAnnotation.get(annotation);
    if (metric === undefined) {
      errors.push(
        `Annotation "${annotation}" does not name a known metric; expected one of ${[
          ...metricByAnnotation.keys(),
        ].join(', ')}`,
      );
      continue;
    }
    const text = raw.trim();
    const threshold = Number(text);
    if (!decimalNumberPattern.test(text) || !Number.isFinite(threshold)) {
      errors.push(
        `Annotation "${annotation}" must be a finite number, got "${raw}"; the target stays unchanged`,
      );
      continue;
    }
    const comparator =
      base[metric]?.comparator ??
      (metricDirections[metric] === 'lower' ? 'lte' : 'gte');
    targets[metric] = { comparator, threshold };
  }
  return { targets, errors };
}
