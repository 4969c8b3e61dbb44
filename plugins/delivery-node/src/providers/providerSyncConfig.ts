import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { RetryOptions } from './fetchWithRetry';

/** Every 15 minutes, 10 minutes timeout, first run 30 s after start. @public */
export const DEFAULT_PROVIDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
  };

/** Days of history the first sync of an entity reads unless `backfillDays` says otherwise. @public */
export const DEFAULT_BACKFILL_DAYS = 90;

/** The settings every scheduled provider reads from its block, `delivery.<source>`. @public */
export type ProviderSyncConfig = {
  /** The provider's whole block, for its own settings. */
  config: Config;
  schedule: SchedulerServiceTaskScheduleDefinition;
  backfillDays: number;
  retry: Omit<RetryOptions, 'onRetry'>;
};

/** `retry.retries`, `retry.timeoutMs`, `retry.baseDelayMs`, `retry.maxDelayMs` of a provider block. @public */
export function readRetryOptions(
  config: Config,
): Omit<RetryOptions, 'onRetry'> {
  const retry = config.getOptionalConfig('retry');
  return {
    retries: retry?.getOptionalNumber('retries'),
    timeoutMs: retry?.getOptionalNumber('timeoutMs'),
    baseDelayMs: retry?.getOptionalNumber('baseDelayMs'),
    maxDelayMs: retry?.getOptionalNumber('maxDelayMs'),
  };
}

/** `backfillDays` of a provider block (default 90); throws unless it is a positive number. @public */
export function readBackfillDays(config: Config, key: string): number {
  const days =
    config.getOptionalNumber('backfillDays') ?? DEFAULT_BACKFILL_DAYS;
  if (!(days > 0)) {
    throw new Error(
      `Invalid ${key}.backfillDays ${days}: must be a positive number of days`,
    );
  }
  return days;
}

/**
 * A provider block's `schedule`, `backfillDays` and `retry`, or undefined when the block at `key`
 * (e.g. `delivery.pagerduty`) is absent and the provider is not configured.
 *
 * @public
 */
export function readProviderSyncConfig(
  root: Config,
  key: string,
  options: { defaultSchedule?: SchedulerServiceTaskScheduleDefinition } = {},
): ProviderSyncConfig | undefined {
  const config = root.getOptionalConfig(key);
  if (!config) {
    return undefined;
  }
  return {
    config,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : options.defaultSchedule ?? DEFAULT_PROVIDER_SCHEDULE,
    backfillDays: readBackfillDays(config, key),
    retry: readRetryOptions(config),
  };
}

/** The retry options with each retry logged at info level (e.g. `GitLab: ... retrying in 1000 ms`). @public */
export function withRetryLogging(
  retry: Omit<RetryOptions, 'onRetry'>,
  logger: LoggerService,
  prefix = '',
): RetryOptions {
  return {
    ...retry,
    onRetry: (reason, delayMs) =>
      logger.info(`${prefix}${reason}; retrying in ${delayMs} ms`),
  };
}
