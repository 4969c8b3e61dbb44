import {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import type { TimeWindow } from '../metrics';

const HOUR_MS = 3_600_000;

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();

/** The deployments, changes and incidents behind a scorecard's numbers, for drill-down lists. */
export class RecordListQuery {
  constructor(private readonly knex: Knex, private readonly limit = 500) {}

  async deployments(
    entityRefs: string[] | null,
    window: TimeWindow,
  ): Promise<DeploymentRecord[]> {
    const causedIncident = this.knex('delivery_incidents as i')
      .select(this.knex.raw('1'))
      .whereRaw('i.source = d.source')
      .whereRaw('i.caused_by_deployment_id = d.id');
    let query = this.knex('delivery_deployments as d')
      .where('d.environment', 'production')
      .where('d.finished_at', '>=', window.from.getTime())
      .where('d.finished_at', '<', window.to.getTime())
      .select(
        'd.*',
        this.knex.raw(
          `(case when exists (${causedIncident.toQuery()}) then 1 else 0 end) as caused_incident`,
        ),
      )
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
      failed:
        row.status === 'rolled_back' ||
        (row.status !== 'failure' && Number(row.caused_incident) === 1),
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
      .where('d.environment', 'production')
      .whereIn('d.status', ['success', 'rolled_back'])
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

  async incidents(
    entityRefs: string[] | null,
    window: TimeWindow,
  ): Promise<IncidentRecord[]> {
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
    const rows = await query;
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
      .where('d.environment', 'production')
      .whereIn('d.status', ['success', 'rolled_back'])
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
