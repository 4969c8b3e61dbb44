import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import {
  catalogComponent,
  setupProviderMswServer,
  startProviderTestBackend,
} from '@delivery-insights/backstage-plugin-delivery-node/testUtils';
import { JsonObject } from '@backstage/types';
import { HttpResponse } from 'msw';
import { toSonarDateTime } from './client/SonarQubeClient';
import { FakeSonarQube, sonarDaysAgo } from './__testUtils__/fakeSonarQube';
import { deliveryModuleSonarQube } from './module';
import { SONARQUBE_SYNC_TASK_ID } from './SonarQubeProvider';

jest.setTimeout(120_000);

const SERVER_URL = 'https://sonar.northwind.example';
const SERVER_TOKEN = 'squ_server_token_1234';
const CLOUD_URL = 'https://sonarcloud.io';
const CLOUD_TOKEN = 'sqc_cloud_token_5678';
const DAY_MS = 86_400_000;

const msw = setupProviderMswServer();
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities = [
  catalogComponent('checkout', {
    'sonarqube.org/project-key': 'northwind_checkout',
  }),
  catalogComponent('payments', {
    'sonarqube.org/project-key': 'cloud/northwind_payments',
  }),
  catalogComponent('docs'),
];

/** Five analyses of checkout over two months (and one before the backfill), coverage rising. */
function seed(server: FakeSonarQube, cloud: FakeSonarQube) {
  server.projects.set('northwind_checkout', {
    qualityGate: 'ERROR',
    analyses: [
      { date: sonarDaysAgo(120), line_coverage: '40.0' },
      ...[
        [60, '70.0', '55.0', '9', '2', '140', 'ERROR'],
        [40, '74.5', '58.2', '7', '1', '131', 'ERROR'],
        [20, '78.0', '61.0', '4', '1', '120', 'OK'],
        [5, '81.3', '64.4', '3', '0', '118', 'OK'],
        [1, '82.7', '66.1', '2', '0', '117', 'OK'],
      ].map(([days, line, branch, bugs, vulnerabilities, smells, gate]) => ({
        date: sonarDaysAgo(days as number),
        line_coverage: line as string,
        branch_coverage: branch as string,
        bugs: bugs as string,
        vulnerabilities: vulnerabilities as string,
        code_smells: smells as string,
        alert_status: gate as string,
      })),
    ],
  });
  cloud.projects.set('northwind_payments', {
    qualityGate: 'OK',
    organization: 'northwind',
    analyses: [
      {
        date: sonarDaysAgo(3),
        line_coverage: '91.0',
        bugs: '0',
        alert_status: 'OK',
      },
    ],
  });
}

async function startBackend(
  databaseId: TestDatabaseId,
  sonarqube: JsonObject | null = {},
) {
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleSonarQube],
    databases,
    databaseId,
    entities,
    config: {
      delivery:
        sonarqube === null
          ? {}
          : {
              sonarqube: {
                baseUrl: SERVER_URL,
                token: SERVER_TOKEN,
                instances: [
                  {
                    name: 'cloud',
                    baseUrl: CLOUD_URL,
                    token: CLOUD_TOKEN,
                    organization: 'northwind',
                  },
                ],
                backfillDays: 90,
                retry: { retries: 2, baseDelayMs: 10, timeoutMs: 1000 },
                ...sonarqube,
              },
            },
    },
  });
  const snapshots = async (entityRef: string) =>
    (
      await backend
        .knex('delivery_quality_snapshots')
        .where({ source: 'sonarqube', entity_ref: entityRef })
        .orderBy('at')
    ).map(row => ({
      id: row.id,
      at: new Date(Number(row.at)).toISOString(),
      lineCoverage: Number(row.line_coverage),
      branchCoverage:
        row.branch_coverage === null ? null : Number(row.branch_coverage),
      bugs: row.bugs,
      vulnerabilities: row.vulnerabilities,
      codeSmells: row.code_smells,
      qualityGate: row.quality_gate,
    }));
  return {
    ...backend,
    sync: () => backend.scheduler.run(SONARQUBE_SYNC_TASK_ID),
    snapshots,
    status: (name: string) =>
      backend.syncStatus('sonarqube', `component:default/${name}`),
  };
}

describe.each(databases.eachSupportedId())(
  'the SonarQube module on %p',
  databaseId => {
    let server: FakeSonarQube;
    let cloud: FakeSonarQube;
    beforeEach(() => {
      server = new FakeSonarQube(SERVER_URL, SERVER_TOKEN);
      cloud = new FakeSonarQube(CLOUD_URL, CLOUD_TOKEN);
      seed(server, cloud);
      msw.use(...server.handlers(), ...cloud.handlers());
    });

    it('stores every analysis of the backfill with its measures, page by page, and the gate as it stands now', async () => {
      server.maxPageSize = 2;
      const backend = await startBackend(databaseId);
      const startedAt = Date.now();
      await backend.sync();

      const stored = await backend.snapshots('component:default/checkout');
      expect(stored.map(s => s.lineCoverage)).toEqual([
        70, 74.5, 78, 81.3, 82.7,
      ]);
      expect(stored[0]).toMatchObject({
        id: expect.stringMatching(
          /^sonar\.northwind\.example\/northwind_checkout\/\d{4}-/,
        ),
        branchCoverage: 55,
        bugs: 9,
        vulnerabilities: 2,
        codeSmells: 140,
        qualityGate: 'failed',
      });
      expect(stored[2].qualityGate).toBe('passed');
      // The history says OK for the newest analysis; project_status says ERROR now.
      expect(stored[4]).toMatchObject({
        branchCoverage: 66.1,
        bugs: 2,
        vulnerabilities: 0,
        codeSmells: 117,
        qualityGate: 'failed',
      });

      const pages = server.requestsTo('/api/measures/search_history');
      expect(pages.map(url => url.searchParams.get('p'))).toEqual([
        '1',
        '2',
        '3',
      ]);
      const from = pages[0].searchParams.get('from')!;
      expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
      expect(
        Date.parse(from.replace('+0000', 'Z')) - (startedAt - 90 * DAY_MS),
      ).toBeLessThan(60_000);
      expect(pages[0].searchParams.get('component')).toBe('northwind_checkout');
      expect(pages[0].searchParams.get('metrics')).toBe(
        'line_coverage,branch_coverage,bugs,vulnerabilities,code_smells,alert_status',
      );

      const { quality } = await backend.get(
        '/entities/component/default/checkout/scorecard',
      );
      expect(quality.lineCoverage.value).toBe(82.7);

      // The trend has its past values from the first sync.
      const trend = await backend.get(
        `/entities/component/default/checkout/timeseries?metric=lineCoverage&bucket=week&from=${new Date(
          Date.now() - 70 * DAY_MS,
        ).toISOString()}`,
      );
      const values = trend.points
        .map((point: { value: number | null }) => point.value)
        .filter((value: number | null) => value !== null);
      // Each week shows the newest analysis before its end.
      expect(values[0]).toBe(70);
      expect(values).toEqual(expect.arrayContaining([74.5, 78]));
      expect(values.at(-1)).toBe(82.7);

      expect(await backend.status('checkout')).toMatchObject({
        recordsSeen: 5,
        recordsSkipped: 0,
        lastSuccessAt: expect.any(String),
      });
    });

    it('goes on from the newest analysis it stored', async () => {
      const backend = await startBackend(databaseId);
      await backend.sync();
      const before = await backend.snapshots('component:default/checkout');
      server.projects.get('northwind_checkout')!.analyses.push({
        date: sonarDaysAgo(0.5),
        line_coverage: '83.0',
        branch_coverage: '67.0',
        bugs: '1',
        vulnerabilities: '0',
        code_smells: '110',
        alert_status: 'OK',
      });
      server.projects.get('northwind_checkout')!.qualityGate = 'OK';
      server.requests.length = 0;
      await backend.sync();

      const [request] = server.requestsTo('/api/measures/search_history');
      expect(request.searchParams.get('from')).toBe(
        toSonarDateTime(before.at(-1)!.at),
      );
      const after = await backend.snapshots('component:default/checkout');
      expect(after).toHaveLength(6);
      expect(after.at(-1)).toMatchObject({
        lineCoverage: 83,
        qualityGate: 'passed',
      });
      const { quality } = await backend.get(
        '/entities/component/default/checkout/scorecard',
      );
      expect(quality.lineCoverage.value).toBe(83);
    });

    it('reads a SonarQube Cloud project through the instance prefix and refuses one of another organization', async () => {
      const backend = await startBackend(databaseId);
      await backend.sync();
      expect(await backend.snapshots('component:default/payments')).toEqual([
        expect.objectContaining({
          id: expect.stringMatching(/^sonarcloud\.io\/northwind_payments\//),
          lineCoverage: 91,
          branchCoverage: null,
          bugs: 0,
          vulnerabilities: null,
          qualityGate: 'passed',
        }),
      ]);
      expect(cloud.requestsTo('/api/components/show')).toHaveLength(1);
      expect(server.requestsTo('/api/components/show')).toHaveLength(0);

      cloud.projects.get('northwind_payments')!.organization = 'contoso';
      await backend.sync();
      const status = await backend.status('payments');
      expect(status.lastError).toBe(
        'SonarQube project northwind_payments belongs to the organization contoso, not northwind',
      );
    });

    it('waits out a 429 for its Retry-After and records an unknown project on its entity only, without the token', async () => {
      let limited = false;
      server.intercept = url => {
        if (url.pathname.endsWith('/search_history') && !limited) {
          limited = true;
          return HttpResponse.json(
            { errors: [{ msg: 'Too many requests' }] },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        return undefined;
      };
      cloud.projects.delete('northwind_payments');
      const backend = await startBackend(databaseId);
      const startedAt = Date.now();
      await backend.sync();

      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
      expect(server.requestsTo('/api/measures/search_history')).toHaveLength(2);
      expect(
        await backend.snapshots('component:default/checkout'),
      ).toHaveLength(5);
      const failed = await backend.status('payments');
      expect(failed.lastError).toContain(
        "answered 404 Not Found: Component key 'northwind_payments' not found",
      );
      expect(failed.lastError).not.toContain(CLOUD_TOKEN);
      expect(failed.lastSuccessAt).toBeUndefined();
    });

    it('skips an analysis without line coverage and reports it in the sync status', async () => {
      server.projects.get('northwind_checkout')!.analyses.push({
        date: sonarDaysAgo(10),
        bugs: '5',
        alert_status: 'OK',
      });
      const backend = await startBackend(databaseId);
      await backend.sync();
      expect(
        await backend.snapshots('component:default/checkout'),
      ).toHaveLength(5);
      expect(await backend.status('checkout')).toMatchObject({
        recordsSeen: 6,
        recordsSkipped: 1,
        lastSkipped: [
          {
            id: expect.stringContaining('northwind_checkout'),
            reason: 'analysis without line coverage',
          },
        ],
      });
    });

    it('stays out of the backend without delivery.sonarqube', async () => {
      const backend = await startBackend(databaseId, null);
      expect((await backend.get('/health')).providers).not.toContain(
        'sonarqube',
      );
      expect(backend.scheduler.tasks.map(task => task.id)).not.toContain(
        SONARQUBE_SYNC_TASK_ID,
      );
    });
  },
);
