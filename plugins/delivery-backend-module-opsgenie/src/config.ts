import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { RetryOptions } from '@internal/backstage-plugin-delivery-node';

export const DEFAULT_OPSGENIE_DOMAIN = 'https://api.opsgenie.com';

export type OpsgenieRecordSource = 'alerts' | 'incidents';

export type OpsgenieConfig = {
  apiKey: string;
  domain: string;
  source: OpsgenieRecordSource;
  webUrl?: string;
  backfillDays: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retry: RetryOptions;
};

/** `delivery.opsgenie`, or undefined without an API key (the module then does nothing). */
export function readOpsgenieConfig(root: Config): OpsgenieConfig | undefined {
  const config = root.getOptionalConfig('delivery.opsgenie');
  const apiKey = config?.getOptionalString('apiKey');
  if (!config || !apiKey) {
    return undefined;
  }
  const source = config.getOptionalString('source') ?? 'alerts';
  if (source !== 'alerts' && source !== 'incidents') {
    throw new Error(
      `Invalid delivery.opsgenie.source '${source}': must be alerts or incidents`,
    );
  }
  const retry = config.getOptionalConfig('retry');
  return {
    apiKey,
    domain: config.getOptionalString('domain') ?? DEFAULT_OPSGENIE_DOMAIN,
    source,
    webUrl: config.getOptionalString('webUrl'),
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
