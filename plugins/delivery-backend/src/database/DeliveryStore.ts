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

/** Rows deleted per table, keyed by the plural of the record type. */
export type DeletionCounts = {
  deployments: number;
  deploymentChanges: number;
  changes: number;
  incidents: number;
  workItems: number;
  sliSamples: number;
  qualitySnapshots: number;
};

/** Which records to delete: a source's, an entity's, or (both given) that source's of that entity. */
export type RecordSelector = { source?: string; entityRef?: string };

/** Narrows a query on a record table, whose columns may be prefixed by an alias such as `d.`. */
type TableFilter = (
  query: Knex.QueryBuilder,
  column: (name: string) => string,
) => void;

/** The filter for each record table; a table without one is left alone. */
type RecordFilters = Record<DeliveryEventType, TableFilter>;

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

  /**
   * Deletes the records of every type of a source and/or an entity, with the change links of the
   * deleted deployments, in one transaction.
   */
  async deleteRecords(selector: RecordSelector): Promise<DeletionCounts> {
    const { source, entityRef } = selector;
    if (source === undefined && entityRef === undefined) {
      throw new Error('Refusing to delete records without a source or entity');
    }
    const filter: TableFilter = (query, column) => {
      if (source !== undefined) query.where(column('source'), source);
      if (entityRef !== undefined) query.where(column('entity_ref'), entityRef);
    };
    return this.deleteWhere({
      deployment: filter,
      change: filter,
      incident: filter,
      workItem: filter,
      sliSample: filter,
      qualitySnapshot: filter,
    });
  }

  /**
   * Deletes the records that ended before `cutoff` (epoch ms), by each type's main time:
   * deployments finished (or, without a finish, started), changes merged (or, unmerged, first
   * committed), incidents resolved, work items completed, SLI samples and quality snapshots
   * taken. Open incidents and unfinished work items are kept whatever their age, as are
   * deployments without any time.
   */
  async deleteOlderThan(cutoff: number): Promise<DeletionCounts> {
    const before =
      (...columns: string[]): TableFilter =>
      (query, column) => {
        query.whereRaw(`coalesce(${columns.map(() => '??').join(', ')}) < ?`, [
          ...columns.map(column),
          cutoff,
        ]);
      };
    return this.deleteWhere({
      deployment: before('finished_at', 'started_at'),
      change: before('merged_at', 'first_commit_at'),
      incident: (query, column) =>
        query
          .whereNotNull(column('resolved_at'))
          .where(column('resolved_at'), '<', cutoff),
      workItem: (query, column) =>
        query
          .whereNotNull(column('completed_at'))
          .where(column('completed_at'), '<', cutoff),
      sliSample: (query, column) =>
        query.where(column('timestamp'), '<', cutoff),
      qualitySnapshot: (query, column) =>
        query.where(column('at'), '<', cutoff),
    });
  }

  private async deleteWhere(filters: RecordFilters): Promise<DeletionCounts> {
    return this.knex.transaction(async tx => {
      const deleteFrom = async (type: DeliveryEventType) => {
        const query = tx(recordTables[type]);
        filters[type](query, name => name);
        return Number(await query.delete());
      };
      // The links first: which deployments they belong to is known only while those exist.
      const deploymentChanges = Number(
        await tx('delivery_deployment_changes')
          .whereExists(function deletedDeployment() {
            this.select(tx.raw('1'))
              .from('delivery_deployments as d')
              .where('d.source', tx.ref('delivery_deployment_changes.source'))
              .where(
                'd.id',
                tx.ref('delivery_deployment_changes.deployment_id'),
              );
            filters.deployment(this, name => `d.${name}`);
          })
          .delete(),
      );
      return {
        deployments: await deleteFrom('deployment'),
        deploymentChanges,
        changes: await deleteFrom('change'),
        incidents: await deleteFrom('incident'),
        workItems: await deleteFrom('workItem'),
        sliSamples: await deleteFrom('sliSample'),
        qualitySnapshots: await deleteFrom('qualitySnapshot'),
      };
    });
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
