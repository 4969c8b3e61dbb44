import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// The produced file must pass the backend's own parser; it is only imported by this test.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { parseSloDocuments } from '@delivery-insights/backstage-plugin-delivery-backend';
import { createSloAction } from './createSlo';

describe('delivery:slo:create', () => {
  const workspace = createMockDirectory();
  const action = createSloAction();

  beforeEach(() => workspace.clear());

  const run = (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  it('writes OpenSLO documents that the delivery backend reads back as the same SLOs', async () => {
    const ctx = await run({
      service: 'payments-api',
      slos: [
        {
          name: 'availability',
          displayName: 'Payments availability',
          description: 'Share of requests without a server error',
          objective: 99.9,
        },
        { name: 'latency', objective: 99, window: '28d', thresholdMs: 300 },
        {
          name: 'checkout',
          objective: 0.995,
          prometheus: {
            good: 'http_requests_total{job="payments",code!~"5.."}',
            total: 'http_requests_total{job="payments"}',
            instance: 'main',
          },
        },
      ],
    });
    const text = workspace.content()!['slo.yaml'] as string;
    expect(text).toContain('apiVersion: openslo/v1');
    expect(text).toContain('kind: SLO');
    const parsed = parseSloDocuments(text, 'slo.yaml');
    expect(parsed.errors).toEqual([]);
    expect(parsed.definitions).toEqual([
      {
        name: 'availability',
        displayName: 'Payments availability',
        description: 'Share of requests without a server error',
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
      {
        name: 'checkout',
        displayName: undefined,
        description: undefined,
        objective: 0.995,
        windowDays: 30,
        sli: { type: 'ratio' },
        source: {
          type: 'prometheus',
          instance: 'main',
          goodQuery: 'http_requests_total{job="payments",code!~"5.."}',
          totalQuery: 'http_requests_total{job="payments"}',
        },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('path', 'slo.yaml');
    expect(ctx.output).toHaveBeenCalledWith('names', [
      'availability',
      'latency',
      'checkout',
    ]);
  });

  it('adds to an existing file and refuses a name it already has', async () => {
    workspace.setContent({
      'slos/service.yaml':
        '# hand-written\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: availability\nspec:\n  timeWindow: [{ duration: 30d }]\n  objectives: [{ target: 0.99 }]\n',
    });
    await run({
      service: 'svc',
      path: 'slos/service.yaml',
      slos: [{ name: 'latency', objective: 95, thresholdMs: 500 }],
    });
    const text = (workspace.content()!.slos as Record<string, string>)[
      'service.yaml'
    ];
    expect(text.startsWith('# hand-written\n')).toBe(true);
    expect(parseSloDocuments(text, 'x').definitions.map(d => d.name)).toEqual([
      'availability',
      'latency',
    ]);

    await expect(
      run({
        service: 'svc',
        path: 'slos/service.yaml',
        slos: [{ name: 'availability', objective: 99 }],
      }),
    ).rejects.toThrow(
      'slos/service.yaml already defines an SLO named availability',
    );
  });

  it('refuses a latency SLO from Prometheus, which the backend would not read', async () => {
    await expect(
      run({
        service: 'svc',
        slos: [
          {
            name: 'latency',
            objective: 99,
            thresholdMs: 300,
            prometheus: { good: 'a', total: 'b' },
          },
        ],
      }),
    ).rejects.toThrow(/ratio SLO over the histogram/);
    expect(workspace.content()).toEqual({});
  });

  it('declares the OpenSLO constraints in its input schema', () => {
    const slo = (action.schema?.input as any).properties.slos.items;
    expect(slo.properties.window.enum).toEqual(['28d', '30d']);
    expect(slo.properties.name.pattern).toBe('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$');
    expect(action.supportsDryRun).toBe(true);
  });
});
