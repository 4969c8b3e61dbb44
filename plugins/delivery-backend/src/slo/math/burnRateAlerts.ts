import {
  BurnRateWindow,
  SloAlertState,
} from '@delivery-insights/backstage-plugin-delivery-common';

/**
 * One row of the multi-window multi-burn-rate table: alert with `severity` when the burn rate is
 * strictly above `burnRate` over both the long and the short window, that is when the error rate
 * is strictly above `burnRate` × error budget.
 */
export type BurnRateAlertRule = {
  readonly severity: 'page' | 'ticket';
  readonly longWindow: BurnRateWindow;
  readonly shortWindow: BurnRateWindow;
  readonly burnRate: number;
};

/**
 * The Google SRE Workbook's recommended alerts for a 30-day SLO ("Alerting on SLOs", multiwindow,
 * multi-burn-rate alerts). A burn rate b held over a window of h hours spends b × h / 720 of a
 * 30-day budget: 14.4 over 1h spends 2 %, 6 over 6h spends 5 %, 1 over 3 days spends 10 %. The
 * short window (1/12 of the long one) makes the alert stop soon after the burning stops.
 */
export const burnRateAlertRules = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', burnRate: 6 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', burnRate: 1 },
] as const satisfies readonly BurnRateAlertRule[];

/**
 * Relative tolerance of the threshold comparison. `targetPercent: 99.9` becomes the objective
 * 0.9990000000000001, whose budget is 1e-16 short of 0.001: without a tolerance an error rate
 * exactly 14.4 times the budget would compare as above 14.4 × budget and page. Error rates of
 * real traffic are never within a billionth of a threshold by anything but rounding.
 */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * Whether an error rate is strictly above `threshold` × `errorBudget` (the Workbook's form of
 * "burn rate above threshold"), counting values within the relative tolerance as equal.
 */
export function exceedsBurnRate(
  errorRate: number,
  threshold: number,
  errorBudget: number,
): boolean {
  const limit = threshold * errorBudget;
  return errorRate - limit > RELATIVE_TOLERANCE * Math.abs(limit);
}

function fires(
  rule: BurnRateAlertRule,
  errorRates: Record<BurnRateWindow, number | null>,
  errorBudget: number,
): boolean {
  const long = errorRates[rule.longWindow];
  const short = errorRates[rule.shortWindow];
  // A window without events has no error rate, and a rule cannot fire on a window it cannot see.
  return (
    long !== null &&
    short !== null &&
    exceedsBurnRate(long, rule.burnRate, errorBudget) &&
    exceedsBurnRate(short, rule.burnRate, errorBudget)
  );
}

/**
 * The alert state for the error rates (bad / total) over each burn-rate window and the error
 * budget (1 - objective): `page` when any page rule fires, else `ticket` when any ticket rule
 * fires, else `ok`; `no_data` when none of the windows the rules consult has events. The windows
 * are nested (5m ⊂ 30m ⊂ … ⊂ 3d), so with the default rules that is exactly when every error rate
 * is null. A rule one of whose windows has no events (a quiet last 5 minutes) does not fire, and
 * the state is `ok` unless another rule does.
 */
export function alertState(
  errorRates: Record<BurnRateWindow, number | null>,
  errorBudget: number,
  rules: readonly BurnRateAlertRule[] = burnRateAlertRules,
): SloAlertState {
  const firing = rules.filter(rule => fires(rule, errorRates, errorBudget));
  if (firing.some(rule => rule.severity === 'page')) {
    return 'page';
  }
  if (firing.some(rule => rule.severity === 'ticket')) {
    return 'ticket';
  }
  const hasData = rules.some(
    rule =>
      errorRates[rule.longWindow] !== null ||
      errorRates[rule.shortWindow] !== null,
  );
  return hasData ? 'ok' : 'no_data';
}
