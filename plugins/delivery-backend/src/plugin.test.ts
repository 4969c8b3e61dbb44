import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { deliveryProvidersExtensionPoint } from '@delivery-insights/backstage-plugin-delivery-node';
import request from 'supertest';
import { deliveryPlugin } from './plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const githubModule = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'test-github',
  register(env) {
    env.registerInit({
      deps: { providers: deliveryProvidersExtensionPoint },
      async init({ providers }) {
        providers.addProvider({
          getProviderId: () => 'github',
          connect: async () => {},
        });
      },
    });
  },
});

describe('delivery backend health', () => {
  it.each(databases.eachSupportedId())(
    'answers an authenticated request with the database it uses, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          githubModule,
          mockServices.database.factory({ knex }),
        ],
      });

      const response = await request(server)
        .get('/api/delivery/health')
        .set('Authorization', mockCredentials.user.header());

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        database: databaseId.startsWith('POSTGRES') ? 'pg' : 'better-sqlite3',
        providers: ['github'],
      });
    },
  );

  it('refuses a request without credentials', async () => {
    const { server } = await startTestBackend({ features: [deliveryPlugin] });

    const response = await request(server)
      .get('/api/delivery/health')
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
  });
});
