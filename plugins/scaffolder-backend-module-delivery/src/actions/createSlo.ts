import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { readWorkspaceFile, writeWorkspaceFile } from './workspaceFiles';
import { examples } from './createSlo.examples';

/** One SLO as the action takes it. */
export type SloSpec = {
  name: string;
  displayName?: string;
  description?: string;
  /** 99.9 (percent) or 0.999 (fraction). */
  objective: number;
  window?: '28d' | '30d';
  /** Latency threshold in ms: makes the SLI "requests faster than this". */
  thresholdMs?: number;
  prometheus?: { good: string; total: string; instance?: string };
};

/**
 * An OpenSLO v1 `SLO` document in the subset the delivery backend reads (docs/slo.md): one
 * rolling window of 28 or 30 days, one objective, a ratio or threshold indicator.
 */
export function openSloDocument(service: string, slo: SloSpec) {
  const target =
    slo.objective <= 1 ? slo.objective : Math.round(slo.objective * 1e6) / 1e8;
  const metricSource = (query: string) => ({
    metricSource: {
      ...(slo.prometheus?.instance
        ? { metricSourceRef: slo.prometheus.instance }
        : {}),
      type: 'Prometheus',
      spec: { query },
    },
  });
  const indicatorSpec =
    slo.thresholdMs !== undefined
      ? { thresholdMetric: {} }
      : {
          ratioMetric: {
            counter: true,
            ...(slo.prometheus
              ? {
                  good: metricSource(slo.prometheus.good),
                  total: metricSource(slo.prometheus.total),
                }
              : {}),
          },
        };
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: slo.name,
      ...(slo.displayName ? { displayName: slo.displayName } : {}),
    },
    spec: {
      ...(slo.description ? { description: slo.description } : {}),
      service,
      indicator: {
        metadata: { name: `${service}-${slo.name}` },
        spec: indicatorSpec,
      },
      timeWindow: [{ duration: slo.window ?? '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [
        slo.thresholdMs !== undefined
          ? { op: 'lte', value: slo.thresholdMs, target }
          : { target },
      ],
    },
  };
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * `delivery:slo:create`: writes OpenSLO v1 `SLO` documents for a service (default `slo.yaml`),
 * the file the `delivery-insights.io/slo-file` annotation points to. SLOs already in the file
 * stay; writing one with a name the file already has is an error.
 *
 * @public
 */
export function createSloAction() {
  return createTemplateAction({
    id: 'delivery:slo:create',
    description:
      'Writes OpenSLO v1 SLO documents for a service (ratio or latency-threshold SLIs, 28d/30d rolling windows, optional Prometheus counters) to slo.yaml or a given path, as the delivery backend reads them.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        service: z => z.string().min(1).describe('Service name'),
        slos: z =>
          z
            .array(
              z.object({
                name: z
                  .string()
                  .regex(dnsLabel, 'must be a DNS label, e.g. availability'),
                displayName: z.string().optional(),
                description: z.string().optional(),
                objective: z
                  .number()
                  .gt(0)
                  .lt(100)
                  .describe('99.9 (percent) or 0.999 (fraction)'),
                window: z.enum(['28d', '30d']).optional(),
                thresholdMs: z
                  .number()
                  .positive()
                  .optional()
                  .describe('Latency threshold in ms for a latency SLO'),
                prometheus: z
                  .object({
                    good: z.string().min(1),
                    total: z.string().min(1),
                    instance: z.string().optional(),
                  })
                  .optional()
                  .describe(
                    'Counters (PromQL vector selectors) of good and total events',
                  ),
              }),
            )
            .min(1),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Where to write the file in the workspace; default slo.yaml',
            ),
      },
      output: {
        path: z => z.string(),
        names: z => z.array(z.string()),
        content: z => z.string().describe('The whole file after writing'),
      },
    },
    async handler(ctx) {
      const { service, slos } = ctx.input;
      const path = ctx.input.path?.trim() || 'slo.yaml';
      for (const slo of slos) {
        if (slo.objective === 1 || slo.objective <= 0) {
          throw new InputError(
            `SLO ${slo.name}: the objective must lie strictly between 0 and 100%`,
          );
        }
        if (slo.thresholdMs !== undefined && slo.prometheus) {
          throw new InputError(
            `SLO ${slo.name}: a latency threshold SLO reads ingested SLI samples; for Prometheus write a ratio SLO over the histogram's counters (see docs/slo.md)`,
          );
        }
      }
      const existing = (await readWorkspaceFile(ctx.workspacePath, path)) ?? '';
      const names = new Set<string>();
      for (const document of yaml.parseAllDocuments(existing)) {
        const name = (document.toJS() as { metadata?: { name?: unknown } })
          ?.metadata?.name;
        if (typeof name === 'string') names.add(name);
      }
      for (const slo of slos) {
        if (names.has(slo.name)) {
          throw new InputError(
            `${path} already defines an SLO named ${slo.name}`,
          );
        }
        names.add(slo.name);
      }
      const written = slos
        .map(slo => yaml.stringify(openSloDocument(service, slo)))
        .join('---\n');
      const content = existing.trim()
        ? `${existing.trimEnd()}\n---\n${written}`
        : written;
      await writeWorkspaceFile(ctx.workspacePath, path, content);
      ctx.logger.info(
        `Wrote ${slos.length} SLO(s) of ${service} to ${path}: ${slos
          .map(s => s.name)
          .join(', ')}`,
      );
      ctx.output('path', path);
      ctx.output('content', content);
      ctx.output(
        'names',
        slos.map(s => s.name),
      );
    },
  });
}
