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
      /** Production deployments per day, at least. Default 1. */
      deploymentFrequency?: number;
      /** Hours from first commit to production, below. Default 24. */
      leadTime?: number;
      /** Share of production deployments that failed (0..1), below. Default 0.05. */
      changeFailureRate?: number;
      /** Hours from incident opened to resolved, below. Default 1. */
      timeToRestore?: number;
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
      deploymentFrequency?: { elite?: number; high?: number; medium?: number };
      leadTime?: { elite?: number; high?: number; medium?: number };
      changeFailureRate?: { elite?: number; high?: number; medium?: number };
      timeToRestore?: { elite?: number; high?: number; medium?: number };
    };
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
