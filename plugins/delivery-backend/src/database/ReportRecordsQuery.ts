import { Knex } from 'knex';
import type { TimeWindow } from '../metrics';

/** Deployment keys per IN list. */
const KEY_CHUNK = 400;

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();

/** A deployment in any environment and status, as the pipeline and postmortem reports show it. */
export type ReportDeployment = {
  source: string;
  id: string;
  entityRef: string;
  environment: string;
  status: 'success' | 'failure' | 'rolled_back';
  startedAt: string | null;
  finishedAt: string | null;
  url: string | null;
  changeIds: string[];
  /** Ids of the incidents that name this deployment as their cause. */
  causedIncidentIds: string[];
};

export type ReportIncident = {
  source: string;
  id: string;
  entityRef: string;
  severity: string | null;
  title: string | null;
  url: string | null;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  causedByDeploymentId: string | null;
};

export type ReportChange = {
  source: string;
  id: string;
  entityRef: string;
  title: string | null;
  author: string | null;
  url: string | null;
  firstCommitAt: string | null;
  mergedAt: string | null;
};

export type ReportWorkItem = {
  source: string;
  id: string;
  entityRef: string;
  kind: string;
  sprint: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  points: number | null;
  escaped: boolean;
};

/**
 * The records reports list beyond what the scorecard counts: every environment's deployments,
 * one incident with its cause, a sprint's work items. The numbers a report shows next to a
 * scorecard's come from the scorecard; these queries only feed lists and the report-only figures
 * (weekday counts, durations, sprint scope, story points).
 */
export class ReportRecordsQuery {
  constructor(private readonly knex: Knex) {}

  /** Deployments finished (or, unfinished, started) in the window, oldest first. */
  async deployments(
    entityRefs: string[],
    window: TimeWindow,
  ): Promise<ReportDeployment[]> {
    const rows = await this.knex('delivery_deployments')
      .whereIn('entity_ref', entityRefs)
      .whereRaw('coalesce(finished_at, started_at) >= ?', [
        window.from.getTime(),
      ])
      .whereRaw('coalesce(finished_at, started_at) < ?', [window.to.getTime()])
      .orderByRaw('coalesce(finished_at, started_at) asc')
      .orderBy('id', 'asc');
    return this.withLinks(rows);
  }

  async deployment(
    source: string,
    id: string,
  ): Promise<ReportDeployment | undefined> {
    const rows = await this.knex('delivery_deployments').where({ source, id });
    return (await this.withLinks(rows))[0];
  }

  /** The incidents with this id; more than one when several sources use the same id. */
  async incidentsById(id: string, source?: string): Promise<ReportIncident[]> {
    let query = this.knex('delivery_incidents').where('id', id);
    if (source !== undefined) {
      query = query.where('source', source);
    }
    const rows = await query.orderBy('source');
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      severity: row.severity,
      title: row.title,
      url: row.url,
      openedAt: iso(row.opened_at)!,
      acknowledgedAt: iso(row.acknowledged_at),
      resolvedAt: iso(row.resolved_at),
      causedByDeploymentId: row.caused_by_deployment_id,
    }));
  }

  async changes(source: string, ids: string[]): Promise<ReportChange[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.knex('delivery_changes')
      .where('source', source)
      .whereIn('id', ids)
      .orderBy('id');
    return rows.map(row => ({
      source: row.source,
      id: row.id,
      entityRef: row.entity_ref,
      title: row.title,
      author: row.author,
      url: row.url,
      firstCommitAt: iso(row.first_commit_at),
      mergedAt: iso(row.merged_at),
    }));
  }

  /** The work items of a sprint (iteration name, exact match), of the given entities. */
  async sprintItems(
    entityRefs: string[],
    sprint: string,
  ): Promise<ReportWorkItem[]> {
    const rows = await this.knex('delivery_work_items')
      .whereIn('entity_ref', entityRefs)
      .where('sprint', sprint)
      .orderBy('created_at')
      .orderBy('id');
    return rows.map(toWorkItem);
  }

  /** Story points of the work items completed in the window. */
  async completedPoints(
    entityRefs: string[],
    window: TimeWindow,
  ): Promise<number> {
    const row = await this.knex('delivery_work_items')
      .whereIn('entity_ref', entityRefs)
      .where('completed_at', '>=', window.from.getTime())
      .where('completed_at', '<', window.to.getTime())
      .sum({ points: 'points' })
      .first();
    return Number(row?.points ?? 0);
  }

  private async withLinks(
    rows: Record<string, any>[],
  ): Promise<ReportDeployment[]> {
    if (rows.length === 0) {
      return [];
    }
    const keys = rows.map(row => [row.source, row.id]);
    // Two bind parameters per key: chunks keep a long pipeline window under every engine's limit.
    const inChunks = async (query: (chunk: string[][]) => Promise<any[]>) => {
      const results: any[] = [];
      for (let i = 0; i < keys.length; i += KEY_CHUNK) {
        results.push(...(await query(keys.slice(i, i + KEY_CHUNK))));
      }
      return results;
    };
    const [changes, incidents] = await Promise.all([
      inChunks(chunk =>
        this.knex('delivery_deployment_changes')
          .whereIn(['source', 'deployment_id'], chunk)
          .orderBy('change_id')
          .select('source', 'deployment_id', 'change_id'),
      ),
      inChunks(chunk =>
        this.knex('delivery_incidents')
          .whereIn(['source', 'caused_by_deployment_id'], chunk)
          .orderBy('opened_at')
          .select('source', 'caused_by_deployment_id', 'id'),
      ),
    ]);
    const group = (
      links: Record<string, string>[],
      idColumn: string,
      valueColumn: string,
    ) => {
      const result = new Map<string, string[]>();
      for (const link of links) {
        const key = JSON.stringify([link.source, link[idColumn]]);
        result.set(key, [...(result.get(key) ?? []), link[valueColumn]]);
      }
      return result;
    };
    const changeIds = group(changes, 'deployment_id', 'change_id');
    const incidentIds = group(incidents, 'caused_by_deployment_id', 'id');
    return rows.map(row => {
      const key = JSON.stringify([row.source, row.id]);
      return {
        source: row.source,
        id: row.id,
        entityRef: row.entity_ref,
        environment: row.environment,
        status: row.status,
        startedAt: iso(row.started_at),
        finishedAt: iso(row.finished_at),
        url: row.url,
        changeIds: changeIds.get(key) ?? [],
        causedIncidentIds: incidentIds.get(key) ?? [],
      };
    });
  }
}

function toWorkItem(row: Record<string, any>): ReportWorkItem {
  return {
    source: row.source,
    id: row.id,
    entityRef: row.entity_ref,
    kind: row.kind,
    sprint: row.sprint,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
    points: row.points === null ? null : Number(row.points),
    escaped: Boolean(row.escaped),
  };
}
