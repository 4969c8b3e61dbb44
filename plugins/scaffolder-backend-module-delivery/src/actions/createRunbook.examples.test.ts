import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createRunbookAction } from './createRunbook';
import { examples } from './createRunbook.examples';

describe('delivery:runbook:create examples', () => {
  const workspace = createMockDirectory();
  const action = createRunbookAction();

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
    const text = workspace.content()!['runbook-payments-api.md'] as string;
    expect(text).toContain('# Ранбук: payments-api');
    expect(text).toContain('PaymentsHighErrorRate');
    expect(text).toContain('| postgres-payments | database | No payments |');
    expect(text).toContain('- RTO (допустимое время восстановления): 1 hour');
    expect(ctx.output).toHaveBeenCalledWith('path', 'runbook-payments-api.md');
  });

  it(`runs "${examples[1].description}"`, async () => {
    const ctx = await runExample(1);
    const docs = workspace.content()!.docs as Record<string, string>;
    expect(docs['runbook.md']).toContain('## 4. SLOs and error budget');
    expect(ctx.output).toHaveBeenCalledWith('path', 'docs/runbook.md');
  });

  it('has a test for every example', () => {
    expect(examples).toHaveLength(2);
  });
});
