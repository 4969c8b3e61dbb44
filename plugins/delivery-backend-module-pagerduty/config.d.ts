import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  delivery?: {
    /** Incidents and on-call from PagerDuty (REST API v2), and its v3 webhooks. */
    pagerduty?: {
      /**
       * REST API key (account or user token), sent as `Authorization: Token token=...`.
       * Without it the module neither syncs nor answers on-call.
       * @visibility secret
       */
      token?: string;
      /** API base URL. Default `https://api.pagerduty.com`; EU accounts: `https://api.eu.pagerduty.com`. */
      baseUrl?: string;
      /**
       * Secret of the v3 webhook subscription; enables `POST /api/delivery/webhooks/pagerduty`.
       * @visibility secret
       */
      webhookSecret?: string;
      /** How many days of incidents the first sync of an entity reads. Default 90. */
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
