import { Config } from '@backstage/config';
import {
  readBackfillDays,
  readRetryOptions,
  RetryOptions,
} from '@delivery-insights/backstage-plugin-delivery-node';

/** The `delivery.github` block, with its defaults applied. */
export type GithubDeliveryConfig = {
  host: string;
  frequencyMinutes: number;
  timeoutMinutes: number;
  initialDelaySeconds: number;
  backfillDays: number;
  webhookSecret?: string;
  retry: Omit<RetryOptions, 'onRetry'>;
};

/** The provider's settings, or undefined when `delivery.github` is absent or disabled. */
export function readGithubDeliveryConfig(
  root: Config,
): GithubDeliveryConfig | undefined {
  const config = root.getOptionalConfig('delivery.github');
  if (!config || config.getOptionalBoolean('enabled') === false) {
    return undefined;
  }
  return {
    host: config.getOptionalString('host') ?? 'github.com',
    frequencyMinutes:
      config.getOptionalNumber('schedule.frequencyMinutes') ?? 30,
    timeoutMinutes: config.getOptionalNumber('schedule.timeoutMinutes') ?? 30,
    initialDelaySeconds:
      config.getOptionalNumber('schedule.initialDelaySeconds') ?? 30,
    backfillDays: readBackfillDays(config, 'delivery.github'),
    webhookSecret: config.getOptionalString('webhookSecret'),
    retry: readRetryOptions(config),
  };
}
