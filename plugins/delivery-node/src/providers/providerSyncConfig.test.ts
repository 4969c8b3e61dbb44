import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_PROVIDER_SCHEDULE,
  readProviderSyncConfig,
  withRetryLogging,
} from './providerSyncConfig';

const root = (example?: object) =>
  new ConfigReader({ delivery: example ? { example } : {} });

describe('readProviderSyncConfig', () => {
  it('is undefined when the provider block is absent', () => {
    expect(readProviderSyncConfig(root(), 'delivery.example')).toBeUndefined();
  });

  it('applies the defaults to an empty block', () => {
    const read = readProviderSyncConfig(root({}), 'delivery.example');
    expect(read).toMatchObject({
      schedule: DEFAULT_PROVIDER_SCHEDULE,
      backfillDays: 90,
      retry: {},
    });
    expect(read?.config.keys()).toEqual([]);
  });

  it("takes the provider's own default schedule", () => {
    const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 15 } };
    expect(
      readProviderSyncConfig(root({}), 'delivery.example', {
        defaultSchedule: schedule,
      })?.schedule,
    ).toBe(schedule);
  });

  it('reads the schedule, backfill, retries and the rest of the block', () => {
    const read = readProviderSyncConfig(
      root({
        token: 'secret',
        backfillDays: 30,
        schedule: { frequency: { hours: 1 }, timeout: 'PT5M' },
        retry: {
          retries: 2,
          timeoutMs: 300,
          baseDelayMs: 10,
          maxDelayMs: 5000,
        },
      }),
      'delivery.example',
    );
    expect(read).toMatchObject({
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
      backfillDays: 30,
      retry: { retries: 2, timeoutMs: 300, baseDelayMs: 10, maxDelayMs: 5000 },
    });
    expect(read?.config.getString('token')).toBe('secret');
  });

  it('refuses a backfill that is not a positive number of days', () => {
    expect(() =>
      readProviderSyncConfig(root({ backfillDays: 0 }), 'delivery.example'),
    ).toThrow(
      'Invalid delivery.example.backfillDays 0: must be a positive number of days',
    );
  });
});

describe('withRetryLogging', () => {
  it('logs each retry with the prefix and keeps the options', () => {
    const logger = mockServices.logger.mock();
    const retry = withRetryLogging({ retries: 2 }, logger, 'GitLab: ');

    retry.onRetry?.('GET https://gitlab.com/api/v4/x answered 503', 1000);

    expect(retry.retries).toBe(2);
    expect(logger.info).toHaveBeenCalledWith(
      'GitLab: GET https://gitlab.com/api/v4/x answered 503; retrying in 1000 ms',
    );
  });
});
