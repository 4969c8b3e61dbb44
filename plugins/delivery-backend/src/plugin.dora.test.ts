import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

/** The Russian public holidays of 2026 that fall on weekdays, with the transferred days off. */
const russianHolidays2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-01-09',
  '2026-02-23',
  '2026-03-09',
  '2026-05-01',
  '2026-05-11',
  '2026-06-12',
  '2026-11-04',
  '2026-12-31',
];

/** March 2026 in Moscow: 22 weekdays, of which Monday 9 March is a holiday. */
const march = `from=${encodeURIComponent(
  '2026-03-01T00:00:00+03:00',
)}&to=${encodeURIComponent('2026-04-01T00:00:00+03:00')}`;
const workingDaysOfMarch = [
  2, 3, 4, 5, 6, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30, 31,
];
const moscow = (day: number, time = '10:00') =>
  `2026-03-${String(day).padStart(2, '0')}T${time}:00+03:00`;

const checkout = 'component:default/checkout-service';
const cart = 'component:default/cart-service';

/** checkout-service deploys at 10:00 on every working day, the first spelled `PRODUCTION`. */
const everyWorkingDay = workingDaysOfMarch.map((day, index) => ({
  type: 'deployment',
  source: 'ci',
  id: `daily-${day}`,
  entityRef: checkout,
  environment: index === 0 ? 'PRODUCTION' : 'production',
  status: 'success',
  finishedAt: moscow(day),
}));

/**
 * cart-service: a deployment followed by an incident within the attribution window (D1, I1), a
 * weekend with two deployments (W1, W2), an incident 25 hours after the last deployment (I2), a fix
 * naming it (F1), a rollback followed by a fix-forward (R1, R2, R3) and a rolled-back deployment
 * nothing recovers before the window ends (U1). D1 ships a change merged before its first commit.
 */
const cartEvents = [
  {
    type: 'change',
    source: 'ci',
    id: 'pr-ok',
    entityRef: cart,
    firstCommitAt: moscow(3),
    mergedAt: moscow(3, '18:00'),
  },
  {
    type: 'change',
    source: 'ci',
    id: 'pr-odd',
    entityRef: cart,
    firstCommitAt: moscow(3, '12:00'),
    mergedAt: moscow(3, '09:00'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'D1',
    entityRef: cart,
    status: 'success',
    finishedAt: moscow(4),
    changeIds: ['pr-ok', 'pr-odd'],
  },
  {
    type: 'incident',
    source: 'pager',
    id: 'I1',
    entityRef: cart,
    openedAt: moscow(4, '20:00'),
    resolvedAt: moscow(4, '22:00'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'W1',
    entityRef: cart,
    status: 'success',
    finishedAt: moscow(7, '12:00'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'W2',
    entityRef: cart,
    status: 'success',
    finishedAt: moscow(8, '12:00'),
  },
  {
    type: 'incident',
    source: 'pager',
    id: 'I2',
    entityRef: cart,
    openedAt: moscow(9, '13:00'),
    resolvedAt: moscow(9, '14:00'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'F1',
    entityRef: cart,
    status: 'success',
    finishedAt: moscow(10),
    fixesIncidentIds: ['I2'],
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'R1',
    entityRef: cart,
    status: 'rolled_back',
    finishedAt: moscow(16),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'R2',
    entityRef: cart,
    status: 'success',
    reason: 'rollback',
    finishedAt: moscow(16, '10:30'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'R3',
    entityRef: cart,
    status: 'success',
    reason: 'hotfix',
    finishedAt: moscow(16, '14:00'),
  },
  {
    type: 'deployment',
    source: 'ci',
    id: 'U1',
    entityRef: cart,
    status: 'rolled_back',
    finishedAt: moscow(27),
  },
];

describe.each(testDatabases.eachSupportedId())(
  'DORA keys with a Moscow calendar on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startDeliveryBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startDeliveryBackend(databaseId, {
        config: {
          delivery: {
            calendar: {
              timeZone: 'Europe/Moscow',
              holidays: russianHolidays2026,
            },
          },
        },
      }));
    });

    const get = async (path: string) => {
      const response = await request(server).get(`/api/delivery/${path}`);
      expect(response.status).toBe(200);
      return response.body;
    };

    it('accepts a batch holding a change merged before its first commit', async () => {
      const response = await request(server)
        .post('/api/delivery/events')
        .send({ events: [...everyWorkingDay, ...cartEvents] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ received: 33, inserted: 33 });
    });

    it('rates a team deploying on every working day of a month with a holiday daily and elite', async () => {
      const { calendar, dora, dataQuality } = await get(
        `entities/component/default/checkout-service/scorecard?${march}`,
      );
      expect(calendar).toEqual({
        timeZone: 'Europe/Moscow',
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-03-09'],
        workingDaysInWindow: 21,
      });
      // 21 deployments, `PRODUCTION` included, over 21 working days; the whole weeks of 2, 9, 16
      // and 23 March hold 5, 4, 5 and 5 deployment days.
      expect(dora.deploymentFrequency).toMatchObject({
        value: 1,
        unit: 'per_working_day',
        sampleSize: 21,
        level: 'elite',
        target: { comparator: 'gte', threshold: 1 },
        met: true,
      });
      expect(dora.deploymentDaysPerWeek).toMatchObject({
        value: 5,
        sampleSize: 4,
      });
      expect(dora.reworkRate).toMatchObject({ value: 0, sampleSize: 21 });
      expect(dataQuality.deploymentsWithoutChanges).toBe(21);
    });

    it('counts weekend deployments, rollbacks, hotfixes and inferred causes as defined', async () => {
      const { dora, dataQuality } = await get(
        `entities/component/default/cart-service/scorecard?${march}`,
      );
      // D1, W1, W2, F1, R1, R2, R3, U1 over 21 working days; deployment days 4, 7, 8 | 10 | 16 | 27
      // give whole weeks of 3, 1, 1 and 1 days: the median week has 1, which is high.
      expect(dora.deploymentFrequency).toMatchObject({
        unit: 'per_working_day',
        sampleSize: 8,
        level: 'high',
        met: false,
      });
      expect(dora.deploymentFrequency.value).toBeCloseTo(8 / 21, 10);
      expect(dora.deploymentDaysPerWeek).toMatchObject({
        value: 1,
        sampleSize: 4,
      });
      // Failed: D1 (I1 opened 10 h after it: inferred), R1 and U1 (rolled back). I2 opened 25 h
      // after W2, outside the 24-hour window, and names no cause.
      expect(dora.changeFailureRate).toMatchObject({
        value: 3 / 8,
        sampleSize: 8,
        level: 'low',
      });
      // Rework: F1 fixes I2, R2 is a rollback, R3 a hotfix.
      expect(dora.reworkRate).toMatchObject({
        value: 3 / 8,
        sampleSize: 8,
        level: null,
        target: null,
      });
      // D1 recovers when I1 is resolved (12 h, before W1 74 h later); R1 with R2 (0.5 h); U1 has
      // nothing after it before the window ends.
      expect(dora.failedDeploymentRecoveryTime).toMatchObject({
        value: 6.25,
        statistic: 'median',
        mean: 6.25,
        median: 6.25,
        sampleSize: 2,
        open: 1,
        level: 'high',
      });
      expect(dora.failedDeploymentRecoveryTime.p90).toBeCloseTo(10.85, 10);
      // I1 2 h and I2 1 h: the mean is the headline.
      expect(dora.timeToRestore).toMatchObject({
        value: 1.5,
        statistic: 'mean',
        mean: 1.5,
        median: 1.5,
        sampleSize: 2,
        open: 0,
      });
      // pr-ok: 24 h from its first commit to D1; pr-odd is stored but left out.
      expect(dora.leadTime).toMatchObject({
        value: 24,
        statistic: 'median',
        sampleSize: 1,
      });
      expect(dataQuality).toEqual({
        deploymentsWithoutChanges: 7,
        incidents: { declared: 0, inferred: 1, none: 1 },
        excludedChanges: {
          merged_before_first_commit: 1,
          deployed_before_first_commit: 0,
        },
        attributionWindowHours: 24,
      });
    });

    it('shows causes, rework and left-out changes in the drill-down', async () => {
      const { deployments, incidents, changes, excludedChanges } = await get(
        `entities/component/default/cart-service/records?${march}`,
      );
      const byId = (list: { id: string }[], id: string) =>
        list.find(record => record.id === id);
      expect(byId(deployments, 'D1')).toMatchObject({
        failed: true,
        rework: false,
      });
      expect(byId(deployments, 'R3')).toMatchObject({
        failed: false,
        reason: 'hotfix',
        rework: true,
      });
      expect(byId(deployments, 'F1')).toMatchObject({
        fixesIncidentIds: ['I2'],
        rework: true,
      });
      expect(byId(incidents, 'I1')).toMatchObject({
        causedByDeploymentId: null,
        causeDeploymentId: 'D1',
        causeSource: 'inferred',
      });
      expect(byId(incidents, 'I2')).toMatchObject({
        causeDeploymentId: null,
        causeSource: null,
      });
      expect(changes.map((c: { id: string }) => c.id)).toEqual(['pr-ok']);
      expect(excludedChanges).toEqual([
        {
          source: 'ci',
          id: 'pr-odd',
          entityRef: cart,
          firstCommitAt: '2026-03-03T09:00:00.000Z',
          mergedAt: '2026-03-03T06:00:00.000Z',
          deployedAt: '2026-03-04T07:00:00.000Z',
          reason: 'merged_before_first_commit',
        },
      ]);
    });

    it('rolls the team up from the raw records of both services', async () => {
      const { dora } = await get(
        `entities/group/default/team-checkout/scorecard?${march}`,
      );
      expect(dora.deploymentFrequency).toMatchObject({
        sampleSize: 29,
        level: 'elite',
      });
      expect(dora.deploymentFrequency.value).toBeCloseTo(29 / 21, 10);
      expect(dora.changeFailureRate.value).toBeCloseTo(3 / 29, 10);
      expect(dora.reworkRate.value).toBeCloseTo(3 / 29, 10);
    });

    it('buckets weeks from Monday midnight in Moscow', async () => {
      const { points } = await get(
        `entities/component/default/checkout-service/timeseries?metric=deploymentFrequency&bucket=week&${march}`,
      );
      expect(points.slice(0, 3)).toEqual([
        {
          from: '2026-02-22T21:00:00.000Z',
          to: '2026-03-01T21:00:00.000Z',
          value: 0,
          sampleSize: 0,
        },
        {
          from: '2026-03-01T21:00:00.000Z',
          to: '2026-03-08T21:00:00.000Z',
          value: 1,
          sampleSize: 5,
        },
        {
          from: '2026-03-08T21:00:00.000Z',
          to: '2026-03-15T21:00:00.000Z',
          value: 1,
          sampleSize: 4,
        },
      ]);
    });
  },
);
