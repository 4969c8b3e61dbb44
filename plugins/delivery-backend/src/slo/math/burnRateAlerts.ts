import {
  BurnRateWindow,
  SloAlertState,
} from '@delivery-insights/backstage-plugin-delivery-common';

/**
 * One row of the multi-window multi-burn-rate table: alert with `severity` when the burn rate is
 * strictly above `burnRate` over both the long and the short window.
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

function fires(
  rule: BurnRateAlertRule,
  burnRates: Record<BurnRateWindow, number | null>,
): boolean {
  const long = burnRates[rule.longWindow];
  const short = burnRates[rule.shortWindow];
  // A window without events has no burn rate, and a rule cannot fire on a window it cannot see.
  return (
    long !== null &&
    short !== null &&
    long > rule.burnRate &&
    short > rule.burnRate
  );
}

/**
 * The alert state for the burn rates over each window ending now: `page` when any page rule
 * fires, else `ticket` when any ticket rule fires, else `ok`; `no_data` when none of the windows
 * the rules consult has a burn rate. The windows are nested (5m ⊂ 30m ⊂ … ⊂ 3d), so with the
 * default rules that is exactly when every burn rate is null. A rule one of whose windows has no
 * events (a quiet last 5 minutes) does not fire, and the state is `ok` unless another rule does.
 */
export function alertState(
  burnRates: Record<BurnRateWindow, number | null>,
  rules: readonly BurnRateAlertRule[] = burnRateAlertRules,
): SloAlertState {
  const firing = rules.filter(rule => fires(rule, burnRates));
  if (firing.some(rule => rule.severity === 'page')) {
    return 'page';
  }
  if (firing.some(rule => rule.severity === 'ticket')) {
    return 'ticket';
  }
  const hasData = rules.some(
    rule =>
      burnRates[rule.longWindow] !== null ||
      burnRates[rule.shortWindow] !== null,
  );
  return hasData ? 'ok' : 'no_data';
}
