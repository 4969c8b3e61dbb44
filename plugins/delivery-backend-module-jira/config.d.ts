import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  delivery?: {
    /**
     * Jira issues of the entities annotated with `jira/project-key` (optionally `jira/component`,
     * `jira/label`) or `delivery-insights.io/jira-jql`, as work items. The module does nothing
     * unless this section is present.
     */
    jira?: {
      /** The site, e.g. `https://northwind.atlassian.net` or `https://jira.example.com`. */
      baseUrl: string;
      /**
       * `cloud` (REST API v3) or `dataCenter` (Data Center and Server, REST API v2). Default
       * `cloud` for `*.atlassian.net`, `dataCenter` otherwise.
       */
      hosting?: 'cloud' | 'dataCenter';
      /** Jira Cloud: the Atlassian account of the API token. */
      email?: string;
      /**
       * Jira Cloud: an API token of `email`, sent with it as HTTP Basic authentication.
       * @visibility secret
       */
      apiToken?: string;
      /**
       * Jira Data Center and Server: a personal access token, sent as a bearer token.
       * @visibility secret
       */
      personalAccessToken?: string;
      /**
       * The story points field(s), by id (`customfield_10016`) or name; the first with a number
       * counts. Default: the fields named `Story Points` and `Story point estimate`.
       */
      storyPointsField?: string | string[];
      /** The sprint field by id or name. Default: the field of Jira Software's sprint type. */
      sprintField?: string;
      /**
       * Issue type name to work item kind: `story`, `bug`, `task`, or `ignore` to leave the
       * type out. Merged over the defaults (Story, Bug, Task, Sub-task... ; Epic ignored); a
       * type named nowhere is a task.
       */
      issueTypes?: { [issueType: string]: string };
      /** How a bug is recognised as found in production; any rule that matches is enough. */
      productionBugs?: {
        /** Labels that mark it. Default `[production]`. */
        labels?: string[];
        /** A field, by id or name, whose value marks it, e.g. `Environment found`. */
        field?: string;
        /** The values of `field` that mean production. Default `[Production]`. */
        fieldValues?: string[];
        /** JQL that selects such bugs, e.g. `"Found in" = Production`. */
        jql?: string;
      };
      /** When the sync runs. Default every 15 minutes, timeout 10 minutes, first run after 30 s. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How many days back the first sync of an entity reads updated issues. Default 90. */
      backfillDays?: number;
      /** Retries of Jira API requests (429, 5xx, network errors, timeouts). */
      retry?: {
        /** Further attempts after the first. Default 4. */
        retries?: number;
        /** Per-request timeout in milliseconds. Default 30000. */
        timeoutMs?: number;
        /** First backoff in milliseconds, doubled per attempt. Default 1000. */
        baseDelayMs?: number;
        /** Longest wait in milliseconds, also for a 429's Retry-After. Default 60000. */
        maxDelayMs?: number;
      };
    };
  };
}
