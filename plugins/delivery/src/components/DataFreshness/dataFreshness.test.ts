import { SyncStatus } from '@delivery-insights/backstage-plugin-delivery-common';
import { dataFreshness } from './dataFreshness';

const status = (overrides: Partial<SyncStatus>): SyncStatus => ({
  provider: 'github',
  entityRef: 'component:default/checkout-service',
  recordsSeen: 0,
  recordsSkipped: 0,
  lastSkipped: [],
  ...overrides,
});

describe('dataFreshness', () => {
  it('dates the data by the oldest last success among the providers', () => {
    const result = dataFreshness([
      status({ provider: 'github', lastSuccessAt: '2026-11-25T10:00:00Z' }),
      status({ provider: 'pagerduty', lastSuccessAt: '2026-11-25T08:00:00Z' }),
    ]);
    expect(result.asOf).toEqual(new Date('2026-11-25T08:00:00Z'));
    expect(result.sources).toEqual(['github', 'pagerduty']);
    expect(result.problems).toEqual([]);
  });

  it('reports a failure newer than the last success, not one that a success followed', () => {
    const result = dataFreshness([
      status({
        provider: 'github',
        lastSuccessAt: '2026-11-25T10:00:00Z',
        lastErrorAt: '2026-11-25T11:00:00Z',
        lastError: 'rate limited',
      }),
      status({
        provider: 'gitlab',
        lastSuccessAt: '2026-11-25T12:00:00Z',
        lastErrorAt: '2026-11-25T11:00:00Z',
        lastError: 'old trouble',
      }),
    ]);
    expect(result.problems).toEqual([
      {
        kind: 'failed',
        provider: 'github',
        at: new Date('2026-11-25T11:00:00Z'),
        message: 'rate limited',
      },
    ]);
  });

  it('reports a provider that never succeeded, and skipped records', () => {
    const result = dataFreshness([
      status({ provider: 'opsgenie', lastAttemptAt: '2026-11-25T10:00:00Z' }),
      status({
        provider: 'github',
        lastSuccessAt: '2026-11-25T10:00:00Z',
        recordsSkipped: 3,
      }),
    ]);
    expect(result.asOf).toEqual(new Date('2026-11-25T10:00:00Z'));
    expect(result.problems).toEqual([
      { kind: 'never', provider: 'opsgenie' },
      { kind: 'skipped', provider: 'github', count: 3 },
    ]);
  });

  it('has no date and no problems without any status', () => {
    expect(dataFreshness([])).toEqual({ sources: [], problems: [] });
  });
});
