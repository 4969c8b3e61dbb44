import { SyncStatus } from '@delivery-insights/backstage-plugin-delivery-common';
import {
  DeliverySyncState,
  SkippedRecord,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { Knex } from 'knex';

const TABLE = 'delivery_sync_state';
/** Skipped records kept per entity for the status: enough to diagnose, bounded in size. */
const SKIPPED_KEPT = 10;
/** Stored error messages are cut to this length. */
const MAX_ERROR_LENGTH = 2000;

type SyncStateRow = {
  provider: string;
  entity_ref: string;
  cursor: string | null;
  last_attempt_at: string | number | null;
  last_success_at: string | number | null;
  last_error_at: string | number | null;
  last_error: string | null;
  records_seen: string | number;
  records_skipped: string | number;
  last_skipped: string | null;
};

const isoOf = (value: string | number | null) =>
  value === null ? undefined : new Date(Number(value)).toISOString();

export function toSyncStatus(row: SyncStateRow): SyncStatus {
  return {
    provider: row.provider,
    entityRef: row.entity_ref,
    lastAttemptAt: isoOf(row.last_attempt_at),
    lastSuccessAt: isoOf(row.last_success_at),
    lastErrorAt: isoOf(row.last_error_at),
    lastError: row.last_error ?? undefined,
    recordsSeen: Number(row.records_seen),
    recordsSkipped: Number(row.records_skipped),
    lastSkipped: row.last_skipped ? JSON.parse(row.last_skipped) : [],
  };
}

/** Provider progress per (provider, entity), shared by every replica through the database. */
export class SyncStateStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** The `DeliverySyncState` handed to one provider. */
  forProvider(provider: string): DeliverySyncState {
    return {
      getCursor: entityRef => this.getCursor(provider, entityRef),
      saveProgress: (entityRef, progress) =>
        this.saveProgress(provider, entityRef, progress),
      recordSuccess: entityRef => this.recordSuccess(provider, entityRef),
      recordFailure: (entityRef, error) =>
        this.recordFailure(provider, entityRef, error),
    };
  }

  async getCursor(provider: string, entityRef: string) {
    const row = await this.knex(TABLE)
      .where({ provider, entity_ref: entityRef })
      .first('cursor');
    return row?.cursor ?? undefined;
  }

  async saveProgress(
    provider: string,
    entityRef: string,
    progress: {
      cursor?: string;
      recordsSeen: number;
      skipped?: SkippedRecord[];
    },
  ) {
    const skipped = progress.skipped ?? [];
    await this.knex.transaction(async tx => {
      const current = await tx(TABLE)
        .where({ provider, entity_ref: entityRef })
        .forUpdate()
        .first('last_skipped');
      const lastSkipped = [
        ...[...skipped].reverse(),
        ...(current?.last_skipped ? JSON.parse(current.last_skipped) : []),
      ].slice(0, SKIPPED_KEPT);
      const changes = {
        last_attempt_at: this.now(),
        ...(progress.cursor !== undefined && { cursor: progress.cursor }),
        ...(skipped.length > 0 && {
          last_skipped: JSON.stringify(lastSkipped),
        }),
      };
      await tx(TABLE)
        .insert({
          provider,
          entity_ref: entityRef,
          records_seen: progress.recordsSeen,
          records_skipped: skipped.length,
          ...changes,
        })
        .onConflict(['provider', 'entity_ref'])
        .merge({
          ...changes,
          records_seen: tx.raw('?? + ?', [
            `${TABLE}.records_seen`,
            progress.recordsSeen,
          ]),
          records_skipped: tx.raw('?? + ?', [
            `${TABLE}.records_skipped`,
            skipped.length,
          ]),
        });
    });
  }

  async recordSuccess(provider: string, entityRef: string) {
    const now = this.now();
    await this.knex(TABLE)
      .insert({
        provider,
        entity_ref: entityRef,
        last_attempt_at: now,
        last_success_at: now,
      })
      .onConflict(['provider', 'entity_ref'])
      .merge({ last_attempt_at: now, last_success_at: now });
  }

  async recordFailure(provider: string, entityRef: string, error: Error) {
    const now = this.now();
    const lastError = (error.message || String(error)).slice(
      0,
      MAX_ERROR_LENGTH,
    );
    await this.knex(TABLE)
      .insert({
        provider,
        entity_ref: entityRef,
        last_attempt_at: now,
        last_error_at: now,
        last_error: lastError,
      })
      .onConflict(['provider', 'entity_ref'])
      .merge({
        last_attempt_at: now,
        last_error_at: now,
        last_error: lastError,
      });
  }

  async list(filter: { provider?: string; entityRef?: string }) {
    const query = this.knex<SyncStateRow>(TABLE).orderBy([
      'entity_ref',
      'provider',
    ]);
    if (filter.provider !== undefined) {
      query.where('provider', filter.provider);
    }
    if (filter.entityRef !== undefined) {
      query.where('entity_ref', filter.entityRef);
    }
    return (await query).map(toSyncStatus);
  }

  /** Forgets the provider's cursors (of one entity, or all) so that its next sync backfills. */
  async resetCursors(provider: string, entityRef?: string) {
    const query = this.knex(TABLE).where('provider', provider);
    if (entityRef !== undefined) {
      query.where('entity_ref', entityRef);
    }
    return query.update({ cursor: null });
  }
}
