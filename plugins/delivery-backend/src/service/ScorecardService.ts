import { InputError } from '@backstage/errors';
import {
  Scorecard,
  ScorecardRecords,
  TimeSeriesMetric,
  TimeSeriesPoint,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { MetricInputsQuery } from '../database/MetricInputsQuery';
import { RecordListQuery } from '../database/RecordListQuery';
import {
  buckets,
  BucketSize,
  computeScorecard,
  LevelThresholds,
  mergeTargets,
  MetricTargets,
  previousWindow,
  targetOverridesFromAnnotations,
  TimeWindow,
  WindowInputs,
} from '../metrics';
import { DataVersions } from '../database/DataVersions';
import { EntityScope } from './EntityScope';
import { EntityReadAccess, readAll } from './ReadAccess';
import { ReadCache } from './ReadCache';

/**
 * Each bucket is one metric query: a year of days is the most a chart needs, and a two-year window
 * of days would cost over 700 queries per request.
 */
export const MAX_TIME_SERIES_BUCKETS = 366;

/** How long a read of a fixed window is cached: its data version keeps it correct. */
const FIXED_WINDOW_TTL_MS = 10 * 60_000;
/** A window ending now slides: records age out of it by at most this while it is cached. */
const SLIDING_WINDOW_TTL_MS = 30_000;

type Scope = {
  entityRef: string | null;
  entityRefs: string[] | null;
  annotations?: Record<string, string>;
  /** Entities of the rollup the caller may not read, left out of `entityRefs`. */
  hiddenEntities: number;
};

/** How a read is authorized and cached. */
export type ReadOptions = {
  /** The entities the caller may read; every one by default. */
  access?: EntityReadAccess;
  /**
   * Set when the window ends now (no `to` given): the cache key then names the request, not the
   * instants, and the value is kept for a short time only.
   */
  slidingWindowKey?: string;
};

/** Computes scorecards, time series and drill-down lists for entities, rollups and the org. */
export class ScorecardService {
  constructor(
    private readonly options: {
      entityScope: EntityScope;
      metricInputs: MetricInputsQuery;
      recordLists: RecordListQuery;
      levels: LevelThresholds;
      targets: MetricTargets;
      versions: DataVersions;
      cache: ReadCache;
    },
  ) {}

  async forEntity(
    entityRef: string,
    window: TimeWindow,
    options: ReadOptions = {},
  ): Promise<Scorecard> {
    const scope = await this.scope(entityRef, options.access);
    return this.cached('scorecard', scope, window, options, {}, () =>
      this.compute(scope, window),
    );
  }

  async forOrganization(
    window: TimeWindow,
    options: ReadOptions = {},
  ): Promise<Scorecard> {
    const scope = await this.organizationScope(options.access);
    return this.cached('scorecard', scope, window, options, {}, () =>
      this.compute(scope, window),
    );
  }

  /** The points of a time series, and how many entities of the rollup were left out. */
  async timeSeries(
    entityRef: string | null,
    metric: TimeSeriesMetric,
    window: TimeWindow,
    bucketSize: BucketSize,
    options: ReadOptions = {},
  ): Promise<{ points: TimeSeriesPoint[]; hiddenEntities: number }> {
    const scope = entityRef
      ? await this.scope(entityRef, options.access)
      : await this.organizationScope(options.access);
    const windows = buckets(window, bucketSize);
    if (windows.length > MAX_TIME_SERIES_BUCKETS) {
      throw new InputError(
        `The window holds ${windows.length} ${bucketSize} buckets, at most ${MAX_TIME_SERIES_BUCKETS} are computed per time series: use bucket=week or a shorter window`,
      );
    }
    const points = await this.cached(
      'timeseries',
      scope,
      window,
      options,
      { metric, bucketSize },
      () => this.points(scope, metric, windows),
    );
    return { points, hiddenEntities: scope.hiddenEntities };
  }

  private points(
    scope: Scope,
    metric: TimeSeriesMetric,
    windows: TimeWindow[],
  ): Promise<TimeSeriesPoint[]> {
    return Promise.all(
      windows.map(async bucket => {
        // A chart point needs no trend, so the bucket's own inputs stand in for the previous
        // window instead of querying it.
        const inputs = await this.options.metricInputs.read(
          scope.entityRefs,
          bucket,
        );
        const scorecard = this.scorecardFrom(scope, bucket, inputs, inputs);
        const value = findMetric(scorecard, metric);
        return {
          from: bucket.from.toISOString(),
          to: bucket.to.toISOString(),
          value: value.value,
          sampleSize: value.sampleSize,
        };
      }),
    );
  }

  async records(
    entityRef: string | null,
    window: TimeWindow,
    options: ReadOptions = {},
  ): Promise<ScorecardRecords> {
    const { entityRefs } = entityRef
      ? await this.scope(entityRef, options.access)
      : await this.organizationScope(options.access);
    const lists = this.options.recordLists;
    const [deployments, changes, incidents] = await Promise.all([
      lists.deployments(entityRefs, window),
      lists.changes(entityRefs, window),
      lists.incidents(entityRefs, window),
    ]);
    return {
      window: {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      },
      deployments: lists.trim(deployments),
      changes: lists.trim(changes),
      incidents: lists.trim(incidents),
      truncated: lists.isTruncated(deployments, changes, incidents),
    };
  }

  /** The entity (already authorized by the caller) and the parts of its rollup they may read. */
  private async scope(
    entityRef: string,
    access: EntityReadAccess = readAll,
  ): Promise<Scope> {
    const resolved = await this.options.entityScope.resolve(entityRef);
    const parts = resolved.entityRefs.filter(r => r !== resolved.entityRef);
    const readable =
      access.all || parts.length === 0 ? parts : await access.readable(parts);
    return {
      entityRef: resolved.entityRef,
      entityRefs: [resolved.entityRef, ...readable].sort(),
      annotations: resolved.entity.metadata.annotations,
      hiddenEntities: parts.length - readable.length,
    };
  }

  /** Every entity with records, or those the caller may read of them. */
  private async organizationScope(
    access: EntityReadAccess = readAll,
  ): Promise<Scope> {
    if (access.all) {
      return { entityRef: null, entityRefs: null, hiddenEntities: 0 };
    }
    const all = await this.options.versions.entityRefs();
    const readable = await access.readable(all);
    return {
      entityRef: null,
      entityRefs: readable.sort(),
      hiddenEntities: all.length - readable.length,
    };
  }

  private cached<T>(
    kind: string,
    scope: Scope,
    window: TimeWindow,
    options: ReadOptions,
    request: Record<string, string>,
    compute: () => Promise<T>,
  ): Promise<T> {
    const sliding = options.slidingWindowKey !== undefined;
    return this.options.cache.read(
      kind,
      {
        entityRefs: scope.entityRefs,
        key: {
          ...request,
          entityRef: scope.entityRef,
          annotations: scope.annotations ?? null,
          window: sliding
            ? `sliding:${options.slidingWindowKey}`
            : `${window.from.toISOString()}/${window.to.toISOString()}`,
        },
        ttlMs: sliding ? SLIDING_WINDOW_TTL_MS : FIXED_WINDOW_TTL_MS,
      },
      compute,
    );
  }

  private async compute(scope: Scope, window: TimeWindow): Promise<Scorecard> {
    const [current, previous] = await Promise.all([
      this.options.metricInputs.read(scope.entityRefs, window),
      this.options.metricInputs.read(scope.entityRefs, previousWindow(window)),
    ]);
    return {
      ...this.scorecardFrom(scope, window, current, previous),
      hiddenEntities: scope.hiddenEntities,
    };
  }

  private scorecardFrom(
    scope: Scope,
    window: TimeWindow,
    current: WindowInputs,
    previous: WindowInputs,
  ): Scorecard {
    const { targets } = targetOverridesFromAnnotations(
      scope.annotations,
      this.options.targets,
    );
    return computeScorecard({
      entityRef: scope.entityRef,
      entityRefs: scope.entityRefs ?? [],
      window,
      current,
      previous,
      levels: this.options.levels,
      targets: mergeTargets(this.options.targets, targets),
    });
  }
}

function findMetric(scorecard: Scorecard, metric: TimeSeriesMetric) {
  const sections = [
    scorecard.dora,
    scorecard.flow,
    scorecard.quality,
  ] as Record<string, Scorecard['dora']['leadTime']>[];
  const section = sections.find(s => metric in s);
  if (!section) {
    throw new Error(`Unknown metric ${metric}`);
  }
  return section[metric];
}
