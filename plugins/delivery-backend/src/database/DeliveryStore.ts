import { DataVersions } from './DataVersions';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DeliveryEvent, DeliveryEventType } from '../ingestion/eventSchema';
import {
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  firstDeploymentOf,
} from './firstDeployment';
import {
  RecordRow,
  recordTables,
  sourceUpdatedAt,
  toRecordRow,
} from './recordRows';

const migrationsDir = resolvePackagePath(
  '@delivery-insights/backstage-plugin-delivery-backend',
  'migrations',
);

/**
 * Rows per statement. On PostgreSQL, where each statement is a round trip, 1,000: a record row has
 * at most 12 columns, so at most 12,000 bind values of the 65,535 allowed. Elsewhere 200: knex
 * writes a multi-row insert on SQLite as a compound SELECT, limited to 500 terms.
 */
const chunkSizeFor = (knex: Knex) =>
  knex.client.config.client === 'pg' ? 1000 : 200;

/** `outdated`: rows left alone because the stored record is newer (`source_updated_at`). */
export type UpsertCounts = {
  inserted: number;
  updated: number;
  outdated: number;
};

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

const chunksOf = <T>(items: T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
};

type RecordKey = { source: string; id: string };

/** A record row as inserted: its columns, and for a change the subquery of its first deployment. */
type StoredRow = { source: string; id: string } & Record<
  string,
  RecordRow[string] | Knex.QueryBuilder
>;

/**
 * Keeps one of several events with the same key (a provider's pages may repeat a record): the one
 * the source changed last, of equals the later one in the batch.
 */
const newestDeliveryWins = (events: DeliveryEvent[]) => {
  const byKey = new Map<string, DeliveryEvent>();
  for (const event of events) {
    const key = JSON.stringify([event.type, event.source, event.id]);
    const kept = byKey.get(key);
    if (
      kept === undefined ||
      (sourceUpdatedAt(event) ?? -Infinity) >=
        (sourceUpdatedAt(kept) ?? -Infinity)
    ) {
      byKey.delete(key);
      byKey.set(key, event);
    }
  }
  return [...byKey.values()];
};

/**
 * The condition of an upsert's update: the delivered row is not older than the stored one. A row
 * without a source time (stored before there was one) is always overwritten.
 */
const notOlderThanStored = (tx: Knex.Transaction, table: string) =>
  tx.raw(
    '?? is null or excluded.source_updated_at is null or excluded.source_updated_at >= ??',
    [`${table}.source_updated_at`, `${table}.source_updated_at`],
  );

/** The advisory lock that orders writers of changes, deployments and their links (`delivery` in ASCII). */
const WRITERS_LOCK = '7234316346693023353';
const FIRST_DEPLOYMENTS_LOCK = '7234316346693023354';

/**
 * A change's `first_deployed_at` depends on rows that different requests write: the change, its
 * links and their deployments. Two concurrent transactions, one storing a change and one the
 * deployment that ships it, would each miss the other's uncommitted rows and leave it empty. On
 * PostgreSQL, ingestion therefore writes deployments and links concurrently but stores changes
 * and recomputes first deployments one transaction at a time (`first-deployments`, held until
 * commit, so each sees the rows of the ones before). Deletion excludes all ingestion (`writers`,
 * which ingestion shares), since it removes rows that ingestion may have locked. SQLite runs one
 * write transaction at a time anyway.
 */
async function advisoryLock(
  tx: Knex.Transaction,
  lock: 'writers-shared' | 'writers' | 'first-deployments',
) {
  if (tx.client.config.client !== 'pg') {
    return;
  }
  if (lock === 'writers-shared') {
    await tx.raw('select pg_advisory_xact_lock_shared(?::bigint)', [
      WRITERS_LOCK,
    ]);
  } else {
    await tx.raw('select pg_advisory_xact_lock(?::bigint)', [
      lock === 'writers' ? WRITERS_LOCK : FIRST_DEPLOYMENTS_LOCK,
    ]);
  }
}

const byKey = (a: DeliveryEvent, b: DeliveryEvent) => {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
};

/** A set of (source, id) keys, grouped by source. */
class KeysBySource {
  private readonly bySource = new Map<string, Set<string>>();

  add(source: string, id: string) {
    let ids = this.bySource.get(source);
    if (!ids) {
      ids = new Set();
      this.bySource.set(source, ids);
    }
    ids.add(id);
  }

  addAll(other: KeysBySource) {
    for (const [source, ids] of other.entries()) {
      ids.forEach(id => this.add(source, id));
    }
  }

  /** The keys of this set that are not in `other`. */
  without(other: KeysBySource) {
    const result = new KeysBySource();
    for (const [source, ids] of this.entries()) {
      ids.forEach(id => {
        if (!other.has(source, id)) result.add(source, id);
      });
    }
    return result;
  }

  has(source: string, id: string) {
    return this.bySource.get(source)?.has(id) ?? false;
  }

  entries() {
    return this.bySource.entries();
  }
}

/** Stores delivery records: every write is an upsert on (type, source, id), a batch one transaction. */
export class DeliveryStore {
  static async create(
    database: DatabaseService,
    productionEnvironments = DEFAULT_PRODUCTION_ENVIRONMENTS,
  ): Promise<DeliveryStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DeliveryStore(knex, productionEnvironments);
  }

  private readonly chunkSize: number;

  constructor(
    readonly knex: Knex,
    /** Lower-case names of the production environments. */
    readonly productionEnvironments = DEFAULT_PRODUCTION_ENVIRONMENTS,
  ) {
    this.chunkSize = chunkSizeFor(knex);
  }

  private chunks<T>(items: T[]): T[][] {
    return chunksOf(items, this.chunkSize);
  }

  async upsert(
    events: DeliveryEvent[],
    ingestedAt = Date.now(),
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, outdated: 0 };
    const byType = new Map<DeliveryEventType, DeliveryEvent[]>();
    for (const event of newestDeliveryWins(events)) {
      const typed = byType.get(event.type) ?? [];
      typed.push(event);
      byType.set(event.type, typed);
    }

    await this.knex.transaction(async tx => {
      const touchesChanges = byType.has('change') || byType.has('deployment');
      if (touchesChanges) {
        await advisoryLock(tx, 'writers-shared');
      }
      // Deployments and their links go first and changes last, so that a change gets its first
      // production deployment in the statement that stores it. The changes that deployments link
      // before or after, and that this batch does not store, are recomputed at the end.
      const linkedChanges = new KeysBySource();
      const storedChanges = new KeysBySource();
      const rank = (type: DeliveryEventType) =>
        ((
          { deployment: 0, change: 2 } as Partial<
            Record<DeliveryEventType, number>
          >
        )[type] ?? 1);
      const types = [...byType.keys()].sort((a, b) => rank(a) - rank(b));
      for (const type of types) {
        // Every writer locks rows in one order (by key): concurrent batches with the same keys
        // then wait for each other instead of deadlocking.
        const typed = byType.get(type)!.sort(byKey);
        const table = recordTables[type];
        if (type === 'change') {
          await advisoryLock(tx, 'first-deployments');
        }
        const inserted = new KeysBySource();
        const written = new KeysBySource();
        for (const chunk of this.chunks(typed)) {
          const rows = chunk.map(event => {
            const row = toRecordRow(event, ingestedAt);
            if (type === 'change') {
              storedChanges.add(row.source, row.id);
              return {
                ...row,
                first_deployed_at: firstDeploymentOf(tx, {
                  change: row,
                  productionEnvironments: this.productionEnvironments,
                }),
              };
            }
            return row;
          });
          const result = await this.upsertRows(tx, table, rows);
          counts.inserted += result.inserted.length;
          counts.updated += result.written.length - result.inserted.length;
          counts.outdated += rows.length - result.written.length;
          result.inserted.forEach(row => inserted.add(row.source, row.id));
          result.written.forEach(row => written.add(row.source, row.id));
        }
        if (type === 'deployment') {
          // An outdated deployment keeps the change links of the newer state, too.
          await this.replaceDeploymentChanges(
            tx,
            typed.filter(event => written.has(event.source, event.id)),
            inserted,
            linkedChanges,
          );
        }
      }
      if (touchesChanges) {
        if (!byType.has('change')) {
          await advisoryLock(tx, 'first-deployments');
        }
        await this.refreshFirstDeployments(
          tx,
          linkedChanges.without(storedChanges),
        );
      }
      await DataVersions.raise(
        tx,
        events.map(event => event.entityRef),
      );
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
    return this.deleteWhere(
      {
        deployment: filter,
        change: filter,
        incident: filter,
        workItem: filter,
        sliSample: filter,
        qualitySnapshot: filter,
      },
      source === undefined ? [entityRef!] : 'all',
    );
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
    return this.deleteWhere(
      {
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
      },
      'all',
    );
  }

  /** `touched`: the entities whose data version the deletion raises. */
  private async deleteWhere(
    filters: RecordFilters,
    touched: string[] | 'all',
  ): Promise<DeletionCounts> {
    return this.knex.transaction(async tx => {
      await advisoryLock(tx, 'writers');
      if (touched === 'all') {
        await DataVersions.raiseAll(tx);
      } else {
        await DataVersions.raise(tx, touched);
      }
      const deleteFrom = async (type: DeliveryEventType) => {
        const query = tx(recordTables[type]);
        filters[type](query, name => name);
        return Number(await query.delete());
      };
      // Changes shipped by a deployment that goes lose it as their first production deployment;
      // which ones is known only while the links exist.
      await tx('delivery_changes')
        .whereNotNull('first_deployed_at')
        .whereIn(['source', 'id'], function linkedToDeleted() {
          this.select('dc.source', 'dc.change_id')
            .from('delivery_deployment_changes as dc')
            .join('delivery_deployments as d', join =>
              join
                .on('d.source', 'dc.source')
                .andOn('d.id', 'dc.deployment_id'),
            );
          filters.deployment(this, name => `d.${name}`);
        })
        .update({
          first_deployed_at: firstDeploymentOf(tx, {
            productionEnvironments: this.productionEnvironments,
            exclude: query => filters.deployment(query, name => `d.${name}`),
          }),
        });
      // The links next: which deployments they belong to is known only while those exist.
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

  /**
   * Upserts rows on (source, id), updating a stored row only when the delivered one is not older,
   * and answers the keys of the rows that were new and of all that were written. PostgreSQL tells
   * from the upsert itself (a row version it inserted has no `xmax`; a row it left alone is not
   * returned); SQLite inserts what is new, skipping the rest, then updates those; other engines
   * count the existing keys first and overwrite them whatever their age.
   */
  private async upsertRows(
    tx: Knex.Transaction,
    table: string,
    rows: StoredRow[],
  ): Promise<{ inserted: RecordKey[]; written: RecordKey[] }> {
    const client = tx.client.config.client;
    if (client === 'pg') {
      const written: (RecordKey & { inserted: boolean })[] = await tx(table)
        .insert(rows)
        .onConflict(['source', 'id'])
        .merge()
        .where(notOlderThanStored(tx, table))
        .returning(['source', 'id', tx.raw('(xmax = 0) as inserted')]);
      return { inserted: written.filter(row => row.inserted), written };
    }
    if (client === 'better-sqlite3' || client === 'sqlite3') {
      const inserted: RecordKey[] = await tx(table)
        .insert(rows)
        .onConflict(['source', 'id'])
        .ignore()
        .returning(['source', 'id']);
      const insertedKeys = new KeysBySource();
      inserted.forEach(row => insertedKeys.add(row.source, row.id));
      const existing = rows.filter(
        row => !insertedKeys.has(row.source, row.id),
      );
      const updated: RecordKey[] =
        existing.length > 0
          ? await tx(table)
              .insert(existing)
              .onConflict(['source', 'id'])
              .merge()
              .where(notOlderThanStored(tx, table))
              .returning(['source', 'id'])
          : [];
      return { inserted, written: [...inserted, ...updated] };
    }
    const existing = await this.existingKeys(tx, table, rows);
    await tx(table).insert(rows).onConflict(['source', 'id']).merge();
    return {
      inserted: rows.filter(row => !existing.has(row.source, row.id)),
      written: rows,
    };
  }

  private async existingKeys(
    tx: Knex.Transaction,
    table: string,
    rows: StoredRow[],
  ): Promise<KeysBySource> {
    const existing = new KeysBySource();
    for (const [source, ids] of idsBySource(rows)) {
      const found: { id: string }[] = await tx(table)
        .where({ source })
        .whereIn('id', ids)
        .select('id');
      found.forEach(row => existing.add(source, row.id));
    }
    return existing;
  }

  /**
   * Replaces the change links of the deployments (a deployment delivered again may name other
   * changes) and notes every change linked before or after. A deployment that was just inserted
   * has no links yet: deletion removes a deployment's links with it.
   */
  private async replaceDeploymentChanges(
    tx: Knex.Transaction,
    deployments: DeliveryEvent[],
    inserted: KeysBySource,
    linkedChanges: KeysBySource,
  ) {
    const redelivered = deployments.filter(
      deployment => !inserted.has(deployment.source, deployment.id),
    );
    for (const [source, ids] of idsBySource(redelivered)) {
      for (const idChunk of this.chunks(ids)) {
        const previous: { change_id: string }[] = await tx(
          'delivery_deployment_changes',
        )
          .where({ source })
          .whereIn('deployment_id', idChunk)
          .select('change_id');
        previous.forEach(link => linkedChanges.add(source, link.change_id));
        if (previous.length > 0) {
          await tx('delivery_deployment_changes')
            .where({ source })
            .whereIn('deployment_id', idChunk)
            .delete();
        }
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
    for (const linkChunk of this.chunks(links)) {
      await tx('delivery_deployment_changes').insert(linkChunk);
    }
    links.forEach(link => linkedChanges.add(link.source, link.change_id));
  }

  /** Recomputes `first_deployed_at` of the given changes from their links. */
  private async refreshFirstDeployments(
    tx: Knex.Transaction,
    changes: KeysBySource,
  ) {
    for (const [source, ids] of changes.entries()) {
      for (const idChunk of this.chunks([...ids])) {
        await tx('delivery_changes')
          .where({ source })
          .whereIn('id', idChunk)
          .update({
            first_deployed_at: firstDeploymentOf(tx, {
              productionEnvironments: this.productionEnvironments,
            }),
          });
      }
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
