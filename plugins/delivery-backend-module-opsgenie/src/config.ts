import { Config } from '@backstage/config';
import {
  ProviderSyncConfig,
  readProviderSyncConfig,
} from '@delivery-insights/backstage-plugin-delivery-node';

export const DEFAULT_OPSGENIE_DOMAIN = 'https://api.opsgenie.com';

export type OpsgenieRecordSource = 'alerts' | 'incidents';

export type OpsgenieConfig = Omit<ProviderSyncConfig, 'config'> & {
  apiKey: string;
  domain: string;
  source: OpsgenieRecordSource;
  webUrl?: string;
};

/** `delivery.opsgenie`, or undefined without an API key (the module then does nothing). */
export function readOpsgenieConfig(root: Config): OpsgenieConfig | undefined {
  const apiKey = root.getOptionalString('delivery.opsgenie.apiKey');
  const sync = apiKey
    ? readProviderSyncConfig(root, 'delivery.opsgenie')
    : undefined;
  if (!apiKey || !sync) {
    return undefined;
  }
  const { config, ...settings } = sync;
  const source = config.getOptionalString('source') ?? 'alerts';
  if (source !== 'alerts' && source !== 'incidents') {
    throw new Error(
      `Invalid delivery.opsgenie.source '${source}': must be alerts or incidents`,
    );
  }
  return {
    ...settings,
    apiKey,
    domain: config.getOptionalString('domain') ?? DEFAULT_OPSGENIE_DOMAIN,
    source,
    webUrl: config.getOptionalString('webUrl'),
  };
}
