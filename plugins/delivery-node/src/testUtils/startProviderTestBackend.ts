import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { SyncStatus } from '@delivery-insights/backstage-plugin-delivery-common';
import request from 'supertest';
import {
  CapturedScheduledTasks,
  captureScheduledTasks,
} from './captureScheduledTasks';

/** @public */
export type ProviderTestBackendOptions = {
  /**
   * The delivery backend plugin and the module under test (a module is tested together with the
   * plugin it extends; the plugin is passed in so that this package does not depend on it).
   */
  features: NonNullable<Parameters<typeof startTestBackend>[0]['features']>;
  /** The test file's `TestDatabases` and the engine of this run. */
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  /** The catalog's entities. */
  entities: Entity[];
  /** The root configuration. */
  config: JsonObject;
};

/** @public */
export type ProviderTestBackend = {
  server: TestBackend['server'];
  /** The delivery backend's database, to look at what was stored. */
  knex: Awaited<ReturnType<TestDatabases['init']>>;
  /** The scheduled tasks; `scheduler.run(id)` runs one to its end. */
  scheduler: CapturedScheduledTasks;
  /** The body of `GET /api/delivery<path>` as a user; throws unless it answers 200. */
  get(path: string): Promise<any>;
  /** The provider's sync status of the entity from `GET /api/delivery/sync-status`. */
  syncStatus(provider: string, entityRef: string): Promise<SyncStatus>;
};

/**
 * Starts a backend with the features (the delivery plugin and a provider module) on a real test
 * database, a mock catalog with the entities, the configuration and a scheduler whose tasks the
 * test runs itself.
 *
 * @public
 */
export async function startProviderTestBackend(
  options: ProviderTestBackendOptions,
): Promise<ProviderTestBackend> {
  const knex = await options.databases.init(options.databaseId);
  const scheduler = captureScheduledTasks();
  const { server } = await startTestBackend({
    features: [
      ...options.features,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({ data: options.config }),
      scheduler.factory,
    ],
  });
  const get = async (path: string) => {
    const response = await request(server)
      .get(`/api/delivery${path}`)
      .set('Authorization', mockCredentials.user.header());
    if (response.status !== 200) {
      throw new Error(
        `GET /api/delivery${path} answered ${response.status}: ${response.text}`,
      );
    }
    return response.body;
  };
  const syncStatus = async (provider: string, entityRef: string) => {
    const { items } = await get(
      `/sync-status?provider=${encodeURIComponent(
        provider,
      )}&entityRef=${encodeURIComponent(entityRef)}`,
    );
    if (items.length !== 1) {
      throw new Error(
        `Expected one ${provider} sync status of ${entityRef}, got ${items.length}`,
      );
    }
    return items[0];
  };
  return { server, knex, scheduler, get, syncStatus };
}
