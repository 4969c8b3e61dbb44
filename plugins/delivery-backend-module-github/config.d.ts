export interface Config {
  delivery?: {
    /**
     * Deployments, Actions deploy runs and merged pull requests from GitHub for the entities
     * annotated with `github.com/project-slug`. The provider is registered when this block is
     * present; credentials come from `integrations.github`.
     */
    github?: {
      /**
       * The GitHub host of the `integrations.github` entry to use. Default `github.com`; an entity
       * whose `backstage.io/source-location` points at another configured GitHub host uses that one.
       */
      host?: string;
      /** When false the provider is not registered. Default true. */
      enabled?: boolean;
      schedule?: {
        /** Minutes between two syncs. Default 30. */
        frequencyMinutes?: number;
        /** Longest a sync may run, in minutes. Default 30. */
        timeoutMinutes?: number;
        /** Seconds after start-up before the first sync. Default 30. */
        initialDelaySeconds?: number;
      };
      /** Days of history fetched by the first sync of an entity. Default 90. */
      backfillDays?: number;
      /**
       * Secret of the repository or organisation webhook, used to verify `X-Hub-Signature-256`.
       * Without it, `POST /api/delivery/webhooks/github` refuses every request.
       *
       * @visibility secret
       */
      webhookSecret?: string;
      retry?: {
        /** Further attempts after a 5xx, timeout or rate limit. Default 4. */
        retries?: number;
        /** First backoff in milliseconds, doubled per attempt. Default 1000. */
        baseDelayMs?: number;
        /** Longest wait in milliseconds, also for a rate limit's reset. Default 60000. */
        maxDelayMs?: number;
        /** Per-request timeout in milliseconds. Default 30000. */
        timeoutMs?: number;
      };
    };
  };
}
