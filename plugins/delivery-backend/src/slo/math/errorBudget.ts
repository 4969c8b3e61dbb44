/** Good and total event counts over some window. */
export type EventCounts = { good: number; total: number };

/** The budget figures of one window, as `SloStatus` documents them. */
export type BudgetSummary = {
  /** good / total; null without events. */
  attainment: number | null;
  /** 1 - objective. */
  errorBudget: number;
  /** (bad / total) / (1 - objective); null without events. */
  consumed: number | null;
  /** 1 - consumed; negative when overspent; null without events. */
  remaining: number | null;
};

/**
 * Throws a RangeError unless 0 < objective < 1. Definitions are validated when read, so this
 * only guards against programming errors (an objective of 1 has no budget to divide by).
 */
export function assertObjective(objective: number): void {
  if (!(objective > 0 && objective < 1)) {
    throw new RangeError(
      `SLO objective must be strictly between 0 and 1, got ${objective}`,
    );
  }
}

/**
 * The error rate over a window divided by the error budget: 1 spends the budget exactly over the
 * SLO's window, 2 spends it in half the time. Null without events.
 */
export function burnRate(
  { good, total }: EventCounts,
  objective: number,
): number | null {
  assertObjective(objective);
  if (total === 0) {
    return null;
  }
  return (total - good) / total / (1 - objective);
}

/** Attainment, budget, and the share of it consumed and remaining, for counts over the SLO window. */
export function budgetSummary({
  objective,
  good,
  total,
}: EventCounts & { objective: number }): BudgetSummary {
  const consumed = burnRate({ good, total }, objective);
  return {
    attainment: total === 0 ? null : good / total,
    errorBudget: 1 - objective,
    consumed,
    remaining: consumed === null ? null : 1 - consumed,
  };
}
