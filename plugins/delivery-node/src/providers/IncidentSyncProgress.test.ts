import { DeliverySyncState } from '../extensions';
import { IncidentSyncProgress, TrackedIncident } from './IncidentSyncProgress';

const ENTITY = 'component:default/checkout';

function fakeSyncState(cursor?: string) {
  const saved: { cursor?: string; recordsSeen: number; skipped?: unknown }[] =
    [];
  const syncState: DeliverySyncState = {
    getCursor: async entityRef =>
      entityRef === ENTITY ? cursor : 'not this entity',
    saveProgress: async (_entityRef, progress) => {
      saved.push(progress);
    },
    recordSuccess: async () => {},
    recordFailure: async () => {},
  };
  return { syncState, saved };
}

const incident = (
  id: string,
  openedAt: string,
  resolvedAt?: string,
): TrackedIncident => ({ id, openedAt, ...(resolvedAt ? { resolvedAt } : {}) });

async function start(cursor?: string) {
  const state = fakeSyncState(cursor);
  const ingested: TrackedIncident[][] = [];
  const progress = await IncidentSyncProgress.start<TrackedIncident>({
    syncState: state.syncState,
    entityRef: ENTITY,
    backfillFrom: '2026-01-01T00:00:00.000Z',
    ingest: async events => {
      ingested.push(events);
    },
  });
  return { progress, ingested, saved: state.saved };
}

describe('IncidentSyncProgress', () => {
  it('backfills without a cursor and saves the newest creation time and the open incidents per page', async () => {
    const { progress, ingested, saved } = await start();
    expect(progress.since).toBe('2026-01-01T00:00:00.000Z');

    const page = [
      incident('P1', '2026-01-03T00:00:00.000Z', '2026-01-03T01:00:00.000Z'),
      incident('P2', '2026-01-04T00:00:00.000Z'),
    ];
    await progress.page(page, 3, [{ id: 'P9', reason: 'no time' }]);

    expect(ingested).toEqual([page]);
    expect(progress.newest).toBe('2026-01-04T00:00:00.000Z');
    expect(saved).toEqual([
      {
        cursor: '{"since":"2026-01-04T00:00:00.000Z","open":["P2"]}',
        recordsSeen: 3,
        skipped: [{ id: 'P9', reason: 'no time' }],
      },
    ]);
  });

  it('re-reads the incidents open at the last sync that the list did not return', async () => {
    const { progress, saved } = await start(
      '{"since":"2026-02-01T00:00:00Z","open":["P1","P2","P3","P4"]}',
    );
    expect(progress.since).toBe('2026-02-01T00:00:00.000Z');

    // P1 comes up again in the list, still open.
    await progress.page([incident('P1', '2026-02-01T00:00:00.000Z')], 1, []);
    expect(progress.stillOpen()).toEqual(['P2', 'P3', 'P4']);

    // P2 is resolved now, P3 is gone upstream, P4 no longer maps.
    await progress.refreshed(
      [incident('P2', '2026-01-20T00:00:00.000Z', '2026-02-02T00:00:00.000Z')],
      2,
      [{ id: 'P4', reason: 'no time' }],
      ['P3'],
    );

    expect(saved[1]).toEqual({
      cursor: '{"since":"2026-02-01T00:00:00.000Z","open":["P1"]}',
      recordsSeen: 2,
      skipped: [{ id: 'P4', reason: 'no time' }],
    });
    // An older incident re-read does not move the cursor back.
    expect(progress.newest).toBe('2026-02-01T00:00:00.000Z');
  });

  it('finishes at the caught-up time unless it read a newer incident', async () => {
    const caughtUp = await start('{"since":"2026-02-01T00:00:00Z","open":[]}');
    await caughtUp.progress.finish('2026-03-01T00:00:00.000Z');
    expect(caughtUp.saved).toEqual([
      {
        cursor: '{"since":"2026-03-01T00:00:00.000Z","open":[]}',
        recordsSeen: 0,
      },
    ]);

    const newer = await start('{"since":"2026-02-01T00:00:00Z","open":[]}');
    await newer.progress.page(
      [incident('P5', '2026-03-02T00:00:00.000Z')],
      1,
      [],
    );
    await newer.progress.finish('2026-03-01T00:00:00.000Z');
    expect(newer.saved[1].cursor).toBe(
      '{"since":"2026-03-02T00:00:00.000Z","open":["P5"]}',
    );
  });

  it('backfills when the stored cursor is unreadable', async () => {
    const { progress } = await start('{"since":"not a time"}');
    expect(progress.since).toBe('2026-01-01T00:00:00.000Z');
    expect(progress.stillOpen()).toEqual([]);
  });
});
