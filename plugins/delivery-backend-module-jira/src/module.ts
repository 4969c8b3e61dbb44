import {
  createDeliveryProviderModule,
  withRetryLogging,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { JiraClient } from './client/JiraClient';
import { readJiraConfig } from './config';
import { JiraProvider } from './JiraProvider';

/**
 * The issues of the entities annotated with `jira/project-key` (optionally narrowed by
 * `jira/component` and `jira/label`) or `delivery-insights.io/jira-jql`, as work items, from Jira
 * Cloud or Jira Data Center, when `delivery.jira` is configured.
 *
 * @public
 */
export const deliveryModuleJira = createDeliveryProviderModule({
  moduleId: 'jira',
  async init({ auth, catalog, config, logger, providers, scheduler }) {
    const settings = readJiraConfig(config);
    if (!settings) {
      return;
    }
    const client = new JiraClient({
      baseUrl: settings.baseUrl,
      hosting: settings.hosting,
      authorization: settings.authorization,
      retry: withRetryLogging(settings.retry, logger, 'Jira: '),
    });
    providers.addProvider(
      new JiraProvider({
        client,
        auth,
        catalog,
        logger,
        scheduler,
        schedule: settings.schedule,
        backfillDays: settings.backfillDays,
        storyPointsFields: settings.storyPointsFields,
        sprintField: settings.sprintField,
        issueTypes: settings.issueTypes,
        productionBugs: settings.productionBugs,
      }),
    );
  },
});
