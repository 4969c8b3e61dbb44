import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The templates are run by the scaffolder they are written for.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
// The produced SLO file must pass the backend's own parser; only this test imports it.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { parseSloDocuments } from '@delivery-insights/backstage-plugin-delivery-backend';
import { scaffolderModuleDelivery } from './module';

jest.setTimeout(120_000);

const templatesDir = join(__dirname, '../../../examples/templates');

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    namespace: 'default',
    description: 'Takes the basket to a paid order.',
    uid: 'uid-1',
    etag: 'etag-1',
    annotations: {
      'github.com/project-slug': 'northwind-example/checkout-service',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-checkout',
    system: 'storefront',
  },
};

/** Every file under a template's folder, as the dry-run API takes them. */
function directoryContents(dir: string) {
  const files: { path: string; base64Content: string }[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.push({
          path: relative(dir, path),
          base64Content: readFileSync(path).toString('base64'),
        });
    }
  };
  walk(dir);
  return files;
}

async function dryRun(templateFolder: string, values: Record<string, unknown>) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleDelivery,
      catalogServiceMock.factory({ entities: [checkout] }),
    ],
  });
  const dir = join(templatesDir, templateFolder);
  const template = parse(readFileSync(join(dir, 'template.yaml'), 'utf8'));
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template,
      values,
      secrets: {},
      directoryContents: directoryContents(dir).filter(
        f => f.path !== 'template.yaml',
      ),
    });
  const files = Object.fromEntries(
    (
      (response.body.directoryContents ?? []) as {
        path: string;
        base64Content: string;
      }[]
    ).map(f => [f.path, Buffer.from(f.base64Content, 'base64').toString()]),
  );
  return { response, files };
}

describe('golden-path templates through the scaffolder dry-run API', () => {
  it('"New service with runbook and SLO" writes the skeleton, the runbook, the SLOs and the annotations', async () => {
    const { response, files } = await dryRun('new-service-with-runbook', {
      name: 'payments-api',
      description: 'Accepts card payments for the web shop.',
      owner: 'group:default/team-checkout',
      system: 'system:default/storefront',
      lifecycle: 'production',
      language: 'ru',
      githubProjectSlug: 'northwind-example/payments-api',
      pagerdutyServiceId: 'PPAY123',
      productionEnvironments: ['production'],
      onCallPrimary: 'payments-primary',
      escalation: ['payments-secondary', 'Head of Payments'],
      pagingTool: 'PagerDuty',
      deploymentStrategy: 'canary',
      rollbackSteps: ['Set the canary weight to 0 in Argo Rollouts'],
      dashboards: [
        { title: 'Grafana', url: 'https://grafana.example.com/d/payments' },
      ],
      alerts: [
        {
          name: 'PaymentsHighErrorRate',
          diagnosis: 'Acquirer status page, 5xx panel',
          remedy: 'Fail over to the backup acquirer',
        },
      ],
      dependencies: [],
      rpo: '5 минут',
      rto: '1 час',
      availabilityObjective: 99.9,
      latencyObjective: 99,
      latencyThresholdMs: 300,
      sloWindow: '30d',
      publish: false,
    });
    expect(response.status).toBe(200);
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'docs/index.md',
      'docs/runbook.md',
      'mkdocs.yml',
      'slo.yaml',
    ]);

    const entity = parse(files['catalog-info.yaml']);
    expect(entity.metadata.name).toBe('payments-api');
    expect(entity.spec).toEqual({
      type: 'service',
      owner: 'group:default/team-checkout',
      system: 'system:default/storefront',
      lifecycle: 'production',
    });
    expect(entity.metadata.annotations).toEqual({
      'delivery-insights.io/slo-file': 'slo.yaml',
      'delivery-insights.io/runbook':
        '/docs/default/component/payments-api/runbook/',
      'github.com/project-slug': 'northwind-example/payments-api',
      'pagerduty.com/service-id': 'PPAY123',
      'delivery-insights.io/production-environments': 'production',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(entity.metadata.links).toContainEqual({
      url: '/docs/default/component/payments-api/runbook/',
      title: 'Runbook',
      type: 'runbook',
      icon: 'docs',
    });
    expect(entity.metadata.links).toContainEqual({
      url: 'https://grafana.example.com/d/payments',
      title: 'Grafana',
      type: 'dashboard',
      icon: 'dashboard',
    });

    const runbook = files['docs/runbook.md'];
    expect(runbook).toContain('# Ранбук: payments-api');
    expect(runbook).toContain('Accepts card payments for the web shop.');
    expect(runbook).toContain('- Первая линия (дежурный): payments-primary');
    expect(runbook).toContain(
      '| availability | 99,9 % | 30 дней | 0,1 % событий (≈ 43,2 мин полной недоступности за 30 дней) |',
    );
    expect(runbook).toContain('Стратегия: **канареечный выпуск (canary)**.');
    expect(runbook).toContain('1. Set the canary weight to 0 in Argo Rollouts');
    expect(runbook).toContain(
      '| PaymentsHighErrorRate | Acquirer status page, 5xx panel | Fail over to the backup acquirer |',
    );
    expect(runbook).toContain('- RPO (допустимая потеря данных): 5 минут');
    // Left empty in the form: a gap, not invented content.
    expect(runbook).toContain('## 9. Зависимости\n\n**⚠ не указано**');

    expect(parse(files['mkdocs.yml']).nav).toEqual([
      { Overview: 'index.md' },
      { Runbook: 'runbook.md' },
    ]);
    const slos = parseSloDocuments(files['slo.yaml'], 'slo.yaml');
    expect(slos.errors).toEqual([]);
    expect(
      slos.definitions.map(d => [d.name, d.objective, d.windowDays, d.sli]),
    ).toEqual([
      ['availability', 0.999, 30, { type: 'ratio' }],
      ['latency', 0.99, 30, { type: 'threshold', thresholdMs: 300 }],
    ]);
    expect(response.body.output.text[0].content).toBe(runbook);
  });

  it('"New service" with only the required answers still yields a runbook with marked gaps', async () => {
    const { response, files } = await dryRun('new-service-with-runbook', {
      name: 'bare-service',
      owner: 'group:default/team-checkout',
      language: 'en',
      availabilityObjective: 99.5,
      latencyObjective: 95,
      latencyThresholdMs: 500,
      sloWindow: '28d',
    });
    expect(response.status).toBe(200);
    const runbook = files['docs/runbook.md'];
    expect(runbook).toContain('# Runbook: bare-service');
    expect(runbook).toContain('## 1. Purpose\n\n**⚠ not specified**');
    expect(runbook).toContain(
      '- First responder (on call): **⚠ not specified**',
    );
    expect(runbook).toContain('| availability | 99.5% | 28 days |');
    const entity = parse(files['catalog-info.yaml']);
    expect(entity.spec).toEqual({
      type: 'service',
      owner: 'group:default/team-checkout',
      lifecycle: 'experimental',
    });
    expect(Object.keys(entity.metadata.annotations).sort()).toEqual([
      'backstage.io/techdocs-ref',
      'delivery-insights.io/runbook',
      'delivery-insights.io/slo-file',
    ]);
  });

  it('"Add a runbook" writes docs/runbook.md from the catalog entity and the annotation change', async () => {
    const { response, files } = await dryRun('add-runbook', {
      entity: 'component:default/checkout-service',
      language: 'ru',
      onCallPrimary: 'checkout-primary',
      escalation: ['checkout-secondary'],
      pagingTool: 'Opsgenie',
      deploymentStrategy: 'blue-green',
      rollbackSteps: [],
      dashboards: [],
      alerts: [],
      dependencies: [
        {
          name: 'payment-gateway-adapter',
          kind: 'service',
          impact: 'Orders cannot be paid',
        },
      ],
      openPullRequest: false,
    });
    expect(response.status).toBe(200);
    expect(Object.keys(files).sort()).toEqual([
      'catalog-info.yaml',
      'docs/runbook.md',
    ]);
    const runbook = files['docs/runbook.md'];
    expect(runbook).toContain('# Ранбук: checkout-service');
    expect(runbook).toContain('Takes the basket to a paid order.');
    expect(runbook).toContain(
      '| Команда-владелец | group:default/team-checkout |',
    );
    expect(runbook).toContain('| Система | storefront |');
    expect(runbook).toContain('- Система оповещений: Opsgenie');
    expect(runbook).toContain('Переключите балансировщик обратно на blue');
    expect(runbook).toContain(
      '| payment-gateway-adapter | service | Orders cannot be paid |',
    );
    expect(runbook).toContain('### Шаги отката сервиса\n\n**⚠ не указано**');

    const [entity] = parseAllDocuments(files['catalog-info.yaml']).map(d =>
      d.toJS(),
    );
    expect(entity.metadata.uid).toBeUndefined();
    expect(entity.metadata.annotations).toEqual({
      'github.com/project-slug': 'northwind-example/checkout-service',
      'delivery-insights.io/runbook':
        '/docs/default/component/checkout-service/runbook/',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(entity.metadata.links).toEqual([
      {
        url: '/docs/default/component/checkout-service/runbook/',
        title: 'Runbook',
        type: 'runbook',
        icon: 'docs',
      },
    ]);
  });
});
