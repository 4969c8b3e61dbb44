import { Knex } from 'knex';

/** Every table the delivery backend writes, with the columns that order its rows. */
export const deliveryTables: Record<string, string[]> = {
  delivery_deployments: ['source', 'id'],
  delivery_deployment_changes: ['source', 'deployment_id', 'change_id'],
  delivery_changes: ['source', 'id'],
  delivery_incidents: ['source', 'id'],
  delivery_work_items: ['source', 'id'],
  delivery_sli_samples: ['source', 'id'],
  delivery_quality_snapshots: ['source', 'id'],
  delivery_sync_state: ['provider', 'entity_ref'],
  delivery_webhook_deliveries: ['handler', 'delivery_id'],
};

export type TableSnapshot = Record<string, Record<string, unknown>[]>;

/** The full contents of every delivery table, in key order: equal snapshots mean nothing was written. */
export async function snapshotTables(knex: Knex): Promise<TableSnapshot> {
  const entries = await Promise.all(
    Object.entries(deliveryTables).map(async ([table, keys]) => {
      const rows: Record<string, unknown>[] = await knex(table)
        .select('*')
        .orderBy(keys);
      // bigint columns come back as strings from pg and as numbers from SQLite
      return [
        table,
        rows.map(row =>
          Object.fromEntries(
            Object.entries(row).map(([column, value]) => [
              column,
              typeof value === 'bigint' ? String(value) : value,
            ]),
          ),
        ),
      ] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Rows per delivery table. */
export async function countRows(knex: Knex): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.keys(deliveryTables).map(async table => {
      const [{ n }] = await knex(table).count({ n: '*' });
      return [table, Number(n)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
