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
  burnRateWindowMs,
  indexSamples,
} from './windowedSums';

/**
 * One SLO's status at `now`: attainment and budget over the rolling window
 * [now - windowDays, now), burn rates over each window ending now, the multi-window alert state,
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
  const burnRates = Object.fromEntries(
    burnRateWindows.map(window => [
      window,
      burnRate(index.sums(until - burnRateWindowMs[window], until), objective),
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
    alert: alertState(burnRates),
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
