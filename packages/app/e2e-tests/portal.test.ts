import { expect, test } from '@playwright/test';

test('a guest opens a service page of the example organisation', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/checkout-service');
  await page.getByRole('button', { name: 'Enter' }).click();

  await expect(
    page.getByRole('heading', { name: 'Checkout Service' }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('Takes payment and turns a basket into an order.').first(),
  ).toBeVisible();
  await expect(page.getByText('Checkout Team').first()).toBeVisible();

  await page.screenshot({
    path: 'node_modules/.cache/e2e-test-results/checkout-service.png',
    fullPage: true,
  });
});

test('the Delivery page reaches the delivery backend', async ({ page }) => {
  await page.goto('/delivery');
  await page.getByRole('button', { name: 'Enter' }).click();

  await expect(page.getByText('Delivery Insights backend')).toBeVisible();
  await expect(page.getByText('better-sqlite3')).toBeVisible();

  await page.screenshot({
    path: 'node_modules/.cache/e2e-test-results/delivery-page.png',
    fullPage: true,
  });
});
