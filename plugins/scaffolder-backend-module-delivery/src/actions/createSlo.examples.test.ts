import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createSloAction } from './createSlo';
import { examples } from './createSlo.examples';

describe('delivery:slo:create examples', () => {
  const workspace = createMockDirectory();
  const action = createSloAction();

  beforeEach(() => workspace.clear());

  const runExample = async (index: number) => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[index].example).steps[0].input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    return ctx;
  };

  it(`runs "${examples[0].description}"`, async () => {
    const ctx = await runExample(0);
    const documents = yaml
      .parseAllDocuments(workspace.content()!['slo.yaml'] as string)
      .map(d => d.toJS());
    expect(documents.map(d => [d.metadata.name, d.spec.objectives])).toEqual([
      ['availability', [{ target: 0.999 }]],
      ['latency', [{ op: 'lte', value: 300, target: 0.99 }]],
    ]);
    expect(ctx.output).toHaveBeenCalledWith('names', [
      'availability',
      'latency',
    ]);
  });

  it(`runs "${examples[1].description}"`, async () => {
    const ctx = await runExample(1);
    const [document] = yaml
      .parseAllDocuments(workspace.content()!['slo.yaml'] as string)
      .map(d => d.toJS());
    expect(document.spec.timeWindow).toEqual([
      { duration: '28d', isRolling: true },
    ]);
    expect(
      document.spec.indicator.spec.ratioMetric.total.metricSource.spec.query,
    ).toBe('http_requests_total{job="payments"}');
    expect(ctx.output).toHaveBeenCalledWith('path', 'slo.yaml');
  });

  it('has a test for every example', () => {
    expect(examples).toHaveLength(2);
  });
});
