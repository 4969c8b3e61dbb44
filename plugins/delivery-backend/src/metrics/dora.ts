const HOUR_MS = 3_600_000;

/** The reasons that make a deployment an unplanned fix of a production problem. */
export const REWORK_REASONS = ['hotfix', 'rollback'] as const;

/** A counted deployment (production, `success` or `rolled_back`, finished) as the DORA keys see it. */
export type DeploymentFact = {
  source: string;
  id: string;
  entityRef: string;
  status: 'success' | 'rolled_back';
  finishedAt: number;
  reason: string | null;
  fixesIncidentIds: string[];
};

/** An incident as attribution and recovery see it. */
export type IncidentFact = {
  source: string;
  id: string;
  entityRef: string;
  openedAt: number;
  resolvedAt: number | null;
  causedByDeploymentId: string | null;
};

export type CauseSource = 'declared' | 'inferred';

/** An incident's cause: a deployment's (source, id) and how it was found. */
export type Attribution = {
  deploymentSource: string;
  deploymentId: string;
  causeSource: CauseSource;
};

/** The key of a record in maps: its (source, id). */
export const recordKey = (record: { source: string; id: string }) =>
  JSON.stringify([record.source, record.id]);

const deploymentKey = (source: string, id: string) =>
  JSON.stringify([source, id]);

/** Per entity, its deployments ordered by finish. */
function byEntity(deployments: DeploymentFact[]) {
  const result = new Map<string, DeploymentFact[]>();
  for (const deployment of deployments) {
    const list = result.get(deployment.entityRef) ?? [];
    list.push(deployment);
    result.set(deployment.entityRef, list);
  }
  for (const list of result.values()) {
    list.sort((a, b) => a.finishedAt - b.finishedAt);
  }
  return result;
}

/**
 * Each incident's cause. A declared `causedByDeploymentId` names a deployment of the incident's
 * source. An incident naming none is attributed to the latest counted deployment of its entity that
 * finished in `[openedAt - windowHours, openedAt]`; a window of 0 hours turns inference off.
 * Incidents without a cause are absent from the map.
 */
export function attributeIncidents(
  incidents: IncidentFact[],
  deployments: DeploymentFact[],
  windowHours: number,
): Map<string, Attribution> {
  const result = new Map<string, Attribution>();
  const entities = byEntity(deployments);
  for (const incident of incidents) {
    if (incident.causedByDeploymentId !== null) {
      result.set(recordKey(incident), {
        deploymentSource: incident.source,
        deploymentId: incident.causedByDeploymentId,
        causeSource: 'declared',
      });
      continue;
    }
    if (!(windowHours > 0)) {
      continue;
    }
    const earliest = incident.openedAt - windowHours * HOUR_MS;
    const candidates = entities.get(incident.entityRef) ?? [];
    let latest: DeploymentFact | undefined;
    for (const deployment of candidates) {
      if (deployment.finishedAt > incident.openedAt) {
        break;
      }
      if (deployment.finishedAt >= earliest) {
        latest = deployment;
      }
    }
    if (latest) {
      result.set(recordKey(incident), {
        deploymentSource: latest.source,
        deploymentId: latest.id,
        causeSource: 'inferred',
      });
    }
  }
  return result;
}

/** The keys of the deployments that failed in production: rolled back, or the cause of an incident. */
export function failedDeploymentKeys(
  deployments: DeploymentFact[],
  attributions: Map<string, Attribution>,
): Set<string> {
  const failed = new Set(
    deployments.filter(d => d.status === 'rolled_back').map(recordKey),
  );
  for (const cause of attributions.values()) {
    failed.add(deploymentKey(cause.deploymentSource, cause.deploymentId));
  }
  return failed;
}

/** Whether a deployment was an unplanned fix: a hotfix, a rollback, or the fix of named incidents. */
export function isRework(
  deployment: Pick<DeploymentFact, 'reason' | 'fixesIncidentIds'>,
): boolean {
  return (
    (REWORK_REASONS as readonly string[]).includes(deployment.reason ?? '') ||
    deployment.fixesIncidentIds.length > 0
  );
}

/**
 * Failed deployment recovery time of the failed deployments finished in `[from, to)`: hours from
 * each one's finish to the earliest of the finish of the next `success` deployment of its entity
 * that did not fail itself and the resolution of an incident it caused. A recovery at or after
 * `to` has not happened yet as the window sees it: the deployment counts as `open`.
 */
export function recoveryTimes(options: {
  deployments: DeploymentFact[];
  incidents: IncidentFact[];
  attributions: Map<string, Attribution>;
  failed: Set<string>;
  window: { from: number; to: number };
}): { hours: number[]; open: number } {
  const { deployments, incidents, attributions, failed, window } = options;
  const resolutionsByCause = new Map<string, number[]>();
  for (const incident of incidents) {
    const cause = attributions.get(recordKey(incident));
    if (cause && incident.resolvedAt !== null) {
      const key = deploymentKey(cause.deploymentSource, cause.deploymentId);
      resolutionsByCause.set(key, [
        ...(resolutionsByCause.get(key) ?? []),
        incident.resolvedAt,
      ]);
    }
  }
  const hours: number[] = [];
  let open = 0;
  for (const list of byEntity(deployments).values()) {
    for (const [index, deployment] of list.entries()) {
      const key = recordKey(deployment);
      if (
        !failed.has(key) ||
        deployment.finishedAt < window.from ||
        deployment.finishedAt >= window.to
      ) {
        continue;
      }
      const next = list
        .slice(index + 1)
        .find(
          later =>
            later.finishedAt > deployment.finishedAt &&
            later.status === 'success' &&
            !failed.has(recordKey(later)),
        );
      const candidates = [
        ...(next ? [next.finishedAt] : []),
        ...(resolutionsByCause.get(key) ?? []),
      ];
      const recoveredAt =
        candidates.length > 0 ? Math.min(...candidates) : null;
      if (recoveredAt === null || recoveredAt >= window.to) {
        open += 1;
      } else {
        hours.push(Math.max(0, recoveredAt - deployment.finishedAt) / HOUR_MS);
      }
    }
  }
  return { hours, open };
}
