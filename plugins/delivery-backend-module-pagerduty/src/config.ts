import { Config } from '@backstage/config';
import {
  ProviderSyncConfig,
  readProviderSyncConfig,
} from '@delivery-insights/backstage-plugin-delivery-node';

export const DEFAULT_PAGERDUTY_BASE_URL = 'https://api.pagerduty.com';

export type PagerDutyConfig = Omit<ProviderSyncConfig, 'config'> & {
  token?: string;
  baseUrl: string;
  webhookSecret?: string;
};

/** `delivery.pagerduty`, or undefined when it is absent (the module then does nothing). */
export function readPagerDutyConfig(root: Config): PagerDutyConfig | undefined {
  const sync = readProviderSyncConfig(root, 'delivery.pagerduty');
  if (!sync) {
    return undefined;
  }
  const { config, ...settings } = sync;
  return {
    ...settings,
    token: config.getOptionalString('token'),
    baseUrl: config.getOptionalString('baseUrl') ?? DEFAULT_PAGERDUTY_BASE_URL,
    webhookSecret: config.getOptionalString('webhookSecret'),
  };
}
