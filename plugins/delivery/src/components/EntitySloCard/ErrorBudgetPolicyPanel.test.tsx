import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  DeployGate,
  PolicyException,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
import { checkoutSlos } from '../../__testUtils__/sloFixtures';
import { EntitySloCard } from './EntitySloCard';

const GATE_PATH = `${CHECKOUT_PATH}/deploy-gate`;
const EXCEPTIONS_PATH = `${CHECKOUT_PATH}/policy/exceptions`;

const frozenGate = (overrides: Partial<DeployGate> = {}): DeployGate => ({
  entityRef: 'component:default/checkout-service',
  at: '2026-11-30T12:00:00.000Z',
  decision: 'block',
  state: 'freeze',
  reasons: [
    {
      slo: 'availability',
      code: 'budget_exhausted',
      message: 'SLO availability: error budget exhausted (-12 % left)',
    },
  ],
  slos: [
    { name: 'availability', remaining: -0.12, alert: 'page', state: 'freeze' },
  ],
  exception: null,
  policy: { warnBelowPercent: 25, auditDays: 365 },
  ...overrides,
});

const exception = (
  overrides: Partial<PolicyException> = {},
): PolicyException => ({
  id: 'e-1',
  entityRef: 'component:default/checkout-service',
  reasonKind: 'security-patch',
  justification: 'Patches the TLS library',
  deploymentId: null,
  until: '2099-01-01T12:00:00.000Z',
  status: 'granted',
  requestedBy: 'user:default/alice',
  requestedAt: '2026-11-30T09:00:00.000Z',
  events: [
    {
      action: 'requested',
      actor: 'user:default/alice',
      at: '2026-11-30T09:00:00.000Z',
      comment: 'Patches the TLS library',
    },
    {
      action: 'granted',
      actor: 'user:default/lead',
      at: '2026-11-30T10:00:00.000Z',
      comment: null,
    },
  ],
  ...overrides,
});

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

const policyPanel = async (title = 'Error-budget policy') => {
  const heading = await screen.findByRole('heading', { name: title });
  return within(heading.closest('section')!);
};

describe('the error-budget policy on the SLO card', () => {
  registerMswTestHooks(deliveryBackend);

  it('shows a freeze with its reasons, the pending requests and the request button', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
      answer(GATE_PATH, frozenGate()),
      answer(EXCEPTIONS_PATH, {
        items: [
          exception({
            id: 'e-2',
            status: 'requested',
            events: exception().events.slice(0, 1),
          }),
          exception({ id: 'e-0', status: 'expired' }),
        ],
      }),
    );
    await renderCard();
    const panel = await policyPanel();
    expect(panel.getByText('Freeze: deployments blocked')).toBeInTheDocument();
    expect(
      within(panel.getByRole('list', { name: 'Why' })).getByText(
        'SLO availability: error budget exhausted (-12 % left)',
      ),
    ).toBeInTheDocument();
    expect(
      panel.getByText('1 exception request awaiting a decision'),
    ).toBeInTheDocument();
    expect(panel.queryByText(/Active exception/)).not.toBeInTheDocument();
    expect(
      panel.getByRole('button', { name: 'Request an exception' }),
    ).toBeInTheDocument();
  });

  it('shows the exception in force and who granted it', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
      answer(
        GATE_PATH,
        frozenGate({ decision: 'allow', exception: exception() }),
      ),
      answer(EXCEPTIONS_PATH, {
        items: [exception({ deploymentId: 'checkout-1234' })],
      }),
    );
    await renderCard();
    const panel = await policyPanel();
    expect(
      panel.getByText('Freeze: deployments allowed by an exception'),
    ).toBeInTheDocument();
    expect(
      panel.getByText(
        /^Active exception \(security patch\) for deployment checkout-1234 until .+, granted by user:default\/lead$/,
      ),
    ).toBeInTheDocument();
  });

  it('offers no exception while the policy is normal', async () => {
    deliveryBackend.use(answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()));
    await renderCard();
    const panel = await policyPanel();
    expect(panel.getByText('Normal: deployments allowed')).toBeInTheDocument();
    expect(panel.queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends a request for one deployment and shows it as pending', async () => {
    const requests: unknown[] = [];
    let stored: PolicyException[] = [];
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
      answer(GATE_PATH, frozenGate()),
      http.get(`${DELIVERY_BASE_URL}${EXCEPTIONS_PATH}`, () =>
        HttpResponse.json({ items: stored }),
      ),
      http.post(
        `${DELIVERY_BASE_URL}${EXCEPTIONS_PATH}`,
        async ({ request }) => {
          const body = await request.json();
          requests.push(body);
          const created = exception({
            status: 'requested',
            reasonKind: 'p0-fix',
            deploymentId: 'checkout-1234',
            events: exception().events.slice(0, 1),
          });
          stored = [created];
          return HttpResponse.json(created, { status: 201 });
        },
      ),
    );
    await renderCard();
    const panel = await policyPanel();
    fireEvent.click(
      panel.getByRole('button', { name: 'Request an exception' }),
    );

    const dialog = within(
      await screen.findByRole('dialog', {
        name: 'Request an exception to the freeze',
      }),
    );
    const send = dialog.getByRole('button', { name: 'Send request' });
    expect(send).toBeDisabled();
    fireEvent.change(dialog.getByRole('textbox', { name: /Justification/ }), {
      target: { value: 'Fixes the checkout outage' },
    });
    expect(send).toBeDisabled();
    fireEvent.change(dialog.getByRole('textbox', { name: /Deployment ID/ }), {
      target: { value: ' checkout-1234 ' },
    });
    expect(send).toBeEnabled();
    fireEvent.click(send);

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(requests).toEqual([
      {
        reasonKind: 'p0-fix',
        justification: 'Fixes the checkout outage',
        deploymentId: 'checkout-1234',
      },
    ]);
    expect(
      await panel.findByText('1 exception request awaiting a decision'),
    ).toBeInTheDocument();
  });

  it('sends a request until a time and shows the backend’s refusal in the dialog', async () => {
    const requests: Array<Record<string, string>> = [];
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
      answer(GATE_PATH, frozenGate()),
      http.post(
        `${DELIVERY_BASE_URL}${EXCEPTIONS_PATH}`,
        async ({ request }) => {
          requests.push((await request.json()) as Record<string, string>);
          return HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message:
                  'Invalid request body: until must be at most 14 days ahead',
              },
              request: { method: 'POST', url: EXCEPTIONS_PATH },
              response: { statusCode: 400 },
            },
            { status: 400 },
          );
        },
      ),
    );
    await renderCard();
    const panel = await policyPanel();
    fireEvent.click(
      panel.getByRole('button', { name: 'Request an exception' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.mouseDown(dialog.getByRole('button', { name: /P0 fix/ }));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Security patch' }),
    );
    await waitFor(() => expect(screen.queryAllByRole('option')).toEqual([]));
    fireEvent.change(dialog.getByRole('textbox', { name: /Justification/ }), {
      target: { value: 'CVE-2026-1234 in the TLS library' },
    });
    fireEvent.click(
      dialog.getByRole('radio', { name: 'All deployments until a time' }),
    );
    fireEvent.change(dialog.getByLabelText(/Until/), {
      target: { value: '2026-12-31T18:00' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The request was not stored: Invalid request body: until must be at most 14 days ahead',
    );
    expect(requests).toEqual([
      {
        reasonKind: 'security-patch',
        justification: 'CVE-2026-1234 in the TLS library',
        until: new Date('2026-12-31T18:00').toISOString(),
      },
    ]);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('speaks Russian', async () => {
    deliveryBackend.use(
      answer(`${CHECKOUT_PATH}/slos`, checkoutSlos()),
      answer(GATE_PATH, frozenGate()),
      answer(EXCEPTIONS_PATH, {
        items: [1, 2, 3, 4, 5].map(i =>
          exception({ id: `e-${i}`, status: 'requested' }),
        ),
      }),
    );
    await renderCard('ru');
    const panel = await policyPanel('Политика бюджета ошибок');
    expect(
      panel.getByText('Заморозка релизов: выпуск запрещён'),
    ).toBeInTheDocument();
    expect(
      panel.getByText('5 запросов на исключение ждут решения'),
    ).toBeInTheDocument();
    fireEvent.click(
      panel.getByRole('button', { name: 'Запросить исключение' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Запрос на исключение из заморозки релизов',
      }),
    ).toBeInTheDocument();
  });
});
