import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import {
  catalogComponent,
  setupProviderMswServer,
  startProviderTestBackend,
} from '@delivery-insights/backstage-plugin-delivery-node/testUtils';
import { JsonObject } from '@backstage/types';
import { delay, HttpResponse } from 'msw';
import request from 'supertest';
import {
  FakeGitLab,
  ago,
  gitlabCommit,
  gitlabDeployment,
  gitlabMergeRequest,
} from './__testUtils__/fakeGitLab';
import { deliveryModuleGitlab } from './module';

jest.setTimeout(120_000);

const TOKEN = 'glpat-test-token';
const WEBHOOK_TOKEN = 'gitlab-webhook-secret';
const CHECKOUT = 'component:default/checkout-service';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const msw = setupProviderMswServer();

const defaultEntities = [
  catalogComponent('checkout-service', {
    'gitlab.com/project-slug': 'northwind/checkout',
  }),
  catalogComponent('unannotated-service', {}),
];

/**
 * The project's last ten days: two production deployments that shipped one merge request each
 * (lead times 24 h and 36 h), a failed production deployment, a staging one and a running one.
 */
function seed(gitlab: FakeGitLab) {
  const { project } = gitlab;
  project.mergeRequests.push(
    gitlabMergeRequest({
      id: 101,
      iid: 1,
      title: 'Add Apple Pay',
      createdAt: ago(9, 20),
      mergedAt: ago(9, 12),
      author: 'anna',
    }),
    gitlabMergeRequest({
      id: 102,
      iid: 2,
      createdAt: ago(4, 20),
      mergedAt: ago(4, 12),
    }),
  );
  project.commits.set(1, [
    gitlabCommit({ authoredAt: ago(9, 22) }),
    gitlabCommit({ authoredAt: ago(10), committedAt: ago(9, 23) }),
  ]);
  project.commits.set(2, [gitlabCommit({ authoredAt: ago(5) })]);
  project.deployments.push(
    gitlabDeployment({
      id: 41,
      status: 'success',
      environment: 'production',
      startedAt: ago(9, 1),
      finishedAt: ago(9),
    }),
    gitlabDeployment({
      id: 42,
      status: 'failed',
      environment: 'production',
      startedAt: ago(6, 1),
      finishedAt: ago(6),
    }),
    gitlabDeployment({
      id: 43,
      status: 'success',
      environment: 'staging',
      startedAt: ago(9, 3),
      finishedAt: ago(9, 2),
    }),
    gitlabDeployment({
      id: 44,
      status: 'success',
      environment: 'production',
      startedAt: ago(3, 13),
      finishedAt: ago(3, 12),
    }),
    gitlabDeployment({
      id: 45,
      status: 'running',
      environment: 'production',
      startedAt: ago(0, 2),
      finishedAt: ago(0, 1),
    }),
  );
  project.shipped.set(41, [101]);
  project.shipped.set(43, [101]);
  project.shipped.set(44, [102]);
}

async function startBackend(
  databaseId: TestDatabaseId,
  options: {
    gitlab?: JsonObject | null;
    integrations?: JsonObject[];
    entities?: Entity[];
  } = {},
) {
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleGitlab],
    databases,
    databaseId,
    entities: options.entities ?? defaultEntities,
    config: {
      integrations: {
        gitlab: options.integrations ?? [{ host: 'gitlab.com', token: TOKEN }],
      },
      delivery:
        options.gitlab === null
          ? {}
          : {
              gitlab: {
                backfillDays: 90,
                webhookToken: WEBHOOK_TOKEN,
                retry: { baseDelayMs: 10, timeoutMs: 300, retries: 2 },
                ...options.gitlab,
              },
            },
    },
  });
  const { server, knex, get } = backend;
  const tasks = backend.scheduler.tasks;
  const sync = () => backend.scheduler.run('delivery-gitlab-sync');
  const stored = async () => ({
    deployments: (
      await knex('delivery_deployments')
        .where({ source: 'gitlab' })
        .orderBy('id')
        .select('id', 'environment', 'status')
    ).map(row => `${row.id} ${row.environment} ${row.status}`),
    changes: (
      await knex('delivery_changes')
        .where({ source: 'gitlab' })
        .orderBy('id')
        .select('id')
    ).map(row => row.id),
  });
  const syncStatus = () => backend.syncStatus('gitlab', CHECKOUT);
  return { server, knex, tasks, sync, get, stored, syncStatus };
}

const allStored = {
  deployments: [
    'gitlab.com/deployments/41 production success',
    'gitlab.com/deployments/42 production failure',
    'gitlab.com/deployments/43 staging success',
    'gitlab.com/deployments/44 production success',
  ],
  changes: ['gitlab.com/merge_requests/101', 'gitlab.com/merge_requests/102'],
};

describe.each(databases.eachSupportedId())(
  'the GitLab module on %p',
  databaseId => {
    let gitlab: FakeGitLab;
    beforeEach(() => {
      gitlab = new FakeGitLab();
      seed(gitlab);
      msw.use(...gitlab.handlers());
    });

    it("fills the annotated entity's scorecard from deployments and merged merge requests", async () => {
      const { sync, get, stored, syncStatus } = await startBackend(databaseId);
      await sync();

      const { dora, calendar } = await get(
        '/entities/component/default/checkout-service/scorecard',
      );
      // Two successful production deployments in the last 30 days; the failed pipeline and the
      // staging deployment count for neither frequency nor change failure rate.
      expect(dora.deploymentFrequency.sampleSize).toBe(2);
      // Per working day of the last 30 days, however many weekdays they hold today.
      expect(dora.deploymentFrequency.value).toBeCloseTo(
        2 / calendar.workingDaysInWindow,
        10,
      );
      expect(dora.changeFailureRate.sampleSize).toBe(2);
      expect(dora.changeFailureRate.value).toBe(0);
      // First commits (earliest authored or committed date) to the first production finish.
      expect(dora.leadTime.sampleSize).toBe(2);
      expect(dora.leadTime.value).toBeCloseTo(30, 1);

      const records = await get(
        '/entities/component/default/checkout-service/records',
      );
      expect(
        records.changes.map(
          (c: { id: string; leadTimeHours: number; author: string }) => [
            c.id,
            c.leadTimeHours,
            c.author,
          ],
        ),
      ).toEqual(
        expect.arrayContaining([
          ['gitlab.com/merge_requests/101', 24, 'anna'],
          ['gitlab.com/merge_requests/102', 36, 'admin'],
        ]),
      );
      expect(await stored()).toEqual(allStored);

      const status = await syncStatus();
      expect(status).toMatchObject({
        provider: 'gitlab',
        entityRef: CHECKOUT,
        recordsSeen: 7,
        recordsSkipped: 0,
      });
      expect(status.lastSuccessAt).toBeDefined();
      expect(status.lastError).toBeUndefined();

      // The first sync reads the configured 90 days back, oldest update first.
      const [deploymentsRequest] = gitlab.requestsTo('/deployments');
      expect(
        Date.parse(deploymentsRequest.searchParams.get('updated_after')!),
      ).toBeCloseTo(Date.now() - 90 * 86_400_000, -5);
      expect(deploymentsRequest.searchParams.get('order_by')).toBe(
        'updated_at',
      );
      expect(deploymentsRequest.searchParams.get('sort')).toBe('asc');
      const [mergeRequestsRequest] = gitlab.requestsTo('/merge_requests');
      expect(mergeRequestsRequest.searchParams.get('state')).toBe('merged');
    });

    it('syncs incrementally from the newest update it has seen', async () => {
      const { sync, stored } = await startBackend(databaseId);
      await sync();
      gitlab.requests.length = 0;
      // The running deployment finishes: GitLab updates it, and the next sync stores it.
      const running = gitlab.project.deployments.find(d => d.id === 45)!;
      const newestSeen = running.updated_at;
      running.status = 'success';
      running.updated_at = ago(0);
      await sync();

      const [deploymentsRequest] = gitlab.requestsTo('/deployments');
      expect(deploymentsRequest.searchParams.get('updated_after')).toBe(
        newestSeen,
      );
      const [mergeRequestsRequest] = gitlab.requestsTo('/merge_requests');
      expect(mergeRequestsRequest.searchParams.get('updated_after')).toBe(
        gitlab.project.mergeRequests.find(mr => mr.id === 102)!.updated_at,
      );
      expect((await stored()).deployments).toEqual([
        ...allStored.deployments,
        'gitlab.com/deployments/45 production success',
      ]);
    });

    it('follows pagination and skips a malformed record, reporting it in the sync status', async () => {
      gitlab.pageSize = 2;
      gitlab.project.deployments.push({
        ...gitlabDeployment({
          id: 46,
          status: 'success',
          environment: 'production',
          startedAt: ago(2, 1),
          finishedAt: ago(2),
        }),
        environment: null as never,
      });
      gitlab.project.mergeRequests.push(
        gitlabMergeRequest({
          id: 103,
          iid: 3,
          createdAt: ago(3),
          mergedAt: null,
          updatedAt: ago(2),
        }),
      );
      const { sync, stored, syncStatus } = await startBackend(databaseId);
      await sync();

      expect(await stored()).toEqual(allStored);
      expect(
        gitlab
          .requestsTo('/deployments')
          .map(url => url.searchParams.get('page')),
      ).toEqual([null, '2', '3']);
      const status = await syncStatus();
      expect(status).toMatchObject({ recordsSeen: 9, recordsSkipped: 2 });
      expect(status.lastSkipped).toEqual([
        {
          id: 'gitlab.com/deployments/46',
          reason: expect.stringContaining('deployment: environment'),
        },
        {
          id: 'gitlab.com/merge_requests/103',
          reason: expect.stringContaining('merge request: merged_at'),
        },
      ]);
      expect(status.lastError).toBeUndefined();
    });

    it('waits out a 429, retries 5xx answers and timeouts, and stores everything', async () => {
      gitlab.fail(
        url => url.pathname.endsWith('/deployments'),
        () =>
          HttpResponse.json(
            { message: 'Retry later' },
            { status: 429, headers: { 'Retry-After': '1' } },
          ),
      );
      gitlab.fail(
        url => url.pathname.endsWith('/merge_requests/1/commits'),
        () =>
          HttpResponse.json({ message: '502 Bad Gateway' }, { status: 502 }),
      );
      gitlab.fail(
        url => url.pathname.endsWith('/deployments/44/merge_requests'),
        async () => {
          await delay(1000);
          return HttpResponse.json([]);
        },
      );
      const { sync, get, stored, syncStatus } = await startBackend(databaseId);
      const started = Date.now();
      await sync();

      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(await stored()).toEqual(allStored);
      expect(gitlab.requestsTo('/deployments')).toHaveLength(2);
      expect(gitlab.requestsTo('/merge_requests/1/commits')).toHaveLength(2);
      expect(gitlab.requestsTo('/deployments/44/merge_requests')).toHaveLength(
        2,
      );
      const { dora } = await get(
        '/entities/component/default/checkout-service/scorecard',
      );
      expect(dora.leadTime.sampleSize).toBe(2);
      expect((await syncStatus()).lastError).toBeUndefined();
    });

    it('resumes an interrupted sync from the last page it stored, without duplicates', async () => {
      gitlab.pageSize = 2;
      const secondPage = (url: URL) =>
        url.pathname.endsWith('/deployments') &&
        url.searchParams.get('page') === '2';
      gitlab.fail(
        secondPage,
        () => HttpResponse.json({ message: '500 Internal' }, { status: 500 }),
        3,
      );
      const { sync, stored, syncStatus } = await startBackend(databaseId);
      await sync();

      // Page 1 (oldest updates: 43 and 41) was stored before page 2 kept failing.
      expect((await stored()).deployments).toEqual([
        'gitlab.com/deployments/41 production success',
        'gitlab.com/deployments/43 staging success',
      ]);
      const failed = await syncStatus();
      expect(failed.lastError).toContain('answered 500 Internal Server Error');
      expect(failed.lastSuccessAt).toBeUndefined();

      gitlab.requests.length = 0;
      await sync();
      const [resumed] = gitlab.requestsTo('/deployments');
      expect(resumed.searchParams.get('updated_after')).toBe(
        gitlab.project.deployments.find(d => d.id === 41)!.updated_at,
      );
      expect(await stored()).toEqual(allStored);
      const recovered = await syncStatus();
      expect(recovered.lastSuccessAt).toBeDefined();
    });

    it('reads a self-managed instance through its integrations.gitlab entry', async () => {
      const selfManaged = new FakeGitLab({
        apiBaseUrl: 'https://git.northwind.example/api/v4',
        token: 'self-managed-token',
      });
      seed(selfManaged);
      msw.use(...selfManaged.handlers());
      const { sync, stored } = await startBackend(databaseId, {
        integrations: [
          {
            host: 'git.northwind.example',
            apiBaseUrl: 'https://git.northwind.example/api/v4',
            token: 'self-managed-token',
          },
        ],
        entities: [
          catalogComponent('checkout-service', {
            'gitlab.com/project-slug': 'northwind/checkout',
            'backstage.io/source-location':
              'url:https://git.northwind.example/northwind/checkout/-/tree/main/',
          }),
        ],
      });
      await sync();

      expect(gitlab.requests).toHaveLength(0);
      expect(await stored()).toEqual({
        deployments: allStored.deployments.map(id =>
          id.replace('gitlab.com', 'git.northwind.example'),
        ),
        changes: allStored.changes.map(id =>
          id.replace('gitlab.com', 'git.northwind.example'),
        ),
      });
    });

    it('records a failure per entity and goes on with the next', async () => {
      const { sync, stored, get } = await startBackend(databaseId, {
        entities: [
          catalogComponent('checkout-service', {
            'gitlab.com/project-slug': 'northwind/checkout',
          }),
          catalogComponent('archived-service', {
            'gitlab.com/project-slug': 'northwind/archived',
          }),
        ],
      });
      await sync();
      expect(await stored()).toEqual(allStored);
      const { items } = await get('/sync-status?provider=gitlab');
      const archived = items.find(
        (s: { entityRef: string }) =>
          s.entityRef === 'component:default/archived-service',
      );
      expect(archived.lastError).toContain('404 Project Not Found');
    });

    it('stays out of the backend without delivery.gitlab', async () => {
      const { server, get, tasks } = await startBackend(databaseId, {
        gitlab: null,
      });
      expect((await get('/health')).providers).not.toContain('gitlab');
      expect(tasks.map(t => t.id)).not.toContain('delivery-gitlab-sync');
      const response = await request(server)
        .post('/api/delivery/webhooks/gitlab')
        .set('X-Gitlab-Token', WEBHOOK_TOKEN)
        .send({});
      expect(response.status).toBe(404);
    });

    describe('webhook', () => {
      const project = {
        id: 3,
        name: 'checkout',
        description: '',
        web_url: 'https://gitlab.com/northwind/checkout',
        avatar_url: null,
        git_ssh_url: 'git@gitlab.com:northwind/checkout.git',
        git_http_url: 'https://gitlab.com/northwind/checkout.git',
        namespace: 'Northwind',
        visibility_level: 0,
        path_with_namespace: 'northwind/checkout',
        default_branch: 'main',
        ci_config_path: '',
        homepage: 'https://gitlab.com/northwind/checkout',
        url: 'git@gitlab.com:northwind/checkout.git',
        ssh_url: 'git@gitlab.com:northwind/checkout.git',
        http_url: 'https://gitlab.com/northwind/checkout.git',
      };
      const deploymentHook = (status: string, deploymentId = 44) => ({
        object_kind: 'deployment',
        status,
        status_changed_at: '2026-11-21 10:20:00 +0100',
        deployment_id: deploymentId,
        deployable_id: 644,
        deployable_url: 'https://gitlab.com/northwind/checkout/-/jobs/644',
        environment: 'production',
        environment_tier: 'production',
        environment_slug: 'production',
        environment_external_url: 'https://checkout.example.com',
        project,
        short_sha: '279484c0',
        user: {
          id: 1,
          name: 'Administrator',
          username: 'root',
          avatar_url: null,
          email: 'admin@example.com',
        },
        user_url: 'https://gitlab.com/root',
        commit_url:
          'https://gitlab.com/northwind/checkout/-/commit/279484c09fbe69ededfced8c1bb6e6d24616b468',
        commit_title: 'Add new file',
      });
      const mergeRequestHook = (action: string) => ({
        object_kind: 'merge_request',
        event_type: 'merge_request',
        user: { id: 1, name: 'Administrator', username: 'root' },
        project,
        object_attributes: {
          id: 102,
          iid: 2,
          target_branch: 'main',
          source_branch: 'change-2',
          author_id: 51,
          title: 'Change 2',
          created_at: '2026-11-19 08:00:00 UTC',
          updated_at: '2026-11-20 09:00:00 UTC',
          state: action === 'merge' ? 'merged' : 'opened',
          url: 'https://gitlab.com/northwind/checkout/-/merge_requests/2',
          last_commit: {
            id: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
            message: 'fixed readme',
            title: 'Update file README.md',
            timestamp: '2026-11-19T10:00:00+02:00',
          },
          action,
        },
      });

      const post = (
        server: Awaited<ReturnType<typeof startBackend>>['server'],
        body: object,
        headers: Record<string, string>,
      ) =>
        request(server)
          .post('/api/delivery/webhooks/gitlab')
          .set('Content-Type', 'application/json')
          .set(headers)
          .send(JSON.stringify(body));

      it('stores a finished deployment with the merge requests the API names, and refuses a replay', async () => {
        const { server, stored, knex } = await startBackend(databaseId);
        const headers = {
          'X-Gitlab-Event': 'Deployment Hook',
          'X-Gitlab-Token': WEBHOOK_TOKEN,
          'X-Gitlab-Event-UUID': '7d6b5c1e-1111-4c1e-9b6e-000000000001',
        };
        const first = await post(server, deploymentHook('success'), headers);
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ received: 1, inserted: 1, updated: 0 });
        expect((await stored()).deployments).toEqual([
          'gitlab.com/deployments/44 production success',
        ]);
        const links = await knex('delivery_deployment_changes')
          .where({ source: 'gitlab' })
          .select('deployment_id', 'change_id');
        expect(links).toEqual([
          {
            deployment_id: 'gitlab.com/deployments/44',
            change_id: 'gitlab.com/merge_requests/102',
          },
        ]);

        const replay = await post(server, deploymentHook('success'), headers);
        expect(replay.status).toBe(409);
      });

      it('stores the hook itself when the API cannot complete it', async () => {
        gitlab.fail(
          url => url.pathname.endsWith('/deployments/77'),
          () =>
            HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
        );
        const { server, get } = await startBackend(databaseId);
        const response = await post(server, deploymentHook('failed', 77), {
          'X-Gitlab-Event': 'Deployment Hook',
          'X-Gitlab-Token': WEBHOOK_TOKEN,
          'X-Gitlab-Webhook-UUID': 'webhook-uuid-77',
        });
        expect(response.status).toBe(200);
        const records = await get(
          '/entities/component/default/checkout-service/records?from=2026-11-01&to=2026-12-01',
        );
        expect(records.deployments).toEqual([
          expect.objectContaining({
            id: 'gitlab.com/deployments/77',
            status: 'failure',
            environment: 'production',
            finishedAt: '2026-11-21T09:20:00.000Z',
            url: 'https://gitlab.com/northwind/checkout/-/jobs/644',
          }),
        ]);
      });

      it('stores a merge with its first commit from the API and ignores other actions', async () => {
        const { server, knex } = await startBackend(databaseId);
        const headers = (uuid: string) => ({
          'X-Gitlab-Event': 'Merge Request Hook',
          'X-Gitlab-Token': WEBHOOK_TOKEN,
          'X-Gitlab-Event-UUID': uuid,
        });
        const opened = await post(
          server,
          mergeRequestHook('open'),
          headers('mr-open'),
        );
        expect(opened.status).toBe(202);
        expect(opened.body.ignored).toBe(
          'merge request action open is not a merge',
        );

        const merged = await post(
          server,
          mergeRequestHook('merge'),
          headers('mr-merge'),
        );
        expect(merged.status).toBe(200);
        const [change] = await knex('delivery_changes').where({
          source: 'gitlab',
        });
        expect(change.id).toBe('gitlab.com/merge_requests/102');
        expect(change.author).toBe('admin');
        // bigint milliseconds: a string on PostgreSQL, a number on SQLite
        expect(new Date(Number(change.first_commit_at)).toISOString()).toBe(
          gitlab.project.commits.get(2)![0].authored_date,
        );
      });

      it.each([
        ['a wrong', { 'X-Gitlab-Token': 'not-the-secret' }],
        ['no', {}],
      ])(
        'answers 401 and stores nothing for %s token',
        async (_, tokenHeader) => {
          const { server, stored } = await startBackend(databaseId);
          const response = await post(server, deploymentHook('success'), {
            'X-Gitlab-Event': 'Deployment Hook',
            'X-Gitlab-Event-UUID': 'uuid-401',
            ...tokenHeader,
          });
          expect(response.status).toBe(401);
          expect(await stored()).toEqual({ deployments: [], changes: [] });
          expect(gitlab.requests).toHaveLength(0);
        },
      );

      it('ignores running deployments, other events and projects no entity names', async () => {
        const { server, stored } = await startBackend(databaseId);
        const send = (body: object, event: string, uuid: string) =>
          post(server, body, {
            'X-Gitlab-Event': event,
            'X-Gitlab-Token': WEBHOOK_TOKEN,
            'X-Gitlab-Event-UUID': uuid,
          });
        expect(
          (await send(deploymentHook('running'), 'Deployment Hook', 'u1')).body,
        ).toEqual({ ignored: 'deployment status running is not final' });
        expect(
          (await send({ object_kind: 'push' }, 'Push Hook', 'u2')).body,
        ).toEqual({ ignored: 'event Push Hook is not stored' });
        const elsewhere = {
          ...deploymentHook('success'),
          project: { ...project, path_with_namespace: 'northwind/other' },
        };
        expect(
          (await send(elsewhere, 'Deployment Hook', 'u3')).body.ignored,
        ).toBe(
          'no entity is annotated with gitlab.com/project-slug: northwind/other on gitlab.com',
        );
        expect(await stored()).toEqual({ deployments: [], changes: [] });
      });
    });
  },
);
