import { SloDefinition } from '@delivery-insights/backstage-plugin-delivery-common';
import { z } from 'zod';
import { isPromqlVectorSelector } from '../prometheus/promqlSelector';

/** The instance a Prometheus metric source without `metricSourceRef` reads from. */
export const DEFAULT_PROMETHEUS_INSTANCE = 'default';

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

/** An OpenSLO `metricSource`; only `type: Prometheus` is read, other types are ignored. */
const metricSource = z.looseObject({
  metricSourceRef: z.string().min(1).optional(),
  // Optional: OpenSLO may take the type from the DataSource that metricSourceRef names.
  type: z.string().optional(),
  spec: z.looseObject({ query: z.string().optional() }).optional(),
});

const ratioMetric = z.looseObject({
  good: z.looseObject({ metricSource: metricSource.optional() }).optional(),
  total: z.looseObject({ metricSource: metricSource.optional() }).optional(),
});

type RatioMetric = z.infer<typeof ratioMetric>;
type MetricSource = z.infer<typeof metricSource>;

const isPrometheus = (source: MetricSource | undefined) =>
  source?.type?.toLowerCase() === 'prometheus';

/**
 * The Prometheus source of a ratio indicator whose good and total counters both come from
 * `type: Prometheus` metric sources, or undefined (the SLO reads ingested SLI samples).
 */
function prometheusSource(
  ratio: RatioMetric | undefined,
  ctx: z.RefinementCtx,
): SloDefinition['source'] {
  const sources = {
    good: ratio?.good?.metricSource,
    total: ratio?.total?.metricSource,
  };
  if (!isPrometheus(sources.good) && !isPrometheus(sources.total)) {
    return undefined;
  }
  const path = (part: 'good' | 'total', ...rest: string[]) => [
    'spec',
    'indicator',
    'spec',
    'ratioMetric',
    part,
    'metricSource',
    ...rest,
  ];
  let valid = true;
  const queries = { good: '', total: '' };
  for (const part of ['good', 'total'] as const) {
    const source = sources[part];
    const other = part === 'good' ? 'total' : 'good';
    if (!isPrometheus(source)) {
      valid = false;
      ctx.addIssue({
        code: 'custom',
        path: path(part, ...(source ? ['type'] : [])),
        message: `must be a Prometheus metric source, like ${other}`,
      });
      continue;
    }
    const query = source!.spec?.query?.trim() ?? '';
    if (!isPromqlVectorSelector(query)) {
      valid = false;
      ctx.addIssue({
        code: 'custom',
        path: path(part, 'spec', 'query'),
        message: `${
          query ? 'must be' : 'needs'
        } a PromQL vector selector of a counter, e.g. http_requests_total{code!~"5.."} (without functions, offset or range)`,
      });
    }
    queries[part] = query;
  }
  const instance = {
    good: sources.good?.metricSourceRef ?? DEFAULT_PROMETHEUS_INSTANCE,
    total: sources.total?.metricSourceRef ?? DEFAULT_PROMETHEUS_INSTANCE,
  };
  if (valid && instance.good !== instance.total) {
    valid = false;
    ctx.addIssue({
      code: 'custom',
      path: path('total', 'metricSourceRef'),
      message: `must name the same Prometheus instance as good (${instance.good})`,
    });
  }
  return valid
    ? {
        type: 'prometheus',
        instance: instance.good,
        goodQuery: queries.good,
        totalQuery: queries.total,
      }
    : undefined;
}

/**
 * The subset of an OpenSLO v1 `SLO` document the delivery plugin reads: a ratio indicator
 * (good / total events) or a threshold indicator (latency under `objectives[0].value` ms),
 * a rolling window of 28 or 30 days and one objective. A ratio indicator whose `good` and `total`
 * have Prometheus metric sources reads its events from Prometheus; any other indicator (including a
 * threshold indicator, whatever its metric source) reads ingested SLI samples.
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
              ratioMetric: ratioMetric.optional(),
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
    const source = threshold
      ? undefined
      : prometheusSource(slo.spec.indicator?.spec?.ratioMetric, ctx);
    return {
      name: slo.metadata.name,
      displayName: slo.metadata.displayName,
      description: slo.spec.description,
      objective: target.target ?? target.targetPercent! / 100,
      windowDays: Number(slo.spec.timeWindow[0].duration.slice(0, -1)),
      sli: threshold
        ? { type: 'threshold', thresholdMs: target.value ?? 0 }
        : { type: 'ratio' },
      ...(source ? { source } : {}),
    };
  });
