import { expect, Page, test } from '@playwright/test';

/** Opens a page as the guest. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter', exact: true }).click();
}

const runbookCard = (page: Page) =>
  page.locator('.MuiCard-root', {
    has: page.getByRole('heading', { name: 'Runbook and on-call' }),
  });

test('the golden-path template runs from the Create page up to its review step', async ({
  page,
}) => {
  await open(page, '/create');
  const title = page.getByRole('heading', {
    name: 'New service with runbook and SLO',
    exact: true,
  });
  const template = page.locator('.MuiCard-root').filter({ has: title });
  // A freshly started catalog may not have processed the template locations yet: reload (and
  // sign in again) until it has.
  test.setTimeout(300_000);
  const enter = page.getByRole('button', { name: 'Enter', exact: true });
  const noTemplates = page.getByText(/No templates found/);
  await expect(title.or(noTemplates).first()).toBeVisible();
  for (let attempt = 1; !(await title.isVisible()); attempt++) {
    if (attempt > 20) {
      throw new Error('The golden-path template never reached the Create page');
    }
    await page.waitForTimeout(5_000);
    await page.reload();
    await expect(title.or(noTemplates).or(enter).first()).toBeVisible();
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(title.or(noTemplates).first()).toBeVisible();
  }
  await template.getByRole('button', { name: 'Choose' }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/delivery-new-service/,
  );

  await page.getByLabel('Name').first().fill('payments-api');
  await page.getByLabel('Purpose').fill('Accepts card payments.');
  await page.getByLabel('Owner').first().click();
  // the picker lists groups by their title
  await page.getByLabel('Owner').first().fill('Checkout');
  await page
    .getByRole('option', { name: /Checkout Team/ })
    .first()
    .click();

  // Providers and on-call, Operations, SLOs, Publish: their defaults suffice.
  for (let step = 0; step < 4; step++) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Review' }).click();

  await expect(page.getByText('payments-api').first()).toBeVisible();
  await expect(page.getByText('Accepts card payments.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await page.screenshot({
    path: 'node_modules/.cache/e2e-test-results/golden-path-review.png',
    fullPage: true,
  });
});

test('the runbook card lists a service’s runbook and rollback, and shows the gap with its fix', async ({
  page,
}) => {
  await open(page, '/catalog/default/component/checkout-service');
  const withRunbook = runbookCard(page);
  await expect(
    withRunbook.getByRole('link', { name: /^Runbook/ }),
  ).toHaveAttribute(
    'href',
    'https://runbooks.northwind.example/checkout-service',
  );
  await expect(
    withRunbook
      .getByRole('region', { name: 'Rollback procedure' })
      .getByRole('link'),
  ).toHaveAttribute(
    'href',
    'https://runbooks.northwind.example/checkout-service#rollback',
  );
  await expect(
    withRunbook.getByRole('link', { name: /^Grafana dashboard/ }),
  ).toBeVisible();
  await expect(
    withRunbook.getByRole('heading', { name: 'On call now' }),
  ).toBeVisible();
  await expect(
    withRunbook.getByText('This service has no runbook'),
  ).toHaveCount(0);
  await withRunbook.screenshot({
    path: 'node_modules/.cache/e2e-test-results/runbook-card.png',
  });

  await page.goto('/catalog/default/component/storefront-web');
  const gap = runbookCard(page);
  await expect(gap.getByText('This service has no runbook')).toBeVisible();
  await gap.getByRole('button', { name: 'Create a runbook' }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/delivery-add-runbook\?formData=/,
  );
  await expect(page.getByRole('textbox', { name: /^Service/ })).toHaveValue(
    'component:default/storefront-web',
  );
  await page.screenshot({
    path: 'node_modules/.cache/e2e-test-results/runbook-gap-template.png',
    fullPage: true,
  });
});
