import {
  mockApis,
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
} from '../../__testUtils__/entityFixtures';
import {
  availabilitySlo,
  checkoutSlos,
  noSlos,
  SLOS_AT,
} from '../../__testUtils__/sloFixtures';
import { approximateRelativeTime, EntitySloCard } from './EntitySloCard';

const SLOS_PATH = `${CHECKOUT_PATH}/slos`;

const renderCard = (language?: 'ru') =>
  renderInTestApp(
    <EntityProvider entity={checkoutService}>
      <EntitySloCard />
    </EntityProvider>,
    {
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
    },
  );

/** One SLO of the card, found by its heading. */
const slo = async (name: string) => {
  const heading = await screen.findByRole('heading', { name });
  return within(heading.closest('li')!);
};

/** The value shown for a term of an SLO's facts. */
const fact = (item: ReturnType<typeof within>, term: string) =>
  item.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('EntitySloCard', () => {
  registerMswTestHooks(deliveryBackend);

  it('shows objective, attainment, budget, alert, burn rates and forecast of each SLO', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderCard();

    expect(
      screen.getByRole('heading', { name: 'SLOs and error budgets' }),
    ).toBeInTheDocument();

    const availability = await slo('Checkout availability');
    expect(
      availability.getByText(
        'Share of checkout API requests that do not fail with 5xx.',
      ),
    ).toBeInTheDocument();
    expect(fact(availability, 'Objective')).toBe('99.9 %');
    // 760 bad of 2,000,000 requests.
    expect(fact(availability, 'Attainment over 28 days')).toBe('99.962 %');
    expect(fact(availability, 'Alert')).toBe('Page');
    expect(fact(availability, 'Burn rate over 1 h')).toBe('15.2×');
    expect(fact(availability, 'Burn rate over 6 h')).toBe('6.5×');
    expect(availability.getByText('62 % of budget left')).toBeInTheDocument();
    const bar = availability.getByRole('progressbar', {
      name: 'Error budget left: Checkout availability',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '62');
    expect(bar).toHaveAttribute('aria-valuetext', '62 % of budget left');
    // 0.62 × 28 / 6.5 ≈ 2.67 days from when the statuses were computed.
    expect(
      availability.getByText('Budget runs out in ~3 days'),
    ).toBeInTheDocument();

    const latency = await slo('Checkout under 300 ms');
    expect(fact(latency, 'Objective')).toBe('99 %');
    expect(fact(latency, 'Attainment over 30 days')).toBe('98.88 %');
    expect(fact(latency, 'Alert')).toBe('Ticket');
    expect(fact(latency, 'Burn rate over 1 h')).toBe('1.3×');
    expect(fact(latency, 'Burn rate over 6 h')).toBe('1.1×');
    const overspent = latency.getByText('Budget overspent by 12 %');
    expect(overspent).toBeInTheDocument();
    expect(overspent.className).toMatch(/overspent/);
    expect(
      latency.getByRole('progressbar', {
        name: 'Error budget left: Checkout under 300 ms',
      }),
    ).toHaveAttribute('aria-valuenow', '0');
    expect(latency.getByText('Budget already exhausted')).toBeInTheDocument();

    // Without a display name, the SLO goes by its name.
    const webhooks = await slo('webhook-delivery');
    expect(fact(webhooks, 'Objective')).toBe('99.95 %');
    expect(fact(webhooks, 'Attainment over 28 days')).toBe('99.998 %');
    expect(fact(webhooks, 'Alert')).toBe('OK');
    expect(fact(webhooks, 'Burn rate over 1 h')).toBe('0×');
    expect(fact(webhooks, 'Burn rate over 6 h')).toBe('0.2×');
    expect(webhooks.getByText('95 % of budget left')).toBeInTheDocument();
    expect(
      webhooks.getByText('Budget not being exhausted'),
    ).toBeInTheDocument();

    const refunds = await slo('Refund success');
    expect(fact(refunds, 'Objective')).toBe('99.5 %');
    expect(fact(refunds, 'Attainment over 28 days')).toBe('—');
    expect(fact(refunds, 'Alert')).toBe('No data');
    expect(fact(refunds, 'Burn rate over 1 h')).toBe('—');
    expect(refunds.getByText('No events in the window')).toBeInTheDocument();
    expect(refunds.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(refunds.getByText('Budget not being exhausted')).toBeInTheDocument();
  });

  it('lists the definitions the backend could not read, beside the SLOs it could', async () => {
    deliveryBackend.use(answer(SLOS_PATH, checkoutSlos()));
    await renderCard();

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
    expect(
      screen.getByRole('heading', { name: 'Checkout availability' }),
    ).toBeInTheDocument();
  });

  it('shows definition errors alone when no SLO could be read, and survives a partial answer', async () => {
    const { at, entityRef } = noSlos();
    deliveryBackend.use(
      answer(SLOS_PATH, {
        entityRef,
        at,
        errors: [{ message: 'objective is missing' }],
      }),
    );
    await renderCard();

    expect(
      await screen.findByText('1 SLO definition could not be read'),
    ).toBeInTheDocument();
    expect(screen.getByText('objective is missing')).toBeInTheDocument();
    expect(
      screen.queryByText('This service defines no SLOs.'),
    ).not.toBeInTheDocument();
  });

  it('says how to define SLOs when the service has none', async () => {
    deliveryBackend.use(answer(SLOS_PATH, noSlos()));
    await renderCard();

    expect(
      await screen.findByText('This service defines no SLOs.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Define them as inline YAML in the delivery-insights.io/slos annotation of its catalog-info.yaml; see docs/slo.md.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows progress while the SLOs load', async () => {
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${SLOS_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await renderCard();

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText('Objective')).not.toBeInTheDocument();
  });

  it('shows the backend’s error message', async () => {
    deliveryBackend.use(
      answer(
        SLOS_PATH,
        { error: { name: 'Error', message: 'SLOs are unavailable' } },
        500,
      ),
    );
    await renderCard();

    expect(
      (await screen.findAllByText(/SLOs are unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Objective')).not.toBeInTheDocument();
  });

  it('speaks Russian, with Russian plural forms and a Russian forecast', async () => {
    deliveryBackend.use(answer(SLOS_PATH, { ...checkoutSlos(), errors: [] }));
    await renderCard('ru');

    expect(
      await screen.findByRole('heading', { name: 'SLO и бюджеты ошибок' }),
    ).toBeInTheDocument();
    const availability = await slo('Checkout availability');
    expect(fact(availability, 'Целевой уровень')).toBe('99,9 %');
    expect(fact(availability, 'Фактически за 28 дней')).toBe('99,962 %');
    expect(fact(availability, 'Оповещение')).toBe('Вызов');
    expect(availability.getByText('Осталось 62 % бюджета')).toBeInTheDocument();
    expect(
      availability.getByText('Бюджет закончится через ~3 дня'),
    ).toBeInTheDocument();
    const latency = await slo('Checkout under 300 ms');
    expect(fact(latency, 'Фактически за 30 дней')).toBe('98,88 %');
    expect(fact(latency, 'Оповещение')).toBe('Тикет');
    expect(
      latency.getByText('Бюджет перерасходован на 12 %'),
    ).toBeInTheDocument();
  });
});

describe('approximateRelativeTime', () => {
  const from = new Date(SLOS_AT);
  const after = (ms: number) => new Date(from.getTime() + ms);

  it('picks minutes, hours or days and marks the number as approximate', () => {
    expect(approximateRelativeTime(from, after(20 * 60_000), 'en')).toBe(
      'in ~20 minutes',
    );
    expect(approximateRelativeTime(from, after(5.4 * 3_600_000), 'en')).toBe(
      'in ~5 hours',
    );
    expect(
      approximateRelativeTime(
        from,
        new Date(availabilitySlo().exhaustionAt!),
        'en',
      ),
    ).toBe('in ~3 days');
    expect(approximateRelativeTime(from, after(21 * 86_400_000), 'ru')).toBe(
      'через ~21 день',
    );
  });
});
