import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  delivery?: {
    /**
     * Coverage, issue counts and the quality gate of the entities annotated with
     * `sonarqube.org/project-key`, from SonarQube Server or SonarQube Cloud. The module does
     * nothing unless this section is present.
     */
    sonarqube?: {
      /**
       * The instance of entities whose annotation names none (`project-key`, not
       * `instance/project-key`), e.g. `https://sonarcloud.io` or `https://sonar.example.com`.
       */
      baseUrl?: string;
      /**
       * A user token with Browse permission on the projects, sent as the login of HTTP Basic
       * authentication (accepted by every SonarQube version and SonarQube Cloud).
       * @visibility secret
       */
      token?: string;
      /**
       * SonarQube Cloud: the organization key; a project outside it is refused, so that a token
       * that reaches several organizations cannot feed the wrong one.
       */
      organization?: string;
      /** Further instances, named by the annotation's `instance/` prefix. */
      instances?: Array<{
        /** The prefix in `sonarqube.org/project-key: <name>/<project-key>`. */
        name: string;
        /** The instance's base URL. */
        baseUrl: string;
        /**
         * The instance's user token.
         * @visibility secret
         */
        token?: string;
        /** SonarQube Cloud: the organization key. */
        organization?: string;
      }>;
      /** When the sync runs. Default every hour, timeout 10 minutes, first run after 30 s. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How many days of analyses the first sync of an entity reads. Default 90. */
      backfillDays?: number;
      /** Retries of SonarQube API requests (429, 5xx, network errors, timeouts). */
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
