import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import {
  catalogComponent,
  setupProviderMswServer,
  startProviderTestBackend,
} from '@delivery-insights/backstage-plugin-delivery-node/testUtils';
import { HttpResponse } from 'msw';
import {
  FakeIssue,
  FakeJira,
  jiraDaysAgo,
  SPRINT_FIELD,
  STORY_POINTS_FIELD,
} from './__testUtils__/fakeJira';
import { JIRA_SYNC_TASK_ID } from './JiraProvider';
import { deliveryModuleJira } from './module';

jest.setTimeout(120_000);

const CLOUD_URL = 'https://northwind.atlassian.net';
const EMAIL = 'delivery-bot@northwind.example';
const API_TOKEN = 'ATATT3xFfGF0-cloud-token';
const CLOUD_AUTH = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString(
  'base64',
)}`;
const DC_URL = 'https://jira.northwind.example/jira';
const PAT = 'NjM5MDc2-dc-personal-access-token';
const DAY_MS = 86_400_000;

const msw = setupProviderMswServer();
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ms = (jiraTime: string) =>
  Date.parse(jiraTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

const issue = (
  number: number,
  type: string,
  options: Partial<FakeIssue> & { created: string; updated: string },
): FakeIssue => ({
  id: String(10000 + number),
  key: `SHOP-${number}`,
  project: 'SHOP',
  type,
  status: 'todo',
  moves: [],
  ...options,
});

/** The test's now, fixed so that a time means the same instant in the seed and the checks. */
let now = Date.now();
const d = (days: number) => jiraDaysAgo(days, now);

/** Sprint 11 (closed, 21 to 7 days ago) and sprint 12 (active since 7 days, a week to go). */
function seed(jira: FakeJira) {
  jira.boards.set('SHOP', [1]);
  jira.sprints = [
    {
      id: 11,
      name: 'SHOP Sprint 11',
      state: 'closed',
      startDate: d(21),
      endDate: d(7),
      completeDate: d(7),
      boardId: 1,
    },
    {
      id: 12,
      name: 'SHOP Sprint 12',
      state: 'active',
      startDate: d(7),
      endDate: d(-7),
      boardId: 1,
    },
  ];
  jira.issues = [
    issue(1, 'Story', {
      created: d(20),
      updated: d(12),
      status: 'done',
      moves: [
        { at: d(15), to: 'inProgress' },
        { at: d(14), to: 'inReview' },
        { at: d(12), to: 'done' },
      ],
      points: 5,
      sprints: [11],
    }),
    issue(2, 'Bug', {
      created: d(10),
      updated: d(8),
      status: 'done',
      moves: [
        { at: d(9), to: 'inProgress' },
        { at: d(8), to: 'done' },
      ],
      labels: ['production'],
      sprints: [11],
    }),
    // Not finished in sprint 11, carried over and completed in sprint 12.
    issue(3, 'Story', {
      created: d(18),
      updated: d(3),
      status: 'done',
      moves: [
        { at: d(10), to: 'inProgress' },
        { at: d(3), to: 'done' },
      ],
      points: 8,
      sprints: [11, 12],
    }),
    // Reopened: open again.
    issue(4, 'Bug', {
      created: d(7),
      updated: d(2),
      status: 'inProgress',
      moves: [
        { at: d(6), to: 'inProgress' },
        { at: d(5), to: 'done' },
        { at: d(2), to: 'inProgress' },
      ],
      sprints: [12],
    }),
    // Closed without work, reopened, worked on and closed again.
    issue(5, 'Task', {
      created: d(11),
      updated: d(1),
      status: 'closed',
      moves: [
        { at: d(9), to: 'done' },
        { at: d(6), to: 'todo' },
        { at: d(4), to: 'inProgress' },
        { at: d(1), to: 'closed' },
      ],
      points: 2,
      sprints: [12],
    }),
    issue(6, 'Epic', { created: d(30), updated: d(6) }),
    // Edited three times before work started: its status moves are past the embedded changelog.
    issue(7, 'Story', {
      created: d(16),
      updated: d(11),
      status: 'done',
      noise: 3,
      moves: [
        { at: d(13), to: 'inProgress' },
        { at: d(11), to: 'done' },
      ],
      points: 3,
      sprints: [11],
    }),
    // Last updated before the backfill.
    issue(8, 'Story', { created: d(200), updated: d(150) }),
    {
      ...issue(9, 'Story', { created: d(3), updated: d(1) }),
      key: 'PAY-9',
      project: 'PAY',
    },
  ];
}

async function startBackend(
  databaseId: TestDatabaseId,
  options: { jira?: JsonObject | null; entities?: Entity[] } = {},
) {
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleJira],
    databases,
    databaseId,
    entities: options.entities ?? [
      catalogComponent('checkout', { 'jira/project-key': 'SHOP' }),
      catalogComponent('docs'),
    ],
    config: {
      delivery:
        options.jira === null
          ? {}
          : {
              jira: {
                baseUrl: CLOUD_URL,
                ...(options.jira?.personalAccessToken
                  ? {}
                  : { email: EMAIL, apiToken: API_TOKEN }),
                backfillDays: 90,
                retry: { retries: 2, baseDelayMs: 10, timeoutMs: 1000 },
                ...options.jira,
              },
            },
    },
  });
  const workItems = async (entityRef = 'component:default/checkout') =>
    (
      await backend
        .knex('delivery_work_items')
        .where({ source: 'jira', entity_ref: entityRef })
        .orderBy('id')
    ).map(row => ({
      id: row.id,
      kind: row.kind,
      createdAt: Number(row.created_at),
      startedAt: row.started_at === null ? null : Number(row.started_at),
      completedAt: row.completed_at === null ? null : Number(row.completed_at),
      sprint: row.sprint,
      sprintStartedAt:
        row.sprint_started_at === null ? null : Number(row.sprint_started_at),
      sprintEndsAt:
        row.sprint_ends_at === null ? null : Number(row.sprint_ends_at),
      sprintCompletedAt:
        row.sprint_completed_at === null
          ? null
          : Number(row.sprint_completed_at),
      points: row.points === null ? null : Number(row.points),
      escaped: Boolean(row.escaped),
    }));
  return {
    ...backend,
    sync: () => backend.scheduler.run(JIRA_SYNC_TASK_ID),
    workItems,
    status: (name: string) =>
      backend.syncStatus('jira', `component:default/${name}`),
  };
}

describe.each(databases.eachSupportedId())(
  'the Jira module on %p',
  databaseId => {
    let jira: FakeJira;
    beforeEach(() => {
      now = Date.now();
      jira = new FakeJira(CLOUD_URL, 'cloud', CLOUD_AUTH);
      seed(jira);
      msw.use(...jira.handlers());
    });

    it('turns the issues of Jira Cloud into work items with flow times, points, sprints and production bugs, page by page', async () => {
      jira.maxPageSize = 3;
      jira.embeddedChangelog = 3;
      const backend = await startBackend(databaseId);
      const startedAt = Date.now();
      await backend.sync();

      const sprint11 = {
        sprint: 'SHOP Sprint 11',
        sprintStartedAt: ms(d(21)),
        sprintEndsAt: ms(d(7)),
        sprintCompletedAt: ms(d(7)),
      };
      const sprint12 = {
        sprint: 'SHOP Sprint 12',
        sprintStartedAt: ms(d(7)),
        sprintEndsAt: ms(d(-7)),
        sprintCompletedAt: null,
      };
      expect(await backend.workItems()).toEqual([
        {
          id: 'SHOP-1',
          kind: 'story',
          createdAt: ms(d(20)),
          startedAt: ms(d(15)),
          completedAt: ms(d(12)),
          ...sprint11,
          points: 5,
          escaped: false,
        },
        {
          id: 'SHOP-2',
          kind: 'bug',
          createdAt: ms(d(10)),
          startedAt: ms(d(9)),
          completedAt: ms(d(8)),
          ...sprint11,
          points: null,
          escaped: true,
        },
        {
          id: 'SHOP-3',
          kind: 'story',
          createdAt: ms(d(18)),
          startedAt: ms(d(10)),
          completedAt: ms(d(3)),
          ...sprint12,
          points: 8,
          escaped: false,
        },
        {
          id: 'SHOP-4',
          kind: 'bug',
          createdAt: ms(d(7)),
          startedAt: ms(d(6)),
          completedAt: null,
          ...sprint12,
          points: null,
          escaped: false,
        },
        {
          id: 'SHOP-5',
          kind: 'task',
          createdAt: ms(d(11)),
          startedAt: ms(d(4)),
          completedAt: ms(d(1)),
          ...sprint12,
          points: 2,
          escaped: false,
        },
        {
          id: 'SHOP-7',
          kind: 'story',
          createdAt: ms(d(16)),
          startedAt: ms(d(13)),
          completedAt: ms(d(11)),
          ...sprint11,
          points: 3,
          escaped: false,
        },
      ]);

      // Three pages of three issues at most, by nextPageToken, oldest update first.
      const searches = jira.searches();
      expect(searches).toHaveLength(3);
      expect(
        searches.map(url => url.searchParams.has('nextPageToken')),
      ).toEqual([false, true, true]);
      const jql = searches[0].searchParams.get('jql')!;
      expect(jql).toMatch(
        /^\(project = "SHOP"\) AND updated >= "\d{4}-\d{2}-\d{2} \d{2}:\d{2}" ORDER BY updated ASC$/,
      );
      const since = Date.parse(
        `${jql
          .match(/"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})"/)!
          .slice(1)
          .join('T')}:00Z`,
      );
      // 90 days of backfill and the day of overlap for the user's time zone.
      expect(Math.abs(since - (startedAt - 91 * DAY_MS))).toBeLessThan(
        2 * 60_000,
      );
      expect(searches[0].pathname).toBe('/rest/api/3/search/jql');
      expect(searches[0].searchParams.get('expand')).toBe('changelog');
      expect(searches[0].searchParams.get('fields')!.split(',')).toEqual(
        expect.arrayContaining([STORY_POINTS_FIELD, SPRINT_FIELD, 'status']),
      );
      // The changelogs cut after three entries (SHOP-7: 5, SHOP-5: 4) are paged separately,
      // three entries per page; SHOP-7's status moves are only there.
      expect(
        jira
          .requestsTo('/changelog')
          .map(url => [url.pathname, url.searchParams.get('startAt')]),
      ).toEqual([
        ['/rest/api/3/issue/10007/changelog', '0'],
        ['/rest/api/3/issue/10007/changelog', '3'],
        ['/rest/api/3/issue/10005/changelog', '0'],
        ['/rest/api/3/issue/10005/changelog', '3'],
      ]);
      expect(jira.requestsTo('/board')).toHaveLength(1);

      const { flow, quality } = await backend.get(
        '/entities/component/default/checkout/scorecard',
      );
      expect(flow.cycleTime.sampleSize).toBe(5);
      // Sprint 11: 5 + 0 + 3 points, sprint 12: 8 + 2.
      expect(flow.velocityPredictability.sampleSize).toBe(2);
      expect(flow.velocityPredictability.value).toBeCloseTo(1 / 9, 5);
      expect(quality.defectEscapeRate).toMatchObject({
        value: 0.5,
        sampleSize: 2,
      });
      expect(await backend.status('checkout')).toMatchObject({
        recordsSeen: 7,
        recordsSkipped: 0,
        lastSuccessAt: expect.any(String),
      });
    });

    it('goes on from the newest update it stored, less a day for the time zone', async () => {
      const backend = await startBackend(databaseId);
      await backend.sync();
      const newest = ms(d(1));
      const shop4 = jira.issues.find(item => item.key === 'SHOP-4')!;
      shop4.status = 'done';
      shop4.updated = d(0);
      shop4.moves.push({ at: d(0), to: 'done' });
      jira.requests.length = 0;
      await backend.sync();

      const jql = jira.searches()[0].searchParams.get('jql')!;
      const dayBefore = new Date(newest - DAY_MS).toISOString();
      expect(jql).toContain(
        `updated >= "${dayBefore.slice(0, 10)} ${dayBefore.slice(11, 16)}"`,
      );
      const reopened = (await backend.workItems()).find(
        item => item.id === 'SHOP-4',
      );
      expect(reopened).toMatchObject({
        startedAt: ms(d(6)),
        completedAt: ms(shop4.updated),
      });
      expect(await backend.workItems()).toHaveLength(6);
    });

    it('waits out a 429 for its Retry-After and records a refused JQL on its entity only, without the token', async () => {
      let limited = false;
      jira.intercept = url => {
        const jql = url.searchParams.get('jql') ?? '';
        if (url.pathname.endsWith('/search/jql') && !limited) {
          limited = true;
          return HttpResponse.json(
            { errorMessages: ['Rate limit exceeded.'], errors: {} },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        if (jql.includes('teem')) {
          return HttpResponse.json(
            {
              errorMessages: [
                "Field 'teem' does not exist or you do not have permission to view it.",
              ],
              warningMessages: [],
            },
            { status: 400 },
          );
        }
        return undefined;
      };
      const backend = await startBackend(databaseId, {
        entities: [
          catalogComponent('checkout', { 'jira/project-key': 'SHOP' }),
          catalogComponent('payments', {
            'delivery-insights.io/jira-jql': 'teem = Kestrel',
          }),
        ],
      });
      const startedAt = Date.now();
      await backend.sync();

      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
      expect(await backend.workItems()).toHaveLength(6);
      const failed = await backend.status('payments');
      expect(failed.lastError).toBe(
        "GET https://northwind.atlassian.net/rest/api/3/search/jql answered 400 Bad Request: Field 'teem' does not exist or you do not have permission to view it.",
      );
      expect(failed.lastError).not.toContain(API_TOKEN);
      expect((await backend.status('checkout')).lastError).toBeUndefined();
    });

    it('reads Jira Data Center with a personal access token: REST API v2 pages by startAt, sprint strings, production bugs by field and JQL', async () => {
      const dataCenter = new FakeJira(DC_URL, 'dataCenter', `Bearer ${PAT}`);
      seed(dataCenter);
      dataCenter.maxPageSize = 4;
      for (const item of dataCenter.issues) {
        item.labels = [];
        item.components = item.key === 'SHOP-6' ? [] : ['Checkout'];
      }
      dataCenter.issues.find(item => item.key === 'SHOP-2')!.foundIn =
        'Production';
      dataCenter.customClauses.set(
        'priority = Blocker',
        item => item.key === 'SHOP-4',
      );
      msw.use(...dataCenter.handlers());
      const backend = await startBackend(databaseId, {
        jira: {
          baseUrl: DC_URL,
          personalAccessToken: PAT,
          productionBugs: {
            field: 'Found in',
            jql: 'priority = Blocker',
          },
          issueTypes: { Task: 'ignore' },
        },
        entities: [
          catalogComponent('checkout', {
            'jira/project-key': 'SHOP',
            'jira/component': 'Checkout',
          }),
        ],
      });
      await backend.sync();

      const items = await backend.workItems();
      expect(items.map(item => [item.id, item.escaped, item.sprint])).toEqual([
        ['SHOP-1', false, 'SHOP Sprint 11'],
        ['SHOP-2', true, 'SHOP Sprint 11'],
        ['SHOP-3', false, 'SHOP Sprint 12'],
        ['SHOP-4', true, 'SHOP Sprint 12'],
        ['SHOP-7', false, 'SHOP Sprint 11'],
      ]);
      expect(items.find(item => item.id === 'SHOP-7')!.startedAt).toBe(
        ms(d(13)),
      );
      expect(jira.requests).toHaveLength(0);
      const searches = dataCenter.searches();
      expect(
        searches.every(url => url.pathname === '/jira/rest/api/2/search'),
      ).toBe(true);
      const main = searches.filter(url =>
        url.searchParams.get('expand')?.includes('changelog'),
      );
      expect(main.map(url => url.searchParams.get('startAt'))).toEqual([
        '0',
        '4',
      ]);
      expect(main[0].searchParams.get('jql')).toContain(
        '(project = "SHOP" AND component = "Checkout")',
      );
      expect(
        searches.some(url =>
          url.searchParams
            .get('jql')!
            .includes('AND (priority = Blocker)) AND updated >='),
        ),
      ).toBe(true);
      expect(dataCenter.requestsTo('/changelog')).toHaveLength(0);
    });

    it("takes the sprint field's own dates when the project's boards cannot be read", async () => {
      jira.intercept = url =>
        url.pathname === '/rest/agile/1.0/board'
          ? HttpResponse.json(
              {
                errorMessages: [
                  'The requested board cannot be viewed because it either does not exist or you do not have permission to view it.',
                ],
                errors: {},
              },
              { status: 403 },
            )
          : undefined;
      const backend = await startBackend(databaseId);
      await backend.sync();

      const items = await backend.workItems();
      expect(items.find(item => item.id === 'SHOP-3')).toMatchObject({
        sprint: 'SHOP Sprint 12',
        sprintStartedAt: ms(d(7)),
        sprintEndsAt: ms(d(-7)),
      });
      expect(items).toHaveLength(6);
      expect(jira.requestsTo('/sprint')).toHaveLength(0);
      expect((await backend.status('checkout')).lastError).toBeUndefined();
    });

    it('stays out of the backend without delivery.jira', async () => {
      const backend = await startBackend(databaseId, { jira: null });
      expect((await backend.get('/health')).providers).not.toContain('jira');
      expect(backend.scheduler.tasks.map(task => task.id)).not.toContain(
        JIRA_SYNC_TASK_ID,
      );
    });
  },
);
