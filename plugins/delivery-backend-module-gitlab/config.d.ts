import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  delivery?: {
    /**
     * GitLab deployments and merge requests of the entities annotated with
     * `gitlab.com/project-slug`. The module does nothing unless this section is present; API
     * tokens and base URLs come from `integrations.gitlab`.
     */
    gitlab?: {
      /**
       * The GitLab host of entities that name none (`gitlab.com/instance` annotation or a GitLab
       * source location). Default `gitlab.com`.
       */
      host?: string;
      /** When the sync runs. Default every 30 minutes, timeout 15 minutes, first run after 30 s. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How many days back the first sync of an entity reads. Default 90. */
      backfillDays?: number;
      /**
       * The secret token of the GitLab webhook (sent as `X-Gitlab-Token`); the webhook endpoint
       * `POST /api/delivery/webhooks/gitlab` exists only when it is set.
       * @visibility secret
       */
      webhookToken?: string;
      /** Retries of GitLab API requests (429, 5xx, network errors, timeouts). */
      retry?: {
        /** Further attempts after the first. Default 4. */
        retries?: number;
        /** First backoff after a 5xx or timeout, doubled per attempt. Default 1000. */
        baseDelayMs?: number;
        /** Longest wait, also for a 429's Retry-After. Default 60000. */
        maxDelayMs?: number;
        /** Per-request timeout. Default 30000. */
        timeoutMs?: number;
      };
    };
  };
}
