import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Server } from 'node:http';
import { Knex } from 'knex';
import { deliveryPlugin } from '../plugin';
import { exampleEntities } from './exampleCatalog';

/** Every engine the backend supports; PostgreSQL runs where its connection string is set. */
export const testDatabases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
});

/** The delivery backend on a real database, with the example catalog and the given policy. */
export async function startDeliveryBackend(
  databaseId: TestDatabaseId,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: JsonObject;
  } = {},
): Promise<{ server: Server; knex: Knex }> {
  const knex = await testDatabases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: exampleEntities }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  return { server, knex };
}
