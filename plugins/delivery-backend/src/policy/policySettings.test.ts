import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  WARN_BELOW_ANNOTATION,
  defaultErrorBudgetPolicy,
  entityErrorBudgetPolicy,
  readErrorBudgetPolicy,
} from './policySettings';

const config = (errorBudgetPolicy?: object) =>
  new ConfigReader({ delivery: { errorBudgetPolicy } });

describe('readErrorBudgetPolicy', () => {
  it('defaults to warning below 25 % and a year of audit trail', () => {
    expect(readErrorBudgetPolicy(config())).toEqual({
      warnBelowPercent: 25,
      auditDays: 365,
    });
  });

  it('reads the organisation default', () => {
    expect(
      readErrorBudgetPolicy(config({ warnBelowPercent: 10, auditDays: 730 })),
    ).toEqual({ warnBelowPercent: 10, auditDays: 730 });
  });

  it.each([[-1], [101]])(
    'refuses a threshold of %p naming the key',
    warnBelowPercent => {
      expect(() => readErrorBudgetPolicy(config({ warnBelowPercent }))).toThrow(
        'delivery.errorBudgetPolicy.warnBelowPercent',
      );
    },
  );

  it('refuses an audit period that is not positive', () => {
    expect(() => readErrorBudgetPolicy(config({ auditDays: 0 }))).toThrow(
      'delivery.errorBudgetPolicy.auditDays',
    );
  });
});

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
});

describe('entityErrorBudgetPolicy', () => {
  it('is the organisation policy without the annotation', () => {
    expect(entityErrorBudgetPolicy(entity(), defaultErrorBudgetPolicy)).toEqual(
      { policy: defaultErrorBudgetPolicy, problems: [] },
    );
  });

  it.each([
    ['50', 50],
    ['0', 0],
    ['100', 100],
    [' 12.5 ', 12.5],
  ])('overrides the threshold with %p', (raw, expected) => {
    expect(
      entityErrorBudgetPolicy(
        entity({ [WARN_BELOW_ANNOTATION]: raw }),
        defaultErrorBudgetPolicy,
      ).policy,
    ).toEqual({ warnBelowPercent: expected, auditDays: 365 });
  });

  it.each([['abc'], [''], ['-5'], ['101']])('reports and ignores %p', raw => {
    const result = entityErrorBudgetPolicy(
      entity({ [WARN_BELOW_ANNOTATION]: raw }),
      defaultErrorBudgetPolicy,
    );
    expect(result.policy).toBe(defaultErrorBudgetPolicy);
    expect(result.problems).toEqual([
      expect.stringContaining(WARN_BELOW_ANNOTATION),
    ]);
  });
});
