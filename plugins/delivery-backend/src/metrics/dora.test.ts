import {
  DeploymentFact,
  IncidentFact,
  attributeIncidents,
  failedDeploymentKeys,
  isRework,
  recordKey,
  recoveryTimes,
} from './dora';

const HOUR = 3_600_000;
const at = (hours: number) => Date.UTC(2026, 2, 2) + hours * HOUR;

const deployment = (
  id: string,
  finishedHours: number,
  overrides: Partial<DeploymentFact> = {},
): DeploymentFact => ({
  source: 'ci',
  id,
  entityRef: 'component:default/shop',
  status: 'success',
  finishedAt: at(finishedHours),
  reason: null,
  fixesIncidentIds: [],
  ...overrides,
});

const incident = (
  id: string,
  openedHours: number,
  overrides: Partial<IncidentFact> = {},
): IncidentFact => ({
  source: 'pager',
  id,
  entityRef: 'component:default/shop',
  openedAt: at(openedHours),
  resolvedAt: null,
  causedByDeploymentId: null,
  ...overrides,
});

describe('attributeIncidents', () => {
  const deployments = [
    deployment('d1', 0),
    deployment('d2', 10),
    deployment('other', 11, { entityRef: 'component:default/other' }),
  ];

  it('keeps a declared cause, of the incident source', () => {
    const result = attributeIncidents(
      [incident('i1', 12, { causedByDeploymentId: 'd1' })],
      deployments,
      24,
    );
    expect([...result.values()]).toEqual([
      {
        deploymentSource: 'pager',
        deploymentId: 'd1',
        causeSource: 'declared',
      },
    ]);
  });

  it('infers the latest deployment of the same entity before the incident', () => {
    const result = attributeIncidents([incident('i1', 12)], deployments, 24);
    expect(result.get(recordKey(incident('i1', 12)))).toEqual({
      deploymentSource: 'ci',
      deploymentId: 'd2',
      causeSource: 'inferred',
    });
  });

  it('includes both ends of the window and nothing beyond', () => {
    const only = [deployment('d1', 0)];
    expect(attributeIncidents([incident('a', 0)], only, 24).size).toBe(1);
    expect(attributeIncidents([incident('b', 24)], only, 24).size).toBe(1);
    const justOutside = {
      ...incident('c', 24),
      openedAt: at(24) + 1,
    };
    expect(attributeIncidents([justOutside], only, 24).size).toBe(0);
    // A deployment finished after the incident opened did not cause it.
    expect(attributeIncidents([incident('d', -1)], only, 24).size).toBe(0);
  });

  it('infers nothing with a window of 0 hours', () => {
    expect(attributeIncidents([incident('i1', 12)], deployments, 0).size).toBe(
      0,
    );
  });
});

describe('failedDeploymentKeys and isRework', () => {
  it('fails rolled-back deployments and causes of incidents', () => {
    const deployments = [
      deployment('a', 0, { status: 'rolled_back' }),
      deployment('b', 5),
      deployment('c', 6),
    ];
    const failed = failedDeploymentKeys(
      deployments,
      attributeIncidents([incident('i', 5.5)], deployments, 24),
    );
    expect([...failed].sort()).toEqual(
      [recordKey(deployments[0]), recordKey(deployments[1])].sort(),
    );
  });

  it('counts hotfixes, rollbacks and fixes of named incidents as rework', () => {
    expect(isRework(deployment('a', 0, { reason: 'hotfix' }))).toBe(true);
    expect(isRework(deployment('a', 0, { reason: 'rollback' }))).toBe(true);
    expect(isRework(deployment('a', 0, { fixesIncidentIds: ['i1'] }))).toBe(
      true,
    );
    expect(isRework(deployment('a', 0, { reason: 'planned' }))).toBe(false);
    expect(isRework(deployment('a', 0))).toBe(false);
  });
});

describe('recoveryTimes', () => {
  const measure = (
    deployments: DeploymentFact[],
    incidents: IncidentFact[],
    to = at(100),
  ) => {
    const attributions = attributeIncidents(incidents, deployments, 24);
    return recoveryTimes({
      deployments,
      incidents,
      attributions,
      failed: failedDeploymentKeys(deployments, attributions),
      window: { from: at(0), to },
    });
  };

  it('recovers a rollback with the next successful deployment', () => {
    expect(
      measure(
        [
          deployment('a', 1, { status: 'rolled_back' }),
          deployment('b', 1.5, { reason: 'rollback' }),
          deployment('c', 4, { reason: 'hotfix' }),
        ],
        [],
      ),
    ).toEqual({ hours: [0.5], open: 0 });
  });

  it('skips a next deployment that failed itself', () => {
    expect(
      measure(
        [
          deployment('a', 1, { status: 'rolled_back' }),
          deployment('b', 2, { status: 'rolled_back' }),
          deployment('c', 5),
        ],
        [],
      ),
    ).toEqual({ hours: [4, 3], open: 0 });
  });

  it('ends at the resolution of a caused incident when that comes first', () => {
    expect(
      measure(
        [deployment('a', 1), deployment('b', 10)],
        [incident('i', 2, { resolvedAt: at(3) })],
      ),
    ).toEqual({ hours: [2], open: 0 });
  });

  it('reports a failed deployment not recovered before the window end as open', () => {
    expect(
      measure([deployment('a', 1, { status: 'rolled_back' })], []),
    ).toEqual({ hours: [], open: 1 });
    expect(
      measure(
        [deployment('a', 1, { status: 'rolled_back' }), deployment('b', 100)],
        [],
      ),
    ).toEqual({ hours: [], open: 1 });
  });
});
