import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { annotateCatalogAction } from './annotateCatalog';
import { examples } from './annotateCatalog.examples';

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec:
  type: service
  lifecycle: production
  owner: team-payments
`;

describe('delivery:catalog:annotate examples', () => {
  const workspace = createMockDirectory();
  const action = annotateCatalogAction();

  beforeEach(() => workspace.setContent({ 'catalog-info.yaml': catalogInfo }));

  it(`runs "${examples[0].description}"`, async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const entity = yaml.parse(
      workspace.content()!['catalog-info.yaml'] as string,
    );
    expect(entity.metadata.annotations).toEqual({
      'delivery-insights.io/slo-file': 'slo.yaml',
      'delivery-insights.io/runbook':
        '/docs/default/component/payments-api/runbook/',
      'github.com/project-slug': 'acme/payments-api',
      'pagerduty.com/service-id': 'P123ABC',
      'delivery-insights.io/production-environments':
        'production,production-eu',
      'backstage.io/techdocs-ref': 'dir:.',
    });
  });

  it('has a test for every example', () => {
    expect(examples).toHaveLength(1);
  });
});
