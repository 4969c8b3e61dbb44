import { SloDefinition } from '@internal/backstage-plugin-delivery-common';
import { z } from 'zod';

const duration = z
  .string()
  .regex(/^(28|30)d$/, 'must be a rolling window of 28d or 30d');

const objective = z
  .object({
    displayName: z.string().optional(),
    target: z.number().gt(0).lt(1).optional(),
    targetPercent: z.number().gt(0).lt(100).optional(),
    op: z.enum(['lt', 'lte']).optional(),
    value: z.number().positive().optional(),
  })
  .refine(o => o.target !== undefined || o.targetPercent !== undefined, {
    message: 'needs target (e.g. 0.999) or targetPercent (e.g. 99.9)',
  });

/**
 * The subset of an OpenSLO v1 `SLO` document the delivery plugin reads: a ratio indicator
 * (good / total events) or a threshold indicator (latency under `objectives[0].value` ms),
 * a rolling window of 28 or 30 days and one objective.
 */
export const openSloSchema = z
  .object({
    apiVersion: z.literal('openslo/v1').optional(),
    kind: z.literal('SLO').optional(),
    metadata: z.object({
      name: z
        .string()
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS label'),
      displayName: z.string().optional(),
    }),
    spec: z.object({
      description: z.string().optional(),
      indicator: z
        .object({
          spec: z
            .object({
              ratioMetric: z.unknown().optional(),
              thresholdMetric: z.unknown().optional(),
            })
            .optional(),
        })
        .optional(),
      timeWindow: z
        .array(z.object({ duration, isRolling: z.boolean().optional() }))
        .length(1, 'must hold exactly one window'),
      objectives: z
        .array(objective)
        .length(1, 'must hold exactly one objective'),
    }),
  })
  .transform((slo, ctx): SloDefinition => {
    const [target] = slo.spec.objectives;
    const threshold = slo.spec.indicator?.spec?.thresholdMetric !== undefined;
    if (threshold && target.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['spec', 'objectives', 0, 'value'],
        message: 'a threshold indicator needs the latency threshold in ms',
      });
    }
    return {
      name: slo.metadata.name,
      displayName: slo.metadata.displayName,
      description: slo.spec.description,
      objective: target.target ?? target.targetPercent! / 100,
      windowDays: Number(slo.spec.timeWindow[0].duration.slice(0, -1)),
      sli: threshold
        ? { type: 'threshold', thresholdMs: target.value ?? 0 }
        : { type: 'ratio' },
    };
  });
