import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { RetryOptions } from '@internal/backstage-plugin-delivery-node';

export const DEFAULT_PAGERDUTY_BASE_URL = 'https://api.pagerduty.com';

export type PagerDutyConfig = {
  token?: string;
  baseUrl: string;
  webhookSecret?: string;
  backfillDays: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retry: RetryOptions;
};

/** `delivery.pagerduty`, or undefined when it is absent (the module then does nothing). */
export function readPagerDutyConfig(root: Config): PagerDutyConfig | undefined {
  const config = root.getOptionalConfig('delivery.pagerduty');
  if (!config) {
    return undefined;
  }
  const retry = config.getOptionalConfig('retry');
  return {
    token: config.getOptionalString('token'),
    baseUrl: config.getOptionalString('baseUrl') ?? DEFAULT_PAGERDUTY_BASE_URL,
    webhookSecret: config.getOptionalString('webhookSecret'),
    backfillDays: config.getOptionalNumber('backfillDays') ?? 90,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : {
          frequency: { minutes: 15 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 30 },
        },
    retry: {
      retries: retry?.getOptionalNumber('retries'),
      timeoutMs: retry?.getOptionalNumber('timeoutMs'),
      baseDelayMs: retry?.getOptionalNumber('baseDelayMs'),
      maxDelayMs: retry?.getOptionalNumber('maxDelayMs'),
    },
  };
}
