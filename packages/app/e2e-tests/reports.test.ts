import { Download, expect, Locator, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const DAY_MS = 86_400_000;

/** The demo generator's two-week iteration name for an instant, e.g. `2026-S23`. */
const sprintOf = (ms: number) => {
  const day = Math.floor(ms / DAY_MS);
  const year = new Date(ms).getUTCFullYear();
  const sprint =
    Math.floor((day - Math.floor(Date.UTC(year, 0, 1) / DAY_MS)) / 14) + 1;
  return `${year}-S${String(sprint).padStart(2, '0')}`;
};

async function openDeliveryTab(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter', exact: true }).click();
  await expect(
    page.getByRole('button', { name: 'Download report' }),
  ).toBeVisible();
}

/** Fills the dialog, downloads, and answers the file's name and text. */
async function download(
  page: Page,
  report: string,
  language: 'Russian' | 'English',
  fields: Record<string, string> = {},
  prepare?: (dialog: Locator) => Promise<void>,
) {
  await page.getByRole('button', { name: 'Download report' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Report').selectOption({ label: report });
  await dialog.getByLabel('Language').selectOption({ label: language });
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  await prepare?.(dialog);
  const [file]: [Download, unknown] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  await expect(dialog).toBeHidden();
  return {
    name: file.suggestedFilename(),
    text: await readFile((await file.path())!, 'utf8'),
  };
}

test('every report of a service downloads from its Delivery tab, in Russian and in English', async ({
  page,
}) => {
  await openDeliveryTab(
    page,
    '/catalog/default/component/checkout-service/delivery?window=90d',
  );

  const metrics = await download(page, 'Delivery metrics', 'Russian', {
    Period: '2026-10',
  });
  expect(metrics.name).toBe('delivery-metrics-2026-10.md');
  expect(metrics.text).toContain(
    '# Метрики поставки: Checkout Service, октябрь 2026 г.',
  );
  expect(metrics.text).toContain('## Метрики DORA');

  const quality = await download(page, 'Quality report', 'English', {
    Period: '2026-Q3',
  });
  expect(quality.name).toBe('quality-report-2026-Q3.md');
  expect(quality.text).toContain('# Quality report: Checkout Service');

  const runbook = await download(page, 'Runbook', 'Russian');
  expect(runbook.name).toBe('runbook-checkout-service.md');
  expect(runbook.text).toMatch(/^# Ранбук: checkout-service$/m);
  expect(runbook.text).toContain('## 2. Владельцы');

  const pipeline = await download(page, 'Delivery pipeline', 'English');
  expect(pipeline.name).toBe('pipeline-checkout-service.md');
  expect(pipeline.text).toMatch(/^# .*Checkout Service/m);

  // the incident is picked from the incidents of the window in view
  const postmortem = await download(
    page,
    'Postmortem of an incident',
    'Russian',
    {},
    async dialog => {
      const picker = dialog.getByLabel('Incidents of the selected window');
      const firstIncident = picker.locator('option:not([value=""])').first();
      await picker.selectOption(
        (await firstIncident.getAttribute('value')) ?? '',
      );
    },
  );
  expect(postmortem.name).toMatch(/^postmortem-.+\.md$/);
  expect(postmortem.text).toContain('## Хронология');

  const sprint = sprintOf(Date.now() - 28 * DAY_MS);
  const retrospective = await download(
    page,
    'Sprint retrospective',
    'English',
    {
      Sprint: sprint,
    },
  );
  expect(retrospective.name).toBe(`retrospective-${sprint}.md`);
  expect(retrospective.text).toContain(sprint);

  const process = await download(page, 'Delivery process', 'Russian', {
    'Process name': 'release',
  });
  expect(process.name).toBe('process-release.md');
  expect(process.text).toMatch(/^# /m);
});

test('a team downloads its capacity plan from its Delivery tab', async ({
  page,
}) => {
  await openDeliveryTab(page, '/catalog/default/group/team-checkout/delivery');
  const capacity = await download(page, 'Capacity plan', 'Russian', {
    Period: '2027-Q1',
  });
  expect(capacity.name).toBe('capacity-2027-Q1.md');
  expect(capacity.text).toMatch(/^# .*Checkout Team/m);
});
