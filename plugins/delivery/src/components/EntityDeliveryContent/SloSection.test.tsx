import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import {
  answer,
  DELIVERY_BASE_URL,
  deliveryApis,
  deliveryBackend,
} from '../../__testUtils__/deliveryBackendMock';
import { CHECKOUT_PATH } from '../../__testUtils__/entityFixtures';
import { checkoutSlos, noSlos } from '../../__testUtils__/sloFixtures';
import { SloSection } from './SloSection';

const SLOS_PATH = `${CHECKOUT_PATH}/slos`;
const CHECKOUT_REF = 'component:default/checkout-service';

const renderSection = (language?: 'ru') =>
  renderInTestApp(<SloSection entityRef={CHECKOUT_REF} />, {
    apis: [
      ...deliveryApis(),
      ...(language
        ? [
            mockApis.appLanguage({
              defaultLanguage: language,
              availableLanguages: ['en', language],
            }),
          ]
        : []),
    ],
  });

describe('SloSection', () => {
  registerMswTestHooks(deliveryBackend);

  it('charts the budget burn-down and the burn rates of each SLO, with a summary of each', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderSection();

    expect(
      screen.getByRole('heading', {
        name: 'SLOs: error budget burn-down and burn rates',
      }),
    ).toBeInTheDocument();

    expect(
      await screen.findByRole('figure', {
        name: 'Checkout availability Error budget left over 28 days',
      }),
    ).toHaveAccessibleDescription(
      'Over 28 days, the budget left went from 100 % to 62 %',
    );
    const availabilityRates = screen.getByRole('figure', {
      name: 'Checkout availability Burn rate by window, now',
    });
    expect(availabilityRates).toHaveAccessibleDescription(
      'Burn rates: 5 min: 14.4×, 30 min: 16.1×, 1 h: 15.2×, 6 h: 6.5×, 1 d: 2.1×, and 3 d: 1.2×',
    );
    // Title and summary are the visible caption, not only the accessible name and description.
    const caption = within(
      availabilityRates.querySelector('figcaption') as HTMLElement,
    );
    expect(caption.getByText('Burn rate by window, now')).toBeVisible();
    expect(caption.getByText(/^Burn rates: 5 min: 14.4×/)).toBeVisible();

    expect(
      screen.getByRole('figure', {
        name: 'Checkout under 300 ms Error budget left over 30 days',
      }),
    ).toHaveAccessibleDescription(
      'Over 30 days, the budget left went from 90 % to -12 %',
    );
    expect(
      screen.getByRole('figure', {
        name: 'Checkout under 300 ms Burn rate by window, now',
      }),
    ).toHaveAccessibleDescription(
      'Burn rates: 5 min: 1.4×, 30 min: 1.3×, 1 h: 1.3×, 6 h: 1.1×, 1 d: 1.2×, and 3 d: 1.2×',
    );

    expect(
      screen.getByRole('figure', {
        name: 'webhook-delivery Error budget left over 28 days',
      }),
    ).toHaveAccessibleDescription(
      'Over 28 days, the budget left went from 100 % to 95 %',
    );

    expect(
      screen.getByRole('figure', {
        name: 'Refund success Error budget left over 28 days',
      }),
    ).toHaveAccessibleDescription('No events over 28 days');
    expect(
      screen.getByRole('figure', {
        name: 'Refund success Burn rate by window, now',
      }),
    ).toHaveAccessibleDescription(
      'Burn rates: 5 min: —, 30 min: —, 1 h: —, 6 h: —, 1 d: —, and 3 d: —',
    );
  });

  it('heads each SLO with its objective and alert state', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderSection();

    const header = async (name: string) =>
      within((await screen.findByRole('heading', { name })).parentElement!);
    const availability = await header('Checkout availability');
    expect(availability.getByText('Objective: 99.9 %')).toBeInTheDocument();
    expect(availability.getByText('Page')).toBeInTheDocument();
    const latency = await header('Checkout under 300 ms');
    expect(latency.getByText('Objective: 99 %')).toBeInTheDocument();
    expect(latency.getByText('Ticket')).toBeInTheDocument();
    expect(
      (await header('webhook-delivery')).getByText('OK'),
    ).toBeInTheDocument();
    expect(
      (await header('Refund success')).getByText('No data'),
    ).toBeInTheDocument();
  });

  it('lists the definitions the backend could not read', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderSection();

    const errors = within(
      await screen.findByRole('list', {
        name: '2 SLO definitions could not be read',
      }),
    );
    expect(
      errors.getByText(
        'cart-latency: objective must be a share between 0 and 1, got 99.9',
      ),
    ).toBeInTheDocument();
    expect(errors.getByText('SLO #6 has no name')).toBeInTheDocument();
  });

  it('says how to define SLOs when the service has none', async () => {
    deliveryBackend.use(answer(SLOS_PATH, noSlos()));
    await renderSection();

    expect(
      await screen.findByText('This service defines no SLOs.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/delivery-insights\.io\/slos annotation/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows progress while the SLOs load', async () => {
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${SLOS_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await renderSection();

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows the backend’s error message', async () => {
    deliveryBackend.use(
      answer(
        SLOS_PATH,
        { error: { name: 'Error', message: 'SLOs are unavailable' } },
        500,
      ),
    );
    await renderSection();

    expect(
      (await screen.findAllByText(/SLOs are unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('speaks Russian, with Russian plural forms', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderSection('ru');

    expect(
      await screen.findByRole('figure', {
        name: 'Checkout availability Остаток бюджета ошибок за 28 дней',
      }),
    ).toHaveAccessibleDescription(
      'За 28 дней остаток бюджета изменился с 100 % до 62 %',
    );
    expect(
      screen.getByRole('figure', {
        name: 'Checkout availability Текущая скорость расходования бюджета по интервалам',
      }),
    ).toHaveAccessibleDescription(
      'Скорость расходования бюджета: 5 мин: 14,4×, 30 мин: 16,1×, 1 ч: 15,2×, 6 ч: 6,5×, 1 дн.: 2,1× и 3 дн.: 1,2×',
    );
    expect(
      screen.getByText('Не удалось прочитать 2 описания SLO'),
    ).toBeInTheDocument();
  });
});
