import { Knex } from 'knex';
import {
  DeploymentFact,
  IncidentFact,
  attributeIncidents,
  failedDeploymentKeys,
  isRework,
  recordKey,
  recoveryTimes,
} from '../metrics';
import type { SampleSummary, TimeWindow, WindowInputs } from '../metrics';
import {
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  REACHED_PRODUCTION,
  isProductionSql,
} from './firstDeployment';

const HOUR_MS = 3_600_000;

/** Windows answered by one statement; a long daily chart is split so statements stay small. */
const WINDOWS_PER_STATEMENT = 40;

/** What attribution, change failure rate and recovery are computed from (`loadDoraRecords`). */
export type DoraRecords = Awaited<
  ReturnType<MetricInputsQuery['loadDoraRecords']>
>;

/** A window as epoch milliseconds, half-open [from, to). */
export type Span = { from: number; to: number };

/** Instants go into the SQL as integer literals: they are numbers we computed, never user text. */
const literal = (n: number) => {
  if (!Number.isSafeInteger(n)) {
    throw new Error(`Not an epoch millisecond instant: ${n}`);
  }
  return String(n);
};

const within = (column: string, span: Span) =>
  `(${column} >= ${literal(span.from)} and ${column} < ${literal(span.to)})`;

const isWithin = (instant: number, span: Span) =>
  instant >= span.from && instant < span.to;

/** The smallest span covering all of them: what a statement for several windows must read. */
const envelope = (spans: Span[]): Span => ({
  from: Math.min(...spans.map(s => s.from)),
  to: Math.max(...spans.map(s => s.to)),
});

const minTo = (spans: Span[]) => Math.min(...spans.map(s => s.to));

type PendingRead = {
  window: TimeWindow;
  resolve: (inputs: WindowInputs) => void;
  reject: (error: unknown) => void;
};

/**
 * Reads, for a set of entities (or the whole organisation when `entityRefs` is null) and a window,
 * the raw inputs of every metric. Counting and filtering run in SQL; what needs a distribution
 * (median, percentiles) comes back as one duration per record. Several windows of one scope are
 * read together, one statement per kind of input: counts as one conditional aggregate per window,
 * durations as the rows of all windows, split here.
 */
export class MetricInputsQuery {
  private readonly pending = new Map<
    string,
    { entityRefs: string[] | null; reads: PendingRead[] }
  >();

  private readonly productionEnvironments: string[];
  private readonly attributionWindowHours: number;

  constructor(
    private readonly knex: Knex,
    options: {
      productionEnvironments?: string[];
      attributionWindowHours?: number;
    } = {},
  ) {
    this.productionEnvironments =
      options.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS;
    this.attributionWindowHours = options.attributionWindowHours ?? 24;
  }

  /**
   * One window's inputs. Reads of the same scope started in the same tick (a scorecard's window
   * and previous window, a chart's buckets) are answered by one `readWindows`.
   */
  read(entityRefs: string[] | null, window: TimeWindow): Promise<WindowInputs> {
    const key = JSON.stringify(entityRefs);
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        const started = { entityRefs, reads: [] as PendingRead[] };
        batch = started;
        this.pending.set(key, started);
        queueMicrotask(() => {
          this.pending.delete(key);
          this.readWindows(
            started.entityRefs,
            started.reads.map(r => r.window),
          ).then(
            results => started.reads.forEach((r, i) => r.resolve(results[i])),
            error => started.reads.forEach(r => r.reject(error)),
          );
        });
      }
      batch.reads.push({ window, resolve, reject });
    });
  }

  /** The inputs of each window, in order. */
  async readWindows(
    entityRefs: string[] | null,
    windows: TimeWindow[],
  ): Promise<WindowInputs[]> {
    const spans = windows.map(w => ({
      from: w.from.getTime(),
      to: w.to.getTime(),
    }));
    const groups: Span[][] = [];
    for (let i = 0; i < spans.length; i += WINDOWS_PER_STATEMENT) {
      groups.push(spans.slice(i, i + WINDOWS_PER_STATEMENT));
    }
    const results = await Promise.all(
      groups.map(group => this.readGroup(entityRefs, group)),
    );
    return results.flat();
  }

  private async readGroup(
    entityRefs: string[] | null,
    spans: Span[],
  ): Promise<WindowInputs[]> {
    const [deployments, leadTimesHours, incidents, workItems, latestCoverage] =
      await Promise.all([
        this.doraFacts(entityRefs, spans),
        this.leadTimes(entityRefs, spans),
        this.incidents(entityRefs, spans),
        this.workItems(entityRefs, spans),
        Promise.all(
          spans.map(span => this.latestCoverage(entityRefs, span.to)),
        ),
      ]);
    return spans.map((_, i) => ({
      ...deployments[i],
      ...leadTimesHours[i],
      dataQuality: {
        ...deployments[i].dataQuality,
        excludedChanges: leadTimesHours[i].excludedChanges,
      },
      ...incidents[i],
      ...workItems[i],
      latestCoverage: latestCoverage[i],
    }));
  }

  private forEntities(
    query: Knex.QueryBuilder,
    column: string,
    entityRefs: string[] | null,
  ) {
    return entityRefs === null ? query : query.whereIn(column, entityRefs);
  }

  /** One row of conditional aggregates; `columns(i)` are window i's, named with an `_i` suffix. */
  private async aggregates(
    query: Knex.QueryBuilder,
    spans: Span[],
    columns: (span: Span, i: number) => Knex.Raw[],
  ): Promise<Record<string, unknown>> {
    const row = await query
      .select(spans.flatMap((span, i) => columns(span, i)))
      .first();
    return row ?? {};
  }

  /**
   * The counted deployments and incidents around a window, each incident's cause and the keys of
   * the failed deployments: what attribution, change failure rate and recovery are computed from.
   * Reads the deployments from `attributionWindowHours` before `from` to as long after `to`, the
   * incidents opened in that span and those of any time naming one of these deployments.
   */
  async loadDoraRecords(entityRefs: string[] | null, all: Span) {
    const reach = Math.round(this.attributionWindowHours * HOUR_MS);
    const horizon = { from: all.from - reach, to: all.to + reach };
    const hasChanges = this.knex('delivery_deployment_changes as dc')
      .select(this.knex.raw('1'))
      .whereRaw('dc.source = d.source')
      .whereRaw('dc.deployment_id = d.id');
    const counted = () =>
      this.forEntities(
        this.knex('delivery_deployments as d')
          .where(
            isProductionSql(
              this.knex,
              'd.environment',
              this.productionEnvironments,
            ),
          )
          .whereIn('d.status', REACHED_PRODUCTION)
          .where('d.finished_at', '>=', horizon.from)
          .where('d.finished_at', '<', horizon.to),
        'd.entity_ref',
        entityRefs,
      );
    const incidentColumns = [
      'i.source',
      'i.id',
      'i.entity_ref',
      'i.opened_at',
      'i.resolved_at',
      'i.caused_by_deployment_id',
    ];
    const [deploymentRows, nearbyIncidents, declaredIncidents] =
      await Promise.all([
        counted().select(
          'd.source',
          'd.id',
          'd.entity_ref',
          'd.status',
          'd.finished_at',
          'd.reason',
          'd.fixes_incident_ids',
          this.knex.raw(
            `case when exists (${hasChanges.toQuery()}) then 1 else 0 end as has_changes`,
          ),
        ),
        this.forEntities(
          this.knex('delivery_incidents as i')
            .where('i.opened_at', '>=', horizon.from)
            .where('i.opened_at', '<', horizon.to),
          'i.entity_ref',
          entityRefs,
        ).select(incidentColumns),
        // Incidents of any entity and time that name one of these deployments as their cause.
        counted()
          .join('delivery_incidents as i', join =>
            join
              .on('i.source', 'd.source')
              .andOn('i.caused_by_deployment_id', 'd.id'),
          )
          .select(incidentColumns),
      ]);

    const deployments: (DeploymentFact & { hasChanges: boolean })[] =
      deploymentRows.map((row: Record<string, unknown>) => ({
        source: String(row.source),
        id: String(row.id),
        entityRef: String(row.entity_ref),
        status: row.status as DeploymentFact['status'],
        finishedAt: Number(row.finished_at),
        reason: (row.reason as string | null) ?? null,
        fixesIncidentIds: row.fixes_incident_ids
          ? (JSON.parse(String(row.fixes_incident_ids)) as string[])
          : [],
        hasChanges: Number(row.has_changes) === 1,
      }));
    const incidentsByKey = new Map<string, IncidentFact>();
    for (const row of [...nearbyIncidents, ...declaredIncidents]) {
      const incident: IncidentFact = {
        source: String(row.source),
        id: String(row.id),
        entityRef: String(row.entity_ref),
        openedAt: Number(row.opened_at),
        resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
        causedByDeploymentId: row.caused_by_deployment_id ?? null,
      };
      incidentsByKey.set(recordKey(incident), incident);
    }
    const incidents = [...incidentsByKey.values()];
    const attributions = attributeIncidents(
      incidents,
      deployments,
      this.attributionWindowHours,
    );
    const failed = failedDeploymentKeys(deployments, attributions);
    return { deployments, incidents, attributions, failed };
  }

  /**
   * The DORA inputs that follow deployments: counted, failed and rework deployments, their finishes
   * (deployment days), failed deployment recovery times and the data-quality counts. Attribution
   * and recovery need the records around each window, so the counted deployments and incidents
   * from `attributionWindowHours` before the earliest window to as long after the latest come back
   * as rows and the rules of docs/metrics.md (metrics/dora.ts) apply here, for every window alike.
   */
  private async doraFacts(entityRefs: string[] | null, spans: Span[]) {
    const { deployments, incidents, attributions, failed } =
      await this.loadDoraRecords(entityRefs, envelope(spans));
    const scope = entityRefs === null ? null : new Set(entityRefs);
    const inScope = (ref: string) => scope === null || scope.has(ref);

    return spans.map(span => {
      const inWindow = deployments.filter(d => isWithin(d.finishedAt, span));
      const recovery = recoveryTimes({
        deployments,
        incidents,
        attributions,
        failed,
        window: span,
      });
      const causes = { declared: 0, inferred: 0, none: 0 };
      for (const incident of incidents) {
        if (isWithin(incident.openedAt, span) && inScope(incident.entityRef)) {
          causes[
            attributions.get(recordKey(incident))?.causeSource ?? 'none'
          ] += 1;
        }
      }
      return {
        countedDeployments: inWindow.length,
        failedDeployments: inWindow.filter(d => failed.has(recordKey(d)))
          .length,
        reworkDeployments: inWindow.filter(isRework).length,
        deploymentFinishedAt: inWindow.map(d => d.finishedAt),
        recoveryTimesHours: recovery.hours,
        openRecoveries: recovery.open,
        dataQuality: {
          deploymentsWithoutChanges: inWindow.filter(d => !d.hasChanges).length,
          incidents: causes,
        },
      };
    });
  }

  /**
   * Per change first shipped to production in a window, hours from its first commit to that
   * deployment's finish. `first_deployed_at` is kept by DeliveryStore, so this is a range read.
   * PostgreSQL answers the median and p90 itself (`percentile_cont` interpolates exactly as
   * `percentile` does, on the same double-precision hours), which spares sending an
   * organisation's tens of thousands of samples; SQLite has no percentile function and sends them.
   */
  private async leadTimes(
    entityRefs: string[] | null,
    spans: Span[],
  ): Promise<
    (Pick<WindowInputs, 'leadTimesHours' | 'leadTime'> & {
      excludedChanges: WindowInputs['dataQuality']['excludedChanges'];
    })[]
  > {
    const all = envelope(spans);
    const firstDeployed = () =>
      this.forEntities(
        this.knex('delivery_changes as c')
          .where('c.first_deployed_at', '>=', all.from)
          .where('c.first_deployed_at', '<', all.to),
        'c.entity_ref',
        entityRefs,
      );
    const shipped = () =>
      firstDeployed()
        .whereNull('c.data_quality')
        .whereRaw('c.first_deployed_at >= c.first_commit_at');
    const excluded = await this.aggregates(
      firstDeployed().where(q =>
        q
          .whereNotNull('c.data_quality')
          .orWhereRaw('c.first_deployed_at < c.first_commit_at'),
      ),
      spans,
      (span, i) => {
        const inSpan = within('c.first_deployed_at', span);
        return [
          this.knex.raw(
            `count(case when ${inSpan} and c.data_quality is not null then 1 end) as merged_${i}`,
          ),
          this.knex.raw(
            `count(case when ${inSpan} and c.data_quality is null then 1 end) as deployed_${i}`,
          ),
        ];
      },
    );
    const excludedChanges = (i: number) => ({
      merged_before_first_commit: Number(excluded[`merged_${i}`] ?? 0),
      deployed_before_first_commit: Number(excluded[`deployed_${i}`] ?? 0),
    });
    if (this.knex.client.config.client === 'pg') {
      // One ordered-set aggregate per window and percentile, over that window's rows only
      // (`filter`); the median and p90 of a window share one sort.
      const hours = `(c.first_deployed_at - c.first_commit_at)::float8 / ${HOUR_MS}::float8`;
      const row = await this.aggregates(shipped(), spans, (span, i) => {
        const inSpan = `filter (where ${within('c.first_deployed_at', span)})`;
        return [
          this.knex.raw(`count(*) ${inSpan} as samples_${i}`),
          this.knex.raw(`avg(${hours}) ${inSpan} as mean_${i}`),
          this.knex.raw(
            `percentile_cont(0.5) within group (order by ${hours}) ${inSpan} as median_${i}`,
          ),
          this.knex.raw(
            `percentile_cont(0.9) within group (order by ${hours}) ${inSpan} as p90_${i}`,
          ),
        ];
      });
      const numberOrNull = (value: unknown) =>
        value === null || value === undefined ? null : Number(value);
      return spans.map((_, i) => {
        const leadTime: SampleSummary = {
          sampleSize: Number(row[`samples_${i}`] ?? 0),
          mean: numberOrNull(row[`mean_${i}`]),
          median: numberOrNull(row[`median_${i}`]),
          p90: numberOrNull(row[`p90_${i}`]),
        };
        return {
          leadTimesHours: [],
          leadTime,
          excludedChanges: excludedChanges(i),
        };
      });
    }
    const rows: { first_commit_at: string; first_deployed_at: string }[] =
      await shipped().select('c.first_commit_at', 'c.first_deployed_at');
    const parsed = rows.map(row => ({
      deployedAt: Number(row.first_deployed_at),
      firstCommitAt: Number(row.first_commit_at),
    }));
    return spans.map((span, i) => ({
      leadTimesHours: parsed
        .filter(row => isWithin(row.deployedAt, span))
        .map(row => (row.deployedAt - row.firstCommitAt) / HOUR_MS),
      excludedChanges: excludedChanges(i),
    }));
  }

  private async incidents(entityRefs: string[] | null, spans: Span[]) {
    const all = envelope(spans);
    const earliestTo = literal(minTo(spans));
    const incidents = () =>
      this.forEntities(
        this.knex('delivery_incidents'),
        'entity_ref',
        entityRefs,
      );
    const [resolvedRows, open, opened] = await Promise.all([
      incidents()
        .where('resolved_at', '>=', all.from)
        .where('resolved_at', '<', all.to)
        .select('opened_at', 'resolved_at'),
      this.aggregates(
        incidents()
          .where('opened_at', '<', all.to)
          .where(q =>
            q
              .whereNull('resolved_at')
              .orWhereRaw(`resolved_at >= ${earliestTo}`),
          ),
        spans,
        (span, i) => [
          this.knex.raw(
            `count(case when opened_at < ${literal(
              span.to,
            )} and (resolved_at is null or resolved_at >= ${literal(
              span.to,
            )}) then 1 end) as open_${i}`,
          ),
        ],
      ),
      this.aggregates(
        incidents()
          .where('opened_at', '>=', all.from)
          .where('opened_at', '<', all.to),
        spans,
        (span, i) => [
          this.knex.raw(
            `count(case when ${within(
              'opened_at',
              span,
            )} then 1 end) as opened_${i}`,
          ),
        ],
      ),
    ]);
    const resolved = (
      resolvedRows as { opened_at: string; resolved_at: string }[]
    ).map(row => ({
      openedAt: Number(row.opened_at),
      resolvedAt: Number(row.resolved_at),
    }));
    return spans.map((span, i) => ({
      restoreTimesHours: resolved
        .filter(row => isWithin(row.resolvedAt, span))
        .map(row => (row.resolvedAt - row.openedAt) / HOUR_MS),
      openIncidents: Number(open[`open_${i}`] ?? 0),
      incidentsOpened: Number(opened[`opened_${i}`] ?? 0),
    }));
  }

  private async workItems(entityRefs: string[] | null, spans: Span[]) {
    const all = envelope(spans);
    const earliestTo = literal(minTo(spans));
    const items = () =>
      this.forEntities(
        this.knex('delivery_work_items'),
        'entity_ref',
        entityRefs,
      );
    const [completedRows, wip, bugs] = await Promise.all([
      items()
        .where('completed_at', '>=', all.from)
        .where('completed_at', '<', all.to)
        .select(
          this.knex.raw('coalesce(started_at, created_at) as started_at'),
          'completed_at',
          'active_hours',
          'points',
          'sprint',
        ),
      this.aggregates(
        items()
          .whereNotNull('started_at')
          .where('started_at', '<', all.to)
          .where(q =>
            q
              .whereNull('completed_at')
              .orWhereRaw(`completed_at >= ${earliestTo}`),
          ),
        spans,
        (span, i) => [
          this.knex.raw(
            `count(case when started_at < ${literal(
              span.to,
            )} and (completed_at is null or completed_at >= ${literal(
              span.to,
            )}) then 1 end) as wip_${i}`,
          ),
        ],
      ),
      this.aggregates(
        items()
          .where('kind', 'bug')
          .where('created_at', '>=', all.from)
          .where('created_at', '<', all.to),
        spans,
        (span, i) => [
          this.knex.raw(
            `count(case when ${within(
              'created_at',
              span,
            )} then 1 end) as created_${i}`,
          ),
          this.knex.raw(
            `sum(case when ${within(
              'created_at',
              span,
            )} and escaped = ? then 1 else 0 end) as escaped_${i}`,
            [true],
          ),
        ],
      ),
    ]);

    return spans.map((span, i) => {
      const cycleTimesHours: number[] = [];
      const flowEfficiencySamples: WindowInputs['flowEfficiencySamples'] = [];
      const pointsBySprint = new Map<string, number>();
      for (const item of completedRows) {
        if (!isWithin(Number(item.completed_at), span)) {
          continue;
        }
        const cycleHours =
          (Number(item.completed_at) - Number(item.started_at)) / HOUR_MS;
        cycleTimesHours.push(cycleHours);
        if (item.active_hours !== null) {
          flowEfficiencySamples.push({
            activeHours: Number(item.active_hours),
            cycleHours,
          });
        }
        if (item.sprint !== null) {
          pointsBySprint.set(
            item.sprint,
            (pointsBySprint.get(item.sprint) ?? 0) + Number(item.points ?? 0),
          );
        }
      }
      return {
        cycleTimesHours,
        flowEfficiencySamples,
        wip: Number(wip[`wip_${i}`] ?? 0),
        pointsPerSprint: [...pointsBySprint.values()],
        bugsCreated: Number(bugs[`created_${i}`] ?? 0),
        escapedBugs: Number(bugs[`escaped_${i}`] ?? 0),
      };
    });
  }

  /** Each entity's latest snapshot before `to`; a rollup shows their unweighted mean. */
  private async latestCoverage(
    entityRefs: string[] | null,
    to: number,
  ): Promise<WindowInputs['latestCoverage']> {
    const latestPerEntity = this.forEntities(
      this.knex('delivery_quality_snapshots')
        .where('at', '<', to)
        .groupBy('entity_ref')
        .select('entity_ref')
        .max({ latest_at: 'at' }),
      'entity_ref',
      entityRefs,
    ).as('latest');
    const row = await this.knex('delivery_quality_snapshots as q')
      .join(latestPerEntity, join =>
        join
          .on('latest.entity_ref', 'q.entity_ref')
          .andOn('latest.latest_at', 'q.at'),
      )
      .select(
        this.knex.raw('avg(q.line_coverage) as line'),
        this.knex.raw('avg(q.branch_coverage) as branch'),
        this.knex.raw('count(*) as entities'),
      )
      .first();
    if (!row || Number(row.entities) === 0) {
      return null;
    }
    return {
      lineCoverage: Number(row.line),
      branchCoverage: row.branch === null ? null : Number(row.branch),
    };
  }
}
