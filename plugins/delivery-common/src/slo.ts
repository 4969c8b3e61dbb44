/**
 * Shapes of the SLOs and error budgets the delivery backend computes and the frontend shows.
 * Definitions: docs/slo.md (Google SRE Workbook).
 */

/** The windows burn rates are measured over, ending now. @public */
export const burnRateWindows = ['5m', '30m', '1h', '6h', '1d', '3d'] as const;

/** @public */
export type BurnRateWindow = (typeof burnRateWindows)[number];

/** Multi-window multi-burn-rate alert state: page a human, open a ticket, or fine. @public */
export type SloAlertState = 'page' | 'ticket' | 'ok' | 'no_data';

/** How an SLI counts good events. @public */
export type SliDefinition =
  | { type: 'ratio' }
  | { type: 'threshold'; thresholdMs: number };

/** An SLO as defined beside a service (OpenSLO-compatible fields). @public */
export type SloDefinition = {
  name: string;
  displayName?: string;
  description?: string;
  /** Target share of good events, e.g. 0.999. */
  objective: number;
  /** Rolling window in days: 28 or 30. */
  windowDays: number;
  sli: SliDefinition;
  /**
   * Where the SLI data comes from: Prometheus range queries of two counters (ratio SLIs only).
   * Absent: the ingested `sliSample` events of this SLO.
   */
  source?: {
    type: 'prometheus';
    /** The name of an instance in `delivery.prometheus.instances`. */
    instance: string;
    /** PromQL vector selector of the good-events counter. */
    goodQuery: string;
    /** PromQL vector selector of the total-events counter. */
    totalQuery: string;
  };
};

/** The remaining error budget at one moment, for the burn-down chart. @public */
export type BudgetPoint = {
  at: string;
  /** Share of the budget left (1 = untouched, negative = overspent); null without data. */
  remaining: number | null;
};

/** One SLO of a service, now. @public */
export type SloStatus = {
  definition: SloDefinition;
  /** Good / total over the rolling window; null without events. */
  attainment: number | null;
  good: number;
  total: number;
  /** 1 - objective. */
  errorBudget: number;
  /** (bad / total) / (1 - objective) over the window; null without events. */
  consumed: number | null;
  /** 1 - consumed; can be negative. */
  remaining: number | null;
  /** Error rate / (1 - objective) over each window ending now; null without events there. */
  burnRates: Record<BurnRateWindow, number | null>;
  alert: SloAlertState;
  /** When the budget runs out at the current (6h) burn rate; null when it does not. */
  exhaustionAt: string | null;
  /** Daily remaining budget over the window, oldest first. */
  history: BudgetPoint[];
};

/** A definition that could not be read, reported instead of crashing the page. @public */
export type SloDefinitionError = {
  /** The SLO's name when it could be read. */
  slo?: string;
  message: string;
};

/** The answer of `GET /entities/{kind}/{namespace}/{name}/slos`. @public */
export type EntitySlos = {
  entityRef: string;
  /** When the statuses were computed (the end of every window). */
  at: string;
  slos: SloStatus[];
  errors: SloDefinitionError[];
};
