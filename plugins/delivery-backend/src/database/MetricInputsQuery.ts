import { Knex } from 'knex';
import { DAY_MS } from '../metrics/window';
import type { TimeWindow, WindowInputs } from '../metrics';

const HOUR_MS = 3_600_000;

/** Deployments that reached production: the ones deployment frequency and CFR count. */
const REACHED_PRODUCTION = ['success', 'rolled_back'];

/**
 * Reads, for a set of entities (or the whole organisation when `entityRefs` is null) and a window,
 * the raw inputs of every metric. Counting and filtering run in SQL; what needs a distribution
 * (median, percentiles) comes back as one duration per record.
 */
export class MetricInputsQuery {
  constructor(private readonly knex: Knex) {}

  async read(
    entityRefs: string[] | null,
    window: TimeWindow,
  ): Promise<WindowInputs> {
    const from = window.from.getTime();
    const to = window.to.getTime();
    const [deployments, leadTimesHours, incidents, workItems, latestCoverage] =
      await Promise.all([
        this.deployments(entityRefs, from, to),
        this.leadTimes(entityRefs, from, to),
        this.incidents(entityRefs, from, to),
        this.workItems(entityRefs, from, to),
        this.latestCoverage(entityRefs, to),
      ]);
    return {
      ...deployments,
      leadTimesHours,
      ...incidents,
      ...workItems,
      latestCoverage,
    };
  }

  private forEntities(
    query: Knex.QueryBuilder,
    column: string,
    entityRefs: string[] | null,
  ) {
    return entityRefs === null ? query : query.whereIn(column, entityRefs);
  }

  private async deployments(
    entityRefs: string[] | null,
    from: number,
    to: number,
  ) {
    const causedIncident = this.knex('delivery_incidents as i')
      .select(this.knex.raw('1'))
      .whereRaw('i.source = d.source')
      .whereRaw('i.caused_by_deployment_id = d.id');
    const row = await this.forEntities(
      this.knex('delivery_deployments as d')
        .where('d.environment', 'production')
        .whereIn('d.status', REACHED_PRODUCTION)
        .where('d.finished_at', '>=', from)
        .where('d.finished_at', '<', to)
        .select(
          this.knex.raw('count(*) as counted'),
          this.knex.raw(
            `sum(case when d.status = 'rolled_back' or exists (${causedIncident.toQuery()}) then 1 else 0 end) as failed`,
          ),
          this.knex.raw(`count(distinct d.finished_at / ${DAY_MS}) as days`),
        )
        .first(),
      'd.entity_ref',
      entityRefs,
    );
    return {
      countedDeployments: Number(row?.counted ?? 0),
      failedDeployments: Number(row?.failed ?? 0),
      deploymentDays: Number(row?.days ?? 0),
    };
  }

  /** Per change, the first production deployment that shipped it, if that falls in the window. */
  private async leadTimes(
    entityRefs: string[] | null,
    from: number,
    to: number,
  ): Promise<number[]> {
    const rows: { first_commit_at: string; deployed_at: string }[] =
      await this.forEntities(
        this.knex('delivery_changes as c')
          .join('delivery_deployment_changes as dc', join =>
            join.on('dc.source', 'c.source').andOn('dc.change_id', 'c.id'),
          )
          .join('delivery_deployments as d', join =>
            join.on('d.source', 'dc.source').andOn('d.id', 'dc.deployment_id'),
          )
          .where('d.environment', 'production')
          .whereIn('d.status', REACHED_PRODUCTION)
          .whereNotNull('d.finished_at')
          .groupBy('c.source', 'c.id', 'c.first_commit_at')
          .select('c.first_commit_at')
          .min({ deployed_at: 'd.finished_at' })
          .havingRaw('min(d.finished_at) >= ?', [from])
          .havingRaw('min(d.finished_at) < ?', [to])
          .havingRaw('min(d.finished_at) >= c.first_commit_at'),
        'c.entity_ref',
        entityRefs,
      );
    return rows.map(
      row => (Number(row.deployed_at) - Number(row.first_commit_at)) / HOUR_MS,
    );
  }

  private async incidents(
    entityRefs: string[] | null,
    from: number,
    to: number,
  ) {
    const incidents = () =>
      this.forEntities(
        this.knex('delivery_incidents'),
        'entity_ref',
        entityRefs,
      );
    const [resolved, open, opened] = await Promise.all([
      incidents()
        .where('resolved_at', '>=', from)
        .where('resolved_at', '<', to)
        .select('opened_at', 'resolved_at'),
      incidents()
        .where('opened_at', '<', to)
        .where(q => q.whereNull('resolved_at').orWhere('resolved_at', '>=', to))
        .count({ count: '*' })
        .first(),
      incidents()
        .where('opened_at', '>=', from)
        .where('opened_at', '<', to)
        .count({ count: '*' })
        .first(),
    ]);
    return {
      restoreTimesHours: resolved.map(
        (row: { opened_at: string; resolved_at: string }) =>
          (Number(row.resolved_at) - Number(row.opened_at)) / HOUR_MS,
      ),
      openIncidents: Number(open?.count ?? 0),
      incidentsOpened: Number(opened?.count ?? 0),
    };
  }

  private async workItems(
    entityRefs: string[] | null,
    from: number,
    to: number,
  ) {
    const items = () =>
      this.forEntities(
        this.knex('delivery_work_items'),
        'entity_ref',
        entityRefs,
      );
    const [completed, wip, bugs] = await Promise.all([
      items()
        .where('completed_at', '>=', from)
        .where('completed_at', '<', to)
        .select(
          this.knex.raw('coalesce(started_at, created_at) as started_at'),
          'completed_at',
          'active_hours',
          'points',
          'sprint',
        ),
      items()
        .whereNotNull('started_at')
        .where('started_at', '<', to)
        .where(q =>
          q.whereNull('completed_at').orWhere('completed_at', '>=', to),
        )
        .count({ count: '*' })
        .first(),
      items()
        .where('kind', 'bug')
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .select(
          this.knex.raw('count(*) as created'),
          this.knex.raw(
            'sum(case when escaped = ? then 1 else 0 end) as escaped',
            [true],
          ),
        )
        .first(),
    ]);

    const cycleTimesHours: number[] = [];
    const flowEfficiencySamples: WindowInputs['flowEfficiencySamples'] = [];
    const pointsBySprint = new Map<string, number>();
    for (const item of completed) {
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
      wip: Number(wip?.count ?? 0),
      pointsPerSprint: [...pointsBySprint.values()],
      bugsCreated: Number(bugs?.created ?? 0),
      escapedBugs: Number(bugs?.escaped ?? 0),
    };
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
