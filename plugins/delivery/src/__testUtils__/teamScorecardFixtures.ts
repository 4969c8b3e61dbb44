import { Entity } from '@backstage/catalog-model';
import {
  MetricUnit,
  MetricValue,
  Scorecard,
  TimeSeriesMetric,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { http, HttpResponse } from 'msw';
import { DELIVERY_BASE_URL } from './deliveryBackendMock';

const units: Record<TimeSeriesMetric, MetricUnit> = {
  deploymentFrequency: 'per_day',
  deploymentDaysPerWeek: 'per_week',
  leadTime: 'hours',
  changeFailureRate: 'ratio',
  timeToRestore: 'hours',
  failedDeploymentRecoveryTime: 'hours',
  reworkRate: 'ratio',
  cycleTime: 'hours',
  throughput: 'per_week',
  wip: 'count',
  flowEfficiency: 'ratio',
  velocityPredictability: 'ratio',
  lineCoverage: 'percent',
  defectEscapeRate: 'ratio',
  incidentsPer30Days: 'per_30_days',
};

/** What a test says about one metric; everything else is "no data". */
export type MetricSpec = Partial<Omit<MetricValue, 'previous'>> & {
  previous?: number | null;
};

const metric = (key: TimeSeriesMetric, spec: MetricSpec = {}): MetricValue => {
  const { previous = null, ...rest } = spec;
  const value = rest.value ?? null;
  return {
    value,
    unit: units[key],
    sampleSize: value === null ? 0 : 1,
    level: null,
    target: null,
    met: null,
    ...rest,
    previous: { value: previous, sampleSize: previous === null ? 0 : 1 },
  };
};

/** A scorecard as the backend answers it, over October 2026, with the given metrics. */
export function scorecardFor(
  entityRef: string | null,
  metrics: Partial<Record<TimeSeriesMetric, MetricSpec>> = {},
  entityRefs: string[] = entityRef ? [entityRef] : [],
): Scorecard {
  const m = (key: TimeSeriesMetric) => metric(key, metrics[key]);
  return {
    entityRef,
    entityRefs,
    window: {
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-31T00:00:00.000Z',
    },
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
      incidents: { declared: 0, inferred: 0, none: 0 },
      excludedChanges: {
        merged_before_first_commit: 0,
        deployed_before_first_commit: 0,
      },
      attributionWindowHours: 24,
    },
    dora: {
      deploymentFrequency: m('deploymentFrequency'),
      deploymentDaysPerWeek: m('deploymentDaysPerWeek'),
      leadTime: m('leadTime'),
      changeFailureRate: m('changeFailureRate'),
      timeToRestore: m('timeToRestore'),
      failedDeploymentRecoveryTime: m('failedDeploymentRecoveryTime'),
      reworkRate: m('reworkRate'),
    },
    flow: {
      cycleTime: m('cycleTime'),
      throughput: m('throughput'),
      wip: m('wip'),
      flowEfficiency: m('flowEfficiency'),
      velocityPredictability: m('velocityPredictability'),
    },
    quality: {
      lineCoverage: m('lineCoverage'),
      defectEscapeRate: m('defectEscapeRate'),
      incidentsPer30Days: m('incidentsPer30Days'),
    },
  };
}

/**
 * Answers `/scorecards` with the scorecard of each requested ref (an empty one for an unknown
 * ref) and records the refs of every request, for assertions on what the UI asked for.
 */
export function scorecardsBackend(byRef: Record<string, Scorecard> = {}) {
  const requests: string[][] = [];
  const handler = http.get(`${DELIVERY_BASE_URL}/scorecards`, ({ request }) => {
    const refs = new URL(request.url).searchParams.getAll('entityRef');
    requests.push(refs);
    return HttpResponse.json({
      items: refs.map(ref => byRef[ref] ?? scorecardFor(ref)),
    });
  });
  return { handler, requests };
}

/** A catalog Component owned by `owner` (a group ref), with its ownedBy relation. */
export function component(
  name: string,
  spec: { owner: string; system?: string; lifecycle?: string },
): Entity {
  const relations = [{ type: 'ownedBy', targetRef: spec.owner }];
  if (spec.system) {
    relations.push({ type: 'partOf', targetRef: spec.system });
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: spec.lifecycle ?? 'production',
      owner: spec.owner,
      ...(spec.system ? { system: spec.system } : {}),
    },
    relations,
  };
}

/** A catalog Group of type `team`. */
export function team(name: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec: { type: 'team', children: [] },
  };
}
