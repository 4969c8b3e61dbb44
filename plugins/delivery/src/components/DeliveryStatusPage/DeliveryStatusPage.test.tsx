import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import {
  answer,
  deliveryApis,
  deliveryBackend,
} from '../../__testUtils__/deliveryBackendMock';
import { DeliveryStatusPage } from './DeliveryStatusPage';

describe('DeliveryStatusPage', () => {
  registerMswTestHooks(deliveryBackend);

  it('shows the database and the installed providers', async () => {
    deliveryBackend.use(
      answer('/health', {
        status: 'ok',
        database: 'pg',
        providers: ['github', 'pagerduty'],
      }),
    );
    await renderInTestApp(<DeliveryStatusPage />, { apis: deliveryApis() });

    expect(await screen.findByText('github, pagerduty')).toBeInTheDocument();
    expect(screen.getByText('pg')).toBeInTheDocument();
  });

  it('tells the user how to get data in when no provider is installed', async () => {
    deliveryBackend.use(
      answer('/health', {
        status: 'ok',
        database: 'better-sqlite3',
        providers: [],
      }),
    );
    await renderInTestApp(<DeliveryStatusPage />, { apis: deliveryApis() });

    expect(await screen.findByText('none installed')).toBeInTheDocument();
    expect(screen.getByText(/posted to the ingestion API/)).toBeInTheDocument();
  });

  it('shows the backend’s error when it cannot answer', async () => {
    deliveryBackend.use(
      answer(
        '/health',
        { error: { name: 'Error', message: 'database unavailable' } },
        500,
      ),
    );
    await renderInTestApp(<DeliveryStatusPage />, { apis: deliveryApis() });

    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
