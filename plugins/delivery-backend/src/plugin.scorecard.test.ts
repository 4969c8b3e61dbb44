import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import { october, octoberEvents } from './__testUtils__/exampleEvents';

jest.setTimeout(60_000);

describe.each(testDatabases.eachSupportedId())(
  'delivery metrics API on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startDeliveryBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startDeliveryBackend(databaseId, {
        config: { delivery: { targets: { cycleTime: 24 } } },
      }));
      await request(server)
        .post('/api/delivery/events')
        .send({ events: octoberEvents })
        .expect(200);
    });

    const scorecardOf = async (path: string) => {
      const response = await request(server).get(
        `/api/delivery/${path}?${october}`,
      );
      expect(response.status).toBe(200);
      return response.body;
    };

    it('computes the DORA keys of a component as docs/metrics.md defines them', async () => {
      const {
        dora,
        window,
        previousWindow,
        entityRefs,
        calendar,
        dataQuality,
      } = await scorecardOf(
        'entities/component/default/checkout-service/scorecard',
      );
      expect(window).toEqual({
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-10-31T00:00:00.000Z',
      });
      expect(previousWindow).toEqual({
        from: '2026-09-01T00:00:00.000Z',
        to: '2026-10-01T00:00:00.000Z',
      });
      expect(entityRefs).toEqual(['component:default/checkout-service']);

      // d2, d3, d4, d5 reached production; d1 failed in the pipeline, staging-1 is not production.
      // 1 to 30 October hold 22 working days (UTC calendar). Deployment days: Saturday 3,
      // Monday 5 and Saturday 10 October; of the whole weeks (5, 12 and 19 October) the first
      // has 2, the others none, so the median week has 0; 3 days in 30 days is medium.
      expect(calendar).toEqual({
        timeZone: 'UTC',
        workingDays: [1, 2, 3, 4, 5],
        holidays: [],
        workingDaysInWindow: 22,
      });
      expect(dora.deploymentFrequency).toMatchObject({
        unit: 'per_working_day',
        sampleSize: 4,
        level: 'medium',
        target: { comparator: 'gte', threshold: 1 },
        met: false,
        previous: { value: 0, sampleSize: 0 },
      });
      expect(dora.deploymentFrequency.value).toBeCloseTo(4 / 22, 10);
      expect(dora.deploymentDaysPerWeek).toMatchObject({
        value: 0,
        sampleSize: 3,
      });

      // pr-1 shipped by d2 after the failed d1: 48 h; pr-2 24 h; pr-3 by the rolled-back d3: 48 h.
      expect(dora.leadTime).toMatchObject({
        value: 48,
        p90: 48,
        unit: 'hours',
        sampleSize: 3,
        level: 'high',
        met: false,
        previous: { value: null, sampleSize: 0 },
      });

      // d3 rolled back, d5 caused inc-1.
      expect(dora.changeFailureRate).toMatchObject({
        value: 0.5,
        unit: 'ratio',
        sampleSize: 4,
        level: 'low',
        met: false,
      });

      // inc-1 2 h, inc-2 (reported at +03:00) 0.5 h; inc-3 is open: shown, not averaged.
      expect(dora.timeToRestore).toMatchObject({
        value: 1.25,
        statistic: 'mean',
        mean: 1.25,
        median: 1.25,
        unit: 'hours',
        sampleSize: 2,
        open: 1,
        level: 'high',
      });
      expect(dora.timeToRestore.p90).toBeCloseTo(1.85, 10);

      // d3 (rolled back on 5 October 00:00) recovers with d4 at 12:00: 12 h; d5 with the
      // resolution of inc-1 it caused: 3 h.
      expect(dora.failedDeploymentRecoveryTime).toMatchObject({
        value: 7.5,
        statistic: 'median',
        mean: 7.5,
        unit: 'hours',
        sampleSize: 2,
        open: 0,
        level: 'high',
        target: { comparator: 'lt', threshold: 1 },
        met: false,
      });
      expect(dora.failedDeploymentRecoveryTime.p90).toBeCloseTo(11.1, 10);
      expect(dora.reworkRate).toMatchObject({
        value: 0,
        sampleSize: 4,
        level: null,
        target: null,
      });

      // d5 lists no change; inc-2 and inc-3 have no deployment in the 24 h before them.
      expect(dataQuality).toEqual({
        deploymentsWithoutChanges: 1,
        incidents: { declared: 1, inferred: 0, none: 2 },
        excludedChanges: {
          merged_before_first_commit: 0,
          deployed_before_first_commit: 0,
        },
        attributionWindowHours: 24,
      });
    });

    it('computes flow and quality of a component, with configured targets', async () => {
      const { flow, quality } = await scorecardOf(
        'entities/component/default/checkout-service/scorecard',
      );
      expect(flow.cycleTime).toMatchObject({
        value: 36,
        sampleSize: 2,
        target: { comparator: 'lt', threshold: 24 },
        met: false,
      });
      expect(flow.cycleTime.p85).toBeCloseTo(44.4, 10);
      expect(flow.throughput.value).toBeCloseTo(2 / (30 / 7), 10);
      expect(flow.wip.value).toBe(1);
      expect(flow.flowEfficiency.value).toBeCloseTo(12 / 48, 10);
      expect(flow.velocityPredictability.value).toBeCloseTo(0.25, 10);

      expect(quality.lineCoverage).toMatchObject({ value: 84.5, met: true });
      expect(quality.defectEscapeRate).toMatchObject({
        value: 0.5,
        sampleSize: 2,
      });
      expect(quality.incidentsPer30Days).toMatchObject({ value: 3, met: true });
    });

    it('rolls a system and a team up from the raw records of what they contain', async () => {
      const system = await scorecardOf(
        'entities/system/default/storefront/scorecard',
      );
      expect(system.entityRefs).toEqual([
        'component:default/cart-service',
        'component:default/checkout-service',
        'system:default/storefront',
      ]);
      expect(system.dora.leadTime.value).toBe(48);

      const team = await scorecardOf(
        'entities/group/default/team-fulfilment/scorecard',
      );
      expect(team.entityRefs).toEqual([
        'component:default/inventory-service',
        'group:default/team-fulfilment',
        'system:default/fulfilment',
      ]);
      expect(team.dora.leadTime).toMatchObject({ value: 12, sampleSize: 1 });
      expect(team.dora.deploymentFrequency.sampleSize).toBe(1);
    });

    it('computes the organisation over every record, not as an average of teams', async () => {
      const org = await scorecardOf('organization/scorecard');
      expect(org.entityRef).toBeNull();
      expect(org.dora.leadTime).toMatchObject({ value: 36, sampleSize: 4 });
      expect(org.dora.changeFailureRate).toMatchObject({
        value: 0.4,
        sampleSize: 5,
      });
    });

    it('applies an entity’s target annotation over the organisation’s target', async () => {
      const cart = await scorecardOf(
        'entities/component/default/cart-service/scorecard',
      );
      expect(cart.dora.leadTime).toMatchObject({
        value: null,
        target: { comparator: 'lt', threshold: 72 },
        met: null,
      });
    });

    it('answers many scorecards in one call', async () => {
      const response = await request(server).get(
        `/api/delivery/scorecards?entityRef=component:default/checkout-service&entityRef=group:default/team-fulfilment&${october}`,
      );
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((s: { entityRef: string }) => s.entityRef),
      ).toEqual([
        'component:default/checkout-service',
        'group:default/team-fulfilment',
      ]);
    });

    it('serves weekly buckets of one metric for charts', async () => {
      const response = await request(server).get(
        `/api/delivery/entities/component/default/checkout-service/timeseries?metric=leadTime&bucket=week&${october}`,
      );
      expect(response.status).toBe(200);
      const points = response.body.points;
      expect(points[0]).toMatchObject({
        from: '2026-09-28T00:00:00.000Z',
        to: '2026-10-05T00:00:00.000Z',
        value: 36,
        sampleSize: 2,
      });
      expect(points[1]).toMatchObject({
        from: '2026-10-05T00:00:00.000Z',
        value: 48,
        sampleSize: 1,
      });
      expect(
        points.slice(2).every((p: { value: unknown }) => p.value === null),
      ).toBe(true);
    });

    it('lists the records behind the numbers', async () => {
      const response = await request(server).get(
        `/api/delivery/entities/component/default/checkout-service/records?${october}`,
      );
      expect(response.status).toBe(200);
      const { deployments, changes, incidents, truncated } = response.body;
      expect(truncated).toBe(false);
      expect(deployments.map((d: { id: string }) => d.id)).toEqual([
        'd5',
        'd4',
        'd3',
        'd2',
        'd1',
      ]);
      expect(
        deployments.find((d: { id: string }) => d.id === 'd5').failed,
      ).toBe(true);
      expect(
        deployments.find((d: { id: string }) => d.id === 'd2').changeIds.sort(),
      ).toEqual(['pr-1', 'pr-2']);
      expect(
        changes.find((c: { id: string }) => c.id === 'pr-1'),
      ).toMatchObject({
        deploymentId: 'd2',
        leadTimeHours: 48,
        title: 'Add Apple Pay',
      });
      expect(incidents.map((i: { id: string }) => i.id)).toEqual([
        'inc-3',
        'inc-2',
        'inc-1',
      ]);
      expect(incidents[0].resolvedAt).toBeNull();
      expect(incidents[2]).toMatchObject({
        causeDeploymentId: 'd5',
        causeSource: 'declared',
      });
      expect(incidents[1]).toMatchObject({
        causeDeploymentId: null,
        causeSource: null,
      });
    });

    it('names the bad query parameter', async () => {
      const badWindow = await request(server).get(
        '/api/delivery/entities/component/default/checkout-service/scorecard?from=last-week',
      );
      expect(badWindow.status).toBe(400);
      expect(badWindow.body.error.message).toContain('from');

      const badMetric = await request(server).get(
        `/api/delivery/entities/component/default/checkout-service/timeseries?metric=happiness&${october}`,
      );
      expect(badMetric.status).toBe(400);
      expect(badMetric.body.error.message).toContain('metric');

      const unknown = await request(server).get(
        '/api/delivery/entities/component/default/no-such-service/scorecard',
      );
      expect(unknown.status).toBe(404);
    });
  },
);
