import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Scorecard } from '@delivery-insights/backstage-plugin-delivery-common';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  answer,
  DELIVERY_BASE_URL,
  deliveryApis,
  deliveryBackend,
} from '../../__testUtils__/deliveryBackendMock';
import {
  component,
  scorecardFor,
  scorecardsBackend,
  team,
} from '../../__testUtils__/teamScorecardFixtures';
import { DeliveryOverviewPage } from './DeliveryOverviewPage';

const department: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'engineering', namespace: 'default' },
  spec: { type: 'department', children: [] },
};
const teams = [
  team('team-search', 'Search'),
  team('team-payments', 'Payments'),
  team('team-fulfilment', 'Fulfilment'),
];
const components = [
  component('checkout', {
    owner: 'group:default/team-payments',
    system: 'system:default/storefront',
  }),
  component('cart', {
    owner: 'group:default/team-payments',
    system: 'system:default/storefront',
    lifecycle: 'experimental',
  }),
  component('search-api', {
    owner: 'group:default/team-search',
    system: 'system:default/search',
  }),
  component('inventory', {
    owner: 'group:default/team-fulfilment',
    system: 'system:default/fulfilment',
  }),
  component('legacy-report', {
    owner: 'group:default/team-fulfilment',
    lifecycle: 'deprecated',
  }),
];
const catalog = [department, ...teams, ...components];

const levels = (
  ref: string,
  [df, lt, cfr, ttr]: (Scorecard['dora']['leadTime']['level'] | undefined)[],
  deploymentsPerDay = 1,
) =>
  scorecardFor(ref, {
    deploymentFrequency: df ? { value: deploymentsPerDay, level: df } : {},
    leadTime: lt ? { value: 20, level: lt } : {},
    changeFailureRate: cfr ? { value: 0.1, level: cfr } : {},
    timeToRestore: ttr ? { value: 2, level: ttr } : {},
  });

const backendScorecards: Record<string, Scorecard> = {
  // Teams, rolled up by the backend.
  'group:default/team-payments': levels(
    'group:default/team-payments',
    ['high', 'elite', 'high', 'medium'],
    0.5,
  ),
  'group:default/team-fulfilment': levels(
    'group:default/team-fulfilment',
    ['elite', 'high', 'high', 'low'],
    2,
  ),
  'group:default/team-search': levels(
    'group:default/team-search',
    ['elite', 'low', 'low', 'low'],
    3,
  ),
  // Services.
  'component:default/checkout': levels('component:default/checkout', [
    'elite',
    'elite',
    'high',
    'high',
  ]),
  'component:default/cart': levels('component:default/cart', [
    'high',
    'medium',
    'low',
  ]),
  'component:default/search-api': levels('component:default/search-api', [
    'elite',
    'high',
    'elite',
    'elite',
  ]),
  'component:default/inventory': levels('component:default/inventory', [
    'low',
    'low',
  ]),
};

const organisation = scorecardFor(null, {
  deploymentFrequency: {
    value: 1.2,
    sampleSize: 36,
    level: 'elite',
    previous: 0.9,
  },
  leadTime: { value: 20, p90: 50, sampleSize: 40, level: 'elite' },
  changeFailureRate: { value: 0.08, sampleSize: 36, level: 'high' },
  timeToRestore: { value: 3, sampleSize: 4, level: 'high' },
});

const health = answer('/health', {
  status: 'ok',
  database: 'pg',
  providers: ['github', 'pagerduty'],
});

const renderOverview = (
  options: { entities?: Entity[]; url?: string; language?: string } = {},
) =>
  renderInTestApp(<DeliveryOverviewPage />, {
    apis: [
      ...deliveryApis(),
      [
        catalogApiRef,
        catalogApiMock({ entities: options.entities ?? catalog }),
      ],
      mockApis.appLanguage({
        defaultLanguage: options.language ?? 'en',
        availableLanguages: ['en', 'ru'],
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: options.url ? [options.url] : undefined,
  });

/** The component refs of every `/scorecards` call, one list per call. */
const componentRequests = (requests: string[][]) =>
  requests
    .filter(refs => refs.every(ref => ref.startsWith('component:')))
    .map(refs => [...refs].sort());

const region = (name: string) => within(screen.getByRole('region', { name }));

const chooseFilter = async (filter: RegExp, option: string) => {
  await userEvent.click(screen.getByRole('button', { name: filter }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
};

// The page renders tables, selects and a chart: slow under a full parallel run.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

describe('DeliveryOverviewPage', () => {
  registerMswTestHooks(deliveryBackend);

  it('shows the organisation’s four keys in human units with levels', async () => {
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecardsBackend(backendScorecards).handler,
      health,
    );
    await renderOverview();

    expect(
      await screen.findByRole('heading', { name: 'Organisation' }),
    ).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Deployment frequency' });
    const frequency = region('Deployment frequency');
    expect(frequency.getByText('1.2 / day')).toBeInTheDocument();
    expect(frequency.getByText('Elite')).toBeInTheDocument();
    expect(frequency.getByText('36 samples')).toBeInTheDocument();
    expect(
      frequency.getByText(/Previous window: 6.3 \/ week/),
    ).toBeInTheDocument();
    expect(
      region('Lead time for changes').getByText('20 h'),
    ).toBeInTheDocument();
    expect(
      region('Lead time for changes').getByText('p90: 2.1 d'),
    ).toBeInTheDocument();
    expect(region('Change failure rate').getByText('8 %')).toBeInTheDocument();
    expect(region('Change failure rate').getByText('High')).toBeInTheDocument();
    expect(region('Time to restore').getByText('3 h')).toBeInTheDocument();
    // Cycle time and quality belong to the team tab, not the organisation headline.
    expect(
      screen.queryByRole('region', { name: 'Cycle time' }),
    ).not.toBeInTheDocument();

    expect(
      await screen.findByText(
        'Status: ok · Database: pg · Providers: github, pagerduty',
      ),
    ).toBeInTheDocument();
  });

  it('ranks the teams by elite or high keys, then by deployment frequency', async () => {
    const scorecards = scorecardsBackend(backendScorecards);
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecards.handler,
      health,
    );
    await renderOverview();

    const teamsRegion = await screen.findByRole('region', { name: 'Teams' });
    await waitFor(() =>
      expect(
        within(teamsRegion)
          .getAllByRole('link')
          .map(link => link.textContent),
      ).toEqual(['Fulfilment', 'Payments', 'Search']),
    );
    // Only Groups of type team are asked for, in one call.
    expect(
      scorecards.requests
        .filter(refs => refs.some(ref => ref.startsWith('group:')))
        .map(refs => [...refs].sort()),
    ).toEqual([
      [
        'group:default/team-fulfilment',
        'group:default/team-payments',
        'group:default/team-search',
      ],
    ]);

    const row = (name: string) =>
      within(within(teamsRegion).getByRole('link', { name }).closest('tr')!)
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(row('Fulfilment').slice(0, 4)).toEqual([
      '1',
      'Fulfilment',
      '3 of 4',
      '2 / dayElite',
    ]);
    expect(row('Payments').slice(0, 4)).toEqual([
      '2',
      'Payments',
      '3 of 4',
      '3.5 / weekHigh',
    ]);
    expect(row('Search')).toEqual([
      '3',
      'Search',
      '1 of 4',
      '3 / dayElite',
      '20 hLow',
      '10 %Low',
      '2 hLow',
    ]);
    expect(
      within(teamsRegion)
        .getByRole('link', { name: 'Payments' })
        .getAttribute('href'),
    ).toBe('/catalog/default/group/team-payments');
  });

  it('shows how the services spread over the levels of each key, in a chart and in words', async () => {
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecardsBackend(backendScorecards).handler,
      health,
    );
    await renderOverview();

    expect(
      await screen.findByText('5 services match the filters'),
    ).toBeInTheDocument();
    const chart = screen.getByRole('img', {
      name: /^Deployment frequency: 2 elite, 1 high, 0 medium, 1 low, 1 no data\./,
    });
    expect(chart).toHaveAccessibleName(
      [
        'Deployment frequency: 2 elite, 1 high, 0 medium, 1 low, 1 no data',
        'Lead time for changes: 1 elite, 1 high, 1 medium, 1 low, 1 no data',
        'Change failure rate: 1 elite, 1 high, 0 medium, 1 low, 2 no data',
        'Time to restore: 1 elite, 1 high, 0 medium, 0 low, 3 no data',
      ].join('. '),
    );

    const table = screen.getByRole('table', {
      name: 'Number of services at each level, per metric',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual(['Metric', 'Elite', 'High', 'Medium', 'Low', 'No data']);
    const counts = (metric: string) =>
      within(
        within(table).getByRole('rowheader', { name: metric }).closest('tr')!,
      )
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(counts('Deployment frequency')).toEqual(['2', '1', '0', '1', '1']);
    expect(counts('Time to restore')).toEqual(['1', '1', '0', '0', '3']);
  });

  it('asks for the scorecards of the components the owner, system and lifecycle filters keep', async () => {
    const scorecards = scorecardsBackend(backendScorecards);
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecards.handler,
      health,
    );
    await renderOverview();
    await screen.findByText('5 services match the filters');
    expect(componentRequests(scorecards.requests)).toEqual([
      [
        'component:default/cart',
        'component:default/checkout',
        'component:default/inventory',
        'component:default/legacy-report',
        'component:default/search-api',
      ],
    ]);

    await chooseFilter(/^Owner/, 'team-fulfilment');
    expect(
      await screen.findByText('2 services match the filters'),
    ).toBeInTheDocument();
    expect(componentRequests(scorecards.requests).at(-1)).toEqual([
      'component:default/inventory',
      'component:default/legacy-report',
    ]);
    expect(
      screen.getByRole('img', {
        name: /^Deployment frequency: 0 elite, 0 high, 0 medium, 1 low, 1 no data/,
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await screen.findByText('5 services match the filters');

    await chooseFilter(/^System/, 'storefront');
    expect(
      await screen.findByText('2 services match the filters'),
    ).toBeInTheDocument();
    expect(componentRequests(scorecards.requests).at(-1)).toEqual([
      'component:default/cart',
      'component:default/checkout',
    ]);

    await chooseFilter(/^Lifecycle/, 'experimental');
    expect(
      await screen.findByText('1 service matches the filters'),
    ).toBeInTheDocument();
    expect(componentRequests(scorecards.requests).at(-1)).toEqual([
      'component:default/cart',
    ]);
  });

  it('reads the filters from the URL and says when nothing matches', async () => {
    const scorecards = scorecardsBackend(backendScorecards);
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecards.handler,
      health,
    );
    await renderOverview({ url: '/?window=90d&lifecycle=deprecated' });

    expect(
      await screen.findByText('1 service matches the filters'),
    ).toBeInTheDocument();
    expect(componentRequests(scorecards.requests)).toEqual([
      ['component:default/legacy-report'],
    ]);
    expect(
      screen.getByRole('button', { name: /^Lifecycle/ }),
    ).toHaveTextContent('deprecated');
    // The only service has no data at all.
    expect(
      screen.getByText(
        'None of these services has delivery data in the selected window',
      ),
    ).toBeInTheDocument();

    await chooseFilter(/^Owner/, 'team-search');
    expect(
      await screen.findByText('No components match the filters'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Choose other filters or clear them.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    expect(
      await screen.findByText('5 services match the filters'),
    ).toBeInTheDocument();
  });

  it('speaks Russian, with Russian plural forms', async () => {
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecardsBackend(backendScorecards).handler,
      health,
    );
    await renderOverview({ language: 'ru' });

    expect(
      await screen.findByText('5 сервисов подходят под фильтры'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /^Частота развёртываний: элитный — 2, высокий — 1, средний — 0, низкий — 1, нет данных — 1\./,
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Команды' }),
    ).toBeInTheDocument();
    expect((await screen.findAllByText('3 из 4')).length).toBe(2);
    expect(
      region('Частота развёртываний').getByText('1,2 в день'),
    ).toBeInTheDocument();

    await chooseFilter(/^Владелец/, 'team-payments');
    expect(
      await screen.findByText('2 сервиса подходят под фильтры'),
    ).toBeInTheDocument();
    await chooseFilter(/^Жизненный цикл/, 'experimental');
    expect(
      await screen.findByText('1 сервис подходит под фильтры'),
    ).toBeInTheDocument();
  });

  it('asks for at most 200 refs per call', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      component(`service-${String(i).padStart(3, '0')}`, {
        owner: 'group:default/team-payments',
      }),
    );
    const scorecards = scorecardsBackend();
    deliveryBackend.use(
      answer('/organization/scorecard', organisation),
      scorecards.handler,
      health,
    );
    await renderOverview({ entities: [...teams, ...many] });

    expect(
      await screen.findByText('450 services match the filters'),
    ).toBeInTheDocument();
    const batches = componentRequests(scorecards.requests);
    expect(batches.map(batch => batch.length).sort()).toEqual([200, 200, 50]);
    expect(new Set(batches.flat()).size).toBe(450);
    expect(
      screen.getByRole('img', {
        name: /^Deployment frequency: 0 elite, 0 high, 0 medium, 0 low, 450 no data/,
      }),
    ).toBeInTheDocument();
  });

  it('says what to do when the catalog has no teams or components and there is no data', async () => {
    deliveryBackend.use(
      answer('/organization/scorecard', scorecardFor(null)),
      scorecardsBackend().handler,
      answer('/health', {
        status: 'ok',
        database: 'better-sqlite3',
        providers: [],
      }),
    );
    await renderOverview({ entities: [department] });

    expect(
      await screen.findByText('No delivery data in the selected window'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No teams in the catalog'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('The catalog has no components'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Status: ok · Database: better-sqlite3 · Providers: none installed',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/records can still be posted to the ingestion API/),
    ).toBeInTheDocument();
  });

  it('shows progress while loading and the backend’s errors', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}/organization/scorecard`, async () => {
        await gate;
        return HttpResponse.json(
          { error: { name: 'Error', message: 'metrics unavailable' } },
          { status: 500 },
        );
      }),
      http.get(`${DELIVERY_BASE_URL}/scorecards`, async () => {
        await gate;
        return HttpResponse.json(
          { error: { name: 'Error', message: 'scorecards unavailable' } },
          { status: 503 },
        );
      }),
      health,
    );
    await renderOverview();

    expect(
      (
        await screen.findAllByRole(
          'progressbar',
          { name: 'Loading' },
          { timeout: 5000 },
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.getByTestId('loading-indicator')).toBeInTheDocument();
    release();

    expect(
      (await screen.findAllByText(/metrics unavailable/)).length,
    ).toBeGreaterThan(0);
    // The teams table and the distribution each report their own failure.
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Teams' })).getAllByText(
          /scorecards unavailable/,
        ).length,
      ).toBeGreaterThan(0),
    );
    expect(
      within(
        screen.getByRole('region', { name: 'Services by level' }),
      ).getAllByText(/scorecards unavailable/).length,
    ).toBeGreaterThan(0);
  });
});
