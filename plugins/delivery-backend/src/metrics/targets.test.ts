import { MetricTarget } from '@delivery-insights/backstage-plugin-delivery-common';
import {
  DELIVERY_ANNOTATION_PREFIX,
  MetricTargets,
  defaultTargets,
  meets,
  mergeTargets,
  targetAnnotation,
  targetMet,
  targetOverridesFromAnnotations,
} from './targets';

const target = (
  comparator: MetricTarget['comparator'],
  threshold: number,
): MetricTarget => ({ comparator, threshold });

describe('meets', () => {
  it.each([
    ['gte', 5, 4.99, false],
    ['gte', 5, 5, true],
    ['gte', 5, 5.01, true],
    ['gt', 5, 5, false],
    ['gt', 5, 5.01, true],
    ['lte', 5, 5, true],
    ['lte', 5, 5.01, false],
    ['lte', 5, 4.99, true],
    ['lt', 5, 5, false],
    ['lt', 5, 4.99, true],
    ['lt', 5, 5.01, false],
  ] as const)('%s %d is %p for %d', (comparator, threshold, value, met) => {
    expect(meets(value, target(comparator, threshold))).toBe(met);
  });
});

describe('targetMet', () => {
  it('is null without a value', () => {
    expect(targetMet(null, target('lt', 24))).toBeNull();
  });

  it('is null without a target', () => {
    expect(targetMet(12, null)).toBeNull();
    expect(targetMet(null, null)).toBeNull();
  });

  it('judges 0 as a value, not as missing', () => {
    expect(targetMet(0, target('lt', 5))).toBe(true);
    expect(targetMet(0, target('gte', 1))).toBe(false);
  });

  it('compares the value with the target', () => {
    expect(targetMet(23.9, target('lt', 24))).toBe(true);
    expect(targetMet(24, target('lt', 24))).toBe(false);
  });
});

describe('defaultTargets', () => {
  it('holds the defaults of the product definition', () => {
    expect(defaultTargets).toEqual({
      deploymentFrequency: target('gte', 1),
      leadTime: target('lt', 24),
      timeToRestore: target('lt', 1),
      failedDeploymentRecoveryTime: target('lt', 1),
      changeFailureRate: target('lt', 0.05),
      cycleTime: target('lt', 72),
      velocityPredictability: target('lte', 0.1),
      lineCoverage: target('gt', 80),
      incidentsPer30Days: target('lt', 5),
    });
  });

  it('treats exactly 5% change failure rate as missed and 80% coverage as missed', () => {
    expect(targetMet(0.05, defaultTargets.changeFailureRate!)).toBe(false);
    expect(targetMet(80, defaultTargets.lineCoverage!)).toBe(false);
    expect(targetMet(1, defaultTargets.deploymentFrequency!)).toBe(true);
    expect(targetMet(0.1, defaultTargets.velocityPredictability!)).toBe(true);
  });
});

describe('targetAnnotation', () => {
  it.each([
    ['deploymentFrequency', 'delivery-insights.io/target-deployment-frequency'],
    ['leadTime', 'delivery-insights.io/target-lead-time'],
    ['changeFailureRate', 'delivery-insights.io/target-change-failure-rate'],
    ['wip', 'delivery-insights.io/target-wip'],
    ['lineCoverage', 'delivery-insights.io/target-line-coverage'],
    ['incidentsPer30Days', 'delivery-insights.io/target-incidents-per-30-days'],
  ] as const)('names %s %s', (metric, annotation) => {
    expect(targetAnnotation(metric)).toBe(annotation);
  });

  it('uses the shared prefix', () => {
    expect(DELIVERY_ANNOTATION_PREFIX).toBe('delivery-insights.io/');
    expect(
      targetAnnotation('cycleTime').startsWith(DELIVERY_ANNOTATION_PREFIX),
    ).toBe(true);
  });
});

describe('mergeTargets', () => {
  it('returns no targets for no layers', () => {
    expect(mergeTargets()).toEqual({});
  });

  it('lets later layers win metric by metric', () => {
    const org: MetricTargets = {
      leadTime: target('lt', 24),
      cycleTime: target('lt', 72),
    };
    const group: MetricTargets = { leadTime: target('lt', 48) };
    const entity: MetricTargets = { wip: target('lte', 10) };
    expect(mergeTargets(org, group, entity)).toEqual({
      leadTime: target('lt', 48),
      cycleTime: target('lt', 72),
      wip: target('lte', 10),
    });
  });

  it('does not let an explicitly undefined target erase an earlier one', () => {
    expect(
      mergeTargets({ leadTime: target('lt', 24) }, { leadTime: undefined }),
    ).toEqual({ leadTime: target('lt', 24) });
  });

  it('does not mutate its layers', () => {
    const base: MetricTargets = { leadTime: target('lt', 24) };
    mergeTargets(base, { leadTime: target('lt', 48) });
    expect(base).toEqual({ leadTime: target('lt', 24) });
  });
});

describe('targetOverridesFromAnnotations', () => {
  it('returns the base targets for no annotations', () => {
    expect(targetOverridesFromAnnotations(undefined, defaultTargets)).toEqual({
      targets: defaultTargets,
      errors: [],
    });
    expect(targetOverridesFromAnnotations({}, defaultTargets)).toEqual({
      targets: defaultTargets,
      errors: [],
    });
  });

  it('sets the threshold and keeps the comparator of the base target', () => {
    const { targets, errors } = targetOverridesFromAnnotations(
      {
        'delivery-insights.io/target-lead-time': '48',
        'delivery-insights.io/target-change-failure-rate': '0.1',
        'delivery-insights.io/target-line-coverage': '70',
        'delivery-insights.io/target-incidents-per-30-days': ' 2 ',
      },
      defaultTargets,
    );
    expect(errors).toEqual([]);
    expect(targets).toEqual({
      ...defaultTargets,
      leadTime: target('lt', 48),
      changeFailureRate: target('lt', 0.1),
      lineCoverage: target('gt', 70),
      incidentsPer30Days: target('lt', 2),
    });
  });

  it('uses lte for a lower-is-better metric without a base target', () => {
    const lowerIsBetter = [
      'leadTime',
      'changeFailureRate',
      'timeToRestore',
      'cycleTime',
      'wip',
      'velocityPredictability',
      'defectEscapeRate',
      'incidentsPer30Days',
    ] as const;
    for (const metric of lowerIsBetter) {
      expect(
        targetOverridesFromAnnotations({ [targetAnnotation(metric)]: '3' }, {})
          .targets,
      ).toEqual({ [metric]: target('lte', 3) });
    }
  });

  it('uses gte for a higher-is-better metric without a base target', () => {
    const higherIsBetter = [
      'deploymentFrequency',
      'throughput',
      'flowEfficiency',
      'lineCoverage',
    ] as const;
    for (const metric of higherIsBetter) {
      expect(
        targetOverridesFromAnnotations(
          { [targetAnnotation(metric)]: '0.5' },
          {},
        ).targets,
      ).toEqual({ [metric]: target('gte', 0.5) });
    }
  });

  it('accepts signs, decimals without a leading digit and exponents', () => {
    const { targets, errors } = targetOverridesFromAnnotations(
      {
        'delivery-insights.io/target-wip': '+8',
        'delivery-insights.io/target-flow-efficiency': '.4',
        'delivery-insights.io/target-throughput': '1e1',
      },
      {},
    );
    expect(errors).toEqual([]);
    expect(targets).toEqual({
      wip: target('lte', 8),
      flowEfficiency: target('gte', 0.4),
      throughput: target('gte', 10),
    });
  });

  it.each([
    '',
    '  ',
    'abc',
    '48h',
    '70%',
    'NaN',
    'Infinity',
    '1e999',
    '0x10',
    '1,5',
    '1 2',
  ])('ignores and reports the value "%s"', raw => {
    const { targets, errors } = targetOverridesFromAnnotations(
      { 'delivery-insights.io/target-lead-time': raw },
      defaultTargets,
    );
    expect(targets).toEqual(defaultTargets);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('delivery-insights.io/target-lead-time');
    expect(errors[0]).toContain(`"${raw}"`);
  });

  it('applies the valid annotations when another one is invalid', () => {
    const { targets, errors } = targetOverridesFromAnnotations(
      {
        'delivery-insights.io/target-lead-time': 'two days',
        'delivery-insights.io/target-cycle-time': '96',
      },
      defaultTargets,
    );
    expect(targets).toEqual({ ...defaultTargets, cycleTime: target('lt', 96) });
    expect(errors).toEqual([
      expect.stringContaining('delivery-insights.io/target-lead-time'),
    ]);
  });

  it('reports a target annotation for an unknown metric', () => {
    const { targets, errors } = targetOverridesFromAnnotations(
      { 'delivery-insights.io/target-leadtime': '48' },
      defaultTargets,
    );
    expect(targets).toEqual(defaultTargets);
    expect(errors).toEqual([
      expect.stringContaining('"delivery-insights.io/target-leadtime"'),
    ]);
  });

  it('ignores other annotations, including other delivery annotations', () => {
    expect(
      targetOverridesFromAnnotations(
        {
          'backstage.io/techdocs-ref': 'dir:.',
          'delivery-insights.io/runbook': 'https://example.com/runbook',
          'target-lead-time': '48',
        },
        defaultTargets,
      ),
    ).toEqual({ targets: defaultTargets, errors: [] });
  });

  it('does not mutate the base targets', () => {
    const base: MetricTargets = { leadTime: target('lt', 24) };
    targetOverridesFromAnnotations(
      { 'delivery-insights.io/target-lead-time': '48' },
      base,
    );
    expect(base).toEqual({ leadTime: target('lt', 24) });
  });
});
