import { Config } from '@backstage/config';
import {
  ProviderSyncConfig,
  readProviderSyncConfig,
} from '@delivery-insights/backstage-plugin-delivery-node';

/** The name of the instance configured at the top of `delivery.sonarqube`. */
export const DEFAULT_INSTANCE = 'default';

export type SonarQubeInstance = {
  name: string;
  baseUrl: string;
  token?: string;
  organization?: string;
};

export type SonarQubeConfig = Omit<ProviderSyncConfig, 'config'> & {
  instances: SonarQubeInstance[];
};

const readInstance = (config: Config, name: string): SonarQubeInstance => ({
  name,
  baseUrl: config.getString('baseUrl').replace(/\/+$/, ''),
  token: config.getOptionalString('token'),
  organization: config.getOptionalString('organization'),
});

/** `delivery.sonarqube`, or undefined when it is absent (the module then does nothing). */
export function readSonarQubeConfig(root: Config): SonarQubeConfig | undefined {
  const sync = readProviderSyncConfig(root, 'delivery.sonarqube', {
    defaultSchedule: {
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
    },
  });
  if (!sync) {
    return undefined;
  }
  const { config, ...settings } = sync;
  const instances: SonarQubeInstance[] = [];
  if (config.has('baseUrl')) {
    instances.push(readInstance(config, DEFAULT_INSTANCE));
  }
  for (const instance of config.getOptionalConfigArray('instances') ?? []) {
    const name = instance.getString('name');
    if (instances.some(known => known.name === name)) {
      throw new Error(
        `delivery.sonarqube.instances names the instance ${name} twice`,
      );
    }
    instances.push(readInstance(instance, name));
  }
  if (instances.length === 0) {
    throw new Error(
      'delivery.sonarqube needs a baseUrl or at least one entry in instances',
    );
  }
  return { ...settings, instances };
}
