import {
  DEFAULT_ISSUE_TYPES,
  flowTimes,
  parseSprintField,
  sprintOf,
  StatusChange,
  toWorkItemEvent,
} from './workItems';

const at = (day: number) =>
  `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;

describe('flowTimes', () => {
  it('starts at the first move into In Progress and completes at the move into Done', () => {
    expect(
      flowTimes({
        createdAt: at(1),
        currentCategory: 'done',
        changes: [
          { at: at(3), from: 'new', to: 'indeterminate' },
          { at: at(4), from: 'indeterminate', to: 'indeterminate' },
          { at: at(6), from: 'indeterminate', to: 'done' },
          { at: at(7), from: 'done', to: 'done' },
        ],
      }),
    ).toEqual({ startedAt: at(3), completedAt: at(6) });
  });

  it('leaves a reopened issue open and completes it at its last move into Done', () => {
    const changes: StatusChange[] = [
      { at: at(2), from: 'new', to: 'indeterminate' },
      { at: at(3), from: 'indeterminate', to: 'done' },
      { at: at(5), from: 'done', to: 'new' },
    ];
    expect(
      flowTimes({ createdAt: at(1), currentCategory: 'new', changes }),
    ).toEqual({ startedAt: at(2), completedAt: undefined });
    expect(
      flowTimes({
        createdAt: at(1),
        currentCategory: 'done',
        changes: [
          ...changes,
          { at: at(8), from: 'new', to: 'done' } as StatusChange,
        ].reverse(),
      }),
    ).toEqual({ startedAt: at(2), completedAt: at(8) });
  });

  it('starts at creation an issue created in progress, and completes with the resolution date an issue without transitions', () => {
    expect(
      flowTimes({
        createdAt: at(1),
        currentCategory: 'done',
        changes: [{ at: at(4), from: 'indeterminate', to: 'done' }],
      }),
    ).toEqual({ startedAt: at(1), completedAt: at(4) });
    expect(
      flowTimes({
        createdAt: at(1),
        currentCategory: 'done',
        resolutionDate: at(2),
        changes: [],
      }),
    ).toEqual({ startedAt: undefined, completedAt: at(2) });
  });
});

describe('parseSprintField', () => {
  it('reads the objects of Jira Cloud and the strings of Data Center, names with commas included', () => {
    expect(
      parseSprintField([
        {
          id: 37,
          name: 'Sprint 7',
          state: 'closed',
          boardId: 5,
          goal: '',
          startDate: '2026-11-02T09:00:00.000Z',
          endDate: '2026-11-16T09:00:00.000Z',
          completeDate: '2026-11-16T10:00:00.000Z',
        },
        'com.atlassian.greenhopper.service.sprint.Sprint@1f39706[id=38,rapidViewId=5,state=ACTIVE,name=Sprint 8, the big one,startDate=2026-11-16T10:00:00.000+01:00,endDate=2026-11-30T10:00:00.000+01:00,completeDate=<null>,sequence=38,goal=]',
        'garbage',
      ]),
    ).toEqual([
      {
        id: 37,
        name: 'Sprint 7',
        state: 'closed',
        startDate: '2026-11-02T09:00:00.000Z',
        endDate: '2026-11-16T09:00:00.000Z',
        completeDate: '2026-11-16T10:00:00.000Z',
      },
      {
        id: 38,
        name: 'Sprint 8, the big one',
        state: 'ACTIVE',
        startDate: '2026-11-16T09:00:00.000Z',
        endDate: '2026-11-30T09:00:00.000Z',
        completeDate: undefined,
      },
    ]);
    expect(parseSprintField(null)).toEqual([]);
  });
});

describe('sprintOf', () => {
  const first = {
    id: 1,
    name: 'S1',
    startDate: at(1),
    endDate: at(14),
    completeDate: at(14),
  };
  const second = { id: 2, name: 'S2', startDate: at(14), endDate: at(28) };
  const future = { id: 3, name: 'S3' };

  it('is the sprint running at completion, so a carried-over issue counts in the next sprint', () => {
    expect(sprintOf([first, second], at(20))?.name).toBe('S2');
    expect(sprintOf([second, first], at(10))?.name).toBe('S1');
  });

  it('is the latest started one for a completion outside every sprint, and the latest for an open issue', () => {
    expect(sprintOf([first], at(20))?.name).toBe('S1');
    expect(sprintOf([first, second, future])?.name).toBe('S3');
    expect(sprintOf([])).toBeUndefined();
  });
});

describe('toWorkItemEvent', () => {
  const facts = {
    key: 'SHOP-1',
    issueType: 'Bug',
    created: '2026-11-01T10:00:00.000+0100',
    currentCategory: 'done' as const,
    changes: [{ at: at(2), from: 'new' as const, to: 'done' as const }],
    points: 3,
    sprints: [
      {
        id: 1,
        name: 'S1',
        startDate: at(1),
        endDate: at(14),
        completeDate: at(15),
      },
    ],
    foundInProduction: true,
  };
  const options = {
    entityRef: 'component:default/shop',
    issueTypes: DEFAULT_ISSUE_TYPES,
  };

  it('maps an issue with its kind, times, sprint and production flag', () => {
    expect(toWorkItemEvent(facts, options)).toEqual({
      event: {
        type: 'workItem',
        source: 'jira',
        id: 'SHOP-1',
        entityRef: 'component:default/shop',
        kind: 'bug',
        createdAt: '2026-11-01T09:00:00.000Z',
        completedAt: at(2),
        escaped: true,
        points: 3,
        sprint: 'S1',
        sprintStartedAt: at(1),
        sprintEndsAt: at(14),
        sprintCompletedAt: at(15),
      },
    });
  });

  it('leaves out ignored types, flags only bugs as escaped and skips an issue without creation', () => {
    expect(
      toWorkItemEvent({ ...facts, issueType: 'Epic' }, options),
    ).toBeUndefined();
    expect(
      toWorkItemEvent(
        { ...facts, issueType: 'Initiative' },
        { ...options, issueTypes: { initiative: 'ignore' } },
      ),
    ).toBeUndefined();
    expect(
      toWorkItemEvent({ ...facts, issueType: 'Story' }, options),
    ).toMatchObject({ event: { kind: 'story', escaped: false } });
    expect(
      toWorkItemEvent({ ...facts, issueType: 'Whatever' }, options),
    ).toMatchObject({ event: { kind: 'task' } });
    expect(toWorkItemEvent({ ...facts, created: null }, options)).toEqual({
      skipped: { id: 'SHOP-1', reason: 'issue without a valid created' },
    });
  });
});
