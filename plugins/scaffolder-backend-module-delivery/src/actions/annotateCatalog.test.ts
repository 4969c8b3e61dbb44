import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseAllDocuments } from 'yaml';
import { annotateCatalogAction } from './annotateCatalog';

const catalogInfo = `# The payments service
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  description: Card payments # keep me
  annotations:
    backstage.io/source-location: url:https://github.com/acme/payments-api
    delivery-insights.io/runbook: https://wiki.example.com/payments
  links:
    - url: https://wiki.example.com/payments
      title: Old runbook
      type: runbook
spec:
  type: service
  lifecycle: production
  owner: team-payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-rest
spec:
  type: openapi
  lifecycle: production
  owner: team-payments
  definition: openapi.yaml
`;

describe('delivery:catalog:annotate', () => {
  const workspace = createMockDirectory();
  const action = annotateCatalogAction();

  beforeEach(() => workspace.setContent({ 'catalog-info.yaml': catalogInfo }));

  const run = (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };
  const written = () => workspace.content()!['catalog-info.yaml'] as string;

  it('adds the delivery annotations and links and keeps the rest of the file', async () => {
    const ctx = await run({
      sloFile: 'slo.yaml',
      runbookUrl: '/docs/default/component/payments-api/runbook/',
      rollbackUrl: 'https://wiki.example.com/payments/rollback',
      dashboards: [
        { title: 'Grafana', url: 'https://grafana.example.com/d/p' },
      ],
      githubProjectSlug: 'acme/payments-api',
      gitlabProjectSlug: '',
      pagerdutyServiceId: 'P123ABC',
      opsgenieComponentSelector: 'payments',
      opsgenieTeam: 'payments-team',
      productionEnvironments: ['production', ' production-eu '],
      techdocs: true,
    });
    const text = written();
    expect(text.startsWith('# The payments service\n')).toBe(true);
    expect(text).toContain('description: Card payments # keep me');
    const [component, api] = parseAllDocuments(text).map(d => d.toJS());
    expect(component.metadata.annotations).toEqual({
      'backstage.io/source-location':
        'url:https://github.com/acme/payments-api',
      'delivery-insights.io/runbook':
        'https://wiki.example.com/payments,/docs/default/component/payments-api/runbook/',
      'delivery-insights.io/slo-file': 'slo.yaml',
      'delivery-insights.io/rollback':
        'https://wiki.example.com/payments/rollback',
      'github.com/project-slug': 'acme/payments-api',
      'pagerduty.com/service-id': 'P123ABC',
      'opsgenie.com/component-selector': 'payments',
      'opsgenie.com/team': 'payments-team',
      'delivery-insights.io/production-environments':
        'production,production-eu',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(component.metadata.links).toEqual([
      {
        url: 'https://wiki.example.com/payments',
        title: 'Old runbook',
        type: 'runbook',
      },
      {
        url: '/docs/default/component/payments-api/runbook/',
        title: 'Runbook',
        type: 'runbook',
        icon: 'docs',
      },
      {
        url: 'https://wiki.example.com/payments/rollback',
        title: 'Rollback procedure',
        type: 'rollback',
      },
      {
        url: 'https://grafana.example.com/d/p',
        title: 'Grafana',
        type: 'dashboard',
        icon: 'dashboard',
      },
    ]);
    expect(component.spec).toEqual({
      type: 'service',
      lifecycle: 'production',
      owner: 'team-payments',
    });
    expect(api.metadata).toEqual({ name: 'payments-rest' });
    expect(ctx.output).toHaveBeenCalledWith('path', 'catalog-info.yaml');
  });

  it('does not repeat a runbook it already lists when run twice', async () => {
    await run({ runbookUrl: 'https://wiki.example.com/payments' });
    await run({ runbookUrl: 'https://wiki.example.com/payments' });
    const [component] = parseAllDocuments(written()).map(d => d.toJS());
    expect(component.metadata.annotations['delivery-insights.io/runbook']).toBe(
      'https://wiki.example.com/payments',
    );
    expect(component.metadata.links).toHaveLength(1);
  });

  it('annotates the entity named in a file of several and creates missing maps', async () => {
    await run({
      entityName: 'payments-rest',
      sloFile: 'slo.yaml',
      runbookUrl: 'https://r',
    });
    const [component, api] = parseAllDocuments(written()).map(d => d.toJS());
    expect(
      component.metadata.annotations['delivery-insights.io/slo-file'],
    ).toBeUndefined();
    expect(api.metadata).toEqual({
      name: 'payments-rest',
      annotations: {
        'delivery-insights.io/slo-file': 'slo.yaml',
        'delivery-insights.io/runbook': 'https://r',
      },
      links: [
        { url: 'https://r', title: 'Runbook', type: 'runbook', icon: 'docs' },
      ],
    });
  });

  it('fails clearly on a missing file or entity', async () => {
    await expect(run({ path: 'nope.yaml', sloFile: 'x' })).rejects.toThrow(
      'nope.yaml does not exist in the workspace',
    );
    await expect(run({ entityName: 'ghost', sloFile: 'x' })).rejects.toThrow(
      'no entity named ghost in the catalog file',
    );
  });
});

describe('delivery:catalog:annotate without a catalog file', () => {
  const workspace = createMockDirectory();
  const action = annotateCatalogAction();

  it('starts from the entity the catalog has, without the fields the catalog adds', async () => {
    workspace.clear();
    const ctx = createMockActionContext({
      input: {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'orders',
            namespace: 'default',
            uid: 'abc',
            etag: 'def',
            annotations: { 'github.com/project-slug': 'acme/orders' },
          },
          spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
          relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
        },
        runbookUrl: '/docs/default/component/orders/runbook/',
      } as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const [entity] = parseAllDocuments(
      workspace.content()!['catalog-info.yaml'] as string,
    ).map(d => d.toJS());
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        namespace: 'default',
        annotations: {
          'github.com/project-slug': 'acme/orders',
          'delivery-insights.io/runbook':
            '/docs/default/component/orders/runbook/',
        },
        links: [
          {
            url: '/docs/default/component/orders/runbook/',
            title: 'Runbook',
            type: 'runbook',
            icon: 'docs',
          },
        ],
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    });
  });
});
