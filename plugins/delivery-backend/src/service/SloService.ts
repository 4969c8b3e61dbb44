import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntitySlos,
  SloDefinition,
  SloDefinitionError,
  SloStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { SliSampleQuery } from '../database/SliSampleQuery';
import { DAY_MS, TimeWindow } from '../metrics';
import { SloDefinitionReader } from '../slo/definitions/SloDefinitionReader';
import { SliSample, computeSloStatus } from '../slo/math';
import {
  PrometheusSliSource,
  SliSourceError,
} from '../slo/prometheus/PrometheusSliSource';
import { EntityScope } from './EntityScope';
import { ReadCache } from './ReadCache';

/** SLO status is computed for now: a cached one is at most this old (or older data than ingested never). */
const SLO_STATUS_TTL_MS = 30_000;

/** The SLOs a service defines, each with its error budget, burn rates and alert state now. */
export class SloService {
  constructor(
    private readonly options: {
      entityScope: EntityScope;
      definitions: SloDefinitionReader;
      /** Ingested sliSample events: the SLI data of SLOs without a source. */
      samples: SliSampleQuery;
      /** The SLI data of SLOs whose source is Prometheus. */
      prometheus: PrometheusSliSource;
      logger: LoggerService;
      /** Without it every read computes (tests that pin `now`). */
      cache?: ReadCache;
    },
  ) {}

  /**
   * The entity's SLO status. Cached by its data version when every SLO reads ingested samples;
   * Prometheus data has no version here, so SLOs reading it are computed on each request.
   */
  async forEntity(entityRef: string, now?: Date): Promise<EntitySlos> {
    const { entity, entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
    );
    const read = await this.options.definitions.read(entity);
    const { cache } = this.options;
    if (
      !cache ||
      now ||
      read.definitions.some(d => d.source?.type === 'prometheus')
    ) {
      return this.compute(ref, read, now ?? new Date());
    }
    return cache.read(
      'slos',
      { entityRefs: [ref], key: read, ttlMs: SLO_STATUS_TTL_MS },
      () => this.compute(ref, read, new Date()),
    );
  }

  private async compute(
    ref: string,
    { definitions, errors }: Awaited<ReturnType<SloDefinitionReader['read']>>,
    now: Date,
  ): Promise<EntitySlos> {
    const results = await Promise.all(
      definitions.map(
        async (
          definition,
        ): Promise<{ status: SloStatus } | { error: SloDefinitionError }> => {
          // The oldest point of the budget history looks a whole window further back.
          const window = {
            from: new Date(now.getTime() - 2 * definition.windowDays * DAY_MS),
            to: now,
          };
          try {
            const samples = await this.samplesOf(ref, definition, window);
            return { status: computeSloStatus({ definition, samples, now }) };
          } catch (error) {
            if (!(error instanceof SliSourceError)) throw error;
            // The message names the instance and the reason, never a header value.
            this.options.logger.warn(
              `SLO ${definition.name} of ${ref}: ${error.message}`,
            );
            return { error: { slo: definition.name, message: error.message } };
          }
        },
      ),
    );
    return {
      entityRef: ref,
      at: now.toISOString(),
      slos: results.flatMap(r => ('status' in r ? [r.status] : [])),
      errors: [
        ...errors,
        ...results.flatMap(r => ('error' in r ? [r.error] : [])),
      ],
    };
  }

  /** The SLO definitions of an entity, and the ones that could not be read. */
  definitionsOf(entity: Entity) {
    return this.options.definitions.read(entity);
  }

  /** One SLO's samples in a window, from Prometheus or the ingested samples. */
  samplesOf(
    ref: string,
    definition: SloDefinition,
    window: TimeWindow,
  ): Promise<SliSample[]> {
    if (definition.source?.type === 'prometheus') {
      return this.options.prometheus.read(definition.source, window);
    }
    return this.options.samples.read([ref], definition.name, window);
  }
}
