export interface Config {
  /** Settings of the Delivery Insights backend plugin. */
  delivery?: {
    /**
     * Scorecards, time series and SLO status are cached in the backend's cache service
     * (`backend.cache`), keyed by the data version of the entities they count. Default true;
     * false computes every read.
     */
    cache?: {
      enabled?: boolean;
    };
    /**
     * The organisation's targets, overriding the defaults of docs/metrics.md. Each value is the
     * threshold; the comparison (at least / at most) is the metric's own. Entities and groups
     * override them with `delivery-insights.io/target-<metric>` annotations.
     */
    targets?: {
      /** Production deployments per working day, at least. Default 1. */
      deploymentFrequency?: number;
      /** Hours from first commit to production, below. Default 24. */
      leadTime?: number;
      /** Share of production deployments that failed (0..1), below. Default 0.05. */
      changeFailureRate?: number;
      /** Hours from incident opened to resolved, below. Default 1. */
      timeToRestore?: number;
      /** Hours from a failed deployment to its recovery, below. Default 1. */
      failedDeploymentRecoveryTime?: number;
      /** Share of deployments that were hotfixes, rollbacks or incident fixes (0..1), at most. No default. */
      reworkRate?: number;
      /** Hours from work started to completed, below. Default 72. */
      cycleTime?: number;
      /** Completed items per week, at least. No default. */
      throughput?: number;
      /** Items in progress, at most. No default. */
      wip?: number;
      /** Active time / cycle time (0..1), at least. No default. */
      flowEfficiency?: number;
      /** Coefficient of variation of points per sprint, at most. Default 0.1. */
      velocityPredictability?: number;
      /** Line coverage in percent, above. Default 80. */
      lineCoverage?: number;
      /** Escaped bugs / bugs created (0..1), at most. No default. */
      defectEscapeRate?: number;
      /** Incidents per 30 days, below. Default 5. */
      incidentsPer30Days?: number;
    };
    /**
     * DORA performance-level thresholds (defaults from the DORA 2023 report). For deployment
     * frequency a level needs at least the threshold; for the others at most (change failure
     * rate) or below it (lead time, time to restore).
     */
    levels?: {
      /**
       * From deployment days: `elite` and `high` in days with a deployment in the median whole
       * week (elite defaults to the calendar's working days per week, high to 1), `medium` in
       * deployment days per 30 days (default 1).
       */
      deploymentFrequency?: { elite?: number; high?: number; medium?: number };
      leadTime?: { elite?: number; high?: number; medium?: number };
      changeFailureRate?: { elite?: number; high?: number; medium?: number };
      timeToRestore?: { elite?: number; high?: number; medium?: number };
      failedDeploymentRecoveryTime?: {
        elite?: number;
        high?: number;
        medium?: number;
      };
    };
    /**
     * The organisation's working calendar (docs/metrics.md): day and week buckets and the working
     * days deployment frequency divides by. Groups and entities override it with the annotations
     * delivery-insights.io/time-zone, working-days and holidays.
     */
    calendar?: {
      /** An IANA time zone, e.g. Europe/Moscow. Default UTC. */
      timeZone?: string;
      /** Weekday names, default [mon, tue, wed, thu, fri]. */
      workingDays?: string[];
      /** Non-working dates, YYYY-MM-DD. */
      holidays?: string[];
    };
    /** Which statistic each duration's headline value is. */
    statistics?: {
      /** Default mean (MTTR). */
      timeToRestore?: 'mean' | 'median';
      /** Default median. */
      leadTime?: 'mean' | 'median';
      /** Default median. */
      cycleTime?: 'mean' | 'median';
      /** Default median. */
      failedDeploymentRecoveryTime?: 'mean' | 'median';
    };
    /** Inference of an incident's cause when the source names no deployment. */
    attribution?: {
      /** Hours before an incident in which its entity's latest deployment is its cause; 0 turns inference off. Default 24. */
      windowHours?: number;
    };
    /** Environment names counted as production, compared case-insensitively. Default [production, prod]. */
    productionEnvironments?: string[];
    /**
     * Delivery processes, documented by the `process-<name>.md` report (GET
     * /api/delivery/reports/process?name=<name>): stages with their quality gates, the deployment
     * strategy and the rollback procedure. See docs/reports.md.
     */
    processes?: {
      [name: string]: {
        /** Shown as the report's title; default the name. */
        title?: string;
        description?: string;
        /** An entity reference of the owning group, e.g. group:default/team-platform. */
        owner?: string;
        stages?: Array<{
          name: string;
          description?: string;
          qualityGates?: Array<{
            name: string;
            description?: string;
            /**
             * A scorecard metric the gate checks, e.g. lineCoverage. Without `threshold` the
             * organisation's target applies.
             */
            metric?: string;
            threshold?: number;
            /** Blocking (true, default) or advisory. */
            required?: boolean;
          }>;
        }>;
        deploymentStrategy?: {
          /** blue-green, canary, rolling, feature-flag or recreate. */
          type: string;
          description?: string;
          steps?: string[];
        };
        rollback?: {
          /** When to roll back, e.g. "an SLO's page alert fires". */
          triggers?: string[];
          steps?: string[];
          /** The longest a rollback may take, in minutes. */
          maxMinutes?: number;
        };
      };
    };
    /**
     * How long records are kept. When set, an hourly task (run by one replica at a time) deletes
     * the records that ended more than this many days ago: deployments by finish (or start),
     * changes by merge (or first commit), resolved incidents, completed work items, SLI samples
     * and quality snapshots. Open incidents and unfinished work items are kept. Unset: records
     * are kept forever.
     */
    retention?: {
      /** Days to keep records, a positive number, e.g. 730. */
      days?: number;
    };
    /**
     * The organisation's error-budget policy (docs/slo.md, "Error-budget policy"): an entity is
     * `warn` when an SLO's budget remaining is below the threshold or it opens a ticket, and
     * `freeze` when a budget is exhausted or an SLO pages. The deploy gate blocks during a freeze
     * unless a granted exception covers the deployment. Entities override the threshold with the
     * `delivery-insights.io/error-budget-policy-warn-below` annotation.
     */
    errorBudgetPolicy?: {
      /** Warn below this percentage of the budget remaining, 0 to 100. Default 25. */
      warnBelowPercent?: number;
      /**
       * Days the exception trail (requests, grants, refusals, expiries) is kept after an exception
       * ended, whatever `retention.days` says. Default 365.
       */
      auditDays?: number;
    };
    /**
     * Deploy impact (docs/slo.md): the share of each SLO's error budget burned in the hours after a
     * production deployment against the same length before it, shown with the deployment records.
     */
    deployImpact?: {
      /** Hours on each side of the deployment, above 0 and at most 24. Default 2. */
      windowHours?: number;
    };
    /** `POST /api/delivery/webhooks/{name}`, served for the webhook handlers of provider modules. */
    webhooks?: {
      /** Largest accepted body in bytes; larger ones are answered 413. Default 1048576 (1 MiB). */
      maxBodyBytes?: number;
      /** Hours a delivery id is remembered; a repeat within them is answered 409. Default 72. */
      replayWindowHours?: number;
    };
    /**
     * Prometheus servers SLOs read their SLI data from: an OpenSLO ratio indicator whose good and
     * total metric sources are `type: Prometheus` names one with `metricSourceRef` (default: the
     * instance named `default`). See docs/slo.md.
     */
    prometheus?: {
      instances?: Array<{
        /** What `metricSourceRef` names, e.g. `default`. Unique. */
        name: string;
        /** The server's URL, e.g. https://prometheus.example.com; /api/v1/query_range is appended. */
        baseUrl: string;
        /**
         * Headers sent with every request, e.g. `Authorization: Bearer ${PROMETHEUS_TOKEN}`.
         * Every value is secret: deep visibility covers the values of this map.
         * @deepVisibility secret
         */
        headers?: { [name: string]: string };
      }>;
    };
  };
}
