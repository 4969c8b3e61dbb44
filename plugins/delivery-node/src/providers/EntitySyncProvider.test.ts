import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DeliverySyncState } from '../extensions';
import {
  EntitySyncProvider,
  EntitySyncProviderOptions,
  EntitySyncTarget,
} from './EntitySyncProvider';

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
});

const entities = [
  entity('a', { 'example.com/id': '1' }),
  entity('b', { 'example.com/id': '2' }),
  entity('c', {}),
  entity('d', { 'example.com/id': '4' }),
];

class ExampleProvider extends EntitySyncProvider {
  readonly synced: string[] = [];
  events: unknown[] = [];

  constructor(options: Partial<EntitySyncProviderOptions> = {}) {
    super({
      providerId: 'example',
      displayName: 'Example',
      taskId: 'delivery-example-sync',
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      annotation: 'example.com/id',
      ...options,
    });
  }

  protected async syncEntity({ entityRef }: EntitySyncTarget) {
    this.synced.push(entityRef);
    if (entityRef === 'component:default/b') {
      throw new Error('upstream answered 500');
    }
    await this.ingest(this.events);
  }
}

function fakeContext() {
  const batches: unknown[][] = [];
  const calls: string[] = [];
  const syncState: DeliverySyncState = {
    getCursor: async () => undefined,
    saveProgress: async () => {},
    recordSuccess: async entityRef => {
      calls.push(`success ${entityRef}`);
    },
    recordFailure: async (entityRef, error) => {
      calls.push(`failure ${entityRef}: ${error.message}`);
    },
  };
  const ingestion = {
    ingest: async (events: unknown[]) => {
      batches.push(events);
      return { received: events.length, inserted: events.length, updated: 0 };
    },
  };
  return { context: { ingestion, syncState }, batches, calls };
}

describe('EntitySyncProvider', () => {
  it('schedules its task on connect and runs it on triggerSync', async () => {
    const scheduler = mockServices.scheduler.mock();
    const provider = new ExampleProvider({ scheduler });

    await provider.connect(fakeContext().context);
    await provider.triggerSync();

    expect(provider.getProviderId()).toBe('example');
    expect(scheduler.scheduleTask).toHaveBeenCalledWith({
      id: 'delivery-example-sync',
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
      fn: expect.any(Function),
    });
    expect(scheduler.triggerTask).toHaveBeenCalledWith('delivery-example-sync');
  });

  it('answers when a triggered sync starts while the initial delay after startup lasts', async () => {
    const delayed = new ExampleProvider({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
        initialDelay: { minutes: 10 },
      },
    });
    const before = Date.now();
    await delayed.connect(fakeContext().context);
    const { startsAt } = await delayed.triggerSync();
    const startsAtMs = Date.parse(startsAt!);
    expect(startsAtMs).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(startsAtMs).toBeLessThanOrEqual(Date.now() + 10 * 60_000);

    // Without an initial delay (or once it has passed) the run starts now.
    const prompt = new ExampleProvider();
    await prompt.connect(fakeContext().context);
    expect(await prompt.triggerSync()).toEqual({});
  });

  it('syncs every annotated entity, records a failure on its entity and goes on', async () => {
    const logger = mockServices.logger.mock();
    const provider = new ExampleProvider({ logger });
    const { context, calls } = fakeContext();
    await provider.connect(context);

    await provider.sync();

    expect(provider.synced).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/d',
    ]);
    expect(calls).toEqual([
      'success component:default/a',
      'failure component:default/b: upstream answered 500',
      'success component:default/d',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Example sync of component:default/b failed: upstream answered 500',
    );
    expect(logger.info).toHaveBeenCalledWith(
      'Example sync: 2 of 3 entities synced',
    );
  });

  it('ingests in batches of at most 1,000 events', async () => {
    const provider = new ExampleProvider({
      catalog: catalogServiceMock({ entities: [entities[0]] }),
    });
    provider.events = Array.from({ length: 2500 }, (_, id) => ({ id }));
    const { context, batches } = fakeContext();
    await provider.connect(context);

    await provider.sync();

    expect(batches.map(batch => batch.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(provider.events);
  });

  it('refuses to sync before it is connected', async () => {
    await expect(new ExampleProvider().sync()).rejects.toThrow(
      'The Example provider is not connected',
    );
  });

  it('needs an annotation unless it selects its own targets', async () => {
    const provider = new ExampleProvider({ annotation: undefined });
    await provider.connect(fakeContext().context);

    await expect(provider.sync()).rejects.toThrow(
      'The Example provider names no annotation and selects no entities',
    );
  });

  it('visits the targets a subclass selects, described as it says', async () => {
    class Selective extends ExampleProvider {
      protected async targets() {
        return [{ entity: entities[2], entityRef: 'component:default/b' }];
      }
      protected describe(target: EntitySyncTarget) {
        return `${target.entityRef} (project b)`;
      }
    }
    const logger = mockServices.logger.mock();
    const provider = new Selective({ logger });
    await provider.connect(fakeContext().context);

    await provider.sync();

    expect(provider.synced).toEqual(['component:default/b']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Example sync of component:default/b (project b) failed: upstream answered 500',
    );
  });
});
