import { DeliveryEvent, DeliveryEventType } from '../ingestion/eventSchema';

export const recordTables: Record<DeliveryEventType, string> = {
  deployment: 'delivery_deployments',
  change: 'delivery_changes',
  incident: 'delivery_incidents',
  workItem: 'delivery_work_items',
  sliSample: 'delivery_sli_samples',
  qualitySnapshot: 'delivery_quality_snapshots',
};

export type RecordRow = { source: string; id: string } & Record<
  string,
  string | number | boolean | null
>;

/** The record's own times, epoch milliseconds. */
function timesOf(event: DeliveryEvent): (number | undefined)[] {
  switch (event.type) {
    case 'deployment':
      return [event.startedAt, event.finishedAt];
    case 'change':
      return [event.firstCommitAt, event.mergedAt];
    case 'incident':
      return [event.openedAt, event.acknowledgedAt, event.resolvedAt];
    case 'workItem':
      return [event.createdAt, event.startedAt, event.completedAt];
    case 'sliSample':
      return [event.timestamp];
    case 'qualitySnapshot':
      return [event.at];
    default:
      return [];
  }
}

/**
 * When the source last changed the record: its `updatedAt`, else the newest of its own times
 * (a deployment that finished, an incident resolved since), else null (always overwritten).
 */
export function sourceUpdatedAt(event: DeliveryEvent): number | null {
  if (event.updatedAt !== undefined) {
    return event.updatedAt;
  }
  const times = timesOf(event).filter(
    (time): time is number => time !== undefined,
  );
  return times.length > 0 ? Math.max(...times) : null;
}

/** The flag that leaves a change out of lead time when its times cannot both be right. */
export function changeQualityFlag(event: {
  firstCommitAt: number;
  mergedAt?: number;
}): 'merged_before_first_commit' | null {
  return event.mergedAt !== undefined && event.mergedAt < event.firstCommitAt
    ? 'merged_before_first_commit'
    : null;
}

/** Maps a validated event to the row of its table; absent optional fields become NULL. */
export function toRecordRow(
  event: DeliveryEvent,
  ingestedAt: number,
): RecordRow {
  const common = {
    source: event.source,
    id: event.id,
    entity_ref: event.entityRef,
    ingested_at: ingestedAt,
    source_updated_at: sourceUpdatedAt(event),
  };
  switch (event.type) {
    case 'deployment':
      return {
        ...common,
        environment: event.environment,
        status: event.status,
        started_at: event.startedAt ?? null,
        finished_at: event.finishedAt ?? null,
        url: event.url ?? null,
        reason: event.reason ?? null,
        fixes_incident_ids:
          event.fixesIncidentIds.length > 0
            ? JSON.stringify(event.fixesIncidentIds)
            : null,
      };
    case 'change':
      return {
        ...common,
        first_commit_at: event.firstCommitAt,
        merged_at: event.mergedAt ?? null,
        title: event.title ?? null,
        author: event.author ?? null,
        url: event.url ?? null,
        data_quality: changeQualityFlag(event),
      };
    case 'incident':
      return {
        ...common,
        severity: event.severity ?? null,
        title: event.title ?? null,
        opened_at: event.openedAt,
        acknowledged_at: event.acknowledgedAt ?? null,
        resolved_at: event.resolvedAt ?? null,
        caused_by_deployment_id: event.causedByDeploymentId ?? null,
        url: event.url ?? null,
      };
    case 'workItem':
      return {
        ...common,
        kind: event.kind,
        sprint: event.sprint ?? null,
        sprint_started_at: event.sprintStartedAt ?? null,
        sprint_ends_at: event.sprintEndsAt ?? null,
        sprint_completed_at: event.sprintCompletedAt ?? null,
        created_at: event.createdAt,
        started_at: event.startedAt ?? null,
        completed_at: event.completedAt ?? null,
        escaped: event.escaped,
        points: event.points ?? null,
        active_hours: event.activeHours ?? null,
      };
    case 'sliSample':
      return {
        ...common,
        slo: event.slo,
        timestamp: event.timestamp,
        good: event.good,
        total: event.total,
      };
    case 'qualitySnapshot':
      return {
        ...common,
        at: event.at,
        line_coverage: event.lineCoverage,
        branch_coverage: event.branchCoverage ?? null,
        bugs: event.bugs ?? null,
        vulnerabilities: event.vulnerabilities ?? null,
        code_smells: event.codeSmells ?? null,
        quality_gate: event.qualityGate ?? null,
      };
    default:
      throw new Error(`Unknown record type ${(event as DeliveryEvent).type}`);
  }
}
