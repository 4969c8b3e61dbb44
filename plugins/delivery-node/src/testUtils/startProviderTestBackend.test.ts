import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { startProviderTestBackend } from './startProviderTestBackend';
import { catalogComponent } from './catalogComponent';
import { setupProviderMswServer } from './providerMswServer';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
setupProviderMswServer();

/** A stand-in for the delivery plugin: a table, a sync status answer and a failing route. */
const standInPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(reg) {
    reg.registerInit({
      deps: {
        database: coreServices.database,
        router: coreServices.httpRouter,
      },
      async init({ database, router }) {
        const knex = await database.getClient();
        await knex.schema.createTable('example_runs', table => {
          table.string('id');
        });
        router.use((req, res, next) => {
          if (req.path === '/sync-status') {
            res.json({
              items:
                req.query.entityRef === 'component:default/checkout'
                  ? [
                      {
                        provider: req.query.provider,
                        entityRef: req.query.entityRef,
                      },
                    ]
                  : [],
            });
          } else if (req.path === '/broken') {
            res.status(500).send('broken');
          } else {
            next();
          }
        });
      },
    });
  },
});

/** A module that schedules a task writing to the plugin's database. */
const exampleModule = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'example',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
      },
      async init({ config, database, scheduler }) {
        await scheduler.scheduleTask({
          id: 'delivery-example-sync',
          frequency: { minutes: 15 },
          timeout: { minutes: 10 },
          fn: async () => {
            const knex = await database.getClient();
            await knex('example_runs').insert({
              id: config.getString('delivery.example.runId'),
            });
          },
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())(
  'startProviderTestBackend on %p',
  databaseId => {
    it('runs the scheduled task against the test database and reads the API', async () => {
      const backend = await startProviderTestBackend({
        features: [standInPlugin, exampleModule],
        databases,
        databaseId,
        entities: [catalogComponent('checkout')],
        config: { delivery: { example: { runId: 'run-1' } } },
      });

      await backend.scheduler.run('delivery-example-sync');

      expect(await backend.knex('example_runs').select('id')).toEqual([
        { id: 'run-1' },
      ]);
      expect(
        await backend.syncStatus('example', 'component:default/checkout'),
      ).toEqual({
        provider: 'example',
        entityRef: 'component:default/checkout',
      });
      await expect(
        backend.syncStatus('example', 'component:default/docs'),
      ).rejects.toThrow(
        'Expected one example sync status of component:default/docs, got 0',
      );
      await expect(backend.get('/broken')).rejects.toThrow(
        'GET /api/delivery/broken answered 500: broken',
      );
    });
  },
);
