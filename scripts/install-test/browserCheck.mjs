// The browser half of the install test: Debian's Chromium, driven by playwright-core, opens an
// entity of the test app's own catalog as the guest and reads the DORA scorecard card and the
// Delivery tab.
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const englishUnits = {
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

/**
 * Checks the entity page at `entityPath` (e.g. /catalog/default/component/example-website).
 * `format` is the installed package's own `{ toHumanValue, formatNumber }`, so the texts expected
 * are those the card renders; `check(scorecard)` says what is wrong with the scorecard the page
 * loaded, or null. Screenshots go to `screenshotDir`.
 */
export async function checkEntityPages({
  appUrl,
  entityPath,
  apiPath,
  format,
  check,
  deploymentIds,
  screenshotDir,
  log,
}) {
  const shown = metric => {
    const human = format.toHumanValue(metric.value, metric.unit);
    return englishUnits[human.key].replace(
      '{{value}}',
      format.formatNumber(human.value, 'en'),
    );
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright gives every launch a fresh temporary profile.
    args: LAUNCH_ARGS,
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(60_000);
  try {
    const scorecardResponse = page.waitForResponse(
      r => r.url().includes(`${apiPath}/scorecard`) && r.status() === 200,
      { timeout: 120_000 },
    );
    await page.goto(`${appUrl}${entityPath}?window=30d`);
    // The stock app's sign-in page: the guest provider of its app-config.yaml.
    await page.getByRole('button', { name: 'Enter' }).click();
    const scorecard = await (await scorecardResponse).json();
    const wrong = check(scorecard);
    if (wrong) throw new Error(`the page's scorecard: ${wrong}`);

    const card = page.locator('article, .MuiCard-root', {
      has: page.getByRole('heading', { name: 'DORA scorecard' }),
    });
    await card.first().waitFor();
    const { deploymentFrequency, leadTime, changeFailureRate, timeToRestore } =
      scorecard.dora;
    for (const [name, text] of [
      ['deployment frequency', shown(deploymentFrequency)],
      ['lead time', shown(leadTime)],
      ['change failure rate', shown(changeFailureRate)],
      ['time to restore', shown(timeToRestore)],
      ['deployment samples', `${deploymentFrequency.sampleSize} samples`],
    ]) {
      await card.getByText(text, { exact: true }).first().waitFor();
      log(`card shows ${name}: ${text}`);
    }
    await page.screenshot({
      path: join(screenshotDir, 'entity-overview.png'),
      fullPage: true,
    });

    // The entity's Delivery tab (the sidebar's Delivery item is the organisation overview).
    await page.locator(`a[href$="${entityPath}/delivery"]`).first().click();
    await page.waitForURL(url => url.pathname.endsWith('/delivery'));
    for (const id of deploymentIds) {
      await page.getByText(id, { exact: true }).first().waitFor();
    }
    log(`Delivery tab lists deployments ${deploymentIds.join(', ')}`);
    await page.screenshot({
      path: join(screenshotDir, 'entity-delivery-tab.png'),
      fullPage: true,
    });
  } catch (error) {
    await page
      .screenshot({ path: join(screenshotDir, 'failure.png'), fullPage: true })
      .catch(() => {});
    error.message = `${error.message} (screenshot: ${join(
      screenshotDir,
      'failure.png',
    )})`;
    throw error;
  } finally {
    await browser.close();
  }
}
