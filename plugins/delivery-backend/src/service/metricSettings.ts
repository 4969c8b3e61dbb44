import { Config } from '@backstage/config';
import {
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  defaultLevelThresholds,
  defaultTargets,
  LevelThresholds,
  MetricTargets,
  targetAnnotation,
  targetOverridesFromAnnotations,
} from '../metrics';

const levelNames = ['elite', 'high', 'medium'] as const;

/**
 * The organisation's levels and targets: the defaults with `delivery.levels` and
 * `delivery.targets` from app-config applied. A configured target changes the threshold only,
 * exactly as an entity's target annotation does.
 */
export function readMetricSettings(config: Config): {
  levels: LevelThresholds;
  targets: MetricTargets;
} {
  const levels = structuredClone(defaultLevelThresholds);
  for (const metric of doraMetricKeys) {
    for (const level of levelNames) {
      const threshold = config.getOptionalNumber(
        `delivery.levels.${metric}.${level}`,
      );
      if (threshold !== undefined) {
        levels[metric][level] = { ...levels[metric][level], threshold };
      }
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
  return { levels, targets };
}
