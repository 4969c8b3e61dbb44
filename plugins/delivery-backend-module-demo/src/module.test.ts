import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import request from 'supertest';
import { DEMO_PROFILE_ANNOTATION } from './DemoDataProvider';
import { deliveryModuleDemo } from './module';

jest.setTimeout(120_000);

const component = (name: string, profile: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [DEMO_PROFILE_ANNOTATION]: profile },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

const entities = ['elite', 'high', 'medium', 'low'].map(profile =>
  component(`${profile}-service`, profile),
);

async function startBackend(enabled: boolean) {
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      deliveryModuleDemo,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { delivery: { demoData: { enabled, days: 90 } } },
      }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
    ],
  });
  return server;
}

const scorecardOf = async (
  server: Awaited<ReturnType<typeof startBackend>>,
  name: string,
) => {
  const response = await request(server)
    .get(`/api/delivery/entities/component/default/${name}/scorecard`)
    .set('Authorization', mockCredentials.user.header());
  return response.body;
};

const deploymentFrequencyOf = async (
  server: Awaited<ReturnType<typeof startBackend>>,
  name: string,
) => (await scorecardOf(server, name)).dora.deploymentFrequency;

describe('the demo data module', () => {
  it('feeds every component through the ingestion path with a profile per level', async () => {
    const server = await startBackend(true);

    const health = await request(server)
      .get('/api/delivery/health')
      .set('Authorization', mockCredentials.user.header());
    expect(health.body.providers).toEqual(['demo']);

    // The scheduler runs the first import on start-up; wait until the last component has data
    // (every service gets a weekly coverage snapshot).
    for (let attempt = 0; attempt < 100; attempt++) {
      const low = await scorecardOf(server, 'low-service');
      if (low.quality.lineCoverage.value !== null) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const levels = await Promise.all(
      entities.map(
        async entity =>
          (
            await deploymentFrequencyOf(server, entity.metadata.name)
          ).level,
      ),
    );
    expect(levels).toEqual(['elite', 'high', 'medium', 'low']);

    const records = await request(server)
      .get('/api/delivery/entities/component/default/elite-service/records')
      .set('Authorization', mockCredentials.user.header());
    expect(records.body.deployments.length).toBeGreaterThan(20);
    expect(
      records.body.deployments.every(
        (deployment: { source: string }) => deployment.source === 'demo',
      ),
    ).toBe(true);
  });

  it('adds nothing unless enabled', async () => {
    const server = await startBackend(false);
    const health = await request(server)
      .get('/api/delivery/health')
      .set('Authorization', mockCredentials.user.header());
    expect(health.body.providers).toEqual([]);
    expect(
      (await deploymentFrequencyOf(server, 'elite-service')).sampleSize,
    ).toBe(0);
  });
});
