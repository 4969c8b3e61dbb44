import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
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
  octoberScorecard,
} from '../../__testUtils__/entityFixtures';
import { EntityDoraScorecardCard } from './EntityDoraScorecardCard';

const renderCard = (options: { initialRouteEntries?: string[] } = {}) =>
  renderInTestApp(
    <EntityProvider entity={checkoutService}>
      <EntityDoraScorecardCard />
    </EntityProvider>,
    { apis: deliveryApis(), ...options },
  );

/** The tile of one metric, found by its heading. */
const tile = async (name: string) => {
  const heading = await screen.findByRole('heading', { name });
  return within(heading.closest('li')!);
};

describe('EntityDoraScorecardCard', () => {
  registerMswTestHooks(deliveryBackend);

  it('shows rework rate as the fifth key, recovery beneath time to restore, and how the numbers are computed', async () => {
    const scorecard = octoberScorecard();
    scorecard.dora.timeToRestore.statistic = 'mean';
    deliveryBackend.use(answer(`${CHECKOUT_PATH}/scorecard`, scorecard));
    await renderCard();

    const rework = await tile('Deployment rework rate');
    expect(rework.getByText('25 %')).toBeInTheDocument();
    expect(rework.getByText('4 samples')).toBeInTheDocument();

    const restore = await tile('Time to restore');
    expect(restore.getByText('Mean')).toBeInTheDocument();
    expect(
      restore.getByText(
        'Failed deployment recovery (median): 3 h; 1 not recovered',
      ),
    ).toBeInTheDocument();

    expect(screen.getByText('How this is computed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Deployment frequency is per working day: 22 working days in the window, time zone UTC, holidays: none. Its level comes from the days with a deployment in the median whole week.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Incidents in the window: 1 name the deployment that caused them, 0 are attributed to the latest deployment of the same service in the 24 h before them, 1 have no cause.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Deployments without any change: 0.'),
    ).toBeInTheDocument();
  });

  it('shows the four keys in human units with their level, target, trend and sample size', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/scorecard`, octoberScorecard()),
    );
    await renderCard();

    expect(
      screen.getByRole('heading', { name: 'DORA scorecard' }),
    ).toBeInTheDocument();

    // 4 deployments in 30 days: under one a week, so the formatter counts per 30 days.
    const frequency = await tile('Deployment frequency');
    expect(frequency.getByText('4 / 30 days')).toBeInTheDocument();
    expect(frequency.getByText('Medium')).toBeInTheDocument();
    expect(
      frequency.getByText('Target missed · Target: ≥ 1 / day'),
    ).toBeInTheDocument();
    expect(
      frequency.getByText(/Previous window: 0 \/ day/),
    ).toBeInTheDocument();
    expect(frequency.getByText('4 samples')).toBeInTheDocument();

    const leadTime = await tile('Lead time for changes');
    expect(leadTime.getByText('2 d')).toBeInTheDocument();
    expect(leadTime.getByText('p90: 2 d')).toBeInTheDocument();
    expect(leadTime.getByText('High')).toBeInTheDocument();
    expect(
      leadTime.getByText('Target missed · Target: < 24 h'),
    ).toBeInTheDocument();
    expect(
      leadTime.getByText('No data in the previous window'),
    ).toBeInTheDocument();
    expect(leadTime.getByText('3 samples')).toBeInTheDocument();

    const failureRate = await tile('Change failure rate');
    expect(failureRate.getByText('50 %')).toBeInTheDocument();
    expect(failureRate.getByText('Low')).toBeInTheDocument();
    expect(
      failureRate.getByText('Target missed · Target: < 5 %'),
    ).toBeInTheDocument();
    expect(failureRate.getByText(/Previous window: 25 %/)).toHaveTextContent(
      'Worse than the previous window',
    );

    const restore = await tile('Time to restore');
    expect(restore.getByText('1.3 h')).toBeInTheDocument();
    expect(restore.getByText('p90: 1.9 h')).toBeInTheDocument();
    expect(restore.getByText('Target met · Target: < 2 h')).toBeInTheDocument();
    expect(restore.getByText(/Previous window: 3 h/)).toHaveTextContent(
      'Better than the previous window',
    );
    expect(restore.getByText('2 samples')).toBeInTheDocument();
    expect(restore.getByText('1 open incident')).toBeInTheDocument();
  });

  it('asks the backend for the window in the URL', async () => {
    const seen: URL[] = [];
    deliveryBackend.use(
      http.get(
        `${DELIVERY_BASE_URL}${CHECKOUT_PATH}/scorecard`,
        ({ request }) => {
          seen.push(new URL(request.url));
          return HttpResponse.json(octoberScorecard());
        },
      ),
    );
    await renderCard({
      initialRouteEntries: [`/?from=${OCTOBER.from}&to=${OCTOBER.to}`],
    });

    expect(await screen.findByText('50 %')).toBeInTheDocument();
    expect(seen).toHaveLength(1);
    expect(seen[0].searchParams.get('from')).toBe(OCTOBER.from);
    expect(seen[0].searchParams.get('to')).toBe(OCTOBER.to);
  });

  it('shows progress while the scorecard loads', async () => {
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${CHECKOUT_PATH}/scorecard`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await renderCard();

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText('Deployment frequency')).not.toBeInTheDocument();
  });

  it('says how to get data in when nothing was recorded in the window', async () => {
    deliveryBackend.use(answer(`${CHECKOUT_PATH}/scorecard`, emptyScorecard()));
    await renderCard();

    expect(
      await screen.findByText(/^No delivery data for this entity from/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/POST \/api\/delivery\/events/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'How to connect a provider or post events',
      }),
    ).toHaveAttribute('href', '/delivery');
    expect(screen.queryByText('Deployment frequency')).not.toBeInTheDocument();
  });

  it('still shows the keys when the only record is an open incident', async () => {
    const scorecard = emptyScorecard();
    scorecard.dora.timeToRestore.open = 2;
    deliveryBackend.use(answer(`${CHECKOUT_PATH}/scorecard`, scorecard));
    await renderCard();

    const restore = await tile('Time to restore');
    expect(restore.getByText('2 open incidents')).toBeInTheDocument();
    expect(restore.getByText('0 samples')).toBeInTheDocument();
  });

  it('shows the backend’s error message', async () => {
    deliveryBackend.use(
      answer(
        `${CHECKOUT_PATH}/scorecard`,
        { error: { name: 'NotFoundError', message: 'no such entity' } },
        404,
      ),
    );
    await renderCard();

    expect(
      (await screen.findAllByText(/no such entity/)).length,
    ).toBeGreaterThan(0);
  });

  it('says how fresh the data is and which provider sync failed', async () => {
    const minutesAgo = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString();
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/scorecard`, octoberScorecard()),
      http.get(`${DELIVERY_BASE_URL}/sync-status`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/checkout-service'
          ? HttpResponse.json({
              items: [
                {
                  provider: 'github',
                  entityRef: 'component:default/checkout-service',
                  lastSuccessAt: minutesAgo(5),
                  recordsSeen: 120,
                  recordsSkipped: 2,
                  lastSkipped: [],
                },
                {
                  provider: 'pagerduty',
                  entityRef: 'component:default/checkout-service',
                  lastSuccessAt: minutesAgo(180),
                  lastErrorAt: minutesAgo(20),
                  lastError:
                    'GET https://api.pagerduty.com/incidents answered 503',
                  recordsSeen: 4,
                  recordsSkipped: 0,
                  lastSkipped: [],
                },
              ],
            })
          : HttpResponse.json({ items: [] }),
      ),
    );
    await renderCard();

    expect(
      await screen.findByText('Data as of 3 hours ago from github, pagerduty'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'pagerduty: the last sync failed 20 minutes ago: GET https://api.pagerduty.com/incidents answered 503',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('github: 2 upstream records skipped as malformed'),
    ).toBeInTheDocument();
  });

  it('says nothing about freshness when no provider syncs the entity', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/scorecard`, octoberScorecard()),
    );
    await renderCard();
    await tile('Deployment frequency');
    expect(screen.queryByText(/Data as of/)).not.toBeInTheDocument();
  });
});
