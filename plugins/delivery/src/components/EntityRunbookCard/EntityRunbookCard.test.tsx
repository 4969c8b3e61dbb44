import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { OnCallResponse } from '@delivery-insights/backstage-plugin-delivery-common';
import { configure, screen, within } from '@testing-library/react';
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
} from '../../__testUtils__/entityFixtures';
import { EntityRunbookCard } from './EntityRunbookCard';

const ONCALL_PATH = `${CHECKOUT_PATH}/oncall`;

const withRunbook: Entity = {
  ...checkoutService,
  metadata: {
    ...checkoutService.metadata,
    annotations: {
      'delivery-insights.io/runbook':
        'https://wiki.example.com/ops/checkout,https://runbooks.example.com/checkout',
      'delivery-insights.io/rollback': 'https://wiki.example.com/ops/rollback',
    },
    links: [
      {
        url: 'https://runbooks.example.com/checkout',
        title: 'Checkout runbook',
        type: 'runbook',
      },
      {
        url: 'https://grafana.example.com/d/checkout',
        title: 'Grafana: checkout',
        type: 'dashboard',
      },
      { url: 'https://github.com/acme/checkout', title: 'Source' },
    ],
  },
};

const onCall: OnCallResponse = {
  items: [
    {
      provider: 'pagerduty',
      schedule: 'Checkout primary',
      level: 1,
      person: {
        name: 'Anna Ivanova',
        email: 'anna@example.com',
        url: 'https://acme.pagerduty.com/users/P1',
      },
      from: '2026-11-25T08:00:00Z',
      until: '2026-11-26T08:00:00Z',
    },
    {
      provider: 'pagerduty',
      schedule: 'Checkout secondary',
      level: 2,
      person: { name: 'Boris Petrov' },
    },
  ],
  errors: [],
};

const renderCard = (entity: Entity, language?: 'ru') =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityRunbookCard />
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

const section = (name: string) => within(screen.getByRole('region', { name }));

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

describe('EntityRunbookCard', () => {
  registerMswTestHooks(deliveryBackend);

  it('lists runbooks from links and the annotation, rollback, dashboards and who is on call', async () => {
    deliveryBackend.use(answer(ONCALL_PATH, onCall));
    await renderCard(withRunbook);

    expect(
      screen.getByRole('heading', { name: 'Runbook and on-call' }),
    ).toBeInTheDocument();
    // External links carry a visually hidden "Opens in a new window".
    const runbooks = section('Runbooks')
      .getAllByRole('link')
      .map(link => [
        link.textContent?.replace(', Opens in a new window', ''),
        link.getAttribute('href'),
      ]);
    expect(runbooks).toEqual([
      ['Checkout runbook', 'https://runbooks.example.com/checkout'],
      [
        'wiki.example.com/ops/checkout',
        'https://wiki.example.com/ops/checkout',
      ],
    ]);
    expect(screen.queryByText('This service has no runbook')).toBeNull();
    expect(
      section('Rollback procedure').getByRole('link', {
        name: /^wiki\.example\.com\/ops\/rollback/,
      }),
    ).toHaveAttribute('href', 'https://wiki.example.com/ops/rollback');
    expect(
      section('Dashboards').getByRole('link', { name: /^Grafana: checkout/ }),
    ).toHaveAttribute('href', 'https://grafana.example.com/d/checkout');

    const onCallNow = section('On call now');
    expect(
      await onCallNow.findByRole('link', { name: /^Anna Ivanova/ }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/users/P1');
    expect(
      onCallNow.getByRole('link', { name: /^anna@example\.com/ }),
    ).toHaveAttribute('href', 'mailto:anna@example.com');
    expect(onCallNow.getByText('Boris Petrov')).toBeInTheDocument();
    expect(
      onCallNow.getByText(/pagerduty · Level 2 · Checkout secondary/),
    ).toBeInTheDocument();
    expect(
      onCallNow.getByText(/Level 1 · Checkout primary · until/),
    ).toBeInTheDocument();
  });

  it('shows a missing runbook as a gap with a button to the add-runbook template', async () => {
    deliveryBackend.use(answer(ONCALL_PATH, { items: [], errors: [] }));
    await renderCard(checkoutService);

    const runbooks = section('Runbooks');
    expect(
      runbooks.getByText('This service has no runbook'),
    ).toBeInTheDocument();
    expect(
      runbooks.getByText(/delivery-insights\.io\/runbook annotation/),
    ).toBeInTheDocument();
    const create = runbooks.getByRole('button', { name: 'Create a runbook' });
    const href = new URL(create.getAttribute('href')!, 'http://app');
    expect(href.pathname).toBe(
      '/create/templates/default/delivery-add-runbook',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      entity: 'component:default/checkout-service',
    });
    expect(
      section('Rollback procedure').getByText(
        'No rollback procedure linked (link type rollback)',
      ),
    ).toBeInTheDocument();
    expect(
      await section('On call now').findByText(
        'No on-call provider configured for this service',
      ),
    ).toBeInTheDocument();
  });

  it('warns about providers that failed and still shows those that answered', async () => {
    deliveryBackend.use(
      answer(ONCALL_PATH, {
        items: [onCall.items[1]],
        errors: [{ provider: 'opsgenie', message: 'HTTP 401 from Opsgenie' }],
      }),
    );
    await renderCard(withRunbook);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 on-call provider did not answer');
    expect(alert).toHaveTextContent('opsgenie: HTTP 401 from Opsgenie');
    expect(
      section('On call now').getByText('Boris Petrov'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No on-call provider configured for this service'),
    ).toBeNull();
  });

  it('reports a failing on-call request in its section and keeps the links', async () => {
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}${ONCALL_PATH}`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'on-call is down' } },
          { status: 500 },
        ),
      ),
    );
    await renderCard(withRunbook);

    expect(
      await section('On call now').findByText(/on-call is down/),
    ).toBeInTheDocument();
    expect(
      section('On call now').getByRole('button', { name: 'Retry' }),
    ).toBeInTheDocument();
    expect(
      section('Runbooks').getByRole('link', { name: /^Checkout runbook/ }),
    ).toBeInTheDocument();
  });

  it('speaks Russian', async () => {
    deliveryBackend.use(
      answer(ONCALL_PATH, {
        items: [],
        errors: [
          { provider: 'pagerduty', message: 'a' },
          { provider: 'opsgenie', message: 'b' },
        ],
      }),
    );
    await renderCard(checkoutService, 'ru');

    expect(
      await screen.findByRole('heading', { name: 'Ранбук и дежурство' }),
    ).toBeInTheDocument();
    expect(screen.getByText('У сервиса нет ранбука')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Создать ранбук' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '2 источника дежурств не ответили',
    );
    expect(
      section('Процедура отката').getByText(
        'Нет ссылки на процедуру отката (тип ссылки rollback)',
      ),
    ).toBeInTheDocument();
  });
});
