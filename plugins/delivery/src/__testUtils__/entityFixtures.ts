import { Entity } from '@backstage/catalog-model';
import {
  MetricValue,
  Scorecard,
  ScorecardRecords,
} from '@delivery-insights/backstage-plugin-delivery-common';

/** The component the entity card and tab tests show; its backend path below. */
export const checkoutService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const CHECKOUT_PATH = '/entities/component/default/checkout-service';

export const OCTOBER = {
  from: '2026-10-01T00:00:00.000Z',
  to: '2026-10-31T00:00:00.000Z',
};

/** A metric with nothing recorded, to override field by field. */
export const metricValue = (overrides: Partial<MetricValue>): MetricValue => ({
  value: null,
  unit: 'count',
  sampleSize: 0,
  previous: { value: null, sampleSize: 0 },
  level: null,
  target: null,
  met: null,
  ...overrides,
});

/**
 * checkout-service in October 2026, as the backend's own scorecard test computes it from its example
 * events (plugins/delivery-backend/src/plugin.scorecard.test.ts).
 */
export const octoberScorecard = (): Scorecard => ({
  entityRef: 'component:default/checkout-service',
  entityRefs: ['component:default/checkout-service'],
  window: OCTOBER,
  previousWindow: {
    from: '2026-09-01T00:00:00.000Z',
    to: '2026-10-01T00:00:00.000Z',
  },
  calendar: {
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5],
    holidays: [],
    workingDaysInWindow: 22,
  },
  dataQuality: {
    deploymentsWithoutChanges: 0,
    incidents: { declared: 1, inferred: 0, none: 1 },
    excludedChanges: {
      merged_before_first_commit: 0,
      deployed_before_first_commit: 0,
    },
    attributionWindowHours: 24,
  },
  dora: {
    deploymentFrequency: metricValue({
      value: 4 / 30,
      unit: 'per_day',
      sampleSize: 4,
      previous: { value: 0, sampleSize: 0 },
      level: 'medium',
      target: { comparator: 'gte', threshold: 1 },
      met: false,
    }),
    deploymentDaysPerWeek: metricValue({
      value: 3 / (30 / 7),
      unit: 'per_week',
      sampleSize: 4,
    }),
    leadTime: metricValue({
      value: 48,
      p90: 48,
      unit: 'hours',
      sampleSize: 3,
      level: 'high',
      target: { comparator: 'lt', threshold: 24 },
      met: false,
    }),
    changeFailureRate: metricValue({
      value: 0.5,
      unit: 'ratio',
      sampleSize: 4,
      previous: { value: 0.25, sampleSize: 4 },
      level: 'low',
      target: { comparator: 'lt', threshold: 0.05 },
      met: false,
    }),
    timeToRestore: metricValue({
      value: 1.25,
      p90: 1.85,
      unit: 'hours',
      sampleSize: 2,
      open: 1,
      previous: { value: 3, sampleSize: 1 },
      level: 'high',
      target: { comparator: 'lt', threshold: 2 },
      met: true,
    }),
    failedDeploymentRecoveryTime: metricValue({
      value: 3,
      statistic: 'median',
      mean: 3,
      median: 3,
      p90: 3,
      unit: 'hours',
      sampleSize: 1,
      open: 1,
      level: 'high',
      target: { comparator: 'lt', threshold: 1 },
      met: false,
    }),
    reworkRate: metricValue({
      value: 0.25,
      unit: 'ratio',
      sampleSize: 4,
    }),
  },
  flow: {
    cycleTime: metricValue({
      value: 36,
      p85: 44.4,
      unit: 'hours',
      sampleSize: 2,
      target: { comparator: 'lt', threshold: 24 },
      met: false,
    }),
    throughput: metricValue({
      value: 2 / (30 / 7),
      unit: 'per_week',
      sampleSize: 2,
    }),
    wip: metricValue({ value: 1, unit: 'count', sampleSize: 1 }),
    flowEfficiency: metricValue({
      value: 12 / 48,
      unit: 'ratio',
      sampleSize: 1,
    }),
    velocityPredictability: metricValue({
      value: 0.25,
      unit: 'ratio',
      sampleSize: 2,
      target: { comparator: 'lte', threshold: 0.1 },
      met: false,
    }),
  },
  quality: {
    lineCoverage: metricValue({
      value: 84.5,
      unit: 'percent',
      sampleSize: 1,
      previous: { value: 80, sampleSize: 1 },
      target: { comparator: 'gt', threshold: 80 },
      met: true,
    }),
    defectEscapeRate: metricValue({
      value: 0.5,
      unit: 'ratio',
      sampleSize: 2,
    }),
    incidentsPer30Days: metricValue({
      value: 3,
      unit: 'per_30_days',
      sampleSize: 3,
      target: { comparator: 'lt', threshold: 5 },
      met: true,
    }),
  },
});

/** A scorecard of a window in which nothing was recorded. */
export const emptyScorecard = (): Scorecard => {
  const scorecard = octoberScorecard();
  const empty = (metric: MetricValue) =>
    metricValue({ unit: metric.unit, target: metric.target });
  const emptyGroup = <T extends Record<string, MetricValue>>(group: T) =>
    Object.fromEntries(
      Object.entries(group).map(([key, metric]) => [key, empty(metric)]),
    ) as T;
  return {
    ...scorecard,
    dora: emptyGroup(scorecard.dora),
    flow: emptyGroup(scorecard.flow),
    quality: emptyGroup(scorecard.quality),
  };
};

/** The records behind checkout-service's October numbers, newest first. */
export const octoberRecords = (): ScorecardRecords => ({
  window: OCTOBER,
  deployments: [
    {
      source: 'github',
      id: 'd5',
      entityRef: 'component:default/checkout-service',
      environment: 'production',
      status: 'success',
      startedAt: '2026-10-20T09:50:00.000Z',
      finishedAt: '2026-10-20T10:00:00.000Z',
      url: 'https://github.com/acme/checkout/deployments/d5',
      failed: true,
      reason: null,
      fixesIncidentIds: [],
      rework: false,
      changeIds: ['pr-4'],
    },
    {
      source: 'github',
      id: 'd3',
      entityRef: 'component:default/checkout-service',
      environment: 'production',
      status: 'rolled_back',
      startedAt: null,
      finishedAt: '2026-10-09T10:00:00.000Z',
      url: null,
      failed: true,
      reason: null,
      fixesIncidentIds: [],
      rework: false,
      changeIds: ['pr-3'],
    },
    {
      source: 'github',
      id: 'd2',
      entityRef: 'component:default/checkout-service',
      environment: 'production',
      status: 'success',
      startedAt: '2026-10-03T09:50:00.000Z',
      finishedAt: '2026-10-03T10:00:00.000Z',
      url: 'https://github.com/acme/checkout/deployments/d2',
      failed: false,
      reason: null,
      fixesIncidentIds: [],
      rework: false,
      changeIds: ['pr-1', 'pr-2'],
    },
  ],
  changes: [
    {
      source: 'github',
      id: 'pr-3',
      entityRef: 'component:default/checkout-service',
      title: 'Retry failed payments',
      author: 'ana',
      url: 'https://github.com/acme/checkout/pull/3',
      firstCommitAt: '2026-10-01T10:00:00.000Z',
      mergedAt: '2026-10-07T10:00:00.000Z',
      deployedAt: '2026-10-09T10:00:00.000Z',
      deploymentId: 'd3',
      leadTimeHours: 192,
    },
    {
      source: 'github',
      id: 'pr-2',
      entityRef: 'component:default/checkout-service',
      title: null,
      author: null,
      url: null,
      firstCommitAt: '2026-10-03T09:30:00.000Z',
      mergedAt: null,
      deployedAt: '2026-10-03T10:00:00.000Z',
      deploymentId: 'd2',
      leadTimeHours: 0.5,
    },
    {
      source: 'github',
      id: 'pr-1',
      entityRef: 'component:default/checkout-service',
      title: 'Add Apple Pay',
      author: 'bo',
      url: 'https://github.com/acme/checkout/pull/1',
      firstCommitAt: '2026-10-01T10:00:00.000Z',
      mergedAt: '2026-10-02T10:00:00.000Z',
      deployedAt: '2026-10-03T10:00:00.000Z',
      deploymentId: 'd2',
      leadTimeHours: 48,
    },
  ],
  incidents: [
    {
      source: 'pagerduty',
      id: 'inc-3',
      entityRef: 'component:default/checkout-service',
      severity: 'SEV2',
      title: 'Checkout latency',
      url: 'https://acme.pagerduty.com/incidents/inc-3',
      openedAt: '2026-10-28T08:00:00.000Z',
      acknowledgedAt: null,
      resolvedAt: null,
      causedByDeploymentId: null,
      causeDeploymentId: null,
      causeSource: null,
      timeToRestoreHours: null,
    },
    {
      source: 'pagerduty',
      id: 'inc-1',
      entityRef: 'component:default/checkout-service',
      severity: 'SEV1',
      title: 'Payments failing',
      url: null,
      openedAt: '2026-10-20T11:00:00.000Z',
      acknowledgedAt: '2026-10-20T11:05:00.000Z',
      resolvedAt: '2026-10-20T13:00:00.000Z',
      causedByDeploymentId: 'd5',
      causeDeploymentId: 'd5',
      causeSource: 'declared',
      timeToRestoreHours: 2,
    },
  ],
  excludedChanges: [],
  truncated: false,
});
