import {
  BudgetPoint,
  EntitySlos,
  SloStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { delay, http, HttpResponse } from 'msw';
import { DELIVERY_BASE_URL } from './deliveryBackendMock';

/** When the fixture's statuses were computed: the end of every window. */
export const SLOS_AT = '2026-11-10T12:00:00.000Z';

const DAY_MS = 86_400_000;

/**
 * The burn-down history as docs/slo.md describes it: the remaining budget at the end of each of the
 * last `days` UTC days (00:00 UTC), oldest first, then a last point at SLOS_AT; falling linearly
 * from `first` to `last` (null without data).
 */
export const dailyHistory = (
  days: number,
  first: number | null,
  last: number | null,
): BudgetPoint[] => {
  const today = Math.floor(Date.parse(SLOS_AT) / DAY_MS) * DAY_MS;
  const times = [
    ...Array.from({ length: days }, (_, i) => today - (days - 1 - i) * DAY_MS),
    Date.parse(SLOS_AT),
  ];
  return times.map((time, i) => ({
    at: new Date(time).toISOString(),
    remaining:
      first === null || last === null
        ? null
        : first + ((last - first) * i) / (times.length - 1),
  }));
};

/**
 * Availability of checkout over 28 days: 760 bad of 2,000,000 requests against 99.9 % leaves 62 %
 * of the budget, and the fast burn of the last hour pages. At the 6 h burn rate (6.5) the rest
 * lasts 0.62 × 28 / 6.5 ≈ 2.67 days.
 */
export const availabilitySlo = (): SloStatus => ({
  definition: {
    name: 'availability',
    displayName: 'Checkout availability',
    description: 'Share of checkout API requests that do not fail with 5xx.',
    objective: 0.999,
    windowDays: 28,
    sli: { type: 'ratio' },
  },
  attainment: 1 - 760 / 2_000_000,
  good: 2_000_000 - 760,
  total: 2_000_000,
  errorBudget: 0.001,
  consumed: 0.38,
  remaining: 0.62,
  burnRates: {
    '5m': 14.4,
    '30m': 16.1,
    '1h': 15.2,
    '6h': 6.5,
    '1d': 2.1,
    '3d': 1.2,
  },
  alert: 'page',
  exhaustionAt: new Date(Date.parse(SLOS_AT) + 2.67 * DAY_MS).toISOString(),
  history: dailyHistory(28, 1, 0.62),
});

/**
 * Latency under 300 ms over 30 days: 5,600 slow of 500,000 against 99 % overspends the budget by
 * 12 %, and the slow steady burn opens a ticket.
 */
export const latencySlo = (): SloStatus => ({
  definition: {
    name: 'latency',
    displayName: 'Checkout under 300 ms',
    objective: 0.99,
    windowDays: 30,
    sli: { type: 'threshold', thresholdMs: 300 },
  },
  attainment: 1 - 5_600 / 500_000,
  good: 500_000 - 5_600,
  total: 500_000,
  errorBudget: 0.01,
  consumed: 1.12,
  remaining: -0.12,
  burnRates: {
    '5m': 1.4,
    '30m': 1.3,
    '1h': 1.25,
    '6h': 1.1,
    '1d': 1.2,
    '3d': 1.15,
  },
  alert: 'ticket',
  // Already spent: the forecast is now.
  exhaustionAt: SLOS_AT,
  history: dailyHistory(30, 0.9, -0.12),
});

/** Webhooks delivered, without a display name: well within budget, nothing runs out. */
export const webhooksSlo = (): SloStatus => ({
  definition: {
    name: 'webhook-delivery',
    objective: 0.9995,
    windowDays: 28,
    sli: { type: 'ratio' },
  },
  attainment: 1 - 2 / 80_000,
  good: 80_000 - 2,
  total: 80_000,
  errorBudget: 0.0005,
  consumed: 0.05,
  remaining: 0.95,
  burnRates: {
    '5m': 0,
    '30m': 0,
    '1h': 0,
    '6h': 0.2,
    '1d': 0.1,
    '3d': 0.05,
  },
  alert: 'ok',
  exhaustionAt: null,
  history: dailyHistory(28, 1, 0.95),
});

/** Refunds: defined, but no event arrived in the window. */
export const refundsSlo = (): SloStatus => ({
  definition: {
    name: 'refunds',
    displayName: 'Refund success',
    objective: 0.995,
    windowDays: 28,
    sli: { type: 'ratio' },
  },
  attainment: null,
  good: 0,
  total: 0,
  errorBudget: 0.005,
  consumed: null,
  remaining: null,
  burnRates: {
    '5m': null,
    '30m': null,
    '1h': null,
    '6h': null,
    '1d': null,
    '3d': null,
  },
  alert: 'no_data',
  exhaustionAt: null,
  history: dailyHistory(28, null, null),
});

/** The SLOs of checkout-service: one per alert state, and two definitions that could not be read. */
export const checkoutSlos = (): EntitySlos => ({
  entityRef: 'component:default/checkout-service',
  at: SLOS_AT,
  slos: [availabilitySlo(), latencySlo(), webhooksSlo(), refundsSlo()],
  errors: [
    {
      slo: 'cart-latency',
      message: 'objective must be a share between 0 and 1, got 99.9',
    },
    { message: 'SLO #6 has no name' },
  ],
});

/** A service that defines no SLO. */
export const noSlos = (): EntitySlos => ({
  entityRef: 'component:default/checkout-service',
  at: SLOS_AT,
  slos: [],
  errors: [],
});

/**
 * An SLO like the webhooks one (a ratio over 28 days, well within budget) with the given name,
 * alert, budget left and forecast; `hoursLeft` puts the forecast that many hours after SLOS_AT.
 */
export const sloStatus = (
  name: string,
  state: {
    displayName?: string;
    alert?: SloStatus['alert'];
    remaining?: number | null;
    hoursLeft?: number;
  } = {},
): SloStatus => {
  const base = webhooksSlo();
  const remaining = state.remaining === undefined ? 0.95 : state.remaining;
  return {
    ...base,
    definition: {
      ...base.definition,
      name,
      ...(state.displayName ? { displayName: state.displayName } : {}),
    },
    alert: state.alert ?? 'ok',
    remaining,
    consumed: remaining === null ? null : 1 - remaining,
    exhaustionAt:
      state.hoursLeft === undefined
        ? null
        : new Date(
            Date.parse(SLOS_AT) + state.hoursLeft * 3_600_000,
          ).toISOString(),
  };
};

/** The backend's answer for a service with the given SLOs. */
export const slosOf = (entityRef: string, slos: SloStatus[]): EntitySlos => ({
  entityRef,
  at: SLOS_AT,
  slos,
  errors: [],
});

/**
 * Answers `GET /entities/{kind}/{namespace}/{name}/slos` for every entity: the given answer (an
 * Error answers 500 with its message), or no SLOs for an entity it does not know. Records the refs
 * asked for and the most requests in flight at once; `latencyMs` keeps each request open a while.
 */
export function slosBackend(
  byRef: Record<string, EntitySlos | Error> = {},
  options: { latencyMs?: number } = {},
) {
  const requests: string[] = [];
  let inFlight = 0;
  const stats = { requests, maxInFlight: 0 };
  const handler = http.get(
    `${DELIVERY_BASE_URL}/entities/:kind/:namespace/:name/slos`,
    async ({ params, request }) => {
      const entityRef = `${params.kind}:${params.namespace}/${params.name}`;
      requests.push(entityRef);
      inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      try {
        if (options.latencyMs) {
          await delay(options.latencyMs);
        }
        const known = Object.entries(byRef).find(
          ([ref]) =>
            ref === entityRef || ref.toLocaleLowerCase('en-US') === entityRef,
        )?.[1];
        if (known instanceof Error) {
          // The error body a Backstage backend sends.
          return HttpResponse.json(
            {
              error: { name: 'Error', message: known.message },
              request: { method: 'GET', url: new URL(request.url).pathname },
              response: { statusCode: 500 },
            },
            { status: 500 },
          );
        }
        return HttpResponse.json(known ?? slosOf(entityRef, []));
      } finally {
        inFlight -= 1;
      }
    },
  );
  return Object.assign(stats, { handler });
}
