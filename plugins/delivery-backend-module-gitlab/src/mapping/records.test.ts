import { Entity } from '@backstage/catalog-model';
import {
  gitlabDeployment,
  gitlabMergeRequest,
} from '../__testUtils__/fakeGitLab';
import { parseGitLabTime } from './gitlabTime';
import {
  gitlabDeploymentSchema,
  mergedMergeRequestSchema,
  reworkReasonOf,
  toChangeEvent,
  toDeploymentEvent,
} from './records';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
});
const entityRef = 'component:default/checkout';

describe('parseGitLabTime', () => {
  it.each([
    ['2016-08-11T07:36:40.222Z', '2016-08-11T07:36:40.222Z'],
    ['2016-08-11T09:36:01.000+02:00', '2016-08-11T07:36:01.000Z'],
    ['2021-04-28 21:50:00 +0200', '2021-04-28T19:50:00.000Z'],
    ['2017-09-15 16:52:00 UTC', '2017-09-15T16:52:00.000Z'],
  ])('reads %s as %s', (value, expected) => {
    expect(parseGitLabTime(value)).toBe(expected);
  });

  it.each([['yesterday'], ['2016-08-11T07:36:40'], [''], [null], [42]])(
    'refuses %p',
    value => {
      expect(parseGitLabTime(value)).toBeUndefined();
    },
  );
});

describe('toDeploymentEvent', () => {
  const deployment = (status: string, environment = 'production') =>
    gitlabDeploymentSchema.parse(
      gitlabDeployment({
        id: 41,
        status,
        environment,
        startedAt: '2026-11-20T10:00:00.000Z',
        finishedAt: '2026-11-20T10:20:00.000Z',
      }),
    );

  it.each([
    ['success', 'success'],
    ['failed', 'failure'],
    ['canceled', 'failure'],
  ])('stores a %s deployment as %s with its job times', (status, expected) => {
    expect(
      toDeploymentEvent({
        deployment: deployment(status),
        entity: entity(),
        entityRef,
        host: 'gitlab.com',
        changeIds: [
          'gitlab.com/merge_requests/1',
          'gitlab.com/merge_requests/1',
        ],
      }),
    ).toEqual({
      type: 'deployment',
      source: 'gitlab',
      id: 'gitlab.com/deployments/41',
      entityRef,
      environment: 'production',
      status: expected,
      startedAt: '2026-11-20T10:00:00.000Z',
      finishedAt: '2026-11-20T10:20:00.000Z',
      changeIds: ['gitlab.com/merge_requests/1'],
      url: 'https://gitlab.com/northwind/checkout/-/jobs/641',
    });
  });

  it.each([['running'], ['created'], ['blocked']])(
    'leaves out a %s deployment',
    status => {
      expect(
        toDeploymentEvent({
          deployment: deployment(status),
          entity: entity(),
          entityRef,
          host: 'gitlab.com',
          changeIds: [],
        }),
      ).toBeUndefined();
    },
  );

  it("stores the entity's production environment names as production, others as they are", () => {
    const annotated = entity({
      'delivery-insights.io/production-environments': 'prod-eu, prod-us',
    });
    const environmentOf = (name: string) =>
      toDeploymentEvent({
        deployment: deployment('success', name),
        entity: annotated,
        entityRef,
        host: 'gitlab.com',
        changeIds: [],
      })?.environment;
    expect(environmentOf('PROD-EU')).toBe('production');
    expect(environmentOf('staging')).toBe('staging');
  });

  it('takes an API-created deployment without a job from its own times, never starting after the finish', () => {
    const raw = {
      ...gitlabDeployment({
        id: 42,
        status: 'success',
        environment: 'production',
        startedAt: '2016-08-11T07:36:40.222Z',
        finishedAt: '2016-08-11T07:36:39.851Z',
      }),
      deployable: null,
    };
    const event = toDeploymentEvent({
      deployment: gitlabDeploymentSchema.parse(raw),
      entity: entity(),
      entityRef,
      host: 'gitlab.example.com',
      changeIds: [],
    });
    expect(event).toMatchObject({
      id: 'gitlab.example.com/deployments/42',
      startedAt: '2016-08-11T07:36:39.851Z',
      finishedAt: '2016-08-11T07:36:39.851Z',
      url: undefined,
    });
  });
});

describe('toChangeEvent', () => {
  const mergeRequest = mergedMergeRequestSchema.parse(
    gitlabMergeRequest({
      id: 101,
      iid: 1,
      title: 'Add Apple Pay',
      createdAt: '2026-11-19T12:00:00.000Z',
      mergedAt: '2026-11-20T09:00:00.000Z',
      author: 'anna',
    }),
  );

  it('starts at the earliest authored or committed date of its commits', () => {
    expect(
      toChangeEvent({
        mergeRequest,
        commits: [
          {
            authored_date: '2026-11-19T15:00:00+02:00',
            committed_date: '2026-11-19T16:00:00+02:00',
          },
          {
            authored_date: '2026-11-19T10:00:00.000Z',
            committed_date: '2026-11-19T08:30:00.000Z',
          },
        ],
        entityRef,
        host: 'gitlab.com',
      }),
    ).toEqual({
      type: 'change',
      source: 'gitlab',
      id: 'gitlab.com/merge_requests/101',
      entityRef,
      firstCommitAt: '2026-11-19T08:30:00.000Z',
      mergedAt: '2026-11-20T09:00:00.000Z',
      title: 'Add Apple Pay',
      author: 'anna',
      url: 'https://gitlab.com/northwind/checkout/-/merge_requests/1',
    });
  });

  it('starts at the merge request creation when it lists no commits', () => {
    expect(
      toChangeEvent({
        mergeRequest,
        commits: [],
        entityRef,
        host: 'gitlab.com',
      }).firstCommitAt,
    ).toBe('2026-11-19T12:00:00.000Z');
  });

  it('never starts after the merge', () => {
    expect(
      toChangeEvent({
        mergeRequest,
        commits: [{ authored_date: '2026-11-21T00:00:00Z' }],
        entityRef,
        host: 'gitlab.com',
      }).firstCommitAt,
    ).toBe('2026-11-20T09:00:00.000Z');
  });

  it('refuses a merged merge request without merged_at', () => {
    const parsed = mergedMergeRequestSchema.safeParse(
      gitlabMergeRequest({
        id: 1,
        iid: 1,
        createdAt: '2026-11-19T12:00:00Z',
        mergedAt: null,
      }),
    );
    expect(parsed.success).toBe(false);
  });
});

describe('reworkReasonOf', () => {
  it('reads hotfix and revert markers from labels and source branches', () => {
    expect(reworkReasonOf([{ labels: ['HOTFIX'] }])).toBe('hotfix');
    expect(reworkReasonOf([{ source_branch: 'hotfix/cart-total' }])).toBe(
      'hotfix',
    );
    expect(
      reworkReasonOf([
        { source_branch: 'hotfix/cart-total' },
        { source_branch: 'revert-5b3c1f2a' },
      ]),
    ).toBe('rollback');
  });

  it('leaves planned merge requests and malformed items alone', () => {
    expect(
      reworkReasonOf([
        { labels: ['feature'], source_branch: 'feature/hotfix-docs' },
        null,
        { labels: 'hotfix' },
      ]),
    ).toBeUndefined();
    expect(reworkReasonOf([])).toBeUndefined();
  });
});
