import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ErrorBudgetPolicy } from '@delivery-insights/backstage-plugin-delivery-common';

/** The policy without configuration: warn below 25 % of the budget, keep the trail a year. */
export const defaultErrorBudgetPolicy: ErrorBudgetPolicy = {
  warnBelowPercent: 25,
  auditDays: 365,
};

/** Overrides the warn threshold of one entity, e.g. `"10"` for 10 %. */
export const WARN_BELOW_ANNOTATION =
  'delivery-insights.io/error-budget-policy-warn-below';

const isPercent = (value: number) =>
  Number.isFinite(value) && value >= 0 && value <= 100;

/** The organisation's policy: `delivery.errorBudgetPolicy` over the defaults. */
export function readErrorBudgetPolicy(config: Config): ErrorBudgetPolicy {
  const warnBelowPercent =
    config.getOptionalNumber('delivery.errorBudgetPolicy.warnBelowPercent') ??
    defaultErrorBudgetPolicy.warnBelowPercent;
  if (!isPercent(warnBelowPercent)) {
    throw new Error(
      `Invalid delivery.errorBudgetPolicy.warnBelowPercent ${warnBelowPercent}: must be a percentage from 0 to 100`,
    );
  }
  const auditDays =
    config.getOptionalNumber('delivery.errorBudgetPolicy.auditDays') ??
    defaultErrorBudgetPolicy.auditDays;
  if (!(Number.isFinite(auditDays) && auditDays > 0)) {
    throw new Error(
      `Invalid delivery.errorBudgetPolicy.auditDays ${auditDays}: must be a positive number of days`,
    );
  }
  return { warnBelowPercent, auditDays };
}

/**
 * The entity's policy: the organisation's with the entity's annotation applied. An annotation
 * that is not a percentage is reported and ignored, so a typo does not lift a freeze.
 */
export function entityErrorBudgetPolicy(
  entity: Entity,
  organisation: ErrorBudgetPolicy,
): { policy: ErrorBudgetPolicy; problems: string[] } {
  const raw = entity.metadata.annotations?.[WARN_BELOW_ANNOTATION];
  if (raw === undefined) {
    return { policy: organisation, problems: [] };
  }
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!isPercent(value)) {
    return {
      policy: organisation,
      problems: [
        `Annotation ${WARN_BELOW_ANNOTATION} "${raw}" is not a percentage from 0 to 100; using ${organisation.warnBelowPercent}`,
      ],
    };
  }
  return {
    policy: { ...organisation, warnBelowPercent: value },
    problems: [],
  };
}
