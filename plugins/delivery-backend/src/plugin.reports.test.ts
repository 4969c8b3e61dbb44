import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import { octoberEvents } from './__testUtils__/exampleEvents';
import { reportLocale } from './reports/i18n';

jest.setTimeout(60_000);

const releaseProcess = {
  title: 'Release to production',
  description: 'How a change reaches production.',
  owner: 'group:default/team-checkout',
  stages: [
    {
      name: 'Build',
      description: 'Compile, unit tests, coverage',
      qualityGates: [
        { name: 'Unit tests pass' },
        { name: 'Coverage', metric: 'lineCoverage', required: true },
      ],
    },
    {
      name: 'Canary',
      qualityGates: [
        {
          name: 'Lead time',
          metric: 'leadTime',
          threshold: 48,
          required: false,
        },
      ],
    },
  ],
  deploymentStrategy: {
    type: 'canary',
    steps: ['5% of traffic for 15 minutes', '100%'],
  },
  rollback: {
    triggers: ['Page alert of an SLO'],
    steps: ['Redeploy the previous version'],
    maxMinutes: 15,
  },
};

describe.each(testDatabases.eachSupportedId())(
  'reports API on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startDeliveryBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startDeliveryBackend(databaseId, {
        config: { delivery: { processes: { release: releaseProcess } } },
      }));
      await request(server)
        .post('/api/delivery/events')
        .send({ events: octoberEvents })
        .expect(200);
    });

    const report = async (path: string, status = 200) => {
      const response = await request(server).get(
        `/api/delivery/reports/${path}`,
      );
      expect({ status: response.status, body: response.text }).toMatchObject({
        status,
      });
      // Intl puts no-break spaces in "50 %" and "1 234"; the assertions spell them as spaces.
      return Object.assign(response, {
        text: response.text.replace(/[\u00a0\u202f]/g, ' '),
      });
    };

    it('serves the October delivery metrics of a service in Russian, as a Markdown file', async () => {
      const response = await report(
        'delivery-metrics?entityRef=component:default/checkout-service&period=2026-10',
      );
      expect(response.headers['content-type']).toBe(
        'text/markdown; charset=utf-8',
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="delivery-metrics-2026-10.md"; filename*=UTF-8''delivery-metrics-2026-10.md`,
      );
      const text = response.text;
      expect(text).toContain(
        '# Метрики поставки: checkout-service, октябрь 2026 г.',
      );
      expect(text).toContain(
        '**Период:** 1 октября 2026 г. — 31 октября 2026 г.',
      );
      // Plural forms agree with the numbers: 4 деплоя, 3 выпущенных изменения, 3 новых инцидента.
      expect(text).toContain(
        'За период: 4 деплоя в продакшен, 3 выпущенных изменения, 3 новых инцидента.',
      );
      expect(text).toContain(
        '| Частота развёртываний | 0,18 в рабочий день | 4 | средний | ≥ 1 в рабочий день | ❌ не достигнута | 0 в рабочий день | ▲ лучше |',
      );
      expect(text).toContain(
        '| Время от коммита до продакшена (медиана) | 2 дня | 3 | высокий | < 24 часа | ❌ не достигнута |',
      );
      expect(text).toContain(
        '| Доля неудачных изменений | 50 % | 4 | низкий | < 5 % | ❌ не достигнута |',
      );
      expect(text).toContain('## На что обратить внимание');
      expect(text).toContain(
        'К концу периода не закрыто: 1 инцидент. Открытые инциденты в среднем времени восстановления (MTTR) не учитываются.',
      );
    });

    it('shows exactly the numbers of the scorecard for the same window', async () => {
      const scorecard = (
        await request(server)
          .get(
            '/api/delivery/entities/group/default/team-checkout/scorecard?from=2026-10-01&to=2026-11-01',
          )
          .expect(200)
      ).body;
      const { m, fmt } = reportLocale('en');
      const { text } = await report(
        'delivery-metrics?entityRef=group:default/team-checkout&period=2026-10&lang=en',
      );
      for (const [section, key] of [
        ['dora', 'deploymentFrequency'],
        ['dora', 'leadTime'],
        ['dora', 'changeFailureRate'],
        ['dora', 'timeToRestore'],
        ['flow', 'cycleTime'],
        ['flow', 'throughput'],
        ['flow', 'wip'],
      ] as const) {
        const metric = scorecard[section][key];
        const name = m.metricNames[key];
        expect(text).toContain(
          `| ${name} | ${fmt.metric(metric.value, metric.unit)} | ${
            metric.sampleSize
          } |`,
        );
      }
      expect(text).toContain(
        '| Deployment frequency | 0.18 per working day | 4 | medium | ≥ 1 per working day | ❌ met'.replace(
          '❌ met',
          '❌ missed',
        ),
      );
      expect(text).toContain('# Delivery metrics: team-checkout, October 2026');
      expect(text).toContain('Counted: 2 services.');
      // The team's worst offender is the service that misses the most targets.
      expect(text).toContain('## Services that need attention');
      expect(text).toMatch(
        /\| checkout-service \| \d+ \| 0\.18 per working day \(medium\)/,
      );
    });

    it('writes the quality report in both languages', async () => {
      const ru = await report(
        'quality-report?entityRef=component:default/checkout-service&period=2026-10',
      );
      expect(ru.text).toContain(
        '# Отчёт о качестве: checkout-service, октябрь 2026 г.',
      );
      expect(ru.text).toContain(
        '| Покрытие строк тестами | 84,5 % | 1 | > 80 % | ✅ достигнута |',
      );
      expect(ru.text).toContain(
        'За период: 2 заведённых дефекта, из них обнаружено в продакшене: 1.',
      );
      expect(ru.text).toMatch(
        /\| 10 октября 2026 г\., 01:00 UTC \| inc-1 \| SEV2 \| — \| 2 часа \|/,
      );
      const en = await report(
        'quality-report?entityRef=component:default/checkout-service&period=2026-10&lang=en',
      );
      expect(en.text).toContain(
        '| Line coverage | 84.5% | 1 | > 80% | ✅ met |',
      );
      expect(en.text).toContain(
        '2 bugs created in the period, 1 of them found in production.',
      );
    });

    it('drafts a postmortem with the timeline, the target and the causing deployment', async () => {
      const ru = await report('postmortem?incidentId=inc-1&source=github');
      expect(ru.headers['content-disposition']).toContain(
        'filename="postmortem-inc-1.md"',
      );
      expect(ru.text).toContain('# Постмортем: inc-1');
      expect(ru.text).toContain('| Открыт | 10 октября 2026 г., 01:00 UTC |');
      expect(ru.text).toContain('| Устранён | 10 октября 2026 г., 03:00 UTC |');
      expect(ru.text).toContain(
        'Время восстановления 2 часа при цели < 1 час: ❌ не достигнута.',
      );
      expect(ru.text).toContain('| d5 | production | success |');
      expect(ru.text).toContain('## Разбор (заполняет команда)');
      expect(ru.text.match(/_Заполняет команда\._/g)).toHaveLength(8);

      const en = await report('postmortem?incidentId=inc-1&lang=en');
      expect(en.text).toContain(
        'Time to restore 2 hours against the target < 1 hour: ❌ missed.',
      );
      expect(en.text.match(/_To be filled by the team\._/g)).toHaveLength(8);
      await report('postmortem?incidentId=inc-404', 404);
    });

    it('describes the pipeline by weekday, environment and failure point', async () => {
      const { text } = await report(
        'pipeline?entityRef=component:default/checkout-service&period=2026-10&lang=en',
      );
      expect(text).toContain('# Delivery pipeline: checkout-service');
      // d1 failed on Friday 2 October; d2 on Saturday 3 October; d3 (rolled back) and d4 on Monday 5.
      expect(text).toContain('| Friday | 0 | 1 | 0 |');
      expect(text).toContain('| Monday | 2 | 0 | 1 |');
      expect(text).toContain(
        '| production | 5 | 3 | 1 | 1 | 30 minutes | 30 minutes |',
      );
      expect(text).toContain('| staging | 1 | 1 | 0 | 0 |');
      expect(text).toContain(
        'failed in the pipeline, never reached production',
      );
      expect(text).toContain('caused inc-1');
      const ru = await report(
        'pipeline?entityRef=component:default/checkout-service&period=2026-10',
      );
      expect(ru.text).toContain('| Понедельник | 2 | 0 | 1 |');
      expect(ru.text).toContain(
        'За период: 4 деплоя в продакшен, 0,18 в рабочий день',
      );
    });

    it('links causes and changes over more deployments than one IN list holds', async () => {
      const start = Date.parse('2026-11-02T00:00:00Z');
      const deployments = Array.from({ length: 450 }, (_, i) => ({
        type: 'deployment',
        source: 'gitlab',
        id: `bulk-${i}`,
        entityRef: 'component:default/inventory-service',
        status: 'success',
        startedAt: new Date(start + i * 3_600_000).toISOString(),
        finishedAt: new Date(start + i * 3_600_000 + 600_000).toISOString(),
      }));
      await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            ...deployments,
            {
              type: 'incident',
              source: 'gitlab',
              id: 'bulk-incident',
              entityRef: 'component:default/inventory-service',
              openedAt: '2026-11-21T00:00:00Z',
              resolvedAt: '2026-11-21T01:00:00Z',
              causedByDeploymentId: 'bulk-449',
            },
          ],
        })
        .expect(200);
      const { text } = await report(
        'pipeline?entityRef=component:default/inventory-service&period=2026-11&lang=en',
      );
      expect(text).toContain('450 production deployments in the period');
      expect(text).toContain('| production | 450 | 450 | 0 | 0 | 10 minutes |');
      expect(text).toMatch(/\| bulk-449 \| caused bulk-incident \|/);
    });

    it('forecasts capacity from the past quarters', async () => {
      const missing = await report(
        'capacity?entityRef=group:default/team-checkout&period=2027-Q1',
        400,
      );
      expect(missing.body.error.message).toContain('teamSize');
      const { text, headers } = await report(
        'capacity?entityRef=group:default/team-checkout&period=2027-Q1&teamSize=4&holidays=6&focusFactor=0.8&lang=en',
      );
      expect(headers['content-disposition']).toContain(
        'filename="capacity-2027-Q1.md"',
      );
      expect(text).toContain('# Capacity plan: team-checkout, Q1 2027');
      expect(text).toContain(
        '| team-checkout | Q4 2026 | 2 | 0.2 | 8 | 0.12 |',
      );
      expect(text).toContain('| Available working days | 58 |');
      const ru = await report(
        'capacity?entityRef=group:default/team-checkout&period=2027-Q1&teamSize=4',
      );
      expect(ru.text).toContain('| Размер команды в квартале | 4 человека |');
      expect(ru.text).toContain('| team-checkout | 4-й квартал 2026 г. | 2 |');
    });

    it('prepares a sprint retrospective', async () => {
      const { text } = await report(
        'retrospective?entityRef=group:default/team-checkout&sprint=S1',
      );
      expect(text).toContain('# Ретроспектива спринта S1');
      expect(text).toContain(
        'Завершено: 1 задача (5 баллов). Перенесено: 0 задач.',
      );
      expect(text).toContain('| SHOP-1 | story | 5 | 2 дня |');
      await report(
        'retrospective?entityRef=group:default/team-checkout&sprint=S9',
        404,
      );
    });

    it('documents a configured delivery process', async () => {
      const { text } = await report('process?name=release');
      expect(text).toContain('# Процесс поставки: Release to production');
      expect(text).toContain('**Канареечный релиз**');
      expect(text).toContain(
        '| Build | Coverage | Покрытие строк тестами > 80 % (цель организации > 80 %) | да |',
      );
      expect(text).toContain(
        '| Canary | Lead time | Время от коммита до продакшена (медиана) < 2 дня | нет, рекомендательная |',
      );
      expect(text).toContain('Максимальное время отката: 15 минут.');
      const missing = await report('process?name=hotfix', 404);
      expect(missing.body.error.message).toContain('configured: release');
    });

    it('renders the runbook of a service with the golden path’s renderer', async () => {
      const ru = await report(
        'runbook?entityRef=component:default/checkout-service',
      );
      expect(ru.headers['content-disposition']).toContain(
        'filename="runbook-checkout-service.md"',
      );
      expect(ru.text).toContain('# Ранбук: checkout-service');
      expect(ru.text).toContain('⚠ не указано');
      const en = await report(
        'runbook?entityRef=component:default/checkout-service&lang=en',
      );
      expect(en.text).toContain('⚠ not specified');
    });

    it('answers 403 without delivery.scorecard.read', async () => {
      const denied = await startDeliveryBackend(databaseId, {
        permissions: { 'delivery.scorecard.read': AuthorizeResult.DENY },
      });
      const response = await request(denied.server).get(
        '/api/delivery/reports/process?name=release',
      );
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('delivery.scorecard.read');
    });

    it('answers 400 naming the bad parameter and 404 for unknown entities', async () => {
      const badPeriod = await report(
        'delivery-metrics?entityRef=component:default/checkout-service&period=2026-13',
        400,
      );
      expect(badPeriod.body.error.message).toContain('period');
      const missing = await report('delivery-metrics?period=2026-10', 400);
      expect(missing.body.error.message).toContain('entityRef');
      const badLang = await report(
        'delivery-metrics?entityRef=component:default/checkout-service&period=2026-10&lang=de',
        400,
      );
      expect(badLang.body.error.message).toContain('lang');
      const quarterOnly = await report(
        'capacity?entityRef=group:default/team-checkout&period=2026-10&teamSize=3',
        400,
      );
      expect(quarterOnly.body.error.message).toContain(
        'quarter such as 2026-Q4',
      );
      await report(
        'delivery-metrics?entityRef=component:default/nope&period=2026-10',
        404,
      );
    });
  },
);
