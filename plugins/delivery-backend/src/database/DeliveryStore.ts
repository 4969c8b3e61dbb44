import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DeliveryEvent, DeliveryEventType } from '../ingestion/eventSchema';
import { RecordRow, recordTables, toRecordRow } from './recordRows';

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-delivery-backend',
  'migrations',
);

/** Rows per statement: keeps every engine under its bind-parameter limit. */
const CHUNK_SIZE = 200;

export type UpsertCounts = { inserted: number; updated: number };

const chunks = <T>(items: T[]): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) {
    result.push(items.slice(i, i + CHUNK_SIZE));
  }
  return result;
};

/** Keeps the last of several events with the same key: a later delivery updates an earlier one. */
const lastDeliveryWins = (events: DeliveryEvent[]) => {
  const byKey = new Map<string, DeliveryEvent>();
  for (const event of events) {
    const key = JSON.stringify([event.type, event.source, event.id]);
    byKey.delete(key);
    byKey.set(key, event);
  }
  return [...byKey.values()];
};

/** Stores delivery records: every write is an upsert on (type, source, id), a batch one transaction. */
export class DeliveryStore {
  static async create(database: DatabaseService): Promise<DeliveryStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DeliveryStore(knex);
  }

  constructor(readonly knex: Knex) {}

  async upsert(
    events: DeliveryEvent[],
    ingestedAt = Date.now(),
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0 };
    const byType = new Map<DeliveryEventType, DeliveryEvent[]>();
    for (const event of lastDeliveryWins(events)) {
      const typed = byType.get(event.type) ?? [];
      typed.push(event);
      byType.set(event.type, typed);
    }

    await this.knex.transaction(async tx => {
      for (const [type, typed] of byType) {
        const table = recordTables[type];
        for (const chunk of chunks(typed)) {
          const rows = chunk.map(event => toRecordRow(event, ingestedAt));
          const existing = await this.countExisting(tx, table, rows);
          await tx(table).insert(rows).onConflict(['source', 'id']).merge();
          counts.updated += existing;
          counts.inserted += rows.length - existing;
        }
        if (type === 'deployment') {
          await this.replaceDeploymentChanges(tx, typed);
        }
      }
    });
    return counts;
  }

  private async countExisting(
    tx: Knex.Transaction,
    table: string,
    rows: RecordRow[],
  ): Promise<number> {
    let existing = 0;
    for (const [source, ids] of idsBySource(rows)) {
      const [{ count }] = await tx(table)
        .where({ source })
        .whereIn('id', ids)
        .count({ count: '*' });
      existing += Number(count);
    }
    return existing;
  }

  private async replaceDeploymentChanges(
    tx: Knex.Transaction,
    deployments: DeliveryEvent[],
  ) {
    for (const [source, ids] of idsBySource(deployments)) {
      for (const idChunk of chunks(ids)) {
        await tx('delivery_deployment_changes')
          .where({ source })
          .whereIn('deployment_id', idChunk)
          .delete();
      }
    }
    const links = deployments.flatMap(deployment =>
      deployment.type === 'deployment'
        ? [...new Set(deployment.changeIds)].map(changeId => ({
            source: deployment.source,
            deployment_id: deployment.id,
            change_id: changeId,
          }))
        : [],
    );
    for (const linkChunk of chunks(links)) {
      await tx('delivery_deployment_changes').insert(linkChunk);
    }
  }
}

function idsBySource(records: { source: string; id: string }[]) {
  const result = new Map<string, string[]>();
  for (const { source, id } of records) {
    const ids = result.get(source) ?? [];
    ids.push(id);
    result.set(source, ids);
  }
  return result;
}
