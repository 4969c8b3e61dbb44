import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  answer,
  deliveryApis,
  deliveryBackend,
  DELIVERY_BASE_URL,
} from '../../__testUtils__/deliveryBackendMock';
import {
  component,
  scorecardFor,
  scorecardsBackend,
  team,
} from '../../__testUtils__/teamScorecardFixtures';
import {
  checkoutSlos,
  refundsSlo,
  sloStatus,
  slosBackend,
  slosOf,
  webhooksSlo,
} from '../../__testUtils__/sloFixtures';
import { GroupDeliveryContent } from './GroupDeliveryContent';

const payments = team('team-payments', 'Payments');
const GROUP_SCORECARD_PATH = '/entities/group/default/team-payments/scorecard';

const catalog = [
  payments,
  component('checkout-service', { owner: 'group:default/team-payments' }),
  component('cart-service', { owner: 'group:default/team-payments' }),
  component('billing-service', { owner: 'group:default/team-payments' }),
  component('search-service', { owner: 'group:default/team-search' }),
];

/** The team's rollup as the backend computes it from its services' records. */
const teamScorecard = scorecardFor(
  'group:default/team-payments',
  {
    deploymentFrequency: {
      value: 4 / 30,
      sampleSize: 4,
      level: 'medium',
      previous: 0.2,
      target: { comparator: 'gte', threshold: 1 },
      met: false,
    },
    leadTime: { value: 48, p90: 60, sampleSize: 3, level: 'high' },
    changeFailureRate: { value: 0.5, sampleSize: 4, level: 'low' },
    timeToRestore: { value: 1.25, sampleSize: 2, open: 1, level: 'high' },
    cycleTime: {
      value: 36,
      sampleSize: 2,
      target: { comparator: 'lt', threshold: 24 },
      met: false,
    },
    lineCoverage: {
      value: 84.5,
      target: { comparator: 'gt', threshold: 80 },
      met: true,
    },
    incidentsPer30Days: { value: 3, sampleSize: 3 },
  },
  [
    'component:default/billing-service',
    'component:default/cart-service',
    'component:default/checkout-service',
    'group:default/team-payments',
  ],
);

const serviceScorecards = {
  'component:default/checkout-service': scorecardFor(
    'component:default/checkout-service',
    {
      deploymentFrequency: { value: 2, level: 'elite', previous: 1.5 },
      leadTime: { value: 30, level: 'high', previous: 40 },
      changeFailureRate: { value: 0.04, level: 'elite', previous: 0.1 },
      timeToRestore: { value: 0.5, level: 'elite' },
    },
  ),
  'component:default/cart-service': scorecardFor(
    'component:default/cart-service',
    {
      deploymentFrequency: { value: 0.5, level: 'high' },
      leadTime: { value: 200, level: 'medium', previous: 100 },
      changeFailureRate: { value: 0.2, level: 'low' },
    },
  ),
  'component:default/billing-service': scorecardFor(
    'component:default/billing-service',
    { deploymentFrequency: { value: 0.02, level: 'low' } },
  ),
};

const renderTab = (
  entities: Entity[] = catalog,
  group: Entity = payments,
  url?: string,
  language = 'en',
  catalogApi: typeof catalogApiRef.T = catalogApiMock({ entities }),
) =>
  renderInTestApp(
    <EntityProvider entity={group}>
      <GroupDeliveryContent />
    </EntityProvider>,
    {
      apis: [
        ...deliveryApis(),
        [catalogApiRef, catalogApi],
        mockApis.appLanguage({
          defaultLanguage: language,
          availableLanguages: ['en', 'ru'],
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: url ? [url] : undefined,
    },
  );

const tile = (metricName: string) =>
  within(screen.getByRole('region', { name: metricName }));

/** The service names of the table's rows, top to bottom. */
const serviceOrder = () =>
  within(screen.getByRole('region', { name: 'Services' }))
    .getAllByRole('link')
    .map(link => link.textContent);

const columnHeader = (name: string) =>
  within(screen.getByRole('region', { name: 'Services' })).getByRole(
    'columnheader',
    { name },
  );

// The page renders tables, selects and a chart: slow under a full parallel run.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

describe('GroupDeliveryContent', () => {
  registerMswTestHooks(deliveryBackend);
  // Every service defines no SLO unless a test says otherwise.
  beforeEach(() => deliveryBackend.use(slosBackend().handler));

  it('shows the team’s rolled-up scorecard in human units with levels, targets and trends', async () => {
    const scorecards = scorecardsBackend(serviceScorecards);
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, teamScorecard),
      scorecards.handler,
    );
    await renderTab();

    expect(
      await screen.findByRole('heading', { name: 'Team scorecard' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Deployment frequency' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Computed by the backend from the records of everything Payments owns.',
      ),
    ).toBeInTheDocument();

    const frequency = tile('Deployment frequency');
    expect(frequency.getByText('4 / 30 days')).toBeInTheDocument();
    expect(frequency.getByText('Medium')).toBeInTheDocument();
    expect(
      frequency.getByText(/Target missed · Target: ≥ 1 \/ day/),
    ).toBeInTheDocument();
    expect(
      frequency.getByText(/Previous window: 1.4 \/ week/),
    ).toBeInTheDocument();
    expect(frequency.getByText('4 samples')).toBeInTheDocument();

    const leadTime = tile('Lead time for changes');
    expect(leadTime.getByText('2 d')).toBeInTheDocument();
    expect(leadTime.getByText('p90: 2.5 d')).toBeInTheDocument();
    expect(leadTime.getByText('High')).toBeInTheDocument();
    expect(leadTime.getByText('3 samples')).toBeInTheDocument();

    expect(tile('Change failure rate').getByText('50 %')).toBeInTheDocument();
    expect(tile('Change failure rate').getByText('Low')).toBeInTheDocument();
    expect(tile('Time to restore').getByText('1.3 h')).toBeInTheDocument();
    expect(
      tile('Time to restore').getByText('2 samples · 1 open incident'),
    ).toBeInTheDocument();
    expect(tile('Cycle time').getByText('36 h')).toBeInTheDocument();
    expect(
      tile('Cycle time').getByText(/Target missed · Target: < 24 h/),
    ).toBeInTheDocument();
    expect(tile('Test coverage').getByText('84.5 %')).toBeInTheDocument();
    expect(
      tile('Test coverage').getByText(/Target met · Target: > 80 %/),
    ).toBeInTheDocument();
    expect(
      tile('Incidents per 30 days').getByText('3 / 30 days'),
    ).toBeInTheDocument();
  });

  it('lists the services the team owns with each key’s value, level and previous value', async () => {
    const scorecards = scorecardsBackend(serviceScorecards);
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, teamScorecard),
      scorecards.handler,
    );
    await renderTab();

    expect(await screen.findByText('2 / day')).toBeInTheDocument();
    const checkoutLink = screen.getByRole('link', {
      name: 'checkout-service',
    });
    expect(checkoutLink).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-service',
    );
    expect(
      screen.getByText('3 services owned by this team'),
    ).toBeInTheDocument();
    // Only the team's services are asked for, in one call.
    expect(scorecards.requests).toHaveLength(1);
    expect([...scorecards.requests[0]].sort()).toEqual([
      'component:default/billing-service',
      'component:default/cart-service',
      'component:default/checkout-service',
    ]);
    expect(
      screen.queryByRole('link', { name: 'search-service' }),
    ).not.toBeInTheDocument();

    const checkout = within(checkoutLink.closest('tr')!);
    const cells = checkout.getAllByRole('cell');
    // Service, then the four keys in order.
    expect(cells[1]).toHaveTextContent('2 / day');
    expect(cells[1]).toHaveTextContent('Elite');
    expect(cells[1]).toHaveTextContent('Previous: 1.5 / day');
    expect(cells[2]).toHaveTextContent('30 h');
    expect(cells[2]).toHaveTextContent('High');
    expect(cells[2]).toHaveTextContent('Previous: 40 h');
    expect(cells[3]).toHaveTextContent('4 %');
    expect(cells[3]).toHaveTextContent('Previous: 10 %');
    expect(cells[4]).toHaveTextContent('30 min');
    expect(cells[4]).toHaveTextContent('Previous: —');

    const cart = within(
      screen.getByRole('link', { name: 'cart-service' }).closest('tr')!,
    ).getAllByRole('cell');
    expect(cart[2]).toHaveTextContent('8.3 d');
    expect(cart[2]).toHaveTextContent('Medium');
    expect(cart[4]).toHaveTextContent('—');
    expect(cart[4]).toHaveTextContent('No level');
  });

  it('sorts services by a key’s numeric value with missing values last', async () => {
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, teamScorecard),
      scorecardsBackend(serviceScorecards).handler,
    );
    await renderTab();
    expect(await screen.findByText('2 / day')).toBeInTheDocument();

    // By name first.
    expect(serviceOrder()).toEqual([
      'billing-service',
      'cart-service',
      'checkout-service',
    ]);

    const leadTime = () =>
      within(columnHeader('Lead time for changes')).getByRole('button');
    await userEvent.click(leadTime());
    await waitFor(() =>
      expect(serviceOrder()).toEqual([
        'checkout-service',
        'cart-service',
        'billing-service',
      ]),
    );
    await userEvent.click(leadTime());
    await waitFor(() =>
      expect(serviceOrder()).toEqual([
        'cart-service',
        'checkout-service',
        'billing-service',
      ]),
    );
  });

  it('asks for the team and its services over the window in the URL', async () => {
    const windows: string[] = [];
    const record = (request: Request) => {
      const params = new URL(request.url).searchParams;
      windows.push(`${params.get('from')} – ${params.get('to')}`);
    };
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${GROUP_SCORECARD_PATH}`, ({ request }) => {
        record(request);
        return HttpResponse.json(teamScorecard);
      }),
      http.get(`${DELIVERY_BASE_URL}/scorecards`, ({ request }) => {
        record(request);
        return HttpResponse.json({
          items: new URL(request.url).searchParams
            .getAll('entityRef')
            .map(ref => scorecardFor(ref)),
        });
      }),
    );
    await renderTab(
      catalog,
      payments,
      '/?from=2026-10-01T00:00:00.000Z&to=2026-10-31T00:00:00.000Z',
    );

    expect(
      await screen.findByRole('region', { name: 'Deployment frequency' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(windows).toHaveLength(2));
    expect(windows).toEqual([
      '2026-10-01T00:00:00.000Z – 2026-10-31T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z – 2026-10-31T00:00:00.000Z',
    ]);
  });

  it('speaks Russian, with Russian plural forms', async () => {
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, teamScorecard),
      scorecardsBackend(serviceScorecards).handler,
    );
    await renderTab(catalog, payments, undefined, 'ru');

    expect(
      await screen.findByRole('heading', { name: 'Показатели команды' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('3 сервиса команды')).toBeInTheDocument();
    const frequency = await screen.findByRole('region', {
      name: 'Частота развёртываний',
    });
    expect(within(frequency).getByText('4 за 30 дней')).toBeInTheDocument();
    expect(within(frequency).getByText('4 замера')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('region', {
          name: 'Время восстановления сервиса (MTTR)',
        }),
      ).getByText('2 замера · 1 открытый инцидент'),
    ).toBeInTheDocument();
  });

  it('says what to do when the team owns no components', async () => {
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, teamScorecard),
      scorecardsBackend().handler,
    );
    await renderTab([payments, catalog[4]]);

    expect(
      await screen.findByText('This team owns no components'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Set spec.owner: group:default/team-payments in a component’s catalog-info.yaml to list it here.',
      ),
    ).toBeInTheDocument();
  });

  it('says what to do when there is no data in the window', async () => {
    deliveryBackend.use(
      answer(GROUP_SCORECARD_PATH, scorecardFor('group:default/team-payments')),
      scorecardsBackend().handler,
    );
    await renderTab();

    expect(
      await screen.findByText(
        'No delivery data for this team in the selected window',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'None of these services has delivery data in the selected window',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Deployment frequency' }),
    ).not.toBeInTheDocument();
  });

  it('shows progress while the backend answers', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${GROUP_SCORECARD_PATH}`, async () => {
        await gate;
        return HttpResponse.json(teamScorecard);
      }),
      http.get(`${DELIVERY_BASE_URL}/scorecards`, async () => {
        await gate;
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderTab();

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('loading-indicator')).toBeInTheDocument();
    release();
    expect(
      await screen.findByRole('region', { name: 'Deployment frequency' }),
    ).toBeInTheDocument();
  });

  it('shows the backend’s error and retries', async () => {
    deliveryBackend.use(
      answer(
        GROUP_SCORECARD_PATH,
        { error: { name: 'Error', message: 'database unavailable' } },
        500,
      ),
      answer(
        '/scorecards',
        { error: { name: 'Error', message: 'scorecards unavailable' } },
        500,
      ),
    );
    await renderTab();

    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(
      (await screen.findAllByText(/scorecards unavailable/)).length,
    ).toBeGreaterThan(0);

    deliveryBackend.use(answer(GROUP_SCORECARD_PATH, teamScorecard));
    await userEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0]);
    expect(
      await screen.findByRole('region', { name: 'Deployment frequency' }),
    ).toBeInTheDocument();
  });

  describe('SLOs at risk', () => {
    const CHECKOUT = 'component:default/checkout-service';
    const CART = 'component:default/cart-service';
    const BILLING = 'component:default/billing-service';

    /** Checkout pages and tickets, cart pages and runs low, billing's backend fails. */
    const mixedSlos = () => ({
      [CHECKOUT]: checkoutSlos(),
      [CART]: slosOf(CART, [
        sloStatus('cart-errors', { remaining: 0.25 }),
        sloStatus('cart-latency', { remaining: 0.1 }),
        sloStatus('cart-availability', {
          displayName: 'Cart availability',
          alert: 'page',
          remaining: 0.05,
          hoursLeft: 5,
        }),
      ]),
      [BILLING]: new Error('billing SLOs unavailable'),
    });

    const section = (name = 'SLOs at risk') =>
      within(screen.getByRole('region', { name }));

    /** The text of each cell of each row of the SLO table, top to bottom. */
    const sloRows = (tableName = 'SLOs at risk across the team’s services') =>
      within(screen.getByRole('table', { name: tableName }))
        .getAllByRole('row')
        .slice(1)
        .map(row =>
          within(row)
            .getAllByRole('cell')
            .map(cell => cell.textContent),
        );

    const useScorecards = () =>
      deliveryBackend.use(
        answer(GROUP_SCORECARD_PATH, teamScorecard),
        scorecardsBackend(serviceScorecards).handler,
      );

    it('lists the SLOs at risk most urgent first, with a failed service in its own row', async () => {
      useScorecards();
      const slos = slosBackend(mixedSlos());
      deliveryBackend.use(slos.handler);
      const catalogApi = catalogApiMock({ entities: catalog });
      const getEntities = jest.spyOn(catalogApi, 'getEntities');
      await renderTab(catalog, payments, undefined, 'en', catalogApi);

      expect(
        await screen.findByRole('table', {
          name: 'SLOs at risk across the team’s services',
        }),
      ).toBeInTheDocument();
      const table = within(
        screen.getByRole('table', {
          name: 'SLOs at risk across the team’s services',
        }),
      );
      expect(
        table.getAllByRole('columnheader').map(cell => cell.textContent),
      ).toEqual(['Service', 'SLO', 'Alert', 'Error budget', 'Forecast']);
      // Pages, then tickets, then low budgets, each by the lowest budget left; failures last.
      expect(sloRows()).toEqual([
        [
          'cart-service',
          'Cart availability',
          'Page',
          '5 % of budget left',
          'Budget runs out in ~5 hours',
        ],
        [
          'checkout-service',
          'Checkout availability',
          'Page',
          '62 % of budget left',
          'Budget runs out in ~3 days',
        ],
        [
          'checkout-service',
          'Checkout under 300 ms',
          'Ticket',
          'Budget overspent by 12 %',
          'Budget already exhausted',
        ],
        [
          'cart-service',
          'cart-latency',
          'OK',
          '10 % of budget left',
          'Budget not being exhausted',
        ],
        [
          'billing-service',
          'Could not load this service’s SLOs: billing SLOs unavailable',
        ],
      ]);
      expect(table.getAllByRole('link')[0]).toHaveAttribute(
        'href',
        '/catalog/default/component/cart-service',
      );
      expect(section().getByText('4 SLOs at risk')).toBeInTheDocument();
      expect(
        section().getByText('2 SLO definitions could not be read'),
      ).toBeInTheDocument();
      expect(
        section().getByRole('button', { name: 'Retry' }),
      ).toBeInTheDocument();
      expect(section().queryByText('No SLO at risk')).not.toBeInTheDocument();
      expect(section().queryByText('webhook-delivery')).not.toBeInTheDocument();

      // One SLO call per owned service, and one catalog query for the whole tab.
      expect([...slos.requests].sort()).toEqual([BILLING, CART, CHECKOUT]);
      expect(await screen.findByText('2 / day')).toBeInTheDocument();
      expect(getEntities).toHaveBeenCalledTimes(1);
    });

    it('sits below the team scorecard and above the services', async () => {
      useScorecards();
      await renderTab();

      const scorecard = await screen.findByRole('region', {
        name: 'Team scorecard',
      });
      const slos = screen.getByRole('region', { name: 'SLOs at risk' });
      const services = screen.getByRole('region', { name: 'Services' });
      expect(
        scorecard.compareDocumentPosition(slos) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      expect(
        slos.compareDocumentPosition(services) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    });

    it('asks for the SLOs of at most six services at a time', async () => {
      const many = Array.from({ length: 8 }, (_, i) =>
        component(`service-${i + 1}`, {
          owner: 'group:default/team-payments',
        }),
      );
      useScorecards();
      const slos = slosBackend({}, { latencyMs: 30 });
      deliveryBackend.use(slos.handler);
      await renderTab([payments, ...many]);

      expect(
        await screen.findByText('None of the team’s services defines SLOs'),
      ).toBeInTheDocument();
      expect(slos.requests).toHaveLength(8);
      expect(slos.maxInFlight).toBe(6);
    });

    it('says how many SLOs were checked when none is at risk', async () => {
      useScorecards();
      deliveryBackend.use(
        slosBackend({
          [CHECKOUT]: slosOf(CHECKOUT, [webhooksSlo(), refundsSlo()]),
          [CART]: slosOf(CART, [sloStatus('cart-errors', { remaining: 0.25 })]),
        }).handler,
      );
      await renderTab();

      expect(await screen.findByText('No SLO at risk')).toBeInTheDocument();
      expect(
        section().getByText('3 SLOs across 2 services are healthy'),
      ).toBeInTheDocument();
      expect(section().queryByRole('table')).not.toBeInTheDocument();
      expect(
        section().queryByText('None of the team’s services defines SLOs'),
      ).not.toBeInTheDocument();
    });

    it('says how to define SLOs when no service has any', async () => {
      useScorecards();
      await renderTab();

      expect(
        await screen.findByText('None of the team’s services defines SLOs'),
      ).toBeInTheDocument();
      expect(
        section().getByText(
          'Define them as inline YAML in the delivery-insights.io/slos annotation of a service’s catalog-info.yaml; see docs/slo.md.',
        ),
      ).toBeInTheDocument();
      expect(section().queryByText('No SLO at risk')).not.toBeInTheDocument();
      expect(section().queryByRole('table')).not.toBeInTheDocument();
    });

    it('shows progress until every service has answered', async () => {
      useScorecards();
      let release: () => void = () => {};
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      const answered: string[] = [];
      deliveryBackend.use(
        http.get(
          `${DELIVERY_BASE_URL}/entities/:kind/:namespace/:name/slos`,
          async ({ params }) => {
            // Billing answers last, when the test says so.
            if (params.name === 'billing-service') {
              await gate;
            }
            answered.push(String(params.name));
            const entityRef = `${params.kind}:${params.namespace}/${params.name}`;
            return HttpResponse.json(
              slosOf(entityRef, [
                sloStatus(`${params.name}-availability`, { alert: 'page' }),
              ]),
            );
          },
        ),
      );
      await renderTab();

      await waitFor(() => expect(answered).toHaveLength(2));
      // The catalog has answered: the section stays mounted while the SLOs load.
      expect(
        await section().findByRole('progressbar', { name: 'Loading' }),
      ).toBeInTheDocument();
      expect(section().queryByRole('table')).not.toBeInTheDocument();
      release();
      expect(
        await screen.findByRole('table', {
          name: 'SLOs at risk across the team’s services',
        }),
      ).toBeInTheDocument();
      expect(section().queryByRole('progressbar')).not.toBeInTheDocument();
      expect(sloRows().map(row => row[1])).toEqual([
        'billing-service-availability',
        'cart-service-availability',
        'checkout-service-availability',
      ]);
    });

    it('shows the catalog’s error and retries', async () => {
      useScorecards();
      const slos = slosBackend();
      deliveryBackend.use(slos.handler);
      const working = catalogApiMock({ entities: catalog });
      const getEntities = jest
        .fn()
        .mockRejectedValueOnce(new Error('catalog unavailable'))
        .mockImplementation(request => working.getEntities(request));
      await renderTab(
        catalog,
        payments,
        undefined,
        'en',
        catalogApiMock.mock({ getEntities }),
      );

      expect(
        (await screen.findAllByText(/catalog unavailable/)).length,
      ).toBeGreaterThan(0);
      expect(slos.requests).toEqual([]);

      await userEvent.click(section().getByRole('button', { name: 'Retry' }));
      expect(
        await screen.findByText('None of the team’s services defines SLOs'),
      ).toBeInTheDocument();
      expect(slos.requests).toHaveLength(3);
    });

    it('speaks Russian', async () => {
      useScorecards();
      deliveryBackend.use(slosBackend(mixedSlos()).handler);
      await renderTab(catalog, payments, undefined, 'ru');

      const russian = () => section('SLO под угрозой');
      expect(
        await screen.findByRole('table', {
          name: 'SLO под угрозой в сервисах команды',
        }),
      ).toBeInTheDocument();
      expect(
        russian()
          .getAllByRole('columnheader')
          .map(cell => cell.textContent),
      ).toEqual(['Сервис', 'SLO', 'Оповещение', 'Бюджет ошибок', 'Прогноз']);
      expect(sloRows('SLO под угрозой в сервисах команды')).toEqual([
        [
          'cart-service',
          'Cart availability',
          'Вызов',
          'Осталось 5 % бюджета',
          'Бюджет закончится через ~5 часов',
        ],
        [
          'checkout-service',
          'Checkout availability',
          'Вызов',
          'Осталось 62 % бюджета',
          'Бюджет закончится через ~3 дня',
        ],
        [
          'checkout-service',
          'Checkout under 300 ms',
          'Тикет',
          'Бюджет перерасходован на 12 %',
          'Бюджет уже исчерпан',
        ],
        [
          'cart-service',
          'cart-latency',
          'В норме',
          'Осталось 10 % бюджета',
          'Бюджет не будет исчерпан',
        ],
        [
          'billing-service',
          'Не удалось загрузить SLO сервиса: billing SLOs unavailable',
        ],
      ]);
      expect(russian().getByText('4 SLO под угрозой')).toBeInTheDocument();
      expect(
        russian().getByText('Не удалось прочитать 2 описания SLO'),
      ).toBeInTheDocument();
    });

    it('speaks Russian when nothing is at risk, with Russian plural forms', async () => {
      useScorecards();
      deliveryBackend.use(
        slosBackend({
          [CHECKOUT]: slosOf(CHECKOUT, [webhooksSlo(), refundsSlo()]),
        }).handler,
      );
      await renderTab(catalog, payments, undefined, 'ru');

      const russian = () => section('SLO под угрозой');
      expect(
        await screen.findByText('Нет SLO под угрозой'),
      ).toBeInTheDocument();
      expect(
        russian().getByText('2 SLO в 1 сервисе в норме'),
      ).toBeInTheDocument();
    });

    it('speaks Russian when no service defines SLOs', async () => {
      useScorecards();
      await renderTab(catalog, payments, undefined, 'ru');

      const russian = () => section('SLO под угрозой');
      expect(
        await screen.findByText('Ни один сервис команды не определяет SLO'),
      ).toBeInTheDocument();
      expect(
        russian().getByText(
          'Опишите их в виде YAML прямо в аннотации delivery-insights.io/slos в catalog-info.yaml сервиса; см. docs/slo.md.',
        ),
      ).toBeInTheDocument();
    });
  });
});
