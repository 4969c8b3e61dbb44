/**
 * Shapes of the error-budget policy: its state per entity, the deploy gate's answer and the
 * exceptions owners request. Definitions: docs/slo.md, "Error-budget policy".
 */
import { SloAlertState } from './slo';

/**
 * `normal`; `warn` when an SLO's budget remaining is below the policy's threshold or it opens a
 * ticket; `freeze` when an SLO's budget is exhausted or it pages. @public
 */
export type PolicyState = 'normal' | 'warn' | 'freeze';

/** The deploy gate's answer: `block` only during a freeze without an exception. @public */
export type DeployGateDecision = 'allow' | 'warn' | 'block';

/** An entity's error-budget policy: the organisation's default, overridden by annotations. @public */
export type ErrorBudgetPolicy = {
  /** Warn when an SLO's budget remaining is below this percentage (0-100). Default 25. */
  warnBelowPercent: number;
  /** Days the exception trail is kept, whatever the records' retention. Default 365. */
  auditDays: number;
};

/** Why an entity is in its state, one reason per SLO and rule that applies. @public */
export type PolicyReason = {
  /** The SLO the reason is about; absent for reasons about the entity. */
  slo?: string;
  code:
    | 'budget_exhausted'
    | 'page_alert'
    | 'budget_low'
    | 'ticket_alert'
    | 'slo_unavailable'
    | 'no_slos'
    | 'exception';
  message: string;
};

/** Why an owner asks to deploy during a freeze (the SRE Workbook's exceptions, and others). @public */
export const policyExceptionReasonKinds = [
  'p0-fix',
  'security-patch',
  'other',
] as const;

/** @public */
export type PolicyExceptionReasonKind =
  (typeof policyExceptionReasonKinds)[number];

/** @public */
export type PolicyExceptionStatus =
  | 'requested'
  | 'granted'
  | 'refused'
  | 'expired';

/** One step of an exception's trail: who did what, when and why. @public */
export type PolicyExceptionEvent = {
  action: 'requested' | 'granted' | 'refused' | 'expired';
  /** The user or service that acted; `system` for an expiry. */
  actor: string;
  at: string;
  comment: string | null;
};

/**
 * A request to deploy during a freeze. Its scope is one deployment (`deploymentId`) or every
 * deployment until `until`; either way it ends at `until`.
 * @public
 */
export type PolicyException = {
  id: string;
  entityRef: string;
  reasonKind: PolicyExceptionReasonKind;
  justification: string;
  /** Set for an exception that covers one deployment only. */
  deploymentId: string | null;
  /** When the exception (or the request) expires. */
  until: string;
  status: PolicyExceptionStatus;
  requestedBy: string;
  requestedAt: string;
  /** Oldest first. */
  events: PolicyExceptionEvent[];
};

/** One SLO as the gate saw it. @public */
export type DeployGateSlo = {
  name: string;
  /** Share of the budget left; null without events. */
  remaining: number | null;
  alert: SloAlertState;
  state: PolicyState;
};

/** The answer of `GET /entities/{kind}/{namespace}/{name}/deploy-gate`. @public */
export type DeployGate = {
  entityRef: string;
  at: string;
  decision: DeployGateDecision;
  state: PolicyState;
  reasons: PolicyReason[];
  slos: DeployGateSlo[];
  /** The granted exception that lets the deployment through a freeze, if any. */
  exception: PolicyException | null;
  policy: ErrorBudgetPolicy;
};
