import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  MetricKey,
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';

export const deploymentStrategies = [
  'blue-green',
  'canary',
  'rolling',
  'feature-flag',
  'recreate',
] as const;

export type DeploymentStrategy = (typeof deploymentStrategies)[number];

export type QualityGate = {
  name: string;
  description?: string;
  /** A scorecard metric the gate checks; its threshold defaults to the organisation's target. */
  metric?: MetricKey;
  threshold?: number;
  /** Blocking (default) or advisory. */
  required: boolean;
};

/** A delivery process as `delivery.processes.<name>` configures it. */
export type ProcessDefinition = {
  name: string;
  title: string;
  description?: string;
  owner?: string;
  stages: { name: string; description?: string; gates: QualityGate[] }[];
  deploymentStrategy?: {
    type: DeploymentStrategy;
    description?: string;
    steps: string[];
  };
  rollback?: {
    triggers: string[];
    steps: string[];
    maxMinutes?: number;
  };
};

const metricKeys: readonly string[] = [
  ...doraMetricKeys,
  ...flowMetricKeys,
  ...qualityMetricKeys,
];

/** The names of the configured processes, for the frontend's picker and error messages. */
export function processNames(config: Config): string[] {
  return config.getOptionalConfig('delivery.processes')?.keys() ?? [];
}

/**
 * Reads `delivery.processes.<name>`. An unknown name is a 404 listing the known ones; a gate
 * naming an unknown metric or strategy is a configuration mistake reported by its path.
 */
export function readProcess(config: Config, name: string): ProcessDefinition {
  const processes = config.getOptionalConfig('delivery.processes');
  // Only the configured keys: `has` would also find `constructor` or `toString` of the object.
  if (!processes || !processes.keys().includes(name)) {
    const known = processNames(config);
    throw new NotFoundError(
      `No delivery process "${name}" in delivery.processes${
        known.length > 0 ? ` (configured: ${known.join(', ')})` : ''
      }`,
    );
  }
  const process = processes.getConfig(name);
  const strategy = process.getOptionalConfig('deploymentStrategy');
  const rollback = process.getOptionalConfig('rollback');
  const type = strategy?.getString('type');
  if (
    type !== undefined &&
    !(deploymentStrategies as readonly string[]).includes(type)
  ) {
    throw new InputError(
      `delivery.processes.${name}.deploymentStrategy.type must be one of ${deploymentStrategies.join(
        ', ',
      )}, got "${type}"`,
    );
  }
  return {
    name,
    title: process.getOptionalString('title') ?? name,
    description: process.getOptionalString('description'),
    owner: process.getOptionalString('owner'),
    stages: (process.getOptionalConfigArray('stages') ?? []).map(
      (stage, s) => ({
        name: stage.getString('name'),
        description: stage.getOptionalString('description'),
        gates: (stage.getOptionalConfigArray('qualityGates') ?? []).map(
          (gate, g) => {
            const metric = gate.getOptionalString('metric');
            if (metric !== undefined && !metricKeys.includes(metric)) {
              throw new InputError(
                `delivery.processes.${name}.stages[${s}].qualityGates[${g}].metric must be one of ${metricKeys.join(
                  ', ',
                )}, got "${metric}"`,
              );
            }
            return {
              name: gate.getString('name'),
              description: gate.getOptionalString('description'),
              metric: metric as MetricKey | undefined,
              threshold: gate.getOptionalNumber('threshold'),
              required: gate.getOptionalBoolean('required') ?? true,
            };
          },
        ),
      }),
    ),
    deploymentStrategy: strategy && {
      type: type as DeploymentStrategy,
      description: strategy.getOptionalString('description'),
      steps: strategy.getOptionalStringArray('steps') ?? [],
    },
    rollback: rollback && {
      triggers: rollback.getOptionalStringArray('triggers') ?? [],
      steps: rollback.getOptionalStringArray('steps') ?? [],
      maxMinutes: rollback.getOptionalNumber('maxMinutes'),
    },
  };
}
