import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import { hmacSha256Hex } from '@delivery-insights/backstage-plugin-delivery-node';
import {
  setupProviderMswServer,
  startProviderTestBackend,
} from '@delivery-insights/backstage-plugin-delivery-node/testUtils';
import request from 'supertest';
import {
  DAY_MS,
  fakeGithub,
  FakeRepository,
  FaultPlan,
  HOUR_MS,
  pullJson,
  runJson,
  deploymentJson,
  deploymentStatusJson,
} from './__testUtils__/fakeGithub';
import { deliveryModuleGithub } from './module';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const server = setupProviderMswServer();

const SECRET = 'gh-webhook-secret';
const ENTITY_REF = 'component:default/shop-service';
/** Day 0 of the scenario, 40 days ago at midnight UTC; the scorecard window is 30 days from it. */
const DAY0 = Math.floor((Date.now() - 40 * DAY_MS) / DAY_MS) * DAY_MS;
const at = (day: number, hour = 0) => DAY0 + day * DAY_MS + hour * HOUR_MS;
const WINDOW = `from=${new Date(DAY0).toISOString()}&to=${new Date(
  DAY0 + 30 * DAY_MS,
).toISOString()}`;

const shopEntity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop-service',
    namespace: 'default',
    annotations: {
      'github.com/project-slug': 'acme/shop',
      'delivery-insights.io/production-environments': 'prod',
      ...annotations,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

/**
 * PR 1 shipped by D1 (no earlier deployment), PR 2 by D3 after the failed D2, PR 3 by D4, which
 * D5 rolled back by deploying D3's commit again. PR 4 was closed unmerged, PR 5 merged elsewhere.
 */
function scenario(): FakeRepository {
  return {
    owner: 'acme',
    repo: 'shop',
    pulls: [
      {
        number: 1,
        createdAt: at(1, 12),
        firstCommitAt: at(1, 10),
        mergedAt: at(2, 10),
        updatedAt: at(2, 10),
        mergeSha: 'm1',
      },
      {
        number: 2,
        createdAt: at(4, 1),
        firstCommitAt: at(4),
        mergedAt: at(4, 12),
        updatedAt: at(4, 12),
        mergeSha: 'm2',
      },
      {
        number: 3,
        createdAt: at(5, 1),
        firstCommitAt: at(5),
        mergedAt: at(6),
        updatedAt: at(6, 1),
        mergeSha: 'm3',
      },
      {
        number: 4,
        createdAt: at(5, 2),
        firstCommitAt: at(5),
        mergedAt: null,
        updatedAt: at(6, 2),
        mergeSha: 'x4',
      },
      {
        number: 5,
        createdAt: at(5, 3),
        firstCommitAt: at(5),
        mergedAt: at(6, 3),
        updatedAt: at(6, 3),
        mergeSha: 'm5',
        base: 'release',
      },
    ],
    deployments: [
      {
        id: 101,
        sha: 's1',
        environment: 'prod',
        createdAt: at(3),
        statuses: [
          { state: 'inactive', at: at(5, 7) },
          { state: 'success', at: at(3, 1) },
        ],
      },
      {
        id: 102,
        sha: 's2',
        environment: 'prod',
        createdAt: at(5),
        statuses: [{ state: 'failure', at: at(5, 1) }],
      },
      {
        id: 103,
        sha: 's3',
        environment: 'prod',
        createdAt: at(5, 6),
        statuses: [
          { state: 'success', at: at(5, 7) },
          { state: 'in_progress', at: at(5, 6) },
        ],
      },
      {
        id: 104,
        sha: 's4',
        environment: 'prod',
        createdAt: at(7),
        statuses: [{ state: 'success', at: at(7, 1) }],
      },
      {
        id: 105,
        sha: 's3',
        environment: 'prod',
        createdAt: at(7, 5),
        statuses: [{ state: 'success', at: at(7, 6) }],
      },
      {
        id: 900,
        sha: 's4',
        environment: 'staging',
        createdAt: at(6),
        statuses: [{ state: 'success', at: at(6, 1) }],
      },
    ],
    runs: [],
    history: ['s0', 'm1', 's1', 's2', 'c2', 'm2', 's3', 'm3', 's4'],
  };
}

async function startBackend(
  databaseId: TestDatabaseId,
  options: {
    entities?: Entity[];
    github?: JsonObject;
    integrations?: JsonObject;
  } = {},
) {
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleGithub],
    databases,
    databaseId,
    entities: options.entities ?? [shopEntity()],
    config: {
      integrations: options.integrations ?? {
        github: [{ host: 'github.com', token: 'ghp_test_token' }],
      },
      delivery: {
        github: {
          backfillDays: 90,
          webhookSecret: SECRET,
          retry: { baseDelayMs: 1, retries: 2, timeoutMs: 500 },
          ...options.github,
        },
      },
    },
  });
  return {
    http: backend.server,
    knex: backend.knex,
    get: (path: string) => backend.get(`/${path}`),
    runSync: () => backend.scheduler.run('delivery-github-sync'),
  };
}

const records = (get: (path: string) => Promise<any>) =>
  get(`entities/component/default/shop-service/records?${WINDOW}`);
const changeIds = async (
  knex: Awaited<ReturnType<typeof startBackend>>['knex'],
) =>
  (await knex('delivery_changes').select('id').orderBy('id')).map(
    row => row.id,
  );
const syncStatus = async (get: (path: string) => Promise<any>) =>
  (await get(`sync-status?entityRef=${ENTITY_REF}&provider=github`)).items[0];

describe.each(databases.eachSupportedId())('the GitHub module on %p', id => {
  it('fills the scorecard from deployments and merged pull requests, over several pages', async () => {
    const repo = scenario();
    const github = fakeGithub(repo);
    server.use(...github.handlers);
    const { get, runSync } = await startBackend(id);
    await runSync();

    const { dora, calendar } = await get(
      `entities/component/default/shop-service/scorecard?${WINDOW}`,
    );
    // D1, D3, D4 (rolled back by D5) and D5 reached production; D2 failed, staging is not counted.
    expect(dora.deploymentFrequency.sampleSize).toBe(4);
    // Per working day of the window's 30 days, however many weekdays they hold.
    expect(dora.deploymentFrequency.value).toBeCloseTo(
      4 / calendar.workingDaysInWindow,
      10,
    );
    // PR 1: day 1 10:00 → D1 day 3 01:00 = 39 h; PR 2: day 4 → D3 day 5 07:00 = 31 h;
    // PR 3: day 5 → D4 day 7 01:00 = 49 h.
    expect(dora.leadTime).toMatchObject({ value: 39, sampleSize: 3 });
    expect(dora.changeFailureRate).toMatchObject({
      value: 0.25,
      sampleSize: 4,
    });

    const { deployments } = await records(get);
    const byId = Object.fromEntries(
      deployments.map((d: any) => [d.id.split('@')[0], d]),
    );
    expect(byId['acme/shop/deployments/101'].changeIds).toEqual([
      `acme/shop/pull/1@${ENTITY_REF}`,
    ]);
    expect(byId['acme/shop/deployments/103']).toMatchObject({
      status: 'success',
      startedAt: new Date(at(5, 6)).toISOString(),
      finishedAt: new Date(at(5, 7)).toISOString(),
      changeIds: [`acme/shop/pull/2@${ENTITY_REF}`],
    });
    expect(byId['acme/shop/deployments/104'].status).toBe('rolled_back');
    expect(byId['acme/shop/deployments/102'].status).toBe('failure');
    expect(byId['acme/shop/deployments/900']).toBeUndefined();
    // Both pages of pull requests and deployments were read through the Link headers.
    expect(github.calls['pulls:2']).toBe(1);
    expect(github.calls['deployments:2']).toBe(1);
    expect(github.authorizations).toEqual(new Set(['token ghp_test_token']));

    const status = await syncStatus(get);
    expect(status).toMatchObject({ recordsSkipped: 0, provider: 'github' });
    expect(status.lastSuccessAt).toBeDefined();
  });

  it('syncs incrementally: a second run stores only what is new, without duplicates', async () => {
    const repo = scenario();
    const github = fakeGithub(repo);
    server.use(...github.handlers);
    const { get, runSync, knex } = await startBackend(id);
    await runSync();
    const pullCommitCalls = github.calls['commits:1'];

    repo.pulls.push({
      number: 6,
      createdAt: at(8),
      firstCommitAt: at(8),
      mergedAt: at(8, 2),
      updatedAt: at(8, 2),
      mergeSha: 'm6',
    });
    repo.history.push('m6', 's6');
    repo.deployments.push({
      id: 106,
      sha: 's6',
      environment: 'prod',
      createdAt: at(9),
      statuses: [{ state: 'success', at: at(9, 1) }],
    });
    await runSync();

    // PR 1 was not fetched again; the new deployment is based on D5 (commit s3).
    expect(github.calls['commits:1']).toBe(pullCommitCalls);
    expect(github.calls['compare:s3...s6']).toBe(1);
    const { deployments, changes } = await records(get);
    expect(deployments).toHaveLength(6);
    expect(changes).toHaveLength(4);
    const d106 = deployments.find((d: any) =>
      d.id.startsWith('acme/shop/deployments/106'),
    );
    // s3..s6 holds m3 (already shipped by the rolled-back D4) and m6.
    expect(d106.changeIds).toEqual([`acme/shop/pull/6@${ENTITY_REF}`]);
    expect(
      Number((await knex('delivery_changes').count({ n: '*' }))[0].n),
    ).toBe(4);
  });

  it('waits out a 429 with Retry-After and retries a 502 and a timeout', async () => {
    const faults: FaultPlan = {
      repo: ['429'],
      'statuses:103': ['502'],
      'commits:2': ['slow'],
    };
    const github = fakeGithub(scenario(), { faults });
    server.use(...github.handlers);
    const { get, runSync } = await startBackend(id);
    const started = Date.now();
    await runSync();
    // Retry-After: 1 was honoured rather than the 1 ms base delay.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(github.calls.repo).toBe(2);
    expect(github.calls['statuses:103']).toBe(2);
    expect(github.calls['commits:2']).toBe(2);
    const { dora } = await get(
      `entities/component/default/shop-service/scorecard?${WINDOW}`,
    );
    expect(dora.leadTime).toMatchObject({ value: 39, sampleSize: 3 });
  });

  it('skips a malformed pull request and reports it in the sync status', async () => {
    const repo = scenario();
    repo.pulls.push({
      number: 7,
      createdAt: at(6),
      firstCommitAt: at(6),
      mergedAt: at(6, 4),
      rawMergedAt: 'yesterday',
      updatedAt: at(6, 4),
      mergeSha: 'm7',
    });
    server.use(...fakeGithub(repo).handlers);
    const { get, runSync } = await startBackend(id);
    await runSync();

    const status = await syncStatus(get);
    expect(status.recordsSkipped).toBe(1);
    expect(status.lastSkipped).toEqual([
      {
        id: `acme/shop/pull/7@${ENTITY_REF}`,
        reason: 'merged_at is not a valid time: "yesterday"',
      },
    ]);
    expect(status.lastError).toBeUndefined();
    expect((await records(get)).changes).toHaveLength(3);
  });

  it('resumes an interrupted sync without duplicates', async () => {
    const faults: FaultPlan = { 'pulls:2': ['500', '500', '500'] };
    const github = fakeGithub(scenario(), { faults });
    server.use(...github.handlers);
    const { get, runSync, knex } = await startBackend(id);
    await runSync();

    const failed = await syncStatus(get);
    expect(failed.lastError).toMatch(/answered 500/);
    expect(failed.lastSuccessAt).toBeUndefined();
    // Page 1 (PRs 5, 4, 3 by update time) was stored before page 2 failed: PR 3 only is merged
    // into main.
    expect(await changeIds(knex)).toEqual([`acme/shop/pull/3@${ENTITY_REF}`]);

    await runSync();
    const resumed = await syncStatus(get);
    expect(resumed.lastSuccessAt).toBeDefined();
    const { deployments, changes } = await records(get);
    expect(changes).toHaveLength(3);
    expect(deployments).toHaveLength(5);
    expect(
      Number((await knex('delivery_changes').count({ n: '*' }))[0].n),
    ).toBe(3);
    const { dora } = await get(
      `entities/component/default/shop-service/scorecard?${WINDOW}`,
    );
    expect(dora.leadTime).toMatchObject({ value: 39, sampleSize: 3 });
  });

  it('reads deploy workflow runs of the default branch instead of deployments', async () => {
    const repo = scenario();
    repo.deployments = [];
    repo.runs = [
      {
        id: 501,
        workflowFile: 'deploy.yml',
        headSha: 's1',
        conclusion: 'success',
        createdAt: at(3),
        startedAt: at(3),
        updatedAt: at(3, 1),
      },
      {
        id: 502,
        workflowFile: 'deploy.yml',
        headSha: 's3',
        conclusion: 'failure',
        createdAt: at(5),
        startedAt: at(5),
        updatedAt: at(5, 1),
      },
      {
        id: 503,
        workflowFile: 'deploy.yml',
        headSha: 's3',
        conclusion: 'success',
        createdAt: at(5, 6),
        startedAt: at(5, 6),
        updatedAt: at(5, 7),
      },
      {
        id: 504,
        workflowFile: 'deploy.yml',
        headSha: 's4',
        conclusion: 'cancelled',
        createdAt: at(6),
        startedAt: at(6),
        updatedAt: at(6, 1),
      },
      {
        id: 505,
        workflowFile: 'deploy.yml',
        headSha: 's4',
        branch: 'feature',
        conclusion: 'success',
        createdAt: at(6),
        startedAt: at(6),
        updatedAt: at(6, 1),
      },
      {
        id: 506,
        workflowFile: 'ci.yml',
        headSha: 's4',
        conclusion: 'success',
        createdAt: at(6),
        startedAt: at(6),
        updatedAt: at(6, 1),
      },
    ];
    server.use(...fakeGithub(repo).handlers);
    const { get, runSync } = await startBackend(id, {
      entities: [
        shopEntity({ 'delivery-insights.io/deploy-workflow': 'deploy.yml' }),
      ],
    });
    await runSync();

    const { deployments } = await records(get);
    expect(
      deployments
        .map((d: any) => [d.id.split('@')[0], d.status, d.changeIds.length])
        .sort(),
    ).toEqual([
      ['acme/shop/actions/runs/501', 'success', 1],
      ['acme/shop/actions/runs/502', 'failure', 0],
      ['acme/shop/actions/runs/503', 'success', 1],
    ]);
    const { dora } = await get(
      `entities/component/default/shop-service/scorecard?${WINDOW}`,
    );
    // PR 1: 39 h; PR 2: day 4 → day 5 07:00 = 31 h.
    expect(dora.leadTime).toMatchObject({ value: 35, sampleSize: 2 });
    expect(dora.deploymentFrequency.sampleSize).toBe(2);
  });

  it('uses the GitHub Enterprise API base URL of the configured host', async () => {
    const github = fakeGithub(scenario(), {
      apiBaseUrl: 'https://ghe.example.com/api/v3',
    });
    server.use(...github.handlers);
    const { get, runSync } = await startBackend(id, {
      integrations: {
        github: [
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            token: 'ghe_token',
          },
        ],
      },
      github: { host: 'ghe.example.com' },
    });
    await runSync();
    expect(github.authorizations).toEqual(new Set(['token ghe_token']));
    expect((await records(get)).deployments).toHaveLength(5);
  });

  it('answers a backfill within the initial delay after startup with when the sync starts', async () => {
    server.use(...fakeGithub(scenario()).handlers);
    const { http } = await startBackend(id, {
      github: { schedule: { initialDelaySeconds: 600 } },
    });
    const requestedAt = Date.now();
    const response = await request(http)
      .post('/api/delivery/providers/github/backfill')
      .expect(202);
    expect(response.body).toMatchObject({
      provider: 'github',
      triggered: true,
    });
    const startsAt = Date.parse(response.body.startsAt);
    expect(startsAt).toBeGreaterThan(requestedAt + 590_000);
    expect(startsAt).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  describe('webhooks', () => {
    const post = (
      http: Awaited<ReturnType<typeof startBackend>>['http'],
      event: string,
      body: object,
      options: { delivery: string; secret?: string | null },
    ) => {
      const raw = Buffer.from(JSON.stringify(body));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': options.delivery,
      };
      if (options.secret !== null) {
        headers['x-hub-signature-256'] = `sha256=${hmacSha256Hex(
          options.secret ?? SECRET,
          raw,
        )}`;
      }
      return request(http)
        .post('/api/delivery/webhooks/github')
        .set(headers)
        .send(raw.toString('utf8'));
    };
    const repository = {
      id: 1296269,
      name: 'shop',
      full_name: 'acme/shop',
      default_branch: 'main',
      owner: { login: 'acme' },
    };

    it('stores a merged pull request with its first commit time, and refuses a replay', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo).handlers);
      const { http, knex } = await startBackend(id);
      const body = {
        action: 'closed',
        number: 2,
        pull_request: { ...pullJson(repo, repo.pulls[1]), merged: true },
        repository,
        sender: { login: 'octocat' },
      };
      const first = await post(http, 'pull_request', body, { delivery: 'd-1' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ received: 1, inserted: 1, updated: 0 });
      const rows = await knex('delivery_changes').select(
        'id',
        'first_commit_at',
        'merged_at',
        'author',
      );
      expect(
        rows.map(row => ({
          ...row,
          first_commit_at: Number(row.first_commit_at),
          merged_at: Number(row.merged_at),
        })),
      ).toEqual([
        {
          id: `acme/shop/pull/2@${ENTITY_REF}`,
          first_commit_at: at(4),
          merged_at: at(4, 12),
          author: 'octocat',
        },
      ]);

      const replay = await post(http, 'pull_request', body, {
        delivery: 'd-1',
      });
      expect(replay.status).toBe(409);
    });

    it('keeps the newer state of a pull request when an older payload arrives later', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo).handlers);
      const { http, knex } = await startBackend(id);
      const pull = { ...pullJson(repo, repo.pulls[1]), merged: true };
      const older = {
        action: 'closed',
        pull_request: {
          ...pull,
          title: 'Old title',
          updated_at: new Date(at(4, 12)).toISOString(),
        },
        repository,
      };
      const newer = {
        ...older,
        pull_request: {
          ...older.pull_request,
          title: 'New title',
          updated_at: new Date(at(5)).toISOString(),
        },
      };
      expect(
        (await post(http, 'pull_request', newer, { delivery: 'new-1' })).status,
      ).toBe(200);
      // GitHub retries the older delivery later, with a new delivery id.
      const late = await post(http, 'pull_request', older, {
        delivery: 'old-1',
      });
      expect(late.status).toBe(200);
      expect(late.body).toEqual({
        received: 1,
        inserted: 0,
        updated: 0,
        outdated: 1,
      });
      expect(await knex('delivery_changes').pluck('title')).toEqual([
        'New title',
      ]);
    });

    it('answers 401 and stores nothing for a bad or missing signature', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo).handlers);
      const { http, knex } = await startBackend(id);
      const body = {
        action: 'closed',
        pull_request: { ...pullJson(repo, repo.pulls[0]), merged: true },
        repository,
      };
      const bad = await post(http, 'pull_request', body, {
        delivery: 'd-2',
        secret: 'not-the-secret',
      });
      expect(bad.status).toBe(401);
      const missing = await post(http, 'pull_request', body, {
        delivery: 'd-3',
        secret: null,
      });
      expect(missing.status).toBe(401);
      expect(
        Number((await knex('delivery_changes').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it('answers 401 without naming its configuration when no webhook secret is configured', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo).handlers);
      const { http } = await startBackend(id, {
        github: { webhookSecret: undefined },
      });
      const response = await post(
        http,
        'pull_request',
        {
          action: 'closed',
          pull_request: { ...pullJson(repo, repo.pulls[1]), merged: true },
          repository,
        },
        { delivery: 'no-secret-1' },
      );
      expect(response.status).toBe(401);
      expect(response.body.error.message).toBe(
        'GitHub webhooks are not accepted by this backend',
      );
    });

    it('answers 400 naming the field and stores nothing for a signed payload of the wrong shape', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo).handlers);
      const { http, knex } = await startBackend(id);
      const pull = { ...pullJson(repo, repo.pulls[1]), merged: true };
      const d3 = repo.deployments[2];
      const status = deploymentStatusJson(repo, d3, d3.statuses[0], 0);
      const { id: _id, ...deploymentWithoutId } = deploymentJson(repo, d3);
      const cases: [string, unknown, RegExp][] = [
        ['pull_request', null, /body: /],
        [
          'pull_request',
          {
            action: 'closed',
            pull_request: { ...pull, merged_at: 'yesterday' },
            repository,
          },
          /pull_request\.merged_at: must be an ISO 8601 time/,
        ],
        [
          'deployment_status',
          {
            action: 'created',
            deployment_status: status,
            deployment: deploymentWithoutId,
            repository,
          },
          /deployment\.id: /,
        ],
        [
          'deployment_status',
          {
            action: 'created',
            deployment_status: status,
            deployment: { ...deploymentJson(repo, d3), created_at: 'soon' },
            repository,
          },
          /deployment\.created_at: must be an ISO 8601 time/,
        ],
      ];
      for (const [index, [event, body, message]] of cases.entries()) {
        const response = await post(http, event, body as object, {
          delivery: `bad-${index}`,
        });
        expect({ index, status: response.status }).toEqual({
          index,
          status: 400,
        });
        expect(response.body.error.name).toBe('InputError');
        expect(response.body.error.message).toMatch(message);
      }
      for (const table of ['delivery_changes', 'delivery_deployments']) {
        expect(Number((await knex(table).count({ n: '*' }))[0].n)).toBe(0);
      }
      // The refused delivery is forgotten: GitHub's redelivery of a fixed payload is stored.
      const retried = await post(
        http,
        'pull_request',
        { action: 'closed', pull_request: pull, repository },
        { delivery: 'bad-1' },
      );
      expect(retried.status).toBe(200);
    });

    it('stores a production deployment status linked to the pull requests it shipped', async () => {
      const repo = scenario();
      server.use(...fakeGithub(repo, { pageSize: 100 }).handlers);
      const { http, get } = await startBackend(id);
      const d3 = repo.deployments[2];
      const response = await post(
        http,
        'deployment_status',
        {
          action: 'created',
          deployment_status: deploymentStatusJson(repo, d3, d3.statuses[0], 0),
          deployment: deploymentJson(repo, d3),
          repository,
        },
        { delivery: 'd-4' },
      );
      expect(response.status).toBe(200);
      const [deployment] = (await records(get)).deployments;
      expect(deployment).toMatchObject({
        status: 'success',
        environment: 'production',
        changeIds: [`acme/shop/pull/2@${ENTITY_REF}`],
      });

      const staging = repo.deployments[5];
      const ignored = await post(
        http,
        'deployment_status',
        {
          action: 'created',
          deployment_status: deploymentStatusJson(
            repo,
            staging,
            staging.statuses[0],
            0,
          ),
          deployment: deploymentJson(repo, staging),
          repository,
        },
        { delivery: 'd-5' },
      );
      expect(ignored.status).toBe(202);
      expect(ignored.body.ignored).toMatch(/staging is not a production/);
      const ping = await post(
        http,
        'ping',
        { zen: 'Keep it logically awesome.', hook_id: 1 },
        { delivery: 'd-6' },
      );
      expect(ping.status).toBe(202);
    });

    it('stores a completed deploy workflow run', async () => {
      const repo = scenario();
      repo.runs = [
        {
          id: 501,
          workflowFile: 'deploy.yml',
          headSha: 's1',
          conclusion: 'success',
          createdAt: at(3),
          startedAt: at(3),
          updatedAt: at(3, 1),
        },
        {
          id: 503,
          workflowFile: 'deploy.yml',
          headSha: 's3',
          conclusion: 'success',
          createdAt: at(5, 6),
          startedAt: at(5, 6),
          updatedAt: at(5, 7),
        },
      ];
      server.use(...fakeGithub(repo, { pageSize: 100 }).handlers);
      const { http, get } = await startBackend(id, {
        entities: [
          shopEntity({ 'delivery-insights.io/deploy-workflow': 'deploy.yml' }),
        ],
      });
      const response = await post(
        http,
        'workflow_run',
        {
          action: 'completed',
          workflow_run: runJson(repo, repo.runs[1]),
          repository,
        },
        { delivery: 'd-7' },
      );
      expect(response.status).toBe(200);
      const [deployment] = (await records(get)).deployments;
      expect(deployment).toMatchObject({
        id: `acme/shop/actions/runs/503@${ENTITY_REF}`,
        changeIds: [`acme/shop/pull/2@${ENTITY_REF}`],
      });
    });
  });
});
