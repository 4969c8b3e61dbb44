import { parseSloDocuments } from './parseSloDocuments';

const availability = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
  displayName: Checkout availability
spec:
  description: Requests without a server error.
  indicator:
    spec:
      ratioMetric: {}
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.999
`;

const latency = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: latency
spec:
  indicator:
    spec:
      thresholdMetric: {}
  timeWindow:
    - duration: 28d
  objectives:
    - targetPercent: 99
      op: lte
      value: 300
`;

const prometheus = ({
  good = 'type: Prometheus\n            spec: { query: \'http_requests_total{job="checkout",code!~"5.."}\' }',
  total = 'type: Prometheus\n            spec: { query: \'http_requests_total{job="checkout"}\' }',
  indicator = 'ratioMetric',
}: { good?: string; total?: string; indicator?: string } = {}) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  indicator:
    metadata: { name: checkout-errors }
    spec:
      ${indicator}:
        counter: true
        good:
          metricSource:
            ${good}
        total:
          metricSource:
            ${total}
  timeWindow:
    - duration: 30d
  objectives:
    - target: 0.999
      value: 300
`;

describe('parseSloDocuments', () => {
  it('reads ratio and threshold SLOs from several YAML documents', () => {
    const { definitions, errors } = parseSloDocuments(
      `${availability}\n---\n${latency}`,
      'test',
    );
    expect(errors).toEqual([]);
    expect(definitions).toEqual([
      {
        name: 'availability',
        displayName: 'Checkout availability',
        description: 'Requests without a server error.',
        objective: 0.999,
        windowDays: 30,
        sli: { type: 'ratio' },
      },
      {
        name: 'latency',
        displayName: undefined,
        description: undefined,
        objective: 0.99,
        windowDays: 28,
        sli: { type: 'threshold', thresholdMs: 300 },
      },
    ]);
  });

  it('reads a list of SLOs in one document', () => {
    const list = `- metadata: {name: a}\n  spec: {timeWindow: [{duration: 30d}], objectives: [{target: 0.99}]}\n- metadata: {name: b}\n  spec: {timeWindow: [{duration: 28d}], objectives: [{target: 0.9}]}`;
    expect(
      parseSloDocuments(list, 'test').definitions.map(d => d.name),
    ).toEqual(['a', 'b']);
  });

  it('reports each bad SLO with the field at fault and keeps the good ones', () => {
    const bad = `
metadata:
  name: broken
spec:
  timeWindow:
    - duration: 7d
  objectives:
    - target: 1.5
`;
    const { definitions, errors } = parseSloDocuments(
      `${availability}\n---\n${bad}`,
      'annotation x',
    );
    expect(definitions.map(d => d.name)).toEqual(['availability']);
    expect(errors).toHaveLength(1);
    expect(errors[0].slo).toBe('broken');
    expect(errors[0].message).toContain('annotation x');
    expect(errors[0].message).toContain('spec.timeWindow.0.duration');
    expect(errors[0].message).toContain('spec.objectives.0.target');
  });

  it('needs the latency threshold of a threshold SLO', () => {
    const noValue = latency.replace('      value: 300\n', '');
    const { definitions, errors } = parseSloDocuments(noValue, 'test');
    expect(definitions).toEqual([]);
    expect(errors[0].message).toContain('spec.objectives.0.value');
  });

  it('reports text that is not YAML instead of throwing', () => {
    const { definitions, errors } = parseSloDocuments('a: [unclosed', 'test');
    expect(definitions).toEqual([]);
    expect(errors[0].message).toContain('not valid YAML');
  });

  it('keeps the first of two SLOs with the same name', () => {
    const { definitions, errors } = parseSloDocuments(
      `${availability}\n---\n${availability.replace('0.999', '0.99')}`,
      'test',
    );
    expect(definitions.map(d => d.objective)).toEqual([0.999]);
    expect(errors[0].message).toContain('used twice');
  });

  describe('Prometheus metric sources', () => {
    it('reads the good and total queries of the default instance', () => {
      const { definitions, errors } = parseSloDocuments(prometheus(), 'test');
      expect(errors).toEqual([]);
      expect(definitions[0]).toMatchObject({
        name: 'availability',
        sli: { type: 'ratio' },
        source: {
          type: 'prometheus',
          instance: 'default',
          goodQuery: 'http_requests_total{job="checkout",code!~"5.."}',
          totalQuery: 'http_requests_total{job="checkout"}',
        },
      });
    });

    it('reads the instance from metricSourceRef, whatever the case of the type', () => {
      const { definitions, errors } = parseSloDocuments(
        prometheus({
          good: 'metricSourceRef: eu\n            type: prometheus\n            spec: { query: good_total }',
          total:
            'metricSourceRef: eu\n            type: PROMETHEUS\n            spec: { query: all_total }',
        }),
        'test',
      );
      expect(errors).toEqual([]);
      expect(definitions[0].source).toEqual({
        type: 'prometheus',
        instance: 'eu',
        goodQuery: 'good_total',
        totalQuery: 'all_total',
      });
    });

    it('keeps ingested samples for other metric sources and for threshold indicators', () => {
      const datadog = parseSloDocuments(
        prometheus({
          good: 'type: Datadog\n            spec: { query: x }',
          total: 'type: Datadog\n            spec: { query: y }',
        }),
        'test',
      );
      expect(datadog.errors).toEqual([]);
      expect(datadog.definitions[0].source).toBeUndefined();
      const refOnly = parseSloDocuments(
        prometheus({
          good: 'metricSourceRef: my-datadog',
          total: 'metricSourceRef: my-datadog',
        }),
        'test',
      );
      expect(refOnly.errors).toEqual([]);
      expect(refOnly.definitions[0].source).toBeUndefined();
      const threshold = parseSloDocuments(
        prometheus({ indicator: 'thresholdMetric' }),
        'test',
      );
      expect(threshold.errors).toEqual([]);
      expect(threshold.definitions[0]).toMatchObject({
        sli: { type: 'threshold', thresholdMs: 300 },
      });
      expect(threshold.definitions[0].source).toBeUndefined();
    });

    it('needs both counters from Prometheus', () => {
      const { definitions, errors } = parseSloDocuments(
        prometheus({ total: 'type: Datadog\n            spec: { query: y }' }),
        'test',
      );
      expect(definitions).toEqual([]);
      expect(errors).toEqual([
        {
          slo: 'availability',
          message:
            'test: spec.indicator.spec.ratioMetric.total.metricSource.type: must be a Prometheus metric source, like good',
        },
      ]);
    });

    it('needs vector selectors, not expressions', () => {
      const { definitions, errors } = parseSloDocuments(
        prometheus({
          good: 'type: Prometheus\n            spec: { query: "rate(good_total[5m])" }',
          total: 'type: Prometheus\n            spec: {}',
        }),
        'test',
      );
      expect(definitions).toEqual([]);
      expect(errors[0].message).toContain(
        'spec.indicator.spec.ratioMetric.good.metricSource.spec.query: must be a PromQL vector selector',
      );
      expect(errors[0].message).toContain(
        'spec.indicator.spec.ratioMetric.total.metricSource.spec.query: needs a PromQL vector selector',
      );
    });

    it('needs good and total on the same instance', () => {
      const { errors } = parseSloDocuments(
        prometheus({
          good: 'metricSourceRef: eu\n            type: Prometheus\n            spec: { query: good_total }',
          total: 'type: Prometheus\n            spec: { query: all_total }',
        }),
        'test',
      );
      expect(errors[0].message).toContain(
        'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef: must name the same Prometheus instance as good (eu)',
      );
    });
  });
});
