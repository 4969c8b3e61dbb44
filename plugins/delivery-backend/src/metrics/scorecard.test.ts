import { MetricValue } from '@delivery-insights/backstage-plugin-delivery-common';
import { LevelThresholds, defaultLevelThresholds } from './levels';
import { WindowInputs, computeScorecard } from './scorecard';
import { median, percentile } from './statistics';
import { MetricTargets, defaultTargets } from './targets';

const thirtyDays = {
  from: new Date('2026-10-02T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
};

const noData: WindowInputs = {
  countedDeployments: 0,
  failedDeployments: 0,
  deploymentDays: 0,
  leadTimesHours: [],
  restoreTimesHours: [],
  openIncidents: 0,
  cycleTimesHours: [],
  flowEfficiencySamples: [],
  wip: 0,
  pointsPerSprint: [],
  bugsCreated: 0,
  escapedBugs: 0,
  incidentsOpened: 0,
  latestCoverage: null,
};

const busyMonth: WindowInputs = {
  countedDeployments: 24,
  failedDeployments: 2,
  deploymentDays: 15,
  leadTimesHours: [30, 2, 18, 50, 6, 100, 12, 20, 8, 4],
  restoreTimesHours: [0.5, 3, 1.5],
  openIncidents: 1,
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
};

const quietMonth: WindowInputs = {
  ...noData,
  countedDeployments: 10,
  failedDeployments: 3,
  deploymentDays: 6,
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
      deploymentFrequency: {
        value: close(0.8),
        unit: 'per_day',
        sampleSize: 24,
        previous: { value: close(1 / 3), sampleSize: 10 },
        level: 'high',
        target: { comparator: 'gte', threshold: 1 },
        met: false,
      },
      deploymentDaysPerWeek: {
        value: 3.5,
        unit: 'per_week',
        sampleSize: 24,
        previous: { value: 1.4, sampleSize: 10 },
        level: null,
        target: null,
        met: null,
      },
      leadTime: {
        value: 15,
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
        value: 1.5,
        unit: 'hours',
        sampleSize: 3,
        p90: close(2.7),
        open: 1,
        previous: { value: null, sampleSize: 0 },
        level: 'high',
        target: { comparator: 'lt', threshold: 1 },
        met: false,
      },
    });
  });

  it('computes the flow metrics', () => {
    expect(result.flow).toEqual({
      cycleTime: {
        value: 54,
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
    expect(keysWith('p90')).toEqual(['leadTime', 'timeToRestore']);
    expect(keysWith('p85')).toEqual(['cycleTime']);
    expect(keysWith('open')).toEqual(['timeToRestore']);
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
        leadTime: { sampleSize: 0, median: null, p90: null },
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
      countedDeployments: 30,
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

  it('rates one deployment a month as medium and one a week as high', () => {
    expect(
      current({ countedDeployments: 1 }).dora.deploymentFrequency.level,
    ).toBe('medium');
    expect(
      scorecard({
        window: {
          from: new Date('2026-10-04T00:00:00Z'),
          to: new Date('2026-11-01T00:00:00Z'),
        },
        current: { ...noData, countedDeployments: 4 },
      }).dora.deploymentFrequency.level,
    ).toBe('high');
  });

  it('scales rates to the window length', () => {
    const week = {
      from: new Date('2026-10-25T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
    };
    const result = scorecard({
      window: week,
      current: {
        ...noData,
        countedDeployments: 14,
        deploymentDays: 5,
        cycleTimesHours: [1, 2, 3],
        incidentsOpened: 2,
      },
    });
    expect(result.dora.deploymentFrequency.value).toBe(2);
    expect(result.dora.deploymentDaysPerWeek.value).toBe(5);
    expect(result.flow.throughput.value).toBe(3);
    expect(result.quality.incidentsPer30Days.value).toBeCloseTo(60 / 7, 10);
    expect(result.previousWindow).toEqual({
      from: '2026-10-18T00:00:00.000Z',
      to: '2026-10-25T00:00:00.000Z',
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
