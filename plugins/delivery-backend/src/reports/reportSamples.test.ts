import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { octoberEvents } from '../__testUtils__/exampleEvents';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const repoRoot = resolve(__dirname, '../../../..');
const docPath = resolve(repoRoot, 'docs/reports.md');
const START = '<!-- report-samples:start -->';
const END = '<!-- report-samples:end -->';

/** One sample per report, Russian first as the default, plus English for two of them. */
const samples: { title: string; path: string }[] = [
  {
    title: 'delivery-metrics-2026-10.md (team, Russian)',
    path: 'delivery-metrics?entityRef=group:default/team-checkout&period=2026-10',
  },
  {
    title: 'delivery-metrics-2026-10.md (service, English)',
    path: 'delivery-metrics?entityRef=component:default/checkout-service&period=2026-10&lang=en',
  },
  {
    title: 'quality-report-2026-10.md',
    path: 'quality-report?entityRef=component:default/checkout-service&period=2026-10',
  },
  {
    title: 'postmortem-inc-1.md',
    path: 'postmortem?incidentId=inc-1&source=github',
  },
  {
    title: 'postmortem-inc-1.md (English)',
    path: 'postmortem?incidentId=inc-1&source=github&lang=en',
  },
  {
    title: 'runbook-checkout-service.md',
    path: 'runbook?entityRef=component:default/checkout-service',
  },
  {
    title: 'pipeline-checkout-service.md',
    path: 'pipeline?entityRef=component:default/checkout-service&period=2026-10',
  },
  {
    title: 'capacity-2027-Q1.md',
    path: 'capacity?entityRef=group:default/team-checkout&period=2027-Q1&teamSize=4&holidays=6&focusFactor=0.9',
  },
  {
    title: 'retrospective-S1.md',
    path: 'retrospective?entityRef=component:default/checkout-service&sprint=S1',
  },
  { title: 'process-release.md', path: 'process?name=release' },
];

/**
 * Renders the samples of docs/reports.md through the HTTP API from the example events and the
 * example `release` process of app-config.yaml. They carry the date they were generated on, so the
 * section is rewritten only on request (UPDATE_REPORT_SAMPLES=1); otherwise the test checks that
 * every sample renders and that the document has one block per sample.
 */
describe('docs/reports.md samples', () => {
  it('renders every sample from the example events', async () => {
    const appConfig = parse(
      readFileSync(resolve(repoRoot, 'app-config.yaml'), 'utf8'),
    );
    const { server } = await startDeliveryBackend('SQLITE_3', {
      config: {
        delivery: { processes: appConfig.delivery.processes },
      },
    });
    await request(server)
      .post('/api/delivery/events')
      .send({ events: octoberEvents })
      .expect(200);

    const blocks: string[] = [];
    for (const sample of samples) {
      const response = await request(server).get(
        `/api/delivery/reports/${sample.path}`,
      );
      expect({ path: sample.path, status: response.status }).toEqual({
        path: sample.path,
        status: 200,
      });
      expect(response.text).toMatch(/^# /);
      blocks.push(
        [
          `### ${sample.title}`,
          '',
          `\`GET /api/delivery/reports/${sample.path}\``,
          '',
          '`````markdown',
          response.text.trimEnd(),
          '`````',
        ].join('\n'),
      );
    }

    const doc = readFileSync(docPath, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    if (process.env.UPDATE_REPORT_SAMPLES) {
      writeFileSync(
        docPath,
        `${doc.slice(0, start + START.length)}\n\n${blocks.join(
          '\n\n',
        )}\n\n${doc.slice(end)}`,
      );
    }
    const written = readFileSync(docPath, 'utf8');
    const section = written.slice(written.indexOf(START), written.indexOf(END));
    for (const sample of samples) {
      expect(section).toContain(`### ${sample.title}\n`);
    }
  });
});
