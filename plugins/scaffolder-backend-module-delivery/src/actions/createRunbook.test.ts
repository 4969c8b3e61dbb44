import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRunbookAction } from './createRunbook';

describe('delivery:runbook:create', () => {
  const workspace = createMockDirectory();
  const action = createRunbookAction();

  beforeEach(() => workspace.clear());

  const run = (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  it('writes a Russian runbook-{service}.md by default and outputs its path', async () => {
    const ctx = await run({
      service: 'payments-api',
      owner: 'group:default/team-payments',
      deployment: { strategy: 'blue-green' },
    });
    const text = workspace.content()!['runbook-payments-api.md'] as string;
    expect(text).toContain('# Ранбук: payments-api');
    expect(text).toContain(
      '| Команда-владелец | group:default/team-payments |',
    );
    expect(text).toContain('Переключите балансировщик на green');
    expect(text).toContain('**⚠ не указано**');
    expect(ctx.output).toHaveBeenCalledWith('path', 'runbook-payments-api.md');
  });

  it('writes English to the given path, creating folders', async () => {
    await run({
      service: 'payments-api',
      language: 'en',
      path: 'docs/runbook.md',
      slos: [{ name: 'availability', objective: 99.9, window: '30d' }],
    });
    const docs = workspace.content()!.docs as Record<string, string>;
    expect(docs['runbook.md']).toContain('## 4. SLOs and error budget');
    expect(docs['runbook.md']).toContain(
      '| availability | 99.9% | 30 days | 0.1% of events (≈ 43.2 min of full downtime per 30 days) | — |',
    );
  });

  it('refuses a path outside the workspace', async () => {
    await expect(
      run({ service: 'x', path: '../../etc/runbook.md' }),
    ).rejects.toThrow(/outside/i);
  });

  it('declares dry-run support and JSON schema for its input', () => {
    expect(action.supportsDryRun).toBe(true);
    const schema = action.schema?.input as any;
    expect(schema.required).toEqual(['service']);
    expect(schema.properties.language.enum).toEqual(['ru', 'en']);
    expect(schema.properties.deployment.properties.strategy.enum).toEqual([
      'blue-green',
      'canary',
      'rolling',
      'feature-flags',
    ]);
  });
});
