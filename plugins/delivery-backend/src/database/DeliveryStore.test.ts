import { DatabaseService } from '@backstage/backend-plugin-api';
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
