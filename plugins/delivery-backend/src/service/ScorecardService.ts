import { InputError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  Scorecard,
  ScorecardRecords,
  TimeSeriesMetric,
  TimeSeriesPoint,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { MetricInputsQuery } from '../database/MetricInputsQuery';
import { RecordListQuery } from '../database/RecordListQuery';
import {
  applyCalendarSettings,
  BucketSize,
  calendarBuckets,
  computeScorecard,
  DELIVERY_ANNOTATION_PREFIX,
  mergeTargets,
  previousWindow,
  targetOverridesFromAnnotations,
  TimeWindow,
  WindowInputs,
  WorkingCalendar,
} from '../metrics';
import { DataVersions } from '../database/DataVersions';
import { EntityScope } from './EntityScope';
import { MetricSettings } from './metricSettings';
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
  calendar: WorkingCalendar;
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

/** The annotations that override the organisation's calendar for an entity and what it owns. */
export const CALENDAR_ANNOTATIONS = {
  timeZone: `${DELIVERY_ANNOTATION_PREFIX}time-zone`,
  workingDays: `${DELIVERY_ANNOTATION_PREFIX}working-days`,
  holidays: `${DELIVERY_ANNOTATION_PREFIX}holidays`,
} as const;

const listOf = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map(item => item.trim())
        .filter(item => item.length > 0);

/** Applies an entity's calendar annotations on top of `base`; bad ones are skipped. */
function calendarOf(entity: Entity | undefined, base: WorkingCalendar) {
  const annotations = entity?.metadata.annotations ?? {};
  return applyCalendarSettings(base, {
    timeZone: annotations[CALENDAR_ANNOTATIONS.timeZone],
    workingDays: listOf(annotations[CALENDAR_ANNOTATIONS.workingDays]),
    holidays: listOf(annotations[CALENDAR_ANNOTATIONS.holidays]),
  }).calendar;
}

/** Computes scorecards, time series and drill-down lists for entities, rollups and the org. */
export class ScorecardService {
  constructor(
    private readonly options: {
      entityScope: EntityScope;
      metricInputs: MetricInputsQuery;
      recordLists: RecordListQuery;
      settings: MetricSettings;
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
    const windows = calendarBuckets(
      window,
      bucketSize,
      scope.calendar.timeZone,
    );
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
    const [changes, { incidents, dora }, excludedChanges] = await Promise.all([
      lists.changes(entityRefs, window),
      this.incidentsWithCauses(entityRefs, window),
      lists.excludedChanges(entityRefs, window),
    ]);
    const deployments = await lists.deployments(entityRefs, window, dora);
    return {
      window: {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      },
      deployments: lists.trim(deployments),
      changes: lists.trim(changes),
      incidents: lists.trim(incidents),
      excludedChanges: lists.trim(excludedChanges),
      truncated: lists.isTruncated(
        deployments,
        changes,
        incidents,
        excludedChanges,
      ),
    };
  }

  /** The incidents of a window's drill-down, each with its declared or inferred cause. */
  async incidents(entityRefs: string[] | null, window: TimeWindow) {
    return (await this.incidentsWithCauses(entityRefs, window)).incidents;
  }

  private async incidentsWithCauses(
    entityRefs: string[] | null,
    window: TimeWindow,
  ) {
    const lists = this.options.recordLists;
    const rows = await lists.incidentRows(entityRefs, window);
    // Listed incidents opened before the window need the deployments before them for their cause.
    const earliest = Math.min(
      window.from.getTime(),
      ...rows.map(row => Number(row.opened_at)),
    );
    const dora = await this.options.metricInputs.loadDoraRecords(entityRefs, {
      from: earliest,
      to: window.to.getTime(),
    });
    return { incidents: lists.incidents(rows, window, dora), dora };
  }

  /**
   * The scope of an entity's scorecard and its calendar (the organisation's, overridden by the
   * owner's annotations, not for a Group, whose own calendar is its teams', then by the
   * entity's), with the parts of its rollup the caller may read.
   */
  private async scope(
    entityRef: string,
    access: EntityReadAccess = readAll,
  ): Promise<Scope> {
    const { entityScope, settings } = this.options;
    const resolved = await entityScope.resolve(entityRef);
    const owner =
      resolved.entity.kind.toLocaleLowerCase('en-US') === 'group'
        ? undefined
        : await entityScope.owner(resolved.entity);
    const parts = resolved.entityRefs.filter(r => r !== resolved.entityRef);
    const readable =
      access.all || parts.length === 0 ? parts : await access.readable(parts);
    return {
      entityRef: resolved.entityRef,
      entityRefs: [resolved.entityRef, ...readable].sort(),
      annotations: resolved.entity.metadata.annotations,
      calendar: calendarOf(
        resolved.entity,
        calendarOf(owner, settings.calendar),
      ),
      hiddenEntities: parts.length - readable.length,
    };
  }

  /** Every entity with records, or those the caller may read of them. */
  private async organizationScope(
    access: EntityReadAccess = readAll,
  ): Promise<Scope> {
    const { calendar } = this.options.settings;
    if (access.all) {
      return { entityRef: null, entityRefs: null, hiddenEntities: 0, calendar };
    }
    const all = await this.options.versions.entityRefs();
    const readable = await access.readable(all);
    return {
      entityRef: null,
      entityRefs: readable.sort(),
      hiddenEntities: all.length - readable.length,
      calendar,
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
          calendar: JSON.stringify(scope.calendar),
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
    const { settings } = this.options;
    const { targets } = targetOverridesFromAnnotations(
      scope.annotations,
      settings.targets,
    );
    return computeScorecard({
      entityRef: scope.entityRef,
      entityRefs: scope.entityRefs ?? [],
      window,
      current,
      previous,
      levels: settings.levels,
      targets: mergeTargets(settings.targets, targets),
      calendar: scope.calendar,
      statistics: settings.statistics,
      attributionWindowHours: settings.attributionWindowHours,
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
