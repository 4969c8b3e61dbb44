import {
  createDeliveryProviderModule,
  withRetryLogging,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { SonarQubeClient } from './client/SonarQubeClient';
import { readSonarQubeConfig } from './config';
import { SonarQubeProvider } from './SonarQubeProvider';

/**
 * Line and branch coverage, bugs, vulnerabilities, code smells and the quality gate of the
 * entities annotated with `sonarqube.org/project-key`, with the history of past analyses, when
 * `delivery.sonarqube` is configured.
 *
 * @public
 */
export const deliveryModuleSonarQube = createDeliveryProviderModule({
  moduleId: 'sonarqube',
  async init({ auth, catalog, config, logger, providers, scheduler }) {
    const settings = readSonarQubeConfig(config);
    if (!settings) {
      return;
    }
    const retry = withRetryLogging(settings.retry, logger, 'SonarQube: ');
    const clients = new Map(
      settings.instances.map(instance => [
        instance.name,
        new SonarQubeClient(instance, retry),
      ]),
    );
    providers.addProvider(
      new SonarQubeProvider({
        clients,
        auth,
        catalog,
        logger,
        scheduler,
        schedule: settings.schedule,
        backfillDays: settings.backfillDays,
      }),
    );
  },
});
