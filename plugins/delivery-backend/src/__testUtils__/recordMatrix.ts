import { Knex } from 'knex';

/** The tables holding records, with the deployment-change links. */
export const recordTableNames = [
  'delivery_deployments',
  'delivery_deployment_changes',
  'delivery_changes',
  'delivery_incidents',
  'delivery_work_items',
  'delivery_sli_samples',
  'delivery_quality_snapshots',
];

export const matrixSources = ['github', 'gitlab'];
export const matrixEntities = [
  'component:default/checkout-service',
  'component:default/inventory-service',
];

/**
 * One record of every type for each source and entity, and two change links per deployment.
 * Deployment ids repeat across sources, so links of one source must not be confused with the
 * other's.
 */
export function recordMatrix() {
  return matrixSources.flatMap(source =>
    matrixEntities
      .map(entityRef => ({ source, entityRef }))
      .flatMap(({ source: s, entityRef }, index) => {
        const key = entityRef.split('/')[1];
        const common = { source: s, entityRef };
        const day = `2026-10-0${index + 2}`;
        return [
          {
            ...common,
            type: 'change',
            id: `pr-${key}`,
            firstCommitAt: `${day}T08:00:00Z`,
            mergedAt: `${day}T09:00:00Z`,
          },
          {
            ...common,
            type: 'deployment',
            id: `run-${index}`,
            status: 'success',
            startedAt: `${day}T10:00:00Z`,
            finishedAt: `${day}T10:30:00Z`,
            changeIds: [`pr-${key}`, `pr-${key}-2`],
          },
          {
            ...common,
            type: 'incident',
            id: `inc-${key}`,
            openedAt: `${day}T11:00:00Z`,
            resolvedAt: `${day}T12:00:00Z`,
          },
          {
            ...common,
            type: 'workItem',
            id: `item-${key}`,
            kind: 'story',
            createdAt: `${day}T00:00:00Z`,
          },
          {
            ...common,
            type: 'sliSample',
            id: `sli-${key}`,
            slo: 'availability',
            timestamp: `${day}T00:00:00Z`,
            good: 99,
            total: 100,
          },
          {
            ...common,
            type: 'qualitySnapshot',
            id: `q-${key}`,
            at: `${day}T00:00:00Z`,
            lineCoverage: 80,
          },
        ];
      }),
  );
}

/** Every row of every record table as `table source entity id` (links: `source deployment change`). */
export async function rowKeys(knex: Knex): Promise<string[]> {
  const keys: string[] = [];
  for (const table of recordTableNames) {
    const rows = await knex(table).select();
    for (const row of rows) {
      keys.push(
        table === 'delivery_deployment_changes'
          ? `${table} ${row.source} ${row.deployment_id} ${row.change_id}`
          : `${table} ${row.source} ${row.entity_ref} ${row.id}`,
      );
    }
  }
  return keys.sort();
}
