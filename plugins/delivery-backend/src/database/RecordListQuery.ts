import {
  ChangeRecord,
  DeploymentRecord,
  ExcludedChangeRecord,
  IncidentRecord,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { isRework, recordKey } from '../metrics';
import type { TimeWindow } from '../metrics';
import {
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  REACHED_PRODUCTION,
  isProductionSql,
} from './firstDeployment';
import type { DoraRecords } from './MetricInputsQuery';

const HOUR_MS = 3_600_000;

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();

/** A deployment row's reason, the incidents it fixes, and whether that makes it rework. */
function reworkOf(row: {
  reason: DeploymentRecord['reason'];
  fixes_incident_ids: string | null;
}) {
  const fixesIncidentIds: string[] = row.fixes_incident_ids
    ? JSON.parse(row.fixes_incident_ids)
    : [];
  return {
    reason: row.reason ?? null,
    fixesIncidentIds,
    rework: isRework({ reason: row.reason ?? null, fixesIncidentIds }),
  };
}

/** The deployments, changes and incidents behind a scorecard's numbers, for drill-down lists. */
export class RecordListQuery {
  constructor(
    private readonly knex: Knex,
    private readonly limit = 500,
    private readonly productionEnvironments = DEFAULT_PRODUCTION_ENVIRONMENTS,
  ) {}

  private production(column: string) {
    return isProductionSql(this.knex, column, this.productionEnvironments);
  }

  /** Production deployments finished in the window; `dora` says which failed. */
  async deployments(
    entityRefs: string[] | null,
    window: TimeWindow,
    dora: Pick<DoraRecords, 'failed'>,
  ): Promise<DeploymentRecord[]> {
    let query = this.knex('delivery_deployments as d')
      .where(this.production('d.environment'))
      .where('d.finished_at', '>=', window.from.getTime())
      .where('d.finished_at', '<', window.to.getTime())
      .select('d.*')
      .orderBy('d.finished_at', 'desc')
      .limit(this.limit + 1);
    if (entityRefs) {
      query = query.whereIn('d.entity_ref', entityRefs);
    }
    const rows = await query;
    const links = await this.changeLinks(rows);
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      environment: row.environment,
      status: row.status,
      startedAt: iso(row.started_at),
      finishedAt: iso(row.finished_at),
      url: row.url,
      failed: row.status !== 'failure' && dora.failed.has(recordKey(row)),
      ...reworkOf(row),
      changeIds: links.get(JSON.stringify([row.source, row.id])) ?? [],
    }));
  }

  async changes(
    entityRefs: string[] | null,
    window: TimeWindow,
  ): Promise<ChangeRecord[]> {
    const firstDeployment = this.knex('delivery_deployment_changes as dc')
      .join('delivery_deployments as d', join =>
        join.on('d.source', 'dc.source').andOn('d.id', 'dc.deployment_id'),
      )
      .where(this.production('d.environment'))
      .whereIn('d.status', REACHED_PRODUCTION)
      .whereNotNull('d.finished_at')
      .groupBy('dc.source', 'dc.change_id')
      .select('dc.source', 'dc.change_id')
      .min({ deployed_at: 'd.finished_at' })
      .as('first');
    let query = this.knex('delivery_changes as c')
      .join(firstDeployment, join =>
        join.on('first.source', 'c.source').andOn('first.change_id', 'c.id'),
      )
      .where('first.deployed_at', '>=', window.from.getTime())
      .where('first.deployed_at', '<', window.to.getTime())
      .whereRaw('first.deployed_at >= c.first_commit_at')
      .whereNull('c.data_quality')
      .select('c.*', 'first.deployed_at')
      .orderBy('first.deployed_at', 'desc')
      .limit(this.limit + 1);
    if (entityRefs) {
      query = query.whereIn('c.entity_ref', entityRefs);
    }
    const rows = await query;
    const deploymentIds = await this.deploymentAt(rows);
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      title: row.title,
      author: row.author,
      url: row.url,
      firstCommitAt: iso(row.first_commit_at)!,
      mergedAt: iso(row.merged_at),
      deployedAt: iso(row.deployed_at)!,
      deploymentId:
        deploymentIds.get(JSON.stringify([row.source, row.id])) ?? '',
      leadTimeHours:
        (Number(row.deployed_at) - Number(row.first_commit_at)) / HOUR_MS,
    }));
  }

  /** Changes first deployed in the window and left out of lead time by a data-quality rule. */
  async excludedChanges(
    entityRefs: string[] | null,
    window: TimeWindow,
  ): Promise<ExcludedChangeRecord[]> {
    let query = this.knex('delivery_changes as c')
      .where('c.first_deployed_at', '>=', window.from.getTime())
      .where('c.first_deployed_at', '<', window.to.getTime())
      .where(q =>
        q
          .whereNotNull('c.data_quality')
          .orWhereRaw('c.first_deployed_at < c.first_commit_at'),
      )
      .select('c.*')
      .orderBy('c.first_deployed_at', 'desc')
      .limit(this.limit + 1);
    if (entityRefs) {
      query = query.whereIn('c.entity_ref', entityRefs);
    }
    const rows = await query;
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      firstCommitAt: iso(row.first_commit_at)!,
      mergedAt: iso(row.merged_at),
      deployedAt: iso(row.first_deployed_at)!,
      reason: row.data_quality ?? 'deployed_before_first_commit',
    }));
  }

  /** The incidents opened before `to` and resolved in or after the window, or still open. */
  async incidentRows(entityRefs: string[] | null, window: TimeWindow) {
    const from = window.from.getTime();
    const to = window.to.getTime();
    let query = this.knex('delivery_incidents')
      .where('opened_at', '<', to)
      .where(q =>
        q
          .where('opened_at', '>=', from)
          .orWhereNull('resolved_at')
          .orWhere('resolved_at', '>=', from),
      )
      .orderBy('opened_at', 'desc')
      .limit(this.limit + 1);
    if (entityRefs) {
      query = query.whereIn('entity_ref', entityRefs);
    }
    return query;
  }

  /** Incidents as listed: `rows` from `incidentRows`, their causes from `dora`. */
  incidents(
    rows: ({ source: string; id: string } & Record<string, any>)[],
    window: TimeWindow,
    dora: Pick<DoraRecords, 'attributions'>,
  ): IncidentRecord[] {
    const to = window.to.getTime();
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      severity: row.severity,
      title: row.title,
      url: row.url,
      openedAt: iso(row.opened_at)!,
      acknowledgedAt: iso(row.acknowledged_at),
      resolvedAt:
        row.resolved_at !== null && Number(row.resolved_at) < to
          ? iso(row.resolved_at)
          : null,
      causedByDeploymentId: row.caused_by_deployment_id,
      causeDeploymentId:
        dora.attributions.get(recordKey(row))?.deploymentId ?? null,
      causeSource: dora.attributions.get(recordKey(row))?.causeSource ?? null,
      timeToRestoreHours:
        row.resolved_at !== null && Number(row.resolved_at) < to
          ? (Number(row.resolved_at) - Number(row.opened_at)) / HOUR_MS
          : null,
    }));
  }

  isTruncated(...lists: unknown[][]) {
    return lists.some(list => list.length > this.limit);
  }

  trim<T>(list: T[]): T[] {
    return list.slice(0, this.limit);
  }

  private async changeLinks(rows: { source: string; id: string }[]) {
    const links = new Map<string, string[]>();
    if (rows.length === 0) {
      return links;
    }
    const found = await this.knex('delivery_deployment_changes')
      .whereIn(
        ['source', 'deployment_id'],
        rows.map(row => [row.source, row.id]),
      )
      .select('source', 'deployment_id', 'change_id');
    for (const link of found) {
      const key = JSON.stringify([link.source, link.deployment_id]);
      links.set(key, [...(links.get(key) ?? []), link.change_id]);
    }
    return links;
  }

  /** For each change, the id of the first production deployment that shipped it. */
  private async deploymentAt(
    rows: { source: string; id: string; deployed_at: string | number }[],
  ) {
    const result = new Map<string, string>();
    if (rows.length === 0) {
      return result;
    }
    const found = await this.knex('delivery_deployment_changes as dc')
      .join('delivery_deployments as d', join =>
        join.on('d.source', 'dc.source').andOn('d.id', 'dc.deployment_id'),
      )
      .whereIn(
        ['dc.source', 'dc.change_id'],
        rows.map(row => [row.source, row.id]),
      )
      .where(this.production('d.environment'))
      .whereIn('d.status', REACHED_PRODUCTION)
      .select('dc.source', 'dc.change_id', 'd.id', 'd.finished_at')
      .orderBy('d.finished_at', 'asc');
    for (const row of found) {
      const key = JSON.stringify([row.source, row.change_id]);
      if (!result.has(key)) {
        result.set(key, row.id);
      }
    }
    return result;
  }
}
