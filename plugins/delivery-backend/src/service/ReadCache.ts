import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { createHash } from 'node:crypto';
import { DataVersions } from '../database/DataVersions';

/** Version sums over longer lists would need chunked queries: the organisation's version is used. */
const MAX_VERSIONED_REFS = 500;

/**
 * Computed reads (scorecards, time series, SLO status) in Backstage's cache service, keyed by what
 * was asked and by the data version of the entities counted: an ingestion raises those versions
 * in its transaction, so the next read on any replica misses and recomputes. Identical reads in
 * flight on one replica share one computation. Without a cache service every read computes.
 */
export class ReadCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      cache?: CacheService;
      versions: DataVersions;
      logger: LoggerService;
    },
  ) {}

  async read<T>(
    kind: string,
    request: { entityRefs: string[] | null; key: JsonValue; ttlMs: number },
    compute: () => Promise<T>,
  ): Promise<T> {
    const { cache, versions, logger } = this.options;
    if (!cache) return compute();
    const { entityRefs } = request;
    const version = await versions.of(
      entityRefs && entityRefs.length <= MAX_VERSIONED_REFS ? entityRefs : null,
    );
    const digest = createHash('sha256')
      .update(JSON.stringify([entityRefs, request.key]))
      .digest('base64url');
    const cacheKey = `${kind}:${digest}:${version}`;
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending as Promise<T>;
    const lookup = (async () => {
      try {
        const hit = await cache.get(cacheKey);
        if (hit !== undefined) return hit as T;
      } catch (error) {
        logger.warn(`Delivery read cache unavailable: ${error}`);
      }
      const value = await compute();
      cache
        .set(cacheKey, value as JsonValue, { ttl: request.ttlMs })
        .catch(error =>
          logger.warn(`Delivery read cache unavailable: ${error}`),
        );
      return value;
    })();
    this.inFlight.set(cacheKey, lookup);
    try {
      return await lookup;
    } finally {
      this.inFlight.delete(cacheKey);
    }
  }
}
