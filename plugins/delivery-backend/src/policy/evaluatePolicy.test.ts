import {
  PolicyException,
  PolicyExceptionEvent,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  evaluatePolicy,
  exceptionCovers,
  gateDecision,
  sloPolicyState,
} from './evaluatePolicy';

const policy = { warnBelowPercent: 25 };
const state = (remaining: number | null, alert = 'ok' as const) =>
  sloPolicyState(
    { name: 'availability', remaining, alert: alert as never },
    policy,
  ).state;

describe('sloPolicyState', () => {
  it.each([
    [1, 'normal'],
    [0.25, 'normal'],
    [0.25 + 1e-12, 'normal'],
    [0.2499, 'warn'],
    [0.0001, 'warn'],
    [0, 'freeze'],
    [-0.5, 'freeze'],
    [null, 'normal'],
  ] as const)('with %p of the budget left is %s', (remaining, expected) => {
    expect(state(remaining)).toBe(expected);
  });

  it('counts a budget spent exactly with targetPercent 99.9 as exhausted', () => {
    // 1,000 bad of 1,000,000 against 1 - 99.9 / 100
    const remaining = 1 - 1000 / 1_000_000 / (1 - 99.9 / 100);
    expect(remaining).not.toBe(0);
    expect(state(remaining)).toBe('freeze');
  });

  it('counts exactly 25 % left with targetPercent 99.9 as not below 25 %', () => {
    const remaining = 1 - 750 / 1_000_000 / (1 - 99.9 / 100);
    expect(state(remaining)).toBe('normal');
  });

  it('freezes on a page alert whatever the budget', () => {
    expect(
      sloPolicyState({ name: 'a', remaining: 0.9, alert: 'page' }, policy),
    ).toEqual({
      state: 'freeze',
      reasons: [
        {
          slo: 'a',
          code: 'page_alert',
          message: 'SLO a: burning its budget fast enough to page',
        },
      ],
    });
  });

  it('warns on a ticket alert whatever the budget', () => {
    expect(
      sloPolicyState({ name: 'a', remaining: 0.9, alert: 'ticket' }, policy)
        .state,
    ).toBe('warn');
  });

  it('gives every reason that applies at the state it reached', () => {
    const result = sloPolicyState(
      { name: 'a', remaining: -0.2, alert: 'page' },
      policy,
    );
    expect(result.reasons.map(r => r.code)).toEqual([
      'budget_exhausted',
      'page_alert',
    ]);
    expect(result.reasons[0].message).toBe(
      'SLO a: error budget exhausted (-20 % left)',
    );
  });

  it('uses the policy threshold', () => {
    const strict = { warnBelowPercent: 50 };
    expect(
      sloPolicyState({ name: 'a', remaining: 0.4, alert: 'ok' }, strict),
    ).toEqual({
      state: 'warn',
      reasons: [
        {
          slo: 'a',
          code: 'budget_low',
          message: 'SLO a: 40 % of the error budget left, below 50 %',
        },
      ],
    });
    expect(
      sloPolicyState(
        { name: 'a', remaining: 0.1, alert: 'ok' },
        { warnBelowPercent: 0 },
      ).state,
    ).toBe('normal');
  });

  it('ignores an SLO without data', () => {
    expect(
      sloPolicyState({ name: 'a', remaining: null, alert: 'no_data' }, policy),
    ).toEqual({ state: 'normal', reasons: [] });
  });
});

describe('evaluatePolicy', () => {
  it('takes the worst SLO state', () => {
    const result = evaluatePolicy({
      slos: [
        { name: 'a', remaining: 0.9, alert: 'ok' },
        { name: 'b', remaining: 0.1, alert: 'ok' },
        { name: 'c', remaining: -1, alert: 'ok' },
      ],
      unavailable: [],
      policy,
    });
    expect(result.state).toBe('freeze');
    expect(result.slos.map(s => s.state)).toEqual(['normal', 'warn', 'freeze']);
    expect(result.reasons.map(r => r.slo)).toEqual(['b', 'c']);
  });

  it('lists unavailable SLOs as reasons without changing the state', () => {
    const result = evaluatePolicy({
      slos: [{ name: 'a', remaining: 0.9, alert: 'ok' }],
      unavailable: [{ slo: 'b', message: 'Prometheus default: 503' }],
      policy,
    });
    expect(result.state).toBe('normal');
    expect(result.reasons).toEqual([
      {
        slo: 'b',
        code: 'slo_unavailable',
        message: 'SLO b: Prometheus default: 503',
      },
    ]);
  });

  it('is normal with a reason when nothing is defined', () => {
    const result = evaluatePolicy({ slos: [], unavailable: [], policy });
    expect(result.state).toBe('normal');
    expect(result.reasons.map(r => r.code)).toEqual(['no_slos']);
  });
});

const event = (
  action: PolicyExceptionEvent['action'],
  at: string,
): PolicyExceptionEvent => ({
  action,
  actor: 'user:default/lead',
  at,
  comment: null,
});

const exception = (
  overrides: Partial<PolicyException> = {},
): PolicyException => ({
  id: 'e1',
  entityRef: 'component:default/checkout',
  reasonKind: 'p0-fix',
  justification: 'Fixes the outage',
  deploymentId: null,
  until: '2026-12-01T12:00:00.000Z',
  status: 'granted',
  requestedBy: 'user:default/dev',
  requestedAt: '2026-12-01T09:00:00.000Z',
  events: [
    event('requested', '2026-12-01T09:00:00.000Z'),
    event('granted', '2026-12-01T10:00:00.000Z'),
  ],
  ...overrides,
});

describe('exceptionCovers', () => {
  const at = (iso: string, deploymentId?: string) => ({
    at: new Date(iso),
    deploymentId,
  });

  it('covers from the grant up to, not including, until', () => {
    const e = exception();
    expect(exceptionCovers(e, at('2026-12-01T09:59:59.999Z'))).toBe(false);
    expect(exceptionCovers(e, at('2026-12-01T10:00:00.000Z'))).toBe(true);
    expect(exceptionCovers(e, at('2026-12-01T11:59:59.999Z'))).toBe(true);
    expect(exceptionCovers(e, at('2026-12-01T12:00:00.000Z'))).toBe(false);
  });

  it('covers only its deployment when it names one', () => {
    const e = exception({ deploymentId: 'deploy-42' });
    expect(exceptionCovers(e, at('2026-12-01T11:00:00Z', 'deploy-42'))).toBe(
      true,
    );
    expect(exceptionCovers(e, at('2026-12-01T11:00:00Z', 'deploy-43'))).toBe(
      false,
    );
    expect(exceptionCovers(e, at('2026-12-01T11:00:00Z'))).toBe(false);
  });

  it('never covers a request that was not granted', () => {
    const requested = exception({
      status: 'requested',
      events: [event('requested', '2026-12-01T09:00:00.000Z')],
    });
    const refused = exception({
      status: 'refused',
      events: [
        event('requested', '2026-12-01T09:00:00.000Z'),
        event('refused', '2026-12-01T10:00:00.000Z'),
      ],
    });
    expect(exceptionCovers(requested, at('2026-12-01T11:00:00Z'))).toBe(false);
    expect(exceptionCovers(refused, at('2026-12-01T11:00:00Z'))).toBe(false);
  });

  it('still covers past deployments once the exception has expired', () => {
    const expired = exception({
      status: 'expired',
      events: [
        ...exception().events,
        event('expired', '2026-12-01T12:00:00.000Z'),
      ],
    });
    expect(exceptionCovers(expired, at('2026-12-01T11:00:00Z'))).toBe(true);
  });
});

describe('gateDecision', () => {
  it.each([
    ['normal', null, 'allow'],
    ['warn', null, 'warn'],
    ['freeze', null, 'block'],
    ['freeze', exception(), 'allow'],
    ['warn', exception(), 'warn'],
  ] as const)('in %s with exception %p: %s', (s, e, expected) => {
    expect(gateDecision(s, e)).toBe(expected);
  });
});
