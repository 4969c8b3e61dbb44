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
import { EntityScope } from './EntityScope';

/**
 * Each bucket is one metric query: a year of days is the most a chart needs, and a two-year window
 * of days would cost over 700 queries per request.
 */
export const MAX_TIME_SERIES_BUCKETS = 366;

type Scope = {
  entityRef: string | null;
  entityRefs: string[] | null;
  annotations?: Record<string, string>;
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
    },
  ) {}

  async forEntity(entityRef: string, window: TimeWindow): Promise<Scorecard> {
    return this.compute(await this.scope(entityRef), window);
  }

  async forOrganization(window: TimeWindow): Promise<Scorecard> {
    return this.compute({ entityRef: null, entityRefs: null }, window);
  }

  async timeSeries(
    entityRef: string | null,
    metric: TimeSeriesMetric,
    window: TimeWindow,
    bucketSize: BucketSize,
  ): Promise<TimeSeriesPoint[]> {
    const scope = entityRef
      ? await this.scope(entityRef)
      : { entityRef: null, entityRefs: null };
    const windows = buckets(window, bucketSize);
    if (windows.length > MAX_TIME_SERIES_BUCKETS) {
      throw new InputError(
        `The window holds ${windows.length} ${bucketSize} buckets, at most ${MAX_TIME_SERIES_BUCKETS} are computed per time series: use bucket=week or a shorter window`,
      );
    }
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
  ): Promise<ScorecardRecords> {
    const { entityRefs } = entityRef
      ? await this.scope(entityRef)
      : { entityRefs: null };
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

  private async scope(entityRef: string): Promise<Scope> {
    const resolved = await this.options.entityScope.resolve(entityRef);
    return {
      entityRef: resolved.entityRef,
      entityRefs: resolved.entityRefs,
      annotations: resolved.entity.metadata.annotations,
    };
  }

  private async compute(scope: Scope, window: TimeWindow): Promise<Scorecard> {
    const [current, previous] = await Promise.all([
      this.options.metricInputs.read(scope.entityRefs, window),
      this.options.metricInputs.read(scope.entityRefs, previousWindow(window)),
    ]);
    return this.scorecardFrom(scope, window, current, previous);
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
