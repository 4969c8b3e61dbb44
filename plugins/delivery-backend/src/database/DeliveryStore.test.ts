import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DeliveryStore } from './DeliveryStore';
import { testDatabases } from '../__testUtils__/startDeliveryBackend';
import {
  matrixEntities,
  recordMatrix,
  rowKeys,
} from '../__testUtils__/recordMatrix';
import { parseEventBatch } from '../ingestion/parseEventBatch';

jest.setTimeout(60_000);

const cutoff = Date.parse('2026-10-15T00:00:00Z');
const at = (offsetHours: number) =>
  new Date(cutoff + offsetHours * 3_600_000).toISOString();
const common = {
  source: 'github',
  entityRef: 'component:default/checkout-service',
};

/** Records on both sides of the cutoff; the ids say whether retention must keep them. */
const retentionEvents = [
  // Deployments: by finish, else by start; none without any time.
  {
    ...common,
    type: 'deployment',
    id: 'drop-finished',
    status: 'success',
    startedAt: at(-2),
    finishedAt: at(-0.001),
    changeIds: ['c1', 'c2'],
  },
  {
    ...common,
    type: 'deployment',
    id: 'keep-finished-at-cutoff',
    status: 'success',
    finishedAt: at(0),
    changeIds: ['c1'],
  },
  {
    ...common,
    type: 'deployment',
    id: 'drop-started-only',
    status: 'failure',
    startedAt: at(-24),
  },
  {
    ...common,
    type: 'deployment',
    id: 'keep-started-old-finished-new',
    status: 'success',
    startedAt: at(-24),
    finishedAt: at(1),
    changeIds: ['c3'],
  },
  { ...common, type: 'deployment', id: 'keep-no-times', status: 'success' },
  // The same deployment id in another source, recent: its links stay.
  {
    ...common,
    source: 'gitlab',
    type: 'deployment',
    id: 'drop-finished',
    status: 'success',
    finishedAt: at(5),
    changeIds: ['c1'],
  },
  // Changes: by merge, else by first commit.
  {
    ...common,
    type: 'change',
    id: 'drop-merged',
    firstCommitAt: at(-48),
    mergedAt: at(-1),
  },
  { ...common, type: 'change', id: 'drop-unmerged', firstCommitAt: at(-48) },
  {
    ...common,
    type: 'change',
    id: 'keep-merged-new',
    firstCommitAt: at(-48),
    mergedAt: at(1),
  },
  // Incidents: by resolution; open ones stay.
  {
    ...common,
    type: 'incident',
    id: 'drop-resolved',
    openedAt: at(-10),
    resolvedAt: at(-9),
  },
  { ...common, type: 'incident', id: 'keep-open', openedAt: at(-1000) },
  {
    ...common,
    type: 'incident',
    id: 'keep-resolved-new',
    openedAt: at(-10),
    resolvedAt: at(2),
  },
  // Work items: by completion; unfinished ones stay.
  {
    ...common,
    type: 'workItem',
    id: 'drop-completed',
    kind: 'story',
    createdAt: at(-100),
    startedAt: at(-50),
    completedAt: at(-1),
  },
  {
    ...common,
    type: 'workItem',
    id: 'keep-in-progress',
    kind: 'story',
    createdAt: at(-1000),
    startedAt: at(-900),
  },
  {
    ...common,
    type: 'workItem',
    id: 'keep-not-started',
    kind: 'bug',
    createdAt: at(-1000),
  },
  {
    ...common,
    type: 'workItem',
    id: 'keep-completed-new',
    kind: 'task',
    createdAt: at(-100),
    completedAt: at(3),
  },
  // Samples and snapshots: by their instant.
  {
    ...common,
    type: 'sliSample',
    id: 'drop-sample',
    slo: 'availability',
    timestamp: at(-1),
    good: 1,
    total: 1,
  },
  {
    ...common,
    type: 'sliSample',
    id: 'keep-sample',
    slo: 'availability',
    timestamp: at(1),
    good: 1,
    total: 1,
  },
  {
    ...common,
    type: 'qualitySnapshot',
    id: 'drop-snapshot',
    at: at(-1),
    lineCoverage: 50,
  },
  {
    ...common,
    type: 'qualitySnapshot',
    id: 'keep-snapshot',
    at: at(0),
    lineCoverage: 60,
  },
];

describe.each(testDatabases.eachSupportedId())(
  'DeliveryStore deletion on %p',
  databaseId => {
    const storeWith = async (events: unknown[]) => {
      const knex = await testDatabases.init(databaseId);
      const store = await DeliveryStore.create({
        getClient: async () => knex,
      } as DatabaseService);
      await store.upsert(parseEventBatch({ events }));
      return { store, knex };
    };

    it('deletes exactly the records that ended before the cutoff, with their deployments’ links', async () => {
      const { store, knex } = await storeWith(retentionEvents);
      const before = await rowKeys(knex);

      const deleted = await store.deleteOlderThan(cutoff);

      expect(deleted).toEqual({
        deployments: 2,
        deploymentChanges: 2,
        changes: 2,
        incidents: 1,
        workItems: 1,
        sliSamples: 1,
        qualitySnapshots: 1,
      });
      const after = await rowKeys(knex);
      expect(after).toEqual(
        before.filter(key => {
          const [table, source, entityOrDeployment, id] = key.split(' ');
          // A link names its deployment where records name their entity.
          const recordId =
            table === 'delivery_deployment_changes' ? entityOrDeployment : id;
          // The recent gitlab deployment shares the old github deployment's id.
          return !recordId.startsWith('drop-') || source === 'gitlab';
        }),
      );
      expect(after).toContain(
        'delivery_deployment_changes gitlab drop-finished c1',
      );
      expect(after).toContain(
        'delivery_deployment_changes github keep-finished-at-cutoff c1',
      );

      // Idempotent: a second run finds nothing more.
      expect(
        Object.values(await store.deleteOlderThan(cutoff)).every(n => n === 0),
      ).toBe(true);
    });

    it('deletes by source, by entity and by both, and refuses an empty selector', async () => {
      const { store, knex } = await storeWith(recordMatrix());
      const [checkout, inventory] = matrixEntities;
      await expect(store.deleteRecords({})).rejects.toThrow(
        'without a source or entity',
      );

      const both = await store.deleteRecords({
        source: 'github',
        entityRef: inventory,
      });
      expect(both).toMatchObject({ deployments: 1, deploymentChanges: 2 });
      const bySource = await store.deleteRecords({ source: 'github' });
      expect(bySource).toMatchObject({ deployments: 1, changes: 1 });
      const byEntity = await store.deleteRecords({ entityRef: checkout });
      expect(byEntity).toMatchObject({ deployments: 1, deploymentChanges: 2 });

      // Left: gitlab's records of the inventory service.
      const left = await rowKeys(knex);
      expect(left).toHaveLength(8);
      expect(
        left.every(
          key =>
            key.split(' ')[1] === 'gitlab' &&
            (key.includes(inventory) || key.includes(' run-1 ')),
        ),
      ).toBe(true);
    });
  },
);

describe.each(testDatabases.eachSupportedId())(
  'DeliveryStore first production deployment of changes on %p',
  databaseId => {
    const hour = (h: number) =>
      Date.parse('2026-11-02T00:00:00Z') + h * 3_600_000;
    const iso = (h: number) => new Date(hour(h)).toISOString();
    const github = { source: 'github', entityRef: common.entityRef };
    const change = (id: string, extra: object = {}) => ({
      ...github,
      type: 'change',
      id,
      firstCommitAt: iso(0),
      ...extra,
    });
    const deployment = (
      id: string,
      finishedHour: number | undefined,
      changeIds: string[],
      extra: object = {},
    ) => ({
      ...github,
      type: 'deployment',
      id,
      environment: 'production',
      status: 'success',
      finishedAt: finishedHour === undefined ? undefined : iso(finishedHour),
      changeIds,
      ...extra,
    });

    const openStore = async () => {
      const knex = await testDatabases.init(databaseId);
      const store = await DeliveryStore.create({
        getClient: async () => knex,
      } as DatabaseService);
      const ingest = (...events: unknown[]) =>
        store.upsert(parseEventBatch({ events }));
      return { knex, store, ingest };
    };

    /** Each change's stored first deployment, in hours; null when it has none. */
    const stored = async (knex: Knex) => {
      const rows: { source: string; id: string; first_deployed_at: unknown }[] =
        await knex('delivery_changes')
          .select('source', 'id', 'first_deployed_at')
          .orderBy(['source', 'id']);
      return Object.fromEntries(
        rows.map(row => [
          `${row.source}/${row.id}`,
          row.first_deployed_at === null
            ? null
            : (Number(row.first_deployed_at) - hour(0)) / 3_600_000,
        ]),
      );
    };

    /** The same, computed from the links as the lead-time query did before the column existed. */
    const fromLinks = async (knex: Knex) => {
      const rows: { source: string; id: string; first: unknown }[] = await knex
        .from('delivery_changes as c')
        .leftJoin('delivery_deployment_changes as dc', join =>
          join.on('dc.source', 'c.source').andOn('dc.change_id', 'c.id'),
        )
        .leftJoin('delivery_deployments as d', join =>
          join
            .on('d.source', 'dc.source')
            .andOn('d.id', 'dc.deployment_id')
            .andOnVal('d.environment', 'production')
            .andOnIn('d.status', ['success', 'rolled_back']),
        )
        .groupBy('c.source', 'c.id')
        .select('c.source', 'c.id')
        .min({ first: 'd.finished_at' })
        .orderBy(['c.source', 'c.id']);
      return Object.fromEntries(
        rows.map(row => [
          `${row.source}/${row.id}`,
          row.first === null ? null : (Number(row.first) - hour(0)) / 3_600_000,
        ]),
      );
    };

    /** The stored values, checked against the links on the way. */
    const firstDeployments = async (knex: Knex) => {
      const actual = await stored(knex);
      expect(actual).toEqual(await fromLinks(knex));
      return actual;
    };

    it('is set whether the changes arrive before, with or after their deployments', async () => {
      const { knex, ingest } = await openStore();
      // Changes first.
      await ingest(change('early-1'), change('early-2'));
      await ingest(deployment('d-1', 5, ['early-1', 'early-2']));
      // Deployment first; the change it names arrives later.
      await ingest(deployment('d-2', 7, ['late-1']));
      expect(await firstDeployments(knex)).toEqual({
        'github/early-1': 5,
        'github/early-2': 5,
      });
      await ingest(change('late-1'));
      // Both in one batch, the deployment listed first.
      await ingest(deployment('d-3', 9, ['same-1']), change('same-1'));

      expect(await firstDeployments(knex)).toEqual({
        'github/early-1': 5,
        'github/early-2': 5,
        'github/late-1': 7,
        'github/same-1': 9,
      });
    });

    it('is the earliest finish among production deployments that reached production', async () => {
      const { knex, ingest } = await openStore();
      await ingest(
        change('c-1'),
        change('c-2'),
        deployment('later', 10, ['c-1', 'c-2']),
        deployment('earlier', 4, ['c-1']),
        deployment('rolled-back', 3, ['c-2'], { status: 'rolled_back' }),
        deployment('failed', 1, ['c-1', 'c-2'], { status: 'failure' }),
        deployment('staging', 2, ['c-1', 'c-2'], { environment: 'staging' }),
        deployment('unfinished', undefined, ['c-1', 'c-2']),
        // Same ids in another source are other records.
        { ...deployment('earlier', 0, ['c-1']), source: 'gitlab' },
      );
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 4,
        'github/c-2': 3,
      });
    });

    it('keeps the newer state when an older one arrives later, by updatedAt or else the record’s times', async () => {
      const { knex, ingest } = await openStore();
      const state = async () => {
        const row = await knex('delivery_deployments')
          .where({ source: 'github', id: 'd' })
          .first('status', 'finished_at');
        const links = await knex('delivery_deployment_changes')
          .where({ source: 'github', deployment_id: 'd' })
          .orderBy('change_id')
          .pluck('change_id');
        return {
          status: row.status,
          finished: (Number(row.finished_at) - hour(0)) / 3_600_000,
          links,
        };
      };
      await ingest(change('a'), change('b'), deployment('d', 5, ['a', 'b']));
      // The state of hour 3 arrives after the one of hour 5: left alone, links included.
      await expect(
        ingest(deployment('d', 3, ['a'], { status: 'failure' })),
      ).resolves.toEqual({ inserted: 0, updated: 0, outdated: 1 });
      expect(await state()).toEqual({
        status: 'success',
        finished: 5,
        links: ['a', 'b'],
      });
      expect(await firstDeployments(knex)).toEqual({
        'github/a': 5,
        'github/b': 5,
      });
      // The source's own update time decides over the record's times, both ways.
      await expect(
        ingest(
          deployment('d', 3, ['a'], { status: 'failure', updatedAt: iso(10) }),
        ),
      ).resolves.toEqual({ inserted: 0, updated: 1, outdated: 0 });
      expect(await state()).toEqual({
        status: 'failure',
        finished: 3,
        links: ['a'],
      });
      await expect(
        ingest(deployment('d', 8, ['b'], { updatedAt: iso(9) })),
      ).resolves.toEqual({ inserted: 0, updated: 0, outdated: 1 });
      expect((await state()).status).toBe('failure');
      // The same state again is written (a redelivery may carry corrections).
      await expect(
        ingest(
          deployment('d', 3, ['a', 'b'], {
            status: 'failure',
            updatedAt: iso(10),
          }),
        ),
      ).resolves.toEqual({ inserted: 0, updated: 1, outdated: 0 });
      expect((await state()).links).toEqual(['a', 'b']);
    });

    it('follows a deployment delivered again with another status, finish or changes', async () => {
      const { knex, ingest } = await openStore();
      await ingest(
        change('c-1'),
        change('c-2'),
        deployment('first', 2, ['c-1', 'c-2']),
        deployment('second', 6, ['c-1']),
      );
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 2,
        'github/c-2': 2,
      });

      // It failed after all: c-1 was first shipped by the second deployment, c-2 not yet.
      await ingest(
        deployment('first', 2, ['c-1', 'c-2'], { status: 'failure' }),
      );
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 6,
        'github/c-2': null,
      });

      // It succeeded later than first reported, and shipped only c-2.
      await ingest(deployment('first', 3, ['c-2']));
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 6,
        'github/c-2': 3,
      });

      // A change delivered again keeps its first deployment.
      await ingest(change('c-2', { title: 'Renamed' }));
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 6,
        'github/c-2': 3,
      });
    });

    it('falls back to the next deployment when one is deleted by selector or retention', async () => {
      const { knex, store, ingest } = await openStore();
      const inventory = 'component:default/inventory-service';
      await ingest(
        change('c-1'),
        change('c-2'),
        // The inventory service's deployment shipped checkout's changes first.
        {
          ...deployment('inventory-1', 1, ['c-1', 'c-2']),
          entityRef: inventory,
        },
        deployment('old', 2, ['c-1']),
        deployment('new', 800, ['c-1', 'c-2']),
      );
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 1,
        'github/c-2': 1,
      });

      await store.deleteRecords({ entityRef: inventory });
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 2,
        'github/c-2': 800,
      });

      // Retention drops the old deployment; the changes, first committed later, stay.
      await ingest(
        change('c-1', { firstCommitAt: iso(500) }),
        change('c-2', { firstCommitAt: iso(500) }),
      );
      await store.deleteOlderThan(hour(100));
      expect(await firstDeployments(knex)).toEqual({
        'github/c-1': 800,
        'github/c-2': 800,
      });

      await store.deleteRecords({
        source: 'github',
        entityRef: common.entityRef,
      });
      expect(await firstDeployments(knex)).toEqual({});
    });

    it('stays right when a change and its deployment are ingested concurrently', async () => {
      const { knex, ingest } = await openStore();
      const pairs = Array.from({ length: 30 }, (_, i) => i);
      await Promise.all(
        pairs.flatMap(i => [
          ingest(change(`c-${i}`)),
          ingest(deployment(`d-${i}`, i + 1, [`c-${i}`])),
        ]),
      );
      expect(await firstDeployments(knex)).toEqual(
        Object.fromEntries(pairs.map(i => [`github/c-${i}`, i + 1])),
      );
    });

    it('stores a batch of 1,500 changes and 750 deployments linking them', async () => {
      const { knex, ingest } = await openStore();
      const pairs = Array.from({ length: 750 }, (_, i) => i);
      const events = pairs.flatMap(i => [
        change(`c-${i}-a`),
        change(`c-${i}-b`),
        deployment(`d-${i}`, i % 24, [`c-${i}-a`, `c-${i}-b`]),
      ]);
      await expect(ingest(...events)).resolves.toEqual({
        inserted: 2250,
        updated: 0,
        outdated: 0,
      });
      const values = await firstDeployments(knex);
      expect(Object.keys(values)).toHaveLength(1500);
      expect(values['github/c-749-b']).toBe(749 % 24);
      await expect(ingest(...events)).resolves.toEqual({
        inserted: 0,
        updated: 2250,
        outdated: 0,
      });
    });

    it('counts new and updated records of one statement apart', async () => {
      const { ingest } = await openStore();
      await expect(ingest(change('a'), change('b'))).resolves.toEqual({
        inserted: 2,
        updated: 0,
        outdated: 0,
      });
      await expect(
        ingest(
          change('b'),
          change('c'),
          change('a'),
          deployment('d', 1, ['a']),
        ),
      ).resolves.toEqual({ inserted: 2, updated: 2, outdated: 0 });
      await expect(ingest(deployment('d', 2, ['a', 'b']))).resolves.toEqual({
        inserted: 0,
        updated: 1,
        outdated: 0,
      });
    });
  },
);

describe.each(testDatabases.eachSupportedId())(
  'first deployment migration on %p',
  databaseId => {
    it('fills first_deployed_at of the changes stored before it', async () => {
      const knex = await testDatabases.init(databaseId);
      const directory = resolvePackagePath(
        '@delivery-insights/backstage-plugin-delivery-backend',
        'migrations',
      );
      await knex.migrate.up({
        directory,
        name: '20261125120000_delivery_records.js',
      });
      const record = { source: 'github', entity_ref: common.entityRef };
      await knex('delivery_changes').insert(
        ['shipped', 'staged', 'unlinked'].map(id => ({
          ...record,
          id,
          ingested_at: 0,
          first_commit_at: 100,
        })),
      );
      await knex('delivery_deployments').insert([
        {
          ...record,
          id: 'prod-late',
          ingested_at: 0,
          environment: 'production',
          status: 'success',
          finished_at: 900,
        },
        {
          ...record,
          id: 'prod-early',
          ingested_at: 0,
          environment: 'production',
          status: 'rolled_back',
          finished_at: 500,
        },
        {
          ...record,
          id: 'prod-failed',
          ingested_at: 0,
          environment: 'production',
          status: 'failure',
          finished_at: 200,
        },
        {
          ...record,
          id: 'staging',
          ingested_at: 0,
          environment: 'staging',
          status: 'success',
          finished_at: 300,
        },
      ]);
      await knex('delivery_deployment_changes').insert([
        { source: 'github', deployment_id: 'prod-late', change_id: 'shipped' },
        { source: 'github', deployment_id: 'prod-early', change_id: 'shipped' },
        {
          source: 'github',
          deployment_id: 'prod-failed',
          change_id: 'shipped',
        },
        { source: 'github', deployment_id: 'prod-failed', change_id: 'staged' },
        { source: 'github', deployment_id: 'staging', change_id: 'staged' },
      ]);

      await knex.migrate.latest({ directory });

      const rows = await knex('delivery_changes')
        .select('id', 'first_deployed_at')
        .orderBy('id');
      expect(
        rows.map(row => [
          row.id,
          row.first_deployed_at === null ? null : Number(row.first_deployed_at),
        ]),
      ).toEqual([
        ['shipped', 500],
        ['staged', null],
        ['unlinked', null],
      ]);
    });
  },
);
