import {
  BurnRateWindow,
  SloDefinition,
  SloStatus,
  burnRateWindows,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DAY_MS } from '../../metrics/window';
import { alertState } from './burnRateAlerts';
import { assertObjective, budgetSummary, burnRate } from './errorBudget';
import { exhaustionAt } from './forecast';
import {
  SliSample,
  budgetHistory,
  burnRateWindowEnd,
  burnRateWindowMs,
  indexSamples,
} from './windowedSums';

/**
 * One SLO's status at `now`: attainment and budget over the rolling window
 * [now - windowDays, now), burn rates over each window ending at the last complete 5-minute bucket
 * (`burnRateWindowEnd`), the multi-window alert state,
 * the forecast at the 6h burn rate, and one history point per day of the window (plus `now`).
 * The history reaches back up to 2 × windowDays: pass samples from `now - 2 × windowDays` on.
 */
export function computeSloStatus({
  definition,
  samples,
  now,
}: {
  definition: SloDefinition;
  samples: readonly SliSample[];
  now: Date;
}): SloStatus {
  const { objective, windowDays } = definition;
  assertObjective(objective);
  const until = now.getTime();
  const index = indexSamples(samples);
  const { good, total } = index.sums(until - windowDays * DAY_MS, until);
  const summary = budgetSummary({ objective, good, total });
  const burnRateEnd = burnRateWindowEnd(until);
  const windowCounts = burnRateWindows.map(
    window =>
      [
        window,
        index.sums(burnRateEnd - burnRateWindowMs[window], burnRateEnd),
      ] as const,
  );
  const burnRates = Object.fromEntries(
    windowCounts.map(([window, counts]) => [
      window,
      burnRate(counts, objective),
    ]),
  ) as Record<BurnRateWindow, number | null>;
  const errorRates = Object.fromEntries(
    windowCounts.map(([window, { good, total }]) => [
      window,
      total === 0 ? null : (total - good) / total,
    ]),
  ) as Record<BurnRateWindow, number | null>;
  const exhaustion = exhaustionAt({
    remaining: summary.remaining,
    burnRate6h: burnRates['6h'],
    windowDays,
    now,
  });
  return {
    definition,
    attainment: summary.attainment,
    good,
    total,
    errorBudget: summary.errorBudget,
    consumed: summary.consumed,
    remaining: summary.remaining,
    burnRates,
    alert: alertState(errorRates, summary.errorBudget),
    exhaustionAt: exhaustion === null ? null : exhaustion.toISOString(),
    history: budgetHistory({
      samples,
      objective,
      windowDays,
      until,
      points: windowDays,
    }),
  };
}
