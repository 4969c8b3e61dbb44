import {
  DeployGateDecision,
  DeployGateSlo,
  ErrorBudgetPolicy,
  PolicyException,
  PolicyReason,
  PolicyState,
  SloAlertState,
} from '@delivery-insights/backstage-plugin-delivery-common';

/** What the policy reads of one SLO's status. */
export type SloPolicyInput = {
  name: string;
  remaining: number | null;
  alert: SloAlertState;
};

/**
 * Budget shares closer than this count as equal: remaining is 1 - bad / total / (1 - objective),
 * and an objective such as 0.9990000000000001 (targetPercent 99.9) leaves a budget spent exactly
 * to the last event a hair above 0.
 */
const TOLERANCE = 1e-9;

const percent = (share: number) =>
  `${Number((share * 100).toFixed(1)).toLocaleString('en-US')} %`;

const severity: Record<PolicyState, number> = { normal: 0, warn: 1, freeze: 2 };

const worst = (states: PolicyState[]): PolicyState =>
  states.reduce<PolicyState>(
    (a, b) => (severity[b] > severity[a] ? b : a),
    'normal',
  );

/**
 * One SLO's policy state: `freeze` when its budget is exhausted (remaining ≤ 0) or it pages;
 * `warn` when the remaining budget is below `warnBelowPercent` or it opens a ticket; else
 * `normal`. An SLO without events (remaining null, alert no_data) is `normal`.
 */
export function sloPolicyState(
  slo: SloPolicyInput,
  policy: Pick<ErrorBudgetPolicy, 'warnBelowPercent'>,
): { state: PolicyState; reasons: PolicyReason[] } {
  const reasons: PolicyReason[] = [];
  const { name, remaining, alert } = slo;
  if (remaining !== null && remaining <= TOLERANCE) {
    reasons.push({
      slo: name,
      code: 'budget_exhausted',
      message: `SLO ${name}: error budget exhausted (${percent(
        remaining,
      )} left)`,
    });
  }
  if (alert === 'page') {
    reasons.push({
      slo: name,
      code: 'page_alert',
      message: `SLO ${name}: burning its budget fast enough to page`,
    });
  }
  if (reasons.length > 0) {
    return { state: 'freeze', reasons };
  }
  const threshold = policy.warnBelowPercent / 100;
  if (remaining !== null && remaining < threshold - TOLERANCE) {
    reasons.push({
      slo: name,
      code: 'budget_low',
      message: `SLO ${name}: ${percent(
        remaining,
      )} of the error budget left, below ${percent(threshold)}`,
    });
  }
  if (alert === 'ticket') {
    reasons.push({
      slo: name,
      code: 'ticket_alert',
      message: `SLO ${name}: burning its budget fast enough to open a ticket`,
    });
  }
  return { state: reasons.length > 0 ? 'warn' : 'normal', reasons };
}

/**
 * An entity's policy state: the worst of its SLOs' states. SLOs that could not be computed are
 * reasons but do not change the state: the policy acts on what it can measure.
 */
export function evaluatePolicy({
  slos,
  unavailable,
  policy,
}: {
  slos: readonly SloPolicyInput[];
  /** SLOs (or definitions) that could not be computed, with the reason. */
  unavailable: ReadonlyArray<{ slo?: string; message: string }>;
  policy: Pick<ErrorBudgetPolicy, 'warnBelowPercent'>;
}): { state: PolicyState; reasons: PolicyReason[]; slos: DeployGateSlo[] } {
  const evaluated = slos.map(slo => ({
    slo,
    ...sloPolicyState(slo, policy),
  }));
  const reasons: PolicyReason[] = evaluated.flatMap(e => e.reasons);
  for (const { slo, message } of unavailable) {
    reasons.push({
      ...(slo === undefined ? {} : { slo }),
      code: 'slo_unavailable',
      message: slo === undefined ? message : `SLO ${slo}: ${message}`,
    });
  }
  if (slos.length === 0 && unavailable.length === 0) {
    reasons.push({
      code: 'no_slos',
      message: 'No SLOs are defined: the error-budget policy does not apply',
    });
  }
  return {
    state: worst(evaluated.map(e => e.state)),
    reasons,
    slos: evaluated.map(({ slo, state }) => ({
      name: slo.name,
      remaining: slo.remaining,
      alert: slo.alert,
      state,
    })),
  };
}

/**
 * Whether an exception lets a deployment at `at` through a freeze: it was granted at or before
 * `at`, had not ended (`at` < until) and, when it names a deployment, is for that one. Past
 * deployments are judged by the exception as it stood then, so an exception since expired still
 * covers the deployments made while it held.
 */
export function exceptionCovers(
  exception: Pick<PolicyException, 'until' | 'deploymentId' | 'events'>,
  deployment: { at: Date; deploymentId?: string },
): boolean {
  const at = deployment.at.getTime();
  const granted = exception.events.find(event => event.action === 'granted');
  return (
    granted !== undefined &&
    Date.parse(granted.at) <= at &&
    at < Date.parse(exception.until) &&
    (exception.deploymentId === null ||
      exception.deploymentId === deployment.deploymentId)
  );
}

/** `block` during a freeze unless an exception covers the deployment; `warn` in warn; else `allow`. */
export function gateDecision(
  state: PolicyState,
  exception: PolicyException | null,
): DeployGateDecision {
  if (state === 'freeze') return exception ? 'allow' : 'block';
  return state === 'warn' ? 'warn' : 'allow';
}
