import { DeliverySyncState, SkippedRecord } from '../extensions';
import { IncidentCursor, incidentCursor } from './jsonCursor';

/** What the progress reads of an incident event. @public */
export type TrackedIncident = {
  id: string;
  openedAt: string;
  resolvedAt?: string;
};

/**
 * One entity's incremental incident sync against an {@link IncidentCursor}: pages of incidents
 * listed by creation time are ingested and the cursor saved after each, so an interrupted sync
 * resumes at the newest incident stored; the incidents that were open at the last sync and did
 * not come up again are re-read (`stillOpen`, `refreshed`) until they are resolved, so that their
 * acknowledgement and resolution arrive.
 *
 * @public
 */
export class IncidentSyncProgress<E extends TrackedIncident = TrackedIncident> {
  /** Where this sync starts: the stored cursor's `since`, or the backfill start. */
  readonly since: string;
  /** The creation time of the newest incident read so far (at least `since`). */
  newest: string;
  private readonly open: Set<string>;
  private readonly seen = new Set<string>();

  /** The entity's stored cursor, or a backfill from `backfillFrom` when it has none. */
  static async start<E extends TrackedIncident>(options: {
    syncState: DeliverySyncState;
    entityRef: string;
    backfillFrom: string;
    ingest: (events: E[]) => Promise<void>;
  }): Promise<IncidentSyncProgress<E>> {
    const cursor = incidentCursor.parse(
      await options.syncState.getCursor(options.entityRef),
    ) ?? { since: options.backfillFrom, open: [] };
    return new IncidentSyncProgress(options, cursor);
  }

  private constructor(
    private readonly options: {
      syncState: DeliverySyncState;
      entityRef: string;
      ingest: (events: E[]) => Promise<void>;
    },
    cursor: IncidentCursor,
  ) {
    this.since = cursor.since;
    this.newest = cursor.since;
    this.open = new Set(cursor.open);
  }

  /** Ingests a page of the list, notes which incidents are open, and saves the cursor. */
  async page(events: E[], recordsSeen: number, skipped: SkippedRecord[]) {
    for (const event of events) {
      this.seen.add(event.id);
      if (event.resolvedAt) {
        this.open.delete(event.id);
      } else {
        this.open.add(event.id);
      }
      if (event.openedAt > this.newest) {
        this.newest = event.openedAt;
      }
    }
    await this.save(events, recordsSeen, skipped);
  }

  /** The incidents open at the last sync that the list did not return again: re-read them. */
  stillOpen(): string[] {
    return [...this.open].filter(id => !this.seen.has(id));
  }

  /**
   * Ingests the re-read incidents; those now resolved, those the upstream no longer knows
   * (`gone`) and those that no longer map (`skipped`) are not re-read again.
   */
  async refreshed(
    events: E[],
    recordsSeen: number,
    skipped: SkippedRecord[],
    gone: string[],
  ) {
    for (const id of gone) {
      this.open.delete(id);
    }
    for (const event of events) {
      if (event.resolvedAt) {
        this.open.delete(event.id);
      }
    }
    for (const record of skipped) {
      this.open.delete(record.id ?? '');
    }
    await this.save(events, recordsSeen, skipped);
  }

  /**
   * Saves the final cursor: the next sync reads from the newest incident read, or from `caughtUp`
   * when that is later (the list is read up to now, less the time incidents take to appear in it).
   */
  async finish(caughtUp: string) {
    this.newest = this.newest > caughtUp ? this.newest : caughtUp;
    await this.options.syncState.saveProgress(this.options.entityRef, {
      cursor: this.cursor(),
      recordsSeen: 0,
    });
  }

  private async save(
    events: E[],
    recordsSeen: number,
    skipped: SkippedRecord[],
  ) {
    await this.options.ingest(events);
    await this.options.syncState.saveProgress(this.options.entityRef, {
      cursor: this.cursor(),
      recordsSeen,
      skipped,
    });
  }

  private cursor() {
    return incidentCursor.serialize({
      since: this.newest,
      open: [...this.open],
    });
  }
}
