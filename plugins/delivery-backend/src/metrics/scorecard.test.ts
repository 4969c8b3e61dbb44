import { MetricValue } from '@delivery-insights/backstage-plugin-delivery-common';
import { LevelThresholds, defaultLevelThresholds } from './levels';
import { defaultCalendar } from './calendar';
import { WindowInputs, computeScorecard, defaultStatistics } from './scorecard';
import { mean, median, percentile } from './statistics';
import { MetricTargets, defaultTargets } from './targets';

const thirtyDays = {
  from: new Date('2026-10-02T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
};

/** Finishes at 10:00 UTC on the given days of October 2026. */
const octoberDays = (...days: number[]) =>
  days.map(day => Date.UTC(2026, 9, day, 10));

const noDataQuality: WindowInputs['dataQuality'] = {
  deploymentsWithoutChanges: 0,
  incidents: { declared: 0, inferred: 0, none: 0 },
  excludedChanges: {
    merged_before_first_commit: 0,
    deployed_before_first_commit: 0,
  },
};

const noData: WindowInputs = {
  countedDeployments: 0,
  failedDeployments: 0,
  reworkDeployments: 0,
  deploymentFinishedAt: [],
  leadTimesHours: [],
  restoreTimesHours: [],
  openIncidents: 0,
  recoveryTimesHours: [],
  openRecoveries: 0,
  cycleTimesHours: [],
  flowEfficiencySamples: [],
  wip: 0,
  pointsPerSprint: [],
  bugsCreated: 0,
  escapedBugs: 0,
  incidentsOpened: 0,
  latestCoverage: null,
  dataQuality: noDataQuality,
};

const busyMonth: WindowInputs = {
  countedDeployments: 24,
  failedDeployments: 2,
  reworkDeployments: 3,
  // 15 days: Friday 2 October, then the whole weeks of 5, 12 and 19 October hold 5, 4 and 5.
  deploymentFinishedAt: octoberDays(
    2,
    5,
    5,
    6,
    7,
    7,
    8,
    9,
    12,
    13,
    13,
    14,
    15,
    15,
    19,
    20,
    21,
    21,
    22,
    23,
    23,
    23,
    23,
    23,
  ),
  leadTimesHours: [30, 2, 18, 50, 6, 100, 12, 20, 8, 4],
  restoreTimesHours: [0.5, 3, 1.5, 5],
  openIncidents: 1,
  recoveryTimesHours: [0.5, 2],
  openRecoveries: 1,
  cycleTimesHours: [24, 48, 72, 96, 120, 10, 30, 60, 200, 40, 80, 36],
  flowEfficiencySamples: [
    { activeHours: 12, cycleHours: 48 },
    { activeHours: 6, cycleHours: 24 },
    { activeHours: 30, cycleHours: 60 },
  ],
  wip: 7,
  pointsPerSprint: [18, 22],
  bugsCreated: 8,
  escapedBugs: 2,
  incidentsOpened: 4,
  latestCoverage: { lineCoverage: 82.5, branchCoverage: 70 },
  dataQuality: {
    deploymentsWithoutChanges: 4,
    incidents: { declared: 1, inferred: 2, none: 1 },
    excludedChanges: {
      merged_before_first_commit: 1,
      deployed_before_first_commit: 0,
    },
  },
};

const quietMonth: WindowInputs = {
  ...noData,
  countedDeployments: 10,
  failedDeployments: 3,
  // The whole weeks of 7, 14 and 21 September hold 1, 2 and 0 days; that of 28 September ends
  // after the previous window (1 October) and is left out.
  deploymentFinishedAt: [8, 15, 16, 29].map(day => Date.UTC(2026, 8, day)),
  leadTimesHours: [40, 60],
  wip: 3,
  pointsPerSprint: [20],
  incidentsOpened: 6,
};

function scorecard(
  overrides: Partial<Parameters<typeof computeScorecard>[0]> = {},
) {
  return computeScorecard({
    entityRef: 'component:default/payments',
    entityRefs: ['component:default/payments'],
    window: thirtyDays,
    current: busyMonth,
    previous: quietMonth,
    levels: defaultLevelThresholds,
    targets: defaultTargets,
    calendar: defaultCalendar,
    statistics: defaultStatistics,
    attributionWindowHours: 24,
    ...overrides,
  });
}

const close = (value: number) => expect.closeTo(value, 10);

describe('computeScorecard with a realistic month', () => {
  const result = scorecard();

  it('identifies the entity and both windows', () => {
    expect(result.entityRef).toBe('component:default/payments');
    expect(result.entityRefs).toEqual(['component:default/payments']);
    expect(result.window).toEqual({
      from: '2026-10-02T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    expect(result.previousWindow).toEqual({
      from: '2026-09-02T00:00:00.000Z',
      to: '2026-10-02T00:00:00.000Z',
    });
  });

  it('computes the DORA metrics', () => {
    expect(result.dora).toEqual({
      // 21 working days from Friday 2 to Saturday 31 October; 22 from 2 September to 1 October.
      deploymentFrequency: {
        value: close(24 / 21),
        unit: 'per_working_day',
        sampleSize: 24,
        previous: { value: close(10 / 22), sampleSize: 10 },
        level: 'elite',
        target: { comparator: 'gte', threshold: 1 },
        met: true,
      },
      deploymentDaysPerWeek: {
        value: 5,
        unit: 'per_week',
        sampleSize: 3,
        previous: { value: 1, sampleSize: 3 },
        level: null,
        target: null,
        met: null,
      },
      leadTime: {
        value: 15,
        statistic: 'median',
        mean: 25,
        median: 15,
        unit: 'hours',
        sampleSize: 10,
        p90: close(55),
        previous: { value: 50, sampleSize: 2 },
        level: 'elite',
        target: { comparator: 'lt', threshold: 24 },
        met: true,
      },
      changeFailureRate: {
        value: close(2 / 24),
        unit: 'ratio',
        sampleSize: 24,
        previous: { value: close(0.3), sampleSize: 10 },
        level: 'high',
        target: { comparator: 'lt', threshold: 0.05 },
        met: false,
      },
      timeToRestore: {
        // The 5-hour incident pulls the mean (2.5 h) above the median (2.25 h).
        value: 2.5,
        statistic: 'mean',
        mean: 2.5,
        median: 2.25,
        unit: 'hours',
        sampleSize: 4,
        p90: close(4.4),
        open: 1,
        previous: { value: null, sampleSize: 0 },
        level: 'high',
        target: { comparator: 'lt', threshold: 1 },
        met: false,
      },
      failedDeploymentRecoveryTime: {
        value: 1.25,
        statistic: 'median',
        mean: 1.25,
        median: 1.25,
        unit: 'hours',
        sampleSize: 2,
        p90: close(1.85),
        open: 1,
        previous: { value: null, sampleSize: 0 },
        level: 'high',
        target: { comparator: 'lt', threshold: 1 },
        met: false,
      },
      reworkRate: {
        value: close(3 / 24),
        unit: 'ratio',
        sampleSize: 24,
        previous: { value: 0, sampleSize: 10 },
        level: null,
        target: null,
        met: null,
      },
    });
  });

  it('describes its calendar and the data quality of the window', () => {
    expect(result.calendar).toEqual({
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      workingDaysInWindow: 21,
    });
    expect(result.dataQuality).toEqual({
      ...busyMonth.dataQuality,
      attributionWindowHours: 24,
    });
  });

  it('lists the holidays of the window and leaves them out of working days', () => {
    const withHolidays = scorecard({
      calendar: {
        ...defaultCalendar,
        holidays: ['2026-09-30', '2026-10-05', '2026-10-06', '2026-12-31'],
      },
    });
    expect(withHolidays.calendar.holidays).toEqual([
      '2026-10-05',
      '2026-10-06',
    ]);
    expect(withHolidays.dora.deploymentFrequency.value).toBeCloseTo(
      24 / 19,
      12,
    );
    expect(withHolidays.dora.deploymentFrequency.previous.value).toBeCloseTo(
      10 / 21,
      12,
    );
  });

  it('uses the statistic configured for each duration', () => {
    const medianRestore = scorecard({
      statistics: { ...defaultStatistics, timeToRestore: 'median' },
    });
    expect(medianRestore.dora.timeToRestore).toMatchObject({
      value: 2.25,
      statistic: 'median',
      mean: 2.5,
    });
  });

  it('computes the flow metrics', () => {
    expect(result.flow).toEqual({
      cycleTime: {
        value: 54,
        statistic: 'median',
        mean: 68,
        median: 54,
        unit: 'hours',
        sampleSize: 12,
        p85: close(104.4),
        previous: { value: null, sampleSize: 0 },
        level: null,
        target: { comparator: 'lt', threshold: 72 },
        met: true,
      },
      throughput: {
        value: 2.8,
        unit: 'per_week',
        sampleSize: 12,
        previous: { value: 0, sampleSize: 0 },
        level: null,
        target: null,
        met: null,
      },
      wip: {
        value: 7,
        unit: 'count',
        sampleSize: 7,
        previous: { value: 3, sampleSize: 3 },
        level: null,
        target: null,
        met: null,
      },
      flowEfficiency: {
        value: close(48 / 132),
        unit: 'ratio',
        sampleSize: 3,
        previous: { value: null, sampleSize: 0 },
        level: null,
        target: null,
        met: null,
      },
      velocityPredictability: {
        value: close(0.1),
        unit: 'ratio',
        sampleSize: 2,
        previous: { value: null, sampleSize: 1 },
        level: null,
        target: { comparator: 'lte', threshold: 0.1 },
        met: true,
      },
    });
  });

  it('computes the quality metrics', () => {
    expect(result.quality).toEqual({
      lineCoverage: {
        value: 82.5,
        unit: 'percent',
        sampleSize: 1,
        previous: { value: null, sampleSize: 0 },
        level: null,
        target: { comparator: 'gt', threshold: 80 },
        met: true,
      },
      defectEscapeRate: {
        value: 0.25,
        unit: 'ratio',
        sampleSize: 8,
        previous: { value: null, sampleSize: 0 },
        level: null,
        target: null,
        met: null,
      },
      incidentsPer30Days: {
        value: 4,
        unit: 'per_30_days',
        sampleSize: 4,
        previous: { value: 6, sampleSize: 6 },
        level: null,
        target: { comparator: 'lt', threshold: 5 },
        met: true,
      },
    });
  });

  it('puts percentiles and open incidents only on the metrics that have them', () => {
    const all: Record<string, MetricValue> = {
      ...result.dora,
      ...result.flow,
      ...result.quality,
    };
    const keysWith = (field: keyof MetricValue) =>
      Object.entries(all)
        .filter(([, value]) => field in value)
        .map(([key]) => key)
        .sort();
    expect(keysWith('p90')).toEqual([
      'failedDeploymentRecoveryTime',
      'leadTime',
      'timeToRestore',
    ]);
    expect(keysWith('p85')).toEqual(['cycleTime']);
    expect(keysWith('statistic')).toEqual([
      'cycleTime',
      'failedDeploymentRecoveryTime',
      'leadTime',
      'timeToRestore',
    ]);
    expect(keysWith('open')).toEqual([
      'failedDeploymentRecoveryTime',
      'timeToRestore',
    ]);
  });
});

describe('computeScorecard with no data', () => {
  const result = scorecard({ current: noData, previous: noData });

  it('reports zero deployments as a real, low frequency', () => {
    expect(result.dora.deploymentFrequency).toMatchObject({
      value: 0,
      sampleSize: 0,
      previous: { value: 0, sampleSize: 0 },
      level: 'low',
      met: false,
    });
    expect(result.dora.deploymentDaysPerWeek.value).toBe(0);
    expect(result.dora.reworkRate.value).toBeNull();
    expect(result.dora.failedDeploymentRecoveryTime).toMatchObject({
      value: null,
      open: 0,
      level: null,
    });
  });

  it('reports metrics without samples as null with no level and no verdict', () => {
    expect(result.dora.leadTime).toMatchObject({
      value: null,
      p90: null,
      sampleSize: 0,
      level: null,
      met: null,
    });
    expect(result.dora.changeFailureRate).toMatchObject({
      value: null,
      sampleSize: 0,
      level: null,
      met: null,
    });
    expect(result.dora.timeToRestore).toMatchObject({
      value: null,
      p90: null,
      open: 0,
      level: null,
      met: null,
    });
    expect(result.flow.cycleTime).toMatchObject({
      value: null,
      p85: null,
      met: null,
    });
    expect(result.flow.flowEfficiency.value).toBeNull();
    expect(result.flow.velocityPredictability.value).toBeNull();
    expect(result.quality.lineCoverage).toMatchObject({
      value: null,
      sampleSize: 0,
      met: null,
    });
    expect(result.quality.defectEscapeRate.value).toBeNull();
  });

  it('reports counts and rates of nothing as 0', () => {
    expect(result.flow.throughput.value).toBe(0);
    expect(result.flow.wip.value).toBe(0);
    expect(result.quality.incidentsPer30Days).toMatchObject({
      value: 0,
      met: true,
    });
  });
});

describe('computeScorecard edge cases', () => {
  const current = (inputs: Partial<WindowInputs>) =>
    scorecard({ current: { ...noData, ...inputs } });

  it('uses the only sample as median and percentile', () => {
    const result = current({
      leadTimesHours: [5],
      restoreTimesHours: [2],
      cycleTimesHours: [30],
    });
    expect(result.dora.leadTime).toMatchObject({
      value: 5,
      p90: 5,
      sampleSize: 1,
    });
    expect(result.dora.timeToRestore).toMatchObject({ value: 2, p90: 2 });
    expect(result.flow.cycleTime).toMatchObject({ value: 30, p85: 30 });
  });

  it('scores lead time from the summary the database computed exactly as from the samples', () => {
    const fromSamples = current({ leadTimesHours: busyMonth.leadTimesHours });
    const fromSummary = current({
      leadTimesHours: [],
      leadTime: {
        sampleSize: 10,
        mean: mean(busyMonth.leadTimesHours),
        median: median(busyMonth.leadTimesHours),
        p90: percentile(busyMonth.leadTimesHours, 0.9),
      },
    });
    expect(fromSamples.dora.leadTime).toMatchObject({
      value: 15,
      p90: close(55),
      sampleSize: 10,
    });
    expect(fromSummary.dora.leadTime).toEqual(fromSamples.dora.leadTime);
    expect(
      current({
        leadTime: { sampleSize: 0, mean: null, median: null, p90: null },
      }).dora.leadTime,
    ).toEqual(current({}).dora.leadTime);
  });

  it('shows open incidents without averaging them into time to restore', () => {
    expect(
      current({ restoreTimesHours: [2, 4], openIncidents: 5 }).dora
        .timeToRestore,
    ).toMatchObject({ value: 3, sampleSize: 2, open: 5 });
    expect(current({ openIncidents: 3 }).dora.timeToRestore).toMatchObject({
      value: null,
      sampleSize: 0,
      open: 3,
      level: null,
    });
  });

  it('rates the thresholds exactly as the level table says', () => {
    const atThresholds = current({
      countedDeployments: 21,
      deploymentFinishedAt: octoberDays(5, 6, 7, 8, 9, 12, 13, 14, 15, 16),
      failedDeployments: 0,
      leadTimesHours: [24],
      restoreTimesHours: [1],
    });
    expect(atThresholds.dora.deploymentFrequency.level).toBe('elite');
    expect(atThresholds.dora.deploymentFrequency.met).toBe(true);
    expect(atThresholds.dora.leadTime.level).toBe('high');
    expect(atThresholds.dora.leadTime.met).toBe(false);
    expect(atThresholds.dora.timeToRestore.level).toBe('high');
    expect(atThresholds.dora.changeFailureRate.level).toBe('elite');

    const fivePercent = current({
      countedDeployments: 20,
      failedDeployments: 1,
    });
    expect(fivePercent.dora.changeFailureRate).toMatchObject({
      value: 0.05,
      level: 'elite',
      met: false,
    });
  });

  it('rates deployment frequency by deployment days: one a month medium, one a week high', () => {
    expect(
      current({
        countedDeployments: 1,
        deploymentFinishedAt: octoberDays(14),
      }).dora.deploymentFrequency.level,
    ).toBe('medium');
    expect(
      current({
        countedDeployments: 12,
        deploymentFinishedAt: octoberDays(5, 5, 5, 5, 5, 5, 12, 19, 19, 20),
      }).dora.deploymentFrequency.level,
    ).toBe('high');
    expect(current({}).dora.deploymentFrequency.level).toBe('low');
  });

  it('counts weekend deployment days but not weekend working days', () => {
    // Every day of the week of 5 October, Saturday and Sunday included: one week of 7 days,
    // two weeks of none, so the median week has none.
    const result = current({
      countedDeployments: 7,
      deploymentFinishedAt: octoberDays(5, 6, 7, 8, 9, 10, 11),
    });
    expect(result.dora.deploymentFrequency.value).toBeCloseTo(7 / 21, 12);
    expect(result.dora.deploymentDaysPerWeek).toMatchObject({
      value: 0,
      sampleSize: 3,
    });
  });

  it('has no frequency per working day in a window without working time', () => {
    const saturday = {
      from: new Date('2026-10-31T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
    };
    const result = scorecard({
      window: saturday,
      current: {
        ...noData,
        countedDeployments: 2,
        deploymentFinishedAt: octoberDays(31, 31),
      },
    });
    expect(result.dora.deploymentFrequency).toMatchObject({
      value: null,
      sampleSize: 2,
      level: null,
    });
    expect(result.dora.deploymentDaysPerWeek).toMatchObject({
      value: null,
      sampleSize: 0,
    });
  });

  it('scales rates to the window length', () => {
    const week = {
      from: new Date('2026-10-26T00:00:00Z'),
      to: new Date('2026-11-02T00:00:00Z'),
    };
    const result = scorecard({
      window: week,
      current: {
        ...noData,
        countedDeployments: 10,
        deploymentFinishedAt: octoberDays(26, 27, 28, 29, 30),
        cycleTimesHours: [1, 2, 3],
        incidentsOpened: 2,
      },
    });
    expect(result.dora.deploymentFrequency.value).toBe(2);
    expect(result.dora.deploymentDaysPerWeek.value).toBe(5);
    expect(result.dora.deploymentFrequency.level).toBe('elite');
    expect(result.flow.throughput.value).toBe(3);
    expect(result.quality.incidentsPer30Days.value).toBeCloseTo(60 / 7, 10);
    expect(result.previousWindow).toEqual({
      from: '2026-10-19T00:00:00.000Z',
      to: '2026-10-26T00:00:00.000Z',
    });
  });

  it('counts every rolled back or incident-causing deployment as failed', () => {
    expect(
      current({ countedDeployments: 4, failedDeployments: 4 }).dora
        .changeFailureRate,
    ).toMatchObject({ value: 1, level: 'low' });
  });

  it('weighs flow efficiency by cycle time and does not cap it at 1', () => {
    expect(
      current({
        flowEfficiencySamples: [
          { activeHours: 1, cycleHours: 1 },
          { activeHours: 0, cycleHours: 9 },
        ],
      }).flow.flowEfficiency.value,
    ).toBeCloseTo(0.1, 10);
    expect(
      current({
        flowEfficiencySamples: [{ activeHours: 12, cycleHours: 10 }],
      }).flow.flowEfficiency.value,
    ).toBeCloseTo(1.2, 10);
  });

  it('reports flow efficiency as null when no cycle time was recorded', () => {
    expect(
      current({ flowEfficiencySamples: [{ activeHours: 0, cycleHours: 0 }] })
        .flow.flowEfficiency,
    ).toMatchObject({ value: null, sampleSize: 1 });
  });

  it('needs two sprints with points for velocity predictability', () => {
    expect(
      current({ pointsPerSprint: [30] }).flow.velocityPredictability,
    ).toMatchObject({ value: null, sampleSize: 1, met: null });
    expect(
      current({ pointsPerSprint: [0, 0] }).flow.velocityPredictability.value,
    ).toBeNull();
    expect(
      current({ pointsPerSprint: [10, 30] }).flow.velocityPredictability,
    ).toMatchObject({ value: 0.5, met: false });
  });

  it('reports 0% coverage as a value, not as missing', () => {
    expect(
      current({ latestCoverage: { lineCoverage: 0, branchCoverage: null } })
        .quality.lineCoverage,
    ).toMatchObject({ value: 0, sampleSize: 1, met: false });
  });

  it('reports a defect escape rate of 0 when bugs were created but none escaped', () => {
    expect(
      current({ bugsCreated: 5, escapedBugs: 0 }).quality.defectEscapeRate,
    ).toMatchObject({ value: 0, sampleSize: 5 });
  });

  it('uses the targets and levels it is given', () => {
    const targets: MetricTargets = {
      leadTime: { comparator: 'lte', threshold: 15 },
      throughput: { comparator: 'gte', threshold: 3 },
    };
    const levels: LevelThresholds = {
      ...defaultLevelThresholds,
      leadTime: {
        elite: { comparator: 'lt', threshold: 10 },
        high: { comparator: 'lte', threshold: 15 },
        medium: { comparator: 'lt', threshold: 100 },
      },
    };
    const result = scorecard({ targets, levels });
    expect(result.dora.leadTime).toMatchObject({
      level: 'high',
      target: { comparator: 'lte', threshold: 15 },
      met: true,
    });
    expect(result.flow.throughput).toMatchObject({
      target: { comparator: 'gte', threshold: 3 },
      met: false,
    });
    expect(result.dora.deploymentFrequency).toMatchObject({
      target: null,
      met: null,
    });
    expect(result.dora.reworkRate).toMatchObject({ target: null, met: null });
  });

  it('rolls up several entities as given', () => {
    const result = scorecard({
      entityRef: null,
      entityRefs: ['component:default/a', 'component:default/b'],
    });
    expect(result.entityRef).toBeNull();
    expect(result.entityRefs).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
  });

  it('does not mutate its inputs', () => {
    const inputs: WindowInputs = {
      ...busyMonth,
      leadTimesHours: [30, 2, 18],
    };
    scorecard({ current: inputs, previous: inputs });
    expect(inputs.leadTimesHours).toEqual([30, 2, 18]);
  });

  it('rejects an empty window', () => {
    const instant = new Date('2026-11-01T00:00:00Z');
    expect(() => scorecard({ window: { from: instant, to: instant } })).toThrow(
      RangeError,
    );
  });
});
