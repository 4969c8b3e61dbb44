import { Config } from '@backstage/config';
import {
  ProviderSyncConfig,
  readProviderSyncConfig,
} from '@delivery-insights/backstage-plugin-delivery-node';
import {
  DEFAULT_ISSUE_TYPES,
  IssueTypeMapping,
  WORK_ITEM_KINDS,
} from './mapping/workItems';

export type JiraHosting = 'cloud' | 'dataCenter';

/** How a bug is recognised as found in production; any one that matches is enough. */
export type ProductionBugRules = {
  labels: string[];
  /** A field (id or name) and the values that mean production. */
  field?: { field: string; values: string[] };
  /** JQL that selects the bugs found in production among the entity's issues. */
  jql?: string;
};

export type JiraConfig = Omit<ProviderSyncConfig, 'config'> & {
  baseUrl: string;
  hosting: JiraHosting;
  /** The `Authorization` header. */
  authorization: string;
  storyPointsFields?: string[];
  sprintField?: string;
  issueTypes: IssueTypeMapping;
  productionBugs: ProductionBugRules;
};

const key = (path: string) => `delivery.jira.${path}`;

/** Jira Cloud sites live under atlassian.net; anything else is Data Center or Server. */
const defaultHosting = (baseUrl: string): JiraHosting =>
  new URL(baseUrl).hostname.endsWith('.atlassian.net') ? 'cloud' : 'dataCenter';

/** `delivery.jira`, or undefined when it is absent (the module then does nothing). */
export function readJiraConfig(root: Config): JiraConfig | undefined {
  const sync = readProviderSyncConfig(root, 'delivery.jira');
  if (!sync) {
    return undefined;
  }
  const { config, ...settings } = sync;
  const baseUrl = config.getString('baseUrl').replace(/\/+$/, '');
  const hosting = (config.getOptionalString('hosting') ??
    defaultHosting(baseUrl)) as JiraHosting;
  if (hosting !== 'cloud' && hosting !== 'dataCenter') {
    throw new Error(
      `Invalid ${key('hosting')} ${hosting}: must be cloud or dataCenter`,
    );
  }

  let authorization: string;
  const token = config.getOptionalString('personalAccessToken');
  if (token) {
    authorization = `Bearer ${token}`;
  } else {
    const email = config.getOptionalString('email');
    const apiToken = config.getOptionalString('apiToken');
    if (!email || !apiToken) {
      throw new Error(
        `${key(
          'email',
        )} and apiToken (Jira Cloud) or personalAccessToken (Data Center) must be set`,
      );
    }
    authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString(
      'base64',
    )}`;
  }

  const issueTypes: IssueTypeMapping = { ...DEFAULT_ISSUE_TYPES };
  const configuredTypes = config.getOptionalConfig('issueTypes');
  for (const name of configuredTypes?.keys() ?? []) {
    const kind = configuredTypes!.getString(name);
    if (![...WORK_ITEM_KINDS, 'ignore'].includes(kind)) {
      throw new Error(
        `Invalid ${key(
          `issueTypes.${name}`,
        )} ${kind}: must be story, bug, task or ignore`,
      );
    }
    issueTypes[name.toLowerCase()] = kind as IssueTypeMapping[string];
  }

  const storyPoints = config.getOptional<string | string[]>('storyPointsField');
  const productionBugs = config.getOptionalConfig('productionBugs');
  const field = productionBugs?.getOptionalString('field');

  return {
    ...settings,
    baseUrl,
    hosting,
    authorization,
    storyPointsFields:
      storyPoints === undefined
        ? undefined
        : ([] as string[]).concat(storyPoints),
    sprintField: config.getOptionalString('sprintField'),
    issueTypes,
    productionBugs: {
      labels: productionBugs?.getOptionalStringArray('labels') ?? [
        'production',
      ],
      field: field
        ? {
            field,
            values: productionBugs!.getOptionalStringArray('fieldValues') ?? [
              'Production',
            ],
          }
        : undefined,
      jql: productionBugs?.getOptionalString('jql'),
    },
  };
}
