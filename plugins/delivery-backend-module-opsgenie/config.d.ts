import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  delivery?: {
    /** Alerts or incidents and on-call from Opsgenie. */
    opsgenie?: {
      /**
       * API key of an Opsgenie API integration, sent as `Authorization: GenieKey ...`.
       * Without it the module does nothing.
       * @visibility secret
       */
      apiKey?: string;
      /** API URL. Default `https://api.opsgenie.com`; EU accounts: `https://api.eu.opsgenie.com`. */
      domain?: string;
      /** What becomes an incident record: Opsgenie `alerts` (default) or `incidents`. */
      source?: 'alerts' | 'incidents';
      /** The account's web address (e.g. `https://acme.app.opsgenie.com`), for links to alerts. */
      webUrl?: string;
      /** How many days of alerts or incidents the first sync of an entity reads. Default 90. */
      backfillDays?: number;
      /** When the sync runs. Default every 15 minutes, 10 minutes timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Retries of API calls (rate limits, 5xx, timeouts). */
      retry?: {
        /** Further attempts after the first. Default 4. */
        retries?: number;
        /** Per-request timeout in milliseconds. Default 30000. */
        timeoutMs?: number;
        /** First backoff in milliseconds, doubled per attempt. Default 1000. */
        baseDelayMs?: number;
        /** Longest wait in milliseconds, also for a rate limit. Default 60000. */
        maxDelayMs?: number;
      };
    };
  };
}
