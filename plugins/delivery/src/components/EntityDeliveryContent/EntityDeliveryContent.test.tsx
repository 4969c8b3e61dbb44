import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  TimeSeries,
  TimeSeriesMetric,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  answer,
  DELIVERY_BASE_URL,
  deliveryApis,
  deliveryBackend,
} from '../../__testUtils__/deliveryBackendMock';
import {
  CHECKOUT_PATH,
  checkoutService,
  emptyScorecard,
  OCTOBER,
  octoberRecords,
  octoberScorecard,
} from '../../__testUtils__/entityFixtures';
import { checkoutSlos } from '../../__testUtils__/sloFixtures';
import { EntityDeliveryContent } from './EntityDeliveryContent';

const WEEK_MS = 7 * 86_400_000;

/** 26 weekly buckets from 2026-05-04, empty except where `values` says (index: value). */
const weekly = (
  metric: TimeSeriesMetric,
  values: Record<number, number>,
): TimeSeries => ({
  metric,
  bucket: 'week',
  points: Array.from({ length: 26 }, (_, i) => {
    const from = Date.parse('2026-05-04T00:00:00.000Z') + i * WEEK_MS;
    return {
      from: new Date(from).toISOString(),
      to: new Date(from + WEEK_MS).toISOString(),
      value: values[i] ?? null,
      sampleSize: values[i] === undefined ? 0 : 2,
    };
  }),
});

const series: Record<string, TimeSeries> = {
  // Per working day: the latest week deployed on 2 of its 5 working days' worth.
  deploymentFrequency: weekly('deploymentFrequency', { 24: 0.2, 25: 0.4 }),
  // 60 h in one week puts the whole chart in days: the latest 36 h reads 1.5 d.
  leadTime: weekly('leadTime', { 20: 60, 24: 36 }),
  changeFailureRate: weekly('changeFailureRate', { 23: 0.25 }),
  timeToRestore: weekly('timeToRestore', {}),
  failedDeploymentRecoveryTime: weekly('failedDeploymentRecoveryTime', {
    22: 0.5,
  }),
  reworkRate: weekly('reworkRate', { 25: 0.5 }),
};

/** Answers every endpoint of the tab, remembering the query of each request. */
const answerAll = (
  overrides: { records?: object; scorecard?: object } = {},
) => {
  const seen: Record<string, URLSearchParams[]> = {};
  const remember = (name: string, request: Request) => {
    (seen[name] ??= []).push(new URL(request.url).searchParams);
  };
  deliveryBackend.use(
    http.get(
      `${DELIVERY_BASE_URL}${CHECKOUT_PATH}/scorecard`,
      ({ request }) => {
        remember('scorecard', request);
        return HttpResponse.json(overrides.scorecard ?? octoberScorecard());
      },
    ),
    http.get(`${DELIVERY_BASE_URL}${CHECKOUT_PATH}/records`, ({ request }) => {
      remember('records', request);
      return HttpResponse.json(overrides.records ?? octoberRecords());
    }),
    http.get(
      `${DELIVERY_BASE_URL}${CHECKOUT_PATH}/timeseries`,
      ({ request }) => {
        remember('timeseries', request);
        const metric = new URL(request.url).searchParams.get('metric')!;
        return HttpResponse.json(series[metric]);
      },
    ),
    answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
  );
  return seen;
};

const renderTab = (options: { initialRouteEntries?: string[] } = {}) =>
  renderInTestApp(
    <EntityProvider entity={checkoutService}>
      <EntityDeliveryContent />
    </EntityProvider>,
    { apis: deliveryApis(), ...options },
  );

const section = async (name: string) =>
  within(
    (await screen.findByRole('heading', { name })).closest(
      '.MuiCard-root',
    ) as HTMLElement,
  );

describe('EntityDeliveryContent', () => {
  registerMswTestHooks(deliveryBackend);

  it('charts each DORA key over the last 26 weeks, whatever the window, with a summary in its unit', async () => {
    const seen = answerAll();
    await renderTab({
      initialRouteEntries: [`/?from=${OCTOBER.from}&to=${OCTOBER.to}`],
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Last 6 months, week by week',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('figure', { name: 'Lead time for changes' }),
    ).toHaveAccessibleDescription('26 weeks, latest 1.5 d');
    expect(
      screen.getByRole('figure', { name: 'Deployment frequency' }),
    ).toHaveAccessibleDescription('26 weeks, latest 0.4 / working day');
    expect(
      screen.getByRole('figure', { name: 'Change failure rate' }),
    ).toHaveAccessibleDescription('26 weeks, latest 25 %');
    expect(
      screen.getByRole('figure', { name: 'Time to restore' }),
    ).toHaveAccessibleDescription('26 weeks, no data');
    expect(
      screen.getByRole('figure', { name: 'Failed deployment recovery time' }),
    ).toHaveAccessibleDescription('26 weeks, latest 0.5 h');
    expect(
      screen.getByRole('figure', { name: 'Deployment rework rate' }),
    ).toHaveAccessibleDescription('26 weeks, latest 50 %');

    const requests = seen.timeseries;
    expect(requests.map(query => query.get('metric')).sort()).toEqual([
      'changeFailureRate',
      'deploymentFrequency',
      'failedDeploymentRecoveryTime',
      'leadTime',
      'reworkRate',
      'timeToRestore',
    ]);
    for (const query of requests) {
      expect(query.get('bucket')).toBe('week');
      const from = new Date(query.get('from')!);
      const to = new Date(query.get('to')!);
      // Monday 00:00 UTC, 25 whole weeks before the current week, up to now: not the window.
      expect(from.getUTCDay()).toBe(1);
      expect(from.toISOString()).toMatch(/T00:00:00.000Z$/);
      expect(to.getTime() - from.getTime()).toBeGreaterThanOrEqual(
        25 * WEEK_MS,
      );
      expect(to.getTime() - from.getTime()).toBeLessThan(26 * WEEK_MS);
      expect(Math.abs(to.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('asks for the scorecard and the records of the window in the URL', async () => {
    const seen = answerAll();
    await renderTab({
      initialRouteEntries: [`/?from=${OCTOBER.from}&to=${OCTOBER.to}`],
    });

    expect(await screen.findByText('Add Apple Pay')).toBeInTheDocument();
    for (const name of ['scorecard', 'records']) {
      expect(seen[name]).toHaveLength(1);
      expect(seen[name][0].get('from')).toBe(OCTOBER.from);
      expect(seen[name][0].get('to')).toBe(OCTOBER.to);
    }
  });

  it('counts the window’s lead times per bucket', async () => {
    answerAll();
    await renderTab();

    const histogram = await section('Lead time distribution');
    expect(await histogram.findByText('3 changes')).toBeInTheDocument();
    const count = (bucket: string) =>
      within(
        histogram.getByRole('rowheader', { name: bucket }).closest('tr')!,
      ).getAllByRole('cell')[0].textContent;
    expect(count('< 1 h')).toBe('1');
    expect(count('1–24 h')).toBe('0');
    expect(count('1–7 d')).toBe('1');
    expect(count('7–30 d')).toBe('1');
    expect(count('≥ 30 d')).toBe('0');
  });

  it('says so when no change was shipped in the window', async () => {
    answerAll({ records: { ...octoberRecords(), changes: [] } });
    await renderTab();

    const histogram = await section('Lead time distribution');
    expect(
      await histogram.findByText(
        'No change was shipped to production in this window.',
      ),
    ).toBeInTheDocument();
    expect(histogram.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists flow and quality metrics in human units with target, trend and sample size', async () => {
    answerAll();
    await renderTab();

    const flow = await section('Flow and quality');
    const row = async (name: string) =>
      within((await flow.findByRole('rowheader', { name })).closest('tr')!);

    const cycleTime = await row('Cycle time');
    expect(cycleTime.getByText('36 h')).toBeInTheDocument();
    expect(cycleTime.getByText('p85: 44.4 h')).toBeInTheDocument();
    expect(
      cycleTime.getByText('Target missed · Target: < 24 h'),
    ).toBeInTheDocument();
    expect(cycleTime.getByText('2 samples')).toBeInTheDocument();

    expect(
      (await row('Throughput')).getByText('0.5 / week'),
    ).toBeInTheDocument();
    expect(
      (await row('Work in progress')).getByText('1 sample'),
    ).toBeInTheDocument();
    expect(
      (await row('Flow efficiency')).getByText('25 %'),
    ).toBeInTheDocument();
    expect(
      (await row('Velocity variation')).getByText('25 %'),
    ).toBeInTheDocument();

    const coverage = await row('Test coverage');
    expect(coverage.getByText('84.5 %')).toBeInTheDocument();
    expect(
      coverage.getByText('Target met · Target: > 80 %'),
    ).toBeInTheDocument();
    expect(coverage.getByText(/Previous window: 80 %/)).toHaveTextContent(
      'Better than the previous window',
    );

    expect(
      (await row('Defect escape rate')).getByText('50 %'),
    ).toBeInTheDocument();
    expect(
      (await row('Incidents per 30 days')).getByText('3 / 30 days'),
    ).toBeInTheDocument();
  });

  it('lists the deployments, changes and incidents with links to their source', async () => {
    answerAll();
    await renderTab();

    const dateTime = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

    const deployments = within(
      (await screen.findByRole('heading', { name: 'Deployments' })).closest(
        '.MuiPaper-root',
      ) as HTMLElement,
    );
    const d5 = within((await deployments.findByText('d5')).closest('tr')!);
    expect(d5.getByRole('link', { name: /d5/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/checkout/deployments/d5',
    );
    expect(d5.getByRole('link', { name: /d5/ })).toHaveAttribute(
      'target',
      '_blank',
    );
    expect(d5.getByRole('link', { name: /d5/ })).toHaveAccessibleName(
      'd5 (opens in a new tab)',
    );
    expect(d5.getByText('Succeeded')).toBeInTheDocument();
    expect(d5.getByText('Yes')).toBeInTheDocument();
    expect(
      d5.getByText(dateTime.format(new Date('2026-10-20T10:00:00.000Z'))),
    ).toBeInTheDocument();
    const d3 = within(deployments.getByText('d3').closest('tr')!);
    expect(d3.queryByRole('link')).not.toBeInTheDocument();
    expect(d3.getByText('Rolled back')).toBeInTheDocument();
    expect(
      within(deployments.getByText('d2').closest('tr')!).getByText(
        'pr-1, pr-2',
      ),
    ).toBeInTheDocument();

    const changes = within(
      screen
        .getByRole('heading', { name: 'Changes' })
        .closest('.MuiPaper-root') as HTMLElement,
    );
    const applePay = within(changes.getByText('Add Apple Pay').closest('tr')!);
    expect(applePay.getByRole('link')).toHaveAttribute(
      'href',
      'https://github.com/acme/checkout/pull/1',
    );
    expect(applePay.getByText('2 d')).toBeInTheDocument();
    expect(applePay.getByText('bo')).toBeInTheDocument();
    expect(
      within(
        changes.getByText('Retry failed payments').closest('tr')!,
      ).getByText('8 d'),
    ).toBeInTheDocument();
    expect(
      within(changes.getByText('pr-2').closest('tr')!).getByText('30 min'),
    ).toBeInTheDocument();

    const incidents = within(
      screen
        .getByRole('heading', { name: 'Incidents' })
        .closest('.MuiPaper-root') as HTMLElement,
    );
    const open = within(incidents.getByText('Checkout latency').closest('tr')!);
    expect(open.getByText('Still open')).toBeInTheDocument();
    expect(open.getByRole('link')).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/incidents/inc-3',
    );
    const resolved = within(
      incidents.getByText('Payments failing').closest('tr')!,
    );
    expect(resolved.getByText('2 h')).toBeInTheDocument();
    expect(resolved.getByText('d5')).toBeInTheDocument();
    expect(resolved.queryByRole('link')).not.toBeInTheDocument();

    expect(screen.queryByText(/Some lists were cut/)).not.toBeInTheDocument();
  });

  it('says when the backend cut the lists', async () => {
    answerAll({ records: { ...octoberRecords(), truncated: true } });
    await renderTab();

    expect(await screen.findByText(/Some lists were cut/)).toBeInTheDocument();
  });

  it('shows each section’s own error and empty state', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/scorecard`, emptyScorecard()),
      answer(
        `${CHECKOUT_PATH}/records`,
        { error: { name: 'Error', message: 'records are unavailable' } },
        500,
      ),
      answer(
        `${CHECKOUT_PATH}/timeseries`,
        { error: { name: 'Error', message: 'series are unavailable' } },
        500,
      ),
    );
    await renderTab();

    expect(
      await screen.findByText(/No work items or quality snapshots/),
    ).toBeInTheDocument();
    const histogram = await section('Lead time distribution');
    expect(
      (await histogram.findAllByText(/records are unavailable/)).length,
    ).toBeGreaterThan(0);
    const leadTimeChart = await screen.findByRole('figure', {
      name: 'Lead time for changes',
    });
    expect(
      (await within(leadTimeChart).findAllByText(/series are unavailable/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { name: 'Deployments' })).toBeNull();
  });

  it('speaks Russian, with Russian plural forms', async () => {
    answerAll();
    await renderInTestApp(
      <EntityProvider entity={checkoutService}>
        <EntityDeliveryContent />
      </EntityProvider>,
      {
        apis: [
          ...deliveryApis(),
          mockApis.appLanguage({
            defaultLanguage: 'ru',
            availableLanguages: ['en', 'ru'],
          }),
        ],
      },
    );

    expect(
      await screen.findByRole('figure', {
        name: 'Время от коммита до продакшена',
      }),
    ).toHaveAccessibleDescription('26 недель, последнее значение 1,5 дн.');
    expect(await screen.findByText('3 изменения')).toBeInTheDocument();
    const cycleTime = within(
      (await screen.findByRole('rowheader', { name: 'Время цикла' })).closest(
        'tr',
      )!,
    );
    expect(cycleTime.getByText('2 замера')).toBeInTheDocument();
    expect(
      (await screen.findByRole('heading', { name: 'Деплои' })).closest(
        '.MuiPaper-root',
      ),
    ).toHaveTextContent('Откачен');
  });
});
