import { expect, Page, Response, test } from '@playwright/test';
import type {
  MetricValue,
  Scorecard,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  formatNumber,
  toHumanValue,
} from '@delivery-insights/backstage-plugin-delivery';

const SCREENSHOTS = 'node_modules/.cache/e2e-test-results';

const englishUnits: Record<string, string> = {
  'units.perDay': '{{value}} / day',
  'units.perWorkingDay': '{{value}} / working day',
  'units.per30WorkingDays': '{{value}} / 30 working days',
  'units.perWeek': '{{value}} / week',
  'units.per30Days': '{{value}} / 30 days',
  'units.minutes': '{{value}} min',
  'units.hours': '{{value}} h',
  'units.days': '{{value}} d',
  'units.percent': '{{value}} %',
  'units.count': '{{value}}',
};

/** What the UI shows for a metric, by the plugin's own formatting rules (English). */
const shown = (metric: MetricValue) => {
  const human = toHumanValue(metric.value!, metric.unit);
  return englishUnits[human.key].replace(
    '{{value}}',
    formatNumber(human.value, 'en'),
  );
};

const isScorecardOf = (path: string) => (response: Response) =>
  response.url().includes(`/api/delivery/${path}/scorecard`) &&
  response.status() === 200;

/** Opens a page as the guest and returns the scorecard the page loaded for `path`. */
async function openWithScorecard(page: Page, url: string, path: string) {
  const scorecard = page.waitForResponse(isScorecardOf(path));
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
  return (await (await scorecard).json()) as Scorecard;
}

test('a service page shows its DORA scorecard from the demo data', async ({
  page,
}) => {
  const scorecard = await openWithScorecard(
    page,
    '/catalog/default/component/checkout-service?window=90d',
    'entities/component/default/checkout-service',
  );

  await expect(
    page.getByRole('heading', { name: 'Checkout Service' }).first(),
  ).toBeVisible();
  await expect(page.getByText('Checkout Team').first()).toBeVisible();

  const card = page.locator('article, .MuiCard-root', {
    has: page.getByRole('heading', { name: 'DORA scorecard' }),
  });
  const { deploymentFrequency, leadTime, changeFailureRate } = scorecard.dora;
  expect(deploymentFrequency.sampleSize).toBeGreaterThan(0);
  await expect(
    card.getByText(shown(deploymentFrequency)).first(),
  ).toBeVisible();
  await expect(card.getByText(shown(leadTime)).first()).toBeVisible();
  await expect(card.getByText(shown(changeFailureRate)).first()).toBeVisible();
  await expect(
    card.getByText(`${deploymentFrequency.sampleSize} samples`).first(),
  ).toBeVisible();

  await page.screenshot({
    path: `${SCREENSHOTS}/component-page.png`,
    fullPage: true,
  });
});

test('the Delivery tab charts six months and lists the records behind the numbers', async ({
  page,
}) => {
  const records = page.waitForResponse(
    response =>
      response.url().includes('/checkout-service/records') &&
      response.status() === 200,
  );
  await openWithScorecard(
    page,
    '/catalog/default/component/checkout-service/delivery?window=30d',
    'entities/component/default/checkout-service',
  );
  const { deployments } = await (await records).json();
  expect(deployments.length).toBeGreaterThan(0);

  await expect(
    page.getByText('26 weeks', { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByText(deployments[0].id).first()).toBeVisible();

  await page.screenshot({
    path: `${SCREENSHOTS}/delivery-tab.png`,
    fullPage: true,
  });
});

test('the Russian interface formats numbers the Russian way', async ({
  page,
}) => {
  await page.addInitScript(() => window.localStorage.setItem('language', 'ru'));
  const scorecard = await openWithScorecard(
    page,
    '/catalog/default/component/checkout-service?window=90d',
    'entities/component/default/checkout-service',
  );
  await expect(page.getByText('Показатели DORA').first()).toBeVisible();
  await expect(page.getByText('Частота развёртываний').first()).toBeVisible();
  const rate = toHumanValue(
    scorecard.dora.changeFailureRate.value!,
    scorecard.dora.changeFailureRate.unit,
  );
  await expect(
    page.getByText(`${formatNumber(rate.value, 'ru')} %`).first(),
  ).toBeVisible();
});

test('a team page rolls up the services it owns', async ({ page }) => {
  const scorecard = await openWithScorecard(
    page,
    '/catalog/default/group/team-checkout/delivery?window=90d',
    'entities/group/default/team-checkout',
  );
  expect(scorecard.entityRefs).toContain('component:default/checkout-service');

  await expect(page.getByText('Team scorecard').first()).toBeVisible();
  const { leadTime, deploymentFrequency } = scorecard.dora;
  await expect(page.getByText(shown(leadTime)).first()).toBeVisible();
  await expect(
    page.getByText(shown(deploymentFrequency)).first(),
  ).toBeVisible();
  const services = page.getByRole('table').filter({ hasText: 'Service' });
  await expect(
    services.getByRole('link', { name: 'Checkout Service' }),
  ).toBeVisible();

  await page.screenshot({
    path: `${SCREENSHOTS}/team-page.png`,
    fullPage: true,
  });
});

test('the organisation overview ranks the teams and shows the backend status', async ({
  page,
}) => {
  const scorecard = page.waitForResponse(isScorecardOf('organization'));
  await page.goto('/delivery?window=90d');
  await page.getByRole('button', { name: 'Enter' }).click();
  const organization = (await (await scorecard).json()) as Scorecard;

  await expect(
    page.getByText(shown(organization.dora.deploymentFrequency)).first(),
  ).toBeVisible();
  const teams = page.getByRole('table').filter({ hasText: 'Rank' });
  await expect(
    teams.getByRole('link', { name: 'Checkout Team' }),
  ).toBeVisible();
  await expect(page.getByText('Providers: demo')).toBeVisible();
  await expect(
    page.getByText('better-sqlite3', { exact: false }),
  ).toBeVisible();

  await page.screenshot({
    path: `${SCREENSHOTS}/delivery-page.png`,
    fullPage: true,
  });
});

test('a service page shows its SLO, error budget and alert state', async ({
  page,
}) => {
  const slos = page.waitForResponse(
    response =>
      response.url().includes('/checkout-service/slos') &&
      response.status() === 200,
  );
  await page.goto('/catalog/default/component/checkout-service');
  await page.getByRole('button', { name: 'Enter' }).click();
  const {
    slos: [availability],
    errors,
  } = await (await slos).json();
  expect(errors).toEqual([]);
  expect(availability.definition.displayName).toBe('Checkout availability');
  expect(availability.total).toBeGreaterThan(0);

  const card = page.locator('.MuiCard-root', {
    has: page.getByRole('heading', { name: 'SLOs and error budgets' }),
  });
  await expect(card.getByText('Checkout availability')).toBeVisible();
  await expect(card.getByText('99.9 %').first()).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SCREENSHOTS}/slo-card.png` });
});
