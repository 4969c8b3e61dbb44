import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { execFile } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { testDatabases } from './__testUtils__/startDeliveryBackend';
import { deliveryPlugin } from './plugin';

jest.setTimeout(60_000);

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../../examples/ci/deploy-gate.sh');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ALICE = 'user:default/alice'; // member of team-payments, the owner
const BOB = 'user:default/bob'; // no relation to the service
const LEAD = 'user:default/lead'; // may decide exceptions
const as = (user: string) => mockCredentials.user.header(user);

const slo = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  timeWindow:
    - duration: 30d
  objectives:
    - targetPercent: 99.9
`;

const service = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'delivery-insights.io/slos': slo, ...annotations },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
});

const entities: Entity[] = [
  service('payments'),
  service('ledger'),
  service('billing'),
  service('lenient', {
    'delivery-insights.io/error-budget-policy-warn-below': '10',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'no-slos', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  },
];

const hourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const fiveMinuteStart = Math.floor(Date.now() / 300_000) * 300_000;
let sampleSeq = 0;

/** One hourly SLI sample of the entity's availability SLO, `hoursAgo` hours before this hour. */
const sample = (
  entity: string,
  hoursAgo: number,
  good: number,
  total: number,
) => ({
  type: 'sliSample',
  source: 'test',
  id: `${entity}-${hoursAgo}-${(sampleSeq += 1)}`,
  entityRef: `component:default/${entity}`,
  slo: 'availability',
  timestamp: new Date(hourStart - hoursAgo * HOUR_MS).toISOString(),
  good,
  total,
});

async function startBackend(
  databaseId: Parameters<typeof testDatabases.init>[0],
  config: JsonObject = {},
  features: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  const knex = await testDatabases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const user = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: user,
            ownershipEntityRefs:
              user === ALICE ? [user, 'group:default/team-payments'] : [user],
          };
        },
      }).factory,
      mockServices.permissions.mock({
        authorize: async (requests, options) =>
          requests.map(({ permission }) => ({
            result:
              permission.name !== 'delivery.policy.exception' ||
              (options.credentials.principal as { userEntityRef?: string })
                .userEntityRef === LEAD
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      ...features,
    ],
  });
  const ingest = (events: object[]) =>
    request(server).post('/api/delivery/events').send({ events }).expect(200);
  const gate = async (entity: string, deploymentId?: string) => {
    const response = await request(server)
      .get(`/api/delivery/entities/component/default/${entity}/deploy-gate`)
      .query(deploymentId ? { deploymentId } : {});
    expect(response.status).toBe(200);
    return response.body;
  };
  const exceptionsPath = (entity: string) =>
    `/api/delivery/entities/component/default/${entity}/policy/exceptions`;
  return { server, knex, ingest, gate, exceptionsPath };
}

describe.each(testDatabases.eachSupportedId())(
  'error-budget policy on %p',
  databaseId => {
    it('moves between normal, warn and freeze as the budget is spent and diluted', async () => {
      const { ingest, gate } = await startBackend(databaseId);
      // Samples 10 days old: inside the 30-day window, outside every alert window.
      expect(await gate('payments')).toMatchObject({
        decision: 'allow',
        state: 'normal',
        slos: [
          {
            name: 'availability',
            remaining: null,
            alert: 'no_data',
            state: 'normal',
          },
        ],
        exception: null,
        policy: { warnBelowPercent: 25, auditDays: 365 },
      });

      // 750 bad of 1,000,000 against a 0.1 % budget: exactly 25 % left is not below 25 %.
      await ingest([sample('payments', 240, 999_250, 1_000_000)]);
      const quarter = await gate('payments');
      expect(quarter.slos[0].remaining).toBeCloseTo(0.25, 9);
      expect(quarter).toMatchObject({ state: 'normal', decision: 'allow' });

      // 50 more bad of 250 more: 800 of 1,000,250, 20 % left.
      await ingest([sample('payments', 239, 200, 250)]);
      const warned = await gate('payments');
      expect(warned).toMatchObject({
        state: 'warn',
        decision: 'warn',
        reasons: [
          {
            slo: 'availability',
            code: 'budget_low',
            message: expect.stringContaining('below 25 %'),
          },
        ],
      });

      // 300 more bad: 1,100 of 1,000,550, the budget is spent.
      await ingest([sample('payments', 238, 0, 300)]);
      const frozen = await gate('payments');
      expect(frozen).toMatchObject({ state: 'freeze', decision: 'block' });
      expect(frozen.reasons.map((r: { code: string }) => r.code)).toEqual([
        'budget_exhausted',
      ]);

      // Four million good events: 1,100 of 5,000,550, 22 % consumed.
      await ingest([sample('payments', 237, 4_000_000, 4_000_000)]);
      expect(await gate('payments')).toMatchObject({
        state: 'normal',
        decision: 'allow',
        reasons: [],
      });
    });

    it('warns on a ticket alert, freezes on a page alert, and applies the annotation threshold', async () => {
      const { ingest, gate } = await startBackend(databaseId);
      await ingest([
        // ledger: 2 % errors in the hour before the last, against 100 million good events 10 days
        // ago (80 % of the budget left): 3d and 6h burn above 1, the page rows' short windows are
        // clean → ticket.
        sample('ledger', 240, 100_000_000, 100_000_000),
        sample('ledger', 2, 980_000, 1_000_000),
        // billing: 2 % errors in the 5-minute buckets of the last 6 hours (99 % of the budget
        // left), every window burns at 20 → page.
        sample('billing', 240, 100_000_000, 100_000_000),
        ...Array.from({ length: 72 }, (_, i) => ({
          ...sample('billing', 0, 980, 1_000),
          timestamp: new Date(
            fiveMinuteStart - (i + 1) * 5 * 60_000,
          ).toISOString(),
        })),
        // lenient: 85 % of the budget spent 10 days ago: warn below 25 % would warn, 10 % does not.
        sample('lenient', 240, 999_150, 1_000_000),
      ]);
      const ledger = await gate('ledger');
      expect(ledger.slos[0].alert).toBe('ticket');
      expect(ledger).toMatchObject({ state: 'warn', decision: 'warn' });
      expect(ledger.reasons.map((r: { code: string }) => r.code)).toEqual([
        'ticket_alert',
      ]);

      const billing = await gate('billing');
      expect(billing.slos[0].alert).toBe('page');
      expect(billing).toMatchObject({ state: 'freeze', decision: 'block' });
      expect(billing.reasons.map((r: { code: string }) => r.code)).toEqual([
        'page_alert',
      ]);

      const lenient = await gate('lenient');
      expect(lenient.slos[0].remaining).toBeCloseTo(0.15, 9);
      expect(lenient).toMatchObject({
        state: 'normal',
        decision: 'allow',
        policy: { warnBelowPercent: 10 },
      });

      expect(await gate('no-slos')).toMatchObject({
        state: 'normal',
        decision: 'allow',
        slos: [],
        reasons: [{ code: 'no_slos' }],
      });
    });

    it('lets a deployment through a freeze once an owner requested and a decider granted an exception', async () => {
      const { server, ingest, gate, exceptionsPath, knex } = await startBackend(
        databaseId,
      );
      await ingest([sample('payments', 240, 998_000, 1_000_000)]);
      expect(await gate('payments', 'deploy-7')).toMatchObject({
        decision: 'block',
      });

      const notOwner = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(BOB))
        .send({
          reasonKind: 'p0-fix',
          justification: 'Fixes the checkout outage',
          deploymentId: 'deploy-7',
        });
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.error.message).toContain(
        'group:default/team-payments',
      );

      const requested = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'p0-fix',
          justification: 'Fixes the checkout outage',
          deploymentId: 'deploy-7',
        });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        entityRef: 'component:default/payments',
        status: 'requested',
        requestedBy: ALICE,
        deploymentId: 'deploy-7',
        events: [
          {
            action: 'requested',
            actor: ALICE,
            comment: 'Fixes the checkout outage',
          },
        ],
      });
      const id = requested.body.id;
      // A pending request changes nothing.
      expect(await gate('payments', 'deploy-7')).toMatchObject({
        decision: 'block',
        exception: null,
      });

      const byOwner = await request(server)
        .post(`${exceptionsPath('payments')}/${id}/grant`)
        .set('Authorization', as(ALICE))
        .send({});
      expect(byOwner.status).toBe(403);
      expect(byOwner.body.error.message).toContain('delivery.policy.exception');

      const granted = await request(server)
        .post(`${exceptionsPath('payments')}/${id}/grant`)
        .set('Authorization', as(LEAD))
        .send({ comment: 'Go ahead' });
      expect(granted.status).toBe(200);
      expect(granted.body.status).toBe('granted');

      const allowed = await gate('payments', 'deploy-7');
      expect(allowed).toMatchObject({
        decision: 'allow',
        state: 'freeze',
        exception: { id, status: 'granted' },
      });
      expect(allowed.reasons.at(-1)).toMatchObject({ code: 'exception' });
      // Only for that deployment.
      expect(await gate('payments', 'deploy-8')).toMatchObject({
        decision: 'block',
        exception: null,
      });
      expect(await gate('payments')).toMatchObject({ decision: 'block' });

      const again = await request(server)
        .post(`${exceptionsPath('payments')}/${id}/grant`)
        .set('Authorization', as(LEAD))
        .send({});
      expect(again.status).toBe(409);

      // Time passes beyond the exception's end: it expires once, with a trail entry.
      const ended = Date.now() - 1000;
      await knex('delivery_policy_exceptions')
        .where({ id })
        .update({ until: ended });
      expect(await gate('payments', 'deploy-7')).toMatchObject({
        decision: 'block',
        exception: null,
      });
      const list = await request(server).get(exceptionsPath('payments'));
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ id, status: 'expired' });
      expect(
        list.body.items[0].events.map(
          (e: { action: string; actor: string }) => `${e.action} ${e.actor}`,
        ),
      ).toEqual([`requested ${ALICE}`, `granted ${LEAD}`, 'expired system']);
      expect(list.body.items[0].events[2].at).toBe(
        new Date(ended).toISOString(),
      );
    });

    it('covers every deployment until a time, refuses with a reason, and expires undecided requests', async () => {
      const { server, ingest, gate, exceptionsPath, knex } = await startBackend(
        databaseId,
      );
      await ingest([sample('payments', 240, 998_000, 1_000_000)]);
      const until = new Date(Date.now() + 2 * HOUR_MS).toISOString();
      const window = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'security-patch',
          justification: 'CVE-2026-1234 in the TLS library',
          until,
        });
      expect(window.status).toBe(201);
      expect(window.body.until).toBe(until);
      await request(server)
        .post(`${exceptionsPath('payments')}/${window.body.id}/grant`)
        .set('Authorization', as(LEAD))
        .send({})
        .expect(200);
      expect(await gate('payments', 'any-deployment')).toMatchObject({
        decision: 'allow',
        exception: { id: window.body.id, reasonKind: 'security-patch' },
      });
      expect(await gate('payments')).toMatchObject({ decision: 'allow' });

      const other = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'other',
          justification: 'Marketing launch tomorrow',
          deploymentId: 'd-9',
        });
      const noReason = await request(server)
        .post(`${exceptionsPath('payments')}/${other.body.id}/refuse`)
        .set('Authorization', as(LEAD))
        .send({});
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toContain('comment');
      const refused = await request(server)
        .post(`${exceptionsPath('payments')}/${other.body.id}/refuse`)
        .set('Authorization', as(LEAD))
        .send({ comment: 'Not a P0: wait for the budget' });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ status: 'refused' });
      expect(refused.body.events[1]).toMatchObject({
        action: 'refused',
        actor: LEAD,
        comment: 'Not a P0: wait for the budget',
      });

      const pending = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'p0-fix',
          justification: 'Second hotfix for the outage',
          deploymentId: 'd-10',
        });
      await knex('delivery_policy_exceptions')
        .where({ id: pending.body.id })
        .update({ until: Date.now() - 1 });
      const late = await request(server)
        .post(`${exceptionsPath('payments')}/${pending.body.id}/grant`)
        .set('Authorization', as(LEAD))
        .send({});
      expect(late.status).toBe(409);
      expect(late.body.error.message).toContain('expired');

      const missing = await request(server)
        .post(`${exceptionsPath('payments')}/nope/grant`)
        .set('Authorization', as(LEAD))
        .send({});
      expect(missing.status).toBe(404);

      const list = await request(server).get(exceptionsPath('payments'));
      expect(
        list.body.items.map((e: { status: string }) => e.status).sort(),
      ).toEqual(['expired', 'granted', 'refused']);
    });

    it.each([
      [{ justification: 'Fixes the outage', deploymentId: 'd' }, 'reasonKind'],
      [
        {
          reasonKind: 'p1',
          justification: 'Fixes the outage',
          deploymentId: 'd',
        },
        'reasonKind',
      ],
      [
        { reasonKind: 'p0-fix', justification: 'short', deploymentId: 'd' },
        'justification',
      ],
      [
        { reasonKind: 'p0-fix', justification: 'Fixes the outage' },
        'deploymentId or until',
      ],
      [
        {
          reasonKind: 'p0-fix',
          justification: 'Fixes the outage',
          until: 'tomorrow',
        },
        'until',
      ],
      [
        {
          reasonKind: 'p0-fix',
          justification: 'Fixes the outage',
          until: '2020-01-01T00:00:00Z',
        },
        'until must be in the future',
      ],
      [
        {
          reasonKind: 'p0-fix',
          justification: 'Fixes the outage',
          until: new Date(Date.now() + 15 * DAY_MS).toISOString(),
        },
        'until must be at most 14 days ahead',
      ],
    ])('answers 400 naming the field for %o', async (body, field) => {
      const { server, exceptionsPath } = await startBackend(databaseId);
      const response = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    });

    it('flags the deployments made during a freeze without an exception in the records', async () => {
      const { server, ingest, exceptionsPath } = await startBackend(databaseId);
      const iso = (ms: number) => new Date(ms).toISOString();
      const deployment = (id: string, at: number) => ({
        type: 'deployment',
        source: 'ci',
        id,
        entityRef: 'component:default/payments',
        status: 'success',
        startedAt: iso(at),
        finishedAt: iso(at + 60_000),
      });
      await ingest([
        // Budget spent 10 days ago; clean traffic before.
        sample('payments', 20 * 24, 1_000_000, 1_000_000),
        sample('payments', 240, 997_000, 1_000_000),
        deployment('before-freeze', hourStart - 15 * DAY_MS),
        deployment('during-freeze', hourStart - 2 * DAY_MS),
      ]);
      const requested = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'p0-fix',
          justification: 'Hotfix for the outage',
          deploymentId: 'hotfix',
        });
      await request(server)
        .post(`${exceptionsPath('payments')}/${requested.body.id}/grant`)
        .set('Authorization', as(LEAD))
        .send({})
        .expect(200);
      const now = Date.now();
      await ingest([deployment('hotfix', now), deployment('sneaky', now)]);

      const records = await request(server)
        .get('/api/delivery/entities/component/default/payments/records')
        .query({ to: new Date(now + 10 * 60_000).toISOString() });
      expect(records.status).toBe(200);
      const flags = Object.fromEntries(
        records.body.deployments.map(
          (d: { id: string; freezeViolation: boolean }) => [
            d.id,
            d.freezeViolation,
          ],
        ),
      );
      expect(flags).toEqual({
        'before-freeze': false,
        'during-freeze': true,
        hotfix: false,
        sneaky: true,
      });
    });

    it('measures the budget burned in the 2 hours before and after each deployment', async () => {
      const { server, ingest } = await startBackend(databaseId);
      const deployedAt = hourStart - 5 * HOUR_MS;
      await ingest([
        sample('ledger', 240, 999_000, 999_000),
        sample('ledger', 7, 990, 1000), // [t - 2 h, t - 1 h): 10 bad, before
        sample('ledger', 6, 1000, 1000), // before, clean
        sample('ledger', 5, 950, 1000), // [t, t + 1 h): 50 bad, after
        sample('ledger', 4, 1000, 1000), // after, clean
        sample('ledger', 3, 0, 1000), // t + 2 h: outside both
        {
          type: 'deployment',
          source: 'ci',
          id: 'release-3',
          entityRef: 'component:default/ledger',
          status: 'success',
          startedAt: new Date(deployedAt).toISOString(),
          finishedAt: new Date(deployedAt + 60_000).toISOString(),
        },
      ]);
      const records = await request(server)
        .get('/api/delivery/entities/component/default/ledger/records')
        .expect(200);
      const [deployment] = records.body.deployments;
      // Budget at the deployment: 0.1 % of the 1,001,000 events of the 30 days before it.
      expect(deployment.budgetImpact).toEqual([
        {
          slo: 'availability',
          windowHours: 2,
          before: expect.closeTo(10 / 1001, 12),
          after: expect.closeTo(50 / 1001, 12),
        },
      ]);
      expect(deployment.freezeViolation).toBe(false);
    });

    it('keeps the exception trail through the records retention until the audit period ends', async () => {
      const tasks: Parameters<SchedulerService['scheduleTask']>[0][] = [];
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      });
      const { knex } = await startBackend(
        databaseId,
        {
          delivery: {
            retention: { days: 30 },
            errorBudgetPolicy: { auditDays: 90 },
          },
        },
        [scheduler.factory],
      );
      const row = (
        id: string,
        closedDaysAgo: number | null,
        status: string,
      ) => ({
        id,
        entity_ref: 'component:default/payments',
        reason_kind: 'p0-fix',
        justification: 'Fixes the outage',
        deployment_id: null,
        until: Date.now() - (closedDaysAgo ?? -1) * DAY_MS,
        status,
        requested_by: ALICE,
        requested_at: Date.now() - 200 * DAY_MS,
        closed_at:
          closedDaysAgo === null ? null : Date.now() - closedDaysAgo * DAY_MS,
      });
      await knex('delivery_policy_exceptions').insert([
        row('closed-60-days-ago', 60, 'refused'),
        row('closed-100-days-ago', 100, 'expired'),
        row('still-granted', null, 'granted'),
      ]);
      await knex('delivery_policy_exception_events').insert([
        {
          exception_id: 'closed-60-days-ago',
          action: 'requested',
          actor: ALICE,
          at: Date.now() - 200 * DAY_MS,
          comment: null,
        },
        {
          exception_id: 'closed-100-days-ago',
          action: 'requested',
          actor: ALICE,
          at: Date.now() - 200 * DAY_MS,
          comment: null,
        },
      ]);
      const task = tasks.find(t => t.id === 'delivery-retention');
      await task!.fn(new AbortController().signal);
      const ids = (
        await knex('delivery_policy_exceptions').select('id').orderBy('id')
      ).map(r => r.id);
      expect(ids).toEqual(['closed-60-days-ago', 'still-granted']);
      const events = await knex('delivery_policy_exception_events').select(
        'exception_id',
      );
      expect(events.map(e => e.exception_id)).toEqual(['closed-60-days-ago']);
    });

    it('makes examples/ci/deploy-gate.sh fail on block with the reasons, and pass for an excepted deployment', async () => {
      const { server, ingest, exceptionsPath } = await startBackend(databaseId);
      await ingest([sample('payments', 240, 998_000, 1_000_000)]);
      const requested = await request(server)
        .post(exceptionsPath('payments'))
        .set('Authorization', as(ALICE))
        .send({
          reasonKind: 'security-patch',
          justification: 'Patches the TLS library',
          deploymentId: 'build-17',
        });
      await request(server)
        .post(`${exceptionsPath('payments')}/${requested.body.id}/grant`)
        .set('Authorization', as(LEAD))
        .send({})
        .expect(200);

      const { port } = server.address() as AddressInfo;
      const gateScript = (env: Record<string, string>, path?: string) =>
        run(SCRIPT, [], {
          env: {
            ...process.env,
            ...(path ? { PATH: path } : {}),
            DELIVERY_URL: `http://localhost:${port}/`,
            DELIVERY_TOKEN: mockCredentials.service.token(),
            ...env,
          },
        }).then(
          ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
          (error: { code: number; stdout: string; stderr: string }) => error,
        );

      const blocked = await gateScript({
        ENTITY_REF: 'component:default/payments',
      });
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toContain(
        'Error-budget policy of component:default/payments: freeze; decision: block',
      );
      expect(blocked.stdout).toContain(
        '- SLO availability: error budget exhausted (-100 % left)',
      );

      const excepted = await gateScript({
        ENTITY_REF: 'component:payments',
        DEPLOYMENT_ID: 'build-17',
      });
      expect(excepted.code).toBe(0);
      expect(excepted.stdout).toContain('freeze; decision: allow');
      expect(excepted.stdout).toContain(`Exception ${requested.body.id}`);

      // Without jq, node reads the answer.
      const bin = await mkdtemp(join(tmpdir(), 'deploy-gate-bin-'));
      for (const tool of [
        'bash',
        'curl',
        'node',
        'mktemp',
        'head',
        'tail',
        'cat',
        'rm',
      ]) {
        const found = (
          await run('bash', ['-c', `command -v ${tool}`])
        ).stdout.trim();
        await symlink(found, join(bin, tool));
      }
      const withoutJq = await gateScript(
        { ENTITY_REF: 'component:default/payments' },
        bin,
      );
      expect(withoutJq.code).toBe(1);
      expect(withoutJq.stdout).toContain('decision: block');
      expect(withoutJq.stdout).toContain('error budget exhausted');

      const unknown = await gateScript({
        ENTITY_REF: 'component:default/nope',
      });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('404');
    });
  },
);
