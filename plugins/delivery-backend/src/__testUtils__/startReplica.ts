import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex, knex as knexFactory } from 'knex';
import { deliveryPlugin } from '../plugin';
import { exampleEntities } from './exampleCatalog';

/**
 * One delivery backend instance ("replica") on a given database client, as a second process of the
 * same deployment would run: its own knex pool, Backstage's real (database-backed) scheduler.
 */
export async function startReplica(options: {
  knex: Knex;
  config?: JsonObject;
  features?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  return startTestBackend({
    features: [
      deliveryPlugin,
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({ entities: exampleEntities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      schedulerServiceFactory,
      ...(options.features ?? []),
    ],
  });
}

/** A second connection pool to the database of `knex`, as another process would open. */
export function secondPool(knex: Knex): Knex {
  return knexFactory({ ...knex.client.config });
}
