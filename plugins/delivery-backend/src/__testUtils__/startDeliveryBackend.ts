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
    /** The answer to every permission check, unless `permissions` names the permission. */
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** Answers per permission name, e.g. `{ 'delivery.admin': AuthorizeResult.DENY }`. */
    permissions?: Record<string, AuthorizeResult.ALLOW | AuthorizeResult.DENY>;
    config?: JsonObject;
    /** Extra features or service factories, e.g. a scheduler mock. */
    features?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
): Promise<{ server: Server; knex: Knex }> {
  const knex = await testDatabases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: exampleEntities }),
      options.permissions
        ? mockServices.permissions.mock({
            authorize: async requests =>
              requests.map(({ permission }) => ({
                result:
                  options.permissions?.[permission.name] ??
                  options.permission ??
                  AuthorizeResult.ALLOW,
              })),
            authorizeConditional: async requests =>
              requests.map(({ permission }) => ({
                result:
                  options.permissions?.[permission.name] ??
                  options.permission ??
                  AuthorizeResult.ALLOW,
              })),
          }).factory
        : mockServices.permissions.factory({
            result: options.permission ?? AuthorizeResult.ALLOW,
          }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.features ?? []),
    ],
  });
  return { server, knex };
}
