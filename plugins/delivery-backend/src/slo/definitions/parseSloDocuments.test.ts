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
});
